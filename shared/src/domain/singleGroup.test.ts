import { describe, expect, it } from 'vitest';
import { nextPhase, phase, previousPhase } from './phases';
import { isSingleGroup, nextPhaseFor, phaseInstruction, previousPhaseFor, skipsPhase } from './singleGroup';

describe('one group of 4–5', () => {
  it('skips the presentations with one subgroup, not with two or before subgroups are formed', () => {
    expect(isSingleGroup(0)).toBe(false);
    expect(isSingleGroup(1)).toBe(true);
    expect(isSingleGroup(2)).toBe(false);
    expect(skipsPhase('presentations', 1)).toBe(true);
    expect(skipsPhase('presentations', 0)).toBe(false);
    expect(skipsPhase('presentations', 2)).toBe(false);
    expect(skipsPhase('synthesis', 1)).toBe(false);
  });

  it('steps from preparing straight to the synthesis and back', () => {
    expect(nextPhaseFor('prepare', 1)).toBe('synthesis');
    expect(previousPhaseFor('synthesis', 1)).toBe('prepare');
    expect(nextPhaseFor('prepare', 3)).toBe(nextPhase('prepare'));
    expect(previousPhaseFor('synthesis', 3)).toBe(previousPhase('synthesis'));
    expect(nextPhaseFor('done', 1)).toBeUndefined();
    expect(previousPhaseFor('open', 1)).toBeUndefined();
  });

  it('turns the synthesis into a review of the own sheets', () => {
    expect(phaseInstruction('synthesis', 1).nl).toContain('terugblik op jullie eigen vellen');
    expect(phaseInstruction('synthesis', 1).en).toContain('review of your own sheets');
    expect(phaseInstruction('synthesis', 2)).toBe(phase('synthesis').instruction);
    expect(phaseInstruction('vel1-write', 1)).toBe(phase('vel1-write').instruction);
  });
});
