import { useAppStore } from '../store';
import { useT } from '../i18n';

/** Who is on the board now, with their colours; yourself first. */
export function PresenceList() {
  const t = useT();
  const peers = useAppStore((s) => s.peers);
  return (
    <div className="presence">
      <span className="visually-hidden" id="presence-label">
        {t('presence.label')}
      </span>
      <ul className="presence__list" data-testid="presence" aria-labelledby="presence-label">
        {peers.map((peer) => (
          <li
            key={peer.id}
            className="presence__person"
            data-testid={`presence-${peer.id}`}
            title={peer.editing ? t('presence.typing', { name: peer.name }) : peer.name}
          >
            <span className="presence__dot" style={{ backgroundColor: peer.color }} aria-hidden="true">
              {initials(peer.name)}
            </span>
            <span className="presence__name">
              {peer.name}
              {peer.self && <span className="presence__you"> {t('presence.you')}</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
