import { describe, expect, it } from 'vitest';
import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { plenaryTemplate } from '@dmc/shared/template/plenary';
import {
  SHEET_GAP,
  countBySheet,
  fieldRects,
  layoutSheets,
  newestNoteTime,
  noteSquares,
  thumbnailSheets,
} from './thumbnail';

const note = (id: string, sheetId: string, x: number, y: number, createdAt = 0): Note => ({
  id,
  sheetId,
  fieldId: null,
  x,
  y,
  color: 'yellow',
  text: '',
  authorId: 'a',
  createdAt,
  z: 0,
});

describe('thumbnailSheets', () => {
  it("shows the phase's sheet, or both sheets of the model", () => {
    expect(thumbnailSheets(discussiemodelTemplate, 'vel2').map((s) => s.id)).toEqual(['vel2']);
    expect(thumbnailSheets(discussiemodelTemplate, null).map((s) => s.id)).toEqual(['vel1', 'vel2']);
    // Subgroup boards have no welcome sheet: fall back to the model's sheets.
    expect(thumbnailSheets(discussiemodelTemplate, 'welkom').map((s) => s.id)).toEqual(['vel1', 'vel2']);
    expect(thumbnailSheets(plenaryTemplate, 'welkom').map((s) => s.id)).toEqual(['welkom']);
  });
});

describe('layoutSheets', () => {
  it('puts sheets side by side with a gap', () => {
    const layout = layoutSheets(discussiemodelTemplate.sheets);
    expect(layout.sheets.map((p) => p.offsetX)).toEqual([0, 1189 + SHEET_GAP]);
    expect(layout.width).toBe(2 * 1189 + SHEET_GAP);
    expect(layout.height).toBe(841);
  });
});

describe('noteSquares', () => {
  const layout = layoutSheets(discussiemodelTemplate.sheets);
  it('offsets notes by their sheet and keeps them inside it', () => {
    const squares = noteSquares(layout, [
      note('a', 'vel1', 100, 200),
      note('b', 'vel2', 10, 20),
      note('c', 'vel2', 1300, -50),
      note('d', 'welkom', 0, 0),
    ]);
    expect(squares.map((s) => [s.id, s.x, s.y])).toEqual([
      ['a', 100, 200],
      ['b', 1189 + SHEET_GAP + 10, 20],
      ['c', 1189 + SHEET_GAP + 1189 - NOTE_SIZE, 0],
    ]);
  });
});

describe('fieldRects', () => {
  it('draws outer fields before nested boxes', () => {
    const vel2 = discussiemodelTemplate.sheets[1];
    if (!vel2) throw new Error('no sheet 2');
    const rects = fieldRects(vel2);
    const firstNested = rects.findIndex((f) => f.parentId !== undefined);
    expect(firstNested).toBeGreaterThan(0);
    expect(rects.slice(firstNested).every((f) => f.parentId !== undefined)).toBe(true);
  });
});

describe('counts and activity', () => {
  it('counts per sheet and finds the newest note', () => {
    const notes = [note('a', 'vel1', 0, 0, 5), note('b', 'vel1', 0, 0, 9), note('c', 'vel2', 0, 0, 7)];
    expect(Object.fromEntries(countBySheet(notes))).toEqual({ vel1: 2, vel2: 1 });
    expect(newestNoteTime(notes)).toBe(9);
    expect(newestNoteTime([])).toBeNull();
  });
});
