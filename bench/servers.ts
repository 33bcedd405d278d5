/**
 * What the server benchmarks share (bench/run.ts, bench/serverLoad.ts, bench/scaleOut.ts): our
 * server and the reference y-websocket server as child processes, deployments of one or several
 * processes, workshops with joined participants spread over the processes, and y-websocket
 * clients in this process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { PLENARY_BOARD, boardDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { presenceColor } from '@dmc/shared/protocol/presence';
import { authenticatingSocket, createWorkshop, freePort, joinWorkshop } from '../server/src/testing/harness';
import { spawnNodeServer, spawnOurServer, type ServerProcess } from '../server/src/testing/processes';
import {
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  freshPrefix,
  freshSchema,
  type TestPrefix,
  type TestSchema,
} from '../server/src/testing/services';

export type { ServerProcess } from '../server/src/testing/processes';

const ROOT = path.resolve(import.meta.dirname, '..');
// Every y-websocket provider adds a process exit listener; the benchmarks open many on purpose.
process.setMaxListeners(0);

/** `--cpu-prof` arguments when BENCH_CPU_PROF=1 (profiles in bench/results/profiles). */
export function profileArgs(name: string): string[] {
  if (process.env.BENCH_CPU_PROF !== '1') return [];
  const dir = path.join(ROOT, 'bench', 'results', 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`];
}

/**
 * Our server as a child process: the production bundle when built (what `npm start` runs;
 * BENCH_SERVER_ENTRY: another bundle), else the TypeScript sources; with authentication, guards and
 * a durable store as in production. Limits per address are raised: every bench client comes from
 * 127.0.0.1, real participants from their own addresses.
 */
export async function startOurs(env: Record<string, string> = {}, tag = 'ours'): Promise<ServerProcess> {
  const built = process.env.BENCH_SERVER_ENTRY ?? path.join(ROOT, 'server', 'dist', 'index.mjs');
  return spawnOurServer({
    ...(fs.existsSync(built) ? { entry: built } : {}),
    nodeArgs: profileArgs(tag),
    env: { RATE_LIMIT_PER_MINUTE: '100000', MAX_CONNECTIONS_PER_ADDRESS: '5000', ...env },
  });
}

/** The reference server, @y/websocket-server 0.1.1 (in memory, no authentication), as a child process. */
export async function startReference(): Promise<ServerProcess> {
  const port = await freePort();
  return spawnNodeServer(
    [...profileArgs('reference'), path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')],
    { PORT: String(port), HOST: '127.0.0.1' },
    port,
  );
}

/** Stops a server; SIGINT under BENCH_CPU_PROF=1 lets `--cpu-prof` write its profile (the reference has no SIGTERM handler). */
export async function stopServer(server: ServerProcess): Promise<void> {
  await server.stop(process.env.BENCH_CPU_PROF === '1' ? 'SIGINT' : 'SIGTERM');
}

/** One or several server processes measured together. */
export interface Deployment {
  /** `ours` (one process, embedded store), `scaled` (processes on PostgreSQL + Redis) or `reference`. */
  readonly kind: 'ours' | 'scaled' | 'reference';
  readonly servers: readonly ServerProcess[];
  stop(): Promise<void>;
}

/** One process of ours on the embedded store. */
export async function oneProcess(): Promise<Deployment> {
  const server = await startOurs();
  return { kind: 'ours', servers: [server], stop: () => stopServer(server) };
}

/** The reference server. */
export async function reference(): Promise<Deployment> {
  const server = await startReference();
  return { kind: 'reference', servers: [server], stop: () => stopServer(server) };
}

/** PostgreSQL and Redis for scaled deployments: a schema and a key prefix of the benchmark's own. */
export interface SharedServices {
  readonly schema: TestSchema;
  readonly prefix: TestPrefix;
  /** Every process of the run signs tokens with it. */
  readonly tokenSecret: string;
  drop(): Promise<void>;
}

/**
 * PostgreSQL and Redis (DMC_TEST_DATABASE_URL / DMC_TEST_REDIS_URL or the local defaults), or
 * the reason they cannot be used — the scale-out rows are then skipped with that reason.
 */
export async function sharedServices(): Promise<SharedServices | string> {
  let schema: TestSchema | undefined;
  try {
    schema = await freshSchema();
    const prefix = await freshPrefix();
    const created = schema;
    return {
      schema,
      prefix,
      tokenSecret: randomBytes(32).toString('hex'),
      async drop() {
        await created.drop();
        await prefix.drop();
      },
    };
  } catch (error) {
    await schema?.drop();
    return (error as Error).message;
  }
}

/** `count` fresh processes of ours on PostgreSQL and Redis. */
export async function scaledProcesses(services: SharedServices, count: number): Promise<Deployment> {
  const env = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: services.schema.name,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: services.prefix.prefix,
    TOKEN_SECRET: services.tokenSecret,
  };
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await startOurs(env, `scaled-${i + 1}`));
  } catch (error) {
    for (const server of servers) await stopServer(server);
    throw error;
  }
  return {
    kind: 'scaled',
    servers,
    stop: async () => {
      for (const server of servers) await stopServer(server);
    },
  };
}

/** A room and the people in it: joined sessions for ours, none for the reference. */
export interface PreparedRoom {
  readonly room: string;
  readonly sessions: readonly (SessionResponse | undefined)[];
}

/**
 * Rooms of `people` each: for ours a workshop per room (created on the processes in turn) with
 * people joined round-robin over the processes; for the reference, random room names.
 */
export async function prepareRooms(deployment: Deployment, rooms: number, people: number): Promise<PreparedRoom[]> {
  const out: PreparedRoom[] = [];
  const { servers } = deployment;
  for (let r = 0; r < rooms; r++) {
    if (deployment.kind === 'reference') {
      out.push({ room: `bench-${r}-${randomBytes(6).toString('hex')}`, sessions: Array(people).fill(undefined) });
      continue;
    }
    const created = await createWorkshop(servers[r % servers.length]!.url, `Benchmark ${r}`);
    const sessions: SessionResponse[] = [];
    for (let i = 0; i < people; i++)
      sessions.push(await joinWorkshop(servers[i % servers.length]!.url, created.workshop.code, `Deelnemer ${i + 1}`));
    out.push({ room: `${created.workshop.id}/${boardDocKey(PLENARY_BOARD)}`, sessions });
  }
  return out;
}

/** Close codes the clients saw, with their reasons (none expected). */
export const closes = new Map<string, number>();

/** One y-websocket client in this process. */
export interface BenchClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Which of the deployment's processes it is connected to. */
  readonly process: number;
}

/**
 * Connects a client to a room: to ours with the session's token (the first message), to the
 * reference without. Both relay the same presence: a name and a colour per client.
 */
export function connect(url: string, room: string, session?: SessionResponse, processIndex = 0): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}${session ? '/collab' : ''}`, room, doc, {
    WebSocketPolyfill: (session
      ? authenticatingSocket(() => session.token)
      : WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const id = session?.participant.id ?? `p${randomBytes(6).toString('hex')}`;
  const name = session?.participant.name ?? id;
  provider.awareness.setLocalStateField('user', { id, name, color: presenceColor(id) });
  provider.on('connection-close', (event: CloseEvent | null) => {
    const key = `${event?.code ?? '?'} ${event?.reason ?? ''}`;
    closes.set(key, (closes.get(key) ?? 0) + 1);
  });
  return { doc, provider, process: processIndex };
}

/**
 * Closes a client and frees it: the provider's awareness keeps a timer of its own (which would
 * hold the document, its observers and what they captured for the rest of the run).
 */
export function disconnect(client: BenchClient): void {
  client.provider.destroy();
  client.provider.awareness.destroy();
  client.doc.destroy();
}

/** Connects the people of prepared rooms, spread round-robin over the deployment's processes. */
export function connectRooms(deployment: Deployment, rooms: readonly PreparedRoom[]): BenchClient[][] {
  const { servers } = deployment;
  let next = 0;
  return rooms.map(({ room, sessions }) =>
    sessions.map((session) => {
      const index = next++ % servers.length;
      return connect(servers[index]!.url, room, session, index);
    }),
  );
}

/** Resolves once the client has synced with its server. */
export function synced(client: BenchClient): Promise<void> {
  return new Promise((resolve) => {
    if (client.provider.synced) return resolve();
    const handler = (state: boolean) => {
      if (!state) return;
      client.provider.off('sync', handler);
      resolve();
    };
    client.provider.on('sync', handler);
  });
}

/** Polls until `check` holds; fails after `timeoutMs`, saying what it waited for. */
export async function waitUntil(check: () => boolean, timeoutMs = 10_000, describe?: () => string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`benchmark timed out ${describe?.() ?? ''}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
