import type { AppStore } from '../store';

/**
 * The session document's news as events for the other connections: a document the server keeps
 * closed (4406) may open when the phase, the subgroups or the membership change, and a replay
 * after a refusal waits until the session on screen is current. Events, not timers.
 */

/** Something that can try again (a DocConnection waiting after 4406). */
export interface Retryable {
  retry(): void;
  readonly isHidden: boolean;
}

/** Calls `retry()` on the connection whenever the phase, the subgroups or the membership change. */
export function retryOnSessionChange(store: AppStore, connection: Retryable): () => void {
  return store.subscribe((s, previous) => {
    if (!connection.isHidden) return;
    if (s.flow?.phaseId !== previous.flow?.phaseId || s.members !== previous.members || s.groups !== previous.groups)
      connection.retry();
  });
}

/** Resolves once the session document is in sync with the server (at once if it is). */
export function sessionIsLive(store: AppStore): Promise<void> {
  if (store.getState().sessionLive) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (!s.sessionLive) return;
      stop();
      resolve();
    });
  });
}
