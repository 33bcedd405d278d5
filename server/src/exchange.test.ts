import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { once } from 'node:events';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { LIMITS } from '@dmc/shared/domain/limits';
import { placeVote, putDeferral, setChoice, setFormulation, setHighlight, setMark } from '@dmc/shared/doc/discussion';
import { assignMembers, putGroup, readMembers, updateFlow } from '@dmc/shared/doc/session';
import { putAction, putCluster, setPlenaryFormulation } from '@dmc/shared/doc/synthesis';
import type { WorkshopExport } from '@dmc/shared/export/model';
import {
  PLENARY_BOARD,
  SESSION_DOC,
  SYNTHESIS_DOC,
  boardDocKey,
  draftDocKey,
  type CreateWorkshopResponse,
  type ErrorResponse,
  type SessionResponse,
} from '@dmc/shared/protocol/api';
import { importEvents } from './backupParser';
import type { RunningServer } from './server';
import { largeBackup } from './testing/largeBackup';
import {
  connectDoc,
  createWorkshop,
  flush,
  joinWorkshop,
  startTestServer,
  waitFor,
  type BoardClient,
} from './testing/harness';

async function download(
  url: string,
  token: string,
): Promise<{ status: number; type: string; disposition: string; bytes: Buffer; body: string }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  // Decode without stripping a byte-order mark, so the test sees exactly what Excel sees.
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    bytes,
    body,
  };
}

/** The parts of an export that must survive a round trip (ids of the workshop itself change). */
function comparable(exp: WorkshopExport) {
  return {
    settings: exp.workshop.settings,
    phaseId: exp.workshop.phaseId,
    participants: [...exp.participants]
      .filter((p) => p.role === 'participant')
      .sort((a, b) => a.id.localeCompare(b.id)),
    groups: exp.groups,
    boards: exp.boards.map((b) => ({ ...b, notes: [...b.notes].sort((x, y) => x.id.localeCompare(y.id)) })),
    synthesis: exp.synthesis,
    actions: exp.actions,
    closed: exp.workshop.closed,
    drafts: exp.drafts,
  };
}

