import { text, type PlainTextKey } from '../i18n/catalogue';
import type { Locale } from '../template/types';
import type { ActionItem } from '../domain/actionItems';
import { ACTION_STATUS_LABELS } from '../domain/actionTexts';
import { stripBidiControls, utf8Bytes } from './text';

/**
 * The dated actions as an iCalendar file (RFC 5545), to put the deadlines in one's calendar.
 *
 * Each action becomes an all-day VEVENT on its date (DTSTART;VALUE=DATE, DTEND the next day),
 * not a VTODO with DUE: Google Calendar and Outlook ignore VTODO on import, and those are what
 * most institutions use; an all-day event shows up everywhere. TRANSP:TRANSPARENT keeps it from
 * blocking the day as busy. Actions without a date are left out (there is nothing to schedule).
 * UIDs are the action id at the caller's domain, and SEQUENCE grows with every edit, so a
 * re-imported file updates the events instead of duplicating them.
 */

/** Options of {@link actionsToIcs}. */
export interface IcsOptions {
  readonly workshopTitle: string;
  /** The moment of export (ms), for DTSTAMP. */
  readonly now: number;
  /** The host the UIDs live under, e.g. "canvas.example.nl". */
  readonly uidDomain: string;
  readonly locale: Locale;
  readonly fieldTitle?: (fieldId: string) => string;
  readonly groupName?: (groupId: string) => string;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control characters go. */
export function escapeIcsText(text: string): string {
  return (
    stripBidiControls(text)
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
  );
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF plus one space before each
 * continuation, never inside a UTF-8 sequence (whole code points are moved) and the space counts
 * towards the next line's 75.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = utf8Bytes(char.codePointAt(0) ?? 0);
    if (bytes + size > 75) {
      parts.push(current);
      current = ' ';
      bytes = 1;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** A moment as an iCalendar UTC date-time, e.g. 20250501T093000Z. */
function icsDateTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** YYYY-MM-DD as an iCalendar DATE, and the day after it. */
function icsDateRange(date: string): { start: string; end: string } {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  return { start: date.replace(/-/g, ''), end: next.toISOString().slice(0, 10).replace(/-/g, '') };
}

/** Only what a host name may contain, so a UID never breaks the line it is on. */
function safeDomain(domain: string): string {
  const cleaned = domain.toLowerCase().replace(/[^a-z0-9.-]/g, '');
  return cleaned === '' ? 'discussiemodel-canvas.invalid' : cleaned;
}

/** The dated actions as an iCalendar document with CRLF line ends and folded lines. */
export function actionsToIcs(actions: readonly ActionItem[], options: IcsOptions): string {
  const label = (key: PlainTextKey) => text(options.locale, key);
  const domain = safeDomain(options.uidDomain);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Discussiemodel Canvas//${label('actions.title')}//${options.locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(`${options.workshopTitle} — ${label('actions.calendarName')}`)}`,
  ];
  const stamp = icsDateTime(options.now);
  for (const action of actions) {
    if (action.when === '') continue;
    const { start, end } = icsDateRange(action.when);
    const description = [
      action.who.trim() !== '' ? `${label('action.who')}: ${action.who}` : null,
      `${label('action.status')}: ${ACTION_STATUS_LABELS[action.status][options.locale]}`,
      action.sourceFieldId !== null
        ? `${label('action.field')}: ${options.fieldTitle?.(action.sourceFieldId) ?? action.sourceFieldId}`
        : null,
      action.sourceGroupId !== null
        ? `${label('action.subgroup')}: ${options.groupName?.(action.sourceGroupId) ?? action.sourceGroupId}`
        : null,
      `${label('action.workshop')}: ${options.workshopTitle}`,
    ]
      .filter((line): line is string => line !== null)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${action.id}@${domain}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${icsDateTime(action.updatedAt)}`,
      // Seconds since creation: grows with every edit, as calendar apps expect of an update.
      `SEQUENCE:${Math.max(0, Math.floor((action.updatedAt - action.createdAt) / 1000))}`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${end}`,
      `SUMMARY:${escapeIcsText(action.what)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
