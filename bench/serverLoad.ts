/**
 * Server workloads of issue 14, ours against the reference y-websocket server
 * (@y/websocket-server 0.1.1, in memory) in the same run: rooms × clients, every client moving its
 * own note at a steady rate. Per workload: delivery latency p50/p95/p99 (from a move until one
 * other client of the room has it; every delivery counts), server CPU per accepted write (the
 * child's utime + stime from /proc), RSS idle and peak (VmHWM), and the time to connect and sync
 * every client. Plus the stored bytes of a document after 10,000 moves of 50 notes.
 *
 * Ours runs with authentication, guards and the durable file store on, as in production. Both
 * servers are fresh child processes per workload; ours and the reference alternate which goes first.
 *
 * Standalone: `node --import tsx bench/serverLoad.ts`. Options (env): BENCH_SECONDS (per workload,
 * default 15), BENCH_WORKLOADS (e.g. "1x100@1,4x25@2"), BENCH_CPU_PROF=1 (servers write
 * `--cpu-prof` profiles to bench/results/profiles), BENCH_SERVER_ENTRY (a server bundle to run
 * instead of server/dist/index.mjs, to compare builds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addNote, moveNote } from '@dmc/shared/doc/board';
import { PLENARY_BOARD, boardDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { presenceColor } from '@dmc/shared/protocol/presence';
import {
  authenticatingSocket,
  createWorkshop,
  freePort,
  joinWorkshop,
  tempDataDir,
} from '../server/src/testing/harness';
import { percentile } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
process.setMaxListeners(0);
let SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const TICKS_PER_SECOND = 100;

export interface Workload {
  readonly rooms: number;
  readonly clients: number;
  /** Moves per second per client. */
  readonly rate: number;
}

export const WORKLOADS: readonly Workload[] = parseWorkloads(
  process.env.BENCH_WORKLOADS ?? '4x25@2,20x30@0.5,1x100@1,40x25@0.2',
);

function parseWorkloads(spec: string): Workload[] {
  return spec.split(',').map((part) => {
    const m = /^(\d+)x(\d+)@([\d.]+)$/.exec(part.trim());
    if (!m) throw new Error(`bad workload ${part}`);
    return { rooms: Number(m[1]), clients: Number(m[2]), rate: Number(m[3]) };
  });
}

export const workloadName = (w: Workload) => `${w.rooms}×${w.clients} @${w.rate}/s`;

interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly dataDir?: string;
  status(field: 'VmRSS' | 'VmHWM'): number;
  /** Seconds of CPU the process used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export function profileArgs(name: string): string[] {
  if (process.env.BENCH_CPU_PROF !== '1') return [];
  const dir = path.join(ROOT, 'bench', 'results', 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`];
}

export async function startOurs(tag = 'ours'): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = tempDataDir();
  const built = process.env.BENCH_SERVER_ENTRY ?? path.join(ROOT, 'server', 'dist', 'index.mjs');
  const args = fs.existsSync(built) ? [built] : ['--import', 'tsx', 'server/src/index.ts'];
  return spawnServer(
    [...profileArgs(tag), ...args],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: path.join(dataDir, 'none'),
      RATE_LIMIT_PER_MINUTE: '100000',
      // Every bench client comes from 127.0.0.1; real participants come from their own addresses.
      MAX_CONNECTIONS_PER_ADDRESS: '5000',
    },
    port,
    dataDir,
  );
}

export async function startReference(): Promise<ServerProcess> {
  const port = await freePort();
  return spawnServer(
    [...profileArgs('reference'), path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')],
    { PORT: String(port), HOST: '127.0.0.1' },
    port,
  );
}

async function spawnServer(
  args: string[],
  env: Record<string, string>,
  port: number,
  dataDir?: string,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/running at/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    dataDir,
    status(field) {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    },
    cpuSeconds() {
      const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of the whole line (12 and 13 after the name).
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    },
    async stop() {
      // SIGINT lets --cpu-prof write its profile (the reference has no SIGTERM handler).
      child.kill(process.env.BENCH_CPU_PROF === '1' ? 'SIGINT' : 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Close codes the clients saw, with their reasons (none expected). */
export const closes = new Map<string, number>();

