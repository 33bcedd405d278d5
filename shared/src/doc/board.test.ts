import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  createUndoManager,
  deleteNote,
  moveNote,
  readNote,
  readNotes,
  setNoteColor,
  setNoteText,
  BOARD_COLLECTIONS,
  SERVER_ORIGIN,
} from './board';
import { captureChanges, collection } from './records';
import { LIMITS } from '../domain/limits';

function note(id: string, authorId = 'alice', x = 100, y = 200) {
  return { id, sheetId: 'vel1', fieldId: 'doel', x, y, color: 'yellow' as const, text: '', authorId };
}

/** Two replicas connected both ways, like two browsers through the server. */
function connectedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return [a, b];
}

describe('board document', () => {
  it('adds, edits, moves, recolours and deletes notes', () => {
    const doc = new Y.Doc();
    addNote(doc, note('n1'));
    setNoteText(doc, 'n1', 'Studentbegeleiding verbeteren');
    moveNote(doc, 'n1', { x: 300, y: 400, fieldId: 'doelgroep' });
    setNoteColor(doc, 'n1', 'blue');
    expect(readNote(doc, 'n1')).toMatchObject({
      text: 'Studentbegeleiding verbeteren',
      x: 300,
      y: 400,
      fieldId: 'doelgroep',
      color: 'blue',
    });
    deleteNote(doc, 'n1');
    expect(readNotes(doc)).toEqual([]);
  });

  it('clamps text to the note limit so the server never has to refuse a paste', () => {
    const doc = new Y.Doc();
    addNote(doc, { ...note('n1'), text: 'x'.repeat(LIMITS.noteTextLength + 50) });
    expect(readNote(doc, 'n1')?.text.length).toBe(LIMITS.noteTextLength);
  });

  it('puts a moved note on top of the others', () => {
    const doc = new Y.Doc();
    addNote(doc, note('a'));
    addNote(doc, note('b'));
    expect(readNotes(doc).map((n) => n.id)).toEqual(['a', 'b']);
    moveNote(doc, 'a', { x: 1, y: 1, fieldId: null });
    expect(readNotes(doc).map((n) => n.id)).toEqual(['b', 'a']);
  });

  it('converges when two people edit the same board concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addNote(a, note('shared'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Offline edits on both sides, then exchange.
    setNoteText(a, 'shared', 'tekst van A');
    moveNote(b, 'shared', { x: 500, y: 500, fieldId: 'doelgroep' });
    addNote(b, note('fromB', 'bob'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(readNotes(a)).toEqual(readNotes(b));
    expect(readNote(a, 'shared')).toMatchObject({ text: 'tekst van A', x: 500, fieldId: 'doelgroep' });
    expect(readNotes(a)).toHaveLength(2);
  });

  it("undo reverts only the local user's edits, never someone else's", () => {
    const [a, b] = connectedPair();
    const undoA = createUndoManager(a);
    addNote(a, note('mine', 'alice'));
    addNote(b, note('theirs', 'bob'));
    undoA.undo();
    expect(readNotes(a).map((n) => n.id)).toEqual(['theirs']);
    expect(readNotes(b).map((n) => n.id)).toEqual(['theirs']);
    undoA.redo();
    expect(
      readNotes(b)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['mine', 'theirs']);
  });

  it('makes a move one undo step', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    addNote(doc, note('n1'));
    undo.stopCapturing();
    moveNote(doc, 'n1', { x: 700, y: 300, fieldId: 'kansen-risicos' });
    undo.undo();
    expect(readNote(doc, 'n1')).toMatchObject({ x: 100, y: 200, fieldId: 'doel' });
  });

  it('does not track server-made changes for undo', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    addNote(doc, note('n1'), SERVER_ORIGIN);
    expect(undo.canUndo()).toBe(false);
  });
});

