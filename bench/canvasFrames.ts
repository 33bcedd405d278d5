import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addNote } from '@dmc/shared/doc/board';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import { presenceColor } from '@dmc/shared/protocol/presence';
import { LIMITS } from '@dmc/shared/domain/limits';
import { authenticatingSocket, createWorkshop, joinWorkshop, startTestServer } from '../server/src/testing/harness';
import { CLIENT_DIR, launchBrowser } from '../e2e/harness';
import { percentile } from './stats';

/**
 * The canvas in headless Chromium (software rendering, 1280×800) with N notes on the sheet: ours
 * (the participant board of the e2e build, notes synced from the server) and a naive react-konva
 * page (bench/naive), measured the same way.
 *
 * A frame's time is the main thread's work for that frame: from the first input event it handles
 * (or its first animation-frame callback) until its rendering is done (a message posted from the
 * first animation-frame callback runs right after the frame). Only frames that handled input or
 * drew a Konva layer count, so idle frames between two mouse moves do not dilute the percentiles.
 *
 * That wall-clock time counts every moment the renderer waits for a core, and on a loaded 2-core
 * machine that is most of it. So the headline is the main thread's CPU time for the same frames,
 * from a Chromium trace: the main thread's thread clock from the previous frame's end to this
 * frame's end (input events, animation-frame callbacks with React and Konva, style, layout, paint,
 * the canvas's software raster, timers, garbage collection).
 */

/** One page's numbers at one note count. */
export interface CanvasRun {
  readonly notes: number;
  /** Navigation start until the frame after every note is on the canvas, ms. */
  readonly firstRenderMs: number;
  readonly pan: FrameStats;
  readonly zoom: FrameStats;
  /** A full redraw of the stage (every layer), median of 10, ms. */
  readonly redrawMs: number;
  /** The 1-minute load average when the run started. */
  readonly load: number;
}

export interface FrameStats {
  /** Main-thread CPU time per frame (trace), ms. */
  readonly p50: number;
  readonly p95: number;
  /** Wall-clock time per frame (in-page probe), ms. */
  readonly wallP50: number;
  readonly wallP95: number;
  readonly frames: number;
}

/** A trace event, as far as this file reads it. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  /** Thread clock, µs. */
  tts?: number;
  args?: { data?: { message?: string } };
}

/**
 * CPU ms of each counted frame: the main thread's thread time from the end of the previous frame
 * to the end of this one (input, animation-frame callbacks, rendering, timers, garbage collection),
 * read from the thread clock of the marks the probe leaves at every frame's end.
 */
function frameCpuTimes(trace: Buffer): number[] {
  if (process.env.BENCH_TRACE_DIR)
    fs.writeFileSync(path.join(process.env.BENCH_TRACE_DIR, `trace-${Date.now()}.json`), trace);
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const ends = events
    .filter(
      (e) => e.name === 'TimeStamp' && (e.args?.data?.message === 'dmc-frame' || e.args?.data?.message === 'dmc-end'),
    )
    .sort((a, b) => a.ts - b.ts);
  const out: number[] = [];
  for (let i = 1; i < ends.length; i++) {
    const [before, end] = [ends[i - 1], ends[i]];
    if (end?.args?.data?.message !== 'dmc-frame' || before?.tts === undefined || end.tts === undefined) continue;
    out.push((end.tts - before.tts) / 1000);
  }
  return out;
}

