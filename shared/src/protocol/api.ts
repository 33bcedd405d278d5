import { z } from 'zod';
import { LIMITS } from '../domain/limits';

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

/** A join code as the server expects it. */
export const joinCodeSchema = z
  .string()
  .transform(normalizeJoinCode)
  .pipe(z.string().length(JOIN_CODE_LENGTH).regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), 'not a join code'));

/** Identifiers the server generates (workshops, participants, boards). */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an id');

/** A display name: trimmed, no control characters. */
export const displayNameSchema = z
  .string()
  .transform((s) => s.replace(/\p{Cc}/gu, '').trim())
  .pipe(z.string().min(1, 'a name is required').max(LIMITS.displayNameLength));

/** Interface and content language. */
export const localeSchema = z.enum(['nl', 'en']);

/** POST /api/workshops */
export const createWorkshopRequest = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.workshopTitleLength),
  language: localeSchema.default('nl'),
  facilitatorName: displayNameSchema.optional(),
});
export type CreateWorkshopRequest = z.input<typeof createWorkshopRequest>;

/** POST /api/join */
export const joinRequest = z.strictObject({
  code: joinCodeSchema,
  name: displayNameSchema,
});
export type JoinRequest = z.input<typeof joinRequest>;

/** POST /api/facilitate: exchanges the secret of a facilitator link for a facilitator token. */
export const facilitateRequest = z.strictObject({
  workshopId: idSchema,
  secret: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'not a facilitator key'),
  name: displayNameSchema.optional(),
});
export type FacilitateRequest = z.input<typeof facilitateRequest>;

/** What anyone holding the join code may know about a workshop. */
export interface WorkshopSummary {
  readonly id: string;
  readonly title: string;
  readonly language: 'nl' | 'en';
  readonly code: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly closed: boolean;
}

/** A person in a workshop, as others see them. */
export interface ParticipantSummary {
  readonly id: string;
  readonly name: string;
  readonly role: 'facilitator' | 'participant';
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
  readonly workshop: Pick<WorkshopSummary, 'id' | 'title' | 'language' | 'closed'>;
}

/** GET /api/health */
export interface HealthResponse {
  readonly status: 'ok';
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly documentsLoaded: number;
  readonly connections: number;
}

/** Every error response has this shape. */
export interface ErrorResponse {
  readonly error: { readonly code: string; readonly message: string; readonly details?: readonly string[] };
}

/** The board every workshop has from the start; subgroup boards come later. */
export const PLENARY_BOARD = 'plenary';

/** The websocket document key of a board. */
export function boardDocKey(boardId: string): string {
  return `board-${boardId}`;
}
