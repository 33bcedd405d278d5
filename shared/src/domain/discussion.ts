import { z } from 'zod/mini';
import { idSchema as id, fieldIdSchema as fieldId, sheetIdSchema } from './ids';

/**
 * The discussion tools on a board, as plain records: agreement marks and voting dots per
 * participant, the group's agreed wording per field, questions the group cannot answer yet
 * (draft action points) and the highlights chosen for the presentation.
 */

/** What a participant thinks of a note. */
export const MARK_VALUES = ['agree', 'disagree', 'open'] as const;
export type MarkValue = (typeof MARK_VALUES)[number];

/** A participant's mark on a note; record id `${noteId}:${participantId}`. */
export const markSchema = z.strictObject({ noteId: id, participantId: id, value: z.enum(MARK_VALUES) });
export type Mark = z.infer<typeof markSchema>;

/** The record id of a participant's mark on a note. */
export function markId(noteId: string, participantId: string): string {
  return `${noteId}:${participantId}`;
}

/** One voting dot; record id `${participantId}:${slot}`, slot < dots per person. */
export const voteSchema = z.strictObject({ noteId: id, participantId: id, slot: z.int().check(z.gte(0), z.lte(19)) });
export type Vote = z.infer<typeof voteSchema>;

/** The record id of a participant's dot in a slot. */
export function voteId(participantId: string, slot: number): string {
  return `${participantId}:${slot}`;
}

/** Characters in an agreed wording. */
export const FORMULATION_LENGTH = 1000;

/** The wording the group can all accept for one field; record id = field id. */
export const formulationSchema = z.strictObject({
  fieldId,
  sheetId: sheetIdSchema,
  text: z.string().check(z.maxLength(FORMULATION_LENGTH)),
  /** The notes the wording came from. */
  sourceNoteIds: z.array(id).check(z.maxLength(50)),
  updatedBy: id,
  updatedAt: z.int().check(z.nonnegative()),
});
export type Formulation = z.infer<typeof formulationSchema>;

/** Characters in each part of a deferred question. */
export const DEFERRAL_TEXT_LENGTH = 500;

/**
 * A question the group cannot answer now: the handbook's advice is to make it an action point —
 * what to find out, whom to ask, who does it.
 */
export const deferralSchema = z.strictObject({
  id,
  sheetId: sheetIdSchema,
  fieldId,
  /** The note it came from, if any. */
  noteId: z.nullable(id),
  question: z.string().check(z.maxLength(DEFERRAL_TEXT_LENGTH)),
  findOut: z.string().check(z.maxLength(DEFERRAL_TEXT_LENGTH)),
  askWhom: z.string().check(z.maxLength(DEFERRAL_TEXT_LENGTH)),
  owner: z.string().check(z.maxLength(120)),
  createdBy: id,
  createdAt: z.int().check(z.nonnegative()),
});
export type Deferral = z.infer<typeof deferralSchema>;

/** A note the group picked for its presentation; record id = note id. */
export const highlightSchema = z.strictObject({ noteId: id, by: id });
export type Highlight = z.infer<typeof highlightSchema>;

/** Counts of marks on one note. */
export interface MarkCounts {
  readonly agree: number;
  readonly disagree: number;
  readonly open: number;
}

/** Counts marks per note. */
export function countMarks(marks: readonly Mark[]): Map<string, MarkCounts> {
  const counts = new Map<string, { agree: number; disagree: number; open: number }>();
  for (const mark of marks) {
    const entry = counts.get(mark.noteId) ?? { agree: 0, disagree: 0, open: 0 };
    entry[mark.value]++;
    counts.set(mark.noteId, entry);
  }
  return counts;
}

/** Counts voting dots per note. */
export function countVotes(votes: readonly Vote[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const vote of votes) counts.set(vote.noteId, (counts.get(vote.noteId) ?? 0) + 1);
  return counts;
}

/** The first free dot slot of a participant, or null when all dots are used. */
export function freeVoteSlot(votes: readonly Vote[], participantId: string, dotsPerPerson: number): number | null {
  const used = new Set(votes.filter((v) => v.participantId === participantId).map((v) => v.slot));
  for (let slot = 0; slot < dotsPerPerson; slot++) if (!used.has(slot)) return slot;
  return null;
}

/**
 * What the group chose in a field that asks for a choice ("Kies er één" for DOEL, "max 2" for the
 * concrete questions): a note, or the field's agreed wording. Record id = `note-<noteId>` or
 * `formulation-<fieldId>`.
 */
export const choiceSchema = z.strictObject({
  fieldId,
  targetKind: z.enum(['note', 'formulation']),
  targetId: id,
  by: id,
});
export type Choice = z.infer<typeof choiceSchema>;

/** The record id of a choice. */
export function choiceId(targetKind: Choice['targetKind'], targetId: string): string {
  return `${targetKind}-${targetId}`;
}
