import { text, type TextKey } from '../i18n/catalogue';
import type { Locale } from '../template/types';
import { escapeIcsText, foldIcsLine } from '../export/ics';
import { plannedMinutes, type AgendaMinutes } from './flow';
import { PHASES, type PhaseId } from './phases';
import { entriesAfter, entriesTotal, type AgendaEntry } from './agenda';

/**
 * Preparing the workshop ("Voorbereiding voor de workshop" in the handbook): the agenda that
 * follows from the phases and their planned minutes, and the invitation that goes out with the
 * date, the join link, the agenda and the reading list — as text to paste into an e-mail, and as
 * an iCalendar event. Pure functions: the console shows them, the tests pin them down.
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

/** Everything an invitation is made of. */
export interface InvitationInput {
  readonly workshopId: string;
  readonly title: string;
  readonly institution: string;
  /** YYYY-MM-DD or ''. */
  readonly date: string;
  /** HH:MM or ''. */
  readonly startTime: string;
  /** The participants' join link, e.g. https://canvas.example.nl/j/ABC234. */
  readonly joinLink: string;
  readonly code: string;
  readonly agendaMinutes: AgendaMinutes;
  /** The facilitator's own items (breaks and others); none when absent. */
  readonly agendaEntries?: readonly AgendaEntry[];
  readonly readingList: readonly { readonly title: string; readonly url: string }[];
  readonly practicalNotes: string;
  /** Whether participants are asked their role at the table when joining. */
  readonly askTableRole?: boolean;
  /** The day (YYYY-MM-DD) by which the workshop is deleted, if the invitation should say so. */
  readonly deleteBy?: string;
  /** Phase labels, when the caller wants other wording than the script's. */
  readonly phaseLabel?: (phaseId: PhaseId, locale: Locale) => string;
}

/** The invitation's fixed texts in one language, from the catalogue. */
function invitationWords(locale: Locale) {
  return {
    heading: text(locale, 'invitation.heading'),
    intro: (title: string, institution: string) =>
      text(locale, 'invitation.intro', {
        title,
        ofInstitution: institution ? text(locale, 'invitation.ofInstitution', { institution }) : '',
      }),
    when: text(locale, 'invitation.when'),
    whenUnknown: (d: string) => text(locale, 'invitation.whenUnknown', { d }),
    duration: (d: string) => `(${d})`,
    join: text(locale, 'invitation.join'),
    joinText: (link: string, home: string, code: string) => text(locale, 'invitation.joinText', { link, home, code }),
    privacy: text(locale, 'invitation.privacy'),
    privacyPage: (link: string) => text(locale, 'invitation.privacyPage', { link }),
    deleteBy: (date: string) => text(locale, 'invitation.deleteBy', { date }),
    role: text(locale, 'invitation.role'),
    agenda: text(locale, 'invitation.agenda'),
    readingList: text(locale, 'invitation.readingList'),
    readingIntro: text(locale, 'invitation.readingIntro'),
    practical: text(locale, 'invitation.practical'),
    closing: text(locale, 'invitation.closing'),
  };
}

const TEXT = { nl: invitationWords('nl'), en: invitationWords('en') } as const;

/** The phase's label from the script. */
function defaultPhaseLabel(phaseId: PhaseId, locale: Locale): string {
  return PHASES.find((p) => p.id === phaseId)?.label[locale] ?? phaseId;
}

