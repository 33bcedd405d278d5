import { describe, expect, it } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import { mergeNotes, pruneLingering, removedNotes, sameNoteList } from './noteMerge';

const note = (id: string, z = 1, authorId = 'a'): Note => ({
  id,
  sheetId: 'vel1',
  fieldId: 'doel',
  x: 10,
  y: 10,
  color: 'yellow',
  text: id,
  authorId,
  createdAt: 1,
  z,
});

describe('merging board and private notes', () => {
  it('puts private notes on top of the board, each owner in turn, and says whose they are', () => {
    const board = [note('b1'), note('b2', 2)];
    const merged = mergeNotes(
      board,
      [
        ['anna', [note('a2', 5), note('a1', 1)]],
        ['bram', [note('x1')]],
      ],
      [],
    );
    expect(merged.notes.map((n) => n.id)).toEqual(['b1', 'b2', 'a1', 'a2', 'x1']);
    expect(Object.fromEntries(merged.privateOwners)).toEqual({ a1: 'anna', a2: 'anna', x1: 'bram' });
  });

  it('shows a note that is both on the board and in a draft once, as the board note (the reveal)', () => {
    const revealed = { ...note('a1'), z: 9 };
    const merged = mergeNotes([revealed], [['anna', [note('a1')]]], [{ note: note('a1'), ownerId: 'anna' }]);
    expect(merged.notes).toEqual([revealed]);
    expect(merged.privateOwners.size).toBe(0);
  });

  it('keeps a note that left the draft on screen until the board has it', () => {
    const lingering = [{ note: note('a1'), ownerId: 'anna' }];
    // The draft already lost it, the board does not have it yet: still shown, still private.
    expect(mergeNotes([], [['anna', []]], lingering).notes.map((n) => n.id)).toEqual(['a1']);
    // It arrives on the board: lingering ends.
    expect(pruneLingering(lingering, [note('a1')])).toEqual([]);
    // Not there yet: kept as it is (the store drops the rest at the next phase change).
    expect(pruneLingering(lingering, [note('b1')])).toBe(lingering);
  });

  it('returns the board list itself when there is nothing private', () => {
    const board = [note('b1')];
    expect(mergeNotes(board, [], []).notes).toBe(board);
  });

  it('finds removed notes and compares lists by identity', () => {
    const a = note('a');
    const b = note('b');
    expect(removedNotes([a, b], [b]).map((n) => n.id)).toEqual(['a']);
    expect(sameNoteList([a, b], [a, b])).toBe(true);
    expect(sameNoteList([a, b], [a, { ...b }])).toBe(false);
  });
});
