import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../doc/records';
import { newAction } from './actionItems';
import type { Actor } from './actor';
import { collectionLimit } from './limits';
import { checkSynthesisChanges } from './synthesisRules';

const anna: Actor = { id: 'anna', role: 'participant' };
const bram: Actor = { id: 'bram', role: 'participant' };
const fac: Actor = { id: 'fac', role: 'facilitator' };

const action = newAction('Data opvragen', { sourceKind: 'direct' }, { id: 'a1', createdBy: 'fac', now: 1 });
const cluster = { id: 'c1', fieldId: 'doel', itemIds: ['n1', 'n2'], kind: null, label: 'Samen', updatedBy: 'anna' };
const wording = { fieldId: 'doel', text: 'Samen beter', updatedBy: 'anna', updatedAt: 1 };
const add = (collection: string, id: string, after: Record<string, unknown>): RecordChange => ({
  type: 'add',
  collection,
  id,
  after: after as never,
});
const remove = (collection: string, id: string, before: Record<string, unknown>): RecordChange => ({
  type: 'remove',
  collection,
  id,
  before: before as never,
});
const update = (collection: string, before: Record<string, unknown>, after: Record<string, unknown>): RecordChange => ({
  type: 'update',
  collection,
  id: String(before.id ?? before.fieldId),
  keys: Object.keys(after),
  before: before as never,
  after: { ...before, ...after } as never,
});

describe('synthesis ownership', () => {
  it("lets anyone with plenary-edit change what, who, when and status of the facilitator's action", () => {
    expect(
      checkSynthesisChanges(
        anna,
        [
          update('actions', action, {
            what: 'Cijfers opvragen',
            who: 'Anna',
            when: '2026-12-24',
            status: 'doing',
            updatedAt: 2,
          }),
        ],
        true,
      ),
    ).toBeNull();
    expect(checkSynthesisChanges(anna, [update('actions', action, { createdBy: 'anna' })], true)).toMatchObject({
      code: 'forbidden',
    });
  });

  it("lets only an action's author or a facilitator remove it", () => {
    expect(checkSynthesisChanges(anna, [remove('actions', 'a1', action)], true)).toEqual({
      code: 'forbidden',
      reason: "you cannot remove someone else's action",
    });
    expect(checkSynthesisChanges(anna, [remove('actions', 'a1', { ...action, createdBy: 'anna' })], true)).toBeNull();
    expect(checkSynthesisChanges(fac, [remove('actions', 'a1', { ...action, createdBy: 'anna' })], true)).toBeNull();
  });

  it('lets anyone with plenary-edit reshape clusters (merging removes the other cluster), in their own name', () => {
    expect(
      checkSynthesisChanges(
        bram,
        [
          remove('clusters', 'c1', cluster),
          add('clusters', 'c2', { ...cluster, id: 'c2', itemIds: ['n1', 'n2', 'n3'], updatedBy: 'bram' }),
        ],
        true,
      ),
    ).toBeNull();
    expect(checkSynthesisChanges(bram, [update('clusters', cluster, { label: 'Anders' })], true)).toMatchObject({
      code: 'forbidden',
    });
  });

  it('lets only a facilitator remove a compromise wording', () => {
    expect(checkSynthesisChanges(anna, [remove('plenaryFormulations', 'doel', wording)], true)).toMatchObject({
      code: 'forbidden',
    });
    expect(checkSynthesisChanges(fac, [remove('plenaryFormulations', 'doel', wording)], true)).toBeNull();
  });

  it('refuses removals of unknown collections and everything without plenary-edit', () => {
    expect(checkSynthesisChanges(fac, [remove('secrets', 'x', {})], true)).toMatchObject({ code: 'invalid' });
    expect(checkSynthesisChanges(fac, [remove('actions', 'a1', action)], false)).toMatchObject({ code: 'forbidden' });
  });
});

describe('synthesis records per collection', () => {
  const adds: Array<[string, RecordChange]> = [
    ['actions', add('actions', 'a1', { ...action, createdBy: 'anna' })],
    ['clusters', add('clusters', 'c1', cluster)],
    ['plenaryFormulations', add('plenaryFormulations', 'doel', wording)],
  ];
  for (const [collection, change] of adds) {
    it(`refuses adding ${collection} beyond the limit, naming the collection and the number`, () => {
      const limit = collectionLimit(collection);
      expect(checkSynthesisChanges(anna, [change], true, () => limit)).toBeNull();
      expect(checkSynthesisChanges(anna, [change], true, (name) => (name === collection ? limit + 1 : 0))).toEqual({
        code: 'limit',
        reason: `the synthesis holds at most ${limit} ${collection}`,
      });
    });
  }

  it('bounds what one record can hold', () => {
    expect(
      checkSynthesisChanges(
        anna,
        [add('actions', 'a1', { ...action, createdBy: 'anna', what: 'x'.repeat(501) })],
        true,
      ),
    ).toMatchObject({ code: 'limit' });
    expect(
      checkSynthesisChanges(
        anna,
        [add('clusters', 'c1', { ...cluster, itemIds: Array.from({ length: 201 }, (_, i) => `n${i}`) })],
        true,
      ),
    ).toMatchObject({ code: 'limit' });
  });
});
