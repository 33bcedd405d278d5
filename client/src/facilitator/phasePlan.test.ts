import type { AgendaEntry } from '@dmc/shared/domain/agenda';
import { describe, expect, it } from 'vitest';
import { PHASES } from '@dmc/shared/domain/phases';
import {
  HALF_DAY_MINUTES,
  defaultTimerMinutes,
  moveKind,
  plannedFrom,
  plannedTotal,
  revealsPrivateNotes,
  skippedPhases,
  stepsBack,
} from './phasePlan';

describe('phase plan', () => {
  it('tells a step from a jump', () => {
    expect(moveKind('welcome', 'welcome')).toBe('none');
    expect(moveKind('welcome', 'vel1-write')).toBe('step');
    expect(moveKind('vel1-discuss', 'vel1-write')).toBe('step');
    expect(moveKind('welcome', 'vel1-discuss')).toBe('jump');
    expect(moveKind('done', 'open')).toBe('jump');
  });

  it('lists the phases a jump passes over, in either direction', () => {
    expect(skippedPhases('welcome', 'vel1-discuss').map((p) => p.id)).toEqual(['vel1-write']);
    expect(skippedPhases('vel2-discuss', 'vel1-discuss').map((p) => p.id)).toEqual(['vel2-write']);
    expect(skippedPhases('welcome', 'vel1-write')).toEqual([]);
  });

  it('warns that leaving a silent-writing phase reveals the private notes', () => {
    expect(revealsPrivateNotes('vel1-write', 'vel1-discuss')).toBe(true);
    expect(revealsPrivateNotes('vel2-write', 'vel1-discuss')).toBe(true);
    expect(revealsPrivateNotes('vel1-write', 'vel1-write')).toBe(false);
    expect(revealsPrivateNotes('welcome', 'vel1-write')).toBe(false);
  });

  it('adds the suggested minutes up to about a half day', () => {
    expect(plannedTotal()).toBe(PHASES.reduce((sum, p) => sum + p.minutes, 0));
    // The script should fit the handbook's "dagdeel" within half an hour either way.
    expect(Math.abs(plannedTotal() - HALF_DAY_MINUTES)).toBeLessThanOrEqual(30);
    expect(plannedFrom('open')).toBe(plannedTotal());
    expect(plannedFrom('actions')).toBe(25);
    expect(plannedFrom('done')).toBe(0);
  });

  it('starts the timer with the suggested minutes, or 5 where there are none', () => {
    expect(defaultTimerMinutes('vel1-write')).toBe(15);
    expect(defaultTimerMinutes('open')).toBe(5);
  });

  it('counts how far a move goes back, and nothing for a move forward', () => {
    expect(stepsBack('done', 'vel1-discuss')).toBe(7);
    expect(stepsBack('vel1-discuss', 'done')).toBe(0);
    expect(stepsBack('welcome', 'welcome')).toBe(0);
  });

  it('follows the prepared agenda: planned minutes for the timer and the totals, 5 for a phase planned at 0', () => {
    const agenda = { 'vel1-write': 20, welcome: 0 };
    expect(defaultTimerMinutes('vel1-write', agenda)).toBe(20);
    expect(defaultTimerMinutes('welcome', agenda)).toBe(5);
    expect(defaultTimerMinutes('vel2-write', agenda)).toBe(defaultTimerMinutes('vel2-write'));
    const welcome = defaultTimerMinutes('welcome');
    expect(plannedTotal(agenda)).toBe(plannedTotal() + 5 - welcome);
    expect(plannedFrom('vel1-write', agenda)).toBe(plannedFrom('vel1-write') + 5);
  });
});

describe('the timer plan with a break', () => {
  const pauze: AgendaEntry = { id: 'p1', kind: 'break', label: 'Pauze', minutes: 15, after: 'vel1-discuss' };

  it('counts the break in the total, and ahead only until it is behind us', () => {
    expect(plannedTotal({}, [pauze])).toBe(plannedTotal() + 15);
    expect(plannedFrom('vel1-write', {}, [pauze])).toBe(plannedFrom('vel1-write') + 15);
    // During vel1-discuss the break is still ahead; from vel2-write on it is not.
    expect(plannedFrom('vel1-discuss', {}, [pauze])).toBe(plannedFrom('vel1-discuss') + 15);
    expect(plannedFrom('vel2-write', {}, [pauze])).toBe(plannedFrom('vel2-write'));
  });
});

describe('the timer plan for one group', () => {
  it('leaves the presentations out of the minutes with one subgroup, not before subgroups are formed', () => {
    const presentations = PHASES.find((p) => p.id === 'presentations')?.minutes ?? 0;
    expect(presentations).toBeGreaterThan(0);
    expect(plannedTotal({}, [], 1)).toBe(plannedTotal() - presentations);
    expect(plannedTotal({}, [], 0)).toBe(plannedTotal());
    expect(plannedTotal({}, [], 2)).toBe(plannedTotal());
    expect(plannedFrom('prepare', {}, [], 1)).toBe(plannedFrom('prepare') - presentations);
    expect(plannedFrom('synthesis', {}, [], 1)).toBe(plannedFrom('synthesis'));
  });
});
