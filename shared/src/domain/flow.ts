import { PHASES, type PhaseId } from './phases';
import type { Flow } from './session';

/**
 * The workshop flow as pure functions: each facilitator action (start a phase, start, pause,
 * resume, extend or stop the timer) is a change to the flow record, computed from the current
 * flow and the server's clock `now` (ms). The session client writes the change; every screen
 * reads the remaining time with `timerRemaining`.
 */

/** A change to the flow record. */
export type FlowChange = Partial<Flow>;

/** Planned minutes per phase chosen for this workshop (absent: the script's suggestion). */
export type AgendaMinutes = Readonly<Partial<Record<PhaseId, number>>>;

/** The planned minutes of a phase: the workshop's own choice, else the script's suggestion. */
export function plannedMinutes(phaseId: PhaseId, agendaMinutes: AgendaMinutes = {}): number {
  const chosen = agendaMinutes[phaseId];
  if (chosen !== undefined && Number.isInteger(chosen) && chosen >= 0) return chosen;
  return PHASES.find((p) => p.id === phaseId)?.minutes ?? 0;
}

/** Moves everyone to a phase: the timer stops and is set to the planned duration, the presenter is cleared. */
export function startPhase(phaseId: PhaseId, now: number, agendaMinutes: AgendaMinutes = {}): FlowChange {
  return {
    phaseId,
    phaseStartedAt: now,
    timerStatus: 'idle',
    timerEndsAt: null,
    timerRemainingMs: null,
    timerDurationMs: plannedMinutes(phaseId, agendaMinutes) * 60_000,
    presenterId: null,
    presenterSheetId: null,
    presenterFieldId: null,
    breakLabel: null,
    breakEntryId: null,
  };
}

/**
 * Starts a break ("Pauze tot 10:45" on every screen): the countdown runs for its minutes and the
 * phase stays; a new phase, or {@link endBreak}, ends it.
 */
export function startBreak(
  item: { readonly label: string; readonly minutes: number; readonly entryId?: string | null },
  now: number,
): FlowChange {
  return {
    ...startTimer(now, item.minutes * 60_000),
    breakLabel: item.label.trim(),
    breakEntryId: item.entryId ?? null,
  };
}

/** Ends the break: the banner goes and the countdown stops. */
export function endBreak(): FlowChange {
  return { ...resetTimer(), breakLabel: null, breakEntryId: null };
}

/** Whether a break is on. */
export function onBreak(flow: Pick<Flow, 'breakLabel'> | null): boolean {
  return flow?.breakLabel != null;
}

/** Starts (or restarts) the countdown with this duration. */
export function startTimer(now: number, durationMs: number): FlowChange {
  return {
    timerStatus: 'running',
    timerEndsAt: Math.round(now + durationMs),
    timerRemainingMs: null,
    timerDurationMs: Math.round(durationMs),
  };
}

/** Pauses a running countdown, keeping what is left; null when nothing runs. */
export function pauseTimer(flow: Flow, now: number): FlowChange | null {
  if (flow.timerStatus !== 'running' || flow.timerEndsAt === null) return null;
  return {
    timerStatus: 'paused',
    timerRemainingMs: Math.max(0, Math.round(flow.timerEndsAt - now)),
    timerEndsAt: null,
  };
}

/** Resumes a paused countdown; null when it is not paused. */
export function resumeTimer(flow: Flow, now: number): FlowChange | null {
  if (flow.timerStatus !== 'paused') return null;
  return {
    timerStatus: 'running',
    timerEndsAt: Math.round(now + (flow.timerRemainingMs ?? 0)),
    timerRemainingMs: null,
  };
}

/** Adds time to the countdown: running or paused keeps going with more; without a timer, starts one. */
export function extendTimer(flow: Flow, now: number, ms: number): FlowChange {
  if (flow.timerStatus === 'running' && flow.timerEndsAt !== null) {
    // Extending after zero counts from now, not from the moment it ran out.
    return {
      timerEndsAt: Math.round(Math.max(flow.timerEndsAt, now) + ms),
      timerDurationMs: flow.timerDurationMs + ms,
    };
  }
  if (flow.timerStatus === 'paused')
    return { timerRemainingMs: (flow.timerRemainingMs ?? 0) + ms, timerDurationMs: flow.timerDurationMs + ms };
  return startTimer(now, ms);
}

/** Stops the countdown. */
export function resetTimer(): FlowChange {
  return { timerStatus: 'idle', timerEndsAt: null, timerRemainingMs: null };
}

/** Milliseconds left at server time `now` (never below 0), or null when no timer is set. */
export function timerRemaining(
  flow: Pick<Flow, 'timerStatus' | 'timerEndsAt' | 'timerRemainingMs'> | null,
  now: number,
): number | null {
  if (!flow) return null;
  if (flow.timerStatus === 'running' && flow.timerEndsAt !== null) return Math.max(0, flow.timerEndsAt - now);
  if (flow.timerStatus === 'paused') return flow.timerRemainingMs ?? 0;
  return null;
}
