import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { decodeAuthMessage, MESSAGE } from '@dmc/shared/protocol/messages';
import { latestToken, rememberRenewal } from '../api/sessions';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { authenticatedSocket } from './authSocket';

/**
 * The token travels as the first websocket message, never in the URL, and a reconnect uses the
 * newest token. Checked on the wire with a plain `ws` server (loaded at run time: the client's
 * type configuration has no Node types).
 */

interface WireServer {
  readonly port: number;
  readonly connections: { url: string; messages: Uint8Array[]; close(code: number): void }[];
  /** Calls `listener` after every connection and message the server receives; returns an unsubscribe. */
  onEvent(listener: () => void): () => void;
  close(): Promise<void>;
}

async function wireServer(): Promise<WireServer> {
  const { WebSocketServer } = (await import(/* @vite-ignore */ 'ws')) as unknown as {
    WebSocketServer: new (options: { port: number; host: string }) => {
      on(
        event: 'connection',
        cb: (
          socket: { on(e: 'message', cb: (data: Uint8Array) => void): void; close(code: number): void },
          request: { url: string },
        ) => void,
      ): void;
      once(event: 'listening', cb: () => void): void;
      address(): { port: number };
      close(cb: () => void): void;
    };
  };
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const connections: WireServer['connections'] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  server.on('connection', (socket, request) => {
    const entry = { url: request.url, messages: [] as Uint8Array[], close: (code: number) => socket.close(code) };
    socket.on('message', (data) => {
      entry.messages.push(new Uint8Array(data));
      notify();
    });
    connections.push(entry);
    notify();
  });
  return {
    port: server.address().port,
    connections,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Resolves once `check` holds, re-checked on every event of the wire server; fails after 5 s. */
function until(wire: WireServer, check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      if (!check()) return;
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = wire.onEvent(done);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}`));
    }, 5000);
    done();
  });
}

describe('authenticatedSocket', () => {
  let wire: WireServer;
  let Base: typeof WebSocket;

  beforeAll(async () => {
    wire = await wireServer();
    Base = ((await import(/* @vite-ignore */ 'ws')) as unknown as { default: typeof WebSocket }).default;
  });

  afterAll(async () => {
    await wire?.close();
  });

  it('sends the newest token as the first message, never in the URL, also after a reconnect', async () => {
    const session = { token: 'token-1' } as SessionResponse;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${wire.port}/collab`, 'w1/board-plenary', doc, {
      WebSocketPolyfill: authenticatedSocket(() => latestToken(session.token), Base),
      disableBc: true,
      maxBackoffTime: 50,
    });
    await until(wire, () => (wire.connections[0]?.messages.length ?? 0) >= 2, 'the first messages');
    const first = wire.connections[0];
    expect(first?.url).toBe('/collab/w1/board-plenary');
    expect(decodeAuthMessage(first?.messages[0] ?? new Uint8Array())).toBe('token-1');
    // What the provider itself sends (sync step 1) comes after.
    expect(first?.messages[1]?.[0]).toBe(MESSAGE.sync);

    // The token is renewed while connected; the next connection carries the new one.
    rememberRenewal('token-1', { ...session, token: 'token-2' } as SessionResponse);
    first?.close(1011);
    await until(wire, () => (wire.connections[1]?.messages.length ?? 0) >= 1, 'the reconnect');
    expect(decodeAuthMessage(wire.connections[1]?.messages[0] ?? new Uint8Array())).toBe('token-2');
    expect(wire.connections[1]?.url).not.toContain('token');
    provider.destroy();
  });
});