describe('captureChanges', () => {
  function updateFrom(edit: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array {
    const doc = new Y.Doc();
    if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(doc);
    edit(doc);
    return Y.encodeStateAsUpdate(doc, before);
  }

  it('describes an added note as plain data', () => {
    const server = new Y.Doc();
    const update = updateFrom((d) => addNote(d, { ...note('n1'), text: 'hallo' }));
    const result = captureChanges(server, BOARD_COLLECTIONS, () => Y.applyUpdate(server, update));
    expect(result).toEqual({
      ok: true,
      changes: [
        expect.objectContaining({
          type: 'add',
          id: 'n1',
          after: expect.objectContaining({ text: 'hallo', authorId: 'alice' }),
        }),
      ],
    });
  });

  it('describes a property change with the values before and after', () => {
    const server = new Y.Doc();
    addNote(server, note('n1'));
    const update = updateFrom((d) => setNoteText(d, 'n1', 'nieuw'), server);
    const result = captureChanges(server, BOARD_COLLECTIONS, () => Y.applyUpdate(server, update));
    expect(result.ok && result.changes).toEqual([
      expect.objectContaining({
        type: 'update',
        id: 'n1',
        keys: ['text'],
        before: expect.objectContaining({ text: '' }),
        after: expect.objectContaining({ text: 'nieuw' }),
      }),
    ]);
  });

  it('describes a deletion with the note as it was', () => {
    const server = new Y.Doc();
    addNote(server, { ...note('n1', 'bob'), text: 'weg' });
    const update = updateFrom((d) => deleteNote(d, 'n1'), server);
    const result = captureChanges(server, BOARD_COLLECTIONS, () => Y.applyUpdate(server, update));
    expect(result.ok && result.changes).toEqual([
      expect.objectContaining({
        type: 'remove',
        id: 'n1',
        before: expect.objectContaining({ authorId: 'bob', text: 'weg' }),
      }),
    ]);
  });

  it('describes a record created by two people at once as an update, so rules can judge it', () => {
    const server = new Y.Doc();
    addNote(server, note('n1'));
    const highlight = (by: string) => (d: Y.Doc) => {
      const rec = new Y.Map();
      rec.set('noteId', 'n1');
      rec.set('by', by);
      d.getMap('highlights').set('n1', rec);
    };
    Y.applyUpdate(server, updateFrom(highlight('alice'), server));
    // Bob writes the same record as a new one (as when both starred the note at the same moment).
    const update = updateFrom(highlight('bob'), server);
    const result = captureChanges(server, BOARD_COLLECTIONS, () => Y.applyUpdate(server, update));
    expect(result).toEqual({
      ok: true,
      changes: [
        {
          type: 'update',
          collection: 'highlights',
          id: 'n1',
          keys: ['by'],
          before: { noteId: 'n1', by: 'alice' },
          after: { noteId: 'n1', by: 'bob' },
        },
      ],
    });
  });

  it('flags writes to unknown root types', () => {
    const server = new Y.Doc();
    const update = updateFrom((d) => d.getArray('sneaky').push(['x']));
    const result = captureChanges(server, BOARD_COLLECTIONS, () => Y.applyUpdate(server, update));
    expect(result.ok).toBe(false);
  });

  it('flags nested shared types inside a record', () => {
    const server = new Y.Doc();
    const update = updateFrom((d) => {
      const rec = new Y.Map();
      rec.set('text', new Y.Text('x'));
      d.getMap('notes').set('n1', rec);
    });
    const result = captureChanges(server, BOARD_COLLECTIONS, () => Y.applyUpdate(server, update));
    expect(result).toMatchObject({ ok: false });
  });

  it('flags an update whose dependencies are missing', () => {
    const client = new Y.Doc();
    addNote(client, note('n1'));
    const first = Y.encodeStateAsUpdate(client);
    const sv = Y.encodeStateVector(client);
    setNoteText(client, 'n1', 'later');
    const second = Y.encodeStateAsUpdate(client, sv);
    const server = new Y.Doc();
    const result = captureChanges(server, BOARD_COLLECTIONS, () => Y.applyUpdate(server, second));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('unknown changes') });
    expect(first.length).toBeGreaterThan(0);
  });
});

describe('reading notes again', () => {
  it('gives every change, remote ones included, while unchanged notes are not parsed again', () => {
    const [a, b] = connectedPair();
    addNote(a, note('n1'));
    addNote(a, note('n2'));
    const first = readNotes(b);
    setNoteText(a, 'n2', 'Nieuwe tekst');
    moveNote(a, 'n1', { x: 300, y: 40, fieldId: 'doel' });
    const second = readNotes(b);
    expect(second.find((n) => n.id === 'n2')?.text).toBe('Nieuwe tekst');
    expect(second.find((n) => n.id === 'n1')).toMatchObject({ x: 300, y: 40 });
    setNoteColor(a, 'n1', 'blue');
    const third = readNotes(b);
    // n2 did not change since the last read: the same object (not parsed again), and nobody can change it.
    expect(third.find((n) => n.id === 'n2')).toBe(second.find((n) => n.id === 'n2'));
    expect(third.find((n) => n.id === 'n1')?.color).toBe('blue');
    expect(Object.isFrozen(third[0])).toBe(true);
    expect(first.find((n) => n.id === 'n2')?.text).toBe('');
  });

  it('drops a note that a remote change made malformed, and takes it back once it is well-formed again', () => {
    const [a, b] = connectedPair();
    addNote(a, note('n1'));
    expect(readNotes(b)).toHaveLength(1);
    a.transact(() => collection(a, 'notes').get('n1')?.set('x', 'far away'));
    expect(readNotes(b)).toHaveLength(0);
    expect(readNote(b, 'n1')).toBeUndefined();
    moveNote(a, 'n1', { x: 10, y: 20, fieldId: 'doel' });
    expect(readNotes(b)).toMatchObject([{ id: 'n1', x: 10, y: 20 }]);
  });
});
