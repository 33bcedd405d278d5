import { describe, expect, it } from 'vitest';
import { formatClock, parseTimerMinutes } from './format';

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
