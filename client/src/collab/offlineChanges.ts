import * as Y from 'yjs';
import {
  collection,
  patchRecord,
  putRecord,
  toPlain,
  type PlainRecord,
  type RecordChange,
  type RecordValue,
} from '@dmc/shared/doc/records';

/**
 * This client's own changes that the server does not have, as plain record changes that can be
 * checked with the domain rules and replayed one by one against a fresh copy of the document.
 *
 * When the server refuses a write, everything it has not stored is lost with the local document
 * unless it is taken out first. A person who wrote ten notes offline and also marked a note that
 * someone deleted meanwhile must keep the ten notes: the batch is refused as a whole, so each
 * change is replayed on its own, and only what the rules still refuse is given back to the
 * person (see BoardClient). Pure: documents in, plain data out.
 */

/** One own change, as the server would see it if it were sent alone now. */
export type OfflineChange = RecordChange;

/** An edit to a record that no longer exists on the server (deleted by someone else meanwhile). */
export interface LostEdit {
  readonly collection: string;
  readonly id: string;
  /** The record as this client last had it. */
  readonly record: PlainRecord;
  /** The properties this client changed. */
  readonly keys: readonly string[];
}

/** What a refused document held that the server does not have. */
export interface OfflineResult {
  /** Changes to replay, in order: notes first, then the rest, removals of notes last. */
  readonly changes: readonly OfflineChange[];
  readonly lost: readonly LostEdit[];
}

interface Touched {
  readonly collection: string;
  readonly id: string;
  /** This client put a new record under the id (created it, or replaced the record). */
  created: boolean;
  /** This client removed the record the server has under the id. */
  removed: boolean;
  readonly keys: Set<string>;
}

/** A stable key of a change's record, to recognise it in a later round. */
export function changeKey(change: Pick<RecordChange, 'collection' | 'id'>): string {
  return `${change.collection}/${change.id}`;
}

/**
 * The own changes in `old` (a local document the server refused) that `fresh` (a copy just synced
 * from the server) lacks. Only the structs of `old`'s own client id count: whatever else it holds
 * came from the server. Each record this client touched becomes one change that turns the fresh
 * record into what this client had: an add, an update of the properties it changed, or a remove.
 */
export function offlineChanges(old: Y.Doc, fresh: Y.Doc, collections: readonly string[]): OfflineResult {
  const touched = new Map<string, Touched>();
  const known = new Set(collections);
  const touch = (name: string, id: string): Touched => {
    const key = `${name}/${id}`;
    let entry = touched.get(key);
    if (!entry) {
      entry = { collection: name, id, created: false, removed: false, keys: new Set() };
      touched.set(key, entry);
    }
    return entry;
  };

  // Inserted: every struct of my client id past what the server has.
  const client = old.clientID;
  const serverClock = Y.getState(fresh.store, client);
  const structs = old.store.clients.get(client) ?? [];
  for (const struct of structs) {
    if (struct.id.clock + struct.length <= serverClock || !(struct instanceof Y.Item)) continue;
    const parent = struct.parent;
    if (!(parent instanceof Y.AbstractType) || typeof struct.parentSub !== 'string') continue;
    const record = parent._item;
    if (record === null) {
      const name = rootName(parent);
      if (name !== null && known.has(name)) touch(name, struct.parentSub).created = true;
      continue;
    }
    const coll = record.parent;
    if (!(coll instanceof Y.AbstractType) || coll._item !== null || typeof record.parentSub !== 'string') continue;
    const name = rootName(coll);
    if (name !== null && known.has(name)) touch(name, record.parentSub).keys.add(struct.parentSub);
  }

  // Removed: records the server has that this client deleted (deletions carry no new structs).
  const deleted = Y.createDeleteSetFromStructStore(old.store);
  for (const name of collections) {
    collection(fresh, name).forEach((record, id) => {
      const item = record instanceof Y.Map ? record._item : null;
      if (!item || Y.getState(old.store, item.id.client) <= item.id.clock) return;
      if (Y.isDeleted(deleted, item.id)) touch(name, id).removed = true;
    });
  }

  const changes: OfflineChange[] = [];
  const lost: LostEdit[] = [];
  for (const entry of touched.values()) {
    const mine = recordOf(old, entry.collection, entry.id);
    const theirs = recordOf(fresh, entry.collection, entry.id);
    if (mine && theirs) {
      const before = toPlain(theirs);
      const after = toPlain(mine);
      const candidates =
        entry.created ||
        theirs._item?.id.client !== mine._item?.id.client ||
        theirs._item?.id.clock !== mine._item?.id.clock
          ? Object.keys(after)
          : [...entry.keys];
      const keys = candidates.filter((key) => key in after && !sameValue(after[key], before[key]));
      if (keys.length > 0)
        changes.push({
          type: 'update',
          collection: entry.collection,
          id: entry.id,
          keys,
          before,
          after: { ...before, ...pick(after, keys) },
        });
    } else if (mine && !theirs) {
      if (entry.created)
        changes.push({ type: 'add', collection: entry.collection, id: entry.id, after: toPlain(mine) });
      else if (entry.keys.size > 0)
        lost.push({ collection: entry.collection, id: entry.id, record: toPlain(mine), keys: [...entry.keys] });
    } else if (!mine && theirs && entry.removed) {
      changes.push({ type: 'remove', collection: entry.collection, id: entry.id, before: toPlain(theirs) });
    }
  }
  return { changes: replayOrder(changes), lost };
}

