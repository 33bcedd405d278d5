import { describe, expect, it } from 'vitest';
import { initialFlow, type Flow } from '@dmc/shared/domain/session';
import { formatRemaining, spokenRemaining, timerView } from './timer';

const flow = (values: Partial<Flow>): Flow => ({ ...initialFlow(0), ...values });

describe('the phase timer', () => {
  it('is idle without a timer', () => {
    expect(timerView(null, 0)).toEqual({ status: 'idle', remainingMs: null });
    expect(timerView(flow({}), 5000)).toEqual({ status: 'idle', remainingMs: null });
  });

  it('counts down to the end time on the server clock, then is expired', () => {
    const running = flow({ timerStatus: 'running', timerEndsAt: 10_000 });
    expect(timerView(running, 4_000)).toEqual({ status: 'running', remainingMs: 6_000 });
    expect(timerView(running, 10_000)).toEqual({ status: 'expired', remainingMs: 0 });
    expect(timerView(running, 12_000)).toEqual({ status: 'expired', remainingMs: 0 });
  });

  it('keeps what was left while paused', () => {
    expect(timerView(flow({ timerStatus: 'paused', timerRemainingMs: 65_000 }), 999_999)).toEqual({
      status: 'paused',
      remainingMs: 65_000,
    });
  });

  it('shows whole seconds, rounded up, as m:ss or h:mm:ss', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(15 * 60_000)).toBe('15:00');
    expect(formatRemaining(3_600_000 + 5_000)).toBe('1:00:05');
    expect(formatRemaining(-5)).toBe('0:00');
    expect(spokenRemaining(125_000)).toEqual({ minutes: 2, seconds: 5 });
  });
});
