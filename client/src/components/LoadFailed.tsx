import { useT } from '../i18n';

/**
 * What a `LoadBoundary` shows when a part or page could not be fetched (the connection dropped):
 * say so, and offer to try again. Never a page reload: it would lose what was written offline
 * and is not saved yet. The boundary also tries again by itself once the browser is back online.
 */
export function LoadFailed({ retry, page = false }: { retry: () => void; page?: boolean }) {
  const t = useT();
  const content = (
    <>
      <p>{t('load.failed')}</p>
      <button type="button" className="button" data-testid="load-retry" onClick={retry}>
        {t('load.retry')}
      </button>
    </>
  );
  // A whole page is the main landmark; a part sits inside one.
  return page ? (
    <main className="plenary-loading" role="alert">
      {content}
    </main>
  ) : (
    <div className="plenary-loading" role="alert">
      {content}
    </div>
  );
}
