/**
 * Server workloads of issue 14, ours against the reference y-websocket server
 * (@y/websocket-server 0.1.1, in memory) in the same run: rooms × clients, every client moving its
 * own note at a steady rate. Per workload: delivery latency p50/p95/p99 (from a move until one
 * other client of the room has it; every delivery counts), throughput (moves the server accepted
 * and relayed, per second), server CPU per accepted write (the child's utime + stime from /proc),
 * RSS idle and peak (VmHWM), and the time to connect and sync every client. Plus the stored bytes
 * of a document after 10,000 moves of 50 notes.
 *
 * Issue 13: the same workloads on 3 processes sharing PostgreSQL and Redis (clients spread
 * round-robin over the processes), and a capacity search — the participants each deployment holds
 * with p99 ≤ 100 ms — for one process, 3 processes and the reference. Skipped, with a printed
 * reason, when PostgreSQL or Redis cannot be reached.
 *
 * Ours runs with authentication, guards and the durable store on, as in production. Servers are
 * fresh child processes per workload; ours and the reference alternate which goes first.
 *
 * Standalone: `node --import tsx bench/serverLoad.ts`. Options (env): BENCH_SECONDS (per workload,
 * default 15), BENCH_WORKLOADS (e.g. "1x100@1,4x25@2"), BENCH_PROCESSES (default 3),
 * BENCH_SKIP_SCALEOUT=1, BENCH_CAPACITY (room size and rate, default "25@0.5"),
 * BENCH_CAPACITY_MAX (participants, default 1600), BENCH_CAPACITY_SECONDS (per step, default 8),
 * BENCH_CAPACITY_BUDGET_S (per deployment, default 240; 0 skips the search), BENCH_CPU_PROF=1
 * (servers write `--cpu-prof` profiles to bench/results/profiles), BENCH_SERVER_ENTRY (a server
 * bundle to run instead of server/dist/index.mjs, to compare builds).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { addNote, moveNote } from '@dmc/shared/doc/board';
import {
  disconnect,
  closes,
  connect,
  connectRooms,
  oneProcess,
  prepareRooms,
  reference,
  scaledProcesses,
  sharedServices,
  synced,
  waitUntil,
  type Deployment,
  type SharedServices,
} from './servers';
import { percentile } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
let SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Processes of the scaled deployment (issue 13: 3). */
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
/** The latency a live board must keep (issue 13: participants held at p99 ≤ 100 ms). */
export const P99_BUDGET_MS = 100;

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

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export interface WorkloadResult {
  p50: number;
  p95: number;
  p99: number;
  deliveries: number;
  writes: number;
  lost: number;
  /** Moves that reached another client (accepted, stored and relayed), per second of the run. */
  acceptedPerSecond: number;
  /** CPU per accepted write, summed over the deployment's processes (PostgreSQL and Redis not counted). */
  cpuMsPerWrite: number;
  connectMs: number;
  rssIdleMiB: number;
  rssPeakMiB: number;
  /** Share of one core this process (every client) used while writing: near 1, the clients were the limit. */
  clientCpuShare: number;
  /** The 1-minute load average at the end. */
  load: number;
}

/** Runs one workload against a fresh deployment: its clients spread round-robin over its processes. */
export async function runWorkload(deployment: Deployment, w: Workload, seconds = SECONDS): Promise<WorkloadResult> {
  const { servers } = deployment;
  const rssIdle = sum(servers.map((s) => s.status('VmRSS')));
  const rooms = await prepareRooms(deployment, w.rooms, w.clients);
  const connectStart = performance.now();
  const clients = connectRooms(deployment, rooms);
  await waitUntil(
    () => clients.every((rc) => rc.every((c) => c.provider.synced)),
    120_000,
    () => `connecting: ${JSON.stringify([...closes])}`,
  );
  const connectMs = performance.now() - connectStart;
  // Every client adds its own note; a move writes the sequence number into x.
  const sent = new Map<string, number>();
  const accepted = new Set<string>();
  let lastAcceptedAt = 0;
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
          const key = `${r}/${noteId}/${x}`;
          const start = sent.get(key);
          if (start === undefined) continue;
          const now = performance.now();
          latencies.push(now - start);
          deliveries++;
          if (!accepted.has(key)) {
            accepted.add(key);
            lastAcceptedAt = now;
          }
        }
      });
    });
  });
  await waitUntil(
    () => clients.every((rc) => rc.every((c) => c.doc.getMap('notes').size === rc.length)),
    60_000,
    () => `for every note: ${JSON.stringify([...closes])}`,
  );
  latencies.length = 0;
  deliveries = 0;
  let writes = 0;
  const cpuStart = sum(servers.map((s) => s.cpuSeconds()));
  const clientCpuStart = process.cpuUsage();
  const writeStart = performance.now();
  const end = writeStart + seconds * 1000;
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
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const clientCpu = process.cpuUsage(clientCpuStart);
  const clientCpuShare = (clientCpu.user + clientCpu.system) / 1000 / (performance.now() - writeStart);
  // Let the last moves arrive.
  const expected = () => writes * (w.clients - 1);
  await waitUntil(() => deliveries >= expected(), 10_000).catch(() => undefined);
  const cpu = sum(servers.map((s) => s.cpuSeconds())) - cpuStart;
  for (const t of timers) clearTimeout(t);
  const rssPeak = sum(servers.map((s) => s.status('VmHWM')));
  for (const c of clients.flat()) disconnect(c);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    deliveries,
    writes,
    lost: expected() - deliveries,
    acceptedPerSecond: accepted.size / (Math.max(1, lastAcceptedAt - writeStart) / 1000),
    cpuMsPerWrite: (cpu * 1000) / writes,
    connectMs,
    rssIdleMiB: rssIdle / 1024,
    rssPeakMiB: rssPeak / 1024,
    clientCpuShare,
    load: os.loadavg()[0] ?? Number.NaN,
  };
}

