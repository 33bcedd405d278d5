import { useId } from 'react';
import {
  HALF_DAY_MINUTES,
  agendaPhases,
  buildAgenda,
  formatMinutes,
  halfDayFit,
  agendaTotal,
  parseClock,
  formatClockTime,
} from '@dmc/shared/domain/invitation';
import { phase, type PhaseId } from '@dmc/shared/domain/phases';
import { localize } from '@dmc/shared/template/lookup';
import { useLocale, useT } from '../../i18n';
import { MAX_MINUTES, agendaMinutesOf, type PreparationValues } from './preparationDraft';

/**
 * The agenda as a table: each phase of the script with its clock times (from the start time)
 * and its minutes to edit; the total against the half day the handbook plans for.
 */
export function AgendaEditor({
  values,
  invalid,
  onMinutes,
}: {
  values: PreparationValues;
  invalid: readonly PhaseId[];
  onMinutes: (phaseId: PhaseId, text: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const minutes = agendaMinutesOf(values);
  const slots = new Map(buildAgenda(values.startTime, minutes).map((s) => [s.phaseId, s]));
  const total = agendaTotal(minutes);
  const start = parseClock(values.startTime);
  const fit = halfDayFit(total);

  return (
    <section className="fac-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="fac-heading">
        {t('prep.agenda.heading')}
      </h3>
      <p className="fac-hint prep-intro">{t('prep.agenda.intro')}</p>
      <table className="prep-agenda" data-testid="prep-agenda">
        <caption className="visually-hidden">{t('prep.agenda.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prep.agenda.time')}</th>
            <th scope="col">{t('prep.agenda.phase')}</th>
            <th scope="col">{t('prep.agenda.minutes')}</th>
          </tr>
        </thead>
        <tbody>
          {agendaPhases().map((phaseId) => {
            const slot = slots.get(phaseId);
            const label = localize(phase(phaseId).label, locale);
            const suggested = phase(phaseId).minutes;
            const typed = values.minutes[phaseId] ?? '';
            const isInvalid = invalid.includes(phaseId);
            const inputId = `${id}-min-${phaseId}`;
            const hintId = `${inputId}-hint`;
            const differs = !isInvalid && typed.trim() !== String(suggested);
            return (
              <tr
                key={phaseId}
                className={slot ? undefined : 'prep-agenda__skipped'}
                data-testid={`prep-agenda-${phaseId}`}
              >
                <td className="prep-agenda__time" data-testid={`prep-agenda-time-${phaseId}`}>
                  {slot ? (slot.start === '' ? '—' : `${slot.start}–${slot.end}`) : t('prep.agenda.skipped')}
                </td>
                <th scope="row" className="prep-agenda__phase">
                  <label htmlFor={inputId}>{label}</label>
                </th>
                <td className="prep-agenda__minutes">
                  <input
                    id={inputId}
                    className="input prep-agenda__input"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={MAX_MINUTES}
                    step={5}
                    value={typed}
                    onChange={(e) => onMinutes(phaseId, e.target.value)}
                    aria-invalid={isInvalid || undefined}
                    aria-describedby={hintId}
                    data-testid={`prep-minutes-${phaseId}`}
                  />
                  <span className={`prep-agenda__hint${isInvalid ? ' prep-agenda__hint--error' : ''}`} id={hintId}>
                    {isInvalid
                      ? t('prep.agenda.invalid', { max: MAX_MINUTES })
                      : differs
                        ? t('prep.agenda.suggested', { minutes: suggested })
                        : t('prep.agenda.unit')}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td className="prep-agenda__time" data-testid="prep-agenda-end">
              {start === null ? '—' : `${formatClockTime(start)}–${formatClockTime(start + total)}`}
            </td>
            <th scope="row" colSpan={2} className="prep-agenda__total" data-testid="prep-agenda-total">
              {t('prep.agenda.total', { total: formatMinutes(total, locale), hours: HALF_DAY_MINUTES / 60 })}
            </th>
          </tr>
        </tfoot>
      </table>
      {fit === 'over' && (
        <p className="fac-hint fac-hint--warning">
          {t('prep.agenda.over', { over: formatMinutes(total - HALF_DAY_MINUTES, locale) })}
        </p>
      )}
      {start === null && <p className="fac-hint">{t('prep.agenda.noStart')}</p>}
    </section>
  );
}
