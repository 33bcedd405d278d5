import type { z } from 'zod';
import * as Y from 'yjs';
import { actionItemSchema } from '../domain/actionItems';
import { choiceId, choiceSchema, deferralSchema, formulationSchema, highlightSchema, markId, markSchema, voteId, voteSchema } from '../domain/discussion';
import { collectionLimit } from '../domain/limits';
import { noteSchema } from '../domain/note';
import type { Permission } from '../domain/phases';
import { clusterRecordSchema, plenaryFormulationSchema } from '../domain/plenary';
import { FLOW_ID, SETTINGS_ID, agendaItemSchema, flowSchema, groupSchema, memberSchema, readingSchema, settingsSchema } from '../domain/session';
import { LOCAL_ORIGIN } from './origins';
import { collection, putRecord, readRecords, type PlainRecord, type RecordValue } from './records';

/**
 * Every collection of every document, declared once: its record schema, the key a record is
 * stored under, whose name it carries, what never changes, the permission a board write needs,
 * whether undo tracks it and how many records it may hold. The collection lists, the snapshot
 * readers and writers, the undo manager and the generic part of the server's checks are derived
 * from here; `domain/boardRules.ts` and `domain/synthesisRules.ts` add only the special rules.
 *
 * To add a collection: add an entry here (and its limit in LIMITS.recordsPerCollection), then its
 * special rule, if any, in the document's rules module.
 */

/**
 * Who a record belongs to. `field` holds the participant id of its owner. `writes`: every write
 * must carry the writer's own id (`each`), or only creating it (`create`, a facilitator may create
 * in someone else's name — undoing a deletion puts the author back). `remove`: who may remove it —
 * its `owner` or a facilitator, only a `facilitator`, or `anyone` who may write the collection
 * (a group's shared pick; further conditions are the document's special rules).
 */
export interface Ownership {
  readonly field: string;
  readonly writes: 'each' | 'create';
  readonly remove: 'owner' | 'facilitator' | 'anyone';
}

/** One collection of a document. */
export interface CollectionSpec<T> {
  /** The record schema (a record's own values, as stored). */
  readonly schema: z.ZodType<T>;
  /** The key a record is stored under. */
  readonly key: (record: T) => string;
  /** Whose record it is and who may remove it; null: the document's writer decides (session). */
  readonly owner: Ownership | null;
  /** Keys nobody may change once the record exists. */
  readonly immutable: readonly string[];
  /** The phase permission a write to this collection of a board needs (null outside boards). */
  readonly permission: Permission | null;
  /** Whether the local undo manager tracks it. */
  readonly undoable: boolean;
  /** Most records the collection may hold (LIMITS.recordsPerCollection). */
  readonly limit: number;
  /** The order readers list records in. */
  readonly order?: (a: T, b: T) => number;
}

function define<T>(name: string, spec: Omit<CollectionSpec<T>, 'limit'>): CollectionSpec<T> {
  return { ...spec, limit: collectionLimit(name) };
}

const notes = define('notes', {
  schema: noteSchema,
  key: (n) => n.id,
  owner: { field: 'authorId', writes: 'create', remove: 'owner' },
  immutable: ['id', 'authorId', 'createdAt'],
  permission: 'notes',
  undoable: true,
  order: (a, b) => a.z - b.z || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
});

/**
 * A board document (one per subgroup, and the plenary board). Agreed wordings, highlights and
 * choices are not undoable: undoing one would put back the previous author's name, which the
 * server refuses (each is saved in your own name); all are single, deliberate actions with their
 * own way back.
 */
export const BOARD_SPEC = {
  notes,
  marks: define('marks', {
    schema: markSchema,
    key: (m) => markId(m.noteId, m.participantId),
    owner: { field: 'participantId', writes: 'each', remove: 'owner' },
    immutable: [],
    permission: 'mark',
    undoable: true,
  }),
  votes: define('votes', {
    schema: voteSchema,
    key: (v) => voteId(v.participantId, v.slot),
    owner: { field: 'participantId', writes: 'each', remove: 'owner' },
    immutable: [],
    permission: 'vote',
    undoable: true,
  }),
  formulations: define('formulations', {
    schema: formulationSchema,
    key: (f) => f.fieldId,
    owner: { field: 'updatedBy', writes: 'each', remove: 'facilitator' },
    immutable: [],
    permission: 'formulate',
    undoable: false,
  }),
  deferrals: define('deferrals', {
    schema: deferralSchema,
    key: (d) => d.id,
    owner: { field: 'createdBy', writes: 'create', remove: 'owner' },
    immutable: ['id', 'createdBy', 'createdAt'],
    permission: 'defer',
    undoable: true,
    order: (a, b) => a.createdAt - b.createdAt,
  }),
  highlights: define('highlights', {
    schema: highlightSchema,
    key: (h) => h.noteId,
    owner: { field: 'by', writes: 'each', remove: 'anyone' },
    immutable: [],
    permission: 'highlight',
    undoable: false,
  }),
  choices: define('choices', {
    schema: choiceSchema,
    key: (c) => choiceId(c.targetKind, c.targetId),
    owner: { field: 'by', writes: 'each', remove: 'anyone' },
    immutable: [],
    permission: 'formulate',
    undoable: false,
  }),
} as const;

