import { useEffect, useId, useRef, useState } from 'react';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { useBoard } from '../workshop/boardContext';
import { plannedMinutes } from '@dmc/shared/domain/flow';
import { useAppStore } from '../store';
import { timerRemaining } from '@dmc/shared/domain/flow';
import { useT } from '../i18n';
import { formatClock, parseTimerMinutes } from './format';
import { useServerNow } from './hooks';
import { defaultTimerMinutes } from './phasePlan';
import { useFocusAfter } from '../components/focus';
import { NumberField } from '../components/NumberField';

/**
 * The countdown everyone sees. Start with the phase's suggested minutes (or any number), pause,
 * resume, add time, stop. The time shown is computed from the server's clock, so it agrees with
 * every participant's screen. Remounted per phase, so the minutes field starts at the suggestion.
 */
export function TimerControls({ phaseId }: { phaseId: PhaseId }) {
  const t = useT();
  const id = useId();
  const { session, store } = useBoard();
  const flow = useAppStore((s) => s.flow);
  const planned = useAppStore((s) => plannedMinutes(phaseId, s.agenda));
  const status = flow?.timerStatus ?? 'idle';
  const now = useServerNow(status === 'running' ? 250 : 0);
  const [minutesInput, setMinutesInput] = useState(() =>
    String(defaultTimerMinutes(phaseId, useAppStore.getState().agenda)),
  );
  const minutes = parseTimerMinutes(minutesInput);
  const remaining = timerRemaining(flow, now);
  const timeUp = status === 'running' && remaining === 0;
  useTimeUpAnnouncement(timeUp);

  const duration = flow?.timerDurationMs ?? 0;
  const progress = remaining !== null && duration > 0 ? Math.min(1, remaining / duration) : 0;
  const shown = remaining !== null ? formatClock(remaining) : formatClock((minutes ?? 0) * 60_000);
  const statusKey = timeUp
    ? 'fac.timer.up'
    : status === 'running'
      ? 'fac.timer.running'
      : status === 'paused'
        ? 'fac.timer.paused'
        : 'fac.timer.idle';

  const announce = (text: string) => store.getState().announce(text);
  // The button pressed turns into another (start → pause → resume): the focus follows to it.
  const sectionRef = useRef<HTMLElement>(null);
  const focusAfter = useFocusAfter();
  const focusControl = (testId: string) =>
    focusAfter(() => sectionRef.current?.querySelector<HTMLElement>(`[data-testid="${testId}"]`));
  return (
    <section ref={sectionRef} className="fac-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="fac-heading">
        {t('fac.timer.heading')}
      </h3>
      <div className={`fac-timer fac-timer--${timeUp ? 'up' : status}`}>
        <div
          className="fac-timer__display"
          role="timer"
          aria-labelledby={`${id}-heading`}
          data-testid="fac-timer-display"
          data-status={timeUp ? 'up' : status}
        >
          {shown}
        </div>
        <div className="fac-timer__status">{t(statusKey)}</div>
        <div className="fac-timer__bar" aria-hidden="true">
          <div className="fac-timer__fill" style={{ width: `${progress * 100}%` }} />
        </div>
      </div>
      {status === 'idle' ? (
        <form
          className="fac-row fac-timer__start"
          onSubmit={(e) => {
            e.preventDefault();
            if (minutes === null) return;
            session.startTimer(minutes * 60_000);
            announce(t('fac.timer.startedAnnounce', { minutes }));
            focusControl('fac-timer-pause');
          }}
        >
          <label htmlFor={`${id}-minutes`} className="fac-label-inline">
            {t('fac.timer.minutes')}
          </label>
          <NumberField
            id={`${id}-minutes`}
            className="fac-input-number"
            min={1}
            max={180}
            value={minutesInput}
            onChange={setMinutesInput}
            data-testid="fac-timer-minutes"
            aria-describedby={`${id}-hint`}
          />
          <button
            type="submit"
            className="button button--primary"
            data-testid="fac-timer-start"
            disabled={minutes === null}
          >
            {t('fac.timer.start')}
          </button>
        </form>
      ) : (
        <div className="fac-row">
          {status === 'running' ? (
            <button
              type="button"
              className="button button--secondary"
              data-testid="fac-timer-pause"
              onClick={() => {
                session.pauseTimer();
                announce(t('fac.timer.paused'));
                focusControl('fac-timer-resume');
              }}
            >
              {t('fac.timer.pause')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              data-testid="fac-timer-resume"
              onClick={() => {
                session.resumeTimer();
                announce(t('fac.timer.running'));
                focusControl('fac-timer-pause');
              }}
            >
              {t('fac.timer.resume')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            data-testid="fac-timer-extend-1"
            title={t('fac.timer.extend1')}
            onClick={() => session.extendTimer(60_000)}
          >
            +1 min
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="fac-timer-extend-5"
            title={t('fac.timer.extend5')}
            onClick={() => session.extendTimer(5 * 60_000)}
          >
            +5 min
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="fac-timer-reset"
            onClick={() => {
              session.resetTimer();
              announce(t('fac.timer.idle'));
              focusControl('fac-timer-start');
            }}
          >
            {t('fac.timer.reset')}
          </button>
        </div>
      )}
      <p className="fac-hint" id={`${id}-hint`}>
        {planned > 0 ? t('fac.timer.hint', { minutes: planned }) : t('fac.timer.hintNone')}
      </p>
    </section>
  );
}

/** Tells screen-reader users once when the time is up (the visible clock is not a live region). */
function useTimeUpAnnouncement(timeUp: boolean): void {
  const t = useT();
  const said = useRef(false);
  useEffect(() => {
    if (timeUp && !said.current) useAppStore.getState().announce(t('fac.timer.up'));
    said.current = timeUp;
  }, [timeUp, t]);
}
