import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { readMembers } from '@dmc/shared/doc/session';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import {
  SESSION_DOC,
  type ErrorResponse,
  type FacilitatorsResponse,
  type SessionResponse,
} from '@dmc/shared/protocol/api';
import type { WorkshopExport } from '@dmc/shared/export/model';
import type { RunningServer } from '../server';
import {
  connectBoard,
  connectDoc,
  createWorkshop,
  flush,
  joinWorkshop,
  postJson,
  requestJson,
  startTestServer,
  waitFor,
  type BoardClient,
} from '../testing/harness';

/**
 * Issue 11, bug 5: the facilitator link opened on a second device (the beamer laptop) must not
 * add a second "Procesbegeleider". The same facilitator signs in again as themselves, or the
 * screen opens as a presentation screen: read-only, no presence, never a member or in the report.
 */
describe('a second facilitator device', () => {
  let server: RunningServer & { dataDir: string };
  const clients: BoardClient[] = [];
  const connect = (session: SessionResponse, docKey: string) => {
    const client = connectDoc(server.url, session, docKey);
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  const facilitate = (body: Record<string, unknown>) => postJson<SessionResponse>(`${server.url}/api/facilitate`, body);

  it('lists the facilitators only to the holder of the secret', async () => {
    const created = await createWorkshop(server.url);
    const wrong = await postJson<ErrorResponse>(`${server.url}/api/facilitate/facilitators`, {
      workshopId: created.workshop.id,
      secret: 'A'.repeat(22),
    });
    expect(wrong.status).toBe(403);
    const right = await postJson<FacilitatorsResponse>(`${server.url}/api/facilitate/facilitators`, {
      workshopId: created.workshop.id,
      secret: created.facilitatorSecret,
    });
    expect(right.status).toBe(200);
    expect(right.body.facilitators).toEqual([{ id: created.participant.id, name: created.participant.name }]);
  });

  it('signs the same facilitator in again: same participant id, nobody added', async () => {
    const created = await createWorkshop(server.url);
    await joinWorkshop(server.url, created.workshop.code, 'Sanne');
    const again = await facilitate({
      workshopId: created.workshop.id,
      secret: created.facilitatorSecret,
      mode: 'again',
      participantId: created.participant.id,
    });
    expect(again.status).toBe(201);
    expect(again.body.participant).toEqual(created.participant);
    const members = connect(again.body, SESSION_DOC);
    await members.synced();
    expect(readMembers(members.doc).map((m) => m.name)).toEqual([created.participant.name, 'Sanne']);

    // Only a facilitator of this workshop can be "me again"; a participant's id is not one.
    const participantId = readMembers(members.doc).find((m) => m.name === 'Sanne')?.id;
    const notAFacilitator = await facilitate({
      workshopId: created.workshop.id,
      secret: created.facilitatorSecret,
      mode: 'again',
      participantId,
    });
    expect(notAFacilitator.status).toBe(404);
    const wrongSecret = await facilitate({
      workshopId: created.workshop.id,
      secret: 'B'.repeat(22),
      mode: 'again',
      participantId: created.participant.id,
    });
    expect(wrongSecret.status).toBe(403);
  });

  it('opens a presentation screen that reads, writes nothing, has no presence and is never a member', async () => {
    const created = await createWorkshop(server.url);
    const sanne = await joinWorkshop(server.url, created.workshop.code, 'Sanne');
    const beamer = await facilitate({
      workshopId: created.workshop.id,
      secret: created.facilitatorSecret,
      mode: 'beamer',
    });
    expect(beamer.status).toBe(201);
    expect(beamer.body.participant.role).toBe('viewer');

    // It resumes like any session (GET /api/session), still as a viewer, but cannot facilitate over HTTP.
    const resumed = await requestJson<SessionResponse>('GET', `${server.url}/api/session`, beamer.body.token);
    expect(resumed.body.participant).toMatchObject({ id: beamer.body.participant.id, role: 'viewer' });
    const settings = await requestJson(
      'PATCH',
      `${server.url}/api/workshops/${created.workshop.id}`,
      beamer.body.token,
      {
        title: 'Gekaapt',
      },
    );
    expect(settings.status).toBeGreaterThanOrEqual(401);
    expect(settings.status).toBeLessThanOrEqual(403);

    // It reads the board and the session (sees Sanne's note), and its presence never reaches anyone.
    const writer = connectBoard(server.url, sanne);
    clients.push(writer);
    await writer.synced();
    addNote(writer.doc, {
      id: 'van-sanne',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 60,
      y: 160,
      color: 'yellow',
      text: 'Zichtbaar op de beamer',
      authorId: sanne.participant.id,
    });
    const screen = connect(beamer.body, 'board-plenary');
    await screen.synced();
    await waitFor(() => readNotes(screen.doc).length === 1, 'the note to reach the presentation screen');
    await flush(screen);
    await flush(writer);
    const present = [...writer.provider.awareness.getStates().values()].map(
      (s) => (s as { user?: { id: string } }).user?.id,
    );
    expect(present).not.toContain(beamer.body.participant.id);

    const session = connect(beamer.body, SESSION_DOC);
    await session.synced();
    expect(readMembers(session.doc).map((m) => m.id)).toEqual([created.participant.id, sanne.participant.id]);

    // Any write is refused with 4403 and reaches nobody.
    addNote(screen.doc, {
      id: 'van-de-beamer',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 300,
      y: 160,
      color: 'yellow',
      text: 'mag niet',
      authorId: beamer.body.participant.id,
    });
    const closed = await screen.closed;
    expect(closed.code).toBe(CLOSE.forbidden);
    await flush(writer);
    expect(readNotes(writer.doc).map((n) => n.id)).toEqual(['van-sanne']);

    // Neither in the workshop's people nor in the report's export.
    const exported = await requestJson<WorkshopExport>(
      'GET',
      `${server.url}/api/workshops/${created.workshop.id}/export/backup.json`,
      created.token,
    );
    expect(exported.status).toBe(200);
    expect(exported.body.participants.map((p) => p.id).sort()).toEqual(
      [created.participant.id, sanne.participant.id].sort(),
    );
  });
});
