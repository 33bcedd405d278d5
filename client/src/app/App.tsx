import { Suspense, useEffect, useMemo } from 'react';
import { WorkshopPage } from '../pages/WorkshopPage';
import { LoadBoundary } from '../components/LoadBoundary';
import { LoadFailed } from '../components/LoadFailed';
import { retryableLazy } from '../components/retryableLazy';
import { LocaleContext, useCatalogue, type LocaleSetting } from '../i18n';
import { parseRoute, usePathname } from '../routing';
import { useAppStore } from '../store';

// Only the board is in the first load (what a participant opens); the other pages load on demand.
const HomePage = retryableLazy(() => import('../pages/HomePage').then((m) => m.HomePage));
const JoinPage = retryableLazy(() => import('../pages/JoinPage').then((m) => m.JoinPage));
const FacilitatePage = retryableLazy(() => import('../pages/FacilitatePage').then((m) => m.FacilitatePage));
const PrivacyPage = retryableLazy(() => import('../pages/PrivacyPage').then((m) => m.PrivacyPage));
const NotFoundPage = retryableLazy(() => import('../pages/NotFoundPage').then((m) => m.NotFoundPage));

/**
 * The app: one page per route. The interface language lives in the store; the app hands it to
 * every component through i18n's LocaleContext once its strings are loaded (Dutch until then),
 * and `<html lang>` follows it.
 */
export function App() {
  const locale = useCatalogue(useAppStore((s) => s.locale));
  const setLocale = useAppStore((s) => s.setLocale);
  const setting = useMemo<LocaleSetting>(() => ({ locale, setLocale }), [locale, setLocale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={setting}>
      <LoadBoundary fallback={(retry) => <LoadFailed retry={retry} page />}>
        <Suspense fallback={null}>
          <Page />
        </Suspense>
      </LoadBoundary>
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
