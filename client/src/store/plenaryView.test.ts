import { describe, expect, it } from 'vitest';
import { choosePlenaryView, phaseView } from './plenaryView';

describe('choosePlenaryView', () => {
  it('opens the synthesis in the synthesis phase and the action list in the actions phase, for everyone', () => {
    for (const role of ['facilitator', 'participant'] as const) {
      expect(choosePlenaryView({ phaseId: 'synthesis', role, picked: null }).view).toBe('synthesis');
      expect(choosePlenaryView({ phaseId: 'actions', role, picked: null }).view).toBe('actions');
    }
    expect(phaseView('done')).toBe('actions');
    expect(phaseView('vel1-discuss')).toBe('board');
  });

  it('lets a facilitator open any view in any phase', () => {
    const choice = choosePlenaryView({ phaseId: 'vel1-write', role: 'facilitator', picked: 'synthesis' });
    expect(choice).toEqual({ view: 'synthesis', available: ['board', 'synthesis', 'actions'], phaseView: 'board' });
  });

  it('keeps participants on the board before the plenary and lets them switch from the synthesis on', () => {
    expect(choosePlenaryView({ phaseId: 'presentations', role: 'participant', picked: 'synthesis' })).toEqual({
      view: 'board',
      available: ['board'],
      phaseView: 'board',
    });
    expect(choosePlenaryView({ phaseId: 'synthesis', role: 'participant', picked: 'actions' }).view).toBe('actions');
    expect(choosePlenaryView({ phaseId: 'done', role: 'participant', picked: 'synthesis' }).view).toBe('synthesis');
  });

  it('shows the board until the phase is known', () => {
    expect(choosePlenaryView({ phaseId: null, role: 'facilitator', picked: 'actions' }).view).toBe('board');
  });
});
