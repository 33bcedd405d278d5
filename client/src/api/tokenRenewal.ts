import { useEffect } from 'react';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { ApiError, getSession } from './http';
import { currentToken, rememberRenewal } from './sessions';

/**
 * Tokens expire (24 hours by default). A workshop screen renews its token silently: GET
 * /api/session answers with a freshly signed one, which is stored for reloads and used by every
 * later connection and request (sessions.latestToken). Only when the server no longer accepts
 * the token does the person have to join again.
 */

/** How often an open workshop screen renews its token: far inside the token's lifetime. */
export const RENEW_EVERY_MS = 30 * 60_000;

/** What a renewal found. */
export type Renewal = 'renewed' | 'expired' | 'unreachable';

/** Renews the session's token once. */
export async function renewToken(session: Pick<SessionResponse, 'token'>): Promise<Renewal> {
  const token = currentToken(session);
  try {
    rememberRenewal(token, await getSession(token));
    return 'renewed';
  } catch (error) {
    return error instanceof ApiError && error.status === 401 ? 'expired' : 'unreachable';
  }
}

/** While mounted, renews the token every RENEW_EVERY_MS and when the tab comes back into view; `onExpired` when it is refused. */
export function useTokenRenewal(session: SessionResponse | null, onExpired: () => void): void {
  useEffect(() => {
    if (!session) return;
    let last = Date.now();
    let stopped = false;
    const renew = () => {
      last = Date.now();
      void renewToken(session).then((result) => {
        if (result === 'expired' && !stopped) onExpired();
      });
    };
    const timer = setInterval(renew, RENEW_EVERY_MS);
    // A laptop that slept through the interval renews as soon as it is looked at again.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - last > RENEW_EVERY_MS) renew();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [session, onExpired]);
}
