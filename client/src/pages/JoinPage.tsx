import { useEffect, useId, useState, type FormEvent } from 'react';
import { LIMITS } from '@dmc/shared/domain/limits';
import { TABLE_ROLES, TABLE_ROLE_LABELS, isTableRole } from '@dmc/shared/domain/roles';
import { localize } from '@dmc/shared/template/lookup';
import { joinCodeProblem, type JoinInfoResponse, type SessionResponse } from '@dmc/shared/protocol/api';
import { getJoinInfo, joinWorkshop } from '../api/http';
import { loadSession, saveSession } from '../api/sessions';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { navigate, paths } from '../routing';
import { errorMessage } from '../components/errors';
import { JoinCodeForm, joinCodeProblemText } from './JoinCodeForm';
import { PageShell } from '../components/PageShell';
import { FieldHead } from '../components/FieldHead';
import { PrivacyNotice } from './PrivacyNotice';

type Lookup =
  | { readonly state: 'loading' }
  | { readonly state: 'found'; readonly info: JoinInfoResponse['workshop']; readonly existing: SessionResponse | null }
  | { readonly state: 'error'; readonly error: unknown };

/**
 * `/j/:code`: shows the workshop's title and asks for a display name (or none, where the
 * workshop allows anonymous participation) and, where the workshop asks, the role at the table.
 */
export function JoinPage({ code }: { code: string }) {
  const t = useT();
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const localeChosen = useAppStore((s) => s.localeChosen);
  const setLocale = useAppStore((s) => s.setLocale);
  // A code that cannot be right is explained here, without asking the server.
  const problem = joinCodeProblem(code);

  useEffect(() => {
    if (problem) return;
    let cancelled = false;
    setLookup({ state: 'loading' });
    getJoinInfo(code)
      .then((response) => {
        if (cancelled) return;
        setLookup({ state: 'found', info: response.workshop, existing: loadSession(response.workshop.id) });
      })
      .catch((error: unknown) => {
        if (!cancelled) setLookup({ state: 'error', error });
      });
    return () => {
      cancelled = true;
    };
  }, [code, attempt, problem]);

  useEffect(() => {
    if (lookup.state === 'found' && !localeChosen) setLocale(lookup.info.language, false);
  }, [lookup, localeChosen, setLocale]);

  return (
    <PageShell title={t('title.join')}>
      <section className="card card--narrow">
        {(problem || lookup.state !== 'found') && <h1>{t('join.headingGeneric')}</h1>}
        {problem && (
          <>
            <p className="error" role="alert" data-testid="join-code-problem">
              {joinCodeProblemText(problem, t)}
            </p>
            <JoinCodeForm initialCode={code} />
          </>
        )}
        {!problem && lookup.state === 'loading' && <p role="status">{t('join.loading')}</p>}
        {!problem && lookup.state === 'error' && (
          <>
            <p className="error" role="alert">
              {errorMessage(t, lookup.error)}
            </p>
            <p>
              <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
                {t('common.tryAgain')}
              </button>
            </p>
            <JoinCodeForm initialCode={code} />
          </>
        )}
        {!problem && lookup.state === 'found' && <JoinForm code={code} info={lookup.info} existing={lookup.existing} />}
      </section>
    </PageShell>
  );
}

/** The value of the role select that means "I'd rather not say" (sent as no role). */
const NO_ROLE = 'none';

function JoinForm({
  code,
  info,
  existing,
}: {
  code: string;
  info: JoinInfoResponse['workshop'];
  existing: SessionResponse | null;
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorText = error === 'nameMissing' ? t('join.nameMissing') : error !== null ? errorMessage(t, error) : null;

  if (info.closed) {
    return (
      <>
        <h1>{t('join.heading', { title: info.title })}</h1>
        <p className="error" role="alert">
          {t('join.closed')}
        </p>
      </>
    );
  }

  const asAnonymous = anonymous && info.allowAnonymous;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!asAnonymous && name.trim() === '') {
      setError('nameMissing');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const tableRole = info.askTableRole && isTableRole(role) ? role : undefined;
      const session = await joinWorkshop({
        code,
        ...(asAnonymous ? { anonymous: true } : { name: name.trim() }),
        ...(tableRole ? { tableRole } : {}),
      });
      saveSession(session);
      navigate(paths.workshop(session.workshop.id), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('join.heading', { title: info.title })}</h1>
      {existing && (
        <div className="continue">
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate(paths.workshop(info.id), { replace: true })}
          >
            {t('join.continueAs', { name: existing.participant.name })}
          </button>
          <p>{t('join.orNew')}</p>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {!asAnonymous && (
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('join.name')}</label>
            <p className="hint" id={`${id}-hint`}>
              {t('join.nameHint')}
            </p>
            <input
              id={`${id}-name`}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={LIMITS.displayNameLength}
              autoComplete="given-name"
              required
              autoFocus={!existing}
              aria-describedby={`${id}-hint${errorText ? ` ${id}-error` : ''}`}
              aria-invalid={errorText ? true : undefined}
              data-testid="join-name"
            />
          </div>
        )}
        {info.allowAnonymous && (
          <div className="field">
            <label className="radio" htmlFor={`${id}-anon`}>
              <input
                id={`${id}-anon`}
                type="checkbox"
                checked={anonymous}
                onChange={(e) => {
                  setAnonymous(e.target.checked);
                  setError(null);
                }}
                aria-describedby={`${id}-anon-hint`}
                data-testid="join-anonymous"
              />{' '}
              {t('join.role.anonymous')}
            </label>
            <p className="hint" id={`${id}-anon-hint`}>
              {t('join.role.anonymousHint')}
            </p>
          </div>
        )}
        {info.askTableRole && (
          <div className="field">
            <FieldHead htmlFor={`${id}-role`} label={t('join.role.label')} hint={t('join.role.hint')} optional />
            <select
              id={`${id}-role`}
              className="select"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              aria-describedby={`${id}-role-hint`}
              data-testid="join-role"
            >
              <option value="">{t('join.role.choose')}</option>
              {TABLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {localize(TABLE_ROLE_LABELS[r], locale)}
                </option>
              ))}
              <option value={NO_ROLE}>{t('join.role.none')}</option>
            </select>
          </div>
        )}
        {errorText && (
          <p className="error" role="alert" id={`${id}-error`}>
            {errorText}
          </p>
        )}
        <button
          type="submit"
          className={existing ? 'button' : 'button button--primary'}
          disabled={busy}
          data-testid="join-submit"
        >
          {busy ? t('join.busy') : t('join.submit')}
        </button>
      </form>
      <PrivacyNotice workshop={info} />
    </>
  );
}
