import { z } from 'zod';
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
  /** A break is on ("Pauze tot 10:45"): its name, and the agenda item it came from (if any). */
  breakLabel: z.string().trim().min(1).max(AGENDA_ENTRY_LABEL_LENGTH).nullable(),
  breakEntryId: idSchema.nullable(),
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
  /** Participants are asked for their role at the table when joining. */
  askTableRole: z.boolean(),
  /** Start time on the workshop date, HH:MM, or empty. */
  startTime: z.string().max(5),
  /** Practical notes for the invitation (room, video link, what to bring). */
  practicalNotes: z.string().max(2000),
  /** What happens to a participant's notes when they leave (absent in older records: 'choose'). */
  onLeave: z.enum(LEAVE_RULES).optional(),
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
  title: z.string().min(1).max(200),
  url: z.union([
    z.literal(''),
    z
      .string()
      .max(500)
      .regex(/^https?:\/\//, 'a web address'),
  ]),
  order: z.number().int().nonnegative(),
});
export type Reading = z.infer<typeof readingSchema>;

/** The planned minutes of one phase on the agenda; record id = the phase id. */
export const agendaItemSchema = z.strictObject({
  phaseId: z.string().refine(isPhaseId, 'unknown phase'),
  minutes: z.number().int().min(0).max(600),
});
export type AgendaItem = Omit<z.infer<typeof agendaItemSchema>, 'phaseId'> & { readonly phaseId: PhaseId };

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
  /** The role at the table the member gave (see domain/roles.ts), if any. */
  tableRole: z.string().max(32).nullable().optional(),
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
