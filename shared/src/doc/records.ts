import * as Y from 'yjs';

/**
 * Every shared document is a set of named collections; a collection maps an id to a flat record
 * whose values are JSON primitives (or arrays of strings). Flat records keep each user-visible
 * property a separate last-writer-wins register and make every change easy to inspect on the
 * server, which decides per record and per key whether a write is allowed.
 */

/** A value a record property may hold. */
export type RecordValue = string | number | boolean | null | readonly string[];

/** A record as plain data. */
export type PlainRecord = Readonly<Record<string, RecordValue>>;

/** The Yjs type that stores one record. */
export type YRecord = Y.Map<RecordValue>;

/** The Yjs type that stores one collection. */
export type YCollection = Y.Map<YRecord>;

/** What one transaction did to one record, as plain data. */
export type RecordChange =
  | { readonly type: 'add'; readonly collection: string; readonly id: string; readonly after: PlainRecord }
  | { readonly type: 'remove'; readonly collection: string; readonly id: string; readonly before: PlainRecord }
  | {
      readonly type: 'update';
      readonly collection: string;
      readonly id: string;
      readonly keys: readonly string[];
      readonly before: PlainRecord;
      readonly after: PlainRecord;
    };

/** The result of inspecting a transaction: its changes, or why it cannot be understood. */
export type ChangeSet =
  { readonly ok: true; readonly changes: readonly RecordChange[] } | { readonly ok: false; readonly reason: string };

/** The collection with this name in a document. */
export function collection(doc: Y.Doc, name: string): YCollection {
  return doc.getMap<YRecord>(name);
}

/** A plain copy of a record; nested Yjs types (never written by our code) come out as null. */
export function toPlain(record: YRecord): PlainRecord {
  const out: Record<string, RecordValue> = {};
  record.forEach((value, key) => {
    out[key] = isRecordValue(value) ? value : null;
  });
  return out;
}

/** Whether a value is something a record property may hold. */
export function isRecordValue(value: unknown): value is RecordValue {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    default:
      return false;
  }
}

/** Inserts or replaces a record in a collection, inside the caller's transaction. */
export function putRecord(coll: YCollection, id: string, values: PlainRecord): YRecord {
  const record = new Y.Map<RecordValue>();
  for (const [key, value] of Object.entries(values)) record.set(key, value);
  coll.set(id, record);
  return record;
}

/** Every record of a collection that passes a schema (malformed remote records are skipped). */
export function readRecords<T>(doc: Y.Doc, name: string, schema: RecordSchema<T>): T[] {
  const out: T[] = [];
  collection(doc, name).forEach((rec) => {
    if (!(rec instanceof Y.Map)) return;
    const parsed = parseRecord(rec, schema);
    if (parsed !== undefined) out.push(parsed);
  });
  return out;
}

/** What reads a record: a zod schema, or anything with its `safeParse`. */
export interface RecordSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Per schema, per record: the plain values last parsed and what came out (undefined: malformed). */
const parsedRecords = new WeakMap<object, WeakMap<YRecord, { plain: PlainRecord; value: unknown }>>();

/**
 * A record parsed by `schema`, or undefined when malformed. A record whose values did not change
 * since it was last parsed gives the same (frozen) object again without parsing: a board of a
 * thousand notes is read on every change, and parsing every note each time cost ~100 ms in the
 * browser (zod without code generation, as the CSP requires).
 */
export function parseRecord<T>(rec: YRecord, schema: RecordSchema<T>): T | undefined {
  let bySchema = parsedRecords.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    parsedRecords.set(schema, bySchema);
  }
  const plain = toPlain(rec);
  const cached = bySchema.get(rec);
  if (cached && samePlain(cached.plain, plain)) return cached.value as T | undefined;
  const parsed = schema.safeParse(plain);
  const value = parsed.success ? frozen(parsed.data) : undefined;
  bySchema.set(rec, { plain, value });
  return value;
}

function samePlain(a: PlainRecord, b: PlainRecord): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!(key in b) || !sameValue(a[key], b[key])) return false;
  }
  return true;
}

/** A parsed record is shared by every reader: frozen (with its arrays), so no reader can change it for the others. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) if (Array.isArray(inner)) Object.freeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Creates a record or changes the keys that differ, in one transaction with the given origin. */
export function upsertRecord(doc: Y.Doc, name: string, id: string, values: PlainRecord, origin: unknown): void {
  doc.transact(() => {
    const coll = collection(doc, name);
    const existing = coll.get(id);
    if (existing instanceof Y.Map) patchRecord(existing, values);
    else putRecord(coll, id, values);
  }, origin);
}

/** Sets the changed properties of an existing record; unchanged values are not rewritten. */
export function patchRecord(record: YRecord, values: Partial<PlainRecord>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const current = record.get(key);
    if (sameValue(current, value)) continue;
    record.set(key, value);
  }
}

