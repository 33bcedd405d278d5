import { useLayoutEffect, useRef, useState } from 'react';
import { useAppStore } from '../store';
import { useT } from '../i18n';

/**
 * Who is on the board now, with their colours; yourself first. Names are shown in full (up to a
 * sensible length) or not at all: when the header has no room for every name, only the avatars
 * (initials in the person's colour) show, and the full names appear on hover and when the list
 * has keyboard focus. The list itself always carries the names for screen readers.
 */
export function PresenceList() {
  const t = useT();
  const peers = useAppStore((s) => s.peers);
  const listRef = useRef<HTMLUListElement>(null);
  const [compact, setCompact] = useState(false);
  const nameKey = peers.map((p) => `${p.id}:${p.name}:${p.self ? 1 : 0}`).join('|');
  const youLabel = t('presence.you');

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setCompact(namesSqueezed(list));
    measure();
    // The header's side changes width with the window and with the sheet tabs' labels.
    const side = list.closest('.board-header__side') ?? list.parentElement;
    if (!side) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    });
    observer.observe(side);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [nameKey, youLabel]);

  return (
    <div className="presence">
      <span className="visually-hidden" id="presence-label">
        {t('presence.label')}
      </span>
      <ul
        ref={listRef}
        className="presence__list"
        data-testid="presence"
        data-compact={compact ? '' : undefined}
        aria-labelledby="presence-label"
        // With the names hidden, the list can be focused to show them.
        tabIndex={compact ? 0 : undefined}
      >
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
              {peer.self && <span className="presence__you"> {youLabel}</span>}
            </span>
          </li>
        ))}
      </ul>
      {compact && (
        // The same names, visible on hover and focus; screen readers have them in the list.
        <ul className="presence__popover" aria-hidden="true" data-testid="presence-popover">
          {peers.map((peer) => (
            <li key={peer.id}>
              <span className="presence__swatch" style={{ backgroundColor: peer.color }} />
              <span>
                {peer.name}
                {peer.self && <span className="presence__you"> {youLabel}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Whether any name would be cut short for lack of room (not merely by its maximum length), with
 * the names shown: measured by briefly lifting the compact mode before the browser paints.
 */
function namesSqueezed(list: HTMLElement): boolean {
  const wasCompact = list.hasAttribute('data-compact');
  list.removeAttribute('data-compact');
  let squeezed = false;
  for (const name of Array.from(list.querySelectorAll<HTMLElement>('.presence__name'))) {
    if (name.scrollWidth <= name.clientWidth + 1) continue;
    const max = parseFloat(getComputedStyle(name).maxWidth);
    if (Number.isNaN(max) || name.clientWidth + 1 < max) {
      squeezed = true;
      break;
    }
  }
  if (wasCompact) list.setAttribute('data-compact', '');
  return squeezed;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
