import type { Role } from '@dmc/shared/domain/actor';
import { phase, type PhaseId, type PhaseView } from '@dmc/shared/domain/phases';

/**
 * Which plenary view a screen shows. The handbook's closing plenary has two parts — "gemene
 * delers en verschillen … een compromis" (synthesis) and "vervolgacties en -stappen" (actions) —
 * and each phase opens its own view for everyone. A facilitator can open either at any time; a
 * participant from the synthesis on (and after the workshop, when the results stay readable).
 */

/** The canvas of the board on screen, the synthesis across subgroups, or the action list. */
export type PlenaryView = PhaseView;

/** Every view, in the order the switch shows them. */
export const PLENARY_VIEWS: readonly PlenaryView[] = ['board', 'synthesis', 'actions'];

/** What the screen shows, and what the person may switch to. */
export interface PlenaryViewChoice {
  readonly view: PlenaryView;
  /** Views offered in the switch; one view means no switch. */
  readonly available: readonly PlenaryView[];
  /** The view the phase itself opens. */
  readonly phaseView: PlenaryView;
}

/** The view a phase opens. */
export function phaseView(phaseId: PhaseId): PlenaryView {
  return phase(phaseId).view;
}

/** Chooses the view (pure): the person's own pick when it is offered, else the phase's. */
export function choosePlenaryView(input: {
  readonly phaseId: PhaseId | null;
  readonly role: Role;
  readonly picked: PlenaryView | null;
}): PlenaryViewChoice {
  const { phaseId, role, picked } = input;
  if (phaseId === null) return { view: 'board', available: ['board'], phaseView: 'board' };
  const fromPhase = phaseView(phaseId);
  // Participants may open the plenary views in the phases that open one of them (synthesis on).
  const available = role === 'facilitator' || fromPhase !== 'board' ? PLENARY_VIEWS : (['board'] as const);
  const view = picked !== null && available.includes(picked) ? picked : fromPhase;
  return { view, available, phaseView: fromPhase };
}

/** Whether the view reads every subgroup board. */
export function readsBoards(view: PlenaryView): boolean {
  return view !== 'board';
}
