import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { linkSummary, useAppStore } from '../store';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/messages';

/** The three states the indicator shows. */
export type Shown = 'connected' | 'connecting' | 'offline';

/**
 * Always-visible connection state: the worst of every connection the screen depends on (board, my
 * draft, session, synthesis) and the sum of their changes the server has not confirmed. Only real
 * changes are announced — going offline and coming back — not the "Verbinden…/Verbonden" of every
 * board switch (issue 12).
 */
export function ConnectionStatus() {
  const t = useT();
  const { status: connection, unsynced } = useAppStore(useShallow((s) => linkSummary(s.links)));
  const status: Shown = connection === 'connected' ? 'connected' : connection === 'offline' ? 'offline' : 'connecting';
  const announcement = useConnectionAnnouncement(status);
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
    <div className={`status status--${status}`} data-testid="connection-status" data-status={status}>
      <span className="status__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('status.label')}: </span>
      <span className="status__text">
        {label}
        {pending && ` — ${pending}`}
      </span>
      <span className="visually-hidden" role="status" data-testid="connection-announcement">
        {announcement ? t(announcement) : ''}
      </span>
    </div>
  );
}

/** What the announcer remembers: the last status, whether the connection was lost, the last announcement. */
export interface AnnouncerState {
  readonly status: Shown;
  readonly offline: boolean;
  readonly key: MessageKey | null;
}

/** The announcer after a status change: "offline" when the connection drops, "back" when it returns; nothing else. */
export function nextAnnouncement(seen: AnnouncerState, status: Shown): AnnouncerState {
  const wentOffline = status === 'offline' && !seen.offline;
  const cameBack = status === 'connected' && seen.offline;
  return {
    status,
    offline: status === 'offline' ? true : status === 'connected' ? false : seen.offline,
    key: wentOffline ? 'status.offline' : cameBack ? 'status.back' : seen.key,
  };
}

function useConnectionAnnouncement(status: Shown): MessageKey | null {
  const [seen, setSeen] = useState<AnnouncerState>({ status, offline: false, key: null });
  // Adjusting state while rendering (React's pattern for "state from a changed prop").
  if (seen.status !== status) setSeen(nextAnnouncement(seen, status));
  return seen.key;
}
