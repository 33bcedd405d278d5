import * as Y from 'yjs';
import { noteSchema, clampNoteText, type Note, type NoteColor } from '../domain/note';
import { collection, parseRecord, patchRecord, putRecord, type YCollection } from './records';
import { LOCAL_ORIGIN } from './origins';
import { BOARD_SPEC, DRAFT_SPEC, collectionNames, readCollection, undoManagerFor } from './registry';

/**
 * A board document holds what a group writes on both sheets. This module is the only code that
 * reads or writes a board's Yjs structure; everything else works with plain `Note` objects.
 */

/** Collections in a board document, in the order they were introduced (declared in registry.ts). */
export const BOARD_COLLECTIONS = collectionNames(BOARD_SPEC);

/** Collections in a participant's private draft (registry.ts). */
export const DRAFT_COLLECTIONS = collectionNames(DRAFT_SPEC);

export { LOCAL_ORIGIN, SERVER_ORIGIN } from './origins';

/** The notes collection of a board document. */
export function notesOf(doc: Y.Doc): YCollection {
  return collection(doc, 'notes');
}

/** Parses a stored note; undefined for anything malformed (never thrown: remote data). */
export function parseNote(value: unknown): Note | undefined {
  const parsed = noteSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** All well-formed notes of a board, in stacking order (bottom first). */
export function readNotes(doc: Y.Doc): Note[] {
  return readCollection(doc, 'notes', BOARD_SPEC.notes);
}

/** One note by id. */
export function readNote(doc: Y.Doc, id: string): Note | undefined {
  const record = notesOf(doc).get(id);
  return record instanceof Y.Map ? parseRecord(record, noteSchema) : undefined;
}

/** Number of notes on a board. */
export function countNotes(doc: Y.Doc): number {
  return notesOf(doc).size;
}

/** Highest stacking order in use, so a new or touched note can go on top. */
export function topZ(doc: Y.Doc): number {
  let top = 0;
  notesOf(doc).forEach((record) => {
    const z = record instanceof Y.Map ? record.get('z') : undefined;
    if (typeof z === 'number' && z > top) top = z;
  });
  return top;
}

/** What a caller supplies to create a note. */
export type NewNote = Omit<Note, 'z' | 'createdAt'> & { readonly createdAt?: number };

/** Adds a note on top of the others. */
export function addNote(doc: Y.Doc, note: NewNote, origin: unknown = LOCAL_ORIGIN): Note {
  const full: Note = {
    ...note,
    text: clampNoteText(note.text),
    createdAt: note.createdAt ?? Date.now(),
    z: topZ(doc) + 1,
  };
  doc.transact(() => {
    putRecord(notesOf(doc), full.id, { ...full });
  }, origin);
  return full;
}

/** Changes a note's text. */
export function setNoteText(doc: Y.Doc, id: string, text: string, origin: unknown = LOCAL_ORIGIN): void {
  update(doc, id, { text: clampNoteText(text) }, origin);
}

/** Where a note lies: its sheet position and the field that position falls in. */
export interface NotePlacement {
  readonly x: number;
  readonly y: number;
  readonly fieldId: string | null;
  readonly sheetId?: string;
}

/** Moves a note (one transaction: a drag is one undo step) and brings it to the top. */
export function moveNote(doc: Y.Doc, id: string, placement: NotePlacement, origin: unknown = LOCAL_ORIGIN): void {
  const z = topZ(doc);
  const current = notesOf(doc).get(id)?.get('z');
  update(doc, id, { ...placement, z: current === z ? z : z + 1 }, origin);
}

/** Changes a note's colour. */
export function setNoteColor(doc: Y.Doc, id: string, color: NoteColor, origin: unknown = LOCAL_ORIGIN): void {
  update(doc, id, { color }, origin);
}

/** Removes a note. */
export function deleteNote(doc: Y.Doc, id: string, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => {
    notesOf(doc).delete(id);
  }, origin);
}

function update(doc: Y.Doc, id: string, values: Partial<Note>, origin: unknown): void {
  const record = notesOf(doc).get(id);
  if (!(record instanceof Y.Map)) return;
  doc.transact(() => {
    patchRecord(record, values);
  }, origin);
}

/** Puts complete notes (ids and authors kept) on top of a board: reveal, import. */
export function importNotes(doc: Y.Doc, notes: readonly Note[], origin: unknown): void {
  doc.transact(() => {
    let z = topZ(doc);
    const coll = notesOf(doc);
    for (const note of notes) putRecord(coll, note.id, { ...note, z: ++z });
  }, origin);
}

/** Removes notes by id. */
export function removeNotes(doc: Y.Doc, ids: readonly string[], origin: unknown): void {
  doc.transact(() => {
    const coll = notesOf(doc);
    for (const id of ids) coll.delete(id);
  }, origin);
}

/**
 * Calls `listener` with all notes whenever the board changes, and once now. Returns the
 * unsubscribe function. `local` tells whether the change came from this user.
 */
export function observeNotes(doc: Y.Doc, listener: (notes: Note[], local: boolean) => void): () => void {
  const notes = notesOf(doc);
  const handler = (_events: unknown, tr: Y.Transaction) =>
    listener(readNotes(doc), tr.local && tr.origin === LOCAL_ORIGIN);
  notes.observeDeep(handler);
  listener(readNotes(doc), false);
  return () => notes.unobserveDeep(handler);
}

/** An undo manager over a board's notes that only ever reverts the local user's own edits (a draft's undo). */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return undoManagerFor(doc, DRAFT_SPEC)!;
}