interface Client {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
}

function connect(url: string, room: string, session?: SessionResponse): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}${session ? '/collab' : ''}`, room, doc, {
    WebSocketPolyfill: (session
      ? authenticatingSocket(() => session.token)
      : WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // Both servers relay the same presence: a name and a colour per client.
  const id = session?.participant.id ?? `p${Math.random().toString(36).slice(2)}`;
  const name = session?.participant.name ?? id;
  provider.awareness.setLocalStateField('user', { id, name, color: presenceColor(id) });
  provider.on('connection-close', (event: CloseEvent | null) => {
    const key = `${event?.code ?? '?'} ${event?.reason ?? ''}`;
    closes.set(key, (closes.get(key) ?? 0) + 1);
  });
  return { doc, provider };
}

function synced(client: Client): Promise<void> {
  return new Promise((resolve) => {
    if (client.provider.synced) return resolve();
    const handler = (s: boolean) => {
      if (s) {
        client.provider.off('sync', handler);
        resolve();
      }
    };
    client.provider.on('sync', handler);
  });
}

async function waitUntil(check: () => boolean, timeoutMs = 30_000, describe?: () => string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`benchmark timed out ${describe?.() ?? ''}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function prepareRooms(
  server: ServerProcess,
  ours: boolean,
  w: Workload,
): Promise<Array<{ room: string; sessions: (SessionResponse | undefined)[] }>> {
  const out = [];
  for (let r = 0; r < w.rooms; r++) {
    if (!ours) {
      out.push({
        room: `bench-${r}-${Math.random().toString(36).slice(2)}`,
        sessions: Array(w.clients).fill(undefined),
      });
      continue;
    }
    const created = await createWorkshop(server.url, `Benchmark ${r}`);
    const sessions: SessionResponse[] = [];
    for (let i = 0; i < w.clients; i++)
      sessions.push(await joinWorkshop(server.url, created.workshop.code, `Deelnemer ${i + 1}`));
    out.push({ room: `${created.workshop.id}/${boardDocKey(PLENARY_BOARD)}`, sessions });
  }
  return out;
}

export interface WorkloadResult {
  p50: number;
  p95: number;
  p99: number;
  deliveries: number;
  writes: number;
  lost: number;
  cpuMsPerWrite: number;
  connectMs: number;
  rssIdleMiB: number;
  rssPeakMiB: number;
}

/** Runs one workload against a fresh server. */
export async function runWorkload(server: ServerProcess, ours: boolean, w: Workload): Promise<WorkloadResult> {
  const rssIdle = server.status('VmRSS');
  const rooms = await prepareRooms(server, ours, w);
  const connectStart = performance.now();
  const clients = rooms.map(({ room, sessions }) => sessions.map((s) => connect(server.url, room, s)));
  await Promise.race([
    Promise.all(clients.flat().map(synced)),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`clients did not connect: ${JSON.stringify([...closes])}`)), 120_000),
    ),
  ]);
  const connectMs = performance.now() - connectStart;
  // Every client adds its own note; a move writes the sequence number into x.
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let deliveries = 0;
  clients.forEach((roomClients, r) => {
    roomClients.forEach((c, i) => {
      const authorId = rooms[r]!.sessions[i]?.participant.id ?? `p${i}`;
      addNote(c.doc, {
        id: `n${i}`,
        sheetId: 'vel1',
        fieldId: 'doel',
        x: 0,
        y: 150,
        color: 'yellow',
        text: '',
        authorId,
      });
      c.doc.getMap('notes').observeDeep((events) => {
        for (const event of events) {
          if (event.transaction.local || event.path.length !== 1) continue;
          if (!(event as Y.YMapEvent<unknown>).keysChanged.has('x')) continue;
          const noteId = String(event.path[0]);
          const x = (event.target as Y.Map<unknown>).get('x');
          const start = sent.get(`${r}/${noteId}/${x}`);
          if (start === undefined) continue;
          latencies.push(performance.now() - start);
          deliveries++;
        }
      });
    });
  });
  await waitUntil(
    () => clients.every((rc) => rc.every((c) => c.doc.getMap('notes').size === rc.length)),
    60_000,
    () => JSON.stringify([...closes]),
  );
  latencies.length = 0;
  deliveries = 0;
  let writes = 0;
  const cpuStart = server.cpuSeconds();
  const end = performance.now() + SECONDS * 1000;
  const timers: NodeJS.Timeout[] = [];
  const period = 1000 / w.rate;
  clients.forEach((roomClients, r) =>
    roomClients.forEach((c, i) => {
      let seq = 0;
      const tick = () => {
        if (performance.now() >= end) return;
        seq++;
        sent.set(`${r}/n${i}/${seq}`, performance.now());
        moveNote(c.doc, `n${i}`, { x: seq, y: 150 + (seq % 400), fieldId: 'doel' });
        writes++;
        timers.push(setTimeout(tick, period * (0.5 + Math.random())));
      };
      // Spread the first moves over one period, so clients do not write in lockstep.
      timers.push(setTimeout(tick, Math.random() * period));
    }),
  );
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  // Let the last moves arrive.
  const expected = () => writes * (w.clients - 1);
  await waitUntil(() => deliveries >= expected(), 10_000).catch(() => undefined);
  const cpu = server.cpuSeconds() - cpuStart;
  for (const t of timers) clearTimeout(t);
  const rssPeak = server.status('VmHWM');
  for (const c of clients.flat()) c.provider.destroy();
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    deliveries,
    writes,
    lost: expected() - deliveries,
    cpuMsPerWrite: (cpu * 1000) / writes,
    connectMs,
    rssIdleMiB: rssIdle / 1024,
    rssPeakMiB: rssPeak / 1024,
  };
}

