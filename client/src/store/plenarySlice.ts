import type { ActionItem, ActionSortKey, SortDirection } from '@dmc/shared/domain/actionItems';
import type { ClusterRecord, PlenaryFormulation } from '@dmc/shared/domain/plenary';
import type { Note } from '@dmc/shared/domain/note';
import type { ActionTableFilter } from './actionTable';
import type { PlenaryView } from './plenaryView';
import type { SliceCreator } from './types';
import { type BoardDiscussion, EMPTY_DISCUSSION } from './boardSlice';

/**
 * How a read document is doing: connecting (what is shown may be stale), live (in sync), unavailable
 * (the server keeps it closed right now; read again when the session changes) or gone.
 */
export type ReadStatus = 'connecting' | 'live' | 'unavailable' | 'gone';
/** How a read board is doing. */
export type BoardReadStatus = ReadStatus;

/** Everything on one board, as plain data: its notes and its discussion (questions included). */
export interface BoardSnapshot extends Required<BoardDiscussion> {
  readonly status: BoardReadStatus;
  readonly notes: readonly Note[];
}

/** A board nobody has seen yet. */
export const EMPTY_BOARD: BoardSnapshot = { status: 'connecting', notes: [], ...EMPTY_DISCUSSION };

/** The synthesis document as plain data. */
export interface SynthesisData {
  readonly clusters: readonly ClusterRecord[];
  readonly plenaryFormulations: readonly PlenaryFormulation[];
  readonly actions: readonly ActionItem[];
}

/** How the synthesis document's connection is doing. */
export type SynthesisStatus = 'idle' | 'connecting' | 'live' | 'gone';

/**
 * The plenary views: the synthesis document and every subgroup board as the plenary reads them
 * (written only by collab/synthesisClient and collab/boardReader), plus what this person looks
 * at there (which view, which field, how the action list is sorted and filtered).
 */
export interface PlenarySlice {
  readonly synthesis: SynthesisData;
  readonly synthesisStatus: SynthesisStatus;
  /** False until the synthesis document first synced. */
  readonly synthesisLoaded: boolean;
  /** Boards read for the plenary views, by board id (`plenary` or a subgroup id). */
  readonly plenaryBoards: Readonly<Record<string, BoardSnapshot>>;
  /** The view this person picked; null follows the phase. */
  readonly plenaryView: PlenaryView | null;
  /** The field the synthesis view shows (null: the first). */
  readonly synthesisFieldId: string | null;
  readonly actionSort: { readonly key: ActionSortKey; readonly dir: SortDirection };
  readonly actionFilter: ActionTableFilter;
  /** An action to bring into view and focus once it is on screen (just made elsewhere). */
  readonly focusActionId: string | null;
  setSynthesis(data: SynthesisData): void;
  setSynthesisStatus(status: SynthesisStatus): void;
  resetSynthesis(): void;
  setPlenaryBoards(boards: Readonly<Record<string, BoardSnapshot>>): void;
  setPlenaryView(view: PlenaryView | null): void;
  setSynthesisField(fieldId: string | null): void;
  setActionSort(key: ActionSortKey, dir: SortDirection): void;
  setActionFilter(filter: Partial<ActionTableFilter>): void;
  setFocusAction(id: string | null): void;
  resetPlenary(): void;
}

const EMPTY_SYNTHESIS: SynthesisData = { clusters: [], plenaryFormulations: [], actions: [] };

/** No filter: every action. */
export const NO_ACTION_FILTER: ActionTableFilter = {
  who: '',
  fieldId: '',
  status: '',
  from: '',
  to: '',
  missing: null,
};

const initialPlenary = {
  synthesis: EMPTY_SYNTHESIS,
  synthesisStatus: 'idle' as SynthesisStatus,
  synthesisLoaded: false,
  plenaryBoards: {} as Readonly<Record<string, BoardSnapshot>>,
  plenaryView: null as PlenaryView | null,
  synthesisFieldId: null as string | null,
  actionSort: { key: 'created', dir: 'asc' } as PlenarySlice['actionSort'],
  actionFilter: NO_ACTION_FILTER,
  focusActionId: null as string | null,
};

/** Creates the plenary slice. */
export const createPlenarySlice: SliceCreator<PlenarySlice> = (set) => ({
  ...initialPlenary,
  setSynthesis: (synthesis) => set({ synthesis, synthesisLoaded: true }),
  setSynthesisStatus: (synthesisStatus) => set({ synthesisStatus }),
  resetSynthesis: () => set({ synthesis: EMPTY_SYNTHESIS, synthesisStatus: 'idle', synthesisLoaded: false }),
  setPlenaryBoards: (plenaryBoards) => set({ plenaryBoards }),
  setPlenaryView: (plenaryView) => set({ plenaryView }),
  setSynthesisField: (synthesisFieldId) => set({ synthesisFieldId }),
  setActionSort: (key, dir) => set({ actionSort: { key, dir } }),
  setActionFilter: (filter) => set((s) => ({ actionFilter: { ...s.actionFilter, ...filter } })),
  setFocusAction: (focusActionId) => set({ focusActionId }),
  resetPlenary: () => set(initialPlenary),
});
