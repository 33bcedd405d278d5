import { describe, expect, it } from 'vitest';
import { discussiemodelTemplate } from '../template/discussiemodel';
import type { Formulation } from './discussion';
import { sheetGuidance, type GuidanceInput } from './guidance';
import { sampleChoice, sampleNote } from '../testing/fixtures';
import type { Note } from './note';

const vel1 = discussiemodelTemplate.sheets[0]!;
const vel2 = discussiemodelTemplate.sheets[1]!;
const note = (id: string, fieldId: string, sheetId = 'vel1'): Note => sampleNote(id, { fieldId, sheetId });
const choose = sampleChoice;
const empty: GuidanceInput = { notes: [], formulations: [], choices: [], deferrals: [] };

describe('canvas guidance', () => {
  it('asks for exactly one chosen goal in DOEL', () => {
    const notes = [note('g1', 'doel'), note('g2', 'doel')];
    expect(sheetGuidance(vel1, { ...empty, notes })).toContainEqual({ kind: 'choose-one', fieldId: 'doel', chosen: 0 });
    expect(
      sheetGuidance(vel1, { ...empty, notes, choices: [choose('doel', 'g1'), choose('doel', 'g2')] }),
    ).toContainEqual({ kind: 'choose-one', fieldId: 'doel', chosen: 2 });
    expect(
      sheetGuidance(vel1, { ...empty, notes, choices: [choose('doel', 'g1')] }).some((g) => g.fieldId === 'doel'),
    ).toBe(false);
  });

  it("accepts the field's agreed wording as the chosen goal, but not an empty one", () => {
    const wording: Formulation = {
      fieldId: 'doel',
      sheetId: 'vel1',
      text: 'Studiesucces verbeteren',
      sourceNoteIds: [],
      updatedBy: 'a',
      updatedAt: 1,
    };
    expect(
      sheetGuidance(vel1, { ...empty, formulations: [wording], choices: [choose('doel', 'doel', 'formulation')] }).some(
        (g) => g.fieldId === 'doel',
      ),
    ).toBe(false);
    expect(
      sheetGuidance(vel1, {
        ...empty,
        formulations: [{ ...wording, text: '  ' }],
        choices: [choose('doel', 'doel', 'formulation')],
      }),
    ).toContainEqual({ kind: 'choose-one', fieldId: 'doel', chosen: 0 });
  });

  it('warns when more than two concrete questions are marked, not when two or fewer', () => {
    const notes = ['q1', 'q2', 'q3'].map((id) => note(id, 'concrete-vragen'));
    expect(
      sheetGuidance(vel1, { ...empty, notes, choices: notes.map((n) => choose('concrete-vragen', n.id)) }),
    ).toContainEqual({ kind: 'too-many', fieldId: 'concrete-vragen', chosen: 3, max: 2 });
    expect(
      sheetGuidance(vel1, {
        ...empty,
        notes,
        choices: notes.slice(0, 2).map((n) => choose('concrete-vragen', n.id)),
      }).some((g) => g.fieldId === 'concrete-vragen'),
    ).toBe(false);
  });

  it('ignores choices of deleted notes', () => {
    expect(sheetGuidance(vel1, { ...empty, choices: [choose('doel', 'gone')] })).toContainEqual({
      kind: 'choose-one',
      fieldId: 'doel',
      chosen: 0,
    });
  });

  it('lists fields nobody considered; an action point or a note in a nested box counts', () => {
    const all = sheetGuidance(vel2, empty)
      .filter((g) => g.kind === 'empty')
      .map((g) => g.fieldId);
    expect([...all].sort()).toEqual(['commitment-cvb', 'data', 'ethiek', 'privacy', 'stakeholders', 'visie-beleid']);
    const some = sheetGuidance(vel2, {
      ...empty,
      notes: [note('p', 'dpia-risicos', 'vel2')],
      deferrals: [
        {
          id: 'd',
          sheetId: 'vel2',
          fieldId: 'data',
          noteId: null,
          question: 'Welke data?',
          findOut: '',
          askWhom: '',
          owner: '',
          createdBy: 'a',
          createdAt: 1,
        },
      ],
    })
      .filter((g) => g.kind === 'empty')
      .map((g) => g.fieldId);
    expect(some).not.toContain('privacy');
    expect(some).not.toContain('data');
    expect(some).toContain('ethiek');
  });
});
