import { describe, expect, it } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import { reuseUnchanged } from './noteBridge';

const note = (id: string, extra: Partial<Note> = {}): Note => ({
  id,
  sheetId: 'vel1',
  fieldId: 'doel',
  x: 10,
  y: 20,
  color: 'yellow',
  text: id,
  authorId: 'p1',
  createdAt: 1,
  z: 1,
  ...extra,
});

describe('reuseUnchanged', () => {
  it('keeps the identity of unchanged notes and of the whole list', () => {
    const before = [note('a'), note('b')];
    const after = reuseUnchanged(before, [note('a'), note('b')]);
    expect(after).toBe(before);
  });

  it('replaces only what changed', () => {
    const before = [note('a'), note('b')];
    const after = reuseUnchanged(before, [note('a'), note('b', { text: 'new' })]);
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('notices reordering and removal', () => {
    const before = [note('a'), note('b')];
    expect(reuseUnchanged(before, [before[1]!, before[0]!])).not.toBe(before);
    expect(reuseUnchanged(before, [note('a')])).toEqual([before[0]]);
  });
});
