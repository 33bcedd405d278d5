import { useEffect, useState } from 'react';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { facilitate } from '../api/http';
import { loadSession, saveSession } from '../api/sessions';
import { useT } from '../i18n';
import { navigate, paths } from '../routing';
import { errorMessage } from '../components/errors';
import { PageShell } from '../components/PageShell';

// One request per secret, even when React runs the effect twice (StrictMode) or the page re-mounts.
const pending = new Map<string, Promise<SessionResponse>>();

/** `/f/:workshopId#secret`: trades the secret for a facilitator session and opens the board. */
export function FacilitatePage({ workshopId }: { workshopId: string }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  // Read during the first render, before the effect below removes it from the address bar.
  const [secret] = useState(() => location.hash.replace(/^#/, ''));

  useEffect(() => {
    // The secret must not stay in the address bar or the history.
    if (location.hash) history.replaceState(null, '', location.pathname);
    const existing = loadSession(workshopId);
    if (!secret) {
      if (existing?.participant.role === 'facilitator') navigate(paths.workshop(workshopId), { replace: true });
      else setMissing(true);
      return;
    }
    const key = `${workshopId}#${secret}`;
    let request = pending.get(key);
    if (!request) {
      request = facilitate({ workshopId, secret });
      pending.set(key, request);
    }
    request
      .then((session) => {
        saveSession(session);
        navigate(paths.workshop(session.workshop.id), { replace: true });
      })
      .catch((err: unknown) => setError(err));
  }, [workshopId, secret]);

  return (
    <PageShell>
      <section className="card card--narrow">
        {error !== null ? (
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
        {(error !== null || missing) && (
          <p>
            <a
              href={paths.home()}
              onClick={(e) => {
                e.preventDefault();
                navigate(paths.home());
              }}
            >
              {t('common.backHome')}
            </a>
          </p>
        )}
      </section>
    </PageShell>
  );
}
