import { describe, expect, it } from 'vitest';
import { boardFileLabel, fileStem, sheetPngFileName, sheetsPdfFileName, slugify } from './files';
import type { WorkshopExport } from './model';
import { sampleWorkshopExport } from './sampleWorkshop';

const exp: WorkshopExport = {
  ...sampleWorkshopExport(),
  groups: [
    { id: 'g6MjT7kyJj7xv', name: 'Tafel A', color: '#1d4ed8' },
    { id: 'gFZWOa_1WQI9C', name: 'Tafel Noord — ÉÉN', color: '#b42318' },
    { id: 'g-stars', name: '***', color: '#15803d' },
  ],
};

describe('file names', () => {
  it('makes labels file-safe', () => {
    expect(slugify('Tafel Noord — ÉÉN')).toBe('tafel-noord-een');
    expect(slugify('***')).toBe('');
    expect(slugify(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39));
    expect(fileStem(exp)).toBe('learning-analytics-bij-de-faculteit-gezondheid');
  });

  it('names a board after its subgroup or as the plenary board, never by its id', () => {
    expect(boardFileLabel(exp, 'g6MjT7kyJj7xv', 'nl')).toBe('tafel-a');
    expect(boardFileLabel(exp, 'gFZWOa_1WQI9C', 'en')).toBe('tafel-noord-een');
    expect(boardFileLabel(exp, 'plenary', 'nl')).toBe('plenair-bord');
    expect(boardFileLabel(exp, 'plenary', 'en')).toBe('plenary-board');
    expect(boardFileLabel(exp, 'g-stars', 'nl')).toBe('groep-3');
    expect(boardFileLabel(exp, 'g-stars', 'en')).toBe('group-3');
  });

  it('names the A0 PDF and the pictures of a board alike', () => {
    const stem = fileStem(exp);
    expect(sheetsPdfFileName(exp, 'g6MjT7kyJj7xv', 'nl')).toBe(`${stem}-tafel-a-A0.pdf`);
    expect(sheetPngFileName(exp, 'g6MjT7kyJj7xv', 'Vel 1', 'nl')).toBe(`${stem}-tafel-a-vel-1.png`);
    expect(sheetsPdfFileName(exp, 'plenary', 'nl')).toBe(`${stem}-plenair-bord-A0.pdf`);
    expect(sheetPngFileName(exp, 'plenary', 'Welkom', 'nl')).toBe(`${stem}-plenair-bord-welkom.png`);
    expect(sheetsPdfFileName(exp, 'plenary', 'en')).toBe(`${stem}-plenary-board-A0.pdf`);
    expect(sheetPngFileName(exp, 'plenary', 'Sheet 2', 'en')).toBe(`${stem}-plenary-board-sheet-2.png`);
    for (const name of [
      sheetsPdfFileName(exp, 'gFZWOa_1WQI9C', 'nl'),
      sheetPngFileName(exp, 'gFZWOa_1WQI9C', 'Vel 2', 'nl'),
    ]) {
      expect(name).not.toContain('gFZWOa');
      expect(name).toMatch(/^[a-z0-9-]+-A0\.pdf$|^[a-z0-9-]+\.png$/);
    }
  });
});
