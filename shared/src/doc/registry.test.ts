import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_COLLECTIONS, DRAFT_COLLECTIONS, addNote } from './board';
import { DISCUSSION_COLLECTIONS, setFormulation, setHighlight, setMark, putDeferral } from './discussion';
import { LOCAL_ORIGIN } from './origins';
import { collection, type RecordValue } from './records';
import {
  BOARD_SPEC,
  DOC_SPECS,
  DRAFT_SPEC,
  SESSION_SPEC,
  SYNTHESIS_SPEC,
  collectionNames,
  readSnapshot,
  type DocSpec,
  undoManagerFor,
  writeSnapshot,
  type Snapshot,
} from './registry';
import { SESSION_COLLECTIONS } from './session';
import { SYNTHESIS_COLLECTIONS } from './synthesis';
import { LIMITS } from '../domain/limits';
import { idSchema, newId } from '../domain/ids';

const note = (id: string, z: number, authorId = 'anna') => ({
  id,
  sheetId: 'vel1',
  fieldId: 'doel',
  x: 10,
  y: 20,
  color: 'yellow' as const,
  text: id,
  authorId,
  createdAt: 1000 + z,
  z,
});

const board: Snapshot<typeof BOARD_SPEC> = {
  notes: [note('n2', 2), note('n1', 1, 'bram')],
  marks: [{ noteId: 'n1', participantId: 'anna', value: 'agree' }],
  votes: [{ noteId: 'n1', participantId: 'anna', slot: 1 }],
  formulations: [
    { fieldId: 'doel', sheetId: 'vel1', text: 'Samen', sourceNoteIds: ['n1', 'n2'], updatedBy: 'anna', updatedAt: 5 },
  ],
  deferrals: [
    {
      id: 'd2',
      sheetId: 'vel1',
      fieldId: 'doel',
      noteId: null,
      question: 'Later',
      findOut: '',
      askWhom: '',
      owner: '',
      createdBy: 'anna',
      createdAt: 9,
    },
    {
      id: 'd1',
      sheetId: 'vel1',
      fieldId: 'doel',
      noteId: 'n1',
      question: 'Eerst',
      findOut: 'x',
      askWhom: 'y',
      owner: 'z',
      createdBy: 'bram',
      createdAt: 3,
    },
  ],
  highlights: [{ noteId: 'n2', by: 'anna' }],
  choices: [{ fieldId: 'doel', targetKind: 'note', targetId: 'n2', by: 'anna' }],
  questions: [{ authorId: 'bram', slot: 0, text: 'Waarom?', fieldId: 'doel', createdAt: 4 }],
};

describe('the collection registry', () => {
  it('derives the collection list of every document, in the order the server observes them', () => {
    expect(BOARD_COLLECTIONS).toEqual([
      'notes',
      'marks',
      'votes',
      'formulations',
      'deferrals',
      'highlights',
      'choices',
      'questions',
    ]);
    expect(DRAFT_COLLECTIONS).toEqual(['notes']);
    expect(DISCUSSION_COLLECTIONS).toEqual([
      'marks',
      'votes',
      'formulations',
      'deferrals',
      'highlights',
      'choices',
      'questions',
    ]);
    expect(SESSION_COLLECTIONS).toEqual([
      'flow',
      'groups',
      'members',
      'settings',
      'readings',
      'agenda',
      'agendaEntries',
    ]);
    expect(SYNTHESIS_COLLECTIONS).toEqual(['clusters', 'plenaryFormulations', 'actions']);
  });

  it('gives every collection its limit from LIMITS, and every limit belongs to a collection', () => {
    const declared = new Set<string>();
    for (const spec of Object.values(DOC_SPECS) as DocSpec[]) {
      for (const name of collectionNames(spec)) {
        declared.add(name);
        expect(spec[name]!.limit, name).toBe(LIMITS.recordsPerCollection[name]);
        expect(spec[name]!.limit, name).toBeGreaterThan(0);
      }
    }
    expect([...declared].sort()).toEqual(Object.keys(LIMITS.recordsPerCollection).sort());
  });

  it('makes ownership explicit for every board and synthesis collection', () => {
    const owners = Object.fromEntries(
      [...Object.entries(BOARD_SPEC), ...Object.entries(SYNTHESIS_SPEC)].map(([name, spec]) => [
        name,
        spec.owner && `${spec.owner.field}/${spec.owner.writes}/${spec.owner.remove}`,
      ]),
    );
    expect(owners).toEqual({
      notes: 'authorId/create/owner',
      marks: 'participantId/each/owner',
      votes: 'participantId/each/owner',
      formulations: 'updatedBy/each/facilitator',
      deferrals: 'createdBy/create/owner',
      highlights: 'by/each/anyone',
      choices: 'by/each/anyone',
      questions: 'authorId/each/owner',
      clusters: 'updatedBy/each/anyone',
      plenaryFormulations: 'updatedBy/each/facilitator',
      actions: 'createdBy/create/owner',
    });
    for (const spec of Object.values(SESSION_SPEC)) expect(spec.owner).toBeNull();
  });
});

