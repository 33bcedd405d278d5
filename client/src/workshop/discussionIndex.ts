import {
  countMarks,
  countVotes,
  type Deferral,
  type Formulation,
  type MarkValue,
  type Vote,
} from '@dmc/shared/domain/discussion';
import { useAppStore, type AppState, type BoardDiscussion } from '../store';

/**
 * The discussion collections of the board indexed for display: per note its marks, dots and
 * highlight (and what I chose), per field its agreed wording and open questions. Pure, memoised.
 */

/** The discussion around one note. */
export interface NoteDiscussion {
  readonly agree: number;
  readonly disagree: number;
  readonly open: number;
  readonly votes: number;
  readonly myMark: MarkValue | null;
  readonly myVotes: number;
  readonly highlighted: boolean;
}

/** Nothing said about a note yet. */
export const NO_DISCUSSION: NoteDiscussion = {
  agree: 0,
  disagree: 0,
  open: 0,
  votes: 0,
  myMark: null,
  myVotes: 0,
  highlighted: false,
};

/** The board's discussion, indexed. */
export interface DiscussionIndex {
  readonly byNote: ReadonlyMap<string, NoteDiscussion>;
  readonly formulationByField: ReadonlyMap<string, Formulation>;
  readonly deferralsByField: ReadonlyMap<string, readonly Deferral[]>;
  /** My dots, by slot. */
  readonly myVotes: readonly Vote[];
}

/** Indexes the discussion collections for one person (pure). */
export function indexDiscussion(discussion: BoardDiscussion, me: string): DiscussionIndex {
  const marks = countMarks(discussion.marks);
  const votes = countVotes(discussion.votes);
  const myMarks = new Map(discussion.marks.filter((m) => m.participantId === me).map((m) => [m.noteId, m.value]));
  const myVotes = discussion.votes.filter((v) => v.participantId === me);
  const myVoteCounts = countVotes(myVotes);
  const highlighted = new Set(discussion.highlights.map((h) => h.noteId));
  const ids = new Set([...marks.keys(), ...votes.keys(), ...highlighted]);
  const byNote = new Map<string, NoteDiscussion>();
  for (const id of ids) {
    const m = marks.get(id);
    byNote.set(id, {
      agree: m?.agree ?? 0,
      disagree: m?.disagree ?? 0,
      open: m?.open ?? 0,
      votes: votes.get(id) ?? 0,
      myMark: myMarks.get(id) ?? null,
      myVotes: myVoteCounts.get(id) ?? 0,
      highlighted: highlighted.has(id),
    });
  }
  const deferralsByField = new Map<string, Deferral[]>();
  for (const d of discussion.deferrals) {
    const list = deferralsByField.get(d.fieldId) ?? [];
    list.push(d);
    deferralsByField.set(d.fieldId, list);
  }
  return {
    byNote,
    formulationByField: new Map(discussion.formulations.map((f) => [f.fieldId, f])),
    deferralsByField,
    myVotes: [...myVotes].sort((a, b) => a.slot - b.slot),
  };
}

/** Dots I can still place: those per person minus the ones I placed in a valid slot. */
export function votesLeft(myVotes: readonly Vote[], dotsPerPerson: number): number {
  return Math.max(0, dotsPerPerson - myVotes.filter((v) => v.slot < dotsPerPerson).length);
}

/** The slot of the dot to take back from a note: my last one on it. */
export function voteToTakeBack(myVotes: readonly Vote[], noteId: string): number | null {
  const mine = myVotes.filter((v) => v.noteId === noteId).map((v) => v.slot);
  return mine.length > 0 ? Math.max(...mine) : null;
}

let cache: { discussion: BoardDiscussion; me: string; value: DiscussionIndex } | null = null;

/** The index from the store, memoised. */
export function selectDiscussionIndex(s: AppState): DiscussionIndex {
  const me = s.session?.participant.id ?? '';
  if (cache && cache.discussion === s.discussion && cache.me === me) return cache.value;
  const value = indexDiscussion(s.discussion, me);
  cache = { discussion: s.discussion, me, value };
  return value;
}

/** The index, re-rendering the caller when the discussion changes. */
export function useDiscussionIndex(): DiscussionIndex {
  return useAppStore(selectDiscussionIndex);
}

/** The discussion of one note. */
export function useNoteDiscussion(noteId: string): NoteDiscussion {
  return useAppStore((s) => selectDiscussionIndex(s).byNote.get(noteId) ?? NO_DISCUSSION);
}
