/**
 * `npm run bench`: measures what the issues name, against the reference y-websocket server
 * (@y/websocket-server 0.1.1) in the same run where a comparison makes sense. Prints a table and
 * writes bench/results/latest.json and docs/performance.md. Sections: sync latency under many
 * clients, join time for a big board, document growth, server memory, the JavaScript a participant's
 * browser fetches, the canvas (frame times while panning and zooming, first render; against a
 * naive react-konva page, bench/naive), phase-change latency. Every row carries the 1-minute load
 * average when it was measured: on a busy 2-core machine wall-clock numbers mean little without it.
 *
 * Server workloads of issue 14 (rooms × clients at a rate, CPU per write, RSS, connect time, the
 * stored log after 10,000 moves) and of issue 13 (the same workloads on 3 processes sharing
 * PostgreSQL and Redis, clients round-robin; the participants held at p99 ≤ 100 ms by 1 process,
 * 3 processes and the reference): bench/serverLoad.ts; BENCH_SKIP_WORKLOADS=1 skips them,
 * BENCH_SKIP_SCALEOUT=1 the 3-process rows, BENCH_SECONDS / BENCH_WORKLOADS / BENCH_CAPACITY_*
 * tune them, BENCH_CPU_PROF=1 runs every server with `--cpu-prof` (profiles in
 * bench/results/profiles). Without a reachable PostgreSQL and Redis the 3-process rows are skipped
 * with a printed reason. A run with any section skipped leaves docs/performance.md as it is.
 *
 * Options: `--quick` or BENCH_QUICK=1 (a small run for CI, so the benchmark cannot rot: fewer
 * clients and updates, the canvas at 200 notes only, no phase change; writes
 * bench/results/quick.json, not docs/performance.md), BENCH_CLIENTS (default 50), BENCH_UPDATES
 * (default 200), BENCH_CANVAS_NOTES (default 200,1000,2000), BENCH_SKIP_BROWSER=1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { addNote, moveNote, readNotes, setNoteText } from '@dmc/shared/doc/board';
import {
  disconnect,
  connect,
  oneProcess,
  prepareRooms,
  reference as referenceServer,
  synced,
  waitUntil,
  type Deployment,
} from './servers';
import { naiveCanvas, oursCanvas, type CanvasRun } from './canvasFrames';
import { phaseChangeLatency } from './phaseChange';
import { synthesisFirstRender } from './synthesisFirst';
import { percentile } from './stats';
import { serverWorkloads } from './serverLoad';
import { suggestClusters } from '@dmc/shared/domain/synthesis/cluster';
import { sampleClusterNotes } from '@dmc/shared/domain/synthesis/sampleNotes';
import { participantInitialJs, sizeOf, type JsSet } from './initialJs';

const ROOT = path.resolve(import.meta.dirname, '..');
// Every y-websocket provider adds a process exit listener; the benchmark runs many on purpose.
process.setMaxListeners(0);
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? (QUICK ? 10 : 50));
const UPDATES = Number(process.env.BENCH_UPDATES ?? (QUICK ? 30 : 200));
const JOIN_NOTES = QUICK ? 100 : 500;
const CANVAS_NOTES = (process.env.BENCH_CANVAS_NOTES ?? (QUICK ? '200' : '200,1000,2000')).split(',').map(Number);
const CANVAS_STEPS = QUICK ? 30 : 120;

/** One line of the table; `goal` says what issue 14 asks of it, `ratio` ours ÷ reference. */
type Row = {
  section: string;
  metric: string;
  ours: string;
  reference?: string;
  ratio?: string;
  goal?: string;
  load?: number;
};
const rows: Row[] = [];
/** The 1-minute load average now. */
const load = () => os.loadavg()[0] ?? Number.NaN;
/** Adds rows measured now, each with the load average. */
function push(...added: Row[]): void {
  const now = load();
  for (const row of added) rows.push({ load: now, ...row });
}
const ratio = (ours: number, reference: number) => `${(ours / reference).toFixed(2)}×`;
const results: Record<string, unknown> = {};

const ms = (n: number) => `${n.toFixed(2)} ms`;

