import * as Y from 'yjs';
import { collectionNames, type CollectionSpec, type DocSpec, type Snapshot } from './collections';
import { LOCAL_ORIGIN } from './origins';
import { collection, putRecord, readRecords, type PlainRecord, type RecordValue } from './records';

/**
 * What is derived from the collection declarations (collections.ts) that touches Yjs: reading and
 * writing whole documents as plain snapshots, and the undo manager. The declarations are
 * re-exported, so `doc/registry` is the one import for both.
 */

export * from './collections';

/** Every well-formed record of one collection, in its order (malformed remote records skipped). */
export function readCollection<T>(doc: Y.Doc, name: string, spec: CollectionSpec<T>): T[] {
  const records = readRecords(doc, name, spec.schema);
  return spec.order ? records.sort(spec.order) : records;
}

/** Every collection of a document, read at once. */
export function readSnapshot<D extends DocSpec>(doc: Y.Doc, spec: D): Snapshot<D> {
  const out: Record<string, unknown[]> = {};
  for (const name of collectionNames(spec)) out[name] = readCollection(doc, name, spec[name]!);
  return out as Snapshot<D>;
}

/**
 * Writes records into a document under their declared keys, inside the caller's transaction
 * (an import, a restored backup). Records given replace records with the same key; others stay.
 */
export function writeSnapshot<D extends DocSpec>(doc: Y.Doc, spec: D, snapshot: Partial<Snapshot<D>>): void {
  for (const name of collectionNames(spec)) {
    const records = snapshot[name] as readonly unknown[] | undefined;
    if (!records) continue;
    const coll = collection(doc, name);
    const entry = spec[name]!;
    for (const record of records) putRecord(coll, entry.key(record), plainCopy(record as PlainRecord));
  }
}

/** A record's values with arrays copied, so the document never shares an array with the caller. */
function plainCopy(record: PlainRecord): PlainRecord {
  const out: Record<string, RecordValue> = {};
  for (const [key, value] of Object.entries(record))
    out[key] = Array.isArray(value) ? [...(value as readonly string[])] : value;
  return out;
}

/**
 * An undo manager over the undoable collections of a document that only ever reverts the local
 * user's own edits (LOCAL_ORIGIN); null when the document has nothing to undo.
 */
export function undoManagerFor(
  doc: Y.Doc,
  spec: DocSpec,
  options: { readonly captureTimeout?: number } = {},
): Y.UndoManager | null {
  const tracked = collectionNames(spec).filter((name) => spec[name]!.undoable);
  if (tracked.length === 0) return null;
  return new Y.UndoManager(
    tracked.map((name) => collection(doc, name)),
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: options.captureTimeout ?? 600 },
  );
}
