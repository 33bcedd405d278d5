import { useEffect, useState } from 'react';
import { onBreak } from '@dmc/shared/domain/flow';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { formatClock } from '../i18n/format';
import { formatRemaining } from '../workshop/timer';

/**
 * The break on every screen: "Pauze tot 10:45" with the time left, while the facilitator has a
 * break on (started from the agenda in Verloop). The phase and everyone's work stay as they were;
 * the clock time is the countdown's end on this screen's clock.
 */
export function BreakBanner() {
  const t = useT();
  const locale = useLocale();
  const flow = useAppStore((s) => s.flow);
  const offset = useAppStore((s) => s.clockOffsetMs);
  const running = onBreak(flow) && flow?.timerStatus === 'running';
  const [now, setNow] = useState(() => Date.now());
  // As the phase timer does: read the clock at once and four times a second, so both show the same.
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running, flow?.timerEndsAt]);
  if (!flow || !onBreak(flow)) return null;
  const name = flow.breakLabel ?? t('break.region');
  const endsAt = flow.timerStatus === 'running' && flow.timerEndsAt !== null ? flow.timerEndsAt - offset : null;
  return (
    <section className="break-banner" aria-labelledby="break-banner-title" data-testid="break-banner">
      <p className="break-banner__title" id="break-banner-title" role="status" data-testid="break-until">
        {endsAt === null ? t('break.now', { name }) : t('break.until', { name, time: formatClock(endsAt, locale) })}
      </p>
      {endsAt !== null && (
        <p className="break-banner__left" aria-hidden="true">
          {formatRemaining(Math.max(0, endsAt - now))}
        </p>
      )}
      <p className="break-banner__hint">{t('break.hint')}</p>
    </section>
  );
}
