import type * as Y from 'yjs';
import { readNote } from '@dmc/shared/doc/board';
import { collection } from '@dmc/shared/doc/records';
import type { Note } from '@dmc/shared/domain/note';
import { unstoredRecordIds } from './offlineChanges';

/**
 * The records changed here that the server has not confirmed: their count is what the status
 * shows ("2 wijzigingen nog niet opgeslagen") until the server answers a probe, and the notes
 * among them are handed back under "Niet opgeslagen" if the screen goes away first. Keys are
 * `collection/id`.
 */
export class UnsyncedRecords {
  private readonly keys = new Set<string>();
  /** A confirmation was asked for and has not arrived. */
  private awaiting = false;

  constructor(
    private readonly collections: readonly string[],
    private readonly report: (count: number) => void,
  ) {}

  /** Whether changes wait for the server's confirmation. */
  get pending(): boolean {
    return this.awaiting || this.keys.size > 0;
  }

  /** A local transaction while the link is not live (or a confirmation is awaited). */
  changed(doc: Y.Doc, tr: Y.Transaction): void {
    const before = this.keys.size;
    for (const name of this.collections)
      for (const id of changedRecordIds(doc, tr, name)) this.keys.add(`${name}/${id}`);
    if (this.keys.size !== before) this.report(this.keys.size);
  }

  /** Counts these records (`collection/id`, sent again by a replay) as unsaved until confirmed. */
  add(keys: readonly string[]): void {
    for (const key of keys) this.keys.add(key);
    this.awaiting = true;
    if (keys.length > 0) this.report(this.keys.size);
  }

  /** The server's state as it took us in: whatever of ours it lacks is not saved yet. */
  serverState(doc: Y.Doc, stateVector: Map<number, number>): void {
    let missing = 0;
    for (const name of this.collections) {
      for (const id of unstoredRecordIds(doc, stateVector, name)) {
        this.keys.add(`${name}/${id}`);
        missing++;
      }
    }
    if (missing === 0 && !this.awaiting) return;
    this.awaiting = true;
    this.report(this.keys.size);
  }

  /** Expects a confirmation (changes were made while not live, or the server could not store one). */
  expect(): void {
    this.awaiting = true;
  }

  /** The server confirmed everything sent. */
  confirmed(): void {
    this.awaiting = false;
    this.keys.clear();
    this.report(0);
  }

  /** The unconfirmed notes as they are now in `doc`. */
  notes(doc: Y.Doc): Note[] {
    return [...this.keys].flatMap((key) => {
      if (!key.startsWith('notes/')) return [];
      const note = readNote(doc, key.slice('notes/'.length));
      return note ? [note] : [];
    });
  }
}

/**
 * The ids of a collection's records a transaction touched: keys changed on the collection itself
 * (added, deleted) and the keys of changed records. Read-only inspection of the transaction.
 */
export function changedRecordIds(doc: Y.Doc, tr: Y.Transaction, name: string): string[] {
  const records = collection(doc, name);
  const ids: string[] = [];
  tr.changed.forEach((keys, type) => {
    // Identity check across Yjs' invariant generic types.
    if ((type as unknown) === records) {
      for (const key of keys) if (key !== null) ids.push(key);
    } else if (type._item?.parent === records && typeof type._item.parentSub === 'string') {
      ids.push(type._item.parentSub);
    }
  });
  return ids;
}
