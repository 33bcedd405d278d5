import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import proxyaddr from 'proxy-addr';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { LIMITS } from '@dmc/shared/domain/limits';
import { COLLAB_PATH, decodeAuthMessage } from '@dmc/shared/protocol/messages';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { TokenSigner } from '../auth/tokens';
import type { TrustProxy } from '../config';
import type { Workflow } from '../workflow';
import type { WorkshopService } from '../workshops';
import type { Collab } from './collab';

/**
 * Turns an HTTP upgrade on `/collab/<workshopId>/<docKey>` into a collab connection. The socket
 * proves who it is with its first message (an auth message carrying the token), so tokens never
 * appear in URLs or proxy logs. Authentication failures still complete the upgrade and then close
 * with a documented code, so the browser learns why (a refused upgrade is a generic error there).
 *
 * Nothing a client sends may stop the process: a malformed URL or header is answered with 400,
 * and every callback here is guarded.
 */

/** What the upgrade handler is configured with. */
export interface UpgradeOptions {
  readonly trustProxy: TrustProxy;
  /** Origins besides the server's own (its Host header) that browsers may connect from. */
  readonly allowedOrigins: readonly string[];
  readonly maxConnectionsPerAddress: number;
  readonly maxConnectionsPerParticipant: number;
  /** This process's name, sent as `X-Served-By` with the 101 answer (see ServerConfig.processName). */
  readonly processName?: string | undefined;
}

/** How long a new socket has to send its auth message. */
const AUTH_TIMEOUT_MS = 10_000;
/** Messages kept while a socket authenticates and its document loads. */
const MAX_EARLY_MESSAGES = 64;
const MAX_EARLY_BYTES = 2 * LIMITS.messageBytes;
const MAX_URL_LENGTH = 2048;
/** Ids in collab paths are our own url-safe ids and document keys. */
const PATH_PART = /^[A-Za-z0-9_-]{1,100}$/;

/** Handles upgrades; `close` stops accepting. */
export function createUpgradeHandler(
  collab: Collab,
  workshops: WorkshopService,
  workflow: Workflow,
  tokens: TokenSigner,
  options: UpgradeOptions,
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.messageBytes, perMessageDeflate: false });
  const processName = options.processName;
  if (processName) wss.on('headers', (headers) => headers.push(`X-Served-By: ${processName}`));
  const trust = compileTrust(options.trustProxy);
  const perAddress = new Map<string, number>();
  const perParticipant = new Map<string, number>();

  const handle = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A socket error before the upgrade completes (a reset mid-handshake) must not become an
    // uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(request, socket, head);
    } catch (error) {
      console.error('[collab] upgrade refused after an unexpected error:', (error as Error).message);
      refuse(socket, 400, 'Bad Request');
    }
  };

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const target = parseCollabPath(request.url);
    if (target === 'malformed') return refuse(socket, 400, 'Bad Request');
    if (target === 'elsewhere') return refuse(socket, 404, 'Not Found');
    if (!originAllowed(request, options.allowedOrigins)) return refuse(socket, 403, 'Forbidden');
    const address = clientAddress(request, trust);
    if ((perAddress.get(address) ?? 0) >= options.maxConnectionsPerAddress)
      return refuse(socket, 429, 'Too Many Requests');
    const { workshopId, docKey } = target;

    wss.handleUpgrade(request, socket, head, (ws) => {
      collab.track(ws);
      count(perAddress, address, ws);
      ws.on('error', () => ws.terminate());
      const early: Array<[RawData, boolean]> = [];
      let earlyBytes = 0;
      let authenticated = false;
      const timer = setTimeout(() => ws.close(CLOSE.unauthorized, 'no authentication received'), AUTH_TIMEOUT_MS);
      timer.unref();
      ws.once('close', () => clearTimeout(timer));

      const onMessage = (data: RawData, isBinary: boolean) => {
        try {
          if (!authenticated) {
            authenticated = true;
            clearTimeout(timer);
            admit(isBinary ? decodeAuthMessage(toUint8Array(data)) : undefined);
            return;
          }
          earlyBytes += byteLength(data);
          if (early.length >= MAX_EARLY_MESSAGES || earlyBytes > MAX_EARLY_BYTES) {
            ws.close(CLOSE.tooManyMessages, 'too many messages before the document was ready');
            return;
          }
          early.push([data, isBinary]);
        } catch (error) {
          console.error('[collab] message during authentication failed:', (error as Error).message);
          ws.close(CLOSE.malformed, 'malformed message');
        }
      };
      ws.on('message', onMessage);

      const admit = (token: string | undefined, fresh = false): void => {
        const result = tokens.check(token);
        if (!('claims' in result)) {
          ws.close(CLOSE.unauthorized, result.problem === 'expired' ? 'session expired' : 'missing or invalid token');
          return;
        }
        const claims = result.claims;
        if (claims.w !== workshopId) return ws.close(CLOSE.unauthorized, 'missing or invalid token');
        // With several server processes, the workshop or the person may be new to this one (created
        // or joined through another a moment ago): read the record once before refusing.
        if (!fresh && !workflow.actorFor(workshopId, claims.p, claims.r)) {
          workshops.refresh(workshopId).then(
            () => ws.readyState === ws.OPEN && admit(token, true),
            () => ws.close(CLOSE.restarting, 'try again'),
          );
          return;
        }
        if (!workshops.cached(workshopId)) return ws.close(CLOSE.notFound, 'unknown workshop');
        const actor = workflow.actorFor(workshopId, claims.p, claims.r);
        if (!actor) return ws.close(CLOSE.unauthorized, 'you are no longer in this workshop');
        const participantKey = `${workshopId}/${actor.id}`;
        if ((perParticipant.get(participantKey) ?? 0) >= options.maxConnectionsPerParticipant) {
          return ws.close(CLOSE.tooManyMessages, 'too many open connections for one person; close other tabs');
        }
        count(perParticipant, participantKey, ws);
        workflow
          .policyFor(workshopId, docKey)
          .then((policy) => {
            ws.off('message', onMessage);
            if (ws.readyState !== ws.OPEN) return;
            if (!policy) return ws.close(CLOSE.notFound, 'unknown document');
            return collab.connect(ws, workshopId, docKey, actor, policy, early);
          })
          .catch((error: unknown) => {
            console.error('[collab] connecting failed:', error);
            ws.close(CLOSE.restarting, 'try again');
          });
      };
    });
  }

  return {
    handle,
    close: () => {
      // Stragglers of a drain (still authenticating, or admitted while the documents were being
      // closed) are closed too, so the HTTP server can stop; clients reconnect elsewhere.
      for (const ws of wss.clients) ws.close(CLOSE.restarting, 'server restarting');
      wss.close();
    },
  };
}