/** Posts a backup to the import endpoint. */
function importBackup(url: string, body: string) {
  return fetch(`${url}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

describe('export and import', () => {
  let server: RunningServer;
  let fac: CreateWorkshopResponse;
  let anna: SessionResponse;
  const clients: BoardClient[] = [];
  const connect = (s: SessionResponse, key: string) => {
    const c = connectDoc(server.url, s, key);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    // Several imports from one address here; the import limit itself is tested below.
    server = await startTestServer({ importsPer10Minutes: 100 });
    fac = await createWorkshop(server.url, 'Learning analytics — Hogeschool Utrecht');
    anna = await joinWorkshop(server.url, fac.workshop.code, 'Anna');
    // Settings and roles at the table travel with the backup too.
    const patch = (path: string, body: unknown) =>
      fetch(`${server.url}/api/workshops/${fac.workshop.id}${path}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${fac.token}` },
        body: JSON.stringify(body),
      });
    expect(
      (
        await patch('', {
          dotsPerPerson: 5,
          allowAnonymous: true,
          startTime: '13:30',
          practicalNotes: 'Zaal 2.14',
          readingList: [{ title: 'Whitepaper', url: 'https://example.org/wp' }],
          agendaMinutes: { welcome: 25 },
        })
      ).status,
    ).toBe(200);
    expect((await patch(`/participants/${anna.participant.id}`, { tableRole: 'docent' })).status).toBe(200);
    const session = connect(fac, SESSION_DOC);
    await session.synced();
    await waitFor(() => readMembers(session.doc).length === 2, 'members');
    putGroup(session.doc, { id: 'g1', name: 'Tafel 1', color: '#1d4ed8', order: 0 });
    assignMembers(session.doc, new Map([[anna.participant.id, 'g1']]));
    updateFlow(session.doc, { phaseId: 'vel1-discuss' });
    await waitFor(() => server.workflow.state(fac.workshop.id)?.phaseId === 'vel1-discuss', 'phase');

    const board = connect(anna, boardDocKey('g1'));
    await board.synced();
    const me = anna.participant.id;
    addNote(board.doc, {
      id: 'n1',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 50,
      y: 160,
      color: 'yellow',
      text: 'Studiesucces eerstejaars verbeteren',
      authorId: me,
    });
    addNote(board.doc, {
      id: 'n2',
      sheetId: 'vel1',
      fieldId: 'concrete-vragen',
      x: 50,
      y: 520,
      color: 'blue',
      text: '=HYPERLINK("evil")',
      authorId: me,
    });
    setMark(board.doc, 'n1', me, 'agree');
    placeVote(board.doc, 'n1', me, 0);
    setFormulation(board.doc, {
      fieldId: 'doel',
      sheetId: 'vel1',
      text: 'Eerstejaars beter begeleiden',
      sourceNoteIds: ['n1'],
      updatedBy: me,
      updatedAt: 5,
    });
    putDeferral(board.doc, {
      id: 'd1',
      sheetId: 'vel1',
      fieldId: 'concrete-vragen',
      noteId: 'n2',
      question: 'Welke data?',
      findOut: 'Wat het LMS logt',
      askWhom: 'ICT; de FG',
      owner: 'Anna',
      createdBy: me,
      createdAt: 6,
    });
    setChoice(board.doc, { fieldId: 'doel', targetKind: 'note', targetId: 'n1', by: me }, true);

    updateFlow(session.doc, { phaseId: 'prepare' });
    await waitFor(() => server.workflow.state(fac.workshop.id)?.phaseId === 'prepare', 'prepare');
    const board2 = connect(anna, boardDocKey('g1'));
    await board2.synced();
    setHighlight(board2.doc, 'n1', me, true);

    const synthesis = connect(fac, SYNTHESIS_DOC);
    await synthesis.synced();
    const fid = fac.participant.id;
    putCluster(synthesis.doc, {
      id: 'c1',
      fieldId: 'doel',
      itemIds: ['n1'],
      kind: 'common',
      label: 'studiesucces',
      updatedBy: fid,
    });
    setPlenaryFormulation(synthesis.doc, {
      fieldId: 'doel',
      text: 'Samen: eerstejaars begeleiden',
      updatedBy: fid,
      updatedAt: 7,
    });
    putAction(synthesis.doc, {
      id: 'a1',
      what: 'Uitzoeken welke data het LMS logt; "ook" logins',
      who: 'Émile',
      whoParticipantId: null,
      when: '2026-12-15',
      status: 'open',
      sourceKind: 'deferral',
      sourceGroupId: 'g1',
      sourceFieldId: 'concrete-vragen',
      sourceNoteId: 'n2',
      sourceDeferralId: 'd1',
      createdBy: fid,
      createdAt: 8,
      updatedAt: 8,
    });
    putAction(synthesis.doc, {
      id: 'a2',
      what: '+31 bellen',
      who: '',
      whoParticipantId: null,
      when: '',
      status: 'doing',
      sourceKind: 'direct',
      sourceGroupId: null,
      sourceFieldId: null,
      sourceNoteId: null,
      sourceDeferralId: null,
      createdBy: fid,
      createdAt: 9,
      updatedAt: 9,
    });
    // Made from an inspiration card: the server's synthesis rules accept the newer source kind.
    putAction(synthesis.doc, {
      id: 'a3',
      what: 'Welke studiedata hebben we echt nodig?',
      who: '',
      whoParticipantId: null,
      when: '',
      status: 'open',
      sourceKind: 'card',
      sourceGroupId: null,
      sourceFieldId: null,
      sourceNoteId: null,
      sourceDeferralId: null,
      sourceCardId: 'sd-07',
      createdBy: fid,
      createdAt: 10,
      updatedAt: 10,
    });
    // The server has stored everything this client sent once it answers a later message.
    await flush(synthesis);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('downloads the action list as CSV for Excel with Dutch settings, injection neutralised', async () => {
    const csv = await download(`${server.url}/api/workshops/${fac.workshop.id}/export/actions.csv`, fac.token);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toMatch(/attachment; filename=".+\.csv"/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('Wat;Wie;Wanneer;Status;Veld;Subgroep;Bron');
    expect(lines[1]).toContain('Émile;2026-12-15');
    expect(lines[1]).toContain('Tafel 1');
    expect(csv.body).toContain("'+31 bellen");
    expect(lines[3]).toBe('Welke studiedata hebben we echt nodig?;;;Open;;;Inspiratiekaart');
  });

  it('offers the calendar, Markdown and JSON too, and only to the facilitator', async () => {
    const ics = await download(`${server.url}/api/workshops/${fac.workshop.id}/export/actions.ics`, fac.token);
    expect(ics.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const md = await download(`${server.url}/api/workshops/${fac.workshop.id}/export/report.md`, fac.token);
    expect(md.body).toContain('Studiesucces eerstejaars verbeteren');
    const forbidden = await download(`${server.url}/api/workshops/${fac.workshop.id}/export/backup.json`, anna.token);
    expect(forbidden.status).toBe(403);
    const unknown = await download(`${server.url}/api/workshops/${fac.workshop.id}/export/nope.exe`, fac.token);
    expect(unknown.status).toBe(404);
  });

  it('imports a backup into a new workshop with identical content', async () => {
    const first = await download(`${server.url}/api/workshops/${fac.workshop.id}/export/backup.json`, fac.token);
    const original = JSON.parse(first.body) as WorkshopExport;
    expect(original.boards.find((b) => b.boardId === 'g1')?.notes).toHaveLength(2);
    const res = await fetch(`${server.url}/api/workshops/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: first.body,
    });
    expect(res.status).toBe(201);
    const imported = (await res.json()) as CreateWorkshopResponse;
    expect(imported.workshop.id).not.toBe(fac.workshop.id);
    const second = await download(
      `${server.url}/api/workshops/${imported.workshop.id}/export/backup.json`,
      imported.token,
    );
    const copy = JSON.parse(second.body) as WorkshopExport;
    expect(original.workshop.settings).toMatchObject({
      dotsPerPerson: 5,
      allowAnonymous: true,
      startTime: '13:30',
      practicalNotes: 'Zaal 2.14',
      agendaMinutes: { welcome: 25 },
    });
    expect(original.workshop.phaseId).toBe('prepare');
    expect(original.participants.find((p) => p.id === anna.participant.id)?.tableRole).toBe('docent');
    expect(original.actions.find((a) => a.id === 'a3')).toMatchObject({ sourceKind: 'card', sourceCardId: 'sd-07' });
    expect(comparable(copy)).toEqual(comparable(original));
    // The copy runs as the original did: in its phase, with its settings.
    expect(server.workflow.state(imported.workshop.id)?.phaseId).toBe('prepare');
    expect(imported.workshop).toMatchObject({ dotsPerPerson: 5, allowAnonymous: true });
  });

  it('restores a backup taken during silent writing: private drafts and the closed flag', async () => {
    const w = await createWorkshop(server.url, 'Stil schrijven');
    const bram = await joinWorkshop(server.url, w.workshop.code, 'Bram');
    const session = connect(w, SESSION_DOC);
    await session.synced();
    await waitFor(() => readMembers(session.doc).length === 2, 'members');
    updateFlow(session.doc, { phaseId: 'vel1-write' });
    await waitFor(() => server.workflow.state(w.workshop.id)?.phaseId === 'vel1-write', 'silent writing');
    const draft = connect(bram, draftDocKey(bram.participant.id));
    await draft.synced();
    addNote(draft.doc, {
      id: 'secret1',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 50,
      y: 160,
      color: 'yellow',
      text: 'Nog niet gedeeld',
      authorId: bram.participant.id,
    });
    // The facilitator reads the draft: once it is there, the server has it.
    const reader = connect(w, draftDocKey(bram.participant.id));
    await reader.synced();
    await waitFor(() => readNotes(reader.doc).length === 1, 'draft on the server');
    expect(
      (
        await fetch(`${server.url}/api/workshops/${w.workshop.id}/close`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${w.token}` },
          body: JSON.stringify({ closed: true }),
        })
      ).status,
    ).toBe(200);

    const first = await download(`${server.url}/api/workshops/${w.workshop.id}/export/backup.json`, w.token);
    const original = JSON.parse(first.body) as WorkshopExport;
    expect(original.version).toBe(2);
    expect(original.workshop.closed).toBe(true);
    expect(original.drafts).toEqual([
      {
        participantId: bram.participant.id,
        notes: [expect.objectContaining({ id: 'secret1', text: 'Nog niet gedeeld' })],
      },
    ]);
    const res = await importBackup(server.url, first.body);
    expect(res.status).toBe(201);
    const imported = (await res.json()) as CreateWorkshopResponse;
    expect(imported.workshop.closed).toBe(true);
    const copy = JSON.parse(
      (await download(`${server.url}/api/workshops/${imported.workshop.id}/export/backup.json`, imported.token)).body,
    ) as WorkshopExport;
    expect(comparable(copy)).toEqual(comparable(original));
  });

  it('still reads a version 1 backup (no drafts, no closed flag)', async () => {
    const current = JSON.parse(
      (await download(`${server.url}/api/workshops/${fac.workshop.id}/export/backup.json`, fac.token)).body,
    ) as WorkshopExport;
    const { drafts: _drafts, ...rest } = current;
    const { closed: _closed, ...workshop } = current.workshop;
    const res = await importBackup(server.url, JSON.stringify({ ...rest, version: 1, workshop }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as CreateWorkshopResponse).workshop.closed).toBe(false);
  });

  it('refuses a backup over the live limits with a 400 that names the limit', async () => {
    const current = JSON.parse(
      (await download(`${server.url}/api/workshops/${fac.workshop.id}/export/backup.json`, fac.token)).body,
    ) as WorkshopExport;
    const over = largeBackup(current, 1, LIMITS.notesPerBoard + 1);
    const res = await importBackup(server.url, JSON.stringify(over));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorResponse;
    expect(body.error.details).toContain(
      `boards[${current.boards.length}].notes: heeft te veel items (maximaal ${LIMITS.notesPerBoard})`,
    );
  });

  it('refuses a backup larger than the limit from its Content-Length, naming the real limit, before reading it', async () => {
    const url = new URL(`${server.url}/api/workshops/import`);
    // Only the headers are sent: the answer must not wait for a body.
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(9 * 1024 * 1024) },
    });
    req.flushHeaders();
    const [res] = (await once(req, 'response')) as [http.IncomingMessage];
    let text = '';
    for await (const chunk of res) text += String(chunk);
    req.destroy();
    expect(res.statusCode).toBe(413);
    const body = JSON.parse(text) as ErrorResponse;
    expect(body.error.code).toBe('too_large');
    expect(body.error.message).toContain('8 MB');
  });

  it("keeps other workshops' websocket writes flowing while a 6 MB backup is parsed", async () => {
    const current = JSON.parse(
      (await download(`${server.url}/api/workshops/${fac.workshop.id}/export/backup.json`, fac.token)).body,
    ) as WorkshopExport;
    const big = largeBackup(current, 20, LIMITS.notesPerBoard);
    // Refused only by its very last note, so the whole file is read and checked first.
    const lastBoard = big.boards[big.boards.length - 1]!;
    (lastBoard.notes[lastBoard.notes.length - 1] as { color: string }).color = 'not-a-colour';
    const body = JSON.stringify(big);
    expect(body.length).toBeGreaterThan(5 * 1024 * 1024);

    const other = await createWorkshop(server.url, 'Andere workshop');
    const writer = connect(other, boardDocKey(PLENARY_BOARD));
    const observer = connect(other, boardDocKey(PLENARY_BOARD));
    await Promise.all([writer.synced(), observer.synced()]);

    const received = once(importEvents, 'received');
    const importing = importBackup(server.url, body).then(async (res) => ({
      what: 'import' as const,
      status: res.status,
      body: (await res.json()) as ErrorResponse,
    }));
    await received;
    // The server has the whole upload now; a note in another workshop must round-trip meanwhile.
    addNote(writer.doc, {
      id: 'during',
      sheetId: 'welkom',
      fieldId: null,
      x: 10,
      y: 10,
      color: 'yellow',
      text: 'Tijdens de import',
      authorId: other.participant.id,
    });
    const roundTrip = waitFor(
      () => readNotes(observer.doc).some((n) => n.id === 'during'),
      'the note in the other workshop',
      20_000,
    ).then(() => ({ what: 'round trip' as const }));
    const first = await Promise.race([roundTrip, importing]);
    expect(first.what).toBe('round trip');
    const result = await importing;
    expect(result.status).toBe(400);
    expect(result.body.error.details?.[0]).toMatch(/notes\[599\]\.color/);
  });

  it('rejects a broken backup with the reasons, and a huge one with 413', async () => {
    const bad = await fetch(`${server.url}/api/workshops/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'discussiemodel-canvas-backup', version: 1, workshop: { title: 5 } }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorResponse;
    expect(body.error.code).toBe('invalid_backup');
    // The reasons say what is wrong where (the facilitator reads them in the import dialog).
    expect(body.error.details).toContain('workshop.title: moet tekst zijn, maar is een getal');
    const notJson = await fetch(`${server.url}/api/workshops/import`, { method: 'POST', body: 'hello' });
    expect(notJson.status).toBe(400);
    const huge = await fetch(`${server.url}/api/workshops/import`, {
      method: 'POST',
      body: 'x'.repeat(9 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });
});

describe('import rate limit', () => {
  it('allows a few imports per address per ten minutes, then 429 with Retry-After', async () => {
    const server = await startTestServer();
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 6; i++) {
        const res = await importBackup(server.url, 'not a backup');
        statuses.push(res.status);
        retryAfter = res.headers.get('retry-after');
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(60);
    } finally {
      await server.close();
    }
  });
});

describe('demo workshop', () => {
  it('creates a fully filled example workshop in one request, opened in plenary synthesis', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/api/demo`, { method: 'POST' });
      expect(res.status).toBe(201);
      const created = (await res.json()) as CreateWorkshopResponse;
      expect(server.workflow.state(created.workshop.id)?.phaseId).toBe('synthesis');
      const backup = await download(
        `${server.url}/api/workshops/${created.workshop.id}/export/backup.json`,
        created.token,
      );
      const exp = JSON.parse(backup.body) as WorkshopExport;
      expect(exp.groups).toHaveLength(3);
      expect(exp.boards.filter((b) => b.boardId !== 'plenary').every((b) => b.notes.length >= 40)).toBe(true);
      expect(exp.synthesis.clusters.length).toBeGreaterThanOrEqual(6);
      expect(exp.actions.length).toBeGreaterThanOrEqual(8);
      const csv = await download(
        `${server.url}/api/workshops/${created.workshop.id}/export/actions.csv`,
        created.token,
      );
      expect(csv.body.split('\r\n').filter(Boolean).length).toBe(exp.actions.length + 1);
    } finally {
      await server.close();
    }
  });
});

describe('PDF exports', () => {
  it('downloads the report and the A0 sheets of the demo workshop as real PDFs', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const { extractPdfText, compactText } = await import('@dmc/shared/server/pdf/pdfText.testing');
    const server = await startTestServer();
    try {
      const created = (await (
        await fetch(`${server.url}/api/demo`, { method: 'POST' })
      ).json()) as CreateWorkshopResponse;
      const report = await fetch(`${server.url}/api/workshops/${created.workshop.id}/export/report.pdf`, {
        headers: { authorization: `Bearer ${created.token}` },
      });
      expect(report.status).toBe(200);
      expect(report.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await report.arrayBuffer());
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(8);
      const text = compactText((await extractPdfText(bytes)).join(' '));
      expect(text).toContain(compactText(created.workshop.title));
      const sheets = await fetch(`${server.url}/api/workshops/${created.workshop.id}/export/sheets-plenary.pdf`, {
        headers: { authorization: `Bearer ${created.token}` },
      });
      // Named like the board's pictures: after the board, not by its id, in the workshop's language.
      expect(sheets.headers.get('content-disposition')).toMatch(
        /filename="learning-analytics-in-het-eerste-jaar-plenair-bord-A0\.pdf"/,
      );
      const english = await fetch(
        `${server.url}/api/workshops/${created.workshop.id}/export/sheets-plenary.pdf?lang=en`,
        { headers: { authorization: `Bearer ${created.token}` } },
      );
      expect(english.headers.get('content-disposition')).toMatch(
        /filename="learning-analytics-in-het-eerste-jaar-plenary-board-A0\.pdf"/,
      );
      await english.arrayBuffer();
      const group = await fetch(`${server.url}/api/workshops/${created.workshop.id}/export/sheets-demo-g-noord.pdf`, {
        headers: { authorization: `Bearer ${created.token}` },
      });
      expect(group.status).toBe(200);
      expect(group.headers.get('content-disposition')).toMatch(
        /filename="learning-analytics-in-het-eerste-jaar-tafel-noord-A0\.pdf"/,
      );
      await group.arrayBuffer();
      const a0 = await PDFDocument.load(new Uint8Array(await sheets.arrayBuffer()));
      expect(a0.getPageCount()).toBe(3);
      const { width, height } = a0.getPage(0).getSize();
      expect(Math.round(width)).toBe(3370);
      expect(Math.round(height)).toBe(2384);
    } finally {
      await server.close();
    }
  });
});