/** Installed before the gesture: records the work of every frame that handled input or drew. */
const FRAME_PROBE = `(() => {
  const probe = { frames: [], inputAt: null, drew: false };
  window.__frameProbe = probe;
  const mark = () => { if (probe.inputAt === null) probe.inputAt = performance.now(); };
  for (const type of ['pointermove', 'pointerdown', 'pointerup', 'wheel'])
    window.addEventListener(type, mark, { capture: true, passive: true });
  const layer = window.Konva && window.Konva.Layer && window.Konva.Layer.prototype;
  if (layer && !layer.__probed) {
    const draw = layer.drawScene;
    layer.drawScene = function (...args) { probe.drew = true; return draw.apply(this, args); };
    layer.__probed = true;
  }
  const channel = new MessageChannel();
  let started = 0;
  channel.port1.onmessage = () => {
    const end = performance.now();
    if (probe.inputAt !== null || probe.drew) {
      const start = probe.inputAt !== null && probe.inputAt < started ? probe.inputAt : started;
      probe.frames.push(end - start);
      console.timeStamp('dmc-frame');
    } else console.timeStamp('dmc-end');
    probe.inputAt = null;
    probe.drew = false;
  };
  const tick = () => {
    started = performance.now();
    channel.port2.postMessage(0);
    if (!probe.stopped) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

function stats(cpu: readonly number[], wall: readonly number[]): FrameStats {
  return {
    p50: percentile(cpu, 50),
    p95: percentile(cpu, 95),
    wallP50: percentile(wall, 50),
    wallP95: percentile(wall, 95),
    frames: cpu.length,
  };
}

/** Waits until every frame's work so far is done (two frames and a task). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))',
  );
}

/** A CPU profile node, as Chromium's Profiler reports it. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most self time in a CPU profile, one line each. */
export function topSelfTime(profile: { nodes: ProfileNode[]; samples?: number[] }, top = 15): string[] {
  const byName = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + hits);
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, hits]) => `${((100 * hits) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${key}`);
}

/**
 * Pans by dragging empty space at (x0, y0), then zooms with the wheel; frame times of each. With
 * BENCH_PROFILE=<dir>, a CPU profile of both gestures is written there and its top functions printed.
 */
async function gestures(
  browser: Browser,
  page: Page,
  steps: number,
  label: string,
): Promise<{ pan: FrameStats; zoom: FrameStats; redrawMs: number }> {
  const x0 = 20;
  const y0 = 400;
  await settle(page);
  const profileDir = process.env.BENCH_PROFILE;
  const cdp = profileDir ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await page.evaluate(FRAME_PROBE);
  const categories = ['toplevel', 'devtools.timeline'];
  await browser.startTracing(page, { categories });
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 0; i < steps; i++)
    await page.mouse.move(x0 + Math.sin(i / 10) * 200 + 200, y0 + Math.cos(i / 10) * 100 - 100, { steps: 1 });
  await page.mouse.up();
  await settle(page);
  const pan = await page.evaluate('window.__frameProbe.frames.splice(0)');
  const panCpu = frameCpuTimes(await browser.stopTracing());
  await page.mouse.move(640, 400);
  await settle(page);
  await page.evaluate('window.__frameProbe.frames.splice(0)');
  await browser.startTracing(page, { categories });
  for (let i = 0; i < steps; i++) await page.mouse.wheel(0, i % 20 < 10 ? -60 : 60);
  await settle(page);
  const zoom = await page.evaluate('window.__frameProbe.frames.splice(0); ');
  const zoomCpu = frameCpuTimes(await browser.stopTracing());
  if (cdp && profileDir) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
    fs.mkdirSync(profileDir, { recursive: true });
    fs.writeFileSync(path.join(profileDir, `${label}.cpuprofile`), JSON.stringify(profile));
    console.log(`profile ${label}:\n${topSelfTime(profile).join('\n')}`);
  }
  await page.evaluate('window.__frameProbe.stopped = true');
  // A page that lost its stage (or crashed) still reports its gestures; its redraw is then NaN.
  const redraw = (await page
    .evaluate(
      `(() => {
    const stage = window.Konva && window.Konva.stages[0];
    if (!stage) return null;
    const times = [];
    for (let i = 0; i < 10; i++) { const t = performance.now(); stage.draw(); times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    return times[5];
  })()`,
    )
    .catch((error: unknown) => {
      console.warn(`${label}: no full redraw measured (${error instanceof Error ? error.message : String(error)})`);
      return null;
    })) as number | null;
  if (redraw === null) console.warn(`${label}: no stage left to redraw; the full redraw is reported as NaN`);
  const redrawMs = redraw ?? NaN;
  return { pan: stats(panCpu, pan as number[]), zoom: stats(zoomCpu, zoom as number[]), redrawMs };
}

/**
 * In the page: resolves once the page has been idle (nothing to do for ~50 ms) `times` times in
 * a row — it has finished what it does after a render (pictures, suggestions, preloads).
 */
export function pageSettled(times: number): string {
  return `
    new Promise((resolve) => {
      let quiet = 0;
      const step = (deadline) => {
        quiet = deadline.timeRemaining() > 40 ? quiet + 1 : 0;
        if (quiet >= ${times}) resolve(true);
        else requestIdleCallback(step);
      };
      requestIdleCallback(step);
    })
  `;
}

/** Records, from the page's own clock, when `ready` first holds plus one drawn frame. */
export function firstRenderProbe(ready: string): string {
  return `(() => {
    const check = () => {
      let ok = false;
      try { ok = ${ready}; } catch { ok = false; }
      if (!ok) return requestAnimationFrame(check);
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__firstRender = performance.now(); };
        channel.port2.postMessage(0);
      }));
    };
    requestAnimationFrame(check);
  })()`;
}

export async function firstRender(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as { __firstRender?: number }).__firstRender !== undefined, undefined, {
    timeout: 120_000,
    polling: 50,
  });
  return (await page.evaluate('window.__firstRender')) as number;
}

/** A workshop whose plenary board has `count` notes on sheet 1, and a participant's session. */
export async function seedBoard(serverUrl: string, count: number) {
  const facilitator = await createWorkshop(serverUrl, 'Frames');
  const participant = await joinWorkshop(serverUrl, facilitator.workshop.code, 'Deelnemer');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${serverUrl.replace('http', 'ws')}/collab`,
    `${facilitator.workshop.id}/${boardDocKey(PLENARY_BOARD)}`,
    doc,
    {
      WebSocketPolyfill: authenticatingSocket(() => facilitator.token) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  provider.awareness.setLocalStateField('user', {
    id: facilitator.participant.id,
    name: facilitator.participant.name,
    color: presenceColor(facilitator.participant.id),
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  for (let i = 0; i < count; i += 100) {
    doc.transact(() => {
      for (let j = i; j < Math.min(count, i + 100); j++) {
        addNote(doc, {
          id: `f${j}`,
          sheetId: 'vel1',
          fieldId: null,
          x: 40 + ((j * 67) % 1080),
          y: 130 + ((j * 29) % 680),
          color: (['yellow', 'pink', 'blue', 'green'] as const)[j % 4] ?? 'yellow',
          text: `Notitie ${j}: welke studenten blijven achter en wat hebben zij nodig?`,
          authorId: facilitator.participant.id,
        });
      }
    });
    await new Promise((r) => setTimeout(r, 20));
  }
  // The server has everything once a second client sees every note.
  const check = new Y.Doc();
  const reader = new WebsocketProvider(
    `${serverUrl.replace('http', 'ws')}/collab`,
    `${facilitator.workshop.id}/${boardDocKey(PLENARY_BOARD)}`,
    check,
    {
      WebSocketPolyfill: authenticatingSocket(() => participant.token) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  const start = Date.now();
  while (check.getMap('notes').size < count && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 20));
  const seen = check.getMap('notes').size;
  reader.destroy();
  provider.destroy();
  if (seen < count) throw new Error(`the server kept ${seen} of ${count} notes`);
  return participant;
}

/** A browser context that opens the workshop as `session`'s person would: with their stored session, as after joining. */
export async function contextAs(
  browser: Browser,
  session: { readonly workshop: { readonly id: string } },
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    `dmc.session.${session.workshop.id}`,
    JSON.stringify(session),
  ] as const);
  return context;
}

/** Our canvas at each note count. */
export async function oursCanvas(counts: readonly number[], steps: number): Promise<CanvasRun[]> {
  // A board holds at most 600 notes; the in-process test server takes more for this measurement.
  const limits = LIMITS.recordsPerCollection as Record<string, number>;
  limits.notes = Math.max(limits.notes ?? 0, ...counts);
  const server = await startTestServer({ clientDir: CLIENT_DIR });
  const browser = await launchBrowser();
  const runs: CanvasRun[] = [];
  try {
    for (const count of counts) {
      const session = await seedBoard(server.url, count);
      const load = os.loadavg()[0] ?? NaN;
      const context = await contextAs(browser, session, { width: 1280, height: 800 });
      await context.addInitScript({
        content: firstRenderProbe(
          `window.__DMC__.notes().length === ${count} && window.Konva.stages.length > 0 && window.Konva.stages[0].find('.note').length > 0`,
        ),
      });
      const page = await context.newPage();
      if (process.env.BENCH_VERBOSE) page.on('pageerror', (e) => console.log('pageerror', e.message));
      if (process.env.BENCH_VERBOSE) page.on('console', (m) => console.log('console', m.text()));
      page.on('crash', () => console.warn(`ours-${count}: the page crashed`));
      await page.goto(`${server.url}/w/${session.workshop.id}`);
      const firstRenderMs = await firstRender(page);
      const g = await gestures(browser, page, steps, `ours-${count}`);
      runs.push({ notes: count, firstRenderMs, ...g, load });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return runs;
}

/** Builds the naive page into a temporary directory and serves it; returns its URL and a stop function. */
async function serveNaive(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-naive-'));
  await esbuild.build({
    entryPoints: [path.join(import.meta.dirname, 'naive', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(dir, 'naive.js'),
    logLevel: 'error',
  });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;overflow:hidden}</style></head>' +
      '<body><div id="root"></div><script type="module" src="/naive.js"></script></body></html>',
  );
  const server = http.createServer((req, res) => {
    const file = req.url?.startsWith('/naive.js') ? 'naive.js' : 'index.html';
    res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
    res.end(fs.readFileSync(path.join(dir, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(dir, { recursive: true, force: true });
      }),
  };
}

/** The naive react-konva page at each note count. */
export async function naiveCanvas(counts: readonly number[], steps: number, browser?: Browser): Promise<CanvasRun[]> {
  const naive = await serveNaive();
  const own = browser ?? (await launchBrowser());
  const runs: CanvasRun[] = [];
  try {
    for (const count of counts) {
      const load = os.loadavg()[0] ?? NaN;
      const context = await own.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript({
        content: firstRenderProbe(
          `window.Konva.stages.length > 0 && window.Konva.stages[0].getLayers()[0].getChildren().length === ${count + 1}`,
        ),
      });
      const page = await context.newPage();
      await page.goto(`${naive.url}/?notes=${count}`);
      const firstRenderMs = await firstRender(page);
      const g = await gestures(own, page, steps, `naive-${count}`);
      runs.push({ notes: count, firstRenderMs, ...g, load });
      await context.close();
    }
  } finally {
    if (!browser) await own.close();
    await naive.close();
  }
  return runs;
}