describe('board snapshots', () => {
  it('writes every record under its declared key and reads it back in reading order', () => {
    const doc = new Y.Doc();
    doc.transact(() => writeSnapshot(doc, BOARD_SPEC, board));
    expect([...collection(doc, 'marks').keys()]).toEqual(['n1:anna']);
    expect([...collection(doc, 'votes').keys()]).toEqual(['anna:1']);
    expect([...collection(doc, 'formulations').keys()]).toEqual(['doel']);
    expect([...collection(doc, 'highlights').keys()]).toEqual(['n2']);
    expect([...collection(doc, 'choices').keys()]).toEqual(['note-n2']);
    const read = readSnapshot(doc, BOARD_SPEC);
    expect(read.notes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(read.deferrals.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(read).toEqual({
      ...board,
      notes: [board.notes[1], board.notes[0]],
      deferrals: [board.deferrals[1], board.deferrals[0]],
    });
  });

  it('never shares an array with the caller and skips malformed records when reading', () => {
    const doc = new Y.Doc();
    const ids = ['n1'];
    writeSnapshot(doc, BOARD_SPEC, { formulations: [{ ...board.formulations[0]!, sourceNoteIds: ids }] });
    ids.push('n9');
    collection(doc, 'notes').set('bad', new Y.Map<RecordValue>([['id', 'bad']]));
    const read = readSnapshot(doc, BOARD_SPEC);
    expect(read.formulations[0]!.sourceNoteIds).toEqual(['n1']);
    expect(read.notes).toEqual([]);
  });
});

describe('the undo manager factory', () => {
  it("tracks a board's notes, marks, votes and deferrals but not wordings or highlights", () => {
    const doc = new Y.Doc();
    const undo = undoManagerFor(doc, BOARD_SPEC)!;
    addNote(doc, note('n1', 1));
    setMark(doc, 'n1', 'anna', 'agree');
    putDeferral(doc, board.deferrals[0]!);
    undo.stopCapturing();
    setFormulation(doc, board.formulations[0]!);
    setHighlight(doc, 'n1', 'anna', true);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(collection(doc, 'notes').size).toBe(0);
    expect(collection(doc, 'marks').size).toBe(0);
    expect(collection(doc, 'deferrals').size).toBe(0);
    expect(collection(doc, 'formulations').size).toBe(1);
    expect(collection(doc, 'highlights').size).toBe(1);
  });

  it("only reverts local edits, tracks a draft's notes, and makes none for documents without undo", () => {
    const doc = new Y.Doc();
    const undo = undoManagerFor(doc, DRAFT_SPEC)!;
    addNote(doc, note('theirs', 1), 'remote');
    expect(undo.canUndo()).toBe(false);
    addNote(doc, note('mine', 2), LOCAL_ORIGIN);
    expect(undo.canUndo()).toBe(true);
    expect(undoManagerFor(doc, SESSION_SPEC)).toBeNull();
    expect(undoManagerFor(doc, SYNTHESIS_SPEC)).toBeNull();
  });
});

describe('ids', () => {
  it('makes random ids that match the id schema (22 characters of base64url)', () => {
    const made = new Set(Array.from({ length: 50 }, () => newId()));
    expect(made.size).toBe(50);
    for (const id of made) {
      expect(idSchema.safeParse(id).success).toBe(true);
      expect(id).toHaveLength(22);
    }
  });

  it('encodes bytes as base64url without padding', () => {
    expect(newId(new Uint8Array([255, 255, 255]))).toBe('____');
    expect(newId(new Uint8Array([0xfb, 0xef, 0xbe, 0x00]))).toBe('----AA');
    expect(newId(new Uint8Array([104, 105]))).toBe('aGk');
  });
});
