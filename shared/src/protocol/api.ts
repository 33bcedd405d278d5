import { z } from 'zod/mini';
import { LIMITS } from '../domain/limits';
import { PHASE_IDS } from '../domain/phases';
import { TABLE_ROLES } from '../domain/roles';
import type { Role } from '../domain/actor';
import { ID_PATTERN, isId } from '../domain/ids';
import { LEAVE_RULES, type LeaveRule } from '../domain/departure';
import { agendaEntriesSchema, type AgendaEntry } from '../domain/agenda';

/**
 * HTTP API request and response shapes, validated on both sides with the same schemas.
 * Responses are typed; requests are parsed by the server with these schemas.
 */

/** Characters of a join code: no 0/O, 1/I/L, so it can be read aloud and typed from a slide. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Length of a join code. */
export const JOIN_CODE_LENGTH = 6;

/** Normalises what a person typed as a join code (case, spaces, dashes). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** What is wrong with a typed join code, so a person can be told before anything is sent; null when it looks right. */
export type JoinCodeProblem =
  { readonly kind: 'length'; readonly length: number } | { readonly kind: 'characters'; readonly characters: string };

/** Checks a typed join code (after normalising) against the length and the alphabet. */
export function joinCodeProblem(input: string): JoinCodeProblem | null {
  const code = normalizeJoinCode(input);
  const wrong = [...new Set(Array.from(code).filter((c) => !JOIN_CODE_ALPHABET.includes(c)))];
  if (wrong.length > 0) return { kind: 'characters', characters: wrong.join(' ') };
  if (code.length !== JOIN_CODE_LENGTH) return { kind: 'length', length: code.length };
  return null;
}

/** A join code as the server expects it. */
export const joinCodeSchema = z.pipe(
  z.pipe(z.string(), z.transform(normalizeJoinCode)),
  z.string().check(z.length(JOIN_CODE_LENGTH), z.regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), 'not a join code')),
);

/** Identifiers the server generates (workshops, participants, boards). */
export const idSchema = z.string().check(z.regex(ID_PATTERN, 'not an id'));

/** A display name: trimmed, no control characters. */
export const displayNameSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s) => s.replace(/\p{Cc}/gu, '').trim()),
  ),
  z.string().check(z.minLength(1, 'a name is required'), z.maxLength(LIMITS.displayNameLength)),
);

/** Interface and content language. */
export const localeSchema = z.enum(['nl', 'en']);

/** A calendar date as YYYY-MM-DD, or empty when not planned yet. */
export const workshopDateSchema = z.union([
  z.literal(''),
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')),
]);

