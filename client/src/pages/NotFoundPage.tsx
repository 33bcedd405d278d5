import { useT } from '../i18n';
import { navigate, paths } from '../routing';
import { PageShell } from '../components/PageShell';

/** Any path the app does not know. */
export function NotFoundPage() {
  const t = useT();
  return (
    <PageShell title={t('notFound.heading')}>
      <section className="card">
        <h1>{t('notFound.heading')}</h1>
        <p>
          <a
            href={paths.home()}
            onClick={(e) => {
              e.preventDefault();
              navigate(paths.home());
            }}
          >
            {t('common.backHome')}
          </a>
        </p>
      </section>
    </PageShell>
  );
}
