import { useEffect } from 'react';
import type { MessageKey } from '../i18n/messages';
import { useAppStore } from '../store';
import { localize } from '@dmc/shared/template/lookup';
import { useLocale, useT } from '../i18n';

/** How long an informational notice stays; warnings stay until dismissed or replaced. */
const INFO_MS = 6000;
const WARNING_MS = 15000;

/** Polite messages about the board (a refused change, something not allowed). */
export function NoticeBar() {
  const t = useT();
  const locale = useLocale();
  const notice = useAppStore((s) => s.notice);
  const showNotice = useAppStore((s) => s.showNotice);

  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = setTimeout(() => showNotice(null), notice.ms ?? (notice.tone === 'info' ? INFO_MS : WARNING_MS));
    return () => clearTimeout(timer);
  }, [notice, showNotice]);

  const vars: Record<string, string | number> = { ...(notice?.vars ?? {}) };
  for (const [name, key] of Object.entries(notice?.keyVars ?? {})) vars[name] = t(key as MessageKey);
  for (const [name, text] of Object.entries(notice?.localizedVars ?? {})) vars[name] = localize(text, locale);

  return (
    <div className="notice-region" aria-live="polite">
      {notice && (
        <div className={`notice notice--${notice.tone}`} data-testid="notice" data-notice={notice.key}>
          <div className="notice__text">
            <p>{t(notice.key, vars)}</p>
            {notice.detail && <p className="notice__detail">{t('notice.serverSaid', { reason: notice.detail })}</p>}
          </div>
          <button type="button" className="icon-button" onClick={() => showNotice(null)} aria-label={t('notice.dismiss')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
