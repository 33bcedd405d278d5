import { DeckToggle } from '../deck/DeckToggle';
import { ExportButton } from '../exports/ExportButton';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { usePlenarySources } from '../plenary/hooks';

/**
 * The bar's tools in a plenary view: how the documents are doing, the inspiration deck (cards
 * are dropped on the action list) and the exports.
 */
export function PlenaryToolbar({ view }: { view: 'synthesis' | 'actions' }) {
  const t = useT();
  return (
    <div className="toolbar plenary-toolbar" role="toolbar" aria-label={t('plenary.toolbar.label')}>
      <PlenaryStatus />
      <div className="toolbar__group toolbar__group--end">
        {view === 'actions' && <DeckToggle target="actions" />}
        <ExportButton />
      </div>
    </div>
  );
}

/** How the plenary's documents are doing: the synthesis document and the boards read. */
function PlenaryStatus() {
  const t = useT();
  const loaded = useAppStore((s) => s.synthesisStatus);
  // Loaded once is not live now: while the synthesis connection is down, say so.
  const linked = useAppStore((s) => s.links.synthesis?.status === 'connected');
  const status = loaded === 'live' && !linked ? 'connecting' : loaded;
  const sources = usePlenarySources();
  const live = useAppStore(
    (s) => sources.filter((source) => s.plenaryBoards[source.boardId]?.status === 'live').length,
  );
  const ok = status === 'live';
  return (
    <p
      className={`plenary-status${ok ? '' : ' plenary-status--waiting'}`}
      role="status"
      data-testid="plenary-status"
      data-status={status}
    >
      <span className="plenary-status__dot" aria-hidden="true" />
      <span>
        {ok ? t('plenary.status.live') : status === 'gone' ? t('plenary.status.gone') : t('plenary.status.connecting')}
      </span>
      <span className="plenary-status__boards">{t('plenary.status.boards', { live, total: sources.length })}</span>
    </p>
  );
}
