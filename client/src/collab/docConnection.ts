import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE, WRITE_REFUSED_CODES } from '@dmc/shared/protocol/closeCodes';
import type { Presence } from '@dmc/shared/protocol/presence';
import { authOptions } from './authSocket';
import { watchServerState } from './serverState';

/**
 * One live document on the server, as every client of ours needs it: the Y.Doc, the websocket
 * provider with the token in its first message, an honest link status, the close codes and what
 * each one means, the browser's online/offline events, and the server's confirmation of what it
 * stored. The board, draft, session and synthesis clients are typed facades over one of these;
 * DocReader is the read-only one. Nothing here knows what the document holds.
 *
 * Status is honest: `connected` only while the socket is open, the document is in sync and the
 * browser says it is online. When the browser comes back online the socket is reopened at once
 * (a socket that lived through an outage may be dead or may have dropped what was sent), so the
 * status returns to `connected` as soon as the server answered the new sync — well within a
 * second on a working network.
 */

/** How a connection is doing, as the status indicator shows it. */
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Why a connection ended for good. */
export type DocEnd = 'unauthorized' | 'gone';

/** The browser's network events (the window; an EventTarget in tests). */
export interface NetworkEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** Where and as whom to connect. */
export interface DocConnectionOptions {
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  readonly workshopId: string;
  /** `session`, `synthesis`, `board-<id>` or `draft-<memberId>`. */
  readonly docKey: string;
  /** The newest token (read at every (re)connect). */
  readonly token: () => string;
  /** Who this person is in presence; null: no presence at all (drafts, readers). */
  readonly user: Presence['user'] | null;
  /**
   * What a refused write does: `rebuild` keeps the refused document for the owner to take its
   * own changes from (`refused`), then syncs a fresh one; `reread` just syncs a fresh one.
   */
  readonly onRefusal: 'rebuild' | 'reread';
  /** A WebSocket implementation where the platform has none (tests in Node 20). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** The browser's online/offline events; defaults to `window` where there is one. */
  readonly network?: NetworkEvents | null;
  /** Whether the browser thinks it is online now; defaults to `navigator.onLine`. */
  readonly online?: () => boolean;
}

/** What a connection tells its owner. Every handler is optional. */
export interface DocConnectionHandlers {
  /** The link status changed. */
  status?(status: LinkStatus): void;
  /** A new document is about to connect (at the start and after every refusal): attach observers here. */
  attach?(doc: Y.Doc, provider: WebsocketProvider): void;
  /** The document synced with the server; `first` for the first sync of this document. */
  synced?(doc: Y.Doc, first: boolean): void;
  /** The server refused a write (44xx): the refused document (kept with `rebuild`, else null) and why. */
  refused?(code: number, reason: string, refusedDoc: Y.Doc | null): void;
  /** The server does not open this document right now (4406); `retry()` tries again. */
  hidden?(): void;
  /** The connection ended for good. */
  ended?(end: DocEnd, code: number, reason: string): void;
  /** The server could not store a change (4507); the provider sends it again after reconnecting. */
  unavailable?(): void;
  /** Too many messages (4429): we wait and connect again. */
  throttled?(): void;
  /** The server's state vector as it took this connection in (what of ours it lacks). */
  serverState?(stateVector: Map<number, number>): void;
  /** Every `probe()` so far was answered: the changes sent before it are stored. */
  confirmed?(): void;
}

/** How long a lost connection may take to come back before we say "offline". */
export const OFFLINE_AFTER_MS = 3000;
/** Rebuilding after refusals more often than this within a minute means something is stuck. */
const MAX_REBUILDS_PER_MINUTE = 4;
/** Back-off when refusals repeat, or after a close that says "not like this, not now". */
const BACKOFF_MS = 10_000;
const RETRY_AFTER_CLOSE_MS = 3000;

/** One document kept in sync with the server until destroyed (see the module comment). */
export class DocConnection {
  private docValue: Y.Doc;
  private providerValue: WebsocketProvider;
  private watch: { probe(): void; stop(): void };
  private statusValue: LinkStatus = 'connecting';
  private everSynced = false;
  private everConnected = false;
  private syncedOnce = false;
  private destroyed = false;
  private endedValue: DocEnd | null = null;
  private waiting: 'hidden' | 'backoff' | null = null;
  private offlineTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private rebuilds: number[] = [];
  private readonly network: NetworkEvents | null;
  private readonly online: () => boolean;

