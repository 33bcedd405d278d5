import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ORIGIN, addNote, readNotes } from '@dmc/shared/doc/board';
import { readMarks, setMark } from '@dmc/shared/doc/discussion';
import { putGroup, readMembers } from '@dmc/shared/doc/session';
import { putAction, readActions } from '@dmc/shared/doc/synthesis';
import { ANONYMOUS_ID } from '@dmc/shared/domain/departure';
import type { OwnData } from '@dmc/shared/export/ownData';
import {
  PLENARY_BOARD,
  SYNTHESIS_DOC,
  boardDocKey,
  type PrivacyResponse,
  type SessionResponse,
} from '@dmc/shared/protocol/api';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { RunningServer } from '../server';
import {
  connectBoard,
  createWorkshop,
  flush,
  joinWorkshop,
  requestJson,
  startTestServer,
  waitFor,
} from '../testing/harness';

/** A participant's rights over their own data, against the real server and real websocket clients. */
describe('a participant’s own data', () => {
  let server: RunningServer & { dataDir: string };
  const saved = { controller: process.env.PRIVACY_CONTROLLER, contact: process.env.PRIVACY_CONTACT };
  beforeAll(async () => {
    // The composition root does not hand the privacy settings to the app yet: the app reads them from the environment.
    process.env.PRIVACY_CONTROLLER = 'Hogeschool Lindenhaven';
    process.env.PRIVACY_CONTACT = 'privacy@lindenhaven.example';
    server = await startTestServer({ workshopTtlDays: 45 });
  });
  afterAll(async () => {
    await server.close();
    for (const [key, value] of [
      ['PRIVACY_CONTROLLER', saved.controller],
      ['PRIVACY_CONTACT', saved.contact],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });

  /** A workshop where Ada and Bob each wrote a note on the plenary board, Ada one on a subgroup board too, marked Bob's note and made an action. */
  async function workshopWithTwo() {
    const created = await createWorkshop(server.url, 'Privacy');
    const ada = await joinWorkshop(server.url, created.workshop.code, 'Ada');
    const bob = await joinWorkshop(server.url, created.workshop.code, 'Bob');
    const id = created.workshop.id;
    const adaBoard = connectBoard(server.url, ada);
    const bobBoard = connectBoard(server.url, bob);
    await Promise.all([adaBoard.synced(), bobBoard.synced()]);
    const base = { sheetId: 'vel1', fieldId: 'doel', x: 50, y: 150, color: 'yellow' as const };
    addNote(adaBoard.doc, { ...base, id: 'ada-note', text: 'Ada schrijft dit', authorId: ada.participant.id });
    addNote(bobBoard.doc, { ...base, id: 'bob-note', text: 'Bob schrijft dat', authorId: bob.participant.id });
    await Promise.all([flush(adaBoard), flush(bobBoard)]);
    // What the tools would write in later phases, written here by the server so the test needs no phases.
    const session = await server.workflow.session(id);
    await session.transactAsServer(
      (doc) => putGroup(doc, { id: 'groupA', name: 'Groep A', color: '#1d4ed8', order: 0 }, SERVER_ORIGIN),
      SERVER_ORIGIN,
    );
    const use = async (docKey: string, change: (doc: Y.Doc) => void) => {
      const policy = await server.workflow.policyFor(id, docKey);
      if (!policy) throw new Error(`no ${docKey}`);
      await server.collab.use(id, docKey, policy, (room) => room.transactAsServer(change, SERVER_ORIGIN));
    };
    await use(boardDocKey(PLENARY_BOARD), (doc) =>
      setMark(doc, 'bob-note', ada.participant.id, 'agree', SERVER_ORIGIN),
    );
    await use(boardDocKey('groupA'), (doc) =>
      addNote(doc, { ...base, id: 'ada-group', text: 'In de subgroep', authorId: ada.participant.id }, SERVER_ORIGIN),
    );
    await use(SYNTHESIS_DOC, (doc) =>
      putAction(
        doc,
        {
          id: 'ada-action',
          what: 'FG uitnodigen',
          who: 'Bob',
          whoParticipantId: bob.participant.id,
          when: '',
          status: 'open',
          sourceKind: 'direct',
          sourceGroupId: null,
          sourceFieldId: null,
          sourceNoteId: null,
          sourceDeferralId: null,
          createdBy: ada.participant.id,
          createdAt: 1,
          updatedAt: 1,
        },
        SERVER_ORIGIN,
      ),
    );
    return { created, ada, bob, id, adaBoard, bobBoard };
  }

  /** What a document of the workshop holds now, read on the server. */
  async function read<T>(id: string, docKey: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const policy = await server.workflow.policyFor(id, docKey);
    if (!policy) throw new Error(`no ${docKey}`);
    return server.collab.use(id, docKey, policy, (room) => fn(room.doc));
  }

  it('names the controller from the configuration and the retention period', async () => {
    const res = await fetch(`${server.url}/api/privacy`);
    expect(await res.json()).toEqual({
      controller: 'Hogeschool Lindenhaven',
      contact: 'privacy@lindenhaven.example',
      retentionDays: 45,
    } satisfies PrivacyResponse);
  });

  it('shows and downloads only the caller’s own records', async () => {
    const { ada, bob, id, adaBoard, bobBoard } = await workshopWithTwo();
    const mine = await requestJson<OwnData>('GET', `${server.url}/api/workshops/${id}/me`, ada.token);
    expect(mine.status).toBe(200);
    expect(mine.body.participant).toMatchObject({ id: ada.participant.id, name: 'Ada', role: 'participant' });
    expect(mine.body.notes.map((n) => n.id).sort()).toEqual(['ada-group', 'ada-note']);
    expect(mine.body.marks).toEqual([
      { boardId: PLENARY_BOARD, noteId: 'bob-note', noteText: 'Bob schrijft dat', value: 'agree' },
    ]);
    expect(mine.body.actions.map((a) => [a.id, a.createdByMe, a.assignedToMe])).toEqual([['ada-action', true, false]]);
    expect(JSON.stringify(mine.body)).not.toContain(bob.participant.id);

    const theirs = await requestJson<OwnData>('GET', `${server.url}/api/workshops/${id}/me`, bob.token);
    expect(theirs.body.notes.map((n) => n.id)).toEqual(['bob-note']);
    expect(theirs.body.actions.map((a) => [a.id, a.createdByMe, a.assignedToMe])).toEqual([
      ['ada-action', false, true],
    ]);

    const json = await fetch(`${server.url}/api/workshops/${id}/me/export/json`, {
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="mijn-gegevens.json"');
    const file = (await json.json()) as OwnData;
    expect(file.notes.map((n) => n.text).sort()).toEqual(['Ada schrijft dit', 'In de subgroep']);
    const md = await fetch(`${server.url}/api/workshops/${id}/me/export/md?lang=en`, {
      headers: { authorization: `Bearer ${ada.token}` },
    });
    const text = await md.text();
    expect(text).toContain('Ada schrijft dit');
    // Bob's note appears once: as the note Ada marked, never as one of hers.
    expect(text.split('Bob schrijft dat').length - 1).toBe(1);
    expect((await requestJson('GET', `${server.url}/api/workshops/${id}/me`, 'v1.forged.token')).status).toBe(401);
    const other = await createWorkshop(server.url, 'Andere');
    expect((await requestJson('GET', `${server.url}/api/workshops/${other.workshop.id}/me`, ada.token)).status).toBe(
      403,
    );
    adaBoard.destroy();
    bobBoard.destroy();
  });

  it('renames the caller: the members list shows the new name', async () => {
    const { ada, id, adaBoard, bobBoard } = await workshopWithTwo();
    const res = await requestJson<SessionResponse>('PATCH', `${server.url}/api/workshops/${id}/me`, ada.token, {
      name: '  Ada Lovelace ',
    });
    expect(res.status).toBe(200);
    expect(res.body.participant).toMatchObject({ id: ada.participant.id, name: 'Ada Lovelace' });
    const session = await server.workflow.session(id);
    expect(readMembers(session.doc).find((m) => m.id === ada.participant.id)?.name).toBe('Ada Lovelace');
    const again = await requestJson<SessionResponse>('GET', `${server.url}/api/session`, res.body.token);
    expect(again.body.participant.name).toBe('Ada Lovelace');
    expect((await requestJson('PATCH', `${server.url}/api/workshops/${id}/me`, ada.token, { name: '' })).status).toBe(
      400,
    );
    adaBoard.destroy();
    bobBoard.destroy();
  });

  it('leaving with "remove": their records are gone from every document, others’ stay, their token is refused', async () => {
    const { ada, bob, id, adaBoard, bobBoard } = await workshopWithTwo();
    const url = `${server.url}/api/workshops/${id}/me/leave`;
    // The workshop lets participants choose, so they must.
    expect((await requestJson<{ error: { code: string } }>('POST', url, ada.token, {})).body.error.code).toBe(
      'choice_required',
    );
    expect((await requestJson('POST', url, ada.token, { notes: 'remove' })).status).toBe(204);

    expect((await adaBoard.closed).code).toBe(CLOSE.unauthorized);
    expect(await read(id, boardDocKey(PLENARY_BOARD), (doc) => readNotes(doc).map((n) => n.id))).toEqual(['bob-note']);
    expect(await read(id, boardDocKey(PLENARY_BOARD), readMarks)).toEqual([]);
    expect(await read(id, boardDocKey('groupA'), readNotes)).toEqual([]);
    expect(await read(id, SYNTHESIS_DOC, readActions)).toEqual([]);
    // Bob sees the same: his own note, nothing of Ada's.
    await waitFor(() => readNotes(bobBoard.doc).length === 1, 'Ada’s note to leave Bob’s board');
    expect(readNotes(bobBoard.doc)[0]).toMatchObject({
      id: 'bob-note',
      text: 'Bob schrijft dat',
      authorId: bob.participant.id,
    });

    expect((await requestJson('GET', `${server.url}/api/session`, ada.token)).status).toBe(401);
    expect((await requestJson('GET', `${server.url}/api/workshops/${id}/me`, ada.token)).status).toBe(401);
    const session = await server.workflow.session(id);
    expect(readMembers(session.doc).map((m) => m.name)).not.toContain('Ada');
    bobBoard.destroy();
  });

  it('leaving where the facilitator keeps notes anonymously: text kept, author replaced, whatever they asked', async () => {
    const { created, ada, bob, id, adaBoard, bobBoard } = await workshopWithTwo();
    const setting = await requestJson('PATCH', `${server.url}/api/workshops/${id}`, created.token, {
      onLeave: 'anonymise',
    });
    expect(setting.status).toBe(200);
    const info = await fetch(`${server.url}/api/join/${created.workshop.code}`);
    expect(((await info.json()) as { workshop: { onLeave: string } }).workshop.onLeave).toBe('anonymise');

    expect(
      (await requestJson('POST', `${server.url}/api/workshops/${id}/me/leave`, ada.token, { notes: 'remove' })).status,
    ).toBe(204);
    expect((await adaBoard.closed).code).toBe(CLOSE.unauthorized);
    const notes = await read(id, boardDocKey(PLENARY_BOARD), readNotes);
    expect(notes.find((n) => n.id === 'ada-note')).toMatchObject({ text: 'Ada schrijft dit', authorId: ANONYMOUS_ID });
    expect(notes.find((n) => n.id === 'bob-note')?.authorId).toBe(bob.participant.id);
    expect((await read(id, boardDocKey('groupA'), readNotes))[0]).toMatchObject({ authorId: ANONYMOUS_ID });
    expect(await read(id, SYNTHESIS_DOC, (doc) => readActions(doc).map((a) => a.createdBy))).toEqual([ANONYMOUS_ID]);
    const marks = await read(id, boardDocKey(PLENARY_BOARD), readMarks);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.participantId).toMatch(/^anonymous-/);
    expect((await requestJson('GET', `${server.url}/api/session`, ada.token)).status).toBe(401);
    bobBoard.destroy();
  });

  it('does not let a facilitator leave (they delete the workshop instead)', async () => {
    const created = await createWorkshop(server.url, 'Alleen');
    const res = await requestJson(
      'POST',
      `${server.url}/api/workshops/${created.workshop.id}/me/leave`,
      created.token,
      {
        notes: 'remove',
      },
    );
    expect(res.status).toBe(403);
  });
});
