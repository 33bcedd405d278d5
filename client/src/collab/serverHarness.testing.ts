import { afterAll, beforeAll } from 'vitest';
import type * as Y from 'yjs';
import type { CreateWorkshopResponse, SessionResponse } from '@dmc/shared/protocol/api';

/**
 * The real server for client tests that run in Node: server/src/testing/harness.ts and `ws`,
 * loaded at run time because the client's type configuration has no Node types. One typed
 * description of what client tests use of it, instead of one per test file.
 */

/** A plain Yjs client of the harness, on one document. */
export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: { readonly awareness: { getStates(): Map<number, unknown> } };
  synced(): Promise<void>;
  destroy(): void;
}

/** What client tests use of server/src/testing/harness.ts. */
export interface ServerHarness {
  startTestServer(): Promise<{ url: string; close(): Promise<void> }>;
  createWorkshop(baseUrl: string, title?: string): Promise<CreateWorkshopResponse>;
  joinWorkshop(baseUrl: string, code: string, name: string): Promise<SessionResponse>;
  collabUrl(baseUrl: string): string;
  connectBoard(baseUrl: string, session: SessionResponse, board?: string): TestClient;
  connectDoc(baseUrl: string, session: SessionResponse, docKey: string): TestClient;
  /** Resolves once the server has handled everything the client sent (a sync-step-1 sentinel). */
  flush(client: TestClient): Promise<void>;
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
}

const harnessPath = '../../../server/src/testing/harness';
const wsPath = 'ws';

/** Loads the server's harness and a WebSocket implementation for Node. */
export async function loadServerHarness(): Promise<{ harness: ServerHarness; WebSocketPolyfill: typeof WebSocket }> {
  const harness = (await import(/* @vite-ignore */ harnessPath)) as ServerHarness;
  const WebSocketPolyfill = ((await import(/* @vite-ignore */ wsPath)) as { default: typeof WebSocket }).default;
  return { harness, WebSocketPolyfill };
}

/** A running server with one workshop: its facilitator and one participant, Bram. */
export interface ServerWithWorkshop {
  harness: ServerHarness;
  WebSocketPolyfill: typeof WebSocket;
  server: { url: string; close(): Promise<void> };
  facilitator: CreateWorkshopResponse;
  participant: SessionResponse;
}

/**
 * Starts the real server with a workshop `title` before the tests of the calling `describe` and
 * stops it after them; the fields are filled once `beforeAll` ran.
 */
export function serverWithWorkshop(title: string): ServerWithWorkshop {
  const ctx = {} as ServerWithWorkshop;
  beforeAll(async () => {
    Object.assign(ctx, await loadServerHarness());
    ctx.server = await ctx.harness.startTestServer();
    ctx.facilitator = await ctx.harness.createWorkshop(ctx.server.url, title);
    ctx.participant = await ctx.harness.joinWorkshop(ctx.server.url, ctx.facilitator.workshop.code, 'Bram');
  });
  afterAll(async () => {
    await ctx.server?.close();
  });
  return ctx;
}