/** Where an upgrade goes: a collab document, somewhere else (404), or an unreadable URL (400). */
export function parseCollabPath(
  raw: string | undefined,
): { workshopId: string; docKey: string } | 'elsewhere' | 'malformed' {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH || !raw.startsWith('/'))
    return 'malformed';
  let pathname: string;
  try {
    pathname = new URL(raw, 'http://localhost').pathname;
  } catch {
    return 'malformed';
  }
  const parts = pathname.split('/').filter(Boolean);
  if (`/${parts[0] ?? ''}` !== COLLAB_PATH) return 'elsewhere';
  if (parts.length !== 3) return 'elsewhere';
  const decoded: string[] = [];
  for (const part of parts.slice(1)) {
    let value: string;
    try {
      value = decodeURIComponent(part);
    } catch {
      return 'malformed';
    }
    if (!PATH_PART.test(value)) return 'malformed';
    decoded.push(value);
  }
  return { workshopId: decoded[0]!, docKey: decoded[1]! };
}

/**
 * Whether a browser's Origin may open a websocket here: the page must come from this server (the
 * Host the request was sent to) or from a configured origin. Clients without an Origin header are
 * not browsers (scripts, tests) and are judged by their token alone.
 */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const own = [request.headers.host, headerValue(request.headers['x-forwarded-host'])].filter(
    (h): h is string => typeof h === 'string' && h.length > 0,
  );
  return own.some((h) => h.toLowerCase() === host.toLowerCase());
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim();
}

type TrustFn = (address: string, hop: number) => boolean;

function compileTrust(setting: TrustProxy): TrustFn {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyaddr.compile(setting.split(',').map((part) => part.trim()));
}

/** The client's address as the HTTP side sees it (the same 'trust proxy' rule). */
function clientAddress(request: IncomingMessage, trust: TrustFn): string {
  try {
    return proxyaddr(request, trust);
  } catch {
    return request.socket.remoteAddress ?? 'unknown';
  }
}

/** Counts an open socket under a key until it closes. */
function count(counts: Map<string, number>, key: string, ws: WebSocket): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
  ws.once('close', () => {
    const left = (counts.get(key) ?? 1) - 1;
    if (left <= 0) counts.delete(key);
    else counts.set(key, left);
  });
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (!socket.destroyed) {
    try {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    } catch {
      // The peer is gone already.
    }
  }
  socket.destroy();
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data.byteLength;
}
