import { useShallow } from 'zustand/react/shallow';
import { linkSummary, useAppStore } from '../store';
import { useT } from '../i18n';

/**
 * Always-visible connection state, announced politely when it changes: the worst of every
 * connection the screen depends on (board, my draft, session, synthesis) and the sum of their
 * changes the server has not confirmed.
 */
export function ConnectionStatus() {
  const t = useT();
  const { status: connection, unsynced } = useAppStore(useShallow((s) => linkSummary(s.links)));
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
