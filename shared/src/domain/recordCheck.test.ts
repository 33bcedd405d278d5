import { describe, expect, it } from 'vitest';
import { BOARD_SPEC, SYNTHESIS_SPEC, type DocSpec } from '../doc/collections';
import type { PlainRecord, RecordChange } from '../doc/records';
import type { Actor, Refusal } from './actor';
import { newAction } from './actionItems';
import { checkBoardChanges } from './boardRules';
import type { BoardRights } from './permissions';
import { checkSynthesisChanges } from './synthesisRules';
import {
  ANNA as anna,
  ANNAS_NOTE,
  BRAM as bram,
  FAC as fac,
  sampleBoardContext,
  sampleDeferral,
} from '../testing/fixtures';

/**
 * The generic record check as the server enforces it, for every owned collection: what the
 * registry declares (owner field, who writes in whose name, who removes, immutable keys, the key
 * rule) is what checkBoardChanges and checkSynthesisChanges decide.
 */

const everything = {
  read: true,
  permissions: new Set(['notes', 'mark', 'vote', 'formulate', 'defer', 'highlight', 'ask']),
  writableSheets: 'all',
  writesPrivately: false,
} as unknown as BoardRights;
const board = sampleBoardContext(everything);

/** A well-formed record of each collection, owned by anna, and the key it is stored under. */
const SAMPLES: Record<string, readonly [string, PlainRecord]> = {
  notes: ['n1', { ...ANNAS_NOTE }],
  marks: ['n1:anna', { noteId: 'n1', participantId: 'anna', value: 'agree' }],
  votes: ['anna:0', { noteId: 'n1', participantId: 'anna', slot: 0 }],
  formulations: [
    'doel',
    { fieldId: 'doel', sheetId: 'vel1', text: 'x', sourceNoteIds: [], updatedBy: 'anna', updatedAt: 1 },
  ],
  deferrals: ['d1', { ...sampleDeferral() }],
  highlights: ['n1', { noteId: 'n1', by: 'anna' }],
  choices: ['note-n1', { fieldId: 'doel', targetKind: 'note', targetId: 'n1', by: 'anna' }],
  questions: ['anna:0', { authorId: 'anna', slot: 0, text: 'Waarom dit doel?', fieldId: 'doel', createdAt: 1 }],
  clusters: ['c1', { id: 'c1', fieldId: 'doel', itemIds: ['n1'], kind: null, label: 'Samen', updatedBy: 'anna' }],
  plenaryFormulations: ['doel', { fieldId: 'doel', text: 'Samen', updatedBy: 'anna', updatedAt: 1 }],
  actions: ['a1', newAction('Vragen', { sourceKind: 'direct' }, { id: 'a1', createdBy: 'anna', now: 1 })],
};

const DOCS: ReadonlyArray<readonly [DocSpec, (actor: Actor, change: RecordChange) => Refusal | null]> = [
  [BOARD_SPEC, (actor, change) => checkBoardChanges(actor, [change], board)],
  [SYNTHESIS_SPEC, (actor, change) => checkSynthesisChanges(actor, [change], true)],
];

for (const [spec, check] of DOCS) {
  for (const [collection, entry] of Object.entries(spec)) {
    const [id, record] = SAMPLES[collection]!;
    const owner = entry.owner!;
    const add = (after: PlainRecord, key = id): RecordChange => ({ type: 'add', collection, id: key, after });
    const remove: RecordChange = { type: 'remove', collection, id, before: record };
    describe(`${collection}: the generic record check`, () => {
      it('accepts the owner writing their own record, and refuses one stored under another key', () => {
        expect(check(anna, add(record))).toBeNull();
        expect(check(anna, add(record, 'other-key'))).toMatchObject({ code: 'invalid' });
        expect(check(anna, add({ ...record, unknownKey: 1 }))).toMatchObject({ code: 'invalid' });
      });

      it(`checks the owner's name in ${owner.field} (${owner.writes === 'each' ? 'on every write' : 'when created; a facilitator may create in their name'})`, () => {
        expect(check(bram, add(record))).toMatchObject({ code: 'forbidden' });
        expect(check(fac, add(record))).toEqual(
          owner.writes === 'create' ? null : expect.objectContaining({ code: 'forbidden' }),
        );
      });

      it(`lets ${owner.remove === 'owner' ? 'its owner or a facilitator' : owner.remove === 'facilitator' ? 'only a facilitator' : 'anyone who may write it'} remove it`, () => {
        expect(check(fac, remove)).toBeNull();
        expect(check(anna, remove)).toEqual(
          owner.remove === 'facilitator' ? expect.objectContaining({ code: 'forbidden' }) : null,
        );
        expect(check(bram, remove)).toEqual(
          owner.remove === 'anyone' ? null : expect.objectContaining({ code: 'forbidden' }),
        );
      });

      it(`never changes ${entry.immutable.join(', ') || 'a key that has no immutable keys'}`, () => {
        for (const key of entry.immutable) {
          const after = { ...record, [key]: typeof record[key] === 'number' ? 99 : 'bram' };
          const change: RecordChange = { type: 'update', collection, id, keys: [key], before: record, after };
          expect(check(fac, change), key).toMatchObject({ code: 'forbidden' });
        }
      });
    });
  }
}