  constructor(
    private readonly options: DocConnectionOptions,
    private readonly handlers: DocConnectionHandlers = {},
  ) {
    this.network = options.network !== undefined ? options.network : typeof window === 'undefined' ? null : window;
    this.online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
    this.network?.addEventListener('offline', this.onOffline);
    this.network?.addEventListener('online', this.onOnline);
    const { doc, provider, watch } = this.open();
    this.docValue = doc;
    this.providerValue = provider;
    this.watch = watch;
  }

  /** The current document (replaced after a refused write: do not keep it). */
  get doc(): Y.Doc {
    return this.docValue;
  }

  /** The current provider (replaced with the document). */
  get provider(): WebsocketProvider {
    return this.providerValue;
  }

  get status(): LinkStatus {
    return this.statusValue;
  }

  /** Whether changes made now reach the server at once (open, in sync, online). */
  get live(): boolean {
    return this.statusValue === 'connected';
  }

  /** Why the connection ended, or null while it runs. */
  get ended(): DocEnd | null {
    return this.endedValue;
  }

  /** Whether it waits for `retry()` after the server kept the document closed (4406). */
  get isHidden(): boolean {
    return this.waiting === 'hidden';
  }

  /** Asks the server to confirm what it stored (answered by `confirmed`). */
  probe(): void {
    if (this.live) this.watch.probe();
  }

  /** Connects again now if waiting after a hidden document or a back-off (e.g. the phase changed). */
  retry(): void {
    if (this.destroyed || this.endedValue || this.waiting === null) return;
    this.clearRetry();
    this.waiting = null;
    this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
    this.providerValue.connect();
  }

  /** Disconnects for good and frees the document. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.clearRetry();
    this.clearOfflineTimer();
    this.network?.removeEventListener('offline', this.onOffline);
    this.network?.removeEventListener('online', this.onOnline);
    this.watch.stop();
    this.providerValue.destroy();
    this.docValue.destroy();
  }

  private open(): { doc: Y.Doc; provider: WebsocketProvider; watch: { probe(): void; stop(): void } } {
    const { options } = this;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(options.wsBase, `${options.workshopId}/${options.docKey}`, doc, {
      ...authOptions(options.token, options.WebSocketPolyfill),
      disableBc: true,
      connect: false,
    });
    if (options.user) provider.awareness.setLocalStateField('user', options.user);
    // No presence at all: nothing is sent, and nobody sees who reads or drafts.
    else provider.awareness.setLocalState(null);
    this.syncedOnce = false;
    provider.on('status', ({ status }) => {
      if (this.destroyed || provider !== this.providerValue) return;
      if (status === 'connected') this.everConnected = true;
      // "connected" is shown once the document is in sync.
      else this.lost();
    });
    provider.on('sync', (synced) => {
      if (this.destroyed || provider !== this.providerValue || !synced) return;
      this.clearOfflineTimer();
      this.setStatus('connected');
      const first = !this.syncedOnce;
      this.syncedOnce = true;
      this.everSynced = true;
      this.handlers.synced?.(doc, first);
    });
    provider.on('connection-close', (event) => {
      if (this.destroyed || provider !== this.providerValue) return;
      if (event?.code === CLOSE.unavailable) this.handlers.unavailable?.();
    });
    provider.on('closed', ({ code, reason }) => {
      if (!this.destroyed && provider === this.providerValue) this.closed(code, reason);
    });
    const watch = watchServerState(provider, {
      serverState: (sv) => {
        if (!this.destroyed && provider === this.providerValue) this.handlers.serverState?.(sv);
      },
      confirmed: () => {
        if (!this.destroyed && provider === this.providerValue) this.handlers.confirmed?.();
      },
    });
    // Observers first, so nothing of the first sync is missed.
    this.handlers.attach?.(doc, provider);
    this.setStatus(this.online() ? (this.everConnected ? 'reconnecting' : 'connecting') : 'offline');
    provider.connect();
    return { doc, provider, watch };
  }

  /** The server closed with a "do not retry as-is" code (4400–4499; y-websocket stops reconnecting). */
  private closed(code: number, reason: string): void {
    if (WRITE_REFUSED_CODES.includes(code)) {
      this.rebuild(code, reason);
      return;
    }
    if (code === CLOSE.unauthorized || code === CLOSE.notFound || code === CLOSE.gone) {
      this.endedValue = code === CLOSE.unauthorized ? 'unauthorized' : 'gone';
      this.clearOfflineTimer();
      this.handlers.ended?.(this.endedValue, code, reason);
      return;
    }
    if (code === CLOSE.hidden) {
      // Opened again by `retry()`: the owner knows when the phase or the membership changed.
      this.waiting = 'hidden';
      this.clearOfflineTimer();
      this.handlers.hidden?.();
      return;
    }
    if (code === CLOSE.tooManyMessages) this.handlers.throttled?.();
    this.waitThenRetry(RETRY_AFTER_CLOSE_MS);
  }

