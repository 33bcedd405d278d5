import { useEffect, useId, useState, type FormEvent } from 'react';
import type { FacilitateRequest, FacilitatorsResponse, SessionResponse } from '@dmc/shared/protocol/api';
import { facilitate, listFacilitators } from '../api/http';
import { loadSession, saveSession } from '../api/sessions';
import { useT } from '../i18n';
import { navigate, paths } from '../routing';
import { errorMessage } from '../components/errors';
import { PageShell } from '../components/PageShell';
import { AppLink } from '../components/AppLink';
import './home.css';
import { NameField } from '../components/NameField';

// One request per secret, even when React runs the effect twice (StrictMode) or the page re-mounts.
const pending = new Map<string, Promise<SessionResponse | FacilitatorsResponse>>();

function once<T extends SessionResponse | FacilitatorsResponse>(key: string, start: () => Promise<T>): Promise<T> {
  let request = pending.get(key);
  if (!request) {
    request = start();
    pending.set(key, request);
  }
  return request as Promise<T>;
}

/**
 * `/f/:workshopId#secret`: trades the secret for a session and opens the board. A device that is
 * already this workshop's facilitator stays that facilitator. On another device the person says
 * who they are: a facilitator already in the workshop ("this is me again": the same identity, so
 * nobody is added to the people), a presentation screen for the beamer (not a person; read-only),
 * or another facilitator.
 */
export function FacilitatePage({ workshopId }: { workshopId: string }) {
  const t = useT();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [choice, setChoice] = useState<FacilitatorsResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  // Read during the first render, before the effect below removes it from the address bar.
  const [secret] = useState(() => location.hash.replace(/^#/, ''));

  const signIn = (body: Omit<FacilitateRequest, 'workshopId' | 'secret'>, key: string) =>
    once(`${workshopId}#${secret}#${key}`, () => facilitate({ workshopId, secret, ...body })).then((session) => {
      saveSession(session);
      navigate(paths.workshop(session.workshop.id), { replace: true });
    });

  useEffect(() => {
    // The secret must not stay in the address bar or the history.
    if (location.hash) history.replaceState(null, '', location.pathname);
    const existing = loadSession(workshopId);
    const role = existing?.participant.role;
    if (!secret) {
      if (role === 'facilitator' || role === 'viewer') navigate(paths.workshop(workshopId), { replace: true });
      else setMissing(true);
      return;
    }
    // This device is already a facilitator here: the same person again, with a fresh token.
    const again =
      existing && role === 'facilitator'
        ? signIn({ mode: 'again', participantId: existing.participant.id }, `again-${existing.participant.id}`)
        : Promise.reject(new Error('not yet'));
    again.catch(() =>
      once(`${workshopId}#${secret}#list`, () => listFacilitators({ workshopId, secret }))
        .then((list) => {
          if (list.facilitators.length === 0) return signIn({ mode: 'new' }, 'new');
          setChoice(list);
        })
        .catch((err: unknown) => setError(err)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- signIn only closes over these two
  }, [workshopId, secret]);

  const choose = (body: Omit<FacilitateRequest, 'workshopId' | 'secret'>) => {
    setBusy(true);
    setError(null);
    pending.delete(`${workshopId}#${secret}#chosen`);
    signIn(body, 'chosen').catch((err: unknown) => {
      pending.delete(`${workshopId}#${secret}#chosen`);
      setError(err);
      setBusy(false);
    });
  };

  const submitNew = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    choose(trimmed ? { mode: 'new', name: trimmed } : { mode: 'new' });
  };

  return (
    <PageShell>
      <section className="card card--narrow">
        {choice !== null ? (
          <>
            <h1>{t('facilitate.choose.heading')}</h1>
            <p>{t('facilitate.choose.intro', { title: choice.workshop.title })}</p>
            <div className="facilitate-choices">
              {choice.facilitators.map((f) => (
                <button
                  key={f.id}
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  data-testid="facilitate-again"
                  onClick={() => choose({ mode: 'again', participantId: f.id })}
                >
                  {t('facilitate.again', { name: f.name })}
                </button>
              ))}
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-describedby={`${id}-beamer`}
                data-testid="facilitate-beamer"
                onClick={() => choose({ mode: 'beamer' })}
              >
                {t('facilitate.beamer')}
              </button>
              <p className="hint" id={`${id}-beamer`}>
                {t('facilitate.beamerHint')}
              </p>
            </div>
            <form onSubmit={submitNew} noValidate>
              <NameField
                id={`${id}-name`}
                label={t('facilitate.newName')}
                hint={t('facilitate.newHint')}
                value={name}
                onChange={setName}
                autoComplete="given-name"
                testId="facilitate-name"
              />
              <button type="submit" className="button" disabled={busy} data-testid="facilitate-new">
                {t('facilitate.new')}
              </button>
            </form>
            {error !== null && (
              <p className="error" role="alert">
                {errorMessage(t, error)}
              </p>
            )}
          </>
        ) : error !== null ? (
          <p className="error" role="alert">
            {errorMessage(t, error)}
          </p>
        ) : missing ? (
          <p className="error" role="alert">
            {t('facilitate.noSecret')}
          </p>
        ) : (
          <p role="status">{t('facilitate.busy')}</p>
        )}
        {choice === null && (error !== null || missing) && (
          <p>
            <AppLink to={paths.home()}>{t('common.backHome')}</AppLink>
          </p>
        )}
      </section>
    </PageShell>
  );
}
