import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { expect } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { startTestServer } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';

/**
 * End-to-end helpers: the real server serving the built client, and Debian's Chromium driven by
 * playwright-core. Run `npm run build && npm run build:e2e` first (`npm test` does).
 */

const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * The built client the app server serves: the build made for tests (`npm run build:e2e`, Vite mode
 * `e2e`), the only one with the read-only test hook `window.__DMC__`. DMC_CLIENT_DIR: another such
 * build (`vite build --mode e2e --outDir …`), so parallel work does not swap assets.
 */
export const CLIENT_DIR = process.env.DMC_CLIENT_DIR ?? path.join(ROOT, 'dist', 'e2e-client');
/** The production build (`npm run build`), which must not carry the test hook (DMC_PRODUCTION_CLIENT_DIR: another one). */
export const PRODUCTION_CLIENT_DIR = process.env.DMC_PRODUCTION_CLIENT_DIR ?? path.join(ROOT, 'client', 'dist');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built client for tests (CLIENT_DIR); fails with what to run when it is missing. */
export function requireClientBuild(): string {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error(
      `${CLIENT_DIR} is missing: run \`npm run build:e2e\` before the end-to-end tests (npm test does this).`,
    );
  }
  return CLIENT_DIR;
}

/** Starts the server with the built client. */
export async function startAppServer(): Promise<RunningServer & { dataDir: string }> {
  return startTestServer({ clientDir: requireClientBuild(), idleUnloadMs: 5_000 });
}

/** The app server with the built client and a browser, as most suites start. */
export async function startServerAndBrowser(): Promise<{
  server: RunningServer & { dataDir: string };
  browser: Browser;
}> {
  const server = await startAppServer();
  const browser = await launchBrowser();
  return { server, browser };
}

/** Ends a suite: destroys its document clients, then closes the browser and the server (any may not have started). */
export async function stopAll(
  browser: Browser | undefined,
  server: { close(): Promise<void> } | undefined,
  clients: ReadonlyArray<{ destroy(): void } | undefined> = [],
): Promise<void> {
  for (const client of clients) client?.destroy();
  await browser?.close();
  await server?.close();
}

/** Launches headless Chromium with the flags this machine needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** A browser context (one person) that records every request it makes. */
export interface Person {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL requested by this person's browser. */
  readonly requests: string[];
  /** Console errors and page errors, for a test to assert there were none. */
  readonly errors: string[];
}

/** Opens a new, isolated browser context with one page. */
export async function newPerson(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<Person> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'nl-NL',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request: Request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, requests, errors };
}

/** The notes the page currently shows, through the client's read-only test hook. */
export async function notesOf(page: Page): Promise<Note[]> {
  return page.evaluate(() => (window as unknown as { __DMC__: { notes(): Note[] } }).__DMC__.notes());
}

/**
 * Waits until the page has fetched the parts it loads on demand (list view, field panel, plenary
 * views), as it does in idle time after the board is on screen: a test that cuts the network and
 * then opens one of them must wait for it, as a person whose network drops in the first seconds
 * would find them unavailable.
 */
export async function waitForPartsPreloaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __DMC__?: { partsPreloaded(): boolean } }).__DMC__?.partsPreloaded() === true,
    undefined,
    { timeout: 15_000 },
  );
}

