import { LOCALES } from '@dmc/shared/template/types';
import { useLocale, useSetLocale, useT } from '../i18n';

/** NL / EN switch; the choice is remembered on this device. */
export function LanguageToggle() {
  const t = useT();
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <div className="lang-toggle" role="group" aria-label={t('lang.groupLabel')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-toggle__button"
          aria-pressed={locale === l}
          onClick={() => setLocale(l, true)}
        >
          {/* The name starts with the visible code (for speech input) and then says the language. */}
          {l.toUpperCase()}
          <span className="visually-hidden"> {t(l === 'nl' ? 'lang.nl' : 'lang.en')}</span>
        </button>
      ))}
    </div>
  );
}
