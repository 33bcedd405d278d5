import { describe, expect, it } from 'vitest';
import { formatAgo, formatClock, formatDuration, formatHours, parseTimerMinutes } from './format';

describe('formatClock', () => {
  it('shows minutes and seconds, rounding seconds up', () => {
    expect(formatClock(300_000)).toBe('5:00');
    expect(formatClock(299_001)).toBe('5:00');
    expect(formatClock(299_000)).toBe('4:59');
    expect(formatClock(61_000)).toBe('1:01');
    expect(formatClock(1)).toBe('0:01');
  });

  it('never goes below zero and adds hours when needed', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5000)).toBe('0:00');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes in Dutch and English', () => {
    expect(formatDuration(215, 'nl')).toBe('3 uur 35 min');
    expect(formatDuration(215, 'en')).toBe('3 h 35 min');
    expect(formatDuration(20, 'nl')).toBe('20 min');
    expect(formatDuration(120, 'nl')).toBe('2 uur');
    expect(formatDuration(0, 'en')).toBe('0 min');
  });
});

describe('formatHours', () => {
  it('uses the decimal comma in Dutch', () => {
    expect(formatHours(3.5, 'nl')).toBe('3,5');
    expect(formatHours(3.5, 'en')).toBe('3.5');
    expect(formatHours(4, 'nl')).toBe('4');
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

describe('parseTimerMinutes', () => {
  it('reads whole minutes within 1–180', () => {
    expect(parseTimerMinutes('15')).toBe(15);
    expect(parseTimerMinutes('2,5')).toBe(3);
    expect(parseTimerMinutes('0')).toBe(1);
    expect(parseTimerMinutes('999')).toBe(180);
  });

  it('refuses what is not a number', () => {
    expect(parseTimerMinutes('')).toBeNull();
    expect(parseTimerMinutes('abc')).toBeNull();
  });
});
