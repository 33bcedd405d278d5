import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startNginx, type RunningNginx } from '../server/src/testing/nginx';
import { spawnOurServer, type ServerProcess } from '../server/src/testing/processes';
import {
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  freshPrefix,
  freshSchema,
  type TestPrefix,
  type TestSchema,
} from '../server/src/testing/services';
import {
  launchBrowser,
  newPerson,
  requireClientBuild,
  thirdPartyRequests,
  waitForNotes,
  waitLive,
  workshopIdOf,
  type Person,
} from './harness';

/**
 * Three server processes on one PostgreSQL and one Redis behind nginx — Debian's package running
 * the configuration shipped in docs/nginx.conf (round-robin, no sticky sessions) — and two people
 * in their own browsers. Every request of both browsers goes to nginx; the browsers never learn a
 * process's port. Which process served a websocket is read from the `X-Served-By` header of its
 * upgrade answer (PROCESS_NAME), as Chromium received it through nginx. Anna's and Bram's boards
 * are on different processes, so each note crosses Redis. Needs PostgreSQL, Redis and nginx: the
 * suite fails saying which one is missing and how to get it (.ci/run installs all three).
 */

const NAMES = ['dmc-1', 'dmc-2', 'dmc-3'];

/** A websocket a page opened, as Chromium's network log saw it. */
interface SocketSeen {
  readonly url: string;
  servedBy?: string;
  open: boolean;
}

/** Follows every websocket of a page and the process named in its upgrade answer. */
async function watchSockets(person: Person): Promise<Map<string, SocketSeen>> {
  const sockets = new Map<string, SocketSeen>();
  const cdp = await person.context.newCDPSession(person.page);
  cdp.on('Network.webSocketCreated', (event) => sockets.set(event.requestId, { url: event.url, open: true }));
  cdp.on('Network.webSocketHandshakeResponseReceived', (event) => {
    const socket = sockets.get(event.requestId);
    const header = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'x-served-by');
    if (socket) socket.servedBy = header?.[1];
  });
  cdp.on('Network.webSocketClosed', (event) => {
    const socket = sockets.get(event.requestId);
    if (socket) socket.open = false;
  });
  await cdp.send('Network.enable');
  return sockets;
}

/** The process serving a page's open websocket to the plenary board, once it is known. */
function boardProcess(sockets: Map<string, SocketSeen>, workshopId: string): string | undefined {
  const open = [...sockets.values()].filter(
    (s) => s.open && s.servedBy && s.url.endsWith(`/${workshopId}/board-plenary`),
  );
  return open.at(-1)?.servedBy;
}

async function addNoteThroughUi(page: Page, text: string): Promise<void> {
  await page.getByTestId('add-note').click();
  const editor = page.getByTestId('note-editor');
  await editor.waitFor();
  await editor.pressSequentially(text);
  await editor.press('Enter');
  await editor.waitFor({ state: 'detached' });
}

