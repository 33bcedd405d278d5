import * as Y from 'yjs';
import type { z } from 'zod/mini';
import type { PhaseId } from '../domain/phases';
import {
  FLOW_ID,
  SETTINGS_DEFAULTS,
  SETTINGS_ID,
  agendaItemSchema,
  readingSchema,
  type AgendaItem,
  type Reading,
  flowSchema,
  groupSchema,
  initialFlow,
  memberSchema,
  settingsSchema,
  type Flow,
  type Group,
  type Member,
  type Settings,
} from '../domain/session';
import { agendaEntryRecordSchema, type AgendaEntry, type AgendaEntryRecord } from '../domain/agenda';
import { collection, patchRecord, putRecord, readRecords, toPlain, type PlainRecord } from './records';
import { LOCAL_ORIGIN } from './origins';
import { SESSION_SPEC, collectionNames } from './registry';

/**
 * The session document of a workshop: the flow everyone follows (phase, timer, spotlight,
 * attention), the subgroups and who is in which. Facilitators write it; participants may only
 * mark themselves ready and, where allowed, pick their subgroup. Membership itself (joining,
 * renaming, removing) is written by the server.
 */

/** Collections of the session document (declared in registry.ts). */
export const SESSION_COLLECTIONS = collectionNames(SESSION_SPEC);

export * from '../domain/session';

function parse<T>(schema: z.ZodMiniType<T>, value: PlainRecord | undefined): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function record(doc: Y.Doc, coll: string, id: string): PlainRecord | undefined {
  const rec = collection(doc, coll).get(id);
  return rec instanceof Y.Map ? toPlain(rec) : undefined;
}

/**
 * The current flow; the initial flow when the document is still empty. Fields added in later
 * versions take their initial values, so an older document never reads as "no flow".
 */
export function readFlow(doc: Y.Doc): Flow {
  const stored = record(doc, 'flow', FLOW_ID);
  if (!stored) return initialFlow(0);
  return (parse(flowSchema, { ...initialFlow(0), ...stored }) as Flow | undefined) ?? initialFlow(0);
}

/** The settings, if the server has written them (older documents get defaults for newer fields). */
export function readSettings(doc: Y.Doc): Settings | undefined {
  const stored = record(doc, 'settings', SETTINGS_ID);
  return stored ? parse(settingsSchema, { ...SETTINGS_DEFAULTS, ...stored }) : undefined;
}

/** Whether the server has initialised this session document. */
export function hasSettings(doc: Y.Doc): boolean {
  return collection(doc, 'settings').has(SETTINGS_ID);
}

/** The reading list, in order. */
export function readReadings(doc: Y.Doc): Reading[] {
  return readRecords(doc, 'readings', readingSchema).sort((a, b) => a.order - b.order);
}

/** The planned minutes per phase (phases without an entry use their suggested minutes). */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
  return readRecords(doc, 'agenda', agendaItemSchema) as AgendaItem[];
}

/** The facilitator's own agenda items (breaks and others), in their order. */
export function readAgendaEntries(doc: Y.Doc): AgendaEntry[] {
  return (readRecords(doc, 'agendaEntries', agendaEntryRecordSchema) as AgendaEntryRecord[])
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...entry }) => entry);
}

/** Replaces the reading list, the agenda's minutes and its own items (server only). */
export function writePreparation(
  doc: Y.Doc,
  readings: readonly Omit<Reading, 'order'>[],
  agenda: readonly AgendaItem[],
  entries: readonly AgendaEntry[],
  origin: unknown,
): void {
  doc.transact(() => {
    const readingColl = collection(doc, 'readings');
    for (const key of [...readingColl.keys()]) if (Number(key) >= readings.length) readingColl.delete(key);
    readings.forEach((reading, order) => {
      const existing = readingColl.get(String(order));
      if (existing instanceof Y.Map) patchRecord(existing, { ...reading, order });
      else putRecord(readingColl, String(order), { ...reading, order });
    });
    const agendaColl = collection(doc, 'agenda');
    const wanted = new Set(agenda.map((a) => a.phaseId));
    for (const key of [...agendaColl.keys()]) if (!wanted.has(key as PhaseId)) agendaColl.delete(key);
    for (const item of agenda) {
      const existing = agendaColl.get(item.phaseId);
      if (existing instanceof Y.Map) patchRecord(existing, { ...item });
      else putRecord(agendaColl, item.phaseId, { ...item });
    }
    const entryColl = collection(doc, 'agendaEntries');
    const kept = new Set(entries.map((e) => e.id));
    for (const key of [...entryColl.keys()]) if (!kept.has(key)) entryColl.delete(key);
    entries.forEach((entry, order) => {
      const existing = entryColl.get(entry.id);
      if (existing instanceof Y.Map) patchRecord(existing, { ...entry, order });
      else putRecord(entryColl, entry.id, { ...entry, order });
    });
  }, origin);
}