/** Waits until the page's notes satisfy a predicate (evaluated in the test, polled). */
export async function waitForNotes(
  page: Page,
  predicate: (notes: Note[]) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<Note[]> {
  const start = Date.now();
  for (;;) {
    const notes = await notesOf(page).catch(() => [] as Note[]);
    if (predicate(notes)) return notes;
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `timed out waiting for ${what}; notes: ${JSON.stringify(notes.map((n) => ({ id: n.id, text: n.text, fieldId: n.fieldId })))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Page coordinates of a point on the canvas, from the client's test hook. */
export async function hookPoint(page: Page, expression: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(expression);
  if (!point || typeof point !== 'object') throw new Error(`no point for ${expression}`);
  return point as { x: number; y: number };
}

/** Saves a screenshot under e2e/artifacts; with UPDATE_SCREENSHOTS=1 also into docs/images. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    const docs = path.join(ROOT, 'docs', 'images');
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(file, path.join(docs, `${name}.png`));
  }
  return file;
}

/** A part of a screenshot, in its pixels. */
export interface ShotRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * How much of `region` differs between two screenshots (PNG) of the same size: the share of
 * `block`×`block` squares whose mean colour differs by more than `threshold` (sum over R, G, B).
 * Means over blocks forgive the blur of a picture shown enlarged, not a picture out of place.
 * Decoded in the page (no image library in the tests).
 */
export async function shotDifference(
  page: Page,
  a: Buffer,
  b: Buffer,
  region: ShotRegion,
  block = 8,
  threshold = 48,
): Promise<number> {
  return page.evaluate(
    async ({ a, b, region, block, threshold }) => {
      const pixels = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(region.x, region.y, region.width, region.height).data;
      };
      const [pa, pb] = [await pixels(a), await pixels(b)];
      let differing = 0;
      let blocks = 0;
      for (let by = 0; by + block <= region.height; by += block)
        for (let bx = 0; bx + block <= region.width; bx += block) {
          // Per channel, the difference of the block's sums (a shift of its mean colour).
          let [r, g, bl] = [0, 0, 0];
          for (let y = by; y < by + block; y++)
            for (let x = bx; x < bx + block; x++) {
              const i = 4 * (y * region.width + x);
              r += (pa[i] ?? 0) - (pb[i] ?? 0);
              g += (pa[i + 1] ?? 0) - (pb[i + 1] ?? 0);
              bl += (pa[i + 2] ?? 0) - (pb[i + 2] ?? 0);
            }
          blocks++;
          if ((Math.abs(r) + Math.abs(g) + Math.abs(bl)) / (block * block) > threshold) differing++;
        }
      return blocks === 0 ? 0 : differing / blocks;
    },
    { a: a.toString('base64'), b: b.toString('base64'), region, block, threshold },
  );
}

/** Requests that left the machine: anything not to the app server itself (or data:/blob:). */
export function thirdPartyRequests(requests: readonly string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter(
    (url) =>
      !url.startsWith(origin) &&
      !url.startsWith('data:') &&
      !url.startsWith('blob:') &&
      !url.startsWith(origin.replace('http', 'ws')),
  );
}

/**
 * A TCP relay in front of the app server whose network can be cut: `cut()` drops every open
 * connection (websockets included, which `context.setOffline` leaves open) and refuses new
 * ones until `restore()`. A person who opens the app through `url` can go offline for real.
 */
export interface CuttableNetwork {
  readonly url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** Starts a relay to `targetUrl` (http://host:port) on a free port of 127.0.0.1. */
export async function startCuttableNetwork(targetUrl: string): Promise<CuttableNetwork> {
  const target = new URL(targetUrl);
  const open = new Set<net.Socket>();
  let down = false;
  const relay = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}

/** The workshop id of the board on screen. */
export function workshopIdOf(page: Page): string {
  const id = /\/w\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a workshop page: ${page.url()}`);
  return decodeURIComponent(id);
}

/** Waits until the screen is live: the canvas connected, or — in a plenary view — the synthesis document. */
export async function waitLive(page: Page): Promise<void> {
  const live = () =>
    page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-status');
      const plenary = document.querySelector('[data-testid="plenary-status"]')?.getAttribute('data-status');
      return canvas === 'connected' || plenary === 'live';
    });
  await expect.poll(live, { timeout: 15_000 }).toBe(true);
}

/** The session this browser stored for a workshop (the app keeps it in localStorage). */
export async function storedSession(page: Page, workshopId: string): Promise<SessionResponse> {
  const raw = await page.evaluate((id) => localStorage.getItem(`dmc.session.${id}`), workshopId);
  if (!raw) throw new Error(`no stored session for ${workshopId}`);
  return JSON.parse(raw) as SessionResponse;
}

/** Opens a workshop in a person's browser with a session made through the API, as the join page would store it. */
export async function openWorkshopAs(baseUrl: string, person: Person, session: SessionResponse): Promise<void> {
  await person.context.addInitScript(
    ({ key, value }) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    },
    {
      key: `dmc.session.${session.workshop.id}`,
      value: JSON.stringify({ token: session.token, participant: session.participant, workshop: session.workshop }),
    },
  );
  await person.page.goto(`${baseUrl}/w/${session.workshop.id}`);
  await person.page.getByTestId('phase-banner').waitFor({ timeout: 10_000 });
}

/** The phase a screen shows (the phase banner's data-phase). */
export function phaseOf(page: Page): Promise<string | null> {
  return page.getByTestId('phase-banner').getAttribute('data-phase');
}

/** Polls until `check` holds (usable in beforeAll, where expect.poll is not). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until every person's screen shows a phase. */
export async function waitForPhase(people: readonly Person[], phaseId: string): Promise<void> {
  for (const { page } of people) await until(async () => (await phaseOf(page)) === phaseId, `phase ${phaseId}`);
}

/** Opens a tab of the facilitator's drawer (`fac-tab-<tab>`), opening the drawer first when it is closed. */
export async function showFacilitatorTab(page: Page, tab: string): Promise<void> {
  const button = page.getByTestId(`fac-tab-${tab}`);
  if (!(await button.isVisible())) await page.getByTestId('fac-toggle').click();
  await button.click();
  await expect.poll(() => button.getAttribute('aria-selected')).toBe('true');
}
