import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, readNote, readNotes, setNoteText } from '@dmc/shared/doc/board';
import { placeVote, readVotes, setMark } from '@dmc/shared/doc/discussion';
import {
  assignMembers,
  putGroup,
  readFlow,
  readMember,
  readAgendaEntries,
  readMembers,
  setReady,
  updateFlow,
} from '@dmc/shared/doc/session';
import { collection, putRecord } from '@dmc/shared/doc/records';
import { endBreak, startBreak } from '@dmc/shared/domain/flow';
import { putQuestion, readQuestions } from '@dmc/shared/doc/questions';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import {
  SESSION_DOC,
  boardDocKey,
  draftDocKey,
  type CreateWorkshopResponse,
  type SessionResponse,
} from '@dmc/shared/protocol/api';
import type { PhaseId } from '@dmc/shared/domain/phases';
import type { RunningServer } from './server';
import {
  connectBoard,
  connectDoc,
  flush,
  joinWorkshop,
  placeInGroups,
  requestJson,
  seedWorkshop,
  setPhaseOnServer,
  startTestServer,
  waitFor,
  type BoardClient,
} from './testing/harness';

/**
 * The workshop flow enforced by the server: every forbidden write and read a participant could
 * try with a hand-made client, and the silent-writing reveal.
 */
