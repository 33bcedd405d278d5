import type { z } from 'zod/mini';
import { actionItemSchema } from '../domain/actionItems';
import { agendaEntryRecordSchema } from '../domain/agenda';
import {
  choiceId,
  choiceSchema,
  deferralSchema,
  formulationSchema,
  highlightSchema,
  markId,
  markSchema,
  voteId,
  voteSchema,
} from '../domain/discussion';
import { collectionLimit } from '../domain/limits';
import { noteSchema } from '../domain/note';
import { questionId, questionSchema } from '../domain/questions';
import type { Permission } from '../domain/phases';
import { clusterRecordSchema, plenaryFormulationSchema } from '../domain/plenary';
import {
  FLOW_ID,
  SETTINGS_ID,
  agendaItemSchema,
  flowSchema,
  groupSchema,
  memberSchema,
  readingSchema,
  settingsSchema,
} from '../domain/session';

/**
 * Every collection of every document, declared once: its record schema, the key a record is
 * stored under, whose name it carries, what never changes, the permission a board write needs,
 * whether undo tracks it and how many records it may hold. The collection lists, the snapshot
 * readers and writers, the undo manager and the generic part of the server's checks are derived
 * from here; `domain/boardRules.ts` and `domain/synthesisRules.ts` add only the special rules.
 *
 * To add a collection: add an entry here (and its limit in LIMITS.recordsPerCollection), then its
 * special rule, if any, in the document's rules module.
 *
 * Plain data without Yjs, so the domain rules can use it; registry.ts derives the Yjs parts.
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
  readonly schema: z.ZodMiniType<T>;
  /** The key a record is stored under. */
  readonly key: (record: T) => string;
  /** Whose record it is and who may remove it; null: the document's writer decides (session). */
  readonly owner: Ownership | null;
  /** Keys nobody may change once the record exists (checked before the schema). */
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
    // The id is covered by the key check: a changed id no longer matches the key.
    immutable: ['createdBy', 'createdAt'],
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
  /** Listeners' questions to the presenting subgroup (domain/questions.ts): only one's own, a few each. */
  questions: define('questions', {
    schema: questionSchema,
    key: (q) => questionId(q.authorId, q.slot),
    owner: { field: 'authorId', writes: 'each', remove: 'owner' },
    immutable: ['authorId', 'slot', 'createdAt'],
    permission: 'ask',
    undoable: false,
    order: (a, b) => a.createdAt - b.createdAt,
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
    // The id is covered by the key check: a changed id no longer matches the key.
    immutable: ['createdBy', 'createdAt'],
    permission: null,
    undoable: false,
    order: (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  }),
} as const;

/** The session document: facilitators write it (domain/sessionRules.ts), the server mirrors the record into it. */
export const SESSION_SPEC = {
  flow: define('flow', {
    schema: flowSchema,
    key: () => FLOW_ID,
    owner: null,
    immutable: [],
    permission: null,
    undoable: false,
  }),
  groups: define('groups', {
    schema: groupSchema,
    key: (g) => g.id,
    owner: null,
    immutable: [],
    permission: null,
    undoable: false,
  }),
  members: define('members', {
    schema: memberSchema,
    key: (m) => m.id,
    owner: null,
    immutable: [],
    permission: null,
    undoable: false,
  }),
  settings: define('settings', {
    schema: settingsSchema,
    key: () => SETTINGS_ID,
    owner: null,
    immutable: [],
    permission: null,
    undoable: false,
  }),
  readings: define('readings', {
    schema: readingSchema,
    key: (r) => String(r.order),
    owner: null,
    immutable: [],
    permission: null,
    undoable: false,
  }),
  agenda: define('agenda', {
    schema: agendaItemSchema,
    key: (a) => a.phaseId,
    owner: null,
    immutable: [],
    permission: null,
    undoable: false,
  }),
  /** The facilitator's own agenda items (breaks and others), mirrored from the record (domain/agenda.ts). */
  agendaEntries: define('agendaEntries', {
    schema: agendaEntryRecordSchema,
    key: (e) => e.id,
    owner: null,
    immutable: [],
    permission: null,
    undoable: false,
    order: (a, b) => a.order - b.order,
  }),
} as const;

/** Every kind of document and its collections. */
export const DOC_SPECS = {
  board: BOARD_SPEC,
  draft: DRAFT_SPEC,
  synthesis: SYNTHESIS_SPEC,
  session: SESSION_SPEC,
} as const;

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
