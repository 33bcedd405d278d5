import type { Locale } from '@dmc/shared/template/types';

/**
 * The one place where the interface writes and reads dates, times and numbers, always in the
 * interface language (never the browser's): Dutch as in the Netherlands, English as in Britain
 * (day before month). Pure functions over `Intl`, unit-tested in both languages (format.test.ts).
 * Durations ("3 u 35 min") are written by the shared `formatMinutes` (domain/schedule.ts), as the
 * invitation and the agenda write them; it is not re-exported here, so that the participant's
 * board does not load the text catalogue it needs.
 */

/** The `Intl` locale of an interface language. */
export function intlLocale(locale: Locale): string {
  return locale === 'nl' ? 'nl-NL' : 'en-GB';
}

/** A number in the language's notation (3,5 in Dutch). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  const key = `${locale} ${options ? JSON.stringify(options) : ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Number formats made so far (making one is costly; a view of many notes formats many counts). */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A share (0..1) as a percentage: "42%". */
export function formatPercent(share: number, locale: Locale): string {
  return formatNumber(share, locale, { style: 'percent' });
}

/** Hours with at most one decimal: 3.5 → "3,5" in Dutch. */
export function formatHours(hours: number, locale: Locale): string {
  return formatNumber(hours, locale, { maximumFractionDigits: 1 });
}

/** A calendar day (YYYY-MM-DD) for reading, e.g. "10 mrt 2026" / "10 Mar 2026"; the text itself when it is no day. */
export function formatDay(iso: string, locale: Locale): string {
  const day = isoDayParts(iso);
  if (!day) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(day.year, day.month - 1, day.day));
}

/** A moment (ms) as a long date in the local time zone, e.g. "4 december 2026" / "4 December 2026". */
export function formatLongDate(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long' }).format(ms);
}

/** A moment (ms) as a 24-hour clock time in the local time zone: "10:45" in both languages. */
export function formatClock(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    ms,
  );
}

/**
 * How long ago `then` was, seen at `now` (both ms): "nu" / "now" within the first minute, then
 * whole minutes, then whole hours ("2 minuten geleden", "1 hour ago").
 */
export function formatAgo(then: number, now: number, locale: Locale): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  if (seconds < 60) return rtf.format(0, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  return rtf.format(-Math.floor(minutes / 60), 'hour');
}

// ---------- Entry: date and time fields of our own (the browser's follow its own language) ----------

/** How a date is typed: "dd-mm-jjjj" in Dutch, "dd/mm/yyyy" in English. */
export function datePattern(locale: Locale): string {
  return locale === 'nl' ? 'dd-mm-jjjj' : 'dd/mm/yyyy';
}

/** A day (YYYY-MM-DD) as it is typed: "10-03-2026" / "10/03/2026"; "" for no day. */
export function dateEntryText(iso: string, locale: Locale): string {
  const day = isoDayParts(iso);
  if (!day) return '';
  const sep = locale === 'nl' ? '-' : '/';
  return [pad(day.day), pad(day.month), String(day.year)].join(sep);
}

/**
 * A typed date as YYYY-MM-DD: day-month-year with `-`, `/`, `.` or spaces (either language), or
 * the ISO form itself. `''` for an empty field, null for what is not a real day (31-02-2026).
 */
export function parseDateEntry(text: string): string | null {
  const input = text.trim();
  if (input === '') return '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  const dmy = /^(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4})$/.exec(input);
  const parts = iso
    ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
    : dmy
      ? { year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]) }
      : null;
  if (!parts || !isRealDay(parts.year, parts.month, parts.day)) return null;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** A typed time of day as HH:MM (24-hour, both languages): "9:05", "09.05", "0905". `''` for empty, null for nonsense. */
export function parseTimeEntry(text: string): string | null {
  const input = text.trim();
  if (input === '') return '';
  const match = /^(\d{1,2})[:.h]?(\d{2})$/.exec(input);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDayParts(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDay(year, month, day) ? { year, month, day } : null;
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
