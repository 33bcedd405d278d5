import { z } from 'zod/mini';
import { fieldIdSchema, idSchema } from './ids';

/**
 * Questions and reactions to a presenting subgroup: while the subgroups present (the handbook's
 * "Iedere subgroep presenteert kort de ingevulde canvassen"), the listeners post them in a side
 * list beside the presented board. They are stored on that subgroup's board (collection
 * `questions`), so everyone sees them, the presenting group answers from its own board, and the
 * synthesis reads them with the rest of the board, per field.
 */

/** Characters in one question. */
export const QUESTION_LENGTH = 280;

/** Questions one person may put to one subgroup: the record key is their id and a slot below this. */
export const QUESTIONS_PER_PERSON = 5;

/** One question or reaction; record id = questionId(authorId, slot). */
export const questionSchema = z.strictObject({
  authorId: idSchema,
  slot: z.int().check(z.gte(0), z.lte(QUESTIONS_PER_PERSON - 1)),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(QUESTION_LENGTH)),
  /** The field being presented when it was asked (the synthesis shows it there). */
  fieldId: fieldIdSchema,
  createdAt: z.int().check(z.nonnegative()),
});
export type Question = z.infer<typeof questionSchema>;

/** The record id of a person's question in a slot. */
export function questionId(authorId: string, slot: number): string {
  return `${authorId}:${slot}`;
}

/** The first free slot of this person on a board, or null when they used them all. */
export function freeQuestionSlot(questions: readonly Question[], authorId: string): number | null {
  const used = new Set(questions.filter((q) => q.authorId === authorId).map((q) => q.slot));
  for (let slot = 0; slot < QUESTIONS_PER_PERSON; slot++) if (!used.has(slot)) return slot;
  return null;
}

/** Questions in the order they were asked. */
export function byAsked(questions: readonly Question[]): Question[] {
  return [...questions].sort((a, b) => a.createdAt - b.createdAt || a.authorId.localeCompare(b.authorId));
}
