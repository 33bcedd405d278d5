import { DEFAULT_LEAVE_RULE, LEAVE_RULES } from '@dmc/shared/domain/departure';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Settings } from '@dmc/shared/domain/session';
import type { UpdateWorkshopRequest } from '@dmc/shared/protocol/api';
import { LIMITS } from '@dmc/shared/domain/limits';
import { ApiError } from '../api/http';
import { useBoard } from '../workshop/boardContext';
import { errorMessage } from '../components/errors';
import { Modal } from '../components/Modal';
import { useFocusAfter } from '../components/focus';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { formatLongDate } from '../i18n/format';
import { DateField } from '../components/DateField';
import { navigate, paths } from '../routing';
import { useConfirm } from './ConfirmDialog';
import { workshopApi } from './workshopApi';
import { ProblemBox } from '../components/ProblemBox';
import { NumberField } from '../components/NumberField';

/**
 * "Instellingen": the workshop's details and rules, closing it (read-only for everyone) and
 * deleting it. Changes go through the HTTP API; the server mirrors them to everyone.
 */
export function SettingsTab() {
  const t = useT();
  const settings = useAppStore((s) => s.settings);
  const { ask, dialog } = useConfirm();
  if (!settings) return <p className="muted">{t('fac.loading')}</p>;
  return (
    <div className="fac-stack">
      <LinkReminder />
      <SettingsForm settings={settings} />
      <CloseWorkshop closed={settings.closed} ask={ask} />
      <DeleteWorkshop title={settings.title} />
      {dialog}
    </div>
  );
}

/** The facilitator link is shown once, at creation; remind where it matters. */
function LinkReminder() {
  const t = useT();
  const locale = useLocale();
  const expiresAt = useAppStore((s) => s.session?.workshop.expiresAt ?? null);
  return (
    <section className="fac-card fac-card--note" aria-labelledby="fac-link-heading">
      <h3 id="fac-link-heading" className="fac-heading">
        {t('fac.settings.linkHeading')}
      </h3>
      <p>{t('fac.settings.linkText')}</p>
      {expiresAt !== null && (
        <p className="fac-hint">
          {t('fac.settings.expires', {
            date: formatLongDate(expiresAt, locale),
          })}
        </p>
      )}
    </section>
  );
}

type FormValues = Omit<Settings, 'closed'>;

const FIELDS = [
  'title',
  'institution',
  'date',
  'language',
  'allowAnonymous',
  'dotsPerPerson',
  'selfSelectGroups',
  'onLeave',
] as const;

/** The fields that differ from the saved settings. */
function changedFields(values: FormValues, saved: Settings): UpdateWorkshopRequest {
  const changes: Record<string, unknown> = {};
  for (const key of FIELDS) if (values[key] !== saved[key]) changes[key] = values[key];
  return changes as UpdateWorkshopRequest;
}