describe('three processes on PostgreSQL and Redis behind nginx, two browsers', () => {
  let schema: TestSchema | undefined;
  let prefix: TestPrefix | undefined;
  const processes: ServerProcess[] = [];
  let nginx: RunningNginx | undefined;
  let browser: Browser | undefined;
  let anna: Person;
  let bram: Person;
  let annaSockets: Map<string, SocketSeen>;
  let bramSockets: Map<string, SocketSeen>;
  let workshopId = '';

  beforeAll(async () => {
    const clientDir = requireClientBuild();
    schema = await freshSchema();
    prefix = await freshPrefix();
    for (const name of NAMES)
      processes.push(
        await spawnOurServer({
          env: {
            DATABASE_URL: TEST_DATABASE_URL,
            DATABASE_SCHEMA: schema.name,
            REDIS_URL: TEST_REDIS_URL,
            REDIS_PREFIX: prefix.prefix,
            PROCESS_NAME: name,
            CLIENT_DIR: clientDir,
            TRUST_PROXY: '1',
          },
        }),
      );
    nginx = await startNginx(processes.map((p) => p.port));
    browser = await launchBrowser();
    anna = await newPerson(browser);
    bram = await newPerson(browser);
    annaSockets = await watchSockets(anna);
    bramSockets = await watchSockets(bram);
  });

  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
    for (const server of processes) await server.stop();
    await schema?.drop();
    await prefix?.drop();
  });

  it('spreads requests over the three processes, round-robin without stickiness', async () => {
    const servedBy: string[] = [];
    for (let i = 0; i < 6; i++) servedBy.push((await fetch(`${nginx!.url}/healthz`)).headers.get('x-served-by') ?? '');
    expect(new Set(servedBy)).toEqual(new Set(NAMES));
  });

  it('lets a facilitator create a workshop and a participant join, on different processes', async () => {
    await anna.page.goto(nginx!.url);
    await anna.page.getByTestId('create-title').fill('Drie processen achter nginx');
    await anna.page.getByTestId('create-submit').click();
    const joinLink = (await anna.page.getByTestId('join-link').textContent())?.trim() ?? '';
    expect(joinLink.startsWith(`${nginx!.url}/j/`)).toBe(true);
    await anna.page.getByTestId('open-board').click();
    await anna.page.waitForURL(/\/w\//);
    await waitLive(anna.page);
    workshopId = workshopIdOf(anna.page);

    await bram.page.goto(joinLink);
    await bram.page.getByTestId('join-name').fill('Bram');
    await bram.page.getByTestId('join-submit').click();
    await bram.page.waitForURL(/\/w\//);
    await waitLive(bram.page);

    await expect.poll(() => boardProcess(annaSockets, workshopId), { timeout: 15_000 }).toBeDefined();
    const annas = boardProcess(annaSockets, workshopId);
    // nginx chose both; when it put Bram's board next to Anna's, a reload sends him on to the
    // next process in the rotation (the test only picks a placement nginx made, it forces none).
    for (let reloads = 0; ; reloads++) {
      await expect.poll(() => boardProcess(bramSockets, workshopId), { timeout: 15_000 }).toBeDefined();
      if (boardProcess(bramSockets, workshopId) !== annas) break;
      if (reloads === 6) throw new Error(`nginx kept Bram's board on ${annas}, Anna's process, over 6 reloads`);
      await bram.page.reload();
      await waitLive(bram.page);
    }
    const brams = boardProcess(bramSockets, workshopId);
    expect(NAMES).toContain(annas);
    expect(NAMES).toContain(brams);
    expect(brams).not.toBe(annas);
    // Each sees the other's presence, which crossed from one process to the other through Redis.
    await expect.poll(() => anna.page.getByTestId('presence').textContent(), { timeout: 15_000 }).toContain('Bram');
  });

  it("shows each person the other's note live, across processes", async () => {
    await addNoteThroughUi(anna.page, 'Van Anna, via nginx');
    await waitForNotes(
      bram.page,
      (notes) => notes.some((n) => n.text === 'Van Anna, via nginx'),
      "Anna's note on Bram's screen",
      15_000,
    );
    await addNoteThroughUi(bram.page, 'Van Bram, via nginx');
    await waitForNotes(
      anna.page,
      (notes) => notes.some((n) => n.text === 'Van Bram, via nginx'),
      "Bram's note on Anna's screen",
      15_000,
    );
    expect(anna.errors).toEqual([]);
    expect(bram.errors).toEqual([]);
  });

  it('moves Bram on to another process when his drains, and keeps both screens live', async () => {
    const annas = boardProcess(annaSockets, workshopId);
    const drained = boardProcess(bramSockets, workshopId);
    const index = NAMES.indexOf(drained ?? '');
    expect(await processes[index]!.stop('SIGTERM')).toBe(0);
    // Closed with 4503, Bram's client reconnects at once; nginx passes over the stopped process.
    await expect
      .poll(() => boardProcess(bramSockets, workshopId), { timeout: 20_000 })
      .toSatisfy((name) => name !== undefined && name !== drained);
    await waitLive(bram.page);
    expect(boardProcess(annaSockets, workshopId)).toBe(annas);

    await addNoteThroughUi(anna.page, 'Na de herstart');
    await waitForNotes(
      bram.page,
      (notes) => notes.some((n) => n.text === 'Na de herstart'),
      'the note after the drain',
      15_000,
    );
    await addNoteThroughUi(bram.page, 'Nog steeds live');
    const annaSees = await waitForNotes(
      anna.page,
      (notes) => notes.some((n) => n.text === 'Nog steeds live'),
      "Bram's note after the drain",
      15_000,
    );
    expect(annaSees.map((n) => n.text).sort()).toEqual(
      ['Na de herstart', 'Nog steeds live', 'Van Anna, via nginx', 'Van Bram, via nginx'].sort(),
    );
  });

  it('sent every request of both browsers to nginx', () => {
    expect(thirdPartyRequests(anna.requests, nginx!.url)).toEqual([]);
    expect(thirdPartyRequests(bram.requests, nginx!.url)).toEqual([]);
    expect(nginx!.errorLog()).not.toMatch(/\[(crit|alert|emerg)\]/);
  });
});
