import type { JoinInfoResponse } from '@dmc/shared/protocol/api';
import { useLocale, useT, type MessageKey } from '../i18n';
import { navigate, paths } from '../routing';
import { deletionDay, usePrivacyInfo } from './privacyInfo';
import './privacy.css';

const LEAVE_TEXT: Record<JoinInfoResponse['workshop']['onLeave'], MessageKey> = {
  remove: 'privacy.notice.leaveRemove',
  anonymise: 'privacy.notice.leaveAnonymise',
  choose: 'privacy.notice.leaveChoose',
};

/**
 * The short privacy notice on the join page (AVG art. 13): who is responsible, what is stored,
 * where, how long, who sees it and what one can do — with a link to the full privacy page.
 */
export function PrivacyNotice({ workshop }: { workshop: JoinInfoResponse['workshop'] }) {
  const t = useT();
  const locale = useLocale();
  const privacy = usePrivacyInfo();
  const controller = privacy?.controller ?? t('privacy.controllerUnknown');
  return (
    <section className="privacy-notice" aria-labelledby="privacy-notice-heading" data-testid="privacy-notice">
      <h2 id="privacy-notice-heading">{t('privacy.notice.heading')}</h2>
      <ul>
        <li data-testid="privacy-controller">
          {t('privacy.notice.controller', { controller })}
          {privacy?.contact ? ` ${t('privacy.notice.contact', { contact: privacy.contact })}` : ''}
        </li>
        <li>{t('privacy.notice.what')}</li>
        <li>{t('privacy.notice.where')}</li>
        <li>{t('privacy.notice.howLong', { date: deletionDay(workshop.expiresAt, locale) })}</li>
        <li>{t('privacy.notice.who')}</li>
        <li>
          {t('privacy.notice.rights')} {t(LEAVE_TEXT[workshop.onLeave])}
        </li>
      </ul>
      <p>
        <a
          href={paths.privacy()}
          onClick={(e) => {
            e.preventDefault();
            navigate(paths.privacy());
          }}
          data-testid="privacy-link"
        >
          {t('privacy.notice.more')}
        </a>
      </p>
    </section>
  );
}