/** The workshop's details. Follows remote changes until the facilitator starts editing. */
function SettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const id = useId();
  const { store } = useBoard();
  const [draft, setDraft] = useState<FormValues | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    { ok: true } | { ok: false; message: string; details: readonly string[] } | null
  >(null);
  const values: FormValues = draft ?? settings;
  const changes = changedFields(values, settings);
  const dirty = Object.keys(changes).length > 0;

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setDraft({ ...values, [key]: value });
    setResult(null);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || busy) return;
    setBusy(true);
    setResult(null);
    try {
      await workshopApi(store).update({
        ...changes,
        ...(changes.title !== undefined ? { title: values.title.trim() } : {}),
      });
      setDraft(null);
      setResult({ ok: true });
    } catch (err) {
      setResult({ ok: false, message: errorMessage(t, err), details: err instanceof ApiError ? err.details : [] });
    } finally {
      setBusy(false);
    }
  };

  const dots = Number.isFinite(values.dotsPerPerson) ? values.dotsPerPerson : 0;
  return (
    <section className="fac-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="fac-heading">
        {t('fac.settings.heading')}
      </h3>
      <form className="fac-form" onSubmit={(e) => void save(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('fac.settings.title')}</label>
          <input
            id={`${id}-title`}
            className="input"
            value={values.title}
            maxLength={LIMITS.workshopTitleLength}
            required
            onChange={(e) => set('title', e.target.value)}
            data-testid="fac-settings-title"
            aria-invalid={values.title.trim() === ''}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-institution`}>
            {t('fac.settings.institution')} <span className="optional">{t('common.optional')}</span>
          </label>
          <input
            id={`${id}-institution`}
            className="input"
            value={values.institution}
            maxLength={LIMITS.workshopTitleLength}
            onChange={(e) => set('institution', e.target.value)}
            data-testid="fac-settings-institution"
          />
        </div>
        <div className="fac-form__pair">
          <div className="field">
            <label htmlFor={`${id}-date`}>
              {t('fac.settings.date')} <span className="optional">{t('common.optional')}</span>
            </label>
            <DateField
              id={`${id}-date`}
              className="input"
              value={values.date}
              onChange={(date) => set('date', date)}
              data-testid="fac-settings-date"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('fac.settings.language')}</label>
            <select
              id={`${id}-language`}
              className="select fac-select-full"
              value={values.language}
              onChange={(e) => set('language', e.target.value === 'en' ? 'en' : 'nl')}
              data-testid="fac-settings-language"
            >
              <option value="nl">{t('lang.nl')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dots`}>{t('fac.settings.dots')}</label>
          <p className="hint" id={`${id}-dots-hint`}>
            {t('fac.settings.dotsHint')}
          </p>
          <NumberField
            id={`${id}-dots`}
            className="fac-input-number"
            min={0}
            max={20}
            value={dots}
            onChange={(text) => set('dotsPerPerson', Math.min(20, Math.max(0, Math.round(Number(text) || 0))))}
            data-testid="fac-settings-dotsPerPerson"
            aria-describedby={`${id}-dots-hint`}
          />
        </div>
        <div className="fac-check">
          <input
            id={`${id}-anon`}
            type="checkbox"
            checked={values.allowAnonymous}
            onChange={(e) => set('allowAnonymous', e.target.checked)}
            data-testid="fac-settings-allowAnonymous"
            aria-describedby={`${id}-anon-hint`}
          />
          <label htmlFor={`${id}-anon`}>{t('fac.settings.anonymous')}</label>
          <p className="fac-hint" id={`${id}-anon-hint`}>
            {t('fac.settings.anonymousHint')}
          </p>
        </div>
        <div className="fac-check">
          <input
            id={`${id}-self`}
            type="checkbox"
            checked={values.selfSelectGroups}
            onChange={(e) => set('selfSelectGroups', e.target.checked)}
            data-testid="fac-settings-selfSelectGroups"
            aria-describedby={`${id}-self-hint`}
          />
          <label htmlFor={`${id}-self`}>{t('fac.groups.selfSelect')}</label>
          <p className="fac-hint" id={`${id}-self-hint`}>
            {t('fac.groups.selfSelectHint')}
          </p>
        </div>
        <fieldset className="field" aria-describedby={`${id}-leave-hint`}>
          <legend>{t('fac.settings.onLeave')}</legend>
          <p className="fac-hint" id={`${id}-leave-hint`}>
            {t('fac.settings.onLeaveHint')}
          </p>
          {LEAVE_RULES.map((rule) => (
            <label key={rule} className="radio">
              <input
                type="radio"
                name={`${id}-leave`}
                value={rule}
                checked={(values.onLeave ?? DEFAULT_LEAVE_RULE) === rule}
                onChange={() => set('onLeave', rule)}
                data-testid={`fac-settings-onLeave-${rule}`}
              />{' '}
              {t(`fac.settings.onLeave.${rule}`)}
            </label>
          ))}
        </fieldset>
        <div className="fac-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={!dirty || busy || values.title.trim() === ''}
            data-testid="fac-settings-save"
          >
            {busy ? t('fac.settings.saving') : t('fac.save')}
          </button>
          {dirty && (
            <button type="button" className="button button--secondary" onClick={() => setDraft(null)}>
              {t('fac.settings.undo')}
            </button>
          )}
        </div>
        <div aria-live="polite">{result?.ok && <p className="fac-success">{t('fac.settings.saved')}</p>}</div>
        {result && !result.ok && (
          <ProblemBox message={result.message} details={result.details} testId="fac-save-error" />
        )}
      </form>
    </section>
  );
}

