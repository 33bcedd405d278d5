import { describe, expect, it } from 'vitest';
import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import { tidyRevealed } from './revealTidy';
import { sheetById } from './template';

const vel1 = sheetById('vel1');
const note = (id: string, x: number, y: number, createdAt: number): Note => ({
  id,
  sheetId: 'vel1',
  fieldId: 'doel',
  x,
  y,
  color: 'yellow',
  text: id,
  authorId: id,
  createdAt,
  z: createdAt,
});
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NOTE_SIZE && Math.abs(a.y - b.y) < NOTE_SIZE;

describe('spreading notes out after the reveal', () => {
  it('moves my later note off an earlier one, within its field', () => {
    const theirs = note('theirs', 200, 300, 1);
    const mine = note('mine', 210, 305, 2);
    const moves = tidyRevealed(vel1, [theirs, mine], new Set(['mine']), 'nl');
    expect(moves).toHaveLength(1);
    const moved = moves[0]!;
    expect(moved.noteId).toBe('mine');
    expect(overlaps(moved, theirs)).toBe(false);
    const doel = vel1.fields.find((f) => f.id === 'doel')!.rect;
    expect(moved.x).toBeGreaterThanOrEqual(doel.x);
    expect(moved.x + NOTE_SIZE).toBeLessThanOrEqual(doel.x + doel.width);
  });

  it('leaves my note alone when it was there first (the later author moves)', () => {
    const mine = note('mine', 200, 300, 1);
    const theirs = note('theirs', 210, 305, 2);
    expect(tidyRevealed(vel1, [mine, theirs], new Set(['mine']), 'nl')).toEqual([]);
  });

  it('leaves notes that barely touch', () => {
    expect(
      tidyRevealed(vel1, [note('a', 200, 300, 1), note('b', 200 + NOTE_SIZE - 2, 300, 2)], new Set(['b']), 'nl'),
    ).toEqual([]);
  });

  it('spreads several of my notes without putting them on each other', () => {
    const base = note('base', 200, 300, 1);
    const mine = [note('m1', 202, 302, 2), note('m2', 204, 304, 3)];
    const moves = tidyRevealed(vel1, [base, ...mine], new Set(['m1', 'm2']), 'nl');
    expect(moves).toHaveLength(2);
    expect(overlaps(moves[0]!, moves[1]!)).toBe(false);
  });
});
