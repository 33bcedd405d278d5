import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { setChoice, setFormulation } from '@dmc/shared/doc/discussion';
import { assignMembers, putGroup, readMembers, updateFlow } from '@dmc/shared/doc/session';
import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { SESSION_DOC, boardDocKey, draftDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { RIBBON } from '@dmc/shared/scene/noteBadges';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { wordingBlock } from '@dmc/shared/template/noteArea';
import type { Rect } from '@dmc/shared/template/types';
import type { RunningServer } from './server';
import {
  connectDoc,
  createWorkshop,
  flush,
  joinWorkshop,
  startTestServer,
  waitFor,
  type BoardClient,
} from './testing/harness';

/**
 * The reveal places the notes: three people who each wrote five notes on the very same spot of
 * DOEL find them on the group board side by side, clear of the notes already there, the agreed
 * wording and the "GEKOZEN" ribbon — in the reveal itself, with no later tidying by a browser.
 */
describe('placing revealed notes on the server', () => {
  let server: RunningServer & { dataDir: string };
  const open: BoardClient[] = [];
  const connect = (session: SessionResponse, docKey: string) => {
    const client = connectDoc(server.url, session, docKey);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await server.close();
  });

  it('spreads notes written on one spot over the field, clear of the wording box and the chosen ribbon', async () => {
    const facilitator = await createWorkshop(server.url, 'Reveal');
    const people = await Promise.all(
      ['Anna', 'Bram', 'Cleo'].map((name) => joinWorkshop(server.url, facilitator.workshop.code, name)),
    );
    const session = connect(facilitator, SESSION_DOC);
    await session.synced();
    await waitFor(() => readMembers(session.doc).length === 4, 'all members in the session');
    putGroup(session.doc, { id: 'g1', name: 'Groep 1', color: '#1d4ed8', order: 0 });
    assignMembers(session.doc, new Map(people.map((p) => [p.participant.id, 'g1'])));
    await waitFor(
      () => people.every((p) => server.workflow.membership(facilitator.workshop.id, p.participant.id).groupId === 'g1'),
      'the assignment on the server',
    );
    const setPhase = async (phaseId: PhaseId) => {
      updateFlow(session.doc, { phaseId, phaseStartedAt: Date.now() });
      await waitFor(() => server.workflow.state(facilitator.workshop.id)?.phaseId === phaseId, `phase ${phaseId}`);
    };

    // Already on the board: a chosen note, and DOEL's agreed wording.
    const board = connect(facilitator, boardDocKey('g1'));
    await board.synced();
    const me = facilitator.participant.id;
    const wording = 'Eerder zien wie vastloopt, zodat we op tijd kunnen helpen.';
    const chosen = addNote(board.doc, {
      id: 'chosen',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 300,
      y: 300,
      color: 'green',
      text: 'Uitval verminderen',
      authorId: me,
    });
    setFormulation(board.doc, {
      fieldId: 'doel',
      sheetId: 'vel1',
      text: wording,
      sourceNoteIds: [],
      updatedBy: me,
      updatedAt: Date.now(),
    });
    setChoice(board.doc, { fieldId: 'doel', targetKind: 'note', targetId: 'chosen', by: me }, true);
    await flush(board);

    // Silent writing: everyone puts five notes on the same spot of DOEL.
    await setPhase('vel1-write');
    const drafts = people.map((p) => connect(p, draftDocKey(p.participant.id)));
    await Promise.all(drafts.map((d) => d.synced()));
    drafts.forEach((draft, i) => {
      for (let k = 0; k < 5; k++)
        addNote(draft.doc, {
          id: `p${i}-n${k}`,
          sheetId: 'vel1',
          fieldId: 'doel',
          x: 100,
          y: 250,
          color: 'yellow',
          text: `Notitie ${k + 1}`,
          authorId: draft.session.participant.id,
        });
    });
    await Promise.all(drafts.map((d) => flush(d)));

    await setPhase('vel1-discuss');
    await waitFor(() => readNotes(board.doc).length === 16, 'the fifteen revealed notes on the board');
    await waitFor(() => drafts.every((d) => readNotes(d.doc).length === 0), 'the drafts to be emptied');

    const notes = readNotes(board.doc);
    const revealed = notes.filter((n) => n.id !== 'chosen');
    const doel = discussiemodelTemplate.sheets[0]!.fields.find((f) => f.id === 'doel')!;
    const wordingBox = wordingBlock(doel, wording);
    const ribbon: Rect = { x: chosen.x, y: chosen.y + RIBBON.top, width: NOTE_SIZE, height: -RIBBON.top };
    // Where the board had it: the chosen note did not move.
    expect(notes.find((n) => n.id === 'chosen')).toMatchObject({ x: 300, y: 300 });
    revealed.forEach((note, i) => {
      expect(note.fieldId).toBe('doel');
      expect(within(box(note), doel.rect)).toBe(true);
      expect(overlaps(box(note), wordingBox)).toBe(false);
      expect(overlaps(box(note), ribbon)).toBe(false);
      expect(overlaps(box(note), box(chosen))).toBe(false);
      for (const other of revealed.slice(0, i)) expect(overlaps(box(note), box(other))).toBe(false);
    });
  });
});

function box(note: Pick<Note, 'x' | 'y'>): Rect {
  return { x: note.x, y: note.y, width: NOTE_SIZE, height: NOTE_SIZE };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function within(a: Rect, b: Rect): boolean {
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
}
