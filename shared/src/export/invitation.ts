import { text } from '../i18n/catalogue';
import type { Locale } from '../template/types';
import { escapeIcsText, foldIcsLine } from './ics';
import { PHASES, type PhaseId } from '../domain/phases';
import type { AgendaEntry } from '../domain/agenda';
import {
  WORKSHOP_TIME_ZONE,
  agendaTotal,
  buildAgenda,
  formatClockTime,
  formatLongDate,
  formatMinutes,
  parseClock,
  type AgendaMinutes,
} from '../domain/schedule';

/**
 * The invitation that goes out before the workshop, with the date, the join link, the agenda and
 * the reading list: as text to paste into an e-mail, and as an iCalendar event. Built from the
 * schedule (domain/schedule.ts); pure functions, pinned by invitation.test.ts.
 */

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
