import { describe, expect, it } from 'vitest';
import {
  endBreak,
  extendTimer,
  onBreak,
  startBreak,
  pauseTimer,
  plannedMinutes,
  resetTimer,
  resumeTimer,
  startPhase,
  startTimer,
  timerRemaining,
} from './flow';
import { initialFlow, type Flow } from './session';

const T0 = 1_000_000;
const flow = (change: Partial<Flow> = {}): Flow => ({ ...initialFlow(0), ...change });
/** The flow after applying a change, as the session document would hold it. */
const apply = (f: Flow, change: Partial<Flow> | null): Flow => ({ ...f, ...(change ?? {}) });

describe('planned minutes', () => {
  it('takes the workshop agenda first, else the script suggestion', () => {
    expect(plannedMinutes('vel1-write')).toBe(15);
    expect(plannedMinutes('vel1-write', { 'vel1-write': 20 })).toBe(20);
    expect(plannedMinutes('vel1-write', { 'vel1-write': 0 })).toBe(0);
    expect(plannedMinutes('open')).toBe(0);
  });
});

describe('starting a phase', () => {
  it('stops the timer, sets it to the planned minutes and clears the presenter', () => {
    const before = flow({
      phaseId: 'presentations',
      timerStatus: 'running',
      timerEndsAt: T0,
      presenterId: 'p1',
      presenterSheetId: 'vel1',
      presenterFieldId: 'f',
      spotlightGroupId: 'g1',
    });
    const after = apply(before, startPhase('synthesis', T0, { synthesis: 40 }));
    expect(after).toMatchObject({
      phaseId: 'synthesis',
      phaseStartedAt: T0,
      timerStatus: 'idle',
      timerEndsAt: null,
      timerRemainingMs: null,
      timerDurationMs: 40 * 60_000,
      presenterId: null,
      presenterSheetId: null,
      presenterFieldId: null,
    });
    // The spotlight is the facilitator's own choice and stays.
    expect(after.spotlightGroupId).toBe('g1');
    expect(startPhase('vel2-write', T0).timerDurationMs).toBe(15 * 60_000);
  });
});

describe('the timer', () => {
  it('counts down from start, pauses keeping what is left, and resumes from there', () => {
    let f = apply(flow(), startTimer(T0, 5 * 60_000));
    expect(timerRemaining(f, T0 + 60_000)).toBe(4 * 60_000);
    f = apply(f, pauseTimer(f, T0 + 60_000));
    expect(f.timerStatus).toBe('paused');
    // Paused time does not run.
    expect(timerRemaining(f, T0 + 10 * 60_000)).toBe(4 * 60_000);
    f = apply(f, resumeTimer(f, T0 + 10 * 60_000));
    expect(f.timerStatus).toBe('running');
    expect(timerRemaining(f, T0 + 11 * 60_000)).toBe(3 * 60_000);
  });

  it('never shows less than zero, and has no time without a timer', () => {
    const f = apply(flow(), startTimer(T0, 1000));
    expect(timerRemaining(f, T0 + 5000)).toBe(0);
    expect(timerRemaining(flow(), T0)).toBeNull();
    expect(timerRemaining(null, T0)).toBeNull();
  });

  it('ignores pause when nothing runs and resume when nothing is paused', () => {
    expect(pauseTimer(flow(), T0)).toBeNull();
    expect(resumeTimer(flow(), T0)).toBeNull();
    const running = apply(flow(), startTimer(T0, 1000));
    expect(resumeTimer(running, T0)).toBeNull();
  });

  it('extends a running timer, counting from now once it ran out', () => {
    const f = apply(flow(), startTimer(T0, 60_000));
    expect(timerRemaining(apply(f, extendTimer(f, T0, 60_000)), T0)).toBe(120_000);
    // Ran out a minute ago: one more minute is one minute from now.
    const late = apply(f, extendTimer(f, T0 + 120_000, 60_000));
    expect(timerRemaining(late, T0 + 120_000)).toBe(60_000);
    expect(late.timerDurationMs).toBe(120_000);
  });

  it('extends a paused timer and starts one when none is set', () => {
    const paused = flow({ timerStatus: 'paused', timerRemainingMs: 30_000, timerDurationMs: 60_000 });
    expect(apply(paused, extendTimer(paused, T0, 60_000))).toMatchObject({
      timerStatus: 'paused',
      timerRemainingMs: 90_000,
      timerDurationMs: 120_000,
    });
    const idle = apply(flow(), extendTimer(flow(), T0, 60_000));
    expect(idle).toMatchObject({ timerStatus: 'running', timerEndsAt: T0 + 60_000, timerDurationMs: 60_000 });
  });

  it('stops on reset, keeping the duration for the progress bar', () => {
    const f = apply(flow({ timerDurationMs: 60_000 }), startTimer(T0, 60_000));
    const stopped = apply(f, resetTimer());
    expect(stopped).toMatchObject({
      timerStatus: 'idle',
      timerEndsAt: null,
      timerRemainingMs: null,
      timerDurationMs: 60_000,
    });
    expect(timerRemaining(stopped, T0)).toBeNull();
  });
});

describe('a break', () => {
  it('starts the countdown for its minutes with its name, and keeps the phase', () => {
    const during = apply(
      flow({ phaseId: 'vel1-discuss' }),
      startBreak({ label: ' Pauze ', minutes: 15, entryId: 'p1' }, T0),
    );
    expect(during).toMatchObject({
      phaseId: 'vel1-discuss',
      breakLabel: 'Pauze',
      breakEntryId: 'p1',
      timerStatus: 'running',
      timerEndsAt: T0 + 15 * 60_000,
    });
    expect(onBreak(during)).toBe(true);
    expect(onBreak(flow())).toBe(false);
  });

  it('ends with endBreak or with the next phase', () => {
    const during = apply(flow(), startBreak({ label: 'Lunch', minutes: 45 }, T0));
    expect(during.breakEntryId).toBeNull();
    expect(apply(during, endBreak())).toMatchObject({ breakLabel: null, timerStatus: 'idle', timerEndsAt: null });
    expect(onBreak(apply(during, startPhase('vel2-write', T0 + 1)))).toBe(false);
  });
});