describe('workshop flow on the server', () => {
  let server: RunningServer & { dataDir: string };
  let facilitator: CreateWorkshopResponse;
  let anna: SessionResponse;
  let bram: SessionResponse;
  let cleo: SessionResponse;
  let fSession: BoardClient;
  const open: BoardClient[] = [];
  const connect = (session: SessionResponse, docKey: string) => {
    const client = connectDoc(server.url, session, docKey);
    open.push(client);
    return client;
  };
  const note = (id: string, authorId: string, sheetId = 'vel1', text = '') => ({
    id,
    sheetId,
    fieldId: sheetId === 'vel1' ? 'doel' : 'data',
    x: 60,
    y: 160,
    color: 'yellow' as const,
    text,
    authorId,
  });
  const setPhase = (phaseId: PhaseId) => setPhaseOnServer(server, fSession, phaseId);

  beforeAll(async () => {
    server = await startTestServer();
    ({
      facilitator,
      participants: [anna, bram, cleo],
      sessionDoc: fSession,
    } = await seedWorkshop(server.url, 'Flow', ['Anna', 'Bram', 'Cleo']));
    open.push(fSession);
    await placeInGroups(server, fSession, [
      { id: 'g1', name: 'Groep 1', members: [anna, bram] },
      { id: 'g2', name: 'Groep 2', members: [cleo] },
    ]);
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await server.close();
  });

  describe('forbidden writes to the session', () => {
    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ['change the phase', (doc) => updateFlow(doc, { phaseId: 'synthesis' })],
      [
        'start the timer',
        (doc) => updateFlow(doc, { timerStatus: 'running', timerEndsAt: Date.now() + 60_000, timerDurationMs: 60_000 }),
      ],
      ['create a subgroup', (doc) => putGroup(doc, { id: 'g3', name: 'Eigen groep', color: '#047857', order: 2 })],
      ['rename a subgroup', (doc) => putGroup(doc, { id: 'g1', name: 'Gekaapt', color: '#1d4ed8', order: 0 })],
      ['move someone else to another subgroup', (doc) => assignMembers(doc, new Map([[bram.participant.id, 'g2']]))],
      [
        'pick their own subgroup when the facilitator assigns',
        (doc) => assignMembers(doc, new Map([[anna.participant.id, 'g2']])),
      ],
      ['mark someone else ready', (doc) => setReady(doc, bram.participant.id, 'open')],
      ['bring everyone to their view', (doc) => updateFlow(doc, { attentionNonce: 99 })],
      ['start a break', (doc) => updateFlow(doc, startBreak({ label: 'Pauze', minutes: 15 }, Date.now()))],
      [
        'put a break on the agenda',
        (doc) =>
          doc.transact(() =>
            putRecord(collection(doc, 'agendaEntries'), 'p1', {
              id: 'p1',
              kind: 'break',
              label: 'Pauze',
              minutes: 15,
              after: 'vel1-discuss',
              order: 0,
            }),
          ),
      ],
    ];
    for (const [what, attempt] of attempts) {
      it(`refuses a participant who tries to ${what}`, async () => {
        const client = connect(anna, SESSION_DOC);
        await client.synced();
        const before = JSON.stringify([readFlow(fSession.doc), readMembers(fSession.doc)]);
        attempt(client.doc);
        const closed = await client.closed;
        expect(closed.code).toBe(CLOSE.forbidden);
        await flush(fSession);
        expect(JSON.stringify([readFlow(fSession.doc), readMembers(fSession.doc)])).toBe(before);
      });
    }

    it('lets a participant mark themselves ready for the current phase', async () => {
      const client = connect(anna, SESSION_DOC);
      await client.synced();
      setReady(client.doc, anna.participant.id, 'open');
      await waitFor(
        () => readMember(fSession.doc, anna.participant.id)?.readyPhase === 'open',
        'Anna ready on the facilitator side',
      );
      expect(client.provider.wsconnected).toBe(true);
    });
  });

  describe('breaks and own agenda items', () => {
    const pauze = { id: 'p1', kind: 'break', label: 'Pauze', minutes: 15, after: 'vel1-discuss' } as const;
    const base = () => `${server.url}/api/workshops/${facilitator.workshop.id}`;

    it('takes own items only from a facilitator, validated, and mirrors them into the session', async () => {
      expect((await requestJson('PATCH', base(), anna.token, { agendaEntries: [pauze] })).status).toBe(403);
      const tooLong = await requestJson('PATCH', base(), facilitator.token, {
        agendaEntries: [{ ...pauze, label: 'x'.repeat(61) }],
      });
      expect(tooLong.status).toBe(400);
      const many = Array.from({ length: 13 }, (_, i) => ({ ...pauze, id: `p${i}` }));
      expect((await requestJson('PATCH', base(), facilitator.token, { agendaEntries: many })).status).toBe(400);
      const twice = await requestJson('PATCH', base(), facilitator.token, { agendaEntries: [pauze, pauze] });
      expect(twice.status).toBe(400);
      const saved = await requestJson<{ agendaEntries: unknown[] }>('PATCH', base(), facilitator.token, {
        agendaEntries: [pauze],
      });
      expect(saved.status).toBe(200);
      expect(saved.body.agendaEntries).toEqual([pauze]);
      await waitFor(() => readAgendaEntries(fSession.doc).length === 1, 'the break in the session document');
      expect(readAgendaEntries(fSession.doc)).toEqual([pauze]);
    });

    it("shows a facilitator's break to participants", async () => {
      const client = connect(anna, SESSION_DOC);
      await client.synced();
      updateFlow(fSession.doc, startBreak({ label: 'Pauze', minutes: 15, entryId: 'p1' }, Date.now()));
      await waitFor(() => readFlow(client.doc).breakLabel === 'Pauze', 'the break on Anna’s side');
      expect(readFlow(client.doc)).toMatchObject({ breakEntryId: 'p1', timerStatus: 'running' });
      updateFlow(fSession.doc, endBreak());
      await waitFor(() => readFlow(client.doc).breakLabel === null, 'the break ended on Anna’s side');
    });
  });

  describe('forbidden facilitator actions over HTTP', () => {
    it('answers 403 to a participant changing settings, closing, renaming or removing', async () => {
      const base = `${server.url}/api/workshops/${facilitator.workshop.id}`;
      expect((await requestJson('PATCH', base, anna.token, { dotsPerPerson: 20 })).status).toBe(403);
      expect((await requestJson('POST', `${base}/close`, anna.token, { closed: true })).status).toBe(403);
      expect(
        (await requestJson('PATCH', `${base}/participants/${bram.participant.id}`, anna.token, { name: 'Bram?' }))
          .status,
      ).toBe(403);
      expect((await requestJson('DELETE', `${base}/participants/${bram.participant.id}`, anna.token)).status).toBe(403);
      expect((await requestJson('DELETE', base, anna.token)).status).toBe(403);
    });
  });

  describe('boards by phase', () => {
    it("keeps another group's board closed while groups work", async () => {
      await setPhase('vel1-discuss');
      const peek = connect(anna, boardDocKey('g2'));
      expect((await peek.closed).code).toBe(CLOSE.hidden);
    });

    it('refuses a write to the own group board on a sheet the phase does not work on', async () => {
      const board = connect(anna, boardDocKey('g1'));
      await board.synced();
      addNote(board.doc, note('wrong-sheet', anna.participant.id, 'vel2'));
      expect((await board.closed).code).toBe(CLOSE.forbidden);
    });

    it('refuses more voting dots than the workshop gives', async () => {
      const board = connect(anna, boardDocKey('g1'));
      await board.synced();
      addNote(board.doc, note('votable', anna.participant.id));
      for (let slot = 0; slot < 3; slot++) placeVote(board.doc, 'votable', anna.participant.id, slot);
      const f = connect(facilitator, boardDocKey('g1'));
      await f.synced();
      await waitFor(() => readVotes(f.doc).length === 3, 'three dots');
      placeVote(board.doc, 'votable', anna.participant.id, 3);
      expect((await board.closed).code).toBe(CLOSE.limit);
      await flush(f);
      expect(readVotes(f.doc)).toHaveLength(3);
    });

    it("refuses a mark in someone else's name", async () => {
      const board = connect(anna, boardDocKey('g1'));
      await board.synced();
      setMark(board.doc, 'votable', bram.participant.id, 'disagree');
      expect((await board.closed).code).toBe(CLOSE.forbidden);
    });
  });

  describe('silent writing', () => {
    it('withholds private notes from everyone but the author and the facilitator, then reveals them', async () => {
      await setPhase('vel1-write');
      const draft = connect(anna, draftDocKey(anna.participant.id));
      await draft.synced();
      addNote(draft.doc, note('secret', anna.participant.id, 'vel1', 'Alleen ik zie dit'));

      // Bram cannot open Anna's draft, and the group board does not have the note.
      const peek = connect(bram, draftDocKey(anna.participant.id));
      expect((await peek.closed).code).toBe(CLOSE.hidden);
      const bramBoard = connect(bram, boardDocKey('g1'));
      await bramBoard.synced();
      // The facilitator can look over Anna's shoulder.
      const fDraft = connect(facilitator, draftDocKey(anna.participant.id));
      await fDraft.synced();
      await waitFor(() => readNote(fDraft.doc, 'secret') !== undefined, 'the facilitator to see the private note');
      expect(readNote(bramBoard.doc, 'secret')).toBeUndefined();

      // Writing straight on the board is refused while writing silently.
      const annaBoard = connect(anna, boardDocKey('g1'));
      await annaBoard.synced();
      addNote(annaBoard.doc, note('shortcut', anna.participant.id));
      expect((await annaBoard.closed).code).toBe(CLOSE.forbidden);

      // Discussion starts: the note moves to the group board, the same note, for everyone.
      await setPhase('vel1-discuss');
      await waitFor(
        () => readNote(bramBoard.doc, 'secret')?.text === 'Alleen ik zie dit',
        "the reveal on Bram's board",
      );
      expect(readNote(bramBoard.doc, 'secret')?.authorId).toBe(anna.participant.id);
      await waitFor(() => readNotes(draft.doc).length === 0, 'the draft to be emptied');
    });

    it('has the notes on the board before anyone hears that the discussion started', async () => {
      await setPhase('vel1-write');
      const draft = connect(cleo, draftDocKey(cleo.participant.id));
      await draft.synced();
      addNote(draft.doc, note('first-told', cleo.participant.id, 'vel1', 'Eerst onthuld'));
      await flush(draft);
      // The server's session document: the moment it takes the new phase (and relays it to
      // everyone), her group's board already holds the note.
      const session = server.collab.loadedRoom(facilitator.workshop.id, SESSION_DOC)!.doc;
      const onBoardWhenTold = new Promise<boolean>((resolve) => {
        const check = () => {
          if (readFlow(session).phaseId !== 'vel1-discuss') return;
          session.off('update', check);
          const board = server.collab.loadedRoom(facilitator.workshop.id, boardDocKey('g2'));
          resolve(board !== undefined && readNote(board.doc, 'first-told') !== undefined);
        };
        session.on('update', check);
      });
      await setPhase('vel1-discuss');
      expect(await onBoardWhenTold).toBe(true);
    });

    it('refuses private notes outside the writing phases', async () => {
      const draft = connect(anna, draftDocKey(anna.participant.id));
      await draft.synced();
      addNote(draft.doc, note('late', anna.participant.id));
      expect((await draft.closed).code).toBe(CLOSE.forbidden);
    });
  });

  describe('presentations', () => {
    it("opens the spotlighted group's board to others, read-only, and closes it again when groups go back to work", async () => {
      updateFlow(fSession.doc, { phaseId: 'presentations', spotlightGroupId: 'g1' });
      await waitFor(() => server.workflow.state(facilitator.workshop.id)?.phaseId === 'presentations', 'presentations');
      const watch = connect(cleo, boardDocKey('g1'));
      await watch.synced();
      expect(readNote(watch.doc, 'secret')).toBeDefined();
      await setPhase('vel1-discuss');
      expect((await watch.closed).code).toBe(CLOSE.hidden);
    });

    it('refuses writes on the presented board by the audience', async () => {
      updateFlow(fSession.doc, { phaseId: 'presentations', spotlightGroupId: 'g1' });
      await waitFor(() => server.workflow.state(facilitator.workshop.id)?.phaseId === 'presentations', 'presentations');
      const watch = connect(cleo, boardDocKey('g1'));
      await watch.synced();
      setNoteText(watch.doc, 'secret', 'van Cleo');
      expect((await watch.closed).code).toBe(CLOSE.forbidden);
    });

    it('takes a listener’s question on the presented board, visible to the group', async () => {
      updateFlow(fSession.doc, { phaseId: 'presentations', spotlightGroupId: 'g1' });
      await waitFor(() => server.workflow.state(facilitator.workshop.id)?.phaseId === 'presentations', 'presentations');
      const listener = connect(cleo, boardDocKey('g1'));
      const presenter = connect(anna, boardDocKey('g1'));
      await Promise.all([listener.synced(), presenter.synced()]);
      const question = {
        authorId: cleo.participant.id,
        slot: 0,
        text: 'Hoe meet je dat?',
        fieldId: 'doel',
        createdAt: 1,
      };
      putQuestion(listener.doc, question);
      await waitFor(() => readQuestions(presenter.doc).length === 1, 'the question on the presenting group’s board');
      expect(readQuestions(presenter.doc)[0]).toEqual(question);
      expect(listener.provider.wsconnected).toBe(true);
    });

    const refusals: Array<[string, (cleoId: string, annaId: string) => Record<string, unknown>]> = [
      ['in someone else’s name', (_c, a) => ({ authorId: a, slot: 1 })],
      ['beyond the five each', (c) => ({ authorId: c, slot: 5 })],
      ['longer than 280 characters', (c) => ({ authorId: c, slot: 2, text: 'x'.repeat(281) })],
    ];
    for (const [what, change] of refusals) {
      it(`refuses a question ${what}`, async () => {
        const listener = connect(cleo, boardDocKey('g1'));
        await listener.synced();
        const q = { authorId: cleo.participant.id, slot: 1, text: 'Nog een', fieldId: 'doel', createdAt: 2 };
        const bad = { ...q, ...change(cleo.participant.id, anna.participant.id) };
        listener.doc.transact(() =>
          putRecord(collection(listener.doc, 'questions'), `${String(bad.authorId)}:${String(bad.slot)}`, bad as never),
        );
        expect([CLOSE.forbidden, CLOSE.malformed, CLOSE.limit]).toContain((await listener.closed).code);
      });
    }

    it('refuses questions outside the presentations, and on a board that is not presenting', async () => {
      const other = connect(cleo, boardDocKey('g2'));
      await other.synced();
      putQuestion(other.doc, {
        authorId: cleo.participant.id,
        slot: 0,
        text: 'Eigen bord?',
        fieldId: 'doel',
        createdAt: 3,
      });
      expect((await other.closed).code).toBe(CLOSE.forbidden);
      await setPhase('prepare');
      const own = connect(cleo, boardDocKey('g2'));
      await own.synced();
      putQuestion(own.doc, { authorId: cleo.participant.id, slot: 0, text: 'Te vroeg', fieldId: 'doel', createdAt: 4 });
      expect((await own.closed).code).toBe(CLOSE.forbidden);
    });
  });

  describe('closing and removing', () => {
    it('makes a closed workshop read-only, even for the facilitator, until reopened', async () => {
      await setPhase('vel1-discuss');
      const base = `${server.url}/api/workshops/${facilitator.workshop.id}`;
      expect((await requestJson('POST', `${base}/close`, facilitator.token, { closed: true })).status).toBe(200);
      const board = connect(anna, boardDocKey('g1'));
      await board.synced();
      addNote(board.doc, note('after-close', anna.participant.id));
      expect((await board.closed).code).toBe(CLOSE.forbidden);
      const join = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: facilitator.workshop.code, name: 'Laat' }),
      });
      expect(join.status).toBe(409);
      expect((await requestJson('POST', `${base}/close`, facilitator.token, { closed: false })).status).toBe(200);
    });

    it('disconnects a removed participant and refuses them afterwards', async () => {
      const board = connectBoard(server.url, cleo, 'g2');
      open.push(board);
      await board.synced();
      const res = await requestJson(
        'DELETE',
        `${server.url}/api/workshops/${facilitator.workshop.id}/participants/${cleo.participant.id}`,
        facilitator.token,
      );
      expect(res.status).toBe(204);
      expect((await board.closed).code).toBe(CLOSE.unauthorized);
      const again = connect(cleo, SESSION_DOC);
      expect((await again.closed).code).toBe(CLOSE.unauthorized);
      await waitFor(
        () => !readMembers(fSession.doc).some((m) => m.id === cleo.participant.id),
        'Cleo gone from the session',
      );
    });

    it("deletes a removed participant's private draft from the server", async () => {
      const dirk = await joinWorkshop(server.url, facilitator.workshop.code, 'Dirk');
      await waitFor(() => readMembers(fSession.doc).some((m) => m.id === dirk.participant.id), 'Dirk in the session');
      assignMembers(fSession.doc, new Map([[dirk.participant.id, 'g2']]));
      await waitFor(
        () => server.workflow.membership(facilitator.workshop.id, dirk.participant.id).groupId === 'g2',
        'Dirk in a group',
      );
      await setPhase('vel2-write');
      const draft = connect(dirk, draftDocKey(dirk.participant.id));
      await draft.synced();
      addNote(draft.doc, note('dirk-private', dirk.participant.id, 'vel2', 'alleen van Dirk'));
      const file = path.join(
        server.dataDir,
        'workshops',
        facilitator.workshop.id,
        'docs',
        `${draftDocKey(dirk.participant.id)}.ylog`,
      );
      await waitFor(
        () => fs.existsSync(file) && fs.readFileSync(file).includes('alleen van Dirk'),
        'the private note on disk',
      );
      const res = await requestJson(
        'DELETE',
        `${server.url}/api/workshops/${facilitator.workshop.id}/participants/${dirk.participant.id}`,
        facilitator.token,
      );
      expect(res.status).toBe(204);
      expect((await draft.closed).code).toBe(CLOSE.unauthorized);
      const left = fs
        .readdirSync(path.dirname(file))
        .filter((name) => name.startsWith(draftDocKey(dirk.participant.id)));
      expect(left).toEqual([]);
      await setPhase('vel1-discuss');
    });

    it('renames a participant everywhere', async () => {
      const res = await requestJson(
        'PATCH',
        `${server.url}/api/workshops/${facilitator.workshop.id}/participants/${bram.participant.id}`,
        facilitator.token,
        { name: 'Bram de Vries' },
      );
      expect(res.status).toBe(200);
      await waitFor(
        () => readMember(fSession.doc, bram.participant.id)?.name === 'Bram de Vries',
        'the new name in the session',
      );
      expect(readMember(fSession.doc, bram.participant.id)?.groupId).toBe('g1');
    });
  });
});
