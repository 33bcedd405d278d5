import { useT } from '../i18n';
import { PageShell } from '../components/PageShell';
import './privacy.css';
import { usePrivacyInfo } from './privacyInfo';

/** `/privacy`: the full privacy statement (AVG art. 12–17, 20), with the operator's controller and retention. */
export function PrivacyPage() {
  const t = useT();
  const privacy = usePrivacyInfo();
  const controller = privacy?.controller ?? t('privacy.controllerUnknown');
  return (
    <PageShell title={t('title.privacy')}>
      <article className="card privacy-page" data-testid="privacy-page">
        <h1>{t('privacy.page.heading')}</h1>
        <p>{t('privacy.page.intro')}</p>
        <h2>{t('privacy.page.controllerHeading')}</h2>
        <p data-testid="privacy-page-controller">{t('privacy.page.controller', { controller })}</p>
        <p>
          {privacy?.contact ? t('privacy.page.contact', { contact: privacy.contact }) : t('privacy.page.noContact')}
        </p>
        <h2>{t('privacy.page.whatHeading')}</h2>
        <ul>
          <li>{t('privacy.page.whatName')}</li>
          <li>{t('privacy.page.whatRole')}</li>
          <li>{t('privacy.page.whatWork')}</li>
          <li>{t('privacy.page.whatDevice')}</li>
        </ul>
        <p>{t('privacy.page.whatNot')}</p>
        <h2>{t('privacy.page.whyHeading')}</h2>
        <p>{t('privacy.page.why')}</p>
        <h2>{t('privacy.page.whereHeading')}</h2>
        <p>{t('privacy.page.where')}</p>
        <h2>{t('privacy.page.howLongHeading')}</h2>
        {privacy && <p>{t('privacy.page.howLong', { days: privacy.retentionDays })}</p>}
        <h2>{t('privacy.page.whoHeading')}</h2>
        <p>{t('privacy.page.who')}</p>
        <h2>{t('privacy.page.rightsHeading')}</h2>
        <ul>
          <li>{t('privacy.page.rightSee')}</li>
          <li>{t('privacy.page.rightRename')}</li>
          <li>{t('privacy.page.rightDownload')}</li>
          <li>{t('privacy.page.rightLeave')}</li>
          <li>{t('privacy.page.rightForget')}</li>
        </ul>
        <p>{t('privacy.page.rightOther')}</p>
      </article>
    </PageShell>
  );
}
