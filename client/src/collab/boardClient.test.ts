import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote } from '@dmc/shared/doc/board';
import { setMark } from '@dmc/shared/doc/discussion';
import { BOARD_SPEC, undoManagerFor } from '@dmc/shared/doc/registry';
import { guardDiscussionUndo } from './boardClient';

const note = (id: string, authorId: string) => ({
  id,
  sheetId: 'vel1',
  fieldId: 'doel',
  x: 10,
  y: 10,
  color: 'yellow' as const,
  text: id,
  authorId,
});

function pair() {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  // The undo manager the board client makes (registry: notes, marks, votes, deferrals).
  const undo = undoManagerFor(mine, BOARD_SPEC)!;
  const stop = guardDiscussionUndo(mine, undo);
  const sync = () => {
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), 'remote');
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine), 'remote');
  };
  return { mine, theirs, undo, stop, sync };
}

describe('undo of marks never re-creates a mark on a deleted note', () => {
  it('forgets the history when someone deletes a note while it holds marks', () => {
    const { mine, theirs, undo, sync } = pair();
    addNote(theirs, note('n1', 'bram'), 'remote');
    sync();
    setMark(mine, 'n1', 'anna', 'agree');
    expect(undo.canUndo()).toBe(true);
    deleteNote(theirs, 'n1', 'remote');
    sync();
    expect(undo.canUndo()).toBe(false);
  });

  it('keeps the history when the deleted note is unrelated or no marks were made', () => {
    const { mine, theirs, undo, sync } = pair();
    addNote(mine, note('mine', 'anna'));
    addNote(theirs, note('n2', 'bram'), 'remote');
    sync();
    deleteNote(theirs, 'n2', 'remote');
    sync();
    expect(undo.canUndo()).toBe(true);
  });
});
