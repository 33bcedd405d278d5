import { HALF_DAY_MINUTES, plannedMinutes, type AgendaMinutes } from '@dmc/shared/domain/schedule';
import { PHASES, PHASE_IDS, phase, type PhaseDefinition, type PhaseId } from '@dmc/shared/domain/phases';
import { entriesTotal, type AgendaEntry } from '@dmc/shared/domain/agenda';
import { skipsPhase } from '@dmc/shared/domain/singleGroup';

/**
 * The phase plan as the facilitator steers it: how far a jump goes, what leaving a phase does,
 * and how the suggested minutes add up against the half day the handbook plans for.
 */

/** The handbook: "Houdt rekening met een dagdeel aan tijdsbesteding" — about four hours (one definition, in shared). */
export { HALF_DAY_MINUTES };

/** Position of a phase in the script. */
export function phaseIndex(id: PhaseId): number {
  return PHASE_IDS.indexOf(id);
}

/** How a move from one phase to another counts: no move, one step either way, or a jump. */
export function moveKind(from: PhaseId, to: PhaseId): 'none' | 'step' | 'jump' {
  const distance = Math.abs(phaseIndex(to) - phaseIndex(from));
  return distance === 0 ? 'none' : distance === 1 ? 'step' : 'jump';
}

/** How many phases a move goes back (0 when it goes forward or stays). */
export function stepsBack(from: PhaseId, to: PhaseId): number {
  return Math.max(0, phaseIndex(from) - phaseIndex(to));
}

/** The phases passed over when jumping (between the two, exclusive), in script order. */
export function skippedPhases(from: PhaseId, to: PhaseId): PhaseDefinition[] {
  const a = phaseIndex(from);
  const b = phaseIndex(to);
  return PHASES.slice(Math.min(a, b) + 1, Math.max(a, b));
}

/**
 * Whether leaving `from` for `to` reveals everyone's private notes: the server moves the drafts
 * onto the group boards whenever a silent-writing phase ends, in whichever direction.
 */
export function revealsPrivateNotes(from: PhaseId, to: PhaseId): boolean {
  return from !== to && phase(from).privateWriting;
}

/**
 * Planned minutes of the whole script: the agenda's where the facilitator set them, else the
 * suggestions, plus the own items (breaks and others); with a known number of subgroups, phases
 * skipped for it (the presentations with one group) count for nothing.
 */
export function plannedTotal(
  agenda: AgendaMinutes = {},
  entries: readonly AgendaEntry[] = [],
  groupCount?: number,
): number {
  return plannedFrom('open', agenda, entries, groupCount);
}

/** Planned minutes still ahead, counting the given phase itself and the own items after it. */
export function plannedFrom(
  id: PhaseId,
  agenda: AgendaMinutes = {},
  entries: readonly AgendaEntry[] = [],
  groupCount?: number,
): number {
  const from = phaseIndex(id);
  const ahead = entries.filter((e) => phaseIndex(e.after) >= from);
  const minutes = (p: PhaseId) =>
    groupCount !== undefined && skipsPhase(p, groupCount) ? 0 : plannedMinutes(p, agenda);
  return PHASES.slice(from).reduce((sum, p) => sum + minutes(p.id), 0) + entriesTotal(ahead);
}

/** The timer length a phase starts with: its planned minutes, or 5 for phases without any. */
export function defaultTimerMinutes(id: PhaseId, agenda: AgendaMinutes = {}): number {
  const minutes = plannedMinutes(id, agenda);
  return minutes > 0 ? minutes : 5;
}
