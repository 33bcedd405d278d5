import { useEffect } from 'react';
import { FacilitatePage } from './components/FacilitatePage';
import { HomePage } from './components/HomePage';
import { JoinPage } from './components/JoinPage';
import { NotFoundPage } from './components/NotFoundPage';
import { WorkshopPage } from './components/WorkshopPage';
import { useLocale } from './i18n';
import { parseRoute, usePathname } from './routing';

/** The app: one page per route; `<html lang>` follows the interface language. */
export function App() {
  const route = parseRoute(usePathname());
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'join':
      return <JoinPage key={route.code} code={route.code} />;
    case 'facilitate':
      return <FacilitatePage key={route.workshopId} workshopId={route.workshopId} />;
    case 'workshop':
      return <WorkshopPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