/** Stored bytes of one board after `moves` moves of `notes` notes (50 clients, one note each). */
export async function storedAfterMoves(
  server: ServerProcess,
  ours: boolean,
  notes = 50,
  moves = 10_000,
): Promise<{ logBytes: number; previousBytes: number; stateBytes: number; stateV2Bytes: number }> {
  const [{ room, sessions }] = await prepareRooms(server, ours, { rooms: 1, clients: notes, rate: 0 });
  const clients = sessions.map((s) => connect(server.url, room!, s));
  await Promise.all(clients.map(synced));
  clients.forEach((c, i) =>
    addNote(c.doc, {
      id: `m${i}`,
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 0,
      y: 150,
      color: 'yellow',
      text: `Notitie ${i}`,
      authorId: sessions[i]?.participant.id ?? `p${i}`,
    }),
  );
  const [probe] = clients;
  await waitUntil(() => probe!.doc.getMap('notes').size === notes, 60_000);
  const perClient = Math.ceil(moves / notes);
  // In rounds: every client moves its note once per round, within the per-connection rate limit.
  for (let round = 1; round <= perClient; round++) {
    clients.forEach((c, i) => moveNote(c.doc, `m${i}`, { x: round, y: 150 + (round % 300), fieldId: 'doel' }));
    await new Promise((r) => setTimeout(r, 15));
  }
  await waitUntil(
    () => clients.every((c) => (c.doc.getMap('notes').get(`m${notes - 1}`) as Y.Map<unknown>).get('x') === perClient),
    120_000,
  );
  const state = Y.encodeStateAsUpdate(probe!.doc);
  const stateV2 = Y.encodeStateAsUpdateV2(probe!.doc);
  for (const c of clients) c.provider.destroy();
  let logBytes = state.length;
  let previousBytes = 0;
  if (ours && server.dataDir) {
    const [workshopId, docKey] = room!.split('/');
    const file = path.join(server.dataDir, 'workshops', workshopId!, 'docs', `${docKey}.ylog`);
    logBytes = fs.statSync(file).size;
    previousBytes = fs.existsSync(`${file}.prev`) ? fs.statSync(`${file}.prev`).size : 0;
  }
  return { logBytes, previousBytes, stateBytes: state.length, stateV2Bytes: stateV2.length };
}

