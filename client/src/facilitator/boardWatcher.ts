import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { observeNotes } from '@dmc/shared/doc/board';
import type { Note } from '@dmc/shared/domain/note';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { throttle, type Throttled } from '../collab/throttle';
import { newestNoteTime } from './thumbnail';

/**
 * A read-only window on one board or draft document, for the facilitator's overview. It is not
 * the BoardClient: it never writes, never shows up in anyone's presence, and feeds only its own
 * listener, never the main store (which belongs to the board on the canvas).
 */

/** How the watched document is doing. */
export type WatchStatus =
  /** Connecting or reconnecting; notes may be stale. */
  | 'connecting'
  /** In sync with the server. */
  | 'live'
  /** The server does not open it to us right now (it will be tried again). */
  | 'unavailable'
  /** The document does not exist (any more): a removed subgroup or person. */
  | 'gone';

/** What the overview shows of a document. */
export interface DocSnapshot {
  readonly status: WatchStatus;
  readonly notes: readonly Note[];
  /** When we last saw a change (ms, this device's clock); before that, the newest note's time. */
  readonly lastChangeAt: number | null;
}

/** Options for a watcher. */
export interface DocWatcherOptions {
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  readonly workshopId: string;
  /** `board-<id>` or `draft-<memberId>`. */
  readonly docKey: string;
  readonly token: string;
  readonly onChange: (snapshot: DocSnapshot) => void;
  /** Clock for "last change" times; injectable for tests. */
  readonly now?: () => number;
  /** A WebSocket implementation where the platform has none (tests in Node 20). */
  readonly WebSocketPolyfill?: typeof WebSocket;
}

/** Waits before trying again after a refusal that may pass (a phase change can reopen a board). */
const RETRY_MS = 8000;
/** A board being typed on changes every keystroke; a thumbnail needs far fewer redraws. */
const PUBLISH_MS = 400;

/** The initial snapshot of a document nobody has seen yet. */
export const EMPTY_SNAPSHOT: DocSnapshot = { status: 'connecting', notes: [], lastChangeAt: null };

/** Watches one document read-only until destroyed. */
export class DocWatcher {
  private readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;
  private readonly now: () => number;
  private readonly publish: Throttled<[]>;
  private readonly stopObserving: () => void;
  private snapshotValue: DocSnapshot = EMPTY_SNAPSHOT;
  private synced = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(options: DocWatcherOptions) {
    this.now = options.now ?? Date.now;
    this.publish = throttle(() => {
      if (!this.destroyed) options.onChange(this.snapshotValue);
    }, PUBLISH_MS);
    this.provider = new WebsocketProvider(options.wsBase, `${options.workshopId}/${options.docKey}`, this.doc, {
      params: { token: options.token },
      disableBc: true,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    // No presence: the facilitator should not appear on every board they glance at.
    this.provider.awareness.setLocalState(null);

    this.stopObserving = observeNotes(this.doc, (notes) => {
      // Changes while syncing are the existing content, not activity; the sync handler dates it.
      this.update({ notes, ...(this.synced ? { lastChangeAt: this.now() } : {}) });
    });
    this.provider.on('sync', (isSynced) => {
      if (!isSynced || this.destroyed) return;
      const first = !this.synced;
      this.synced = true;
      const notes = this.snapshotValue.notes;
      this.update({ status: 'live', ...(first && this.snapshotValue.lastChangeAt === null ? { lastChangeAt: newestNoteTime(notes) } : {}) });
      this.publish.flush();
    });
    this.provider.on('status', ({ status }) => {
      if (status !== 'connected' && this.snapshotValue.status === 'live') this.update({ status: 'connecting' });
    });
    this.provider.on('closed', ({ code }) => this.onClosed(code));
  }

  /** The latest snapshot. */
  snapshot(): DocSnapshot {
    return this.snapshotValue;
  }

  /** Closes the connection and frees the document. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.publish.cancel();
    this.stopObserving();
    this.provider.destroy();
    this.doc.destroy();
  }

  private update(change: Partial<DocSnapshot>): void {
    this.snapshotValue = { ...this.snapshotValue, ...change };
    this.publish();
  }

  /** The server closed with a "do not retry as-is" code (4400–4499). */
  private onClosed(code: number): void {
    if (this.destroyed) return;
    this.synced = false;
    if (code === CLOSE.notFound || code === CLOSE.gone || code === CLOSE.unauthorized) {
      // Nothing to wait for: the subgroup or person is gone, or we are no longer let in.
      this.update({ status: 'gone' });
      this.publish.flush();
      return;
    }
    // Hidden (4406) or refused for another reason: try again later; a phase change may open it.
    this.update({ status: code === CLOSE.hidden ? 'unavailable' : 'connecting' });
    this.publish.flush();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.destroyed) this.provider.connect();
    }, RETRY_MS);
  }
}
