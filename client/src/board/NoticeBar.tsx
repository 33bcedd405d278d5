import { useEffect, useState, type KeyboardEvent } from 'react';
import type { MessageKey } from '../i18n/messages';
import { useAppStore } from '../store';
import { localize } from '@dmc/shared/template/lookup';
import { useLocale, useT } from '../i18n';

/** How long an informational notice stays; warnings stay until dismissed or replaced. */
const INFO_MS = 6000;
const WARNING_MS = 15000;

/**
 * Polite messages about the board (a refused change, something not allowed, a new phase): a
 * compact toast in the bottom-left corner of the board, where it does not hide the sheet's title,
 * the fields' headings or the note toolbar. It has a close button and closes with Escape; while
 * the pointer is on it or it has focus it does not time out. The region is a live region, so the
 * text is announced when it appears.
 */
export function NoticeBar() {
  const t = useT();
  const locale = useLocale();
  const notice = useAppStore((s) => s.notice);
  const showNotice = useAppStore((s) => s.showNotice);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;

  useEffect(() => {
    if (!notice || notice.tone === 'error' || held) return;
    const timer = setTimeout(() => showNotice(null), notice.ms ?? (notice.tone === 'info' ? INFO_MS : WARNING_MS));
    return () => clearTimeout(timer);
  }, [notice, showNotice, held]);

  // A new notice starts unheld (the previous one may have closed under the pointer or with focus).
  useEffect(() => {
    setHovered(false);
    setFocused(false);
  }, [notice?.id]);

  const vars: Record<string, string | number> = { ...(notice?.vars ?? {}) };
  for (const [name, key] of Object.entries(notice?.keyVars ?? {})) vars[name] = t(key as MessageKey);
  for (const [name, text] of Object.entries(notice?.localizedVars ?? {})) vars[name] = localize(text, locale);

  /** Closes the notice; focus that was in it goes back to the board rather than being lost. */
  const dismiss = (hadFocus: boolean) => {
    showNotice(null);
    if (hadFocus) (document.querySelector<HTMLElement>('.canvas') ?? document.getElementById('main'))?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    dismiss(true);
  };

  return (
    <div className="notice-toasts" aria-live="polite">
      {notice && (
        <div
          className={`notice notice--${notice.tone}`}
          data-testid="notice"
          data-notice={notice.key}
          onKeyDown={onKeyDown}
          onMouseEnter={() => setHovered(true)}
          onMouseLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
          }}
        >
          <div className="notice__text">
            <p>{t(notice.key, vars)}</p>
            {notice.detail && <p className="notice__detail">{t('notice.serverSaid', { reason: notice.detail })}</p>}
          </div>
          <button
            type="button"
            className="icon-button notice__close"
            data-testid="notice-close"
            onClick={(e) => dismiss(e.currentTarget === document.activeElement)}
            aria-label={t('notice.dismiss')}
            title={t('notice.dismiss')}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