/** Latency from one writer's edit until every other client has it. */
async function syncLatency(deployment: Deployment): Promise<{ p50: number; p95: number; max: number; rssKiB: number }> {
  const [{ room, sessions }] = await prepareRooms(deployment, 1, CLIENTS);
  const server = deployment.servers[0]!;
  const clients = sessions.map((s) => connect(server.url, room!, s));
  await Promise.all(clients.map(synced));
  const [writer, ...readers] = clients;
  if (!writer) throw new Error('no clients');
  const authorId = sessions[0]?.participant.id ?? 'writer';
  const latencies: number[] = [];
  addNote(writer.doc, {
    id: 'bench',
    sheetId: 'vel1',
    fieldId: 'doel',
    x: 50,
    y: 150,
    color: 'yellow',
    text: '',
    authorId,
  });
  await waitUntil(() => readers.every((r) => r.doc.getMap('notes').has('bench')));
  for (let i = 0; i < UPDATES; i++) {
    const text = `update ${i}`;
    const start = performance.now();
    const done = Promise.all(
      readers.map(
        (r) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (r.doc.getMap<Y.Map<unknown>>('notes').get('bench')?.get('text') === text) {
                r.doc.off('update', check);
                resolve();
              }
            };
            r.doc.on('update', check);
          }),
      ),
    );
    setNoteText(writer.doc, 'bench', text);
    await done;
    latencies.push(performance.now() - start);
    // Stay within the per-connection message rate a real person would never exceed.
    await new Promise((r) => setTimeout(r, 10));
  }
  const rssKiB = server.status('VmRSS');
  for (const c of clients) disconnect(c);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), rssKiB };
}

/** Time for a fresh client to receive a board of `notes` notes. */
async function joinTime(
  deployment: Deployment,
  notes: number,
): Promise<{ median: number; p95: number; docBytes: number }> {
  const [{ room, sessions }] = await prepareRooms(deployment, 1, 2);
  const server = deployment.servers[0]!;
  const seed = connect(server.url, room!, sessions[0]);
  await synced(seed);
  const authorId = sessions[0]?.participant.id ?? 'seed';
  for (let i = 0; i < notes; i += 50) {
    seed.doc.transact(() => {
      for (let j = i; j < Math.min(notes, i + 50); j++) {
        addNote(seed.doc, {
          id: `n${j}`,
          sheetId: j % 2 ? 'vel1' : 'vel2',
          fieldId: 'doel',
          x: (j * 37) % 1000,
          y: 150 + ((j * 53) % 600),
          color: 'yellow',
          text: `Notitie nummer ${j} met wat tekst over learning analytics`,
          authorId,
        });
      }
    });
    await new Promise((r) => setTimeout(r, 20));
  }
  const probe = connect(server.url, room!, sessions[1]);
  await waitUntil(() => probe.doc.getMap('notes').size === notes, 20_000);
  disconnect(probe);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    const c = connect(server.url, room!, sessions[1]);
    await waitUntil(() => c.doc.getMap('notes').size === notes, 20_000);
    times.push(performance.now() - start);
    disconnect(c);
  }
  const docBytes = Y.encodeStateAsUpdate(seed.doc).length;
  disconnect(seed);
  return { median: percentile(times, 50), p95: percentile(times, 95), docBytes };
}

/** How a board document grows through a realistic session of edits. */
function documentGrowth(): { notes: number; edits: number; stateBytes: number; perNoteBytes: number } {
  const doc = new Y.Doc();
  const notes = 150;
  let edits = 0;
  for (let i = 0; i < notes; i++) {
    addNote(doc, {
      id: `g${i}`,
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 10,
      y: 150,
      color: 'yellow',
      text: '',
      authorId: 'p',
    });
    // Typing, throttled: the text is written about every quarter second while someone types.
    const words = 'Welke studenten blijven achter en wat voor ondersteuning hebben zij nodig'.split(' ');
    for (let w = 1; w <= words.length; w++, edits++) setNoteText(doc, `g${i}`, words.slice(0, w).join(' '));
    // Each note is moved a few times (once per drag).
    for (let m = 0; m < 4; m++, edits++) moveNote(doc, `g${i}`, { x: 10 + m * 50, y: 150 + m * 20, fieldId: 'doel' });
  }
  const stateBytes = Y.encodeStateAsUpdate(doc).length;
  if (readNotes(doc).length !== notes) throw new Error('growth doc lost notes');
  return { notes, edits, stateBytes, perNoteBytes: stateBytes / notes };
}

/** Initial JavaScript the browser loads, gzipped. */
/** Suggesting clusters for 500 notes from five subgroups: median and worst of 7 runs (was a unit test). */
function clusteringTime(): { median: number; max: number } {
  const items = sampleClusterNotes(500);
  suggestClusters(items);
  const times: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = performance.now();
    suggestClusters(items);
    times.push(performance.now() - start);
  }
  return { median: percentile(times, 50), max: Math.max(...times) };
}

