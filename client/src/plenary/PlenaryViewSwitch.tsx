import type { MessageKey } from '../i18n/messages';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import type { PlenaryView, PlenaryViewChoice } from '../store/plenaryView';
import './plenary.css';

const LABELS: Readonly<Record<PlenaryView, MessageKey>> = {
  board: 'plenary.view.board',
  synthesis: 'plenary.view.synthesis',
  actions: 'plenary.view.actions',
};

/**
 * Canvas / Synthese / Acties: toggle buttons (one pressed) beside the toolbar. Shown when more
 * than one view is offered; the view the phase opens is marked, so everyone can find it again.
 */
export function PlenaryViewSwitch({ choice }: { choice: PlenaryViewChoice }) {
  const t = useT();
  const setView = useAppStore((s) => s.setPlenaryView);
  const actions = useAppStore((s) => (s.synthesisLoaded ? s.synthesis.actions.length : null));
  if (choice.available.length < 2) return null;
  return (
    <div className="plenary-switch" role="group" aria-label={t('plenary.view.label')} data-testid="plenary-switch">
      {choice.available.map((view) => {
        const pressed = view === choice.view;
        const label = t(LABELS[view]);
        return (
          <button
            key={view}
            type="button"
            className="plenary-switch__button"
            aria-pressed={pressed}
            data-testid={`plenary-view-${view}`}
            title={view === choice.phaseView ? t('plenary.view.phaseView', { view: label }) : undefined}
            onClick={() => setView(view === choice.phaseView ? null : view)}
          >
            {label}
            {view === 'actions' && actions !== null && <span className="plenary-switch__count">{actions}</span>}
            {view === choice.phaseView && <span className="plenary-switch__phase" aria-hidden="true" />}
            {view === choice.phaseView && <span className="visually-hidden"> {t('plenary.view.phaseMark')}</span>}
          </button>
        );
      })}
    </div>
  );
}
