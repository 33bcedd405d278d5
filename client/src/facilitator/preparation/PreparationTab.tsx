import { useId, useRef, useState, type FormEvent } from 'react';
import { formatLongDate } from '@dmc/shared/domain/schedule';
import type { InvitationInput } from '@dmc/shared/export/invitation';
import { ApiError } from '../../api/http';
import { useBoard } from '../../workshop/boardContext';
import { errorMessage } from '../../components/errors';
import { RoleCoverage } from '../RoleCoverage';
import { workshopApi } from '../workshopApi';
import { useAppStore } from '../../store';
import { useLocale, useT } from '../../i18n';
import { paths } from '../../routing';
import { AgendaEditor } from './AgendaEditor';
import { InvitationPanel } from './InvitationPanel';
import {
  MAX_PRACTICAL_NOTES,
  agendaEntriesOf,
  agendaMinutesOf,
  hasProblems,
  preparationChanges,
  problemsOf,
  readingListOf,
  samePreparation,
  setMinutes,
  valuesFrom,
  type PreparationProblems,
  type PreparationValues,
  type ReadingProblem,
  type SavedPreparation,
} from './preparationDraft';
import { ReadingListEditor } from './ReadingListEditor';
import { useSavedPreparation } from './useSavedPreparation';
import './preparation.css';
import { ProblemBox } from '../../components/ProblemBox';
import { DateField, TimeField } from '../../components/DateField';

/**
 * "Voorbereiding": what the handbook asks before the workshop ("Voorbereiding voor de
 * workshop"): date and time, an agenda of a half day, the reading list, practical notes, who to
 * invite (the roles at the table) and the invitation itself. One form with one save; the
 * invitation follows the form as it is edited.
 */
export function PreparationTab() {
  const t = useT();
  const saved = useSavedPreparation();
  const settings = useAppStore((s) => s.settings);
  if (!saved || !settings) return <p className="muted">{t('fac.loading')}</p>;
  return <PreparationForm saved={saved} />;
}

/** Unsaved preparation per workshop, for as long as the page is open. */
const drafts = new Map<string, PreparationValues>();

type SaveResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string; readonly details: readonly string[] } | null;

