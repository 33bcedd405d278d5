import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { putDeferral, readDeferrals } from '@dmc/shared/doc/discussion';
import { putAction, readActions, removeAction } from '@dmc/shared/doc/synthesis';
import { readMembers, setReady, updateFlow } from '@dmc/shared/doc/session';
import { newAction, type ActionItem } from '@dmc/shared/domain/actionItems';
import { collectionLimit } from '@dmc/shared/domain/limits';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import {
  PLENARY_BOARD,
  SESSION_DOC,
  SYNTHESIS_DOC,
  boardDocKey,
  draftDocKey,
  type CreateWorkshopResponse,
  type SessionResponse,
} from '@dmc/shared/protocol/api';
import type { RunningServer } from './server';
import {
  connectDoc,
  createWorkshop,
  joinWorkshop,
  requestJson,
  startTestServer,
  waitFor,
  type BoardClient,
} from './testing/harness';

/**
 * Limits per collection, ownership of shared records and the closed workshop, enforced by the
 * real server against real clients: one participant flooding a collection is refused with 4413
 * and a text naming the collection and the number, and everybody else keeps working.
 */
describe('collection limits, ownership and closing on the server', () => {
  let server: RunningServer;
  let facilitator: CreateWorkshopResponse;
  let anna: SessionResponse;
  let bram: SessionResponse;
  let fSession: BoardClient;
  const open: BoardClient[] = [];
  const connect = async (session: SessionResponse | CreateWorkshopResponse, docKey: string) => {
    const client = connectDoc(server.url, session as SessionResponse, docKey);
    open.push(client);
    await client.synced();
    return client;
  };
  const setPhase = async (phaseId: PhaseId) => {
    updateFlow(fSession.doc, { phaseId, phaseStartedAt: Date.now() });
    await waitFor(
      () => server.workflow.state(facilitator.workshop.id)?.phaseId === phaseId,
      `phase ${phaseId} on the server`,
    );
  };
  const deferral = (id: string, by: string) => ({
    id,
    sheetId: 'vel1',
    fieldId: 'doel',
    noteId: null,
    question: `Vraag ${id}`,
    findOut: '',
    askWhom: '',
    owner: '',
    createdBy: by,
    createdAt: 1,
  });
  const action = (id: string, by: string): ActionItem =>
    newAction(`Actie ${id}`, { sourceKind: 'direct' }, { id, createdBy: by, now: 1 });

  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await createWorkshop(server.url, 'Grenzen');
    anna = await joinWorkshop(server.url, facilitator.workshop.code, 'Anna');
    bram = await joinWorkshop(server.url, facilitator.workshop.code, 'Bram');
    fSession = await connect(facilitator, SESSION_DOC);
    await waitFor(() => readMembers(fSession.doc).length === 3, 'all three members in the session');
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await server.close();
  });

  it('refuses deferrals beyond the limit with 4413 and a clear text, and the board keeps working for others', async () => {
    await setPhase('vel1-discuss');
    const limit = collectionLimit('deferrals');
    const board = await connect(anna, boardDocKey(PLENARY_BOARD));
    const watcher = await connect(facilitator, boardDocKey(PLENARY_BOARD));
    for (let batch = 0; batch < limit / 100; batch++) {
      board.doc.transact(() => {
        for (let i = 0; i < 100; i++) putDeferral(board.doc, deferral(`d${batch * 100 + i}`, anna.participant.id));
      });
    }
    await waitFor(() => readDeferrals(watcher.doc).length === limit, `${limit} deferrals at the facilitator`, 20_000);
    board.doc.transact(() => {
      for (let i = 0; i < 100; i++) putDeferral(board.doc, deferral(`x${i}`, anna.participant.id));
    });
    const closed = await board.closed;
    expect(closed).toEqual({ code: CLOSE.limit, reason: `a board holds at most ${limit} deferrals` });

    const other = await connect(bram, boardDocKey(PLENARY_BOARD));
    addNote(other.doc, {
      id: 'sentinel',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 60,
      y: 160,
      color: 'yellow',
      text: 'nog steeds',
      authorId: bram.participant.id,
    });
    await waitFor(() => readNotes(watcher.doc).some((n) => n.id === 'sentinel'), "Bram's note at the facilitator");
    expect(readDeferrals(watcher.doc)).toHaveLength(limit);
  });

  it("lets anyone with plenary-edit update the facilitator's action, but only its author or a facilitator remove it", async () => {
    await setPhase('synthesis');
    const fac = await connect(facilitator, SYNTHESIS_DOC);
    putAction(fac.doc, action('fac-action', facilitator.participant.id));
    const annaSynth = await connect(anna, SYNTHESIS_DOC);
    await waitFor(() => readActions(annaSynth.doc).some((a) => a.id === 'fac-action'), 'the action at Anna');
    removeAction(annaSynth.doc, 'fac-action');
    expect(await annaSynth.closed).toEqual({
      code: CLOSE.forbidden,
      reason: "you cannot remove someone else's action",
    });

    const bramSynth = await connect(bram, SYNTHESIS_DOC);
    putAction(bramSynth.doc, { ...action('fac-action', facilitator.participant.id), status: 'doing', updatedAt: 2 });
    await waitFor(
      () => readActions(fac.doc).find((a) => a.id === 'fac-action')?.status === 'doing',
      "Bram's status change at the facilitator",
    );
    expect(readActions(fac.doc).map((a) => a.id)).toContain('fac-action');
    removeAction(fac.doc, 'fac-action');
    await waitFor(
      () => !readActions(bramSynth.doc).some((a) => a.id === 'fac-action'),
      "the facilitator's removal at Bram",
    );
  });

  it('refuses actions beyond the limit with 4413 and a clear text, and the others keep editing', async () => {
    const limit = collectionLimit('actions');
    const flood = await connect(anna, SYNTHESIS_DOC);
    const fac = await connect(facilitator, SYNTHESIS_DOC);
    for (let batch = 0; batch < limit / 100; batch++) {
      flood.doc.transact(() => {
        for (let i = 0; i < 100; i++) putAction(flood.doc, action(`a${batch * 100 + i}`, anna.participant.id));
      });
    }
    await waitFor(() => readActions(fac.doc).length === limit, `${limit} actions at the facilitator`, 20_000);
    flood.doc.transact(() => {
      for (let i = 0; i < 100; i++) putAction(flood.doc, action(`b${i}`, anna.participant.id));
    });
    expect(await flood.closed).toEqual({ code: CLOSE.limit, reason: `the synthesis holds at most ${limit} actions` });

    const bramSynth = await connect(bram, SYNTHESIS_DOC);
    putAction(bramSynth.doc, { ...action('a0', anna.participant.id), status: 'done', updatedAt: 2 });
    await waitFor(
      () => readActions(fac.doc).find((a) => a.id === 'a0')?.status === 'done',
      "Bram's edit at the facilitator",
    );
    expect(readActions(fac.doc)).toHaveLength(limit);
  });

  it('makes a closed workshop read-only for every document and role until the facilitator reopens it', async () => {
    await setPhase('vel1-write');
    const base = `${server.url}/api/workshops/${facilitator.workshop.id}`;
    expect((await requestJson('POST', `${base}/close`, facilitator.token, { closed: true })).status).toBe(200);
    await waitFor(() => server.workflow.state(facilitator.workshop.id)?.closed === true, 'closed on the server');
    const closedReason = { code: CLOSE.forbidden, reason: 'the workshop is closed' };

    const facFlow = await connect(facilitator, SESSION_DOC);
    updateFlow(facFlow.doc, { phaseId: 'vel1-discuss', phaseStartedAt: Date.now() });
    expect(await facFlow.closed).toEqual(closedReason);

    const annaSession = await connect(anna, SESSION_DOC);
    setReady(annaSession.doc, anna.participant.id, 'vel1-write');
    expect(await annaSession.closed).toEqual(closedReason);

    const facDraft = await connect(facilitator, draftDocKey(anna.participant.id));
    addNote(facDraft.doc, {
      id: 'fac-draft',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 60,
      y: 160,
      color: 'yellow',
      text: '',
      authorId: anna.participant.id,
    });
    expect(await facDraft.closed).toEqual(closedReason);

    const facSynth = await connect(facilitator, SYNTHESIS_DOC);
    putAction(facSynth.doc, action('after-close', facilitator.participant.id));
    expect(await facSynth.closed).toEqual(closedReason);

    expect(server.workflow.state(facilitator.workshop.id)?.phaseId).toBe('vel1-write');
    expect((await requestJson('POST', `${base}/close`, facilitator.token, { closed: false })).status).toBe(200);
    await waitFor(() => server.workflow.state(facilitator.workshop.id)?.closed === false, 'reopened on the server');
    fSession = await connect(facilitator, SESSION_DOC);
    await setPhase('vel1-discuss');
  });
});
