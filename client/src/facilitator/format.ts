import type { Locale } from '@dmc/shared/template/types';

/**
 * Time as the facilitator console shows it: the countdown clock, durations in the phase plan,
 * and "how long ago" for board activity. Pure functions, so both languages are unit-tested.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A countdown as `m:ss` (or `h:mm:ss`). Seconds are rounded up, so a timer shows 5:00 for its
 * whole first second and 0:00 only when the time is really up.
 */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** A number of minutes as "3 uur 35 min" / "3 h 35 min"; "0 min" for nothing. */
export function formatDuration(minutes: number, locale: Locale): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const hourUnit = locale === 'nl' ? 'uur' : 'h';
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} ${hourUnit}` : `${hours} ${hourUnit} ${rest} min`;
}

/** Hours with at most one decimal in the locale's notation: 3.5 → "3,5" in Dutch. */
export function formatHours(hours: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours);
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

/** Whole minutes a person can type for a timer: 1–180, or null when the input is not a number. */
export function parseTimerMinutes(input: string): number | null {
  const value = Number(input.replace(',', '.'));
  if (!Number.isFinite(value) || input.trim() === '') return null;
  return Math.min(180, Math.max(1, Math.round(value)));
}
