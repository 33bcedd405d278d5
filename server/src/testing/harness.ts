import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreateWorkshopResponse, SessionResponse } from '@dmc/shared/protocol/api';
import { PLENARY_BOARD, SESSION_DOC, boardDocKey } from '@dmc/shared/protocol/api';
import { assignMembers, putGroup, readMembers, updateFlow } from '@dmc/shared/doc/session';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { GROUP_COLORS } from '@dmc/shared/domain/session';
import { COLLAB_PATH, MESSAGE, SYNC, encodeAuthMessage } from '@dmc/shared/protocol/messages';
import * as encoding from 'lib0/encoding';
import { presenceColor } from '@dmc/shared/protocol/presence';
import { startServer, type RunningServer, type ServerStores } from '../server';
import type { ServerConfig } from '../config';
import type { DocumentLog, DocumentStore } from '../persistence/types';

/**
 * Test helpers: a real server on a random port with its own data directory, and real y-websocket
 * clients talking to it. Nothing here is mocked.
 */

// Every y-websocket provider in Node adds a process 'exit' listener; tests open many on purpose.
process.setMaxListeners(0);

/** A fresh, empty data directory. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-test-'));
}

/** Starts the real server on 127.0.0.1 and a free port. */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  stores: ServerStores = {},
): Promise<RunningServer & { dataDir: string }> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      workshopTtlDays: 30,
      durability: 'process',
      tokenSecret: undefined,
      clientDir: path.join(dataDir, 'no-client'),
      idleUnloadMs: 200,
      compactAfterRecords: 500,
      trustProxy: false,
      rateLimitPerMinute: 120,
      ...overrides,
    },
    stores,
  );
  return Object.assign(server, { dataDir });
}

/**
 * Starts the test server with its document store wrapped (a full disk, a compaction held back: see
 * InterceptedDocuments); resolves with the server and the wrapper the test steers.
 */
