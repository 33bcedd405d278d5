import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '@dmc/shared/doc/board';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import {
  JOIN_CODE_ALPHABET,
  type CreateWorkshopResponse,
  type ErrorResponse,
  type SessionResponse,
  type WorkshopSummary,
} from '@dmc/shared/protocol/api';
import { configFromEnv, trustProxyFrom } from '../config';
import type { RunningServer } from '../server';
import {
  connectBoard,
  createWorkshop,
  joinWorkshop,
  postJson,
  requestJson,
  startTestServer,
  tempDataDir,
  waitFor,
} from '../testing/harness';

describe('workshop API', () => {
  let server: RunningServer & { dataDir: string };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('creates a workshop with a readable join code and a 128-bit facilitator secret, stored hashed', async () => {
    const created = await createWorkshop(server.url, 'Learning analytics bij de VU');
    expect(created.workshop.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(Buffer.from(created.facilitatorSecret, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(created.participant.role).toBe('facilitator');
    const stored = fs.readFileSync(
      path.join(server.dataDir, 'workshops', created.workshop.id, 'workshop.json'),
      'utf8',
    );
    expect(stored).not.toContain(created.facilitatorSecret);
  });

  it('joins with a code typed loosely (lower case, spaces, dash)', async () => {
    const created = await createWorkshop(server.url);
    const code = created.workshop.code.toLowerCase();
    const typed = `${code.slice(0, 3)}-${code.slice(3)} `;
    const res = await postJson<SessionResponse>(`${server.url}/api/join`, { code: typed, name: '  Sanne  ' });
    expect(res.status).toBe(201);
    expect(res.body.participant).toMatchObject({ name: 'Sanne', role: 'participant' });
    expect(res.body.workshop.id).toBe(created.workshop.id);
  });

  it('lets the page open websockets only to its own host (CSP connect-src)', async () => {
    const res = await fetch(`${server.url}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const connect = /connect-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    const host = new URL(server.url).host;
    expect(connect).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
  });

  it('answers an unknown code with 404 and a clear message', async () => {
    const res = await postJson<ErrorResponse>(`${server.url}/api/join`, { code: 'ZZZZZZ', name: 'Iemand' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_code');
  });

  it('rejects invalid bodies with 400 and lists what is wrong', async () => {
    const res = await postJson<ErrorResponse>(`${server.url}/api/join`, { code: 'AB', name: '', extra: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details?.join(' ')).toMatch(/code/);
    expect(res.body.error.details?.join(' ')).toMatch(/name/);
    // Each detail says what is wrong, not only where.
    expect(res.body.error.details).toEqual([
      'code: Too small: expected string to have exactly 6 characters',
      'name: a name is required',
      'body: Unrecognized key: "extra"',
    ]);
    const tooLongName = await postJson<ErrorResponse>(`${server.url}/api/workshops`, { title: 'x'.repeat(500) });
    expect(tooLongName.status).toBe(400);
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const bad = await postJson<ErrorResponse>(`${server.url}/api/workshops`, '{"title": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const big = await postJson<ErrorResponse>(`${server.url}/api/workshops`, { title: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('too_large');
  });

  it('admits a facilitator only with the right secret', async () => {
    const created = await createWorkshop(server.url);
    const wrong = await postJson<ErrorResponse>(`${server.url}/api/facilitate`, {
      workshopId: created.workshop.id,
      secret: 'A'.repeat(22),
    });
    expect(wrong.status).toBe(403);
    const right = await postJson<SessionResponse>(`${server.url}/api/facilitate`, {
      workshopId: created.workshop.id,
      secret: created.facilitatorSecret,
    });
    expect(right.status).toBe(201);
    expect(right.body.participant.role).toBe('facilitator');
  });

  it('resumes a session from its token, and refuses a forged one', async () => {
    const created = await createWorkshop(server.url);
    const ok = await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${created.token}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as SessionResponse).participant.id).toBe(created.participant.id);
    const [prefix, payload, mac] = created.token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
        r: 'facilitator',
        p: 'someone',
      }),
    ).toString('base64url');
    const forged = await fetch(`${server.url}/api/session`, {
      headers: { authorization: `Bearer ${prefix}.${forgedPayload}.${mac}` },
    });
    expect(forged.status).toBe(401);
  });

  it('deletes a workshop completely, only for its facilitator, and disconnects everyone', async () => {
    const created: CreateWorkshopResponse = await createWorkshop(server.url);
    const participant = await joinWorkshop(server.url, created.workshop.code, 'Deelnemer');
    const client = connectBoard(server.url, participant);
    await client.synced();
    addNote(client.doc, {
      id: 'n1',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 50,
      y: 150,
      color: 'yellow',
      text: 'weg ermee',
      authorId: participant.participant.id,
    });
    const dir = path.join(server.dataDir, 'workshops', created.workshop.id);
    await waitFor(() => fs.existsSync(path.join(dir, 'docs')), 'the board to be stored');

    const byParticipant = await fetch(`${server.url}/api/workshops/${created.workshop.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${participant.token}` },
    });
    expect(byParticipant.status).toBe(403);
    const byFacilitator = await fetch(`${server.url}/api/workshops/${created.workshop.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(byFacilitator.status).toBe(204);
    expect((await client.closed).code).toBe(CLOSE.gone);
    client.destroy();
    expect(fs.existsSync(dir)).toBe(false);
    const join = await postJson(`${server.url}/api/join`, { code: created.workshop.code, name: 'Laatkomer' });
    expect(join.status).toBe(404);
  });

  it('deletes expired workshops in the sweep', async () => {
    const created = await createWorkshop(server.url);
    const removed = await server.workshops.sweepExpired(Date.now() + 31 * 24 * 60 * 60 * 1000);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(path.join(server.dataDir, 'workshops', created.workshop.id))).toBe(false);
  });

  it('reports health and sends a strict content security policy', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const missing = await fetch(`${server.url}/api/nope`);
    expect(missing.status).toBe(404);
  });
});

describe('roles and preparation', () => {
  let server: RunningServer & { dataDir: string };
  beforeAll(async () => {
    server = await startTestServer({ rateLimitPerMinute: 1000 });
  });
  afterAll(() => server.close());

  it('keeps the role at the table a participant gives, unless the facilitator turned roles off', async () => {
    const created = await createWorkshop(server.url);
    const withRole = await postJson<SessionResponse>(`${server.url}/api/join`, {
      code: created.workshop.code,
      name: 'Docent Dirk',
      tableRole: 'docent',
    });
    expect(withRole.body.participant.tableRole).toBe('docent');
    const bad = await postJson<ErrorResponse>(`${server.url}/api/join`, {
      code: created.workshop.code,
      name: 'X',
      tableRole: 'koning',
    });
    expect(bad.status).toBe(400);
    const off = await requestJson('PATCH', `${server.url}/api/workshops/${created.workshop.id}`, created.token, {
      askTableRole: false,
    });
    expect(off.status).toBe(200);
    const ignored = await postJson<SessionResponse>(`${server.url}/api/join`, {
      code: created.workshop.code,
      name: 'Student Sam',
      tableRole: 'student',
    });
    expect(ignored.body.participant.tableRole).toBeNull();
  });

  it('lets the facilitator plan date, time, agenda and reading list, and validates them', async () => {
    const created = await createWorkshop(server.url);
    const base = `${server.url}/api/workshops/${created.workshop.id}`;
    const ok = await requestJson<WorkshopSummary>('PATCH', base, created.token, {
      date: '2026-12-10',
      startTime: '13:30',
      agendaMinutes: { 'vel1-discuss': 40 },
      readingList: [{ title: 'Eigen notitie', url: 'https://intranet.example.nl/la' }],
      practicalNotes: 'Zaal 2.14, koffie vanaf 13:15',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      startTime: '13:30',
      agendaMinutes: { 'vel1-discuss': 40 },
      readingList: [{ title: 'Eigen notitie' }],
    });
    const badTime = await requestJson<ErrorResponse>('PATCH', base, created.token, { startTime: '25:00' });
    expect(badTime.status).toBe(400);
    const badUrl = await requestJson<ErrorResponse>('PATCH', base, created.token, {
      readingList: [{ title: 'x', url: 'javascript:alert(1)' }],
    });
    expect(badUrl.status).toBe(400);
    const badPhase = await requestJson<ErrorResponse>('PATCH', base, created.token, { agendaMinutes: { pauze: 10 } });
    expect(badPhase.status).toBe(400);
  });

  it("starts a new workshop with the handbook's reading list", async () => {
    const created = await createWorkshop(server.url);
    expect(created.workshop.readingList).toHaveLength(3);
    expect(created.workshop.readingList[0]?.url).toMatch(/^https:\/\/www\.surf\.nl\//);
  });
});

describe('rate limit', () => {
  /** POSTs a join with extra headers; returns status, Retry-After and body. */
  async function join(url: string, code: string, name: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ code, name }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as ErrorResponse,
    };
  }

  it('answers 429 once an address exceeds the join limit, with Retry-After and a clear error', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 3 });
    try {
      const created = await createWorkshop(server.url);
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await join(server.url, created.workshop.code, `P${i}`));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 429]);
      expect(Number(results[3]?.retryAfter)).toBeGreaterThan(0);
      expect(results[3]?.body.error.code).toBe('too_many_requests');
    } finally {
      await server.close();
    }
  });

  it('keeps joining open for an address that flooded workshop creation (separate buckets)', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 3 });
    try {
      const created = await createWorkshop(server.url);
      const creates: number[] = [];
      for (let i = 0; i < 5; i++)
        creates.push((await postJson(`${server.url}/api/workshops`, { title: `Flood ${i}` })).status);
      expect(creates.slice(-2)).toEqual([429, 429]);
      expect((await join(server.url, created.workshop.code, 'Collega')).status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('behind one trusted proxy, a spoofed X-Forwarded-For chain gets no fresh bucket', async () => {
    // TRUST_PROXY=1: the proxy (here: the test itself on 127.0.0.1) appends the address it saw; an
    // attacker controls everything to the left of it and changes it on every request.
    const server = await startTestServer({
      rateLimitPerMinute: 3,
      trustProxy: configFromEnv({ TRUST_PROXY: '1' }).trustProxy,
    });
    try {
      const created = await createWorkshop(server.url);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await join(server.url, created.workshop.code, `P${i}`, { 'x-forwarded-for': `10.9.${i}.1, 198.51.100.7` }))
            .status,
        );
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
      // Another address as seen by the proxy has its own bucket.
      expect(
        (await join(server.url, created.workshop.code, 'Ander', { 'x-forwarded-for': '198.51.100.8' })).status,
      ).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('reads TRUST_PROXY as a number of hops or a list of proxy addresses, never as "trust everyone"', () => {
    expect([undefined, '', '0', 'false'].map(trustProxyFrom)).toEqual([false, false, false, false]);
    expect(trustProxyFrom('1')).toBe(1);
    expect(trustProxyFrom('true')).toBe(1);
    expect(trustProxyFrom('2')).toBe(2);
    expect(trustProxyFrom('10.0.0.0/8, 127.0.0.1')).toBe('10.0.0.0/8,127.0.0.1');
    expect(() => trustProxyFrom('10.0.0.1; rm')).toThrow(/TRUST_PROXY/);
  });
});

describe('retention', () => {
  it('sweeps workshops made under a longer retention period once WORKSHOP_TTL_DAYS is lowered', async () => {
    const dataDir = tempDataDir();
    const long = await startTestServer({ dataDir, workshopTtlDays: 30 });
    const created = await createWorkshop(long.url);
    await long.close();
    const short = await startTestServer({ dataDir, workshopTtlDays: 1 });
    try {
      expect(await short.workshops.sweepExpired(Date.now() + 2 * 24 * 60 * 60 * 1000)).toBe(1);
      expect((await postJson(`${short.url}/api/join`, { code: created.workshop.code, name: 'Laat' })).status).toBe(404);
    } finally {
      await short.close();
    }
  });

  it('removes a workshop whose record cannot be read once the retention period has passed', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir, workshopTtlDays: 1 });
    const created = await createWorkshop(first.url);
    await first.close();
    const dir = path.join(dataDir, 'workshops', created.workshop.id);
    fs.writeFileSync(path.join(dir, 'workshop.json'), '{ damaged');
    const server = await startTestServer({ dataDir, workshopTtlDays: 1 });
    try {
      expect(await server.workshops.sweepExpired(Date.now())).toBe(0);
      expect(fs.existsSync(dir)).toBe(true);
      expect(await server.workshops.sweepExpired(Date.now() + 2 * 24 * 60 * 60 * 1000)).toBe(1);
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('keeps a workshop planned further ahead until the retention period after its date', async () => {
    const server = await startTestServer({ workshopTtlDays: 30 });
    try {
      const created = await createWorkshop(server.url);
      const res = await requestJson<WorkshopSummary>(
        'PATCH',
        `${server.url}/api/workshops/${created.workshop.id}`,
        created.token,
        { date: '2027-06-01' },
      );
      expect(res.body.expiresAt).toBeGreaterThan(Date.parse('2027-07-01T00:00:00Z'));
      expect(await server.workshops.sweepExpired(Date.parse('2027-03-01T00:00:00Z'))).toBe(0);
      expect(await server.workshops.sweepExpired(Date.parse('2027-07-02T00:00:00Z'))).toBe(1);
    } finally {
      await server.close();
    }
  });
});
