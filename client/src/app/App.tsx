import { Suspense, useEffect, useMemo } from 'react';
import { WorkshopPage } from '../pages/WorkshopPage';
import { LoadBoundary } from '../components/LoadBoundary';
import { retryableLazy } from '../components/retryableLazy';
import { LocaleContext, useCatalogue, useT, withLaterMessages, type LocaleSetting } from '../i18n';
import { parseRoute, usePathname } from '../routing';
import { useAppStore } from '../store';

// Only the board is in the first load (what a participant opens); the other pages load on demand.
const HomePage = retryableLazy(() => withLaterMessages(() => import('../pages/HomePage')).then((m) => m.HomePage));
const JoinPage = retryableLazy(() => withLaterMessages(() => import('../pages/JoinPage')).then((m) => m.JoinPage));
const FacilitatePage = retryableLazy(() =>
  withLaterMessages(() => import('../pages/FacilitatePage')).then((m) => m.FacilitatePage),
);
const PrivacyPage = retryableLazy(() =>
  withLaterMessages(() => import('../pages/PrivacyPage')).then((m) => m.PrivacyPage),
);
const NotFoundPage = retryableLazy(() =>
  withLaterMessages(() => import('../pages/NotFoundPage')).then((m) => m.NotFoundPage),
);

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
      <LoadBoundary fallback={(retry) => <PageLoadFailed retry={retry} />}>
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

/** A page could not be fetched (the connection dropped): say so and offer to try again. */
function PageLoadFailed({ retry }: { retry: () => void }) {
  const t = useT();
  return (
    <main className="plenary-loading" role="alert">
      <p>{t('load.failed')}</p>
      <button type="button" className="button" onClick={retry}>
        {t('load.retry')}
      </button>
    </main>
  );
}