export async function startServerWithDocuments<D extends DocumentStore>(
  wrap: (embedded: DocumentStore) => D,
  overrides: Partial<ServerConfig> = {},
): Promise<{ server: RunningServer & { dataDir: string }; documents: D }> {
  let documents: D | undefined;
  const server = await startTestServer(overrides, { documents: (embedded) => (documents = wrap(embedded)) });
  if (!documents) throw new Error('the server did not open its document store');
  return { server, documents };
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** POSTs JSON and returns status and parsed body. */
export async function postJson<T = unknown>(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Creates a workshop through the API. */
export async function createWorkshop(baseUrl: string, title = 'Testworkshop'): Promise<CreateWorkshopResponse> {
  const res = await postJson<CreateWorkshopResponse>(`${baseUrl}/api/workshops`, { title });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Joins a workshop by code through the API. */
export async function joinWorkshop(baseUrl: string, code: string, name: string): Promise<SessionResponse> {
  const res = await postJson<SessionResponse>(`${baseUrl}/api/join`, { code, name });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The websocket base URL of a server. */
export function collabUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`;
}

/** A real y-websocket client on a board. */
export interface BoardClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly session: SessionResponse;
  /** Resolves with the close event when the server closes the connection for good (44xx). */
  readonly closed: Promise<{ code: number; reason: string }>;
  synced(): Promise<void>;
  destroy(): void;
}

/** Connects a y-websocket client to a board of the session's workshop. */
export function connectBoard(baseUrl: string, session: SessionResponse, board = PLENARY_BOARD): BoardClient {
  return connectDoc(baseUrl, session, boardDocKey(board));
}

/** Connects a y-websocket client to any document of the session's workshop. */
export function connectDoc(baseUrl: string, session: SessionResponse, docKey: string): BoardClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl(baseUrl), `${session.workshop.id}/${docKey}`, doc, {
    WebSocketPolyfill: authenticatingSocket(() => session.token) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  provider.awareness.setLocalStateField('user', {
    id: session.participant.id,
    name: session.participant.name,
    color: presenceColor(session.participant.id),
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    provider.on('closed', (event) => resolve(event)),
  );
  return {
    doc,
    provider,
    session,
    closed,
    synced: () =>
      new Promise<void>((resolve) => {
        if (provider.synced) return resolve();
        const handler = (state: boolean) => {
          if (!state) return;
          provider.off('sync', handler);
          resolve();
        };
        provider.on('sync', handler);
      }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * Resolves once the server has handled everything this client sent before and this client has
 * received everything the server sent it before: a sync step 1 on the client's own socket is
 * answered in order, after all earlier messages. The sentinel for "this did not arrive" checks.
 */
export async function flush(client: BoardClient): Promise<void> {
  const ws = client.provider.ws as unknown as WebSocket | null;
  if (!ws || ws.readyState !== WebSocket.OPEN) throw new Error('flush needs a connected client');
  await new Promise<void>((resolve) => {
    // The provider asks for ArrayBuffers.
    const onMessage = (data: Buffer | ArrayBuffer) => {
      const bytes =
        data instanceof ArrayBuffer
          ? new Uint8Array(data)
          : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (bytes[0] !== MESSAGE.sync || bytes[1] !== SYNC.step2) return;
      ws.off('message', onMessage);
      resolve();
    };
    ws.on('message', onMessage);
    ws.send(syncMessage(SYNC.step1, Y.encodeStateVector(client.doc)));
  });
}

/** A y-websocket sync message (step 1, step 2 or update) around a payload, for hand-made traffic. */
export function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Waits until `check` returns true, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Sends an authorised JSON request and returns status and body. */
export async function requestJson<T = unknown>(
  method: string,
  url: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/**
 * A `ws` WebSocket class whose first message is the auth message with the current token, as the
 * browser client's. The 'open' listener is added in the constructor, before the y-websocket
 * provider assigns `onopen`, so it runs first.
 */
export function authenticatingSocket(token: () => string) {
  return class AuthenticatingSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.on('open', () => this.send(encodeAuthMessage(token())));
    }
  };
}

/** A raw websocket to a document, for sending hand-made messages; authenticated unless `token` is null. */
export async function rawSocket(
  baseUrl: string,
  workshopId: string,
  docKey: string,
  token: string | null,
): Promise<RawSocket> {
  const ws = new WebSocket(`${collabUrl(baseUrl)}/${workshopId}/${docKey}`);
  if (token !== null) ws.once('open', () => ws.send(encodeAuthMessage(token)));
  const messages: Uint8Array[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, messages, closed };
}

/** A raw websocket and what it received. */
export interface RawSocket {
  readonly ws: WebSocket;
  readonly messages: Uint8Array[];
  readonly closed: Promise<{ code: number; reason: string }>;
}

/**
 * Load, not synchronisation: calls `step(n)` every `intervalMs` (n = 0, 1, …) until it has run
 * `count` times or returns false — a steady stream of edits while a test restarts or kills servers.
 */
export function paced(count: number, intervalMs: number, step: (n: number) => boolean | void): Promise<void> {
  return new Promise((resolve) => {
    let n = 0;
    const tick = () => {
      if (n >= count || step(n++) === false || n >= count) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, intervalMs);
    tick();
  });
}

/** A workshop made through the API, everyone in its session document. */
export interface SeededWorkshop {
  readonly facilitator: CreateWorkshopResponse;
  /** The participants, in the order of the names they joined with. */
  readonly participants: SessionResponse[];
  /** The facilitator's session document, synced, with every participant a member. */
  readonly sessionDoc: BoardClient;
}

/** Creates a workshop, joins one participant per name and connects the facilitator's session document. */
export async function seedWorkshop(baseUrl: string, title: string, names: readonly string[]): Promise<SeededWorkshop> {
  const facilitator = await createWorkshop(baseUrl, title);
  const participants: SessionResponse[] = [];
  for (const name of names) participants.push(await joinWorkshop(baseUrl, facilitator.workshop.code, name));
  const sessionDoc = connectDoc(baseUrl, facilitator, SESSION_DOC);
  await sessionDoc.synced();
  await waitFor(() => readMembers(sessionDoc.doc).length === names.length + 1, 'everyone in the session');
  return { facilitator, participants, sessionDoc };
}

/** A subgroup for placeInGroups: its id, its name and who is in it. */
export interface GroupSeed {
  readonly id: string;
  readonly name: string;
  readonly members?: readonly SessionResponse[];
}

/**
 * Puts subgroups (in the order given, coloured from the facilitator's palette) on the session
 * document and places their members; resolves once the server knows every placement.
 */
export async function placeInGroups(
  server: RunningServer,
  sessionDoc: BoardClient,
  groups: readonly GroupSeed[],
): Promise<void> {
  const placements = groups.flatMap(({ id, members = [] }) => members.map((session) => [session, id] as const));
  groups.forEach(({ id, name }, order) =>
    putGroup(sessionDoc.doc, { id, name, color: GROUP_COLORS[order % GROUP_COLORS.length], order }),
  );
  assignMembers(sessionDoc.doc, new Map(placements.map(([session, groupId]) => [session.participant.id, groupId])));
  const workshopId = sessionDoc.session.workshop.id;
  await waitFor(
    () =>
      placements.every(
        ([session, groupId]) => server.workflow.membership(workshopId, session.participant.id).groupId === groupId,
      ),
    'the subgroups on the server',
  );
}

/** Moves the workshop to a phase through the facilitator's session document; resolves once the server is in it. */
export async function setPhaseOnServer(
  server: RunningServer,
  sessionDoc: BoardClient,
  phaseId: PhaseId,
): Promise<void> {
  const workshopId = sessionDoc.session.workshop.id;
  updateFlow(sessionDoc.doc, { phaseId, phaseStartedAt: Date.now() });
  await waitFor(() => server.workflow.state(workshopId)?.phaseId === phaseId, `phase ${phaseId} on the server`);
}

/** A note as addNote takes it, for the persistence tests: green, in the data field of sheet 2. */
export function persistedNote(id: string, authorId: string, text = `tekst ${id}`) {
  return { id, sheetId: 'vel2', fieldId: 'data', x: 40, y: 140, color: 'green' as const, text, authorId };
}

/** The append log of one document of a workshop in a data directory. */
export function docLogFile(dataDir: string, workshopId: string, docKey: string): string {
  return path.join(dataDir, 'workshops', workshopId, 'docs', `${docKey}.ylog`);
}

/**
 * A new workshop with two people synced on its plenary board: a writer and a watcher (the
 * persistence tests). `cleanup` receives what disconnects them.
 */
export async function writerAndWatcher(baseUrl: string, cleanup: (...fns: Array<() => void>) => void) {
  const workshop = await createWorkshop(baseUrl);
  const writer = await joinWorkshop(baseUrl, workshop.workshop.code, 'Schrijver');
  const watcher = await joinWorkshop(baseUrl, workshop.workshop.code, 'Kijker');
  const a = connectBoard(baseUrl, writer);
  const b = connectBoard(baseUrl, watcher);
  cleanup(
    () => a.destroy(),
    () => b.destroy(),
  );
  await Promise.all([a.synced(), b.synced()]);
  return { workshop, writer, watcher, a, b };
}

/**
 * A document store for tests that change what happens to writes (a full disk, a compaction held
 * back): everything is the wrapped store's, except what a subclass overrides — `append` and
 * `compact` get the log's own operation as `write`.
 */
export class InterceptedDocuments implements DocumentStore {
  constructor(protected readonly inner: DocumentStore) {}
  protected append(_docKey: string, write: () => void | Promise<void>): void | Promise<void> {
    return write();
  }
  protected compact(_docKey: string, write: () => void | Promise<void>): void | Promise<void> {
    return write();
  }
  async open(workshopId: string, docKey: string): Promise<DocumentLog> {
    const log = await this.inner.open(workshopId, docKey);
    return {
      get updates() {
        return log.updates;
      },
      records: log.records,
      damaged: log.damaged,
      append: (update) => this.append(docKey, () => log.append(update)),
      compact: (state) => this.compact(docKey, () => log.compact(state)),
      get appendedRecords() {
        return log.appendedRecords;
      },
      get appendedBytes() {
        return log.appendedBytes;
      },
      close: () => log.close(),
    };
  }
  exists(workshopId: string, docKey: string): Promise<boolean> {
    return this.inner.exists(workshopId, docKey);
  }
  deleteWorkshop(workshopId: string): Promise<void> {
    return this.inner.deleteWorkshop(workshopId);
  }
  deleteDocument(workshopId: string, docKey: string): Promise<void> {
    return this.inner.deleteDocument(workshopId, docKey);
  }
}
