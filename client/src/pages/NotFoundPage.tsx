import { useT } from '../i18n';
import { paths } from '../routing';
import { AppLink } from '../components/AppLink';
import { PageShell } from '../components/PageShell';

/** Any path the app does not know. */
export function NotFoundPage() {
  const t = useT();
  return (
    <PageShell title={t('notFound.heading')}>
      <section className="card">
        <h1>{t('notFound.heading')}</h1>
        <p>
          <AppLink to={paths.home()}>{t('common.backHome')}</AppLink>
        </p>
      </section>
    </PageShell>
  );
}