/** A participant's private draft for silent writing: notes only. */
export const DRAFT_SPEC = { notes } as const;

/** The workshop's synthesis document: the plenary's clusters, compromise wordings and action items. */
export const SYNTHESIS_SPEC = {
  clusters: define('clusters', {
    schema: clusterRecordSchema,
    key: (c) => c.id,
    owner: { field: 'updatedBy', writes: 'each', remove: 'anyone' },
    immutable: [],
    permission: null,
    undoable: false,
  }),
  plenaryFormulations: define('plenaryFormulations', {
    schema: plenaryFormulationSchema,
    key: (f) => f.fieldId,
    owner: { field: 'updatedBy', writes: 'each', remove: 'facilitator' },
    immutable: [],
    permission: null,
    undoable: false,
  }),
  actions: define('actions', {
    schema: actionItemSchema,
    key: (a) => a.id,
    owner: { field: 'createdBy', writes: 'create', remove: 'owner' },
    immutable: ['id', 'createdBy', 'createdAt'],
    permission: null,
    undoable: false,
    order: (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  }),
} as const;

/** The session document: facilitators write it (domain/sessionRules.ts), the server mirrors the record into it. */
export const SESSION_SPEC = {
  flow: define('flow', { schema: flowSchema, key: () => FLOW_ID, owner: null, immutable: [], permission: null, undoable: false }),
  groups: define('groups', { schema: groupSchema, key: (g) => g.id, owner: null, immutable: [], permission: null, undoable: false }),
  members: define('members', { schema: memberSchema, key: (m) => m.id, owner: null, immutable: [], permission: null, undoable: false }),
  settings: define('settings', { schema: settingsSchema, key: () => SETTINGS_ID, owner: null, immutable: [], permission: null, undoable: false }),
  readings: define('readings', { schema: readingSchema, key: (r) => String(r.order), owner: null, immutable: [], permission: null, undoable: false }),
  agenda: define('agenda', { schema: agendaItemSchema, key: (a) => a.phaseId, owner: null, immutable: [], permission: null, undoable: false }),
} as const;

/** Every kind of document and its collections. */
export const DOC_SPECS = { board: BOARD_SPEC, draft: DRAFT_SPEC, synthesis: SYNTHESIS_SPEC, session: SESSION_SPEC } as const;

/** A kind of document. */
export type DocKind = keyof typeof DOC_SPECS;

/** The collections of a kind of document, as declared. */
export type DocSpec = Readonly<Record<string, CollectionSpec<any>>>; // eslint-disable-line -- each entry has its own record type

/** The names of a document's collections, in declaration order. */
export function collectionNames<D extends DocSpec>(spec: D): Array<keyof D & string> {
  return Object.keys(spec) as Array<keyof D & string>;
}

/** The records of every collection of a document, as plain data. */
export type Snapshot<D extends DocSpec> = { [K in keyof D]: D[K] extends CollectionSpec<infer T> ? T[] : never };

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
  for (const [key, value] of Object.entries(record)) out[key] = Array.isArray(value) ? [...(value as readonly string[])] : value;
  return out;
}

/**
 * An undo manager over the undoable collections of a document that only ever reverts the local
 * user's own edits (LOCAL_ORIGIN); null when the document has nothing to undo.
 */
export function undoManagerFor(doc: Y.Doc, spec: DocSpec, options: { readonly captureTimeout?: number } = {}): Y.UndoManager | null {
  const tracked = collectionNames(spec).filter((name) => spec[name]!.undoable);
  if (tracked.length === 0) return null;
  return new Y.UndoManager(
    tracked.map((name) => collection(doc, name)),
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: options.captureTimeout ?? 600 },
  );
}