/** Runs a workload on a deployment started for it, and stops the deployment. */
async function runOnFresh(start: () => Promise<Deployment>, w: Workload, seconds = SECONDS): Promise<WorkloadResult> {
  const deployment = await start();
  try {
    return await runWorkload(deployment, w, seconds);
  } finally {
    await deployment.stop();
  }
}

/** How the capacity search runs. */
export interface CapacityOptions {
  /** Participants per workshop (room). */
  readonly roomSize: number;
  /** Moves per second per participant. */
  readonly rate: number;
  /** Seconds of writing per step. */
  readonly seconds: number;
  /** Rooms of the first step; each next step doubles them. */
  readonly firstRooms: number;
  /** No step beyond this many participants. */
  readonly maxParticipants: number;
  /** No new step after this long (ms). */
  readonly budgetMs: number;
}

/** One step of a capacity search. */
export interface CapacityStep {
  readonly participants: number;
  readonly result: WorkloadResult;
  readonly held: boolean;
}

/** The participants a deployment holds at p99 ≤ 100 ms, and why the search stopped. */
export interface Capacity {
  readonly held: number;
  /** `not held at N` (p99 over 100 ms or a delivery lost), `search limit N` or `time budget`. */
  readonly stoppedBy: string;
  readonly steps: CapacityStep[];
}

/**
 * Doubles the workshops (of `roomSize` people, each moving a note at `rate`) until p99 exceeds
 * 100 ms or a delivery is lost, then bisects twice between the last step held and the first not
 * held; bounded by `maxParticipants` and `budgetMs`. Each step runs on a fresh deployment.
 */
export async function capacitySearch(start: () => Promise<Deployment>, options: CapacityOptions): Promise<Capacity> {
  const began = Date.now();
  const steps: CapacityStep[] = [];
  const step = async (rooms: number): Promise<boolean> => {
    const w = { rooms, clients: options.roomSize, rate: options.rate };
    const result = await runOnFresh(start, w, options.seconds);
    const held = result.p99 <= P99_BUDGET_MS && result.lost === 0;
    steps.push({ participants: rooms * options.roomSize, result, held });
    console.log(
      `  ${rooms * options.roomSize} participants: p50 ${result.p50.toFixed(1)} / p99 ${result.p99.toFixed(1)} ms, ` +
        `${result.acceptedPerSecond.toFixed(0)} accepted/s, ${result.lost} lost, clients ${(result.clientCpuShare * 100).toFixed(0)}% ` +
        `of a core, load ${result.load.toFixed(2)} → ${held ? 'held' : 'not held'}`,
    );
    return held;
  };
  const overBudget = () => Date.now() - began > options.budgetMs;
  let good = 0;
  let bad = 0;
  let stoppedBy = '';
  for (let rooms = options.firstRooms; ; rooms *= 2) {
    if (rooms * options.roomSize > options.maxParticipants) {
      stoppedBy = `search limit ${options.maxParticipants}`;
      break;
    }
    if (overBudget()) {
      stoppedBy = 'time budget';
      break;
    }
    if (!(await step(rooms))) {
      bad = rooms;
      break;
    }
    good = rooms;
  }
  for (let i = 0; i < 2 && bad > good + 1 && !overBudget(); i++) {
    const mid = Math.floor((good + bad) / 2);
    if (await step(mid)) good = mid;
    else bad = mid;
  }
  if (bad) stoppedBy = `not held at ${bad * options.roomSize}`;
  return { held: good * options.roomSize, stoppedBy, steps };
}

