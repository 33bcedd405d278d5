import type { Note } from '@dmc/shared/domain/note';
import type { SliceCreator } from './types';

/** How the board's connection is doing, as the status indicator shows it. */
export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Why the board cannot be shown any more; the page decides what to offer instead. */
export type BoardEnd = 'unauthorized' | 'gone';

/** A person on the board right now (deduplicated by user id: one entry for several tabs). */
export interface Peer {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly self: boolean;
  /** The note this person is typing in, if any. */
  readonly editing: string | null;
}

/** The board as the document and the connection report it. Written only by collab/. */
export interface BoardSlice {
  readonly notes: readonly Note[];
  /** False until the first sync; the canvas does not pretend an empty board before that. */
  readonly notesLoaded: boolean;
  readonly peers: readonly Peer[];
  readonly connection: ConnectionPhase;
  /** Local note changes made while not synced with the server. */
  readonly unsynced: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly boardEnd: BoardEnd | null;
  setNotes(notes: readonly Note[]): void;
  setPeers(peers: readonly Peer[]): void;
  setConnection(connection: ConnectionPhase): void;
  setUnsynced(unsynced: number): void;
  setHistory(canUndo: boolean, canRedo: boolean): void;
  setBoardEnd(end: BoardEnd | null): void;
  resetBoard(): void;
}

const initialBoard = {
  notes: [] as readonly Note[],
  notesLoaded: false,
  peers: [] as readonly Peer[],
  connection: 'connecting' as ConnectionPhase,
  unsynced: 0,
  canUndo: false,
  canRedo: false,
  boardEnd: null as BoardEnd | null,
};

/** Creates the board slice. */
export const createBoardSlice: SliceCreator<BoardSlice> = (set) => ({
  ...initialBoard,
  setNotes: (notes) => set({ notes, notesLoaded: true }),
  setPeers: (peers) => set({ peers }),
  setConnection: (connection) => set({ connection }),
  setUnsynced: (unsynced) => set({ unsynced }),
  setHistory: (canUndo, canRedo) => set({ canUndo, canRedo }),
  setBoardEnd: (boardEnd) => set({ boardEnd }),
  resetBoard: () => set(initialBoard),
});
