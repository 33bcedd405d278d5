import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n';
import { paths } from '../routing';
import { AppLink } from './AppLink';
import { LanguageToggle } from './LanguageToggle';

/** The frame of the pages around the board: a header with the app name and language, then content. */
export function PageShell({ children, title }: { children: ReactNode; title?: string }) {
  const t = useT();
  usePageTitle(title);
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="page__header">
        <AppLink to={paths.home()} className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </AppLink>
        <LanguageToggle />
      </header>
      <main id="main" className="page__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** Sets the tab's title to "<what this screen is> — Discussiemodel Canvas" (WCAG 2.4.2: one title per screen). */
export function usePageTitle(title: string | undefined): void {
  const appName = useT()('app.name');
  useEffect(() => {
    document.title = title ? `${title} — ${appName}` : appName;
    return () => {
      document.title = appName;
    };
  }, [title, appName]);
}