/** The site a join link lives on (scheme and host), for "or go to … and enter the code". */
function siteOf(link: string): string {
  return /^(https?:\/\/[^/?#]+)/i.exec(link)?.[1] ?? link;
}

/** "donderdag 10 december 2026, 13:30–17:05" (or what is known of it); '' when no date. */
export function invitationWhen(
  input: Pick<InvitationInput, 'date' | 'startTime' | 'agendaMinutes' | 'agendaEntries'>,
  locale: Locale,
): string {
  const day = formatLongDate(input.date, locale);
  if (day === '') return '';
  const start = parseClock(input.startTime);
  if (start === null) return day;
  const end = formatClockTime(start + agendaTotal(input.agendaMinutes, input.agendaEntries));
  return `${day}, ${formatClockTime(start)}–${end}`;
}

/**
 * The invitation as plain text, for an e-mail or a calendar description: who invites to what,
 * when, how to join (link and code), the agenda, the reading list, practical notes and privacy.
 */
export function invitationText(input: InvitationInput, locale: Locale): string {
  const text = TEXT[locale];
  const label = input.phaseLabel ?? defaultPhaseLabel;
  const total = agendaTotal(input.agendaMinutes, input.agendaEntries);
  const when = invitationWhen(input, locale);
  // "… — Hogeschool Lindenhaven" van Hogeschool Lindenhaven: name the institution only when the title does not.
  const institution = input.institution.trim();
  const named = institution !== '' && !input.title.toLowerCase().includes(institution.toLowerCase()) ? institution : '';
  const lines: string[] = [`${text.heading}: ${input.title}`];
  if (named !== '') lines.push(named);
  lines.push('', text.intro(input.title, named), '');
  const duration = formatMinutes(total, locale);
  lines.push(`${text.when}: ${when === '' ? text.whenUnknown(duration) : `${when} ${text.duration(duration)}`}`, '');
  lines.push(`${text.join}:`, text.joinText(input.joinLink, siteOf(input.joinLink), input.code));
  if (input.askTableRole) lines.push(text.role);
  const deleteBy = formatLongDate(input.deleteBy ?? '', locale);
  lines.push('', `${text.privacy}${deleteBy === '' ? '' : ` ${text.deleteBy(deleteBy)}`}`);
  lines.push(text.privacyPage(`${siteOf(input.joinLink)}/privacy`));
  lines.push('', `${text.agenda}:`);
  for (const slot of buildAgenda(input.startTime, input.agendaMinutes, input.agendaEntries)) {
    const time = slot.start === '' ? formatMinutes(slot.minutes, locale).padEnd(11) : `${slot.start}–${slot.end}`;
    const name = slot.entry ? slot.entry.label : label(slot.phaseId, locale);
    lines.push(`${time}  ${name}${slot.start === '' ? '' : ` (${slot.minutes} min)`}`);
  }
  const readings = input.readingList.filter((r) => r.title.trim() !== '');
  if (readings.length > 0) {
    lines.push('', `${text.readingList}:`, text.readingIntro);
    for (const reading of readings) {
      lines.push(`- ${reading.title.trim()}`);
      if (reading.url.trim() !== '') lines.push(`  ${reading.url.trim()}`);
    }
  }
  const practical = input.practicalNotes.replace(/\r\n?/g, '\n').trim();
  if (practical !== '') lines.push('', `${text.practical}:`, practical);
  lines.push('', text.closing);
  return lines.join('\n');
}

/** Options of {@link invitationIcs}. */
export interface InvitationIcsOptions {
  /** The moment of export (ms), for DTSTAMP. */
  readonly now: number;
  readonly locale: Locale;
  /** The host the UID lives under, e.g. "canvas.example.nl" (defaults to the join link's host). */
  readonly uidDomain?: string;
}

/**
 * The time zone definition of Europe/Amsterdam (CET/CEST) as RFC 5545 VTIMEZONE: summer time
 * from the last Sunday of March 02:00 to the last Sunday of October 03:00, since 1996.
 */
export const AMSTERDAM_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${WORKSHOP_TIME_ZONE}`,
  `X-LIC-LOCATION:${WORKSHOP_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A local date and minutes after its midnight as an iCalendar local DATE-TIME (days roll over). */
function localDateTime(date: string, minutes: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const moment = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 0, minutes));
  return moment.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** A moment as an iCalendar UTC DATE-TIME, e.g. 20261201T093000Z. */
function utcDateTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Whether the invitation can become a calendar event: it needs a valid date and start time. */
export function canMakeInvitationIcs(input: Pick<InvitationInput, 'date' | 'startTime'>): boolean {
  return formatLongDate(input.date, 'nl') !== '' && parseClock(input.startTime) !== null;
}

/**
 * The invitation as an iCalendar file with one event (RFC 5545), in Dutch time with its
 * VTIMEZONE; null when date or start time is missing. The UID is stable per workshop, so a
 * later download updates the event in a calendar rather than adding a second one. End = start
 * plus the planned total on the wall clock (a workshop does not span the night of a clock change).
 */
export function invitationIcs(input: InvitationInput, options: InvitationIcsOptions): string | null {
  if (!canMakeInvitationIcs(input)) return null;
  const start = parseClock(input.startTime) ?? 0;
  const total = Math.max(1, agendaTotal(input.agendaMinutes, input.agendaEntries));
  const host = (options.uidDomain ?? /^https?:\/\/([^/:?#]+)/i.exec(input.joinLink)?.[1] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '');
  const location = input.practicalNotes.replace(/\r\n?/g, '\n').trim().split('\n')[0]?.trim() ?? '';
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Discussiemodel Canvas//${text(options.locale, 'invitation.heading')}//${options.locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...AMSTERDAM_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:workshop-${input.workshopId.replace(/[^A-Za-z0-9_-]/g, '')}@${host === '' ? 'discussiemodel-canvas.invalid' : host}`,
    `DTSTAMP:${utcDateTime(options.now)}`,
    `DTSTART;TZID=${WORKSHOP_TIME_ZONE}:${localDateTime(input.date, start)}`,
    `DTEND;TZID=${WORKSHOP_TIME_ZONE}:${localDateTime(input.date, start + total)}`,
    `SUMMARY:${escapeIcsText(input.title)}`,
    `DESCRIPTION:${escapeIcsText(invitationText(input, options.locale))}`,
    ...(/^https?:\/\/\S+$/i.test(input.joinLink) ? [`URL:${input.joinLink}`] : []),
    ...(location !== '' ? [`LOCATION:${escapeIcsText(location)}`] : []),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

/** A file name for the invitation, from the title: "uitnodiging-learning-analytics.ics". */
export function invitationFileName(title: string, locale: Locale): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${text(locale, 'file.invitation')}${slug ? `-${slug}` : ''}.ics`;
}