/** Stored bytes of one board after `moves` moves of `notes` notes (50 clients, one note each). */
export async function storedAfterMoves(
  deployment: Deployment,
  notes = 50,
  moves = 10_000,
): Promise<{ logBytes: number; previousBytes: number; stateBytes: number; stateV2Bytes: number }> {
  const [{ room, sessions }] = await prepareRooms(deployment, 1, notes);
  const server = deployment.servers[0]!;
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
  for (const c of clients) disconnect(c);
  let logBytes = state.length;
  let previousBytes = 0;
  if (deployment.kind === 'ours' && server.dataDir) {
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
  /** The 1-minute load average when it was measured. */
  load?: number;
}

/** What serverWorkloads runs besides the issue-14 workloads. */
export interface ServerWorkloadOptions {
  readonly workloads?: readonly Workload[];
  readonly seconds?: number;
  readonly moves?: number;
  /** The same workloads on this many processes sharing PostgreSQL and Redis (0: none). */
  readonly processes?: number;
  /** The capacity search; false: none. */
  readonly capacity?: CapacityOptions | false;
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const latencies = (r: WorkloadResult) => `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.p99.toFixed(1)} ms`;
const perSecond = (r: WorkloadResult) => `${r.acceptedPerSecond.toFixed(0)}/s`;
const ms = (n: number) => `${n.toFixed(2)} ms`;

/** The capacity search of a full run: workshops of 25 people, each moving a note every 2 s. */
export function defaultCapacity(): CapacityOptions {
  const [size, rate] = (process.env.BENCH_CAPACITY ?? '25@0.5').split('@').map(Number);
  return {
    roomSize: size ?? 25,
    rate: rate ?? 0.5,
    seconds: Number(process.env.BENCH_CAPACITY_SECONDS ?? 8),
    firstRooms: 2,
    maxParticipants: Number(process.env.BENCH_CAPACITY_MAX ?? 1600),
    budgetMs: Number(process.env.BENCH_CAPACITY_BUDGET_S ?? 240) * 1000,
  };
}

/**
 * Every server workload, ours and the reference in the same run, then on several processes with
 * PostgreSQL and Redis, then the capacity search; returns table rows and raw results.
 */
export async function serverWorkloads(
  options: ServerWorkloadOptions = {},
): Promise<{ rows: ServerRow[]; results: Record<string, unknown> }> {
  const rows: ServerRow[] = [];
  const results: Record<string, unknown> = {};
  if (options.seconds !== undefined) SECONDS = options.seconds;
  const moves = options.moves ?? 10_000;
  const processes = options.processes ?? (process.env.BENCH_SKIP_SCALEOUT === '1' ? 0 : PROCESSES);
  let services: SharedServices | undefined;
  if (processes > 0) {
    const found = await sharedServices();
    if (typeof found === 'string')
      console.log(`\n*** Skipping the rows on ${processes} processes (PostgreSQL + Redis): ${found}\n`);
    else services = found;
  }
  const scaled = () => scaledProcesses(services!, processes);
  try {
    let oursFirst = true;
    for (const w of options.workloads ?? WORKLOADS) {
      const run: { ours?: WorkloadResult; reference?: WorkloadResult; scaled?: WorkloadResult } = {};
      for (const which of oursFirst ? (['ours', 'reference'] as const) : (['reference', 'ours'] as const))
        run[which] = await runOnFresh(which === 'ours' ? oneProcess : reference, w);
      oursFirst = !oursFirst;
      if (services) run.scaled = await runOnFresh(scaled, w);
      const a = run.ours!;
      const b = run.reference!;
      results[workloadName(w)] = { ...run, loadavg: fs.readFileSync('/proc/loadavg', 'utf8').trim() };
      const load = a.load;
      rows.push(
        {
          section: workloadName(w),
          metric: 'p50 / p95 / p99',
          ours: latencies(a),
          reference: latencies(b),
          ratio: `p99 ${ratio(a.p99, b.p99)}`,
          load,
        },
        {
          section: '',
          metric: 'accepted updates/s',
          ours: perSecond(a),
          reference: perSecond(b),
          ratio: ratio(a.acceptedPerSecond, b.acceptedPerSecond),
          load,
        },
        {
          section: '',
          metric: 'CPU per accepted write',
          ours: ms(a.cpuMsPerWrite),
          reference: ms(b.cpuMsPerWrite),
          ratio: ratio(a.cpuMsPerWrite, b.cpuMsPerWrite),
          load,
        },
        {
          section: '',
          metric: 'RSS idle / peak',
          ours: `${a.rssIdleMiB.toFixed(0)} / ${a.rssPeakMiB.toFixed(0)} MiB`,
          reference: `${b.rssIdleMiB.toFixed(0)} / ${b.rssPeakMiB.toFixed(0)} MiB`,
          ratio: `${ratio(a.rssIdleMiB, b.rssIdleMiB)} / ${ratio(a.rssPeakMiB, b.rssPeakMiB)}`,
          load,
        },
        {
          section: '',
          metric: `connect ${w.rooms * w.clients} clients`,
          ours: ms(a.connectMs),
          reference: ms(b.connectMs),
          ratio: ratio(a.connectMs, b.connectMs),
          load,
        },
        {
          section: '',
          metric: 'writes / lost deliveries',
          ours: `${a.writes} / ${a.lost}`,
          reference: `${b.writes} / ${b.lost}`,
          ratio: '',
          load,
        },
      );
      const c = run.scaled;
      if (c)
        rows.push(
          {
            section: '',
            metric: `${processes} processes: p50 / p95 / p99`,
            ours: latencies(c),
            reference: latencies(b),
            ratio: `p99 ${ratio(c.p99, b.p99)}`,
            load: c.load,
          },
          {
            section: '',
            metric: `${processes} processes: accepted updates/s`,
            ours: perSecond(c),
            reference: perSecond(b),
            ratio: ratio(c.acceptedPerSecond, b.acceptedPerSecond),
            load: c.load,
          },
          {
            section: '',
            metric: `${processes} processes: CPU per write (sum)`,
            ours: ms(c.cpuMsPerWrite),
            reference: ms(b.cpuMsPerWrite),
            ratio: ratio(c.cpuMsPerWrite, b.cpuMsPerWrite),
            load: c.load,
          },
          {
            section: '',
            metric: `${processes} processes: writes / lost`,
            ours: `${c.writes} / ${c.lost}`,
            reference: `${b.writes} / ${b.lost}`,
            ratio: '',
            load: c.load,
          },
        );
    }

    const capacity = options.capacity ?? defaultCapacity();
    if (capacity && capacity.budgetMs > 0) {
      const shape = `workshops of ${capacity.roomSize}, ${capacity.rate} moves/s each`;
      const search = async (name: string, start: () => Promise<Deployment>) => {
        console.log(`\nCapacity at p99 ≤ ${P99_BUDGET_MS} ms, ${name} (${shape}, ${capacity.seconds} s per step):`);
        return capacitySearch(start, capacity);
      };
      const found: Record<string, Capacity> = {};
      found.oneProcess = await search('1 process', oneProcess);
      if (services) found.scaled = await search(`${processes} processes, PostgreSQL + Redis`, scaled);
      found.reference = await search('reference', reference);
      results.capacity = { options: capacity, ...found };
      const held = (c: Capacity) => `${c.stoppedBy.startsWith('not') ? '' : '≥ '}${c.held} (${c.stoppedBy})`;
      const lastLoad = (c: Capacity) => c.steps.at(-1)?.result.load;
      rows.push({
        section: `participants held at p99 ≤ ${P99_BUDGET_MS} ms (${shape})`,
        metric: '1 process',
        ours: held(found.oneProcess),
        reference: held(found.reference),
        ratio: ratio(found.oneProcess.held, found.reference.held),
        load: lastLoad(found.oneProcess),
      });
      if (found.scaled)
        rows.push({
          section: '',
          metric: `${processes} processes, PostgreSQL + Redis`,
          ours: held(found.scaled),
          reference: held(found.reference),
          ratio: ratio(found.scaled.held, found.reference.held),
          load: lastLoad(found.scaled),
        });
    }
  } finally {
    await services?.drop();
  }

  const ours = await oneProcess();
  const ref = await reference();
  try {
    const s = await storedAfterMoves(ours, 50, moves);
    const t = await storedAfterMoves(ref, 50, moves);
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
    await ref.stop();
  }
  return { rows, results };
}

export function printServerRows(rows: readonly ServerRow[]): void {
  const widths = [34, 34, 28, 28, 14, 6];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ');
  console.log(`\n${line(['server workload', 'metric', 'ours', 'reference y-websocket', 'ratio', 'load'])}`);
  console.log('-'.repeat(150));
  for (const r of rows)
    console.log(line([r.section, r.metric, r.ours, r.reference, r.ratio, r.load?.toFixed(2) ?? '']));
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
