import type * as Y from 'yjs';
import type { AppStore } from '../store';
import type { ReadStatus } from '../store/plenarySlice';
import { DocConnection } from './docConnection';
import { retryOnSessionChange } from './sessionSignal';
import { throttle, type Throttled } from './throttle';

/**
 * A read-only window on one document — the facilitator's overview thumbnails, a draft peeked
 * into, the plenary columns of every subgroup — over the same DocConnection the writers use. It
 * never writes, never shows up in presence, reports to its own listener (never to the store of
 * the board on screen), and publishes a few times a second, not on every keystroke. A document
 * the server keeps closed right now (4406) is read again when the session changes.
 */

export type { ReadStatus } from '../store/plenarySlice';

/** What a reader publishes: its status and what it reads. */
export type ReadSnapshot<T> = T & { readonly status: ReadStatus };

/** Where to read, what, and who hears it. */
export interface DocReaderOptions<T extends object> {
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  readonly workshopId: string;
  /** `board-<id>` or `draft-<memberId>`. */
  readonly docKey: string;
  readonly token: string | (() => string);
  /** The first snapshot, before anything is read. */
  readonly empty: T;
  /** Reads the document: at a sync (the whole content arrived) or after a change. */
  readonly read: (doc: Y.Doc, previous: T, event: 'sync' | 'change') => T;
  /** Calls `changed` on every change of what `read` reads; returns an unsubscribe. */
  readonly observe: (doc: Y.Doc, changed: () => void) => () => void;
  readonly onChange: (snapshot: ReadSnapshot<T>) => void;
  /** At most one publication per this many milliseconds (status changes go at once). */
  readonly publishMs: number;
  /** The store whose session changes reopen a document the server kept closed. */
  readonly store?: AppStore;
  /** A WebSocket implementation where the platform has none (tests in Node 20). */
  readonly WebSocketPolyfill?: typeof WebSocket;
}

/** Reads one document until destroyed. */
export class DocReader<T extends object> {
  private readonly connection: DocConnection;
  private readonly publish: Throttled<[]>;
  private snapshotValue: ReadSnapshot<T>;
  private stopObserving: () => void = () => undefined;
  private readonly stopRetrying: () => void;
  private destroyed = false;

  constructor(private readonly options: DocReaderOptions<T>) {
    this.snapshotValue = { ...options.empty, status: 'connecting' };
    this.publish = throttle(() => {
      if (!this.destroyed) options.onChange(this.snapshotValue);
    }, options.publishMs);
    const token = options.token;
    this.connection = new DocConnection(
      {
        wsBase: options.wsBase,
        workshopId: options.workshopId,
        docKey: options.docKey,
        token: typeof token === 'function' ? token : () => token,
        // No presence: glancing at a board should not put you on it.
        user: null,
        onRefusal: 'reread',
        WebSocketPolyfill: options.WebSocketPolyfill,
      },
      {
        attach: (doc) => {
          this.stopObserving();
          this.stopObserving = options.observe(doc, () => this.changed(doc));
        },
        // On sync everything is read at once; before it the document is empty and publishing
        // it would flash empty columns.
        synced: (doc) => this.update({ ...options.read(doc, this.snapshotValue, 'sync'), status: 'live' }, true),
        status: (status) => {
          if (status !== 'connected' && this.snapshotValue.status === 'live')
            this.update({ status: 'connecting' }, true);
        },
        hidden: () => this.update({ status: 'unavailable' }, true),
        ended: () => this.update({ status: 'gone' }, true),
      },
    );
    this.stopRetrying = options.store ? retryOnSessionChange(options.store, this.connection) : () => undefined;
  }

  /** The latest snapshot. */
  snapshot(): ReadSnapshot<T> {
    return this.snapshotValue;
  }

  /** Whether the document holds the server's content. */
  get synced(): boolean {
    return this.snapshotValue.status === 'live';
  }

  /** Closes the connection and frees the document. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.publish.cancel();
    this.stopRetrying();
    this.stopObserving();
    this.connection.destroy();
  }

  private changed(doc: Y.Doc): void {
    if (this.destroyed || !this.synced || this.connection.doc !== doc) return;
    this.update(this.options.read(doc, this.snapshotValue, 'change'), false);
  }

  private update(change: Partial<T> | { readonly status: ReadStatus }, now: boolean): void {
    if (this.destroyed) return;
    this.snapshotValue = { ...this.snapshotValue, ...change } as ReadSnapshot<T>;
    this.publish();
    // Reaching or losing the server shows at once; only content changes are throttled.
    if (now) this.publish.flush();
  }
}
