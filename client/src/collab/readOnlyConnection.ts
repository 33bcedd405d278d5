import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { latestToken } from '../api/sessions';
import { authOptions } from './authSocket';

/**
 * A read-only connection to one document: the facilitator's overview thumbnails and the plenary
 * columns read boards they do not show on the canvas. It never writes, never appears in presence,
 * and retries on its own after a refusal that a phase change may lift.
 */

/** How a read document is doing. */
export type ReadStatus =
  /** Connecting or reconnecting; what is shown may be stale. */
  | 'connecting'
  /** In sync with the server. */
  | 'live'
  /** The server does not open it to us right now (tried again later). */
  | 'unavailable'
  /** The document does not exist (any more), or we are no longer let in. */
  | 'gone';

/** Where and as whom to connect. */
export interface ReadOnlyConnectionOptions {
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  readonly workshopId: string;
  /** `board-<id>` or `draft-<memberId>`. */
  readonly docKey: string;
  readonly token: string;
  /** A WebSocket implementation where the platform has none (tests in Node 20). */
  readonly WebSocketPolyfill?: typeof WebSocket;
}

/** Waits before trying again after a refusal that may pass (a phase change can reopen a board). */
const RETRY_MS = 8000;

/** One document, read until destroyed; `onStatus` hears each change of status. */
export class ReadOnlyConnection {
  readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;
  private statusValue: ReadStatus = 'connecting';
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(
    options: ReadOnlyConnectionOptions,
    private readonly onStatus: (status: ReadStatus) => void,
  ) {
    this.provider = new WebsocketProvider(options.wsBase, `${options.workshopId}/${options.docKey}`, this.doc, {
      ...authOptions(() => latestToken(options.token), options.WebSocketPolyfill),
      disableBc: true,
    });
    // No presence: glancing at a board should not put you on it.
    this.provider.awareness.setLocalState(null);
    this.provider.on('sync', (isSynced) => {
      if (isSynced) this.set('live');
    });
    this.provider.on('status', ({ status }) => {
      if (status !== 'connected' && this.statusValue === 'live') this.set('connecting');
    });
    this.provider.on('closed', ({ code }) => this.onClosed(code));
  }

  /** Whether the document holds the server's content (it has synced since the last refusal). */
  get synced(): boolean {
    return this.statusValue === 'live';
  }

  get status(): ReadStatus {
    return this.statusValue;
  }

  /** Closes the connection and frees the document. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.provider.destroy();
    this.doc.destroy();
  }

  private set(status: ReadStatus): void {
    if (this.destroyed) return;
    this.statusValue = status;
    this.onStatus(status);
  }

  /** The server closed with a "do not retry as-is" code (4400–4499). */
  private onClosed(code: number): void {
    if (this.destroyed) return;
    if (code === CLOSE.notFound || code === CLOSE.gone || code === CLOSE.unauthorized) {
      // Nothing to wait for: the subgroup or person is gone, or we are no longer let in.
      this.set('gone');
      return;
    }
    // Hidden (4406) or refused for another reason: try again later; a phase change may open it.
    this.set(code === CLOSE.hidden ? 'unavailable' : 'connecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.destroyed) this.provider.connect();
    }, RETRY_MS);
  }
}
