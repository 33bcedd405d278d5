import { z } from 'zod/mini';
import { isPhaseId, type PhaseId } from './phases';
import { idSchema } from './ids';
import { LEAVE_RULES } from './departure';
import { AGENDA_ENTRY_LABEL_LENGTH } from './agenda';

/**
 * The shape of the session document's records: the workshop flow, settings, subgroups and
 * members. Plain schemas; `doc/session.ts` stores them in Yjs.
 */

/** The single record id in the `flow` and `settings` collections. */
export const FLOW_ID = 'state';
export const SETTINGS_ID = 'workshop';

/** Colours a facilitator can give a subgroup (readable with white text, AA). */
export const GROUP_COLORS = [
  '#1d4ed8',
  '#b42318',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
] as const;

/** The workshop flow: phase, timer, spotlight and attention, as one record. */
export const flowSchema = z.strictObject({
  phaseId: z.string().check(z.refine(isPhaseId, 'unknown phase')),
  phaseStartedAt: z.int().check(z.nonnegative()),
  /** Timer: running ends at `timerEndsAt` (server clock, ms); paused keeps `timerRemainingMs`. */
  timerStatus: z.enum(['idle', 'running', 'paused']),
  timerEndsAt: z.nullable(z.int().check(z.nonnegative())),
  timerRemainingMs: z.nullable(z.int().check(z.nonnegative())),
  timerDurationMs: z.int().check(z.nonnegative()),
  spotlightGroupId: z.nullable(idSchema),
  presenterId: z.nullable(idSchema),
  /** The field the presenter shows; everyone following sees it. */
  presenterSheetId: z.nullable(z.string().check(z.maxLength(32))),
  presenterFieldId: z.nullable(z.string().check(z.maxLength(64))),
  /** "Bring everyone here": a new nonce makes every participant's view jump. */
  attentionNonce: z.int().check(z.nonnegative()),
  attentionSheetId: z.nullable(z.string().check(z.maxLength(32))),
  attentionX: z.number(),
  attentionY: z.number(),
  attentionScale: z.number().check(z.positive()),
  /** Participants' views follow the facilitator's while set. */
  followFacilitatorId: z.nullable(idSchema),
  /** A break is on ("Pauze tot 10:45"): its name, and the agenda item it came from (if any). */
  breakLabel: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(AGENDA_ENTRY_LABEL_LENGTH))),
  breakEntryId: z.nullable(idSchema),
});

/** The workshop flow as plain data. */
export type Flow = Omit<z.infer<typeof flowSchema>, 'phaseId'> & { readonly phaseId: PhaseId };

/** Workshop settings mirrored from the server's record (read-only for clients). */
export const settingsSchema = z.strictObject({
  title: z.string().check(z.maxLength(120)),
  institution: z.string().check(z.maxLength(120)),
  date: z.string().check(z.maxLength(10)),
  language: z.enum(['nl', 'en']),
  allowAnonymous: z.boolean(),
  dotsPerPerson: z.int().check(z.gte(0), z.lte(20)),
  selfSelectGroups: z.boolean(),
  closed: z.boolean(),
  /** Participants are asked for their role at the table when joining. */
  askTableRole: z.boolean(),
  /** Start time on the workshop date, HH:MM, or empty. */
  startTime: z.string().check(z.maxLength(5)),
  /** Practical notes for the invitation (room, video link, what to bring). */
  practicalNotes: z.string().check(z.maxLength(2000)),
  /** What happens to a participant's notes when they leave (absent in older records: 'choose'). */
  onLeave: z.optional(z.enum(LEAVE_RULES)),
});

/** Workshop settings as plain data. */
export type Settings = z.infer<typeof settingsSchema>;

/** Settings fields added after the first version, with the values older documents imply. */
export const SETTINGS_DEFAULTS: Pick<Settings, 'askTableRole' | 'startTime' | 'practicalNotes' | 'onLeave'> = {
  askTableRole: true,
  startTime: '',
  practicalNotes: '',
  onLeave: 'choose',
};

/** One document of the reading list; record id = its position as a string. */
export const readingSchema = z.strictObject({
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z.union([z.literal(''), z.string().check(z.maxLength(500), z.regex(/^https?:\/\//, 'a web address'))]),
  order: z.int().check(z.nonnegative()),
});
export type Reading = z.infer<typeof readingSchema>;

/** The planned minutes of one phase on the agenda; record id = the phase id. */
export const agendaItemSchema = z.strictObject({
  phaseId: z.string().check(z.refine(isPhaseId, 'unknown phase')),
  minutes: z.int().check(z.gte(0), z.lte(600)),
});
export type AgendaItem = Omit<z.infer<typeof agendaItemSchema>, 'phaseId'> & { readonly phaseId: PhaseId };

/** A subgroup. */
export const groupSchema = z.strictObject({
  id: idSchema,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  color: z.enum(GROUP_COLORS),
  order: z.int().check(z.nonnegative()),
});

/** A subgroup as plain data. */
export type Group = z.infer<typeof groupSchema>;

/** A person in the workshop, as everyone sees them. */
export const memberSchema = z.strictObject({
  id: idSchema,
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  role: z.enum(['facilitator', 'participant']),
  groupId: z.nullable(idSchema),
  /** The phase the member said "klaar" in; ready means equal to the current phase. */
  readyPhase: z.nullable(z.string().check(z.maxLength(32))),
  joinedAt: z.int().check(z.nonnegative()),
  /** The role at the table the member gave (see domain/roles.ts), if any. */
  tableRole: z.optional(z.nullable(z.string().check(z.maxLength(32)))),
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
    breakLabel: null,
    breakEntryId: null,
  };
}