export interface ServerRow {
  section: string;
  metric: string;
  ours: string;
  reference: string;
  ratio: string;
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Every server workload, ours and the reference in the same run; returns table rows and raw results. */
export async function serverWorkloads(
  options: { workloads?: readonly Workload[]; seconds?: number; moves?: number } = {},
): Promise<{ rows: ServerRow[]; results: Record<string, unknown> }> {
  const rows: ServerRow[] = [];
  const results: Record<string, unknown> = {};
  if (options.seconds !== undefined) SECONDS = options.seconds;
  const moves = options.moves ?? 10_000;
  let oursFirst = true;
  for (const w of options.workloads ?? WORKLOADS) {
    const pair: { ours?: WorkloadResult; reference?: WorkloadResult } = {};
    for (const which of oursFirst ? ['ours', 'reference'] : ['reference', 'ours']) {
      const server = which === 'ours' ? await startOurs() : await startReference();
      try {
        pair[which as 'ours' | 'reference'] = await runWorkload(server, which === 'ours', w);
      } finally {
        await server.stop();
      }
    }
    oursFirst = !oursFirst;
    const a = pair.ours!;
    const b = pair.reference!;
    results[workloadName(w)] = { ...pair, loadavg: fs.readFileSync('/proc/loadavg', 'utf8').trim() };
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    const section = workloadName(w);
    rows.push({
      section,
      metric: 'p50 / p95 / p99',
      ours: `${a.p50.toFixed(1)} / ${a.p95.toFixed(1)} / ${a.p99.toFixed(1)} ms`,
      reference: `${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} / ${b.p99.toFixed(1)} ms`,
      ratio: `p99 ${ratio(a.p99, b.p99)}`,
    });
    rows.push({
      section: '',
      metric: 'CPU per accepted write',
      ours: ms(a.cpuMsPerWrite),
      reference: ms(b.cpuMsPerWrite),
      ratio: ratio(a.cpuMsPerWrite, b.cpuMsPerWrite),
    });
    rows.push({
      section: '',
      metric: 'RSS idle / peak',
      ours: `${a.rssIdleMiB.toFixed(0)} / ${a.rssPeakMiB.toFixed(0)} MiB`,
      reference: `${b.rssIdleMiB.toFixed(0)} / ${b.rssPeakMiB.toFixed(0)} MiB`,
      ratio: `${ratio(a.rssIdleMiB, b.rssIdleMiB)} / ${ratio(a.rssPeakMiB, b.rssPeakMiB)}`,
    });
    rows.push({
      section: '',
      metric: `connect ${w.rooms * w.clients} clients`,
      ours: ms(a.connectMs),
      reference: ms(b.connectMs),
      ratio: ratio(a.connectMs, b.connectMs),
    });
    rows.push({
      section: '',
      metric: 'writes / lost deliveries',
      ours: `${a.writes} / ${a.lost}`,
      reference: `${b.writes} / ${b.lost}`,
      ratio: '',
    });
  }
  const ours = await startOurs();
  const reference = await startReference();
  try {
    const s = await storedAfterMoves(ours, true, 50, moves);
    const t = await storedAfterMoves(reference, false, 50, moves);
    results.storedAfterMoves = { ours: s, reference: t };
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    rows.push({
      section: `stored, ${moves.toLocaleString('en')} moves of 50 notes`,
      metric: 'log (+ previous generation)',
      ours: `${kb(s.logBytes)} (+ ${kb(s.previousBytes)})`,
      reference: `${kb(t.stateBytes)} (in memory, V1)`,
      ratio: ratio(s.logBytes, t.stateBytes),
    });
    rows.push({
      section: '',
      metric: 'state V1 / V2',
      ours: `${kb(s.stateBytes)} / ${kb(s.stateV2Bytes)}`,
      reference: '',
      ratio: '',
    });
  } finally {
    await ours.stop();
    await reference.stop();
  }
  return { rows, results };
}

export function printServerRows(rows: readonly ServerRow[]): void {
  const widths = [34, 28, 28, 28, 14];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ');
  console.log(`\n${line(['server workload', 'metric', 'ours', 'reference y-websocket', 'ratio'])}`);
  console.log('-'.repeat(134));
  for (const r of rows) console.log(line([r.section, r.metric, r.ours, r.reference, r.ratio]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(`Server workloads, ${SECONDS} s each; load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
  const { rows, results } = await serverWorkloads();
  printServerRows(rows);
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench', 'results', 'server.json'),
    JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
  );
  process.exit(0);
}
