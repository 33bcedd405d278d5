import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../doc/records';
import { checkBoardChanges } from './boardRules';
import { LIMITS, collectionLimit } from './limits';
import { boardRights, type BoardRights } from './permissions';
import {
  ANNA as anna,
  ANNAS_NOTE,
  BRAM as bram,
  FAC as fac,
  sampleBoardContext,
  sampleDeferral,
  sampleState,
} from '../testing/fixtures';

const open: BoardRights = boardRights(anna, { kind: 'plenary' }, sampleState('open', { hasGroups: false }), {
  groupId: null,
});
const vel1Only: BoardRights = boardRights(anna, { kind: 'group', groupId: 'a' }, sampleState('vel1-discuss'), {
  groupId: 'a',
});
const ctx = (rights = open, counts: Readonly<Record<string, number>> = {}) => sampleBoardContext(rights, counts);
const note: Record<string, unknown> = { ...ANNAS_NOTE };
const add = (after: Record<string, unknown> = note): RecordChange => ({
  type: 'add',
  collection: 'notes',
  id: String(after.id),
  after: after as never,
});
const update = (keys: string[], after: Record<string, unknown>): RecordChange => ({
  type: 'update',
  collection: 'notes',
  id: 'n1',
  keys,
  before: note as never,
  after: { ...note, ...after } as never,
});
const remove: RecordChange = { type: 'remove', collection: 'notes', id: 'n1', before: note as never };

describe('board rules', () => {
  it('accepts a well-formed note in your own name', () => {
    expect(checkBoardChanges(anna, [add()], ctx())).toBeNull();
  });

  it("refuses a note in someone else's name, except from a facilitator (undo of a deletion)", () => {
    expect(checkBoardChanges(bram, [add()], ctx())).toMatchObject({ code: 'forbidden' });
    expect(checkBoardChanges(fac, [add()], ctx())).toBeNull();
  });

  it('refuses malformed notes as invalid, and over-long text as a limit', () => {
    expect(checkBoardChanges(anna, [add({ ...note, color: 'chartreuse' })], ctx())).toMatchObject({ code: 'invalid' });
    expect(checkBoardChanges(anna, [add({ ...note, extra: 1 })], ctx())).toMatchObject({ code: 'invalid' });
    expect(
      checkBoardChanges(anna, [add({ ...note, text: 'x'.repeat(LIMITS.noteTextLength + 1) })], ctx()),
    ).toMatchObject({ code: 'limit' });
  });

  it('lets anyone move a note, but only the author (or a facilitator) edit its text or delete it', () => {
    expect(
      checkBoardChanges(bram, [update(['x', 'y', 'fieldId'], { x: 300, fieldId: 'doelgroep' })], ctx()),
    ).toBeNull();
    expect(checkBoardChanges(bram, [update(['text'], { text: 'anders' })], ctx())).toMatchObject({ code: 'forbidden' });
    expect(checkBoardChanges(anna, [update(['text'], { text: 'anders' })], ctx())).toBeNull();
    expect(checkBoardChanges(fac, [update(['text'], { text: 'anders' })], ctx())).toBeNull();
    expect(checkBoardChanges(bram, [remove], ctx())).toMatchObject({ code: 'forbidden' });
    expect(checkBoardChanges(anna, [remove], ctx())).toBeNull();
  });

  it('never lets the author of a note change', () => {
    expect(checkBoardChanges(anna, [update(['authorId'], { authorId: 'bram' })], ctx())).toMatchObject({
      code: 'forbidden',
    });
  });

  it('enforces the notes-per-board limit only when notes are added', () => {
    expect(checkBoardChanges(anna, [add()], ctx(open, { notes: LIMITS.notesPerBoard + 1 }))).toMatchObject({
      code: 'limit',
    });
    expect(
      checkBoardChanges(anna, [update(['x'], { x: 20 })], ctx(open, { notes: LIMITS.notesPerBoard + 1 })),
    ).toBeNull();
  });

  it('keeps notes on the sheets the phase works on', () => {
    expect(checkBoardChanges(anna, [add()], ctx(vel1Only))).toBeNull();
    expect(checkBoardChanges(anna, [add({ ...note, sheetId: 'vel2', fieldId: 'data' })], ctx(vel1Only))).toMatchObject({
      code: 'forbidden',
    });
    expect(checkBoardChanges(anna, [update(['sheetId', 'x'], { sheetId: 'vel2' })], ctx(vel1Only))).toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses every note change when the phase gives no note rights', () => {
    const none: BoardRights = { read: true, permissions: new Set(), writableSheets: [], writesPrivately: false };
    expect(checkBoardChanges(anna, [add()], ctx(none))).toMatchObject({ code: 'forbidden' });
  });
});

