import { describe, expect, it } from 'vitest';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { firstPresentedField, presenterFields, presenterPosition, presenterStep } from './presenter';

describe("the presenter's route", () => {
  const order = presenterFields(discussiemodelTemplate);

  it('goes through the top-level fields of both sheets in template order', () => {
    expect(order.map((f) => f.fieldId)).toEqual([
      'doel',
      'concrete-vragen',
      'doelgroep',
      'kansen-risicos',
      'data',
      'visie-beleid',
      'commitment-cvb',
      'stakeholders',
      'privacy',
      'ethiek',
    ]);
    expect(order[4]).toEqual({ sheetId: 'vel2', fieldId: 'data' });
  });

  it('steps forward and back, from the sheet 1 into sheet 2, and stops at the ends', () => {
    expect(presenterStep(discussiemodelTemplate, null, 1)).toEqual({ sheetId: 'vel1', fieldId: 'doel' });
    expect(presenterStep(discussiemodelTemplate, null, -1)).toBeNull();
    expect(presenterStep(discussiemodelTemplate, { sheetId: 'vel1', fieldId: 'kansen-risicos' }, 1)).toEqual({
      sheetId: 'vel2',
      fieldId: 'data',
    });
    expect(presenterStep(discussiemodelTemplate, { sheetId: 'vel2', fieldId: 'data' }, -1)).toEqual({
      sheetId: 'vel1',
      fieldId: 'kansen-risicos',
    });
    expect(presenterStep(discussiemodelTemplate, { sheetId: 'vel2', fieldId: 'ethiek' }, 1)).toBeNull();
    expect(presenterStep(discussiemodelTemplate, { sheetId: 'vel1', fieldId: 'doel' }, -1)).toBeNull();
  });

  it('continues after the parent of a nested box', () => {
    expect(presenterStep(discussiemodelTemplate, { sheetId: 'vel2', fieldId: 'dpia-toezicht' }, 1)).toEqual({
      sheetId: 'vel2',
      fieldId: 'ethiek',
    });
  });

  it('tells where in the route the presenter is', () => {
    expect(presenterPosition(discussiemodelTemplate, { sheetId: 'vel1', fieldId: 'doelgroep' })).toEqual({
      index: 3,
      count: 10,
    });
    expect(presenterPosition(discussiemodelTemplate, null)).toEqual({ index: 0, count: 10 });
  });
});

describe('where a presentation starts', () => {
  const note = (sheetId: string, fieldId: string | null) => ({ sheetId, fieldId });

  it("starts on the first field of the route that has notes, not on 'no field chosen yet'", () => {
    expect(firstPresentedField(discussiemodelTemplate, [note('vel1', 'doelgroep'), note('vel2', 'data')])).toEqual({
      sheetId: 'vel1',
      fieldId: 'doelgroep',
    });
  });

  it('counts a note in a nested box for the field around it, and ignores notes on no field', () => {
    expect(firstPresentedField(discussiemodelTemplate, [note('vel1', null), note('vel2', 'dpia-toezicht')])).toEqual({
      sheetId: 'vel2',
      fieldId: 'privacy',
    });
  });

  it('starts on the first field when the board is empty', () => {
    expect(firstPresentedField(discussiemodelTemplate, [])).toEqual({ sheetId: 'vel1', fieldId: 'doel' });
  });
});
