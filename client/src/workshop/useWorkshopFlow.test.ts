import { describe, expect, it } from 'vitest';
import { phase } from '@dmc/shared/domain/phases';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { plenaryTemplate } from '@dmc/shared/template/plenary';
import { sheetToShow } from './useWorkshopFlow';

describe('the sheet a phase shows', () => {
  it("goes to the phase's sheet when the phase (or board) is new", () => {
    expect(sheetToShow(discussiemodelTemplate, phase('vel2-write'), 'vel1', true)).toBe('vel2');
    expect(sheetToShow(plenaryTemplate, phase('welcome'), 'vel1', true)).toBe('welkom');
  });

  it('lets people look at another sheet within a phase', () => {
    expect(sheetToShow(discussiemodelTemplate, phase('vel2-discuss'), 'vel1', false)).toBe('vel1');
  });

  it('keeps the sheet in phases without one, unless the board lacks it', () => {
    expect(sheetToShow(discussiemodelTemplate, phase('prepare'), 'vel2', true)).toBe('vel2');
    expect(sheetToShow(discussiemodelTemplate, phase('presentations'), 'welkom', true)).toBe('vel1');
    expect(sheetToShow(plenaryTemplate, phase('open'), 'vel1', true)).toBe('vel1');
  });
});
