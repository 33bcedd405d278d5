import { describe, expect, it } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import { sheetById } from './template';
import { readingOrder, stepNote } from './noteOrder';

const sheet = sheetById('vel1');
const [first, second] = sheet.fields;

const note = (id: string, fieldId: string | null, x: number, y: number, createdAt = 1, sheetId = 'vel1'): Note => ({
  id,
  sheetId,
  fieldId,
  x,
  y,
  color: 'yellow',
  text: id,
  authorId: 'a',
  createdAt,
  z: 1,
});

describe('the keyboard order of a sheet’s notes', () => {
  it('walks field by field in the template’s order, notes outside the fields last, other sheets left out', () => {
    if (!first || !second) throw new Error('vel1 has at least two fields');
    const order = readingOrder(sheet, [
      note('outside', null, 0, 0),
      note('in-second', second.id, 0, 0),
      note('in-first', first.id, 500, 500),
      note('elsewhere', 'data', 0, 0, 1, 'vel2'),
    ]);
    expect(order.map((n) => n.id)).toEqual(['in-first', 'in-second', 'outside']);
  });

  it('reads a field in rows, top to bottom and left to right, even when a row is a little uneven', () => {
    if (!first) throw new Error('vel1 has a field');
    const order = readingOrder(sheet, [
      note('row2-left', first.id, 10, 200),
      note('row1-right', first.id, 300, 100),
      // A few millimetres higher than its neighbour to the right: still the same row.
      note('row1-left', first.id, 10, 108),
      note('row2-right', first.id, 300, 195),
    ]);
    expect(order.map((n) => n.id)).toEqual(['row1-left', 'row1-right', 'row2-left', 'row2-right']);
  });

  it('keeps creation order for notes on the same spot, so the walk is stable', () => {
    if (!first) throw new Error('vel1 has a field');
    const order = readingOrder(sheet, [note('later', first.id, 10, 10, 2), note('earlier', first.id, 10, 10, 1)]);
    expect(order.map((n) => n.id)).toEqual(['earlier', 'later']);
  });

  it('steps forward and back, starts at either end from nothing, and stops at the ends', () => {
    if (!first) throw new Error('vel1 has a field');
    const order = readingOrder(sheet, [note('a', first.id, 0, 0), note('b', first.id, 100, 0)]);
    expect(stepNote(order, null, 1)?.id).toBe('a');
    expect(stepNote(order, null, -1)?.id).toBe('b');
    expect(stepNote(order, 'a', 1)?.id).toBe('b');
    expect(stepNote(order, 'b', -1)?.id).toBe('a');
    expect(stepNote(order, 'b', 1)).toBeNull();
    expect(stepNote(order, 'a', -1)).toBeNull();
    expect(stepNote(order, 'gone', 1)?.id).toBe('a');
    expect(stepNote([], null, 1)).toBeNull();
  });
});
