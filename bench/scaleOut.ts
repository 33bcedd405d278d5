/**
 * `npm run bench:scaleout`: the same sync-latency workload as `npm run bench`, on server processes
 * sharing PostgreSQL and Redis (issue 13), beside one process on the embedded store. One writer on
 * the first process edits a note; readers are spread round-robin over the processes; each edit's
 * latency is measured until every reader has it, split into readers on the writer's process and
 * readers on another process (the Redis hop). Prints a table; writes bench/results/scaleout.json.
 *
 * Needs a running PostgreSQL and Redis: DMC_TEST_DATABASE_URL / DMC_TEST_REDIS_URL, or the local
 * defaults. Options (env): BENCH_PROCESSES (default 2), BENCH_CLIENTS (default 50), BENCH_UPDATES
 * (default 200), BENCH_STEPS (e.g. `50,100,200`: participant counts to try, reporting the largest
 * each deployment holds at p99 ≤ 100 ms; default: BENCH_CLIENTS only). A schema and a key prefix
 * of its own are created and removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import { addNote, setNoteText } from '@dmc/shared/doc/board';
import {
  disconnect,
  connectRooms,
  oneProcess,
  prepareRooms,
  scaledProcesses,
  sharedServices,
  synced,
  type BenchClient,
  type Deployment,
} from './servers';
import { P99_BUDGET_MS } from './serverLoad';
import { percentile } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 2);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 200);
const STEPS = (process.env.BENCH_STEPS ?? String(CLIENTS)).split(',').map(Number);

/** Resolves when the note's text on this client is `text`. */
function arrival(client: BenchClient, text: string): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.doc.getMap<Y.Map<unknown>>('notes').get('bench')?.get('text') !== text) return;
      client.doc.off('update', check);
      resolve(performance.now());
    };
    client.doc.on('update', check);
    check();
  });
}

interface Latencies {
  sameProcess: number[];
  otherProcess: number[];
  all: number[];
}

/** The workload on a deployment: one writer on its first process, readers round-robin. */
async function measure(deployment: Deployment, clientCount: number): Promise<Latencies> {
  const rooms = await prepareRooms(deployment, 1, clientCount);
  const sessions = rooms[0]!.sessions;
  const clients = connectRooms(deployment, rooms)[0]!;
  await Promise.all(clients.map(synced));
  const [writer, ...readers] = clients;
  addNote(writer!.doc, {
    id: 'bench',
    sheetId: 'vel1',
    fieldId: 'doel',
    x: 50,
    y: 150,
    color: 'yellow',
    text: 'start',
    authorId: sessions[0]!.participant.id,
  });
  await Promise.all(readers.map((r) => arrival(r, 'start')));
  const result: Latencies = { sameProcess: [], otherProcess: [], all: [] };
  for (let i = 0; i < UPDATES; i++) {
    const text = `update ${i}`;
    const arrivals = readers.map((r) => arrival(r, text).then((at) => [r, at] as const));
    const start = performance.now();
    setNoteText(writer!.doc, 'bench', text);
    let last = 0;
    for (const [reader, at] of await Promise.all(arrivals)) {
      const latency = at - start;
      (reader.process === writer!.process ? result.sameProcess : result.otherProcess).push(latency);
      last = Math.max(last, latency);
    }
    result.all.push(last);
    // Stay within the per-connection message rate a real person would never exceed.
    await new Promise((r) => setTimeout(r, 10));
  }
  for (const c of clients) disconnect(c);
  return result;
}

function summary(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
  };
}

const fmt = (s: { p50: number; p95: number; p99: number }) =>
  `${s.p50.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.p99.toFixed(2)} ms`;

async function main(): Promise<void> {
  const services = await sharedServices();
  if (typeof services === 'string') throw new Error(services);
  const started: Deployment[] = [];
  try {
    const embedded = await oneProcess();
    started.push(embedded);
    const single: Latencies[] = [];
    for (const step of STEPS) single.push(await measure(embedded, step));
    await embedded.stop();

    const scaled = await scaledProcesses(services, PROCESSES);
    started.push(scaled);
    const scaledSteps: Latencies[] = [];
    for (const step of STEPS) scaledSteps.push(await measure(scaled, step));

    const steps = STEPS.map((clients, i) => ({
      clients,
      embeddedOneProcess: summary(single[i]!.all),
      scaleOut: {
        everyReader: summary(scaledSteps[i]!.all),
        readersOnWritersProcess: summary(scaledSteps[i]!.sameProcess),
        readersOnOtherProcesses: summary(scaledSteps[i]!.otherProcess),
      },
    }));
    const held = (pick: (step: (typeof steps)[number]) => { p99: number }) =>
      Math.max(0, ...steps.filter((step) => pick(step).p99 <= P99_BUDGET_MS).map((step) => step.clients));
    const results = {
      date: new Date().toISOString(),
      node: process.version,
      updates: UPDATES,
      processes: PROCESSES,
      steps,
      heldAtP99Within100ms: {
        embeddedOneProcess: held((step) => step.embeddedOneProcess),
        scaleOut: held((step) => step.scaleOut.everyReader),
      },
    };
    for (const step of steps) {
      console.log(`\nSync latency, ${step.clients} clients, ${UPDATES} edits (p50 / p95 / p99):`);
      console.log(`  1 process, embedded store, every reader:          ${fmt(step.embeddedOneProcess)}`);
      console.log(`  ${PROCESSES} processes, PostgreSQL + Redis, every reader:   ${fmt(step.scaleOut.everyReader)}`);
      console.log(`    readers on the writer's process:                ${fmt(step.scaleOut.readersOnWritersProcess)}`);
      console.log(`    readers on another process (cross-process):     ${fmt(step.scaleOut.readersOnOtherProcesses)}`);
    }
    if (STEPS.length > 1)
      console.log(
        `\nParticipants on one board held at p99 ≤ ${P99_BUDGET_MS} ms (of ${STEPS.join(', ')}): ` +
          `1 process ${results.heldAtP99Within100ms.embeddedOneProcess}, ` +
          `${PROCESSES} processes ${results.heldAtP99Within100ms.scaleOut}`,
      );
    fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'scaleout.json'), JSON.stringify(results, null, 2));
  } finally {
    for (const deployment of started) await deployment.stop();
    await services.drop();
  }
}

await main();
process.exit(0);
