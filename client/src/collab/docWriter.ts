import type * as Y from 'yjs';
import type { DocConnection, DocConnectionHandlers } from './docConnection';
import { UnsyncedRecords } from './unsyncedRecords';
import { WriteRecovery, type WriteRecoveryOptions } from './writeRecovery';

/**
 * What every document this person writes needs besides its connection, in one place for the
 * board, the draft and the synthesis: the count of changes the server has not confirmed
 * (UnsyncedRecords) and the recovery of their work after a refused write (WriteRecovery),
 * wired to the connection's events.
 */

/** What a writer counts and how it recovers. */
export interface DocWriterOptions extends Omit<WriteRecoveryOptions, 'origin'> {
  /** The collections whose unconfirmed records the status counts. */
  readonly counted: readonly string[];
  /** Hears the count of unconfirmed records. */
  readonly report: (count: number) => void;
  /** Told when the server could not store a change (4507). */
  readonly unavailable: () => void;
}

/** Origin of replayed changes: local (sent), not an undo step, not "this person wrote now". */
export const REPLAY_ORIGIN = Object.freeze({ name: 'replay' });

/** The unconfirmed changes and the recovery of one written document. */
export class DocWriter {
  readonly unsynced: UnsyncedRecords;
  readonly recovery: WriteRecovery;
  private connection: DocConnection | null = null;

  constructor(private readonly options: DocWriterOptions) {
    this.unsynced = new UnsyncedRecords(options.counted, options.report);
    this.recovery = new WriteRecovery({ ...options, origin: REPLAY_ORIGIN });
  }

  /** The connection's events this writer handles (spread into the connection's handlers). */
  handlers(): Pick<DocConnectionHandlers, 'refused' | 'unavailable' | 'serverState' | 'confirmed'> {
    return {
      refused: (code, reason, refusedDoc) => this.recovery.refused(code, reason, refusedDoc),
      unavailable: () => {
        this.unsynced.expect();
        this.options.unavailable();
      },
      serverState: (sv) => {
        if (this.connection) this.unsynced.serverState(this.connection.doc, sv);
      },
      confirmed: () => {
        this.unsynced.confirmed();
        this.recovery.confirmed();
      },
    };
  }

  /** The connection whose document this writer follows. */
  use(connection: DocConnection): void {
    this.connection = connection;
  }

  /** Watches this person's changes on a new copy of the document; returns the unsubscribe. */
  track(doc: Y.Doc): () => void {
    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local || tr.changed.size === 0) return;
      if (tr.origin !== REPLAY_ORIGIN) this.recovery.wrote();
      if (this.connection?.live && !this.unsynced.pending) return;
      this.unsynced.changed(doc, tr);
    };
    doc.on('afterTransaction', onTransaction);
    return () => doc.off('afterTransaction', onTransaction);
  }

  /**
   * The document synced: what changed offline waits for the server's confirmation, and after a
   * refusal the own changes of the refused copy are replayed on this fresh one.
   */
  synced(doc: Y.Doc, first: boolean, isCurrent: () => boolean): void {
    if (this.unsynced.pending) {
      this.unsynced.expect();
      this.connection?.probe();
    }
    if (!first) return;
    this.recovery.recover(doc, isCurrent, (sent) => {
      const counted = sent.filter((key) => this.options.counted.some((name) => key.startsWith(`${name}/`)));
      if (sent.length === 0) return;
      this.unsynced.add(counted);
      this.connection?.probe();
    });
  }

  /** Stops; refused copies are freed. */
  destroy(): void {
    this.recovery.destroy();
    this.connection = null;
  }
}