/** Close (read-only for everyone) or reopen. */
function CloseWorkshop({ closed, ask }: { closed: boolean; ask: ReturnType<typeof useConfirm>['ask'] }) {
  const t = useT();
  const { store } = useBoard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const focusAfter = useFocusAfter();
  const change = async (close: boolean) => {
    if (close) {
      const ok = await ask({
        title: t('fac.settings.closeTitle'),
        body: <p>{t('fac.settings.closeBody')}</p>,
        confirmLabel: t('fac.settings.close'),
      });
      if (!ok) return;
    }
    setBusy(true);
    setError(null);
    try {
      await workshopApi(store).setClosed(close);
      store.getState().announce(t(close ? 'fac.settings.closedAnnounce' : 'fac.settings.reopenedAnnounce'));
      // The button turns into its opposite ("Heropenen" after closing): the focus goes there.
      const next = close ? 'fac-reopen-workshop' : 'fac-close-workshop';
      focusAfter(() => sectionRef.current?.querySelector<HTMLElement>(`[data-testid="${next}"]`), {
        onlyIfLost: true,
      });
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section ref={sectionRef} className="fac-card" aria-labelledby="fac-close-heading">
      <h3 id="fac-close-heading" className="fac-heading">
        {t('fac.settings.closeHeading')}
      </h3>
      <p>
        <span className={`fac-badge ${closed ? 'fac-badge--closed' : 'fac-badge--open'}`}>
          {closed ? t('fac.settings.isClosed') : t('fac.settings.isOpen')}
        </span>
      </p>
      <p className="fac-hint">{closed ? t('fac.settings.closedExplain') : t('fac.settings.closeExplain')}</p>
      {closed ? (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void change(false)}
          data-testid="fac-reopen-workshop"
        >
          {t('fac.settings.reopen')}
        </button>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void change(true)}
          data-testid="fac-close-workshop"
        >
          {t('fac.settings.close')}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Delete everything, after typing the title. */
function DeleteWorkshop({ title }: { title: string }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return (
    <section className="fac-card fac-card--danger" aria-labelledby="fac-delete-heading">
      <h3 id="fac-delete-heading" className="fac-heading">
        {t('fac.settings.deleteHeading')}
      </h3>
      <p className="fac-hint">{t('fac.settings.deleteExplain')}</p>
      <button
        type="button"
        className="button button--danger"
        onClick={() => setAsking(true)}
        data-testid="fac-delete-workshop"
      >
        {t('fac.settings.delete')}
      </button>
      {asking && <DeleteDialog title={title} onClose={() => setAsking(false)} />}
    </section>
  );
}

function DeleteDialog({ title, onClose }: { title: string; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const { store } = useBoard();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === title.trim();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    setError(null);
    try {
      await workshopApi(store).deleteWorkshop();
      navigate(paths.home());
      // After the board has gone (its cleanup clears notices), leave a message for the next page.
      setTimeout(
        () => useAppStore.getState().showNotice({ tone: 'info', key: 'fac.settings.deleted', vars: { title } }),
        0,
      );
    } catch (err) {
      setError(errorMessage(t, err));
      setBusy(false);
    }
  };

  return (
    <Modal titleId={`${id}-title`} onClose={onClose}>
      <form className="fac-confirm" onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`} tabIndex={-1}>
          {t('fac.settings.deleteTitle')}
        </h2>
        <p>{t('fac.settings.deleteBody')}</p>
        <div className="field">
          <label htmlFor={`${id}-typed`}>{t('fac.settings.deleteType', { title })}</label>
          <input
            id={`${id}-typed`}
            className="input"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            data-testid="fac-delete-confirm-input"
          />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="fac-confirm__actions">
          <button type="button" className="button button--secondary" onClick={onClose} data-testid="confirm-cancel">
            {t('fac.confirm.cancel')}
          </button>
          <button
            type="submit"
            className="button fac-button--danger"
            disabled={!matches || busy}
            data-testid="confirm-ok"
          >
            {t('fac.settings.deleteConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
