import type { Actor } from '../domain/actor';
import type { BoardContext } from '../domain/boardRules';
import type { Choice, Deferral } from '../domain/discussion';
import type { Note } from '../domain/note';
import type { BoardRights, WorkshopState } from '../domain/permissions';
import type { PhaseId } from '../domain/phases';

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

/** Anna's open question `d1` in the field doel of sheet 1, "kunnen we nu niet beantwoorden". */
export function sampleDeferral(extra: Partial<Deferral> = {}): Deferral {
  return {
    id: 'd1',
    sheetId: 'vel1',
    fieldId: 'doel',
    noteId: null,
    question: 'Welke data?',
    findOut: '',
    askWhom: '',
    owner: '',
    createdBy: 'anna',
    createdAt: 1,
    ...extra,
  };
}

/** The people of the rule tests: two participants and a facilitator. */
export const ANNA: Actor = { id: 'anna', role: 'participant' };
export const BRAM: Actor = { id: 'bram', role: 'participant' };
export const FAC: Actor = { id: 'fac', role: 'facilitator' };

/** Anna's note `n1` in the field doel of sheet 1, as the rule tests write it. */
export const ANNAS_NOTE: Note = sampleNote('n1', { fieldId: 'doel', x: 10, y: 150, text: 'hallo', authorId: 'anna' });

/** A workshop in a phase, open, with subgroups and no group presenting, unless `extra` says otherwise. */
export function sampleState(phaseId: PhaseId, extra: Partial<WorkshopState> = {}): WorkshopState {
  return { phaseId, closed: false, hasGroups: true, spotlightGroupId: null, ...extra };
}

/**
 * A board for the record rules: the given rights, one record in each collection unless `counts`
 * says otherwise, three dots a person, one note (`n1`), and the fields doel (sheet 1) and data (sheet 2).
 */
export function sampleBoardContext(rights: BoardRights, counts: Readonly<Record<string, number>> = {}): BoardContext {
  return {
    count: (collection: string) => counts[collection] ?? 1,
    rights,
    dotsPerPerson: 3,
    noteExists: (id: string) => id === 'n1',
    sheetOfField: (fieldId: string) => ({ doel: 'vel1', data: 'vel2' })[fieldId],
  };
}
