import type * as Y from 'yjs';
import { byAsked, questionId, questionSchema, type Question } from '../domain/questions';
import { collection, putRecord, readRecords } from './records';
import { LOCAL_ORIGIN } from './origins';

/**
 * Listeners' questions to a presenting subgroup, on that subgroup's board (domain/questions.ts):
 * read in the order they were asked, put and taken back by their author.
 */

/** The questions on a board, in the order they were asked. */
export function readQuestions(doc: Y.Doc): Question[] {
  return byAsked(readRecords(doc, 'questions', questionSchema));
}

/** Puts a question under its author and slot. */
export function putQuestion(doc: Y.Doc, question: Question, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(
    () => putRecord(collection(doc, 'questions'), questionId(question.authorId, question.slot), question),
    origin,
  );
}

/** Takes a question back. */
export function removeQuestion(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => collection(doc, 'questions').delete(id), origin);
}
