import { describe, expect, it } from 'vitest';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { columnsForField, fieldCounts, notesById, plenarySources, synthesisFields } from './columns';
import { board, deferral, note } from './testData.testing';

const groups = [
  { id: 'g2', name: 'Tafel Oost', color: '#b42318' as const, order: 1 },
  { id: 'g1', name: 'Tafel Noord', color: '#1d4ed8' as const, order: 0 },
];

describe('plenarySources', () => {
  it('lists the subgroups in their order', () => {
    expect(plenarySources(groups).map((s) => s.boardId)).toEqual(['g1', 'g2']);
  });
  it('reads the plenary board in a workshop without subgroups', () => {
    expect(plenarySources([])).toEqual([{ boardId: 'plenary', name: null, color: null }]);
  });
});

describe('columnsForField', () => {
  const boards = {
    g1: board({
      notes: [
        note('a', 'doel', 'Uitval verlagen'),
        note('b', 'doel', 'Studiesucces eerstejaars'),
        note('c', 'data', 'Cijfers in Osiris'),
      ],
      marks: [
        { noteId: 'a', participantId: 'p1', value: 'agree' },
        { noteId: 'a', participantId: 'p2', value: 'disagree' },
        { noteId: 'b', participantId: 'p1', value: 'agree' },
      ],
      votes: [{ noteId: 'b', participantId: 'p1', slot: 0 }],
      highlights: [{ noteId: 'a', by: 'p1' }],
      choices: [{ fieldId: 'doel', targetKind: 'note', targetId: 'b', by: 'p1' }],
      formulations: [
        {
          fieldId: 'doel',
          sheetId: 'vel1',
          text: 'Minder uitval in jaar 1',
          sourceNoteIds: ['a'],
          updatedBy: 'p1',
          updatedAt: 1,
        },
      ],
      deferrals: [deferral('d1', 'doel', 'Wat kost het?'), deferral('d2', 'data', 'Welke bronnen?')],
    }),
    g2: board({ notes: [note('x', 'doel', 'Kwaliteit van vakken')] }),
  };

  it('gives one column per group with that group’s notes, wording and action points for the field', () => {
    const columns = columnsForField(plenarySources(groups), boards, 'doel');
    expect(columns.map((c) => c.source.name)).toEqual(['Tafel Noord', 'Tafel Oost']);
    expect(columns[0]?.cards.map((c) => c.note.id)).toEqual(['b', 'a']);
    expect(columns[0]?.formulation?.text).toBe('Minder uitval in jaar 1');
    expect(columns[0]?.deferrals.map((d) => d.id)).toEqual(['d1']);
    expect(columns[1]?.cards.map((c) => c.note.text)).toEqual(['Kwaliteit van vakken']);
    expect(columns[1]?.formulation).toBeNull();
  });

  it('counts agreement and dots and says which note was chosen or highlighted, chosen first', () => {
    const [first, second] = columnsForField(plenarySources(groups), boards, 'doel')[0]?.cards ?? [];
    expect(first).toMatchObject({ agree: 1, disagree: 0, votes: 1, chosen: true, highlighted: false });
    expect(second).toMatchObject({ agree: 1, disagree: 1, open: 0, votes: 0, chosen: false, highlighted: true });
  });

  it('shows an empty, connecting column for a board not read yet', () => {
    const columns = columnsForField(
      plenarySources([...groups, { id: 'g3', name: 'Zuid', color: '#047857', order: 2 }]),
      boards,
      'doel',
    );
    expect(columns[2]).toMatchObject({ status: 'connecting', cards: [], formulation: null });
  });

  it('counts notes, groups and action points per field', () => {
    const counts = fieldCounts(plenarySources(groups), boards);
    expect(counts.get('doel')).toEqual({ notes: 3, groups: 2, deferrals: 1 });
    expect(counts.get('data')).toEqual({ notes: 1, groups: 1, deferrals: 1 });
    expect(notesById(boards).get('x')?.boardId).toBe('g2');
  });
});

describe('synthesisFields', () => {
  it('lists both sheets’ fields in template order, the DPIA boxes nested after PRIVACY', () => {
    const fields = synthesisFields(discussiemodelTemplate);
    const ids = fields.map((f) => f.field.id);
    expect(ids.slice(0, 4)).toEqual(['doel', 'concrete-vragen', 'doelgroep', 'kansen-risicos']);
    expect(ids.indexOf('dpia-beschrijving')).toBe(ids.indexOf('privacy') + 1);
    expect(fields.find((f) => f.field.id === 'dpia-toezicht')).toMatchObject({ depth: 1, sheet: { id: 'vel2' } });
    expect(ids.at(-1)).toBe('ethiek');
    expect(new Set(ids).size).toBe(ids.length);
  });
});
