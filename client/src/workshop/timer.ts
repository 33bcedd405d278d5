import type { Flow } from '@dmc/shared/domain/session';
import { timerRemaining } from '@dmc/shared/domain/flow';

/**
 * The phase timer as every screen shows it: computed from the flow (end time on the server's
 * clock) and this screen's estimate of the server's clock, so all screens agree.
 */

/** What the timer shows. */
export type TimerStatus = 'idle' | 'running' | 'paused' | 'expired';

/** The timer at a moment. */
export interface TimerView {
  readonly status: TimerStatus;
  /** Milliseconds left (null when no timer is set). */
  readonly remainingMs: number | null;
}

/** The timer at server time `now`. */
export function timerView(flow: Flow | null, now: number): TimerView {
  const remainingMs = timerRemaining(flow, now);
  if (!flow || remainingMs === null) return { status: 'idle', remainingMs: null };
  if (flow.timerStatus === 'paused') return { status: 'paused', remainingMs };
  return { status: remainingMs <= 0 ? 'expired' : 'running', remainingMs };
}

/** Remaining time as m:ss (or h:mm:ss), counting whole seconds up, so 0:00 means the time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Remaining time as whole minutes and seconds, for the spoken label. */
export function spokenRemaining(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
