import type { Choice } from '../domain/discussion';
import type { Note } from '../domain/note';

/**
 * Small records for tests, one definition for every package's tests: a yellow note by `a` at the
 * sheet's origin, and a choice in `a`'s name. Override what a test is about.
 */

/** A note on sheet 1 (text = id) unless `extra` says otherwise. */
export function sampleNote(id: string, extra: Partial<Note> = {}): Note {
  return {
    id,
    sheetId: 'vel1',
    fieldId: null,
    x: 0,
    y: 0,
    color: 'yellow',
    text: id,
    authorId: 'a',
    createdAt: 1,
    z: 1,
    ...extra,
  };
}

/** `a` chooses a note (or a wording) in a field. */
export function sampleChoice(fieldId: string, targetId: string, targetKind: Choice['targetKind'] = 'note'): Choice {
  return { fieldId, targetKind, targetId, by: 'a' };
}