/** All subgroups, in their order. */
export function readGroups(doc: Y.Doc): Group[] {
  return readRecords(doc, 'groups', groupSchema).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** All members, in joining order. */
export function readMembers(doc: Y.Doc): Member[] {
  return readRecords(doc, 'members', memberSchema).sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
}

/** One member. */
export function readMember(doc: Y.Doc, id: string): Member | undefined {
  return parse(memberSchema, record(doc, 'members', id));
}

/** Changes the flow (phase, timer, spotlight, attention); creates it when missing. */
export function updateFlow(doc: Y.Doc, values: Partial<Flow>, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => {
    const flows = collection(doc, 'flow');
    const existing = flows.get(FLOW_ID);
    if (existing instanceof Y.Map) patchRecord(existing, values);
    else putRecord(flows, FLOW_ID, { ...initialFlow(Date.now()), ...values });
  }, origin);
}

/** Writes the settings mirror (server only). */
export function writeSettings(doc: Y.Doc, settings: Settings, origin: unknown): void {
  doc.transact(() => {
    const coll = collection(doc, 'settings');
    const existing = coll.get(SETTINGS_ID);
    if (existing instanceof Y.Map) patchRecord(existing, settings);
    else putRecord(coll, SETTINGS_ID, settings);
  }, origin);
}

/** Adds or changes a subgroup. */
export function putGroup(doc: Y.Doc, group: Group, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => {
    const coll = collection(doc, 'groups');
    const existing = coll.get(group.id);
    if (existing instanceof Y.Map) patchRecord(existing, group);
    else putRecord(coll, group.id, group);
  }, origin);
}

/** Removes a subgroup; its members become unassigned. */
export function removeGroup(doc: Y.Doc, groupId: string, origin: unknown = LOCAL_ORIGIN): void {
  doc.transact(() => {
    collection(doc, 'groups').delete(groupId);
    collection(doc, 'members').forEach((rec) => {
      if (rec instanceof Y.Map && rec.get('groupId') === groupId) rec.set('groupId', null);
    });
  }, origin);
}

/** Adds a member or changes their name/role (server only). */
export function putMember(doc: Y.Doc, member: Member, origin: unknown): void {
  doc.transact(() => {
    const coll = collection(doc, 'members');
    const existing = coll.get(member.id);
    if (existing instanceof Y.Map) patchRecord(existing, member);
    else putRecord(coll, member.id, member);
  }, origin);
}

/** Removes a member (server only). */
export function removeMember(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => collection(doc, 'members').delete(id), origin);
}

/** Assigns members to subgroups in one transaction (one undo step). */
export function assignMembers(
  doc: Y.Doc,
  assignment: ReadonlyMap<string, string | null>,
  origin: unknown = LOCAL_ORIGIN,
): void {
  doc.transact(() => {
    const coll = collection(doc, 'members');
    for (const [memberId, groupId] of assignment) {
      const rec = coll.get(memberId);
      if (rec instanceof Y.Map && rec.get('groupId') !== groupId) rec.set('groupId', groupId);
    }
  }, origin);
}

/** Marks a member ready (or not) for the current phase. */
export function setReady(doc: Y.Doc, memberId: string, phaseId: PhaseId | null, origin: unknown = LOCAL_ORIGIN): void {
  const rec = collection(doc, 'members').get(memberId);
  if (rec instanceof Y.Map) doc.transact(() => patchRecord(rec, { readyPhase: phaseId }), origin);
}

/** Calls `listener` whenever anything in the session document changes, and once now. */
export function observeSession(doc: Y.Doc, listener: () => void): () => void {
  const colls = SESSION_COLLECTIONS.map((name) => collection(doc, name));
  const handler = () => listener();
  for (const c of colls) c.observeDeep(handler);
  listener();
  return () => {
    for (const c of colls) c.unobserveDeep(handler);
  };
}