describe('discussion tools', () => {
  const rec = (collection: string, id: string, after: Record<string, unknown>): RecordChange => ({
    type: 'add',
    collection,
    id,
    after: after as never,
  });
  const discuss = ctx(vel1Only);

  it('accepts your own mark on an existing note and refuses a mark in another name', () => {
    /** Anna's check of an "agree" mark stored under `key`. */
    const mark = (key: string, noteId: string, participantId: string) =>
      checkBoardChanges(anna, [rec('marks', key, { noteId, participantId, value: 'agree' })], discuss);
    expect(mark('n1:anna', 'n1', 'anna')).toBeNull();
    expect(mark('n1:bram', 'n1', 'bram')).toMatchObject({ code: 'forbidden' });
    expect(mark('zz:anna', 'zz', 'anna')).toMatchObject({ code: 'invalid' });
    expect(mark('other-key', 'n1', 'anna')).toMatchObject({ code: 'invalid' });
  });

  it('limits voting dots to the workshop setting', () => {
    expect(
      checkBoardChanges(anna, [rec('votes', 'anna:2', { noteId: 'n1', participantId: 'anna', slot: 2 })], discuss),
    ).toBeNull();
    expect(
      checkBoardChanges(anna, [rec('votes', 'anna:3', { noteId: 'n1', participantId: 'anna', slot: 3 })], discuss),
    ).toMatchObject({ code: 'limit' });
  });

  it('accepts an agreed wording for a field on the sheet being discussed only', () => {
    const f = {
      fieldId: 'doel',
      sheetId: 'vel1',
      text: 'Studiesucces eerstejaars',
      sourceNoteIds: ['n1'],
      updatedBy: 'anna',
      updatedAt: 5,
    };
    expect(checkBoardChanges(anna, [rec('formulations', 'doel', f)], discuss)).toBeNull();
    expect(
      checkBoardChanges(anna, [rec('formulations', 'data', { ...f, fieldId: 'data', sheetId: 'vel2' })], discuss),
    ).toMatchObject({ code: 'forbidden' });
    expect(checkBoardChanges(anna, [rec('formulations', 'doel', { ...f, sheetId: 'vel2' })], discuss)).toMatchObject({
      code: 'invalid',
    });
    expect(checkBoardChanges(anna, [rec('formulations', 'doel', { ...f, updatedBy: 'bram' })], discuss)).toMatchObject({
      code: 'forbidden',
    });
  });

  it('accepts a question the group cannot answer now as a draft action point', () => {
    const d = {
      id: 'd1',
      sheetId: 'vel1',
      fieldId: 'doel',
      noteId: null,
      question: 'Welke data hebben we?',
      findOut: 'Wat er in het LMS staat',
      askWhom: 'ICT',
      owner: 'Anna',
      createdBy: 'anna',
      createdAt: 1,
    };
    expect(checkBoardChanges(anna, [rec('deferrals', 'd1', d)], discuss)).toBeNull();
    expect(
      checkBoardChanges(bram, [{ type: 'remove', collection: 'deferrals', id: 'd1', before: d as never }], discuss),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('refuses discussion tools in a phase that does not offer them', () => {
    const writing = boardRights(anna, { kind: 'group', groupId: 'a' }, sampleState('vel1-write'), { groupId: 'a' });
    expect(
      checkBoardChanges(
        anna,
        [rec('marks', 'n1:anna', { noteId: 'n1', participantId: 'anna', value: 'agree' })],
        ctx(writing),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(checkBoardChanges(anna, [rec('highlights', 'n1', { noteId: 'n1', by: 'anna' })], discuss)).toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('records per collection', () => {
  const facRights = boardRights(fac, { kind: 'plenary' }, sampleState('open', { hasGroups: false }), { groupId: null });
  const deferral = { ...sampleDeferral({ createdBy: 'fac' }) };
  const adds: Array<[string, string, Record<string, unknown>]> = [
    ['notes', 'n2', { ...note, id: 'n2', authorId: 'fac' }],
    ['marks', 'n1:fac', { noteId: 'n1', participantId: 'fac', value: 'agree' }],
    ['votes', 'fac:0', { noteId: 'n1', participantId: 'fac', slot: 0 }],
    [
      'formulations',
      'doel',
      { fieldId: 'doel', sheetId: 'vel1', text: 'x', sourceNoteIds: [], updatedBy: 'fac', updatedAt: 1 },
    ],
    ['deferrals', 'd1', deferral],
    ['highlights', 'n1', { noteId: 'n1', by: 'fac' }],
    ['choices', 'note-n1', { fieldId: 'doel', targetKind: 'note', targetId: 'n1', by: 'fac' }],
  ];
  for (const [collection, id, after] of adds) {
    it(`refuses adding ${collection} beyond the limit, naming the collection and the number`, () => {
      const change: RecordChange = { type: 'add', collection, id, after: after as never };
      const limit = collectionLimit(collection);
      expect(limit).toBeGreaterThan(0);
      expect(checkBoardChanges(fac, [change], ctx(facRights, { [collection]: limit }))).toBeNull();
      expect(checkBoardChanges(fac, [change], ctx(facRights, { [collection]: limit + 1 }))).toEqual({
        code: 'limit',
        reason: `a board holds at most ${limit} ${collection}`,
      });
      expect(checkBoardChanges(fac, [change], ctx(facRights, { [collection]: limit + 1 }), 'a draft')?.reason).toBe(
        `a draft holds at most ${limit} ${collection}`,
      );
    });
  }

  it('still lets a collection over its limit be edited and emptied', () => {
    const over = ctx(facRights, { deferrals: LIMITS.recordsPerCollection.deferrals! + 5 });
    expect(
      checkBoardChanges(
        fac,
        [
          {
            type: 'update',
            collection: 'deferrals',
            id: 'd1',
            keys: ['question'],
            before: deferral as never,
            after: { ...deferral, question: 'Anders' } as never,
          },
        ],
        over,
      ),
    ).toBeNull();
    expect(
      checkBoardChanges(fac, [{ type: 'remove', collection: 'deferrals', id: 'd1', before: deferral as never }], over),
    ).toBeNull();
  });
});

describe('ownership on a board', () => {
  const discuss = ctx(vel1Only);
  const d = { ...sampleDeferral() };
  const upd = (
    collection: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    keys: string[],
  ): RecordChange => ({
    type: 'update',
    collection,
    id: String(before.id),
    keys,
    before: before as never,
    after: { ...before, ...after } as never,
  });

  it('lets anyone reword an action point but not take over its author; only the author or a facilitator removes it', () => {
    expect(
      checkBoardChanges(bram, [upd('deferrals', d, { question: 'Welke cijfers?' }, ['question'])], discuss),
    ).toBeNull();
    expect(checkBoardChanges(bram, [upd('deferrals', d, { createdBy: 'bram' }, ['createdBy'])], discuss)).toMatchObject(
      { code: 'forbidden' },
    );
    expect(
      checkBoardChanges(anna, [{ type: 'remove', collection: 'deferrals', id: 'd1', before: d as never }], discuss),
    ).toBeNull();
    expect(
      checkBoardChanges(
        fac,
        [{ type: 'remove', collection: 'deferrals', id: 'd1', before: d as never }],
        ctx(boardRights(fac, { kind: 'group', groupId: 'a' }, sampleState('vel1-discuss'), { groupId: null })),
      ),
    ).toBeNull();
  });

  it('lets only a facilitator remove an agreed wording', () => {
    const f = { fieldId: 'doel', sheetId: 'vel1', text: 'x', sourceNoteIds: [], updatedBy: 'anna', updatedAt: 1 };
    expect(
      checkBoardChanges(
        anna,
        [{ type: 'remove', collection: 'formulations', id: 'doel', before: f as never }],
        discuss,
      ),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('lets the group take back a choice only on a sheet it works on', () => {
    const choice = (fieldId: string) =>
      ({
        type: 'remove',
        collection: 'choices',
        id: 'note-n1',
        before: { fieldId, targetKind: 'note', targetId: 'n1', by: 'bram' },
      }) as RecordChange;
    expect(checkBoardChanges(anna, [choice('doel')], discuss)).toBeNull();
    expect(checkBoardChanges(anna, [choice('data')], discuss)).toMatchObject({ code: 'forbidden' });
  });
});