/** Notes first (other records refer to them), then the rest, removals of notes last. */
function replayOrder(changes: readonly OfflineChange[]): OfflineChange[] {
  const rank = (c: OfflineChange) => (c.collection === 'notes' ? (c.type === 'remove' ? 2 : 0) : 1);
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

/**
 * Applies one change to a document in a transaction of its own (so it travels as one update).
 * Returns false when it no longer applies: an update or remove of a record that is gone.
 */
export function applyChange(doc: Y.Doc, change: OfflineChange, origin: unknown): boolean {
  const coll = collection(doc, change.collection);
  const existing = coll.get(change.id);
  const record = existing instanceof Y.Map ? existing : undefined;
  if (change.type !== 'add' && !record) return false;
  doc.transact(() => {
    if (change.type === 'remove') coll.delete(change.id);
    else if (change.type === 'add' && !record) putRecord(coll, change.id, change.after);
    else if (record) patchRecord(record, change.type === 'update' ? pick(change.after, change.keys) : change.after);
  }, origin);
  return true;
}

/** The change as it would be against the document now (an add of an existing record is an update). */
export function asOfNow(doc: Y.Doc, change: OfflineChange): OfflineChange | null {
  const record = recordOf(doc, change.collection, change.id);
  if (change.type === 'remove') return record ? { ...change, before: toPlain(record) } : null;
  if (!record) return change.type === 'add' ? change : null;
  const before = toPlain(record);
  const source = change.after;
  const keys = (change.type === 'update' ? change.keys : Object.keys(source)).filter(
    (key) => !sameValue(source[key], before[key]),
  );
  if (keys.length === 0) return null;
  return {
    type: 'update',
    collection: change.collection,
    id: change.id,
    keys,
    before,
    after: { ...before, ...pick(source, keys) },
  };
}

function recordOf(doc: Y.Doc, name: string, id: string): Y.Map<RecordValue> | undefined {
  const value = collection(doc, name).get(id);
  return value instanceof Y.Map ? value : undefined;
}

function rootName(type: Y.AbstractType<unknown>): string | null {
  try {
    return Y.findRootTypeKey(type);
  } catch {
    return null;
  }
}

function pick(record: PlainRecord, keys: readonly string[]): PlainRecord {
  const out: Record<string, RecordValue> = {};
  for (const key of keys) if (key in record) out[key] = record[key] as RecordValue;
  return out;
}

function sameValue(a: RecordValue | undefined, b: RecordValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Ids of the records in `collectionName` that this client changed and the server (with this
 * state vector) does not have yet. Counts additions and edits; deletions leave no trace in a
 * state vector.
 */
export function unstoredRecordIds(
  doc: Y.Doc,
  serverState: ReadonlyMap<number, number>,
  collectionName: string,
): Set<string> {
  const ids = new Set<string>();
  const serverClock = serverState.get(doc.clientID) ?? 0;
  for (const struct of doc.store.clients.get(doc.clientID) ?? []) {
    if (struct.id.clock + struct.length <= serverClock || !(struct instanceof Y.Item)) continue;
    const parent = struct.parent;
    if (!(parent instanceof Y.AbstractType) || typeof struct.parentSub !== 'string') continue;
    const record = parent._item;
    if (record === null) {
      if (rootName(parent) === collectionName) ids.add(struct.parentSub);
    } else if (
      record.parent instanceof Y.AbstractType &&
      record.parent._item === null &&
      typeof record.parentSub === 'string' &&
      rootName(record.parent) === collectionName
    ) {
      ids.add(record.parentSub);
    }
  }
  return ids;
}
