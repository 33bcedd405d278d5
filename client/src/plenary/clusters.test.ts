import { describe, expect, it } from 'vitest';
import type { ClusterRecord } from '@dmc/shared/domain/plenary';
import { clusterRecordSchema } from '@dmc/shared/domain/plenary';
import { clusterId } from '@dmc/shared/domain/synthesis/index';
import {
  addToCluster,
  clusterColors,
  clusterOfNote,
  confirmSuggestion,
  createCluster,
  defaultLabel,
  explainCluster,
  markCluster,
  mergeClusters,
  relabelCluster,
  removeFromCluster,
  splitCluster,
  suggestionsForField,
} from './clusters';
import { cardsOf } from './columns';
import { board, note } from './testData.testing';

const g1 = board({
  notes: [
    note('n1', 'doel', 'Studiesucces van eerstejaars verhogen'),
    note('n2', 'doel', 'Uitval in het eerste jaar eerder zien'),
    note('n3', 'doel', 'Kwaliteit van vakken verbeteren met Brightspace-data'),
  ],
});
const g2 = board({
  notes: [
    note('m1', 'doel', 'Eerstejaars studiesucces: uitval voorkomen'),
    note('m2', 'doel', 'Kwaliteitsverbetering van vakken'),
    note('m3', 'doel', 'Roostersysteem vervangen'),
  ],
});
const cards = [...cardsOf(g1, 'g1', 'doel'), ...cardsOf(g2, 'g2', 'doel')];
const cluster = (id: string, itemIds: string[], extra: Partial<ClusterRecord> = {}): ClusterRecord => ({
  id,
  fieldId: 'doel',
  itemIds,
  kind: null,
  label: id,
  updatedBy: 'fac',
  ...extra,
});

describe('suggestionsForField', () => {
  it('suggests clusters of similar notes across the groups, with the shared words as the reason', () => {
    const suggestions = suggestionsForField(cards, [], 'nl');
    expect(suggestions.length).toBeGreaterThan(0);
    const success = suggestions.find((s) => s.suggestion.itemIds.includes('m1'));
    expect(success?.suggestion.groupIds).toEqual(['g1', 'g2']);
    expect(success?.free).toEqual(success?.suggestion.itemIds);
    expect(success?.why.words.length).toBeGreaterThan(0);
    expect(success?.why.words.flatMap((w) => w.words).join(' ')).toMatch(/eerstejaars|studiesucces|uitval/);
    // The note about the timetable shares nothing with the others.
    expect(suggestions.some((s) => s.suggestion.itemIds.includes('m3'))).toBe(false);
  });

  it('leaves out a suggestion once it is confirmed, or when its notes are already clustered', () => {
    const [first] = suggestionsForField(cards, [], 'nl');
    if (!first) throw new Error('no suggestion');
    const edit = confirmSuggestion(first, 'doel');
    const confirmed = edit.put.map((c) => ({ ...c, updatedBy: 'fac' }));
    expect(suggestionsForField(cards, confirmed, 'nl').some((s) => s.suggestion.id === first.suggestion.id)).toBe(
      false,
    );
    const byHand = [cluster('cl-hand', [...first.suggestion.itemIds])];
    expect(suggestionsForField(cards, byHand, 'nl').some((s) => s.suggestion.id === first.suggestion.id)).toBe(false);
  });
});

describe('confirmSuggestion', () => {
  it('turns a suggestion into a valid cluster record with its label, id from its members', () => {
    const [first] = suggestionsForField(cards, [], 'nl');
    if (!first) throw new Error('no suggestion');
    const edit = confirmSuggestion(first, 'doel', 'common');
    expect(edit.remove).toEqual([]);
    const [record] = edit.put;
    expect(record).toMatchObject({
      id: first.suggestion.id,
      fieldId: 'doel',
      kind: 'common',
      label: first.suggestion.label,
      itemIds: first.suggestion.itemIds,
    });
    expect(clusterRecordSchema.safeParse({ ...record, updatedBy: 'fac' }).success).toBe(true);
  });

  it('leaves notes that are already in a confirmed cluster where they are', () => {
    const view = {
      suggestion: { id: 'cl-x', itemIds: ['a', 'b', 'c'], groupIds: ['g1', 'g2'], label: 'x', score: 0.5 },
      clustered: ['a'],
      free: ['b', 'c'],
      why: { words: [], pairs: 3 },
    };
    expect(confirmSuggestion(view, 'doel').put[0]).toMatchObject({ id: clusterId(['b', 'c']), itemIds: ['b', 'c'] });
  });
});

