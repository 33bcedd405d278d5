import type { Deferral } from '@dmc/shared/domain/discussion';
import type { Note } from '@dmc/shared/domain/note';
import { EMPTY_BOARD, type BoardSnapshot } from '../store/plenarySlice';

/** Test fixtures for the plenary view models: notes and boards in a few lines. */

let z = 0;

/** A note in a field. */
export function note(id: string, fieldId: string | null, text: string, extra: Partial<Note> = {}): Note {
  z++;
  return {
    id,
    sheetId: 'vel1',
    fieldId,
    x: 100,
    y: 100 + z,
    color: 'yellow',
    text,
    authorId: 'p1',
    createdAt: 1000 + z,
    z,
    ...extra,
  };
}

/** A draft action (deferral) in a field. */
export function deferral(id: string, fieldId: string, question: string, extra: Partial<Deferral> = {}): Deferral {
  return {
    id,
    sheetId: 'vel1',
    fieldId,
    noteId: null,
    question,
    findOut: '',
    askWhom: '',
    owner: '',
    createdBy: 'p1',
    createdAt: 5000,
    ...extra,
  };
}

/** A live board with the given content. */
export function board(content: Partial<Omit<BoardSnapshot, 'status'>>): BoardSnapshot {
  return { ...EMPTY_BOARD, status: 'live', ...content };
}