  /**
   * Syncs a fresh document from the server after a refused write. With `rebuild` the refused
   * document goes to the owner, who takes this person's own changes out of it.
   */
  private rebuild(code: number, reason: string): void {
    const now = Date.now();
    this.rebuilds = [...this.rebuilds.filter((t) => now - t < 60_000), now];
    const old = { doc: this.docValue, provider: this.providerValue, watch: this.watch };
    old.watch.stop();
    old.provider.destroy();
    const kept = this.options.onRefusal === 'rebuild' ? old.doc : null;
    if (!kept) old.doc.destroy();
    const reopen = () => {
      const fresh = this.open();
      this.docValue = fresh.doc;
      this.providerValue = fresh.provider;
      this.watch = fresh.watch;
    };
    this.handlers.refused?.(code, reason, kept);
    if (this.destroyed) return;
    if (this.rebuilds.length > MAX_REBUILDS_PER_MINUTE) {
      // Refused over and over: give the server (and the person) a pause before the next copy.
      this.setStatus('reconnecting');
      this.clearRetry();
      this.waiting = 'backoff';
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.waiting = null;
        if (!this.destroyed) reopen();
      }, BACKOFF_MS);
      return;
    }
    reopen();
  }

  private waitThenRetry(ms: number): void {
    this.clearRetry();
    this.waiting = 'backoff';
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retry();
    }, ms);
  }

  private lost(): void {
    if (this.endedValue) return;
    if (!this.online()) this.setStatus('offline');
    else if (!this.everConnected) this.setStatus('connecting');
    else if (this.statusValue !== 'offline') this.setStatus('reconnecting');
    if (this.offlineTimer === null && this.statusValue !== 'offline') {
      this.offlineTimer = setTimeout(() => {
        this.offlineTimer = null;
        if (!this.destroyed && !this.live && this.waiting === null && !this.endedValue) this.setStatus('offline');
      }, OFFLINE_AFTER_MS);
    }
  }

  private readonly onOffline = (): void => {
    if (this.destroyed || this.endedValue) return;
    this.setStatus('offline');
  };

  /**
   * Back online: a socket that survived the outage may be dead, or may have lost what was sent
   * meanwhile, so it is reopened now; the new sync sends whatever the server lacks.
   */
  private readonly onOnline = (): void => {
    if (this.destroyed || this.endedValue || this.waiting === 'hidden') return;
    this.clearRetry();
    this.waiting = null;
    this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
    const provider = this.providerValue;
    if (provider.wsconnected || provider.wsconnecting) provider.disconnect();
    provider.connect();
  };

  private setStatus(status: LinkStatus): void {
    if (this.destroyed || this.statusValue === status) return;
    this.statusValue = status;
    this.handlers.status?.(status);
  }

  private clearOfflineTimer(): void {
    if (this.offlineTimer !== null) clearTimeout(this.offlineTimer);
    this.offlineTimer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Whether the document has synced at least once (since the start). */
  get hasSynced(): boolean {
    return this.everSynced;
  }
}