function bundleSize(): { files: number; rawKiB: number; gzipKiB: number } {
  const dist = path.join(ROOT, 'client', 'dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const { gzipKiB, rawKiB } = sizeOf(dist, scripts);
  return { files: scripts.length, rawKiB, gzipKiB };
}

async function main(): Promise<void> {
  console.log(
    `Benchmark${QUICK ? ' (quick)' : ''}: ${CLIENTS} clients, ${UPDATES} updates; node ${process.version}; ` +
      `${os.cpus().length} cores; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const ours = await oneProcess();
  const reference = await referenceServer();
  const rssKiB = (deployment: Deployment) => deployment.servers[0]!.status('VmRSS');
  try {
    const idleOurs = rssKiB(ours);
    const idleRef = rssKiB(reference);
    const a = await syncLatency(ours);
    const b = await syncLatency(reference);
    results.syncLatency = { ours: a, reference: b, clients: CLIENTS, updates: UPDATES };
    push(
      {
        section: `sync latency, ${CLIENTS} clients`,
        metric: 'p50',
        ours: ms(a.p50),
        reference: ms(b.p50),
        ratio: ratio(a.p50, b.p50),
      },
      { section: '', metric: 'p95', ours: ms(a.p95), reference: ms(b.p95), ratio: ratio(a.p95, b.p95) },
      { section: '', metric: 'max', ours: ms(a.max), reference: ms(b.max), ratio: ratio(a.max, b.max) },
      {
        section: 'server memory (RSS)',
        metric: 'idle',
        ours: `${(idleOurs / 1024).toFixed(1)} MiB`,
        reference: `${(idleRef / 1024).toFixed(1)} MiB`,
        ratio: ratio(idleOurs, idleRef),
      },
      {
        section: '',
        metric: `${CLIENTS} clients on a board`,
        ours: `${(a.rssKiB / 1024).toFixed(1)} MiB`,
        reference: `${(b.rssKiB / 1024).toFixed(1)} MiB`,
        ratio: ratio(a.rssKiB, b.rssKiB),
      },
    );

    const j = await joinTime(ours, JOIN_NOTES);
    const k = await joinTime(reference, JOIN_NOTES);
    results.joinTime = { ours: j, reference: k, notes: JOIN_NOTES };
    push(
      {
        section: `join a board of ${JOIN_NOTES} notes`,
        metric: 'median',
        ours: ms(j.median),
        reference: ms(k.median),
        ratio: ratio(j.median, k.median),
      },
      { section: '', metric: 'p95', ours: ms(j.p95), reference: ms(k.p95), ratio: ratio(j.p95, k.p95) },
      {
        section: '',
        metric: 'document size',
        ours: `${(j.docBytes / 1024).toFixed(1)} KiB`,
        reference: `${(k.docBytes / 1024).toFixed(1)} KiB`,
      },
    );
    const memAfter = rssKiB(ours);
    const refAfter = rssKiB(reference);
    push({
      section: 'server memory (RSS)',
      metric: 'after all benchmarks',
      ours: `${(memAfter / 1024).toFixed(1)} MiB`,
      reference: `${(refAfter / 1024).toFixed(1)} MiB`,
      ratio: ratio(memAfter, refAfter),
    });
  } finally {
    await ours.stop();
    await reference.stop();
  }

  // Issue 14's server workloads: fresh servers per workload, ours and the reference alternating.
  if (process.env.BENCH_SKIP_WORKLOADS !== '1') {
    // --quick: one tiny workload, and a capacity search of two tiny steps, so the code cannot rot.
    const w = await serverWorkloads(
      QUICK
        ? {
            workloads: [{ rooms: 1, clients: 10, rate: 1 }],
            seconds: 3,
            moves: 1000,
            capacity: { roomSize: 5, rate: 1, seconds: 2, firstRooms: 1, maxParticipants: 10, budgetMs: 60_000 },
          }
        : {},
    );
    results.serverWorkloads = w.results;
    const goals: Record<string, string> = {
      'p50 / p95 / p99': 'p99 ≤ 1.0×',
      'CPU per accepted write': '≤ 1.2×',
      'RSS idle / peak': '≤ 1.1×',
      'log (+ previous generation)': '≤ 100 KB',
    };
    push(
      ...w.rows.map((r) => ({
        ...r,
        goal: goals[r.metric] ?? (r.metric.startsWith('connect') ? '≤ 1.2×' : undefined),
      })),
    );
  }

  const g = documentGrowth();
  results.documentGrowth = g;
  const c = clusteringTime();
  results.clustering = c;
  push(
    { section: 'suggest clusters, 500 notes', metric: 'median / max of 7', ours: `${ms(c.median)} / ${ms(c.max)}` },
    {
      section: 'document growth',
      metric: `${g.notes} notes, ${g.edits} edits`,
      ours: `${(g.stateBytes / 1024).toFixed(1)} KiB (${g.perNoteBytes.toFixed(0)} B/note)`,
    },
  );

  if (fs.existsSync(path.join(ROOT, 'client', 'dist', 'index.html'))) {
    const s = bundleSize();
    results.bundle = s;
    push({
      section: 'JS in index.html (production build)',
      metric: `${s.files} file(s)`,
      ours: `${s.gzipKiB.toFixed(1)} KiB gzip (${s.rawKiB.toFixed(0)} KiB raw)`,
    });
  }
  if (process.env.BENCH_SKIP_BROWSER !== '1') await browserSections();

  const widths = [36, 34, 30, 30, 14, 16, 6];
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join(' ');
  console.log(`\n${line(['section', 'metric', 'ours', 'reference / naive page', 'ratio', 'goal', 'load'])}`);
  console.log('-'.repeat(172));
  for (const r of rows)
    console.log(
      line([r.section, r.metric, r.ours, r.reference ?? '', r.ratio ?? '', r.goal ?? '', r.load?.toFixed(2) ?? '']),
    );
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench', 'results', QUICK ? 'quick.json' : 'latest.json'),
    JSON.stringify({ date: new Date().toISOString(), quick: QUICK, rows, results }, null, 2),
  );
  // Only a complete run replaces docs/performance.md: a run with sections skipped would drop their rows.
  const skipped = ['BENCH_SKIP_BROWSER', 'BENCH_SKIP_WORKLOADS', 'BENCH_SKIP_SCALEOUT'].filter(
    (name) => process.env[name] === '1',
  );
  if (!QUICK && skipped.length === 0) fs.writeFileSync(path.join(ROOT, 'docs', 'performance.md'), performanceDoc());
  else if (!QUICK) console.log(`\ndocs/performance.md left as it is (${skipped.join(', ')} set); rows in latest.json`);
  process.exit(0);
}

/** The sections that drive Chromium: the canvas against the naive page, the JS fetched, phase changes. */
async function browserSections(): Promise<void> {
  const ourRuns = await oursCanvas(CANVAS_NOTES, CANVAS_STEPS);
  const naiveRuns = await naiveCanvas(CANVAS_NOTES, CANVAS_STEPS);
  results.canvas = { ours: ourRuns, naive: naiveRuns, steps: CANVAS_STEPS };
  const frameGoal: Record<number, string> = { 200: '≤ 8 ms', 1000: '≤ 16.7 ms', 2000: '≤ 25 ms' };
  const pair = (x: { p50: number; p95: number }) => `${ms(x.p50)} / ${ms(x.p95)}`;
  for (const run of ourRuns) {
    const naive = naiveRuns.find((n) => n.notes === run.notes);
    const row = (metric: string, pick: (r: CanvasRun) => { p50: number; p95: number }, goal?: string): Row => ({
      section: '',
      metric,
      ours: pair(pick(run)),
      reference: naive ? pair(pick(naive)) : '',
      ratio: naive ? ratio(pick(run).p95, pick(naive).p95) : '',
      goal,
      load: run.load,
    });
    rows.push(
      {
        ...row('pan, frame CPU p50 / p95', (r) => r.pan, `p95 ${frameGoal[run.notes] ?? ''}`),
        section: `canvas, ${run.notes} notes`,
      },
      row('zoom, frame CPU p50 / p95', (r) => r.zoom, `p95 ${frameGoal[run.notes] ?? ''}`),
      row('pan, frame wall p50 / p95', (r) => ({ p50: r.pan.wallP50, p95: r.pan.wallP95 })),
      row('zoom, frame wall p50 / p95', (r) => ({ p50: r.zoom.wallP50, p95: r.zoom.wallP95 })),
      {
        section: '',
        metric: 'full redraw (median of 10)',
        ours: ms(run.redrawMs),
        reference: naive ? ms(naive.redrawMs) : '',
        ratio: naive ? ratio(run.redrawMs, naive.redrawMs) : '',
        load: run.load,
      },
      {
        section: '',
        metric: 'first render (from navigation)',
        ours: ms(run.firstRenderMs),
        reference: naive ? `${ms(naive.firstRenderMs)} (static page)` : '',
        goal: run.notes === 1000 ? '≤ 1000 ms' : undefined,
        load: run.load,
      },
    );
  }
  if (fs.existsSync(path.join(ROOT, 'client', 'dist', 'index.html'))) {
    const js = await participantInitialJs();
    results.initialJs = js;
    const kB = (set: JsSet) => `${((set.gzipKiB * 1024) / 1000).toFixed(1)} KB`;
    rows.push(
      {
        section: 'JS a participant’s browser fetches',
        metric: `until the board is on screen, ${js.firstScreen.files.length} files`,
        ours: `${js.firstScreen.gzipKiB.toFixed(1)} KiB gzip = ${kB(js.firstScreen)} (${js.firstScreen.rawKiB.toFixed(0)} KiB raw)`,
        goal: '≤ 300 KB gzip',
        load: js.load,
      },
      {
        section: '',
        metric: `ahead of need, in idle time, ${js.aheadOfNeed.files.length} files`,
        ours: `${js.aheadOfNeed.gzipKiB.toFixed(1)} KiB gzip`,
        load: js.load,
      },
    );
  }
  const synthesis = QUICK ? await synthesisFirstRender(2, 50) : await synthesisFirstRender(6, 300);
  results.synthesis = synthesis;
  rows.push(
    {
      section: `synthesis, ${synthesis.groups} groups × ${synthesis.perGroup} notes`,
      metric: 'first field’s columns (from navigation)',
      ours: ms(synthesis.firstFieldMs),
      goal: '≤ 1500 ms',
      load: synthesis.load,
    },
    {
      section: '',
      metric: '“next field” until its columns show',
      ours: ms(synthesis.nextFieldMs),
      goal: '≤ 200 ms',
      load: synthesis.load,
    },
  );
  if (QUICK) return;
  const p = await phaseChangeLatency(6);
  results.phaseChange = p;
  const pct = (values: readonly number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;
  push(
    { section: 'phase change, 6 participants', metric: 'first change p50 / p95', ours: pct(p.first) },
    { section: '', metric: 'later changes p50 / p95', ours: pct(p.later) },
    { section: '', metric: 'silent-note reveal p50 / p95', ours: pct(p.reveal) },
  );
}

/** docs/performance.md: how to read the numbers, and the table of this run. */
function performanceDoc(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const table = rows
    .map(
      (r) =>
        `| ${[r.section, r.metric, r.ours, r.reference ?? '', r.ratio ?? '', r.goal ?? '', r.load?.toFixed(2) ?? '']
          .map(cell)
          .join(' | ')} |`,
    )
    .join('\n');
  return `# Performance

Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: node ${process.version},
${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), headless Chromium with software rendering.
Every row carries the 1-minute load average when it was measured; wall-clock numbers on a loaded
machine are mostly waiting for a core. Run it again on a quiet machine before comparing releases.

How to read it:

- **Reference**: the plain y-websocket server (\`@y/websocket-server\`) for the server rows; for the
  canvas rows a naive react-konva page (bench/naive/main.ts: one layer, a group, paper and
  wrapped text per note, the stage dragged and scaled; no culling or caching), served by the
  benchmark itself. **Ratio** is ours ÷ reference (of p95 where there are two numbers).
- **Frame CPU**: the browser main thread's CPU time per frame that handled a pan or zoom step, from
  a Chromium trace (the frame's task and the input tasks before it). **Frame wall**: the same
  frames by the page's own clock, waiting for the CPU included.
- **First render**: from navigation until the frame after every note is on the canvas (ours loads
  the app and syncs the board over the websocket; the naive page has its notes built in).
- **JS a participant's browser fetches**: the production build that \`npm start\` serves, a participant
  opening an empty board: the JavaScript the page requested before the board's canvas was on the
  page, and what it fetched afterwards in idle time (the parts loaded on demand, fetched ahead of
  need so that they open offline); the page's resource timing, sizes at gzip level 9
  (bench/initialJs.ts).
- **Synthesis**: 6 subgroup boards of 300 notes each (written through the test harness, spread
  over five fields), the facilitator opens the workshop in the synthesis phase: from navigation
  until the frame after the first field's columns hold every note of that field; then from a click
  on "next field" until that field's columns are complete (bench/synthesisFirst.ts).
- **Phase change**: six participants' pages in Chromium (two subgroups, 1024×768), the session's
  phase changed from Node through the script from the welcome to the actions; a change counts when
  a participant's screen has *painted* the phase banner with the new phase (a user-blocking task
  posted from the animation frame that draws it), the reveal when every silently written note of
  the page is on the board, public (bench/phaseChange.ts).

| Section | Metric | Ours | Reference / naive page | Ratio | Goal (issue 14) | Load |
|---|---|---|---|---|---|---|
${table}
`;
}

await main();
