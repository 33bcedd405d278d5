import { describe, expect, it } from 'vitest';
import {
  dateEntryText,
  datePattern,
  formatAgo,
  formatClock,
  formatDay,
  formatHours,
  formatLongDate,
  formatPercent,
  parseDateEntry,
  parseTimeEntry,
} from './format';

describe('dates for reading', () => {
  it('puts the day before the month in both languages (no US dates in English)', () => {
    expect(formatDay('2026-03-10', 'nl')).toBe('10 mrt 2026');
    expect(formatDay('2026-03-10', 'en')).toBe('10 Mar 2026');
    expect(formatLongDate(Date.UTC(2026, 11, 4, 12), 'nl')).toBe('4 december 2026');
    expect(formatLongDate(Date.UTC(2026, 11, 4, 12), 'en')).toBe('4 December 2026');
  });

  it('leaves what is no day as it is', () => {
    expect(formatDay('morgen', 'nl')).toBe('morgen');
    expect(formatDay('2026-02-30', 'en')).toBe('2026-02-30');
  });
});

describe('numbers and durations', () => {
  it('uses the decimal comma in Dutch', () => {
    expect(formatHours(3.5, 'nl')).toBe('3,5');
    expect(formatHours(3.5, 'en')).toBe('3.5');
    expect(formatHours(4, 'nl')).toBe('4');
    expect(formatPercent(0.42, 'en')).toBe('42%');
    expect(formatPercent(0.42, 'nl')).toBe('42%');
  });
});

describe('formatAgo', () => {
  const now = 1_000_000_000;
  it('says "now" within the first minute', () => {
    expect(formatAgo(now - 10_000, now, 'nl')).toBe('nu');
    expect(formatAgo(now - 59_000, now, 'en')).toBe('now');
    // A clock slightly ahead on another device is still "now", not "in 2 seconds".
    expect(formatAgo(now + 2000, now, 'en')).toBe('now');
  });

  it('counts whole minutes, then whole hours', () => {
    expect(formatAgo(now - 2 * 60_000, now, 'nl')).toBe('2 minuten geleden');
    expect(formatAgo(now - 60_000, now, 'en')).toBe('1 minute ago');
    expect(formatAgo(now - 59 * 60_000, now, 'en')).toBe('59 minutes ago');
    expect(formatAgo(now - 130 * 60_000, now, 'nl')).toBe('2 uur geleden');
  });
});

describe('date entry', () => {
  it('shows a day the way it is typed in each language', () => {
    expect(datePattern('nl')).toBe('dd-mm-jjjj');
    expect(datePattern('en')).toBe('dd/mm/yyyy');
    expect(dateEntryText('2026-03-10', 'nl')).toBe('10-03-2026');
    expect(dateEntryText('2026-03-10', 'en')).toBe('10/03/2026');
    expect(dateEntryText('', 'nl')).toBe('');
  });

  it('reads day-month-year with any separator, and the ISO form', () => {
    expect(parseDateEntry('10-3-2026')).toBe('2026-03-10');
    expect(parseDateEntry('10/03/2026')).toBe('2026-03-10');
    expect(parseDateEntry(' 1.12.2026 ')).toBe('2026-12-01');
    expect(parseDateEntry('2026-06-30')).toBe('2026-06-30');
    expect(parseDateEntry('')).toBe('');
  });

  it('refuses days that do not exist and US order', () => {
    expect(parseDateEntry('31-02-2026')).toBeNull();
    expect(parseDateEntry('29-02-2028')).toBe('2028-02-29');
    expect(parseDateEntry('03/31/2026')).toBeNull();
    expect(parseDateEntry('morgen')).toBeNull();
  });
});

describe('time entry', () => {
  it('reads a 24-hour time in several ways', () => {
    expect(parseTimeEntry('13:30')).toBe('13:30');
    expect(parseTimeEntry('9.05')).toBe('09:05');
    expect(parseTimeEntry('0905')).toBe('09:05');
    expect(parseTimeEntry('')).toBe('');
  });

  it('refuses what is no time', () => {
    expect(parseTimeEntry('25:00')).toBeNull();
    expect(parseTimeEntry('12:60')).toBeNull();
    expect(parseTimeEntry('1 pm')).toBeNull();
  });
});

describe('formatClock', () => {
  it('writes a local 24-hour time in both languages', () => {
    const at = new Date(2026, 11, 10, 14, 5).getTime();
    expect(formatClock(at, 'nl')).toBe('14:05');
    expect(formatClock(at, 'en')).toBe('14:05');
  });
});
