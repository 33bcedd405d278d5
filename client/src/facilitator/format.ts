/**
 * The facilitator's timer: the countdown clock and the minutes typed for it. Pure functions.
 * (Durations, dates and "how long ago" in the interface language are in i18n/format.ts.)
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

/** Whole minutes a person can type for a timer: 1–180, or null when the input is not a number. */
export function parseTimerMinutes(input: string): number | null {
  const value = Number(input.replace(',', '.'));
  if (!Number.isFinite(value) || input.trim() === '') return null;
  return Math.min(180, Math.max(1, Math.round(value)));
}
