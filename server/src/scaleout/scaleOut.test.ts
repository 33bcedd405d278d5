import { describe, expect, it } from 'vitest';
import { addNote, deleteNote, readNote, readNotes, setNoteText } from '@dmc/shared/doc/board';
import { assignMembers, putGroup, readMembers, updateFlow } from '@dmc/shared/doc/session';
import { PLENARY_BOARD, SESSION_DOC, boardDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { ServerConfig } from '../config';
import type { RunningServer } from '../server';
import {
  connectBoard,
  connectDoc,
  createWorkshop,
  flush,
  freePort,
  joinWorkshop,
  paced,
  requestJson,
  startTestServer,
  waitFor,
  type BoardClient,
} from '../testing/harness';
import { spawnOurServer, type ServerProcess } from '../testing/processes';

/** Fan-out crosses processes and Redis: on a loaded 2-core machine that can take seconds (no timing is asserted). */
const SLOW_MACHINE_MS = 30_000;
import {
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  TcpBalancer,
  TcpProxy,
  freshPrefix,
  freshSchema,
} from '../testing/services';
import { cleanupAfterEach } from '../testing/cleanup';

/**
 * Several server processes on one PostgreSQL and one Redis (real services; a schema and a key
 * prefix of their own per test). Two `startServer` instances on random ports stand for two
 * processes behind a load balancer; the kill test runs a real child process.
 */

const cleanup = cleanupAfterEach();

/** The shared services of one test: its schema and prefix, dropped afterwards. */
async function sharedServices(): Promise<Partial<ServerConfig>> {
  const schema = await freshSchema();
  const prefix = await freshPrefix();
  cleanup(
    () => schema.drop(),
    () => prefix.drop(),
  );
  return {
    databaseUrl: TEST_DATABASE_URL,
    databaseSchema: schema.name,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: prefix.prefix,
  };
}

async function start(config: Partial<ServerConfig>): Promise<RunningServer> {
  const server = await startTestServer(config);
  cleanup(() => server.close());
  return server;
}

function connect(url: string, session: Parameters<typeof connectBoard>[1]): BoardClient {
  const client = connectBoard(url, session);
  cleanup(() => client.destroy());
  return client;
}

/** Resolves with the code of the next close of a client's socket (also the ones it recovers from). */
function nextClose(client: BoardClient): Promise<number> {
  return new Promise((resolve) => {
    const onClose = (event: { code: number } | null) => {
      client.provider.off('connection-close', onClose);
      resolve(event?.code ?? 0);
    };
    client.provider.on('connection-close', onClose);
  });
}

/** The real server as a child process on this port, on the test's services; resolves once it listens. */
async function spawnProcess(services: Partial<ServerConfig>, port: number): Promise<ServerProcess> {
  const server = await spawnOurServer({
    port,
    env: {
      DATABASE_URL: services.databaseUrl,
      DATABASE_SCHEMA: services.databaseSchema,
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: services.redisPrefix,
      RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
  cleanup(() => server.stop('SIGKILL'));
  return server;
}

function note(id: string, authorId: string, text = '') {
  return { id, sheetId: 'vel1', fieldId: 'doel', x: 100, y: 150, color: 'yellow' as const, text, authorId };
}

describe('two server processes on PostgreSQL and Redis', () => {
  it("shows participants on different processes each other's notes and presence", async () => {
    const services = await sharedServices();
    const a = await start(services);
    const b = await start(services);
    expect([a.deployment, b.deployment]).toEqual(['postgres+redis', 'postgres+redis']);
    // Created on A, joined on B a moment later: B reads the workshop from the database.
    const workshop = await createWorkshop(a.url);
    const anna = await joinWorkshop(a.url, workshop.workshop.code, 'Anna');
    const bram = await joinWorkshop(b.url, workshop.workshop.code, 'Bram');
    const onA = connect(a.url, anna);
    const onB = connect(b.url, bram);
    await Promise.all([onA.synced(), onB.synced()]);

    addNote(onA.doc, note('from-a', anna.participant.id, 'van Anna'));
    await waitFor(() => readNote(onB.doc, 'from-a')?.text === 'van Anna', "Anna's note on B", SLOW_MACHINE_MS);
    addNote(onB.doc, note('from-b', bram.participant.id, 'van Bram'));
    await waitFor(() => readNote(onA.doc, 'from-b') !== undefined, "Bram's note on A", SLOW_MACHINE_MS);
    expect(readNotes(onA.doc)).toEqual(readNotes(onB.doc));

    const seesUser = (client: BoardClient, id: string) =>
      [...client.provider.awareness.getStates().values()].some(
        (s) => (s as { user?: { id?: string } }).user?.id === id,
      );
    await waitFor(() => seesUser(onB, anna.participant.id), "Anna's presence on B", SLOW_MACHINE_MS);
    await waitFor(() => seesUser(onA, bram.participant.id), "Bram's presence on A", SLOW_MACHINE_MS);

    // Both have one workshop record with both people (joined on different processes).
    const record = await a.workshops.refresh(workshop.workshop.id);
    expect(record?.participants.map((p) => p.name).sort()).toEqual(['Anna', 'Bram', 'Procesbegeleider']);
  });

  it.each([
    ["had not loaded any of the workshop's documents", false],
    ['already holds the board', true],
  ])('gives a late joiner on B everything written on A, when B %s', async (_case, bHoldsBoard) => {
    const services = await sharedServices();
    // A compacts after a few rows, so B reads a snapshot plus the rows appended after it.
    const a = await start({ ...services, compactAfterRecords: 4 });
    const b = await start({ ...services, idleUnloadMs: 60_000 });
    const workshop = await createWorkshop(a.url);
    const id = workshop.workshop.id;
    const board = boardDocKey(PLENARY_BOARD);
    const writers: BoardClient[] = [];
    for (const name of ['Anna', 'Bram', 'Cleo'])
      writers.push(connect(a.url, await joinWorkshop(a.url, workshop.workshop.code, name)));
    // Joined through A: B learns of this person only when the websocket arrives.
    const newcomer = await joinWorkshop(a.url, workshop.workshop.code, 'Laatkomer');
    let onB: BoardClient | undefined;
    if (bHoldsBoard) {
      onB = connect(b.url, await joinWorkshop(b.url, workshop.workshop.code, 'Dirk'));
      await onB.synced();
    }
    await Promise.all(writers.map((w) => w.synced()));

    // Each writer adds notes, rewrites one and deletes another: adds, edits and deletions in the log.
    const expected = new Map<string, string>();
    writers.forEach((writer, w) => {
      for (let n = 0; n < 5; n++) {
        const noteId = `a${w}-${n}`;
        addNote(writer.doc, note(noteId, writer.session.participant.id, `tekst ${noteId}`));
        expected.set(noteId, `tekst ${noteId}`);
      }
      setNoteText(writer.doc, `a${w}-1`, 'herschreven');
      expected.set(`a${w}-1`, 'herschreven');
      deleteNote(writer.doc, `a${w}-4`);
      expected.delete(`a${w}-4`);
    });
    // Stored by A: each connection's reply follows everything it sent before.
    await Promise.all(writers.map((w) => flush(w)));

    const texts = (client: BoardClient) => new Map(readNotes(client.doc).map((n) => [n.id, n.text]));
    if (onB) {
      // B keeps its loaded board current through Redis only; wait for that fan-out to arrive.
      await waitFor(
        () => [...texts(onB).entries()].sort().join() === [...expected.entries()].sort().join(),
        'the notes written on A on B',
        SLOW_MACHINE_MS,
      );
    } else {
      expect(b.collab.loadedWorkshops()).not.toContain(id);
    }

    const late = connect(b.url, newcomer);
    await late.synced();
    // Everything is in the first sync: nothing is waited for after it.
    expect(texts(late)).toEqual(expected);
    expect(b.collab.loadedRoom(id, board)).toBeDefined();
  });

  it('disconnects on B a participant removed on A, and refuses writes on B to a workshop closed on A', async () => {
    const services = await sharedServices();
    const a = await start(services);
    const b = await start(services);
    const workshop = await createWorkshop(a.url);
    const id = workshop.workshop.id;
    const bram = await joinWorkshop(a.url, workshop.workshop.code, 'Bram');
    const cleo = await joinWorkshop(a.url, workshop.workshop.code, 'Cleo');
    const bramOnB = connect(b.url, bram);
    const cleoOnB = connect(b.url, cleo);
    await Promise.all([bramOnB.synced(), cleoOnB.synced()]);

    const removed = await requestJson(
      'DELETE',
      `${a.url}/api/workshops/${id}/participants/${bram.participant.id}`,
      workshop.token,
    );
    expect(removed.status).toBe(204);
    expect((await bramOnB.closed).code).toBe(CLOSE.unauthorized);

    const closed = await requestJson('POST', `${a.url}/api/workshops/${id}/close`, workshop.token, { closed: true });
    expect(closed.status).toBe(200);
    await waitFor(
      () => b.workshops.cached(id)?.closed === true,
      'B to learn that the workshop is closed',
      SLOW_MACHINE_MS,
    );
    addNote(cleoOnB.doc, note('too-late', cleo.participant.id));
    expect((await cleoOnB.closed).code).toBe(CLOSE.forbidden);
  });

  it('counts rate limits across both processes', async () => {
    const services = await sharedServices();
    const a = await start({ ...services, rateLimitPerMinute: 3 });
    const b = await start({ ...services, rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (const url of [a.url, b.url, a.url, b.url]) statuses.push((await fetch(`${url}/api/join/NOPE99`)).status);
    // Three lookups allowed per minute per address, wherever they land; the fourth is refused.
    expect(statuses.map((status) => status === 429)).toEqual([false, false, false, true]);
  });

  it('answers /healthz and /readyz, and drains on close: sockets closed with the reconnect code', async () => {
    const services = await sharedServices();
    const a = await start(services);
    const b = await start(services);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${a.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, problems: [] });

    const workshop = await createWorkshop(a.url);
    const anna = await joinWorkshop(a.url, workshop.workshop.code, 'Anna');
    const onA = connect(a.url, anna);
    await onA.synced();
    addNote(onA.doc, note('before-drain', anna.participant.id));
    await flush(onA);
    const closeCode = nextClose(onA);
    await a.close();
    expect(await closeCode).toBe(CLOSE.restarting);
    expect(CLOSE.restarting < 4400 || CLOSE.restarting >= 4500).toBe(true);
    // The client reconnects by itself; through a load balancer that is the other process.
    const onB = connect(b.url, anna);
    await onB.synced();
    expect(readNote(onB.doc, 'before-drain')).toBeDefined();
  });

  it('refuses a write with 4507 while the database is unreachable, never relays it, and stores it after', async () => {
    const services = await sharedServices();
    const proxy = await TcpProxy.start(TEST_DATABASE_URL);
    cleanup(() => proxy.close());
    const a = await start({ ...services, databaseUrl: proxy.via(TEST_DATABASE_URL) });
    const b = await start(services);
    const workshop = await createWorkshop(b.url);
    const anna = await joinWorkshop(b.url, workshop.workshop.code, 'Anna');
    const bram = await joinWorkshop(b.url, workshop.workshop.code, 'Bram');
    const writer = connect(a.url, anna);
    const reader = connect(b.url, bram);
    await Promise.all([writer.synced(), reader.synced()]);

    await proxy.cut();
    const closeCode = nextClose(writer);
    addNote(writer.doc, note('unstored', anna.participant.id, 'niet opgeslagen'));
    expect(await closeCode).toBe(CLOSE.unavailable);
    const readiness = await fetch(`${a.url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(((await readiness.json()) as { problems: string[] }).problems.join()).toMatch(/database/);
    await flush(reader);
    expect(readNote(reader.doc, 'unstored')).toBeUndefined();

    await proxy.restore();
    // The client kept its change and sends it again after reconnecting.
    await waitFor(() => readNote(reader.doc, 'unstored') !== undefined, 'the note once the database is back', 15_000);
  });

  it.each([
    ['the reading', 'b'],
    ['the writing', 'a'],
  ])('catches up from PostgreSQL after %s process lost its Redis connection', async (_which, cut) => {
    const services = await sharedServices();
    const proxy = await TcpProxy.start(TEST_REDIS_URL);
    cleanup(() => proxy.close());
    const viaProxy = { ...services, redisUrl: proxy.via(TEST_REDIS_URL) };
    const a = await start(cut === 'a' ? viaProxy : services);
    const b = await start(cut === 'b' ? viaProxy : services);
    const workshop = await createWorkshop(a.url);
    const anna = await joinWorkshop(a.url, workshop.workshop.code, 'Anna');
    const bram = await joinWorkshop(a.url, workshop.workshop.code, 'Bram');
    const onA = connect(a.url, anna);
    const onB = connect(b.url, bram);
    await Promise.all([onA.synced(), onB.synced()]);
    addNote(onA.doc, note('while-up', anna.participant.id));
    await waitFor(
      () => readNote(onB.doc, 'while-up') !== undefined,
      'fan-out while Redis is reachable',
      SLOW_MACHINE_MS,
    );

    await proxy.cut();
    addNote(onA.doc, note('while-cut', anna.participant.id));
    await flush(onA); // stored by A; the fan-out to B is lost while one of them is cut off
    await flush(onB);
    expect(readNote(onB.doc, 'while-cut')).toBeUndefined();
    await proxy.restore();
    await waitFor(() => readNote(onB.doc, 'while-cut') !== undefined, 'B to read what it missed', 15_000);
  });

  it('refuses on B a write the phase set on A forbids, and hides what it hides', async () => {
    const services = await sharedServices();
    const a = await start(services);
    const b = await start(services);
    const workshop = await createWorkshop(a.url);
    const id = workshop.workshop.id;
    const anna = await joinWorkshop(a.url, workshop.workshop.code, 'Anna');
    const cleo = await joinWorkshop(a.url, workshop.workshop.code, 'Cleo');
    const annaSession = connectDoc(b.url, anna, SESSION_DOC);
    cleanup(() => annaSession.destroy());
    const facilitatorSession = connectDoc(a.url, workshop, SESSION_DOC);
    cleanup(() => facilitatorSession.destroy());
    await Promise.all([annaSession.synced(), facilitatorSession.synced()]);
    await waitFor(
      () => readMembers(facilitatorSession.doc).length === 3,
      'everyone in the session on A',
      SLOW_MACHINE_MS,
    );

    putGroup(facilitatorSession.doc, { id: 'g1', name: 'Groep 1', color: '#1d4ed8', order: 0 });
    putGroup(facilitatorSession.doc, { id: 'g2', name: 'Groep 2', color: '#b42318', order: 1 });
    assignMembers(
      facilitatorSession.doc,
      new Map([
        [anna.participant.id, 'g1'],
        [cleo.participant.id, 'g2'],
      ]),
    );
    updateFlow(facilitatorSession.doc, { phaseId: 'vel1-discuss', phaseStartedAt: Date.now() });
    await waitFor(
      () =>
        b.workflow.state(id)?.phaseId === 'vel1-discuss' &&
        b.workflow.membership(id, anna.participant.id).groupId === 'g1',
      'the phase and groups set on A to reach B',
    );

    const peek = connectDoc(b.url, anna, boardDocKey('g2'));
    cleanup(() => peek.destroy());
    expect((await peek.closed).code).toBe(CLOSE.hidden);
    const own = connectDoc(b.url, anna, boardDocKey('g1'));
    cleanup(() => own.destroy());
    await own.synced();
    addNote(own.doc, { ...note('wrong-sheet', anna.participant.id), sheetId: 'vel2', fieldId: 'data' });
    expect((await own.closed).code).toBe(CLOSE.forbidden);
  });

  it('drains on SIGTERM: sockets closed with 4503, then the process exits', async () => {
    const services = await sharedServices();
    const port = await freePort();
    const child = await spawnProcess(services, port);
    const url = child.url;
    const workshop = await createWorkshop(url);
    const anna = await joinWorkshop(url, workshop.workshop.code, 'Anna');
    const client = connect(url, anna);
    await client.synced();
    const closeCode = nextClose(client);
    const exited = child.stop('SIGTERM');
    expect(await closeCode).toBe(CLOSE.restarting);
    expect(await exited).toBe(0);
    client.provider.disconnect();
  });

  it('keeps every edit through a rolling restart of three processes behind a balancer', async () => {
    const services = await sharedServices();
    const ports = [await freePort(), await freePort(), await freePort()];
    const servers: RunningServer[] = [];
    for (const port of ports) servers.push(await startTestServer({ ...services, port }));
    cleanup(async () => {
      for (const server of servers) await server.close();
    });
    const balancer = await TcpBalancer.start(ports);
    cleanup(() => balancer.close());
    const workshop = await createWorkshop(balancer.url);
    const sessions: SessionResponse[] = [];
    for (let i = 0; i < 6; i++)
      sessions.push(await joinWorkshop(balancer.url, workshop.workshop.code, `Schrijver ${i}`));
    // Round-robin: two writers on each process.
    const writers = sessions.map((session) => connect(balancer.url, session));
    await Promise.all(writers.map((w) => w.synced()));
    expect(servers.map((s) => s.collab.stats().connections)).toEqual([2, 2, 2]);

    let writing = true;
    const written: string[] = [];
    // A steady stream of edits during the restarts.
    const loops = writers.map((writer, i) =>
      paced(60, 15, (n) => {
        if (!writing) return false;
        const id = `w${i}-${n}`;
        addNote(writer.doc, note(id, sessions[i]!.participant.id, id));
        written.push(id);
      }),
    );
    for (let i = 0; i < servers.length; i++) {
      await servers[i]!.close();
      servers[i] = await startTestServer({ ...services, port: ports[i] });
    }
    writing = false;
    await Promise.all(loops);

    await waitFor(() => writers.every((w) => w.provider.wsconnected && w.provider.synced), 'every writer back', 60_000);
    await Promise.all(writers.map((w) => flush(w)));
    // Every writer and a late reader, on whichever process, converge on every note written: the
    // fan-out between processes is asynchronous, so this waits for it (and fails if one is lost).
    const reader = connect(balancer.url, sessions[0]!);
    await reader.synced();
    expect(written.length).toBeGreaterThan(18);
    const hasAll = (client: BoardClient) => {
      const ids = new Set(readNotes(client.doc).map((n) => n.id));
      return written.every((id) => ids.has(id));
    };
    await waitFor(() => [reader, ...writers].every(hasAll), 'every client to have every note', 15_000);
    expect(readNotes(reader.doc)).toHaveLength(written.length);
  }, 120_000);

  it('loses no edit when a process is killed with SIGKILL under 50 writing clients', async () => {
    const services = await sharedServices();
    const port = await freePort();
    const child = await spawnProcess(services, port);
    const survivorPort = await freePort();
    const survivor = await start({ ...services, port: survivorPort, rateLimitPerMinute: 1000 });
    const balancer = await TcpBalancer.start([port, survivorPort]);
    cleanup(() => balancer.close());

    const workshop = await createWorkshop(balancer.url);
    const sessions: SessionResponse[] = [];
    for (let i = 0; i < 50; i++)
      sessions.push(await joinWorkshop(balancer.url, workshop.workshop.code, `Schrijver ${i}`));
    const writers = sessions.map((session) => connect(balancer.url, session));
    await Promise.all(writers.map((w) => w.synced()));
    expect(survivor.collab.stats().connections).toBe(25);
    const written: string[] = [];
    let rounds = 0;
    let killAfterRound: () => void = () => {};
    const killed = new Promise<void>((resolve) => (killAfterRound = resolve));
    const loops = writers.map((writer, i) =>
      paced(8, 40, (n) => {
        const id = `k${i}-${n}`;
        addNote(writer.doc, note(id, sessions[i]!.participant.id, id));
        written.push(id);
        if (i === 0 && ++rounds === 3) killAfterRound();
      }),
    );
    await killed;
    await child.stop('SIGKILL');
    await Promise.all(loops);

    // The killed process's clients reconnect through the balancer to the survivor and send what
    // it had not confirmed; nothing any process accepted was only in the killed one's memory.
    await waitFor(() => writers.every((w) => w.provider.wsconnected && w.provider.synced), 'every writer back', 60_000);
    await Promise.all(writers.map((w) => flush(w)));
    expect(survivor.collab.stats().connections).toBe(50);
    const reader = connect(survivor.url, sessions[0]!);
    await reader.synced();
    const stored = new Set(readNotes(reader.doc).map((n) => n.id));
    expect(written).toHaveLength(400);
    expect(written.filter((id) => !stored.has(id))).toEqual([]);
  }, 120_000);
});
