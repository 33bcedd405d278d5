import { sortEntries } from '@dmc/shared/domain/agenda';
import { onBreak } from '@dmc/shared/domain/flow';
import { useBoard } from '../workshop/boardContext';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { formatClock } from '../i18n/format';

/**
 * Starting and ending a break: one button per break on the agenda (prepared in Voorbereiding),
 * or a short break when none is planned. Everyone then sees "Pauze tot 10:45" with the time left;
 * the phase stays, and the next phase ends the break too. Only facilitators write the flow.
 */
export function BreakControls() {
  const t = useT();
  const locale = useLocale();
  const { session } = useBoard();
  const flow = useAppStore((s) => s.flow);
  const entries = useAppStore((s) => s.agendaEntries);
  const offset = useAppStore((s) => s.clockOffsetMs);
  const breaks = sortEntries(entries).filter((e) => e.kind === 'break');
  const active = onBreak(flow);
  const endsAt =
    active && flow?.timerStatus === 'running' && flow.timerEndsAt !== null ? flow.timerEndsAt - offset : null;
  return (
    <section className="fac-card" aria-labelledby="fac-break-heading" data-testid="fac-break">
      <h3 id="fac-break-heading" className="fac-heading">
        {t('fac.break.heading')}
      </h3>
      {active ? (
        <>
          <p className="fac-break__running" role="status" data-testid="fac-break-running">
            {t('fac.break.running', {
              name: flow?.breakLabel ?? t('fac.break.quickName'),
              time: endsAt === null ? '—' : formatClock(endsAt, locale),
            })}
          </p>
          <div className="fac-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => session.extendTimer(5 * 60_000)}
              data-testid="fac-break-extend"
            >
              {t('fac.break.extend')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => session.endBreak()}
              data-testid="fac-break-end"
            >
              {t('fac.break.end')}
            </button>
          </div>
        </>
      ) : (
        <div className="fac-row">
          {breaks.map((entry) => (
            <button
              key={entry.id}
              type="button"
              className="button button--secondary"
              onClick={() => session.startBreak({ label: entry.label, minutes: entry.minutes, entryId: entry.id })}
              data-testid={`fac-break-start-${entry.id}`}
            >
              {t('fac.break.start', { name: entry.label, minutes: entry.minutes })}
            </button>
          ))}
          {breaks.length === 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => session.startBreak({ label: t('fac.break.quickName'), minutes: 10 })}
              data-testid="fac-break-quick"
            >
              {t('fac.break.quick')}
            </button>
          )}
        </div>
      )}
      <p className="fac-hint">{t('fac.break.hint')}</p>
    </section>
  );
}
