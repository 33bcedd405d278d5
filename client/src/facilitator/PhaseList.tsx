import { PHASES, phase, type PhaseId } from '@dmc/shared/domain/phases';
import { localize } from '@dmc/shared/template/lookup';
import { formatMinutes, plannedMinutes } from '@dmc/shared/domain/schedule';
import { entriesAfter } from '@dmc/shared/domain/agenda';
import { isSingleGroup, skipsPhase } from '@dmc/shared/domain/singleGroup';
import { useLocale, useT } from '../i18n';
import { useAppStore } from '../store';
import { formatHours } from '../i18n/format';
import { HALF_DAY_MINUTES, phaseIndex, plannedFrom, plannedTotal, revealsPrivateNotes } from './phasePlan';

/**
 * The whole script at a glance: every phase with its planned minutes (the prepared agenda, else
 * the suggestion), the current one marked,
 * and how the minutes add up against the half day. Any phase can be chosen; a jump over phases
 * is confirmed first (see usePhaseMove).
 */
export function PhaseList({ phaseId, moveTo }: { phaseId: PhaseId; moveTo: (to: PhaseId) => Promise<void> }) {
  const t = useT();
  const locale = useLocale();
  const current = phaseIndex(phaseId);
  const agenda = useAppStore((s) => s.agenda);
  const entries = useAppStore((s) => s.agendaEntries);
  const groupCount = useAppStore((s) => s.groups.length);
  return (
    <section className="fac-card" aria-labelledby="fac-phases-heading">
      <h3 id="fac-phases-heading" className="fac-heading">
        {t('fac.phases.heading')}
      </h3>
      <ol className="fac-phases">
        {PHASES.map((p, index) => {
          const isCurrent = p.id === phaseId;
          const state = isCurrent ? 'current' : index < current ? 'past' : 'future';
          const reveal = revealsPrivateNotes(phaseId, p.id);
          const skipped = skipsPhase(p.id, groupCount);
          return [
            <li key={p.id} className={`fac-phase fac-phase--${state}${skipped ? ' fac-phase--skipped' : ''}`}>
              <button
                type="button"
                className="fac-phase__button"
                data-testid={`fac-phase-${p.id}`}
                aria-current={isCurrent ? 'step' : undefined}
                aria-disabled={isCurrent || undefined}
                aria-describedby={reveal ? 'fac-phases-reveal' : skipped ? 'fac-phases-single' : undefined}
                data-skipped={skipped || undefined}
                onClick={() => {
                  if (!isCurrent) void moveTo(p.id);
                }}
              >
                <span className="fac-phase__number" aria-hidden="true">
                  {isCurrent ? '●' : index === 0 ? '–' : index}
                </span>
                <span className="fac-phase__label">{localize(p.label, locale)}</span>
                <span className="fac-phase__minutes">
                  {skipped
                    ? t('fac.phases.skipSingle')
                    : plannedMinutes(p.id, agenda) > 0
                      ? `${plannedMinutes(p.id, agenda)} min`
                      : '—'}
                </span>
                {isCurrent && <span className="visually-hidden">{t('fac.phases.currentMark')}</span>}
              </button>
            </li>,
            // Own items (breaks and others) sit between the phases; a break is started in "Pauze" above.
            ...entriesAfter(entries, p.id).map((entry) => (
              <li
                key={entry.id}
                className={`fac-phase fac-phase--entry fac-phase--${index < current ? 'past' : 'future'}`}
                data-testid={`fac-entry-${entry.id}`}
              >
                <span className="fac-phase__number" aria-hidden="true">
                  {entry.kind === 'break' ? '☕' : '·'}
                </span>
                <span className="fac-phase__label">{entry.label}</span>
                <span className="fac-phase__minutes">{entry.minutes} min</span>
              </li>
            )),
          ];
        })}
      </ol>
      <p className="fac-phases__total" data-testid="fac-phases-total">
        {t('fac.phases.total', {
          total: formatMinutes(plannedTotal(agenda, entries, groupCount), locale),
          halfDay: formatHours(HALF_DAY_MINUTES / 60, locale),
        })}
      </p>
      {phaseId !== 'done' && (
        <p className="fac-hint">
          {t('fac.phases.remaining', {
            remaining: formatMinutes(plannedFrom(phaseId, agenda, entries, groupCount), locale),
          })}
        </p>
      )}
      <p className="fac-hint">{t('fac.phases.jumpHint')}</p>
      {isSingleGroup(groupCount) && (
        <p className="fac-hint" id="fac-phases-single" data-testid="fac-phases-single">
          {t('fac.phases.singleHint')}
        </p>
      )}
      {/* Only while writing silently: leaving this phase is what reveals the private notes. */}
      {phase(phaseId).privateWriting && (
        <p className="visually-hidden" id="fac-phases-reveal">
          {t('fac.phase.revealWarning')}
        </p>
      )}
    </section>
  );
}