function sameValue(a: RecordValue | undefined, b: RecordValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Runs `apply` (typically `Y.applyUpdate`) on `doc` and reports, as plain data, every change it
 * made to the named collections. Anything outside them — another root type, a nested Yjs type,
 * a value that is not a record value, an update that cannot be integrated yet — makes the whole
 * set not ok. The caller decides; this function only describes.
 */
export function captureChanges(doc: Y.Doc, collections: readonly string[], apply: () => void): ChangeSet {
  const changes: RecordChange[] = [];
  let problem: string | null = null;
  const known = new Set(collections);
  const rootsBefore = new Set(doc.share.keys());

  const observers = collections.map((name) => {
    const coll = collection(doc, name);
    const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) {
        const result = describeEvent(coll, name, event);
        if (typeof result === 'string') problem ??= result;
        else changes.push(...result);
      }
    };
    coll.observeDeep(observer);
    return () => coll.unobserveDeep(observer);
  });
  const onAfterTransaction = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      const root = rootOf(type);
      const name = root === null ? null : Y.findRootTypeKey(root);
      if (name === null || !known.has(name)) problem ??= `write outside the known collections (${name ?? 'unknown'})`;
    }
  };
  doc.on('afterTransaction', onAfterTransaction);
  try {
    apply();
  } finally {
    doc.off('afterTransaction', onAfterTransaction);
    for (const stop of observers) stop();
  }
  for (const name of doc.share.keys()) {
    if (!rootsBefore.has(name) && !known.has(name)) problem ??= `unknown root type "${name}"`;
  }
  // Yjs keeps structs whose dependencies are missing; a well-behaved client never sends such an
  // update over an ordered connection, and accepting one would let it land later unchecked.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
    problem ??= 'update depends on unknown changes';
  return problem === null ? { ok: true, changes } : { ok: false, reason: problem };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
function rootOf(type: Y.AbstractType<any>): Y.AbstractType<any> | null {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  let current: Y.AbstractType<any> = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
  return current;
}

function describeEvent(
  coll: YCollection,
  name: string,
  event: Y.YEvent<Y.AbstractType<unknown>>,
): RecordChange[] | string {
  if (!(event instanceof Y.YMapEvent)) return `unexpected ${event.target.constructor.name} in ${name}`;
  if (event.target === coll) {
    const out: RecordChange[] = [];
    for (const [id, change] of event.changes.keys) {
      const after = coll.get(id);
      if (change.action === 'add') {
        if (!(after instanceof Y.Map)) return `${name}/${id} is not a record`;
        const plain = plainOrProblem(after, `${name}/${id}`);
        if (typeof plain === 'string') return plain;
        out.push({ type: 'add', collection: name, id, after: plain });
      } else if (change.action === 'delete') {
        const before = change.oldValue;
        out.push({
          type: 'remove',
          collection: name,
          id,
          before: before instanceof Y.Map ? deletedToPlain(before) : {},
        });
      } else {
        // Two people creating the same record at once (the first wording of a field, a star on
        // the same note): Yjs keeps one. Described as an update of every key that differs, so
        // the per-key rules (immutable author, own name) decide it like any other edit.
        if (!(after instanceof Y.Map)) return `${name}/${id} is not a record`;
        const plain = plainOrProblem(after, `${name}/${id}`);
        if (typeof plain === 'string') return plain;
        const before = change.oldValue instanceof Y.Map ? deletedToPlain(change.oldValue) : {};
        const keys = [...new Set([...Object.keys(before), ...Object.keys(plain)])].filter(
          (k) => !sameValue(before[k], plain[k] ?? null) || !(k in plain) || !(k in before),
        );
        out.push({ type: 'update', collection: name, id, keys, before, after: plain });
      }
    }
    return out;
  }
  const record = event.target;
  if (!(record instanceof Y.Map) || record.parent !== coll) return `nested type inside ${name}`;
  const id = findKey(coll, record);
  if (id === null) return `detached record in ${name}`;
  const after = plainOrProblem(record as YRecord, `${name}/${id}`);
  if (typeof after === 'string') return after;
  const before: Record<string, RecordValue> = { ...after };
  const keys: string[] = [];
  for (const [key, change] of event.changes.keys) {
    keys.push(key);
    if (change.action === 'add') delete before[key];
    else before[key] = isRecordValue(change.oldValue) ? change.oldValue : null;
  }
  return [{ type: 'update', collection: name, id, keys, before, after }];
}

/**
 * The last values of a record deleted in the current transaction. Its properties are already
 * marked deleted, so `get` no longer sees them, but their content is kept until the transaction
 * ends (after observers run), which is when this is called.
 */
function deletedToPlain(record: YRecord): PlainRecord {
  const out: Record<string, RecordValue> = {};
  for (const [key, item] of record._map) {
    const content = item.content.getContent();
    const value: unknown = content[content.length - 1];
    if (isRecordValue(value)) out[key] = value;
  }
  return out;
}

function plainOrProblem(record: YRecord, where: string): PlainRecord | string {
  for (const [key, value] of record.entries()) {
    if (!isRecordValue(value)) return `${where}.${key} holds an unsupported value`;
  }
  return toPlain(record);
}

function findKey(coll: YCollection, record: YRecord): string | null {
  const item = record._item;
  if (item !== null && typeof item.parentSub === 'string' && coll.get(item.parentSub) === record) return item.parentSub;
  return null;
}
