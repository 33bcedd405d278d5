import { useEffect, useState } from 'react';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { ApiError, getSession } from '../api/http';
import { dropSession, loadSession, onSessionReplaced, saveSession } from '../api/sessions';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { paths } from '../routing';
import { BoardScreen } from '../board/BoardScreen';
import { JoinCodeForm } from './JoinCodeForm';
import { AppLink } from '../components/AppLink';
import { PageShell } from '../components/PageShell';

type Phase =
  | { readonly state: 'checking' }
  | { readonly state: 'ready'; readonly session: SessionResponse }
  | { readonly state: 'needSession'; readonly expired: boolean; readonly code: string }
  | { readonly state: 'gone' };

/** `/w/:workshopId`: checks the stored session, then shows the board. */
export function WorkshopPage({ workshopId }: { workshopId: string }) {
  const t = useT();
  const [phase, setPhase] = useState<Phase>(() =>
    loadSession(workshopId) ? { state: 'checking' } : { state: 'needSession', expired: false, code: '' },
  );
  const boardEnd = useAppStore((s) => s.boardEnd);
  const setSession = useAppStore((s) => s.setSession);
  const localeChosen = useAppStore((s) => s.localeChosen);
  const setLocale = useAppStore((s) => s.setLocale);

  useEffect(() => {
    const stored = loadSession(workshopId);
    if (!stored) return;
    let cancelled = false;
    getSession(stored.token)
      .then((fresh) => {
        if (cancelled) return;
        saveSession(fresh);
        setPhase({ state: 'ready', session: fresh });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) {
          dropSession(workshopId);
          setPhase({ state: 'needSession', expired: true, code: stored.workshop.code });
        } else if (error instanceof ApiError && error.status === 404) {
          setPhase({ state: 'gone' });
        } else {
          // Server unreachable: work with what we have; the connection status tells the rest.
          setPhase({ state: 'ready', session: stored });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [workshopId]);

  // Renamed in "Mijn gegevens": the screen goes on under the new session (and reconnects with the new name).
  useEffect(
    () =>
      onSessionReplaced((session) => {
        if (session.workshop.id === workshopId) setPhase({ state: 'ready', session });
      }),
    [workshopId],
  );

  const readySession = phase.state === 'ready' ? phase.session : null;
  useEffect(() => {
    if (!readySession) return;
    setSession(readySession);
    return () => setSession(null);
  }, [readySession, setSession]);

  // Until the person picks a language, the workshop's language is the interface language.
  useEffect(() => {
    if (readySession && !localeChosen) setLocale(readySession.workshop.language, false);
  }, [readySession, localeChosen, setLocale]);

  useEffect(() => {
    if (phase.state !== 'ready' || boardEnd === null) return;
    if (boardEnd === 'unauthorized') {
      dropSession(workshopId);
      setPhase({ state: 'needSession', expired: true, code: phase.session.workshop.code });
    } else {
      setPhase({ state: 'gone' });
    }
    useAppStore.getState().setBoardEnd(null);
  }, [boardEnd, phase, workshopId]);

  if (phase.state === 'ready') return <BoardScreen session={phase.session} />;

  return (
    <PageShell title={phase.state === 'gone' ? t('board.gone.heading') : t('title.workshop')}>
      <section className="card card--narrow">
        {phase.state === 'checking' && <p role="status">{t('board.checking')}</p>}
        {phase.state === 'needSession' && (
          <>
            <h1>{t('board.needSession.heading')}</h1>
            <p className={phase.expired ? 'error' : undefined} role={phase.expired ? 'alert' : undefined}>
              {phase.expired ? t('board.sessionExpired') : t('board.needSession.text')}
            </p>
            <JoinCodeForm initialCode={phase.code} />
          </>
        )}
        {phase.state === 'gone' && (
          <>
            <h1>{t('board.gone.heading')}</h1>
            <p>{t('board.gone.text')}</p>
            <p>
              <AppLink to={paths.home()}>{t('common.backHome')}</AppLink>
            </p>
          </>
        )}
      </section>
    </PageShell>
  );
}
