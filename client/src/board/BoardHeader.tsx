import { localize } from '@dmc/shared/template/lookup';
import { phase } from '@dmc/shared/domain/phases';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { usePageTitle } from '../components/PageShell';
import { paths } from '../routing';
import { ConnectionStatus } from './ConnectionStatus';
import { CopyButton } from '../components/CopyButton';
import { LanguageToggle } from '../components/LanguageToggle';
import { PresenceList } from './PresenceList';
import { MyDataButton } from './MyDataButton';
import { AppLink } from '../components/AppLink';
import { SheetTabs } from './SheetTabs';

/** The board's header: workshop, sheets, who is here, connection, language. */
export function BoardHeader({ showSheets = true }: { showSheets?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const session = useAppStore((s) => s.session);
  const phaseId = useAppStore((s) => s.flow?.phaseId);
  const workshopTitle = session?.workshop.title;
  // The tab says which phase it is, so a person coming back to the tab knows where the group is.
  usePageTitle(
    workshopTitle && phaseId ? `${localize(phase(phaseId).label, locale)} — ${workshopTitle}` : workshopTitle,
  );
  if (!session) return null;
  const { workshop, participant } = session;
  const joinLink = `${location.origin}${paths.join(workshop.code)}`;
  return (
    <header className="board-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="board-header__workshop">
        <AppLink to={paths.home()} className="brand brand--compact" title={t('app.name')}>
          <span className="brand__mark" aria-hidden="true" />
          <span className="visually-hidden">{t('app.name')}</span>
        </AppLink>
        <div className="board-header__titles">
          <h1 className="board-header__title" title={workshop.title}>
            {workshop.title}
          </h1>
          <p className="board-header__meta">
            <span>{t('board.code', { code: workshop.code })}</span>
            {participant.role === 'facilitator' && (
              <>
                <span className="badge">{t('board.role.facilitator')}</span>
                <CopyButton text={joinLink} label={t('board.copyJoinLink')} visibleLabel={t('board.copyLinkShort')} />
              </>
            )}
          </p>
        </div>
      </div>
      {showSheets ? <SheetTabs /> : <span className="board-header__spacer" />}
      <div className="board-header__side">
        {/* Who is here is the board's; the connection status covers every document the screen uses. */}
        {showSheets && <PresenceList />}
        <ConnectionStatus />
        {participant.role !== 'viewer' && <MyDataButton />}
        <LanguageToggle />
      </div>
    </header>
  );
}
