import { describe, expect, it } from 'vitest';
import { boardRights, currentBoard, mayChooseGroup, mayFacilitate, mayWriteDraft } from './permissions';
import { PHASES, PHASE_IDS, nextPhase, previousPhase, totalMinutes } from './phases';
import { ANNA as anna, FAC as fac, sampleState } from '../testing/fixtures';

const state = sampleState;
const groupA = { kind: 'group', groupId: 'a' } as const;
const groupB = { kind: 'group', groupId: 'b' } as const;
const plenary = { kind: 'plenary' } as const;
const inA = { groupId: 'a' };

describe('phase table', () => {
  it('follows the handbook script in order, preceded by the open canvas', () => {
    // The handbook's order, pinned in one line (the table itself is PHASE_IDS in phases.ts).
    expect(PHASE_IDS.join(' > ')).toBe(
      'open > welcome > vel1-write > vel1-discuss > vel2-write > vel2-discuss > prepare > presentations > synthesis > actions > done',
    );
    expect(PHASES.map((p) => p.id)).toEqual(PHASE_IDS);
    expect(nextPhase('welcome')).toBe('vel1-write');
    expect(previousPhase('welcome')).toBe('open');
    expect(nextPhase('done')).toBeUndefined();
  });

  it('suggests durations that add up to a half day (3 to 4 hours)', () => {
    expect(totalMinutes()).toBeGreaterThanOrEqual(180);
    expect(totalMinutes()).toBeLessThanOrEqual(240);
  });

  it('has a label and an instruction in both languages for every phase', () => {
    for (const p of PHASES) {
      for (const text of [p.label, p.instruction]) {
        expect(text.nl.trim(), p.id).not.toBe('');
        expect(text.en.trim(), p.id).not.toBe('');
      }
    }
  });

  it('writes privately only in the two individual-writing phases', () => {
    expect(PHASES.filter((p) => p.privateWriting).map((p) => p.id)).toEqual(['vel1-write', 'vel2-write']);
  });
});

describe('board rights', () => {
  it('lets a participant write only on their own group board in a discussion phase, on its sheet', () => {
    const own = boardRights(anna, groupA, state('vel1-discuss'), inA);
    expect(own.permissions.has('notes')).toBe(true);
    expect(own.permissions.has('formulate')).toBe(true);
    expect(own.writableSheets).toEqual(['vel1']);
    const other = boardRights(anna, groupB, state('vel1-discuss'), inA);
    expect(other.read).toBe(false);
    expect(other.permissions.size).toBe(0);
  });

  it('sends notes to the private draft during individual writing, not to the board', () => {
    const rights = boardRights(anna, groupA, state('vel2-write'), inA);
    expect(rights.writesPrivately).toBe(true);
    expect(rights.permissions.has('notes')).toBe(false);
    expect(mayWriteDraft(anna, 'anna', state('vel2-write'), inA)).toBe(true);
    expect(mayWriteDraft(anna, 'bram', state('vel2-write'), inA)).toBe(false);
    expect(mayWriteDraft(anna, 'anna', state('vel2-discuss'), inA)).toBe(false);
    expect(mayWriteDraft(anna, 'anna', state('vel2-write'), { groupId: null })).toBe(false);
  });

  it('opens every board for reading once the groups present; only questions, only to the presenting group', () => {
    const s = state('presentations', { spotlightGroupId: 'b' });
    const rights = boardRights(anna, groupB, s, inA);
    expect(rights.read).toBe(true);
    expect([...rights.permissions]).toEqual(['ask']);
    expect(rights.writableSheets).toEqual([]);
    // Not on her own board, which is not presenting; nothing without a spotlight.
    expect(boardRights(anna, groupA, s, inA).permissions.size).toBe(0);
    expect(boardRights(anna, groupB, state('presentations'), inA).permissions.size).toBe(0);
    expect(boardRights(anna, groupB, state('prepare', { spotlightGroupId: 'b' }), inA).permissions.has('ask')).toBe(
      false,
    );
    expect(currentBoard(s, inA)).toEqual(groupB);
  });

  it('puts everyone on the plenary board in welcome, synthesis and actions', () => {
    for (const id of ['welcome', 'synthesis', 'actions'] as const)
      expect(currentBoard(state(id), inA)).toEqual(plenary);
    expect(boardRights(anna, plenary, state('welcome'), inA).writableSheets).toEqual(['welkom']);
    expect(boardRights(anna, groupA, state('welcome'), inA).permissions.size).toBe(0);
  });

  it("treats the plenary board as everyone's group board when there are no subgroups", () => {
    const s = state('vel1-discuss', { hasGroups: false });
    expect(currentBoard(s, { groupId: null })).toEqual(plenary);
    expect(boardRights(anna, plenary, s, { groupId: null }).permissions.has('notes')).toBe(true);
  });

  it('leaves an unassigned participant waiting in group phases', () => {
    expect(currentBoard(state('vel1-discuss'), { groupId: null })).toBeNull();
  });

  it('makes a closed workshop read-only for everyone, facilitators included', () => {
    const s = state('vel1-discuss', { closed: true });
    expect(boardRights(anna, groupA, s, inA).permissions.size).toBe(0);
    expect(boardRights(fac, groupA, s, { groupId: null }).permissions.size).toBe(0);
    expect(boardRights(fac, groupA, s, { groupId: null }).read).toBe(true);
  });

  it('lets facilitators do everything anywhere, and participants never facilitate', () => {
    const rights = boardRights(fac, groupB, state('vel1-write'), { groupId: null });
    expect(rights.writableSheets).toBe('all');
    expect(rights.permissions.has('notes')).toBe(true);
    expect(mayFacilitate(fac)).toBe(true);
    expect(mayFacilitate(anna)).toBe(false);
  });

  it('lets participants choose their group only where the phase and the workshop allow it', () => {
    expect(mayChooseGroup(anna, state('welcome'), true)).toBe(true);
    expect(mayChooseGroup(anna, state('welcome'), false)).toBe(false);
    expect(mayChooseGroup(anna, state('vel1-discuss'), true)).toBe(false);
  });
});
