import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createWorkshop, joinWorkshop, startTestServer } from '../server/src/testing/harness';
import { PRODUCTION_CLIENT_DIR, launchBrowser } from '../e2e/harness';
import { contextAs } from './canvasFrames';

/** JavaScript files and their size: gzip level 9 of the served files, as a server would compress them. */
export interface JsSet {
  readonly files: readonly string[];
  readonly gzipKiB: number;
  readonly rawKiB: number;
}

export interface InitialJs {
  /** Requested before the board's canvas was on the page: what the first screen waits for. */
  readonly firstScreen: JsSet;
  /** Requested afterwards, in idle time: the parts loaded on demand, fetched ahead of need. */
  readonly aheadOfNeed: JsSet;
  readonly load: number;
}

/** The size of a build's JavaScript files (paths as served, e.g. `/assets/index-….js`). */
export function sizeOf(dir: string, files: readonly string[]): JsSet {
  let gzip = 0;
  let raw = 0;
  for (const file of files) {
    const data = fs.readFileSync(path.join(dir, file));
    raw += data.length;
    gzip += zlib.gzipSync(data, { level: 9 }).length;
  }
  return { files, gzipKiB: gzip / 1024, rawKiB: raw / 1024 };
}

/**
 * What a participant's browser fetches to open their board, from the production build that
 * `npm start` serves (not the browser tests' build, which carries the test hook): the JavaScript
 * requested before the board's canvas is on the page, and what follows in idle time (the parts
 * fetched ahead of need, so that they open offline). Resource timing of the page itself; the
 * moment the first canvas element appears is recorded by a mutation observer.
 */
export async function participantInitialJs(dir = PRODUCTION_CLIENT_DIR): Promise<InitialJs> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} has no build: run npm run build`);
  const server = await startTestServer({ clientDir: dir });
  const browser = await launchBrowser();
  try {
    const facilitator = await createWorkshop(server.url, 'Eerste lading');
    const session = await joinWorkshop(server.url, facilitator.workshop.code, 'Deelnemer');
    const load = os.loadavg()[0] ?? NaN;
    const context = await contextAs(browser, session, { width: 1280, height: 800 });
    // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
    await context.addInitScript({
      content: `new MutationObserver(() => {
        if (window.firstCanvasAt === undefined && document.querySelector('canvas')) window.firstCanvasAt = performance.now();
      }).observe(document, { childList: true, subtree: true });`,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${session.workshop.id}`);
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    await page.waitForFunction(() => (window as unknown as { firstCanvasAt?: number }).firstCanvasAt !== undefined);
    // The parts fetched ahead of need start in idle time (at most 3 s after the board synced).
    await page.waitForTimeout(4000);
    const { canvasAt, scripts } = await page.evaluate(() => ({
      canvasAt: (window as unknown as { firstCanvasAt: number }).firstCanvasAt,
      scripts: performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime })),
    }));
    await context.close();
    const first = scripts.filter((s) => s.start <= canvasAt).map((s) => s.path);
    const later = scripts.filter((s) => s.start > canvasAt).map((s) => s.path);
    return { firstScreen: sizeOf(dir, first), aheadOfNeed: sizeOf(dir, later), load };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const js = await participantInitialJs();
  console.log(
    `first screen: ${js.firstScreen.files.length} files, ${js.firstScreen.gzipKiB.toFixed(1)} KiB gzip ` +
      `(${((js.firstScreen.gzipKiB * 1024) / 1000).toFixed(1)} KB); ahead of need: ${js.aheadOfNeed.files.length} files, ` +
      `${js.aheadOfNeed.gzipKiB.toFixed(1)} KiB gzip; load ${js.load.toFixed(2)}`,
  );
}
