import { useEffect, useMemo } from 'react';
import { FacilitatePage } from '../pages/FacilitatePage';
import { HomePage } from '../pages/HomePage';
import { JoinPage } from '../pages/JoinPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PrivacyPage } from '../pages/PrivacyPage';
import { WorkshopPage } from '../pages/WorkshopPage';
import { LocaleContext, type LocaleSetting } from '../i18n';
import { parseRoute, usePathname } from '../routing';
import { useAppStore } from '../store';

/**
 * The app: one page per route. The interface language lives in the store; the app hands it to
 * every component through i18n's LocaleContext, and `<html lang>` follows it.
 */
export function App() {
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const setting = useMemo<LocaleSetting>(() => ({ locale, setLocale }), [locale, setLocale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={setting}>
      <Page />
    </LocaleContext.Provider>
  );
}

/** The page of the current route. */
function Page() {
  const route = parseRoute(usePathname());
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'join':
      return <JoinPage key={route.code} code={route.code} />;
    case 'facilitate':
      return <FacilitatePage key={route.workshopId} workshopId={route.workshopId} />;
    case 'workshop':
      return <WorkshopPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'privacy':
      return <PrivacyPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
