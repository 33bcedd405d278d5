import type { Choice, Deferral, Formulation, Highlight, Mark, Vote } from '@dmc/shared/domain/discussion';
import type { Question } from '@dmc/shared/domain/questions';
import type { Note } from '@dmc/shared/domain/note';
import { PLENARY_BOARD } from '@dmc/shared/protocol/api';
import { mergeNotes, pruneLingering, sameNoteList, type LingeringNote } from './noteMerge';
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

/** The discussion collections of the board on screen, as plain data. */
export interface BoardDiscussion {
  readonly marks: readonly Mark[];
  readonly votes: readonly Vote[];
  readonly formulations: readonly Formulation[];
  readonly deferrals: readonly Deferral[];
  readonly highlights: readonly Highlight[];
  /** What the group chose in fields that ask for a choice (the goal, the concrete questions). */
  readonly choices: readonly Choice[];
  /** Listeners' questions to this group from the presentations (absent in older test data: none). */
  readonly questions?: readonly Question[];
}

/** My private draft's undo history (silent writing); its connection is in `links.draft`. */
export interface DraftStatus {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** The board as the documents and the connections report it. Written only by collab/. */
export interface BoardSlice {
  /** The board on screen: `plenary` or a subgroup id. */
  readonly boardId: string;
  /** Notes of the board document. */
  readonly boardNotes: readonly Note[];
  /** Private notes per draft owner: my own draft, or the drafts a facilitator looks into. */
  readonly drafts: Readonly<Record<string, readonly Note[]>>;
  /** Private notes just revealed, shown until the board has them (see collab/noteMerge). */
  readonly lingering: readonly LingeringNote[];
  /** Every note on screen: board notes, then private notes (deduplicated by id). */
  readonly notes: readonly Note[];
  /** Note id → draft owner, for the private notes in `notes`. */
  readonly privateOwners: ReadonlyMap<string, string>;
  /** False until the first sync; the canvas does not pretend an empty board before that. */
  readonly notesLoaded: boolean;
  readonly discussion: BoardDiscussion;
  readonly peers: readonly Peer[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** My private draft's undo history. */
  readonly draft: DraftStatus;
  readonly boardEnd: BoardEnd | null;
  setBoardId(boardId: string): void;
  /** Sets the board document's notes. */
  setNotes(notes: readonly Note[]): void;
  /** Sets (or with null, forgets) the private notes of one draft. */
  setDraftNotes(ownerId: string, notes: readonly Note[] | null): void;
  /** Keeps revealed private notes on screen until the board shows them. */
  addLingering(entries: readonly LingeringNote[]): void;
  /** Drops the revealed notes still waiting for the board (the phase moved on). */
  clearLingering(): void;
  setDiscussion(discussion: BoardDiscussion): void;
  setPeers(peers: readonly Peer[]): void;
  setHistory(canUndo: boolean, canRedo: boolean): void;
  setDraftStatus(status: Partial<DraftStatus>): void;
  setBoardEnd(end: BoardEnd | null): void;
  /** Forgets the board document's state (switching boards), and the revealed notes waiting for it. */
  resetBoard(): void;
  /** Forgets every draft and lingering note. */
  resetDrafts(): void;
}

/** A board without any discussion yet. */
export const EMPTY_DISCUSSION: Required<BoardDiscussion> = {
  marks: [],
  votes: [],
  formulations: [],
  deferrals: [],
  highlights: [],
  choices: [],
  questions: [],
};
const NO_DRAFT: DraftStatus = { canUndo: false, canRedo: false };

const initialBoard = {
  boardNotes: [] as readonly Note[],
  notesLoaded: false,
  discussion: EMPTY_DISCUSSION,
  peers: [] as readonly Peer[],
  canUndo: false,
  canRedo: false,
  boardEnd: null as BoardEnd | null,
};

type NoteSources = Pick<BoardSlice, 'boardNotes' | 'drafts' | 'lingering' | 'notes' | 'privateOwners'>;

/** Recomputes the merged notes, keeping the previous list when nothing visible changed. */
function merged(
  s: NoteSources,
  change: Partial<Pick<NoteSources, 'boardNotes' | 'drafts' | 'lingering'>>,
): Partial<NoteSources> {
  const next = {
    boardNotes: change.boardNotes ?? s.boardNotes,
    drafts: change.drafts ?? s.drafts,
    lingering: change.lingering ?? s.lingering,
  };
  // The board showing a revealed note ends its lingering at once.
  const lingering = pruneLingering(next.lingering, next.boardNotes);
  const result = mergeNotes(next.boardNotes, Object.entries(next.drafts), lingering);
  const notes = sameNoteList(result.notes, s.notes) ? s.notes : result.notes;
  const owners = sameOwners(result.privateOwners, s.privateOwners) ? s.privateOwners : result.privateOwners;
  return { ...next, lingering, notes, privateOwners: owners };
}

function sameOwners(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, owner] of a) if (b.get(id) !== owner) return false;
  return true;
}

/** Creates the board slice. */
export const createBoardSlice: SliceCreator<BoardSlice> = (set) => ({
  ...initialBoard,
  boardId: PLENARY_BOARD,
  drafts: {},
  lingering: [],
  notes: [],
  privateOwners: new Map(),
  draft: NO_DRAFT,
  setBoardId: (boardId) => set({ boardId }),
  setNotes: (notes) => set((s) => ({ ...merged(s, { boardNotes: notes }), notesLoaded: true })),
  setDraftNotes: (ownerId, notes) =>
    set((s) => {
      const drafts = { ...s.drafts };
      if (notes) drafts[ownerId] = notes;
      else delete drafts[ownerId];
      return merged(s, { drafts });
    }),
  addLingering: (entries) =>
    set((s) => (entries.length === 0 ? s : merged(s, { lingering: [...s.lingering, ...entries] }))),
  clearLingering: () => set((s) => (s.lingering.length === 0 ? s : merged(s, { lingering: [] }))),
  setDiscussion: (discussion) => set({ discussion }),
  setPeers: (peers) => set({ peers }),
  setHistory: (canUndo, canRedo) => set({ canUndo, canRedo }),
  setDraftStatus: (status) => set((s) => ({ draft: { ...s.draft, ...status } })),
  setBoardEnd: (boardEnd) => set({ boardEnd }),
  // Revealed notes belong to the board they were revealed on: switching boards drops them.
  resetBoard: () => set((s) => ({ ...initialBoard, ...merged(s, { boardNotes: [], lingering: [] }) })),
  resetDrafts: () => set((s) => ({ ...merged(s, { drafts: {}, lingering: [] }), draft: NO_DRAFT })),
});