/** Settings a facilitator chooses for a workshop. */
export const workshopSettingsFields = {
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.workshopTitleLength)),
  institution: z.string().check(z.trim(), z.maxLength(LIMITS.workshopTitleLength)),
  date: workshopDateSchema,
  language: localeSchema,
  /** Participants may join without a name. */
  allowAnonymous: z.boolean(),
  /** Voting dots per participant. */
  dotsPerPerson: z.int().check(z.gte(0), z.lte(20)),
  /** Participants pick their own subgroup. */
  selfSelectGroups: z.boolean(),
  /** Participants are asked their role at the table when joining. */
  askTableRole: z.boolean(),
  /** Start time on the date, HH:MM, or empty. */
  startTime: z.union([z.literal(''), z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM'))]),
  /** Practical notes for the invitation. */
  practicalNotes: z.string().check(z.maxLength(2000)),
  /** The reading list sent with the invitation. */
  readingList: z
    .array(
      z.strictObject({
        title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
        url: z.union([
          z.literal(''),
          z.string().check(z.maxLength(500), z.regex(/^https?:\/\//, 'a web address (https://…)')),
        ]),
      }),
    )
    .check(z.maxLength(20)),
  /** Planned minutes per phase, where they differ from the suggested ones. */
  agendaMinutes: z.partialRecord(z.enum(PHASE_IDS), z.int().check(z.gte(0), z.lte(600))),
  /** The facilitator's own agenda items between the phases: breaks and others (domain/agenda.ts). */
  agendaEntries: agendaEntriesSchema,
  /** What happens to a participant's notes when they leave (domain/departure.ts). */
  onLeave: z.enum(LEAVE_RULES),
};

/** The handbook's reading list ("Vooraf lezen"), the default for a new workshop. */
export const DEFAULT_READING_LIST: readonly { readonly title: string; readonly url: string }[] = [
  {
    title: 'Whitepaper “Hoe data de kwaliteit van het onderwijs kunnen verbeteren”',
    url: 'https://www.surf.nl/files/2019-05/Whitepaper-Hoe-data-de-kwaliteit-van-het-onderwijs-kunnen-verbeteren-2019.pdf',
  },
  {
    title: '“Instellingen experimenteren met learning analytics”',
    url: 'https://www.surf.nl/files/2019-02/Instellingen-experimenteren-met-learning-analytics.pdf',
  },
  {
    title: '“Learning analytics in het onderwijs: een onderwijskundig perspectief”',
    url: 'https://www.surf.nl/rapport-learning-analytics-in-het-onderwijs-een-onderwijskundig-perspectief',
  },
];

/** A role at the table, as a participant gives it. */
export const tableRoleSchema = z.enum(TABLE_ROLES);

/** POST /api/workshops */
/** How a workshop runs, beyond what it is called: the settings a backup carries along. */
export const workshopPlanSchema = z.strictObject({
  allowAnonymous: workshopSettingsFields.allowAnonymous,
  dotsPerPerson: workshopSettingsFields.dotsPerPerson,
  selfSelectGroups: workshopSettingsFields.selfSelectGroups,
  askTableRole: workshopSettingsFields.askTableRole,
  startTime: workshopSettingsFields.startTime,
  practicalNotes: workshopSettingsFields.practicalNotes,
  readingList: workshopSettingsFields.readingList,
  agendaMinutes: workshopSettingsFields.agendaMinutes,
  /** Absent in backups from before own agenda items existed: none. */
  agendaEntries: z.optional(workshopSettingsFields.agendaEntries),
});
export type WorkshopPlan = z.infer<typeof workshopPlanSchema>;

export const createWorkshopRequest = z.strictObject({
  title: workshopSettingsFields.title,
  institution: z._default(workshopSettingsFields.institution, ''),
  date: z._default(workshopSettingsFields.date, ''),
  language: z._default(localeSchema, 'nl'),
  allowAnonymous: z._default(z.boolean(), false),
  dotsPerPerson: z._default(workshopSettingsFields.dotsPerPerson, 3),
  selfSelectGroups: z._default(z.boolean(), false),
  askTableRole: z._default(z.boolean(), true),
  startTime: z._default(workshopSettingsFields.startTime, ''),
  practicalNotes: z._default(workshopSettingsFields.practicalNotes, ''),
  readingList: z.optional(workshopSettingsFields.readingList),
  agendaMinutes: z._default(workshopSettingsFields.agendaMinutes, {}),
  agendaEntries: z._default(workshopSettingsFields.agendaEntries, []),
  onLeave: z._default(workshopSettingsFields.onLeave, 'choose'),
  facilitatorName: z.optional(displayNameSchema),
});
export type CreateWorkshopRequest = z.input<typeof createWorkshopRequest>;

/** PATCH /api/workshops/:id — any subset of the settings. */
export const updateWorkshopRequest = z.partial(z.strictObject(workshopSettingsFields));
export type UpdateWorkshopRequest = z.input<typeof updateWorkshopRequest>;

/** POST /api/workshops/:id/close — close (read-only for everyone) or reopen. */
export const closeWorkshopRequest = z.strictObject({ closed: z.boolean() });

/** PATCH /api/workshops/:id/participants/:participantId — a new name and/or role at the table. */
export const renameParticipantRequest = z
  .strictObject({ name: z.optional(displayNameSchema), tableRole: z.optional(z.nullable(tableRoleSchema)) })
  .check(z.refine((r) => r.name !== undefined || r.tableRole !== undefined, { message: 'nothing to change' }));

/** POST /api/join — a name, or anonymous where the workshop allows it. */
export const joinRequest = z
  .strictObject({
    code: joinCodeSchema,
    name: z.optional(displayNameSchema),
    anonymous: z.optional(z.boolean()),
    tableRole: z.optional(tableRoleSchema),
  })
  .check(
    z.refine((r) => r.name !== undefined || r.anonymous === true, { message: 'a name is required', path: ['name'] }),
  );
export type JoinRequest = z.input<typeof joinRequest>;

/** The secret of a facilitator link. */
const facilitatorSecretSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, 'not a facilitator key'));

/**
 * Who opens a facilitator link on this device: a new facilitator (the default), a facilitator who
 * is already in the workshop on another device (`again`, with their id: the same person, not a
 * second one), or a presentation screen that is not a person (`beamer`: read-only, never a member).
 */
export const FACILITATE_MODES = ['new', 'again', 'beamer'] as const;
export type FacilitateMode = (typeof FACILITATE_MODES)[number];

/** POST /api/facilitate: exchanges the secret of a facilitator link for a facilitator (or presentation) token. */
export const facilitateRequest = z
  .strictObject({
    workshopId: idSchema,
    secret: facilitatorSecretSchema,
    name: z.optional(displayNameSchema),
    mode: z.optional(z.enum(FACILITATE_MODES)),
    participantId: z.optional(idSchema),
  })
  .check(
    z.refine((r) => r.mode !== 'again' || r.participantId !== undefined, {
      message: 'say which facilitator you are',
      path: ['participantId'],
    }),
  );
export type FacilitateRequest = z.input<typeof facilitateRequest>;

/** POST /api/facilitate/facilitators: with the secret, who facilitates already (so a device can say "this is me"). */
export const facilitatorsRequest = z.strictObject({ workshopId: idSchema, secret: facilitatorSecretSchema });
export type FacilitatorsRequest = z.input<typeof facilitatorsRequest>;

/** Response to POST /api/facilitate/facilitators. */
export interface FacilitatorsResponse {
  readonly workshop: Pick<WorkshopSummary, 'id' | 'title' | 'language'>;
  readonly facilitators: readonly { readonly id: string; readonly name: string }[];
}

/** What anyone holding the join code may know about a workshop. */
export interface WorkshopSummary {
  readonly id: string;
  readonly title: string;
  readonly institution: string;
  readonly date: string;
  readonly language: 'nl' | 'en';
  readonly code: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly closed: boolean;
  readonly allowAnonymous: boolean;
  readonly dotsPerPerson: number;
  readonly selfSelectGroups: boolean;
  readonly askTableRole: boolean;
  readonly startTime: string;
  readonly practicalNotes: string;
  readonly readingList: readonly { readonly title: string; readonly url: string }[];
  readonly agendaMinutes: Readonly<Partial<Record<(typeof PHASE_IDS)[number], number>>>;
  /** The facilitator's own agenda items (breaks and others), in their order. */
  readonly agendaEntries: readonly AgendaEntry[];
  /** What happens to a participant's notes when they leave. */
  readonly onLeave: LeaveRule;
}

/** A person in a workshop, as others see them. */
export interface ParticipantSummary {
  readonly id: string;
  readonly name: string;
  /** `viewer`: a presentation screen, not a person (never in the members or the report). */
  readonly role: Role;
  readonly tableRole: (typeof TABLE_ROLES)[number] | null;
}

/** A signed-in session: the token to present on every request and websocket. */
export interface SessionResponse {
  readonly token: string;
  readonly participant: ParticipantSummary;
  readonly workshop: WorkshopSummary;
}

/** Response to POST /api/workshops: the facilitator secret is shown once and never again. */
export interface CreateWorkshopResponse extends SessionResponse {
  readonly facilitatorSecret: string;
}

/** GET /api/join/:code */
export interface JoinInfoResponse {
  readonly workshop: Pick<
    WorkshopSummary,
    'id' | 'title' | 'institution' | 'language' | 'closed' | 'allowAnonymous' | 'askTableRole' | 'expiresAt' | 'onLeave'
  >;
}

/**
 * GET /api/privacy: who is responsible for the data (the operator's PRIVACY_CONTROLLER and
 * PRIVACY_CONTACT; null when not configured) and how long workshops are kept.
 */
export interface PrivacyResponse {
  readonly controller: string | null;
  readonly contact: string | null;
  /** Days a workshop is kept after its date (or creation); then everything in it is deleted. */
  readonly retentionDays: number;
}

/** PATCH /api/workshops/:id/me — a participant changes their own display name. */
export const renameSelfRequest = z.strictObject({ name: displayNameSchema });

/**
 * POST /api/workshops/:id/me/leave — a participant leaves; `notes` says what they chose for their
 * notes, needed only where the facilitator lets participants choose.
 */
export const leaveRequest = z.strictObject({ notes: z.optional(z.enum(['remove', 'anonymise'])) });
export type LeaveRequest = z.input<typeof leaveRequest>;

/** GET /api/health */
export interface HealthResponse {
  readonly status: 'ok';
  /** The server's clock (ms since the epoch), so clients can show timers without clock skew. */
  readonly serverTime: number;
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly documentsLoaded: number;
  readonly connections: number;
}

/** Every error response has this shape. */
export interface ErrorResponse {
  readonly error: { readonly code: string; readonly message: string; readonly details?: readonly string[] };
}

/** The board every workshop has: the plenary board (and everyone's board without subgroups). */
export const PLENARY_BOARD = 'plenary';

/** The websocket document key of the session document (flow, subgroups, members). */
export const SESSION_DOC = 'session';

/** The websocket document key of a board: `plenary` or a subgroup id. */
export function boardDocKey(boardId: string): string {
  return `board-${boardId}`;
}

/** The websocket document key of a participant's private draft (silent writing). */
export function draftDocKey(participantId: string): string {
  return `draft-${participantId}`;
}

/** The websocket document key of the plenary results: clusters, compromise wording, actions. */
export const SYNTHESIS_DOC = 'synthesis';

/** What a document key refers to. */
export type DocKey =
  | { readonly kind: 'session' }
  | { readonly kind: 'synthesis' }
  | { readonly kind: 'board'; readonly boardId: string }
  | { readonly kind: 'draft'; readonly ownerId: string };

/** Parses a document key; undefined for anything else. */
export function parseDocKey(key: string): DocKey | undefined {
  if (key === SESSION_DOC) return { kind: 'session' };
  if (key === SYNTHESIS_DOC) return { kind: 'synthesis' };
  const match = /^(board|draft)-(.*)$/.exec(key);
  if (!match?.[2] || !isId(match[2])) return undefined;
  return match[1] === 'board' ? { kind: 'board', boardId: match[2] } : { kind: 'draft', ownerId: match[2] };
}
