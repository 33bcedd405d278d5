import { beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import { useAppStore } from './index';

const note = (id: string, z = 1): Note => ({
  id,
  sheetId: 'vel1',
  fieldId: 'doel',
  x: 10,
  y: 10,
  color: 'yellow',
  text: id,
  authorId: 'anna',
  createdAt: 1,
  z,
});

describe('the board slice merges what the documents report', () => {
  beforeEach(() => {
    useAppStore.getState().resetBoard();
    useAppStore.getState().resetDrafts();
  });

  it('shows a revealed note without a gap and without a double, whichever document reports first', () => {
    const s = () => useAppStore.getState();
    s().setNotes([note('b1')]);
    s().setDraftNotes('anna', [note('a1')]);
    expect(s().notes.map((n) => n.id)).toEqual(['b1', 'a1']);
    // Order 1: the draft loses it first (kept as lingering), then the board gets it.
    s().addLingering([{ note: note('a1'), ownerId: 'anna' }]);
    s().setDraftNotes('anna', []);
    expect(s().notes.map((n) => n.id)).toEqual(['b1', 'a1']);
    expect(s().privateOwners.get('a1')).toBe('anna');
    s().setNotes([note('b1'), note('a1', 2)]);
    expect(s().notes.map((n) => n.id)).toEqual(['b1', 'a1']);
    expect(s().privateOwners.size).toBe(0);
    expect(s().lingering).toEqual([]);
    // Order 2: the board gets it first while the draft still has it: shown once.
    s().setDraftNotes('anna', [note('a2')]);
    s().setNotes([note('b1'), note('a1', 2), note('a2', 3)]);
    expect(s().notes.map((n) => n.id)).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps the merged list identical when nothing visible changed', () => {
    const s = () => useAppStore.getState();
    const b1 = note('b1');
    s().setNotes([b1]);
    const before = s().notes;
    s().setDraftNotes('anna', []);
    expect(s().notes).toBe(before);
  });

  it('drops drafts and revealed notes when the board changes', () => {
    const s = () => useAppStore.getState();
    s().addLingering([{ note: note('a1'), ownerId: 'anna' }]);
    s().resetBoard();
    expect(s().notes).toEqual([]);
  });
});
