import * as Y from 'yjs';
import { z } from 'zod';
import { isPhaseId, type PhaseId } from '../domain/phases';
import { collection, patchRecord, putRecord, toPlain, type PlainRecord } from './records';
import { LOCAL_ORIGIN } from './origins';

/**
 * The session document of a workshop: the flow everyone follows (phase, timer, spotlight,
 * attention), the subgroups and who is in which. Facilitators write it; participants may only
 * mark themselves ready and, where allowed, pick their subgroup. Membership itself (joining,
 * renaming, removing) is written by the server.
 */

/** Collections of the session document. */
export const SESSION_COLLECTIONS = ['flow', 'groups', 'members', 'settings'] as const;

/** The single record id in the `flow` and `settings` collections. */
export const FLOW_ID = 'state';
export const SETTINGS_ID = 'workshop';

/** Colours a facilitator can give a subgroup (readable with white text, AA). */
export const GROUP_COLORS = ['#1d4ed8', '#b42318', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f'] as const;

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The workshop flow: phase, timer, spotlight and attention, as one record. */
export const flowSchema = z.strictObject({
  phaseId: z.string().refine(isPhaseId, 'unknown phase'),
  phaseStartedAt: z.number().int().nonnegative(),
  /** Timer: running ends at `timerEndsAt` (server clock, ms); paused keeps `timerRemainingMs`. */
  timerStatus: z.enum(['idle', 'running', 'paused']),
  timerEndsAt: z.number().int().nonnegative().nullable(),
  timerRemainingMs: z.number().int().nonnegative().nullable(),
  timerDurationMs: z.number().int().nonnegative(),
  spotlightGroupId: idSchema.nullable(),
  presenterId: idSchema.nullable(),
  /** The field the presenter shows; everyone following sees it. */
  presenterSheetId: z.string().max(32).nullable(),
  presenterFieldId: z.string().max(64).nullable(),
  /** "Bring everyone here": a new nonce makes every participant's view jump. */
  attentionNonce: z.number().int().nonnegative(),
  attentionSheetId: z.string().max(32).nullable(),
  attentionX: z.number().finite(),
  attentionY: z.number().finite(),
  attentionScale: z.number().finite().positive(),
  /** Participants' views follow the facilitator's while set. */
  followFacilitatorId: idSchema.nullable(),
});

/** The workshop flow as plain data. */
export type Flow = Omit<z.infer<typeof flowSchema>, 'phaseId'> & { readonly phaseId: PhaseId };

/** Workshop settings mirrored from the server's record (read-only for clients). */
export const settingsSchema = z.strictObject({
  title: z.string().max(120),
  institution: z.string().max(120),
  date: z.string().max(10),
  language: z.enum(['nl', 'en']),
  allowAnonymous: z.boolean(),
  dotsPerPerson: z.number().int().min(0).max(20),
  selfSelectGroups: z.boolean(),
  closed: z.boolean(),
});

/** Workshop settings as plain data. */
export type Settings = z.infer<typeof settingsSchema>;

/** A subgroup. */
export const groupSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(40),
  color: z.enum(GROUP_COLORS),
  order: z.number().int().nonnegative(),
});

/** A subgroup as plain data. */
export type Group = z.infer<typeof groupSchema>;

/** A person in the workshop, as everyone sees them. */
export const memberSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(40),
  role: z.enum(['facilitator', 'participant']),
  groupId: idSchema.nullable(),
  /** The phase the member said "klaar" in; ready means equal to the current phase. */
  readyPhase: z.string().max(32).nullable(),
  joinedAt: z.number().int().nonnegative(),
});

/** A member as plain data. */
export type Member = z.infer<typeof memberSchema>;

/** Keys of a member record a participant may change about themselves. */
export const SELF_MEMBER_KEYS: readonly (keyof Member)[] = ['readyPhase', 'groupId'];

/** The flow a new workshop starts with. */
export function initialFlow(now: number): Flow {
  return {
    phaseId: 'open',
    phaseStartedAt: now,
    timerStatus: 'idle',
    timerEndsAt: null,
    timerRemainingMs: null,
    timerDurationMs: 0,
    spotlightGroupId: null,
    presenterId: null,
    presenterSheetId: null,
    presenterFieldId: null,
    attentionNonce: 0,
    attentionSheetId: null,
    attentionX: 0,
    attentionY: 0,
    attentionScale: 1,
    followFacilitatorId: null,
  };
}

function parse<T>(schema: z.ZodType<T>, value: PlainRecord | undefined): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function record(doc: Y.Doc, coll: string, id: string): PlainRecord | undefined {
  const rec = collection(doc, coll).get(id);
  return rec instanceof Y.Map ? toPlain(rec) : undefined;
}

/** The current flow; the initial flow when the document is still empty. */
export function readFlow(doc: Y.Doc): Flow {
  return (parse(flowSchema, record(doc, 'flow', FLOW_ID)) as Flow | undefined) ?? initialFlow(0);
}

/** The settings, if the server has written them. */
export function readSettings(doc: Y.Doc): Settings | undefined {
  return parse(settingsSchema, record(doc, 'settings', SETTINGS_ID));
}

/** All subgroups, in their order. */
export function readGroups(doc: Y.Doc): Group[] {
  const groups: Group[] = [];
  collection(doc, 'groups').forEach((rec) => {
    const group = rec instanceof Y.Map ? parse(groupSchema, toPlain(rec)) : undefined;
    if (group) groups.push(group);
  });
  return groups.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** All members, in joining order. */
export function readMembers(doc: Y.Doc): Member[] {
  const members: Member[] = [];
  collection(doc, 'members').forEach((rec) => {
    const member = rec instanceof Y.Map ? parse(memberSchema, toPlain(rec)) : undefined;
    if (member) members.push(member);
  });
  return members.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
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
export function assignMembers(doc: Y.Doc, assignment: ReadonlyMap<string, string | null>, origin: unknown = LOCAL_ORIGIN): void {
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
