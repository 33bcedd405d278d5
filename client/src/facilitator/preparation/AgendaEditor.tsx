import { useId, useState, type ReactNode } from 'react';
import { MAX_AGENDA_ENTRIES, MAX_AGENDA_ENTRY_MINUTES, type AgendaEntryKind } from '@dmc/shared/domain/agenda';
import {
  HALF_DAY_MINUTES,
  agendaPhases,
  buildAgenda,
  formatMinutes,
  halfDayFit,
  agendaTotal,
  parseClock,
  formatClockTime,
} from '@dmc/shared/domain/schedule';
import { PHASE_IDS, phase, type PhaseId } from '@dmc/shared/domain/phases';
import { localize } from '@dmc/shared/template/lookup';
import { useLocale, useT } from '../../i18n';
import {
  MAX_MINUTES,
  addEntry,
  agendaEntriesOf,
  agendaMinutesOf,
  removeEntry,
  updateEntry,
  type EntryDraft,
  type EntryProblem,
  type PreparationValues,
} from './preparationDraft';
import { NumberField } from '../../components/NumberField';

/**
 * The agenda as a table: each phase of the script with its clock times (from the start time)
 * and its minutes to edit, the facilitator's own items (a break, "Terugkoppeling bestuur") after
 * the phase they follow, and the total against the half day the handbook plans for.
 */
export function AgendaEditor({
  values,
  invalid,
  entryProblems,
  onMinutes,
  onChange,
}: {
  values: PreparationValues;
  invalid: readonly PhaseId[];
  entryProblems: Readonly<Record<string, EntryProblem>>;
  onMinutes: (phaseId: PhaseId, text: string) => void;
  onChange: (values: PreparationValues) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const minutes = agendaMinutesOf(values);
  const entries = agendaEntriesOf(values);
  const agenda = buildAgenda(values.startTime, minutes, entries);
  const slots = new Map(agenda.filter((s) => s.entry === null).map((s) => [s.phaseId, s]));
  const entrySlots = new Map(agenda.flatMap((s) => (s.entry ? [[s.entry.id, s] as const] : [])));
  const total = agendaTotal(minutes, entries);
  const timeOf = (slot: { start: string; end: string } | undefined): string =>
    slot ? (slot.start === '' ? '—' : `${slot.start}–${slot.end}`) : '—';
  const entryRows = (after: PhaseId): ReactNode[] =>
    values.entries
      .filter((e) => e.after === after)
      .map((entry) => (
        <EntryRow
          key={entry.key}
          entry={entry}
          time={timeOf(entrySlots.get(entry.key))}
          problem={entryProblems[entry.key]}
          onChange={(change) => onChange(updateEntry(values, entry.key, change))}
          onRemove={() => onChange(removeEntry(values, entry.key))}
        />
      ));
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
          {entryRows('open')}
          {agendaPhases().map((phaseId) => {
            const slot = slots.get(phaseId);
            const label = localize(phase(phaseId).label, locale);
            const suggested = phase(phaseId).minutes;
            const typed = values.minutes[phaseId] ?? '';
            const isInvalid = invalid.includes(phaseId);
            const inputId = `${id}-min-${phaseId}`;
            const hintId = `${inputId}-hint`;
            const differs = !isInvalid && typed.trim() !== String(suggested);
            return [
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
                  <NumberField
                    id={inputId}
                    className="prep-agenda__input"
                    min={0}
                    max={MAX_MINUTES}
                    step={5}
                    value={typed}
                    onChange={(text) => onMinutes(phaseId, text)}
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
              </tr>,
              ...entryRows(phaseId),
            ];
          })}
          {entryRows('done')}
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
      <AddEntry
        count={values.entries.length}
        onAdd={(kind, after) =>
          onChange(
            addEntry(values, {
              kind,
              after,
              label: t(kind === 'break' ? 'prep.agenda.entry.breakName' : 'prep.agenda.entry.itemName'),
              minutes: kind === 'break' ? 15 : 10,
            }),
          )
        }
      />
    </section>
  );
}

