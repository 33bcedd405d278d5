import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { MESSAGE, SYNC, encodeAuthMessage } from '@dmc/shared/protocol/messages';
import { SESSION_DOC, boardDocKey, PLENARY_BOARD, type CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { TokenSigner, loadTokenSecret } from '../auth/tokens';
import {
  collabUrl,
  connectBoard,
  createWorkshop,
  joinWorkshop,
  rawSocket,
  syncMessage,
  requestJson,
  startTestServer,
  waitFor,
} from '../testing/harness';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Sends raw bytes as an HTTP request and returns the status line of the answer (or what happened). */
async function rawUpgrade(port: number, request: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(5000, () => {
      socket.destroy();
      resolve(answer.split('\r\n')[0] || 'timeout');
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) {
        resolve(answer.split('\r\n')[0]!);
        socket.destroy();
      }
    });
    socket.on('error', () => resolve(answer.split('\r\n')[0] || 'reset'));
    socket.on('close', () => resolve(answer.split('\r\n')[0] || 'closed'));
    socket.write(request);
  });
}

function upgradeRequest(path: string, headers: Record<string, string> = {}): string {
  const all = {
    Host: '127.0.0.1',
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    ...headers,
  };
  return `GET ${path} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
}

/** A deterministic pseudo-random generator, so a failing fuzz case can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('websocket upgrades', () => {
  let server: Server;
  let created: CreateWorkshopResponse;

  beforeAll(async () => {
    server = await startTestServer();
    created = await createWorkshop(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers malformed upgrade URLs with 400 and keeps serving (the paths that stopped the process)', async () => {
    for (const path of [
      '/collab/%ZZ/x',
      '//[',
      '/collab/%C0%AF/x',
      '/collab/a%/b',
      '/collab/a/b%',
      '/collab/%E0%A4%A/x',
    ]) {
      expect(await rawUpgrade(server.port, upgradeRequest(path)), path).toMatch(/^HTTP\/1\.1 400/);
    }
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
  });

  it('survives a fuzz of upgrade paths and headers, then still serves a normal client', async () => {
    const random = prng(20261204);
    const alphabet = [
      '/',
      '%',
      '[',
      ']',
      '@',
      ':',
      '?',
      '#',
      '.',
      '..',
      'collab',
      'board-plenary',
      'session',
      created.workshop.id,
      '%00',
      '%ff',
      '%C0',
      'é',
      '\\',
      ' ',
      '%2F',
      '%%',
      'a',
    ];
    const answers = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const length = 1 + Math.floor(random() * 8);
      let path = random() < 0.8 ? '/' : '';
      for (let j = 0; j < length; j++) path += alphabet[Math.floor(random() * alphabet.length)];
      const headers: Record<string, string> = {};
      const pick = random();
      if (pick < 0.1) headers.Origin = 'http://[';
      else if (pick < 0.2) headers.Origin = 'null';
      else if (pick < 0.3) headers['X-Forwarded-For'] = '1.2.3.4, [::1], garbage';
      else if (pick < 0.35) headers['Sec-WebSocket-Version'] = 'abc';
      else if (pick < 0.4) headers['Sec-WebSocket-Key'] = '';
      else if (pick < 0.45) headers.Host = 'x'.repeat(4000);
      const answer = await rawUpgrade(server.port, upgradeRequest(path.replace(/[\r\n]/g, ''), headers));
      answers.add(answer.split(' ')[1] ?? answer);
    }
    // Some answers are from our handler (400/403/404), some from the websocket library (400) or
    // Node's HTTP parser (400/431); none may be a dropped process.
    expect([...answers].every((a) => /^\d{3}$/.test(a) || a === 'closed' || a === 'reset')).toBe(true);
    for (const garbage of [
      Buffer.from([0, 1, 2, 3, 255, 254]),
      'GET / HTTP/1.1\r\nHost: [\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
      'GET /collab/\u0000/x HTTP/1.1\r\n\r\n',
    ]) {
      await rawUpgrade(server.port, garbage);
    }
    // The sentinel: a real client still connects, writes and syncs.
    const client = connectBoard(server.url, created);
    try {
      await client.synced();
      addNote(client.doc, {
        id: 'after-fuzz',
        sheetId: 'vel1',
        fieldId: null,
        x: 10,
        y: 10,
        color: 'yellow',
        text: 'nog steeds hier',
        authorId: created.participant.id,
      });
      const reader = connectBoard(server.url, created);
      await reader.synced();
      await waitFor(() => readNotes(reader.doc).some((n) => n.id === 'after-fuzz'), 'the note after the fuzz');
      reader.destroy();
    } finally {
      client.destroy();
    }
  });

  it('refuses browsers from another origin, admits its own and configured ones', async () => {
    const path = `/collab/${created.workshop.id}/${SESSION_DOC}`;
    expect(await rawUpgrade(server.port, upgradeRequest(path, { Origin: 'https://evil.example' }))).toMatch(
      /^HTTP\/1\.1 403/,
    );
    expect(
      await rawUpgrade(
        server.port,
        upgradeRequest(path, { Origin: `http://127.0.0.1:${server.port}`, Host: `127.0.0.1:${server.port}` }),
      ),
    ).toMatch(/^HTTP\/1\.1 101/);
    expect(await rawUpgrade(server.port, upgradeRequest(path))).toMatch(/^HTTP\/1\.1 101/);
  });

  it('does not keep the session document loaded for connections to documents that do not exist', async () => {
    const other = await createWorkshop(server.url, 'Leeg');
    const baseline = server.collab.stats().documentsLoaded;
    const sockets = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rawSocket(server.url, other.workshop.id, boardDocKey(`nope${i}`), other.token),
      ),
    );
    for (const socket of sockets) expect((await socket.closed).code).toBe(CLOSE.notFound);
    await waitFor(() => !server.collab.loadedRoom(other.workshop.id, SESSION_DOC), 'the session document to unload');
    expect(server.collab.stats().documentsLoaded).toBeLessThanOrEqual(baseline);
  });
});