function PreparationForm({ saved }: { saved: SavedPreparation }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const { store } = useBoard();
  const settings = useAppStore((s) => s.settings);
  const workshop = useAppStore((s) => s.session?.workshop ?? null);
  const workshopId = workshop?.id ?? '';
  // The form follows what is saved (also from another device) until the facilitator edits it.
  // The draft outlives the tab: switching tabs or closing the console does not lose it.
  const [draft, setDraftState] = useState<PreparationValues | null>(() => drafts.get(workshopId) ?? null);
  const setDraft = (next: PreparationValues | null) => {
    if (next) drafts.set(workshopId, next);
    else drafts.delete(workshopId);
    setDraftState(next);
  };
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SaveResult>(null);
  const [showProblems, setShowProblems] = useState(false);
  const savedValues = useValuesOf(saved);
  const values = draft ?? savedValues;
  const changes = preparationChanges(values, saved);
  const dirty = Object.keys(changes).length > 0;
  const problems = problemsOf(values);
  const invalid = hasProblems(problems);

  const edit = (next: PreparationValues) => {
    setDraft(next);
    setResult(null);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (invalid) {
      setShowProblems(true);
      setResult({ ok: false, message: t('prep.save.invalid'), details: [] });
      return;
    }
    if (!dirty) return;
    setBusy(true);
    setResult(null);
    try {
      await workshopApi(store).update(changes);
      setDraft(null);
      setShowProblems(false);
      setResult({ ok: true });
    } catch (err) {
      setResult({ ok: false, message: errorMessage(t, err), details: err instanceof ApiError ? err.details : [] });
    } finally {
      setBusy(false);
    }
  };

  const code = workshop?.code ?? '';
  const expiryDate = workshop ? localDate(workshop.expiresAt) : '';
  // Workshops are deleted a fixed time after they are made; one planned later would be gone by then.
  const afterExpiry = expiryDate !== '' && values.date !== '' && values.date > expiryDate;
  const invitation: InvitationInput = {
    workshopId: workshop?.id ?? '',
    title: settings?.title ?? workshop?.title ?? '',
    institution: settings?.institution ?? workshop?.institution ?? '',
    date: values.date,
    startTime: problems.startTime ? '' : values.startTime,
    joinLink: `${location.origin}${paths.join(code)}`,
    code,
    agendaMinutes: agendaMinutesOf(values),
    agendaEntries: agendaEntriesOf(values),
    readingList: readingListOf(values).filter((r) => r.title !== ''),
    practicalNotes: values.practicalNotes,
    askTableRole: settings?.askTableRole ?? true,
    // Only when it comes after the workshop; otherwise the warning below says what to do.
    deleteBy: expiryDate !== '' && !afterExpiry ? expiryDate : '',
  };
  const shown: PreparationProblems = showProblems
    ? problems
    : { ...problems, readings: visibleReadingProblems(problems, values) };

  return (
    <div className="fac-stack prep">
      <p className="prep-lead">{t('prep.lead')}</p>
      <form className="fac-stack" onSubmit={(e) => void save(e)} noValidate aria-labelledby={`${id}-form-title`}>
        <h3 id={`${id}-form-title`} className="visually-hidden">
          {t('prep.formTitle')}
        </h3>
        <section className="fac-card" aria-labelledby={`${id}-when`}>
          <h3 id={`${id}-when`} className="fac-heading">
            {t('prep.when.heading')}
          </h3>
          <div className="fac-form__pair">
            <div className="field">
              <label htmlFor={`${id}-date`}>{t('prep.when.date')}</label>
              <DateField
                id={`${id}-date`}
                className="input"
                value={values.date}
                onChange={(date) => edit({ ...values, date })}
                data-testid="prep-date"
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-time`}>{t('prep.when.time')}</label>
              <TimeField
                id={`${id}-time`}
                className="input"
                value={values.startTime}
                onChange={(startTime) => edit({ ...values, startTime })}
                aria-invalid={problems.startTime ? true : undefined}
                data-testid="prep-start-time"
              />
            </div>
          </div>
          <p className="fac-hint">{t('prep.when.hint')}</p>
          {afterExpiry && (
            <p className="warning prep-warning" role="alert" data-testid="prep-after-expiry">
              {t('prep.when.afterExpiry', { date: formatLongDate(expiryDate, locale) })}
            </p>
          )}
        </section>
        <AgendaEditor
          values={values}
          invalid={problems.minutes}
          entryProblems={problems.entries}
          onMinutes={(phaseId, text) => edit(setMinutes(values, phaseId, text))}
          onChange={edit}
        />
        <ReadingListEditor values={values} problems={shown} onChange={(readings) => edit({ ...values, readings })} />
        <section className="fac-card" aria-labelledby={`${id}-practical`}>
          <h3 id={`${id}-practical`} className="fac-heading">
            {t('prep.practical.heading')}
          </h3>
          <div className="field">
            <label htmlFor={`${id}-notes`}>{t('prep.practical.label')}</label>
            <p className="hint" id={`${id}-notes-hint`}>
              {t('prep.practical.hint')}
            </p>
            <textarea
              id={`${id}-notes`}
              className="textarea"
              rows={4}
              maxLength={MAX_PRACTICAL_NOTES}
              value={values.practicalNotes}
              onChange={(e) => edit({ ...values, practicalNotes: e.target.value })}
              aria-describedby={`${id}-notes-hint`}
              data-testid="prep-practical"
            />
          </div>
          <p className="fac-hint">{t('prep.practical.handbook')}</p>
        </section>
        <div className={`prep-savebar${dirty ? ' prep-savebar--dirty' : ''}`}>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || (!dirty && !invalid)}
            data-testid="prep-save"
          >
            {busy ? t('fac.settings.saving') : t('prep.save')}
          </button>
          {dirty && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setDraft(null);
                setResult(null);
                setShowProblems(false);
              }}
              data-testid="prep-undo"
            >
              {t('fac.settings.undo')}
            </button>
          )}
          <span className="prep-savebar__status" aria-live="polite" data-testid="prep-save-status">
            {result?.ok ? t('prep.save.done') : dirty ? t('prep.save.dirty') : t('prep.save.clean')}
          </span>
          {result && !result.ok && (
            <ProblemBox
              message={result.message}
              details={result.details}
              className="prep-savebar__error"
              testId="prep-save-error"
            />
          )}
        </div>
      </form>
      <RoleCoverage testId="prep-role-coverage" />
      <InvitationPanel input={invitation} unsaved={dirty} />
    </div>
  );
}

/** The form's values for what is saved; the same object (and row keys) while the content is the same. */
function useValuesOf(saved: SavedPreparation): PreparationValues {
  const last = useRef<{ saved: SavedPreparation; values: PreparationValues } | null>(null);
  if (!last.current || !samePreparation(last.current.saved, saved)) last.current = { saved, values: valuesFrom(saved) };
  return last.current.values;
}

/** While an address is still being typed ("htt", "https:/"), it is not called wrong yet. */
function visibleReadingProblems(
  problems: PreparationProblems,
  values: PreparationValues,
): PreparationProblems['readings'] {
  const out: Record<string, ReadingProblem> = {};
  for (const [key, problem] of Object.entries(problems.readings)) {
    const url = values.readings.find((r) => r.key === key)?.url.trim() ?? '';
    const typing = 'https://'.startsWith(url.toLowerCase()) || 'http://'.startsWith(url.toLowerCase());
    const shown: ReadingProblem = {
      ...(problem.title ? { title: problem.title } : {}),
      ...(problem.url && !typing ? { url: problem.url } : {}),
    };
    if (shown.title || shown.url) out[key] = shown;
  }
  return out;
}

/** A moment as the local calendar day, YYYY-MM-DD. */
function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