/** One own item in the table: its time, its name and its minutes to edit, and a way to remove it. */
function EntryRow({
  entry,
  time,
  problem,
  onChange,
  onRemove,
}: {
  entry: EntryDraft;
  time: string;
  problem: EntryProblem | undefined;
  onChange: (change: Partial<Omit<EntryDraft, 'key'>>) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const id = useId();
  const kind = t(entry.kind === 'break' ? 'prep.agenda.entry.break' : 'prep.agenda.entry.item');
  return (
    <tr className={`prep-agenda__entry prep-agenda__entry--${entry.kind}`} data-testid={`prep-entry-${entry.key}`}>
      <td className="prep-agenda__time" data-testid={`prep-entry-time-${entry.key}`}>
        {time}
      </td>
      <th scope="row" className="prep-agenda__phase">
        <span className="prep-agenda__kind">{kind}</span>
        <label className="visually-hidden" htmlFor={`${id}-label`}>
          {t('prep.agenda.entry.name', { kind })}
        </label>
        <input
          id={`${id}-label`}
          className="input prep-agenda__name"
          value={entry.label}
          maxLength={60}
          onChange={(e) => onChange({ label: e.target.value })}
          aria-invalid={problem?.label ? true : undefined}
          aria-describedby={problem?.label ? `${id}-label-error` : undefined}
          data-testid="prep-entry-label"
        />
        {problem?.label && (
          <span className="prep-agenda__hint prep-agenda__hint--error" id={`${id}-label-error`}>
            {t('prep.agenda.entry.labelRequired')}
          </span>
        )}
      </th>
      <td className="prep-agenda__minutes">
        <label className="visually-hidden" htmlFor={`${id}-min`}>
          {t('prep.agenda.entry.minutes', { name: entry.label || kind })}
        </label>
        <NumberField
          id={`${id}-min`}
          className="prep-agenda__input"
          min={1}
          max={MAX_AGENDA_ENTRY_MINUTES}
          step={5}
          value={entry.minutes}
          onChange={(text) => onChange({ minutes: text })}
          aria-invalid={problem?.minutes ? true : undefined}
          aria-describedby={`${id}-min-hint`}
          data-testid="prep-entry-minutes"
        />
        <span
          className={`prep-agenda__hint${problem?.minutes ? ' prep-agenda__hint--error' : ''}`}
          id={`${id}-min-hint`}
        >
          {problem?.minutes ? t('prep.agenda.entry.invalid', { max: MAX_AGENDA_ENTRY_MINUTES }) : t('prep.agenda.unit')}
        </span>
        <button
          type="button"
          className="button button--small button--secondary prep-agenda__remove"
          onClick={onRemove}
          data-testid="prep-entry-remove"
        >
          {t('prep.agenda.entry.remove')}
          <span className="visually-hidden">: {entry.label || kind}</span>
        </button>
      </td>
    </tr>
  );
}

/** Adding a break or another own item after a chosen phase. */
function AddEntry({ count, onAdd }: { count: number; onAdd: (kind: AgendaEntryKind, after: PhaseId) => void }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [kind, setKind] = useState<AgendaEntryKind>('break');
  const [after, setAfter] = useState<PhaseId>('vel1-discuss');
  const full = count >= MAX_AGENDA_ENTRIES;
  const anchors = PHASE_IDS.filter((p) => p !== 'done');
  return (
    <fieldset className="prep-add-entry" data-testid="prep-add-entry">
      <legend className="prep-add-entry__legend">{t('prep.agenda.add.heading')}</legend>
      <div className="prep-add-entry__row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('prep.agenda.add.kind')}</label>
          <select
            id={`${id}-kind`}
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value === 'item' ? 'item' : 'break')}
            data-testid="prep-add-kind"
          >
            <option value="break">{t('prep.agenda.entry.break')}</option>
            <option value="item">{t('prep.agenda.entry.item')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-after`}>{t('prep.agenda.add.after')}</label>
          <select
            id={`${id}-after`}
            className="select"
            value={after}
            onChange={(e) => setAfter(anchors.find((p) => p === e.target.value) ?? 'vel1-discuss')}
            data-testid="prep-add-after"
          >
            {anchors.map((p) => (
              <option key={p} value={p}>
                {p === 'open' ? t('prep.agenda.add.atStart') : localize(phase(p).label, locale)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--secondary"
          disabled={full}
          onClick={() => onAdd(kind, after)}
          data-testid="prep-add-entry-button"
        >
          {t('prep.agenda.add.button')}
        </button>
      </div>
      <p className="fac-hint">
        {full ? t('prep.agenda.add.full', { max: MAX_AGENDA_ENTRIES }) : t('prep.agenda.add.hint')}
      </p>
    </fieldset>
  );
}
