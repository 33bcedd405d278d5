import { useId, useState } from 'react';
import {
  canMakeInvitationIcs,
  invitationFileName,
  invitationIcs,
  invitationText,
  type InvitationInput,
} from '@dmc/shared/export/invitation';
import type { Locale } from '@dmc/shared/template/types';
import { CopyButton } from '../../components/CopyButton';
import { useAppStore } from '../../store';
import { useT } from '../../i18n';
import { saveText } from '../../api/saveFile';

/**
 * The invitation: the generated text in Dutch or English to copy into an e-mail, and the same
 * as a calendar invitation (.ics) to download — made in the browser, sent nowhere.
 */
export function InvitationPanel({ input, unsaved }: { input: InvitationInput; unsaved: boolean }) {
  const t = useT();
  const id = useId();
  const workshopLanguage = useAppStore((s) => s.settings?.language ?? s.session?.workshop.language ?? 'nl');
  const [chosen, setChosen] = useState<Locale | null>(null);
  const locale = chosen ?? workshopLanguage;
  const text = invitationText(input, locale);
  const canIcs = canMakeInvitationIcs(input);

  const download = () => {
    const ics = invitationIcs(input, { now: Date.now(), locale });
    if (ics === null) return;
    saveText(ics, invitationFileName(input.title, locale), 'text/calendar;charset=utf-8');
    useAppStore.getState().announce(t('prep.invite.downloaded'));
  };

  return (
    <section className="fac-card" aria-labelledby={`${id}-heading`} data-testid="prep-invitation">
      <h3 id={`${id}-heading`} className="fac-heading">
        {t('prep.invite.heading')}
      </h3>
      <p className="fac-hint prep-intro">{t('prep.invite.intro')}</p>
      <div className="prep-invite__lang" role="group" aria-label={t('prep.invite.language')}>
        <span className="fac-label-inline" aria-hidden="true">
          {t('prep.invite.language')}
        </span>
        <span className="lang-toggle">
          {(['nl', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className="lang-toggle__button"
              aria-pressed={locale === l}
              onClick={() => setChosen(l)}
              data-testid={`prep-invite-lang-${l}`}
              lang={l}
            >
              {t(l === 'nl' ? 'lang.nl' : 'lang.en')}
            </button>
          ))}
        </span>
      </div>
      <label className="prep-invite__label" htmlFor={`${id}-text`}>
        {t('prep.invite.textLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        className="textarea prep-invite__text"
        readOnly
        rows={14}
        value={text}
        lang={locale}
        data-testid="prep-invitation-text"
      />
      {unsaved && (
        <p className="fac-hint fac-hint--warning" data-testid="prep-invite-unsaved">
          {t('prep.invite.unsaved')}
        </p>
      )}
      <div className="fac-row">
        <CopyButton
          text={text}
          label={t('prep.invite.copy')}
          visibleLabel={t('prep.invite.copy')}
          testId="prep-invite-copy"
        />
        <button
          type="button"
          className="button button--primary button--small"
          disabled={!canIcs}
          onClick={download}
          aria-describedby={`${id}-ics-hint`}
          data-testid="prep-invite-ics"
        >
          {t('prep.invite.ics')}
        </button>
      </div>
      <p className="fac-hint" id={`${id}-ics-hint`} data-testid="prep-invite-ics-hint">
        {canIcs ? t('prep.invite.icsHint') : t('prep.invite.icsNeedsDate')}
      </p>
    </section>
  );
}
