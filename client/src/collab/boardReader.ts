import { observeNotes } from '@dmc/shared/doc/board';
import { observeDiscussion } from '@dmc/shared/doc/discussion';
import { BOARD_SPEC, readSnapshot } from '@dmc/shared/doc/registry';
import { EMPTY_BOARD, type BoardSnapshot } from '../store/plenarySlice';
import { ReadOnlyConnection, type ReadOnlyConnectionOptions } from './readOnlyConnection';
import { throttle, type Throttled } from './throttle';

/**
 * A read-only window on a whole board document — its notes and every discussion collection — for
 * the plenary views, which show all subgroups side by side. It is the facilitator overview's
 * DocWatcher (facilitator/boardWatcher.ts) generalised from notes to the full board: it never
 * writes, never shows up in presence, and reports to its own listener, never to the board slice
 * (which belongs to the board on the canvas). Its snapshot type is the store's (store/plenarySlice).
 */

/** Options for a reader. */
export interface BoardReaderOptions extends ReadOnlyConnectionOptions {
  readonly onChange: (snapshot: BoardSnapshot) => void;
}

/** Synthesis screens do not need every keystroke; a few updates a second are plenty. */
const PUBLISH_MS = 300;

/** Reads one board document until destroyed. */
export class BoardReader {
  private readonly connection: ReadOnlyConnection;
  private readonly publish: Throttled<[]>;
  private readonly stops: Array<() => void> = [];
  private snapshotValue: BoardSnapshot = EMPTY_BOARD;
  private destroyed = false;

  constructor(options: BoardReaderOptions) {
    this.publish = throttle(() => {
      if (!this.destroyed) options.onChange(this.snapshotValue);
    }, PUBLISH_MS);
    this.connection = new ReadOnlyConnection(options, (status) => {
      // On sync everything is read at once; before it the document is empty and publishing it
      // would flash empty columns.
      this.snapshotValue = status === 'live' ? { ...this.read(), status } : { ...this.snapshotValue, status };
      this.publish();
      this.publish.flush();
    });
    this.stops.push(observeNotes(this.connection.doc, () => this.changed()));
    this.stops.push(observeDiscussion(this.connection.doc, () => this.changed()));
  }

  /** The latest snapshot. */
  snapshot(): BoardSnapshot {
    return this.snapshotValue;
  }

  /** Closes the connection and frees the document. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.publish.cancel();
    for (const stop of this.stops.splice(0)) stop();
    this.connection.destroy();
  }

  private read(): Omit<BoardSnapshot, 'status'> {
    return readSnapshot(this.connection.doc, BOARD_SPEC);
  }

  private changed(): void {
    if (!this.connection.synced || this.destroyed) return;
    this.snapshotValue = { ...this.snapshotValue, ...this.read() };
    this.publish();
  }
}
