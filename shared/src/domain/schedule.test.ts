import { describe, expect, it } from 'vitest';
import {
  HALF_DAY_MINUTES,
  agendaOverrides,
  agendaPhases,
  agendaTotal,
  buildAgenda,
  formatClockTime,
  formatMinutes,
  halfDayFit,
  parseClock,
  plannedMinutes,
} from './schedule';
import { PHASES, totalMinutes } from './phases';

describe('the agenda', () => {
  it('lists the phases with minutes, leaving out open and done', () => {
    const agenda = buildAgenda('13:30');
    expect(agenda.map((s) => s.phaseId)).toEqual(agendaPhases());
    expect(agenda.map((s) => s.phaseId)).not.toContain('open');
    expect(agenda.map((s) => s.phaseId)).not.toContain('done');
    expect(agenda).toHaveLength(PHASES.filter((p) => p.minutes > 0).length);
  });

  it('computes clock times from the start time, across the hour', () => {
    const agenda = buildAgenda('13:30');
    expect(agenda[0]).toEqual({
      phaseId: 'welcome',
      entry: null,
      start: '13:30',
      end: '13:50',
      minutes: 20,
      offset: 0,
    });
    // 13:50 + 15 = 14:05: crosses the hour.
    expect(agenda[1]).toMatchObject({ phaseId: 'vel1-write', start: '13:50', end: '14:05' });
    expect(agenda[2]).toMatchObject({ phaseId: 'vel1-discuss', start: '14:05', end: '14:35' });
    // Each phase starts where the previous one ended.
    for (let i = 1; i < agenda.length; i++) expect(agenda[i]?.start).toBe(agenda[i - 1]?.end);
    expect(agenda.at(-1)?.end).toBe('17:05');
  });

  it('follows changed minutes and leaves out a phase planned at 0', () => {
    const agenda = buildAgenda('09:00', { 'vel1-write': 25, presentations: 0 });
    expect(agenda.find((s) => s.phaseId === 'vel1-write')).toMatchObject({ start: '09:20', end: '09:45', minutes: 25 });
    expect(agenda.map((s) => s.phaseId)).not.toContain('presentations');
    expect(agenda.find((s) => s.phaseId === 'synthesis')?.start).toBe(agenda.find((s) => s.phaseId === 'prepare')?.end);
  });

  it('has no clock times without a (valid) start time, but keeps the minutes', () => {
    for (const start of ['', '25:00', '9:30', 'half twee']) {
      const agenda = buildAgenda(start);
      expect(agenda.every((s) => s.start === '' && s.end === '')).toBe(true);
      expect(agenda[0]?.minutes).toBe(20);
    }
  });

  it('wraps past midnight on the clock', () => {
    expect(buildAgenda('23:50')[0]).toMatchObject({ start: '23:50', end: '00:10' });
    expect(formatClockTime(-10)).toBe('23:50');
    expect(parseClock('07:05')).toBe(425);
    expect(parseClock('7:05')).toBeNull();
  });

  it('totals the planned minutes and compares them with a half day', () => {
    expect(agendaTotal()).toBe(totalMinutes());
    expect(agendaTotal()).toBe(215);
    expect(halfDayFit(agendaTotal())).toBe('fits');
    expect(agendaTotal({ 'vel2-discuss': 40 })).toBe(220);
    expect(HALF_DAY_MINUTES).toBe(240);
    expect(halfDayFit(agendaTotal({ synthesis: 60, actions: 60 }))).toBe('over');
    expect(halfDayFit(HALF_DAY_MINUTES)).toBe('fits');
    expect(formatMinutes(215, 'nl')).toBe('3 u 35 min');
    expect(formatMinutes(215, 'en')).toBe('3 h 35 min');
    expect(formatMinutes(240, 'nl')).toBe('4 u');
    expect(formatMinutes(45, 'en')).toBe('45 min');
    expect(formatMinutes(20, 'nl')).toBe('20 min');
    expect(formatMinutes(0, 'en')).toBe('0 min');
  });

  it('keeps only the minutes that differ from the suggestion', () => {
    expect(agendaOverrides({ welcome: 20, 'vel1-write': 25, presentations: 0 })).toEqual({
      'vel1-write': 25,
      presentations: 0,
    });
    expect(plannedMinutes('vel1-write', { 'vel1-write': 25 })).toBe(25);
    expect(plannedMinutes('vel1-write', {})).toBe(15);
  });
});
