import { observeNotes } from '@dmc/shared/doc/board';
import type { Note } from '@dmc/shared/domain/note';
import { ReadOnlyConnection, type ReadOnlyConnectionOptions, type ReadStatus } from '../collab/readOnlyConnection';
import { throttle, type Throttled } from '../collab/throttle';
import { newestNoteTime } from './thumbnail';

/**
 * A read-only window on one board or draft document, for the facilitator's overview. It is not
 * the BoardClient: it never writes, never shows up in anyone's presence, and feeds only its own
 * listener, never the main store (which belongs to the board on the canvas).
 */

/** How the watched document is doing. */
export type WatchStatus = ReadStatus;

/** What the overview shows of a document. */
export interface DocSnapshot {
  readonly status: WatchStatus;
  readonly notes: readonly Note[];
  /** When we last saw a change (ms, this device's clock); before that, the newest note's time. */
  readonly lastChangeAt: number | null;
}

/** Options for a watcher. */
export interface DocWatcherOptions extends ReadOnlyConnectionOptions {
  readonly onChange: (snapshot: DocSnapshot) => void;
  /** Clock for "last change" times; injectable for tests. */
  readonly now?: () => number;
}

/** A board being typed on changes every keystroke; a thumbnail needs far fewer redraws. */
const PUBLISH_MS = 400;

/** The initial snapshot of a document nobody has seen yet. */
export const EMPTY_SNAPSHOT: DocSnapshot = { status: 'connecting', notes: [], lastChangeAt: null };

/** Watches one document read-only until destroyed. */
export class DocWatcher {
  private readonly connection: ReadOnlyConnection;
  private readonly now: () => number;
  private readonly publish: Throttled<[]>;
  private readonly stopObserving: () => void;
  private snapshotValue: DocSnapshot = EMPTY_SNAPSHOT;
  private destroyed = false;

  constructor(options: DocWatcherOptions) {
    this.now = options.now ?? Date.now;
    this.publish = throttle(() => {
      if (!this.destroyed) options.onChange(this.snapshotValue);
    }, PUBLISH_MS);
    this.connection = new ReadOnlyConnection(options, (status) => this.onStatus(status));
    this.stopObserving = observeNotes(this.connection.doc, (notes) => {
      // Changes while syncing are the existing content, not activity; the sync handler dates it.
      this.update({ notes, ...(this.connection.synced ? { lastChangeAt: this.now() } : {}) });
    });
  }

  /** The latest snapshot. */
  snapshot(): DocSnapshot {
    return this.snapshotValue;
  }

  /** Closes the connection and frees the document. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.publish.cancel();
    this.stopObserving();
    this.connection.destroy();
  }

  private onStatus(status: ReadStatus): void {
    if (status === 'live' && this.snapshotValue.lastChangeAt === null) {
      this.update({ status, lastChangeAt: newestNoteTime(this.snapshotValue.notes) });
    } else {
      this.update({ status });
    }
    // Reaching or losing the server shows at once; only note changes are throttled.
    this.publish.flush();
  }

  private update(change: Partial<DocSnapshot>): void {
    this.snapshotValue = { ...this.snapshotValue, ...change };
    this.publish();
  }
}
