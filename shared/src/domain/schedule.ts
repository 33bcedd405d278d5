import { text, type TextKey } from '../i18n/catalogue';
import type { Locale } from '../template/types';
import { plannedMinutes, type AgendaMinutes } from './flow';
import { PHASES, type PhaseId } from './phases';
import { entriesAfter, entriesTotal, type AgendaEntry } from './agenda';

/**
 * The workshop's schedule ("Voorbereiding voor de workshop" in the handbook): the agenda that
 * follows from the phases, their planned minutes and the facilitator's own items, with clock
 * times, totals and dates in words. The invitation built from it is a writer: export/invitation.ts.
 */

/** The handbook: "Houdt rekening met een dagdeel aan tijdsbesteding" — a dagdeel is about four hours. */
export const HALF_DAY_MINUTES = 240;

/** The time zone of the workshop's clock times: Dutch institutions, Dutch time. */
export const WORKSHOP_TIME_ZONE = 'Europe/Amsterdam';

/** Planned minutes per phase live with the flow (domain/flow.ts); re-exported for the agenda's users. */
export { plannedMinutes, type AgendaMinutes } from './flow';

/**
 * One line of the agenda with its clock times (empty when there is no start time): a phase of the
 * script (`entry` null), or one of the facilitator's own items (a break or another item) with the
 * phase it follows as `phaseId`.
 */
export interface AgendaSlot {
  readonly phaseId: PhaseId;
  readonly entry: AgendaEntry | null;
  /** HH:MM, or '' without a start time. */
  readonly start: string;
  /** HH:MM, or '' without a start time. */
  readonly end: string;
  readonly minutes: number;
  /** Minutes from the start of the workshop to the start of this phase. */
  readonly offset: number;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight of an HH:MM time, or null when it is not one. */
export function parseClock(time: string): number | null {
  const match = CLOCK.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Minutes after midnight as HH:MM on a 24-hour clock (wrapping past midnight). */
export function formatClockTime(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** The phases that can be on an agenda: those with suggested minutes ("open" and "done" have none). */
export function agendaPhases(): PhaseId[] {
  return PHASES.filter((p) => p.minutes > 0).map((p) => p.id);
}

/** Only the planned minutes that differ from the suggested ones, as `agendaMinutes` stores them. */
export function agendaOverrides(planned: Readonly<Partial<Record<PhaseId, number>>>): Partial<Record<PhaseId, number>> {
  const out: Partial<Record<PhaseId, number>> = {};
  for (const p of PHASES) {
    const minutes = planned[p.id];
    if (minutes !== undefined && minutes !== p.minutes) out[p.id] = minutes;
  }
  return out;
}

/**
 * The agenda: every phase with planned minutes, in script order, each followed by the own items
 * placed after it (breaks and others), with start and end clock times counted from `startTime`
 * (HH:MM). Phases planned at 0 minutes are left out; items after them stay.
 */
export function buildAgenda(
  startTime: string,
  agendaMinutes: AgendaMinutes = {},
  entries: readonly AgendaEntry[] = [],
): AgendaSlot[] {
  const start = parseClock(startTime);
  const slots: AgendaSlot[] = [];
  let offset = 0;
  const add = (phaseId: PhaseId, entry: AgendaEntry | null, minutes: number) => {
    slots.push({
      phaseId,
      entry,
      start: start === null ? '' : formatClockTime(start + offset),
      end: start === null ? '' : formatClockTime(start + offset + minutes),
      minutes,
      offset,
    });
    offset += minutes;
  };
  for (const p of PHASES) {
    const minutes = plannedMinutes(p.id, agendaMinutes);
    if (minutes > 0) add(p.id, null, minutes);
    for (const entry of entriesAfter(entries, p.id)) add(p.id, entry, entry.minutes);
  }
  return slots;
}

/** The total planned minutes of the agenda, own items included. */
export function agendaTotal(agendaMinutes: AgendaMinutes = {}, entries: readonly AgendaEntry[] = []): number {
  return PHASES.reduce((sum, p) => sum + plannedMinutes(p.id, agendaMinutes), 0) + entriesTotal(entries);
}

/** How the total compares with the half day the handbook plans for. */
export function halfDayFit(totalMinutes: number): 'fits' | 'over' {
  return totalMinutes <= HALF_DAY_MINUTES ? 'fits' : 'over';
}

/** A number of minutes as "3 u 35 min" / "3 h 35 min"; "0 min" for nothing. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const unit = text(locale, 'time.hourUnit');
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} ${unit}` : `${hours} ${unit} ${rest} min`;
}

const WEEKDAYS = [
  'date.sunday',
  'date.monday',
  'date.tuesday',
  'date.wednesday',
  'date.thursday',
  'date.friday',
  'date.saturday',
] as const satisfies readonly TextKey[];
const MONTHS = [
  'date.january',
  'date.february',
  'date.march',
  'date.april',
  'date.may',
  'date.june',
  'date.july',
  'date.august',
  'date.september',
  'date.october',
  'date.november',
  'date.december',
] as const satisfies readonly TextKey[];

/** YYYY-MM-DD as "donderdag 10 december 2026" / "Thursday 10 December 2026"; '' when not a date. */
export function formatLongDate(date: string, locale: Locale): string {
  const match = DATE.exec(date);
  if (!match) return '';
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCMonth() !== m - 1) return '';
  const weekday = WEEKDAYS[day.getUTCDay()];
  const month = MONTHS[m - 1];
  if (weekday === undefined || month === undefined) return '';
  return `${text(locale, weekday)} ${d} ${text(locale, month)} ${y}`;
}