describe('cluster edits', () => {
  const a = cluster('cl-a', ['n1', 'n2', 'm1'], { kind: 'common', label: 'Studiesucces' });
  const b = cluster('cl-b', ['n3', 'm2'], { label: 'Vakken' });

  it('creates a cluster from a selection, taking the notes out of their old cluster', () => {
    const edit = createCluster('doel', ['m2', 'm1'], 'Mix', [a, b]);
    const created = edit.put.find((c) => c.label === 'Mix');
    expect(created).toMatchObject({ id: clusterId(['m1', 'm2']), itemIds: ['m1', 'm2'], kind: null });
    expect(edit.put.find((c) => c.id === 'cl-a')?.itemIds).toEqual(['n1', 'n2']);
    expect(edit.put.find((c) => c.id === 'cl-b')?.itemIds).toEqual(['n3']);
    expect(edit.remove).toEqual([]);
  });

  it('removes a cluster that a new one empties', () => {
    expect(createCluster('doel', ['n3', 'm2', 'n1'], 'Alles', [a, b]).remove).toEqual(['cl-b']);
  });

  it('splits notes off into a new, unmarked cluster and keeps the rest with its label and kind', () => {
    const edit = splitCluster(a, ['m1'], 'Uitval');
    expect(edit.put).toEqual([
      { id: 'cl-a', fieldId: 'doel', itemIds: ['n1', 'n2'], kind: 'common', label: 'Studiesucces' },
      { id: clusterId(['m1']), fieldId: 'doel', itemIds: ['m1'], kind: null, label: 'Uitval' },
    ]);
    expect(splitCluster(a, ['n1', 'n2', 'm1'], 'x')).toEqual({ put: [], remove: [] });
    expect(splitCluster(a, ['zz'], 'x')).toEqual({ put: [], remove: [] });
  });

  it('takes notes out of a cluster, and removes it when none are left', () => {
    expect(removeFromCluster(b, ['m2']).put[0]?.itemIds).toEqual(['n3']);
    expect(removeFromCluster(b, ['m2', 'n3'])).toEqual({ put: [], remove: ['cl-b'] });
    expect(removeFromCluster(b, ['zz'])).toEqual({ put: [], remove: [] });
  });

  it('adds notes to a cluster and merges two clusters into one', () => {
    const added = addToCluster(a, ['m2'], [a, b]);
    expect(added.put.find((c) => c.id === 'cl-a')?.itemIds).toEqual(['n1', 'n2', 'm1', 'm2']);
    expect(added.put.find((c) => c.id === 'cl-b')?.itemIds).toEqual(['n3']);
    const merged = mergeClusters(a, b, [a, b]);
    expect(merged.remove).toEqual(['cl-b']);
    expect(merged.put).toEqual([
      { id: 'cl-a', fieldId: 'doel', itemIds: ['n1', 'n2', 'm1', 'n3', 'm2'], kind: 'common', label: 'Studiesucces' },
    ]);
    expect(mergeClusters(a, a, [a])).toEqual({ put: [], remove: [] });
  });

  it('relabels and marks a cluster common ground or a difference', () => {
    expect(relabelCluster(b, '  Kwaliteit van vakken ').put[0]?.label).toBe('Kwaliteit van vakken');
    expect(relabelCluster(b, 'Vakken')).toEqual({ put: [], remove: [] });
    expect(markCluster(b, 'difference').put[0]?.kind).toBe('difference');
    expect(markCluster(a, 'common')).toEqual({ put: [], remove: [] });
  });

  it('says which cluster a note is in and gives each cluster a stable colour', () => {
    expect(clusterOfNote([a, b]).get('m2')?.id).toBe('cl-b');
    expect(clusterOfNote([a, b]).get('m3')).toBeUndefined();
    const colors = clusterColors([b, a]);
    expect(new Set(colors.values()).size).toBe(2);
    expect(clusterColors([{ ...b, label: 'Nieuw' }, a])).toEqual(colors);
    // Another cluster coming or going leaves the others' colours alone unless they collide.
    const many = Array.from({ length: 6 }, (_, i) => cluster(`cl-${i}`, [`x${i}`]));
    const before = clusterColors(many);
    const after = clusterColors([...many, cluster('cl-new', ['y'])]);
    const changed = many.filter((c) => before.get(c.id) !== after.get(c.id)).length;
    expect(changed).toBeLessThanOrEqual(1);
    expect(new Set(after.values()).size).toBe(7);
  });
});

describe('explaining and labelling', () => {
  it('names the words notes share, most widely shared first', () => {
    const why = explainCluster(
      ['Studiesucces van eerstejaars', 'Eerstejaars studiesucces verhogen', 'Uitval van eerstejaars'],
      'nl',
    );
    expect(why.pairs).toBe(3);
    expect(why.words[0]?.term).toBeDefined();
    expect(why.words[0]?.words).toContain('eerstejaars');
    expect(why.words[0]?.pairs).toBe(3);
  });

  it('labels a hand-made cluster with the shared words, else the first note', () => {
    expect(defaultLabel(['Privacy officer betrekken', 'Betrek de privacy officer vroeg'], 'nl')).toMatch(
      /privacy|officer/,
    );
    expect(defaultLabel(['Roostersysteem vervangen', 'Budget'], 'nl')).toBe('Roostersysteem vervangen');
  });
});
