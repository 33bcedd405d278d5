import { useAppStore, type ConnectionPhase } from '../store';
import { useT } from '../i18n';

/** Always-visible connection state, announced politely when it changes. */
export function ConnectionStatus() {
  const t = useT();
  const boardConnection = useAppStore((s) => s.connection);
  const draft = useAppStore((s) => s.draft);
  // While writing privately the draft matters as much as the board: show the worse of the two.
  const connection = worse(boardConnection, draft.connection);
  const unsynced = useAppStore((s) => s.unsynced) + draft.unsynced;
  const status = connection === 'connected' ? 'connected' : connection === 'offline' ? 'offline' : 'connecting';
  const label =
    connection === 'connected'
      ? t('status.connected')
      : connection === 'offline'
        ? t('status.offline')
        : connection === 'reconnecting'
          ? t('status.reconnecting')
          : t('status.connecting');
  // Shown until the server confirmed it stored them, also while connected (e.g. its disk is full).
  const pending =
    unsynced > 0 ? (unsynced === 1 ? t('status.unsyncedOne') : t('status.unsyncedMany', { count: unsynced })) : null;
  return (
    <div
      className={`status status--${status}`}
      data-testid="connection-status"
      data-status={status}
      role="status"
      aria-live="polite"
    >
      <span className="status__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('status.label')}: </span>
      <span className="status__text">
        {label}
        {pending && ` — ${pending}`}
      </span>
    </div>
  );
}

const ORDER: readonly ConnectionPhase[] = ['connected', 'connecting', 'reconnecting', 'offline'];

function worse(a: ConnectionPhase, b: ConnectionPhase | null): ConnectionPhase {
  if (b === null) return a;
  return ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
}