describe('websocket authentication', () => {
  let server: Server;
  let created: CreateWorkshopResponse;

  beforeAll(async () => {
    server = await startTestServer({ maxConnectionsPerParticipant: 3 });
    created = await createWorkshop(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads the token from the first message, never from the URL', async () => {
    // The token in the URL, as before: not an authentication any more.
    const ws = new WebSocket(
      `${collabUrl(server.url)}/${created.workshop.id}/${SESSION_DOC}?token=${encodeURIComponent(created.token)}`,
    );
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => ws.once('open', () => resolve()));
    ws.send(syncMessage(SYNC.update, new Uint8Array([0, 0])));
    expect(await closed).toBe(CLOSE.unauthorized);

    const ok = await rawSocket(server.url, created.workshop.id, SESSION_DOC, created.token);
    await waitFor(() => ok.messages.length > 0, 'the first sync message');
    expect(ok.messages[0]?.[0]).toBe(MESSAGE.sync);
    ok.ws.close();
  });

  it('closes an expired token with 4401 "session expired" and answers HTTP with 401 session_expired', async () => {
    const yesterday = new TokenSigner(
      loadTokenSecret(server.dataDir, undefined),
      3600,
      () => Date.now() - 2 * 3600 * 1000,
    );
    const expired = yesterday.sign({ w: created.workshop.id, p: created.participant.id, r: 'facilitator' });
    const socket = await rawSocket(server.url, created.workshop.id, SESSION_DOC, expired);
    expect(await socket.closed).toEqual({ code: CLOSE.unauthorized, reason: 'session expired' });
    const res = await requestJson<{ error: { code: string } }>('GET', `${server.url}/api/session`, expired);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
    const del = await requestJson('DELETE', `${server.url}/api/workshops/${created.workshop.id}`, expired);
    expect(del.status).toBe(401);
  });

  it('renews a token through GET /api/session: the new one expires later and works', async () => {
    const res = await requestJson<{ token: string }>('GET', `${server.url}/api/session`, created.token);
    expect(res.status).toBe(200);
    const payload = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; iat: number };
    expect(payload(res.body.token).exp).toBeGreaterThan(payload(res.body.token).iat);
    expect(payload(res.body.token).exp).toBeGreaterThanOrEqual(payload(created.token).exp);
    const socket = await rawSocket(server.url, created.workshop.id, SESSION_DOC, res.body.token);
    await waitFor(() => socket.messages.length > 0, 'sync with the renewed token');
    socket.ws.close();
  });

  it('caps the open connections of one participant', async () => {
    const anna = await joinWorkshop(server.url, created.workshop.code, 'Anna');
    const open = await Promise.all(
      [0, 1, 2].map(() => rawSocket(server.url, anna.workshop.id, SESSION_DOC, anna.token)),
    );
    for (const s of open) await waitFor(() => s.messages.length > 0, 'an admitted connection');
    const fourth = await rawSocket(server.url, anna.workshop.id, SESSION_DOC, anna.token);
    expect((await fourth.closed).code).toBe(CLOSE.tooManyMessages);
    open[0]!.ws.close();
    await open[0]!.closed;
    const again = await rawSocket(server.url, anna.workshop.id, SESSION_DOC, anna.token);
    await waitFor(() => again.messages.length > 0, 'a connection once another closed');
    for (const s of [...open.slice(1), again]) s.ws.close();
  });
});

describe('connections per address', () => {
  it('refuses upgrades past the cap with 429', async () => {
    const server = await startTestServer({ maxConnectionsPerAddress: 2 });
    try {
      const created = await createWorkshop(server.url);
      const a = await rawSocket(server.url, created.workshop.id, SESSION_DOC, created.token);
      const b = await rawSocket(server.url, created.workshop.id, boardDocKey(PLENARY_BOARD), created.token);
      expect(await rawUpgrade(server.port, upgradeRequest(`/collab/${created.workshop.id}/${SESSION_DOC}`))).toMatch(
        /^HTTP\/1\.1 429/,
      );
      a.ws.close();
      await a.closed;
      const c = await rawSocket(server.url, created.workshop.id, SESSION_DOC, created.token);
      await waitFor(() => c.messages.length > 0, 'a connection once another closed');
      b.ws.close();
      c.ws.close();
    } finally {
      await server.close();
    }
  });
});

// The auth message itself must be the first message: anything else first is refused.
describe('the first message', () => {
  it('must be the auth message', async () => {
    const server = await startTestServer();
    try {
      const created = await createWorkshop(server.url);
      const ws = new WebSocket(`${collabUrl(server.url)}/${created.workshop.id}/${SESSION_DOC}`);
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      );
      await new Promise<void>((resolve) => ws.once('open', () => resolve()));
      ws.send(syncMessage(SYNC.update, new Uint8Array([0, 0])));
      ws.send(encodeAuthMessage(created.token));
      expect((await closed).code).toBe(CLOSE.unauthorized);
    } finally {
      await server.close();
    }
  });
});
