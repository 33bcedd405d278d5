import type { LocalizedText } from '../template/types';
import { PHASE_IDS, phase, type PhaseId } from './phases';

/**
 * One group of 4–5 — the handbook's recommendation for a small team: nobody presents to anybody,
 * so the presentation phases are skipped, and the synthesis becomes a review of the group's own
 * sheets. No subgroups at all is not that case: before the workshop they are simply not formed yet
 * (the plan and the invitation count the presentations), and a facilitator who keeps everyone
 * together skips the presentations by hand. Asked by the facilitator's phase list and stepper, by the
 * session client's next/previous and by the instruction on every screen; by columns of the
 * phase table (`presentation`, `singleGroupInstruction`), never by phase id.
 */

/** Whether the workshop works as one group: exactly one subgroup. */
export function isSingleGroup(groupCount: number): boolean {
  return groupCount === 1;
}

/** Whether a phase is skipped for this many subgroups: presentations need at least two. */
export function skipsPhase(phaseId: PhaseId, groupCount: number): boolean {
  return isSingleGroup(groupCount) && phase(phaseId).presentation;
}

/** The next phase that is not skipped, or undefined at the end. */
export function nextPhaseFor(phaseId: PhaseId, groupCount: number): PhaseId | undefined {
  return PHASE_IDS.slice(PHASE_IDS.indexOf(phaseId) + 1).find((id) => !skipsPhase(id, groupCount));
}

/** The previous phase that is not skipped, or undefined at the start. */
export function previousPhaseFor(phaseId: PhaseId, groupCount: number): PhaseId | undefined {
  return PHASE_IDS.slice(0, PHASE_IDS.indexOf(phaseId))
    .reverse()
    .find((id) => !skipsPhase(id, groupCount));
}

/** The instruction everyone sees: the single-group one where the phase has it. */
export function phaseInstruction(phaseId: PhaseId, groupCount: number): LocalizedText {
  const def = phase(phaseId);
  return isSingleGroup(groupCount) && def.singleGroupInstruction ? def.singleGroupInstruction : def.instruction;
}
