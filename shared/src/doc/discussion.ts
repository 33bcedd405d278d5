import * as Y from 'yjs';
import {
  choiceId,
  choiceSchema,
  type Choice,
  formulationSchema,
  highlightSchema,
  markId,
  markSchema,
  voteId,
  voteSchema,
  type Deferral,
  type Formulation,
  type Highlight,
  type Mark,
  type MarkValue,
  type Vote,
} from '../domain/discussion';
import { collection, putRecord, readRecords, upsertRecord } from './records';
import { LOCAL_ORIGIN } from './origins';
import { BOARD_SPEC, collectionNames, readCollection } from './registry';

/** Typed access to the discussion collections of a board document. */

/** Every collection of a board besides its notes (registry). */
export const DISCUSSION_COLLECTIONS = collectionNames(BOARD_SPEC).filter((name) => name !== 'notes');

/** All agreement marks. */
export function readMarks(doc: Y.Doc): Mark[] {
  return readRecords(doc, 'marks', markSchema);
}

/** Sets (or with null, clears) a participant's mark on a note. */
export function setMark(
  doc: Y.Doc,
  noteId: string,
  participantId: string,
  value: MarkValue | null,
  origin: unknown = LOCAL_ORIGIN,
): void {
  const id = markId(noteId, participantId);
  if (value === null) doc.transact(() => collection(doc, 'marks').delete(id), origin);
  else upsertRecord(doc, 'marks', id, { noteId, participantId, value }, origin);
}

/** All voting dots. */
export function readVotes(doc: Y.Doc): Vote[] {
  return readRecords(doc, 'votes', voteSchema);
}

/** Places a participant's dot (in a free slot) on a note. */
export function placeVote(
  doc: Y.Doc,
  noteId: string,
  participantId: string,
  slot: number,
  origin: unknown = LOCAL_ORIGIN,
): void {
  doc.transact(
    () => putRecord(collection(doc, 'votes'), voteId(participantId, slot), { noteId, participantId, slot }),
    origin,
  );
}

/** Takes a dot back. */
export function removeVote(doc: Y.Doc, participantId: string, slot: number, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => collection(doc, 'votes').delete(voteId(participantId, slot)), origin);
}

/** All agreed wordings, one per field. */
export function readFormulations(doc: Y.Doc): Formulation[] {
  return readRecords(doc, 'formulations', formulationSchema);
}

/** Writes a field's agreed wording. */
export function setFormulation(doc: Y.Doc, formulation: Formulation, origin: unknown = LOCAL_ORIGIN): void {
  upsertRecord(
    doc,
    'formulations',
    formulation.fieldId,
    { ...formulation, sourceNoteIds: [...formulation.sourceNoteIds] },
    origin,
  );
}

/** All questions the group could not answer yet. */
export function readDeferrals(doc: Y.Doc): Deferral[] {
  return readCollection(doc, 'deferrals', BOARD_SPEC.deferrals);
}

/** Adds or edits a deferred question. */
export function putDeferral(doc: Y.Doc, deferral: Deferral, origin: unknown = LOCAL_ORIGIN): void {
  upsertRecord(doc, 'deferrals', deferral.id, { ...deferral }, origin);
}

/** Removes a deferred question. */
export function removeDeferral(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => collection(doc, 'deferrals').delete(id), origin);
}

/** All presentation highlights. */
export function readHighlights(doc: Y.Doc): Highlight[] {
  return readRecords(doc, 'highlights', highlightSchema);
}

/** Marks or unmarks a note as a highlight for the presentation. */
export function setHighlight(
  doc: Y.Doc,
  noteId: string,
  by: string,
  on: boolean,
  origin: unknown = LOCAL_ORIGIN,
): void {
  if (on) upsertRecord(doc, 'highlights', noteId, { noteId, by }, origin);
  else doc.transact(() => collection(doc, 'highlights').delete(noteId), origin);
}

/** All choices (the chosen goal, the group's questions). */
export function readChoices(doc: Y.Doc): Choice[] {
  return readRecords(doc, 'choices', choiceSchema);
}

/** Marks a note or a field's wording as the group's choice, or takes that back. */
export function setChoice(doc: Y.Doc, choice: Choice, on: boolean, origin: unknown = LOCAL_ORIGIN): void {
  const id = choiceId(choice.targetKind, choice.targetId);
  if (on) upsertRecord(doc, 'choices', id, { ...choice }, origin);
  else doc.transact(() => collection(doc, 'choices').delete(id), origin);
}

/** Calls `listener` whenever a discussion collection changes, and once now. */
export function observeDiscussion(doc: Y.Doc, listener: () => void): () => void {
  const colls = DISCUSSION_COLLECTIONS.map((name) => collection(doc, name));
  const handler = () => listener();
  for (const c of colls) c.observeDeep(handler);
  listener();
  return () => {
    for (const c of colls) c.unobserveDeep(handler);
  };
}
