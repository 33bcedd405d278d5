import { LOCALES } from '@dmc/shared/template/types';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';

/** NL / EN switch; the choice is remembered on this device. */
export function LanguageToggle() {
  const t = useT();
  const locale = useLocale();
  const setLocale = useAppStore((s) => s.setLocale);
  return (
    <div className="lang-toggle" role="group" aria-label={t('lang.groupLabel')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-toggle__button"
          aria-pressed={locale === l}
          aria-label={t(l === 'nl' ? 'lang.nl' : 'lang.en')}
          onClick={() => setLocale(l, true)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
