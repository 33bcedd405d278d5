import { z } from 'zod/mini';
import { idSchema } from './ids';
import { collectionLimit } from './limits';
import { PHASE_IDS, type PhaseId } from './phases';

/**
 * The facilitator's own agenda items between the phases of the script: a break ("Pauze",
 * "Koffie", "Lunch") or another item ("Terugkoppeling bestuur"). A dagdeel has a break, and the
 * fixed phases cannot hold one. Each item sits after a phase; several after the same phase keep
 * the order they were given. The workshop record stores them as a list; the session document
 * mirrors each as a record with its position (`order`).
 */

/** What an own item is: a break (participants see "Pauze tot 10:45" when it starts) or another item. */
export const AGENDA_ENTRY_KINDS = ['break', 'item'] as const;
export type AgendaEntryKind = (typeof AGENDA_ENTRY_KINDS)[number];

/** Most own items on one agenda (the session collection's limit, LIMITS.recordsPerCollection). */
export const MAX_AGENDA_ENTRIES = collectionLimit('agendaEntries');
/** Longest own item, in minutes (a long lunch fits). */
export const MAX_AGENDA_ENTRY_MINUTES = 180;
/** Characters in an item's name. */
export const AGENDA_ENTRY_LABEL_LENGTH = 60;

/** One own item on the agenda. */
export const agendaEntrySchema = z.strictObject({
  id: idSchema,
  kind: z.enum(AGENDA_ENTRY_KINDS),
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(AGENDA_ENTRY_LABEL_LENGTH)),
  minutes: z.int().check(z.gte(1), z.lte(MAX_AGENDA_ENTRY_MINUTES)),
  /** The phase it follows (any phase of the script; after "open" means before the welcome). */
  after: z.enum(PHASE_IDS),
});
export type AgendaEntry = Readonly<z.infer<typeof agendaEntrySchema>>;

/** The own items as the workshop record and the API hold them: at most 12, each id once. */
export const agendaEntriesSchema = z.array(agendaEntrySchema).check(
  z.maxLength(MAX_AGENDA_ENTRIES),
  z.refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'each item has its own id'),
);

/** An own item in the session document: the entry and its place in the list. */
export const agendaEntryRecordSchema = z.extend(agendaEntrySchema, { order: z.int().check(z.nonnegative()) });
export type AgendaEntryRecord = AgendaEntry & { readonly order: number };

/** The own items after a phase, in their order. */
export function entriesAfter(entries: readonly AgendaEntry[], phaseId: PhaseId): AgendaEntry[] {
  return entries.filter((e) => e.after === phaseId);
}

/** The entries in agenda order: by the phase they follow, then in their own order. */
export function sortEntries<T extends AgendaEntry>(entries: readonly T[]): T[] {
  return PHASE_IDS.flatMap((id) => entries.filter((e) => e.after === id));
}

/** The planned minutes of all own items. */
export function entriesTotal(entries: readonly AgendaEntry[]): number {
  return entries.reduce((sum, e) => sum + e.minutes, 0);
}
