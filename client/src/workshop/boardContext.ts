import { createContext, useContext } from 'react';
import type { CanvasTemplate } from '@dmc/shared/template/types';
import type { BoardClient } from '../collab/boardClient';
import type { SessionClient } from '../collab/sessionClient';
import type { AppStore } from '../store';

/** What an action works with: the store, the live board and session, the template. */
export interface ActionContext {
  readonly store: AppStore;
  /** The board on screen. */
  readonly board: BoardClient;
  /** My private draft while writing silently (and shortly after, until the reveal). */
  readonly draft?: BoardClient | null;
  /** The workshop's session document: phase, timer, subgroups. */
  readonly session: SessionClient;
  /** The template of the board on screen. */
  readonly template: CanvasTemplate;
}

/** The live board for the components under BoardScreen. */
export const BoardContext = createContext<ActionContext | null>(null);

/** The action context of the board on screen; only valid under BoardScreen. */
export function useBoard(): ActionContext {
  const ctx = useContext(BoardContext);
  if (!ctx) throw new Error('useBoard outside BoardScreen');
  return ctx;
}
