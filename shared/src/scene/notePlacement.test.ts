import { describe, expect, it } from 'vitest';
import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import { fieldAt } from '@dmc/shared/template/lookup';
import { fieldLayoutFor } from './layouts';
import { clampToSheet, placeNewNote, spotInField } from './notePlacement';
import { sheetById } from './template';

// Outside a browser the text measurer estimates widths; the geometry rules are what is tested.
const vel1 = sheetById('vel1');
const vel2 = sheetById('vel2');
const field = (sheetId: string, id: string) => {
  const f = sheetById(sheetId).fields.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};
const centreField = (sheetId: string, x: number, y: number) =>
  fieldAt(sheetById(sheetId), x + NOTE_SIZE / 2, y + NOTE_SIZE / 2)?.id;

let counter = 0;
const noteAt = (x: number, y: number, sheetId = 'vel1'): Note => ({
  id: `n${++counter}`,
  sheetId,
  fieldId: centreField(sheetId, x, y) ?? null,
  x,
  y,
  color: 'yellow',
  text: '',
  authorId: 'a',
  createdAt: 0,
  z: counter,
});

describe('spotInField', () => {
  it('puts a note below the printed text of an empty field, inside it', () => {
    const doel = field('vel1', 'doel');
    const spot = spotInField(vel1, doel, [], 'nl');
    expect(spot?.free).toBe(true);
    expect(spot!.y).toBeGreaterThanOrEqual(fieldLayoutFor(vel1, doel, 'nl').headerBottom);
    expect(spot!.x + NOTE_SIZE).toBeLessThanOrEqual(doel.rect.x + doel.rect.width);
    expect(centreField('vel1', spot!.x, spot!.y)).toBe('doel');
  });

  it('avoids notes already there', () => {
    const doel = field('vel1', 'doel');
    const first = spotInField(vel1, doel, [], 'nl')!;
    const second = spotInField(vel1, doel, [noteAt(first.x, first.y)], 'nl')!;
    expect(second.free).toBe(true);
    expect(Math.abs(second.x - first.x) >= NOTE_SIZE || Math.abs(second.y - first.y) >= NOTE_SIZE).toBe(true);
  });

  it('keeps a note for a field full of nested boxes in that field (by its centre)', () => {
    const privacy = field('vel2', 'privacy');
    const spot = spotInField(vel2, privacy, [], 'nl');
    expect(spot).not.toBeNull();
    expect(centreField('vel2', spot!.x, spot!.y)).toBe('privacy');
  });

  it('places in a nested box when asked for it', () => {
    const box = field('vel2', 'dpia-risicos');
    const spot = spotInField(vel2, box, [], 'nl')!;
    expect(centreField('vel2', spot.x, spot.y)).toBe('dpia-risicos');
  });
});

describe('placeNewNote', () => {
  it('uses the preferred field while it has room, then the first field with room', () => {
    const placed = placeNewNote(vel1, [], 'nl', 'kansen-risicos');
    expect(placed.fieldId).toBe('kansen-risicos');
    // Fill DOELGROEP completely with a grid of notes.
    const rect = field('vel1', 'doelgroep').rect;
    const notes: Note[] = [];
    for (let y = rect.y; y < rect.y + rect.height; y += 20)
      for (let x = rect.x; x < rect.x + rect.width; x += 20) notes.push(noteAt(x, y));
    const next = placeNewNote(vel1, notes, 'nl', 'doelgroep');
    expect(next.fieldId).not.toBe('doelgroep');
    expect(next.fieldId).not.toBeNull();
  });
});

describe('clampToSheet', () => {
  it('keeps the whole note on the sheet', () => {
    expect(clampToSheet(vel1, { x: -50, y: 5000 })).toEqual({ x: 0, y: vel1.height - NOTE_SIZE });
  });
});
