import { create } from 'zustand';
import { createBoardSlice } from './boardSlice';
import { createLinkSlice } from './linkSlice';
import { createPlenarySlice } from './plenarySlice';
import { createRecoverySlice } from './recoverySlice';
import { createSessionSlice } from './sessionSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';
import { createWorkshopSlice } from './workshopSlice';

export type { AppState } from './types';
export type { Peer, ConnectionPhase, BoardEnd, BoardDiscussion, DraftStatus } from './boardSlice';
export type { LinkKey, LinkState } from './linkSlice';
export { linkSummary } from './linkSlice';
export type { InfoTarget, Notice, ContextMenuState, FieldPanelState } from './uiSlice';
export type { SynthesisData, SynthesisStatus } from './plenarySlice';

/** The one client store. Components select one value at a time: `useAppStore((s) => s.sheetId)`. */
export const useAppStore = create<AppState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createBoardSlice(...args),
  ...createUiSlice(...args),
  ...createWorkshopSlice(...args),
  ...createPlenarySlice(...args),
  ...createRecoverySlice(...args),
  ...createLinkSlice(...args),
}));

/** The store's imperative API, for code outside React (collab, actions). */
export type AppStore = typeof useAppStore;
