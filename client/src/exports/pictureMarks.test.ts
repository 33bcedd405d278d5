import { describe, expect, it } from 'vitest';
import type { Deferral } from '@dmc/shared/domain/discussion';
import type { Note } from '@dmc/shared/domain/note';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import type { SheetTemplate } from '@dmc/shared/template/types';
import { FIELD_BUTTON, layoutOpenPoints } from '../scene/noteBadges';
import { pictureMarks } from './pictureMarks';

const [vel1, vel2] = discussiemodelTemplate.sheets as [SheetTemplate, SheetTemplate];
const measure = (text: string, size: number) => text.length * size * 0.6;

function note(id: string, fieldId: string | null, sheetId = 'vel1'): Note {
  return { id, sheetId, fieldId, x: 100, y: 300, color: 'yellow', text: id, authorId: 'p1', createdAt: 1, z: 1 };
}

function deferral(id: string, fieldId: string, sheetId = 'vel1'): Deferral {
  return {
    id,
    sheetId,
    fieldId,
    noteId: null,
    question: 'Waarom?',
    findOut: '',
    askWhom: '',
    owner: '',
    createdBy: 'p1',
    createdAt: 1,
  };
}

describe('what a sheet picture marks', () => {
  const notes = [
    note('goal', 'doel'),
    note('moved', 'doelgroep'),
    note('q1', 'concrete-vragen'),
    note('plain', 'doel'),
  ];
  const board = {
    choices: [
      { fieldId: 'doel', targetKind: 'note' as const, targetId: 'goal', by: 'p1' },
      { fieldId: 'concrete-vragen', targetKind: 'note' as const, targetId: 'q1', by: 'p1' },
      // Chosen in DOEL, since moved to DOELGROEP: no longer chosen, as on the board.
      { fieldId: 'doel', targetKind: 'note' as const, targetId: 'moved', by: 'p1' },
      { fieldId: 'concrete-vragen', targetKind: 'formulation' as const, targetId: 'concrete-vragen', by: 'p2' },
      { fieldId: 'doelgroep', targetKind: 'formulation' as const, targetId: 'doelgroep', by: 'p2' },
    ],
    formulations: [
      {
        fieldId: 'concrete-vragen',
        sheetId: 'vel1',
        text: 'Wie haakt af?',
        sourceNoteIds: [],
        updatedBy: 'p1',
        updatedAt: 1,
      },
      {
        fieldId: 'doelgroep',
        sheetId: 'vel1',
        text: 'Studieadviseurs',
        sourceNoteIds: [],
        updatedBy: 'p1',
        updatedAt: 1,
      },
    ],
    deferrals: [
      deferral('d1', 'doel'),
      deferral('d2', 'doel'),
      deferral('d3', 'kansen-risicos'),
      deferral('d4', 'data', 'vel2'),
    ],
  };

  it("takes the group's choices from the exported board's own records", () => {
    const marks = pictureMarks(vel1, notes, board);
    expect([...marks.chosenNotes].sort()).toEqual(['goal', 'q1']);
    // Only a field that asks for a choice shows its wording as chosen (DOELGROEP does not).
    expect([...marks.chosenWordings]).toEqual(['concrete-vragen']);
  });

  it("counts each field's open questions on the sheet drawn", () => {
    expect(pictureMarks(vel1, notes, board).openPoints).toEqual(
      new Map([
        ['doel', 2],
        ['kansen-risicos', 1],
      ]),
    );
    expect(pictureMarks(vel2, notes, board).openPoints).toEqual(new Map([['data', 1]]));
    expect(pictureMarks(vel1, notes, { ...board, deferrals: [] }).openPoints.size).toBe(0);
  });

  it('puts the open questions at the bottom right of the field, above its wording, beside or instead of the button', () => {
    const rect = { x: 30, y: 120, width: 600, height: 360 };
    const { r, margin } = FIELD_BUTTON.top;
    const onBoard = layoutOpenPoints(rect, false, null, 2, measure, true);
    expect(onBoard.text).toBe('⚑ 2');
    expect(onBoard.y + onBoard.height).toBe(rect.y + rect.height - margin);
    expect(onBoard.x + onBoard.width).toBeCloseTo(rect.x + rect.width - margin - 2 * r - 3);
    const picture = layoutOpenPoints(rect, false, 400, 2, measure, false);
    expect(picture.x + picture.width).toBeCloseTo(rect.x + rect.width - margin);
    expect(picture.y + picture.height).toBe(397);
    expect(layoutOpenPoints(rect, true, null, 1, measure, false).height).toBe(2 * FIELD_BUTTON.nested.r);
  });
});
