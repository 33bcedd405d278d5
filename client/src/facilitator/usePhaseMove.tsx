import { phase, type PhaseId } from '@dmc/shared/domain/phases';
import { localize } from '@dmc/shared/template/lookup';
import { useBoard } from '../workshop/boardContext';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import type { ConfirmRequest } from './ConfirmDialog';
import { skipsPhase } from '@dmc/shared/domain/singleGroup';
import { moveKind, revealsPrivateNotes, skippedPhases, stepsBack } from './phasePlan';

/**
 * Moving everyone to another phase. One step (next, previous) happens at once; a jump forward
 * over phases asks first, naming what is skipped; a jump back asks too, saying that nothing made
 * since is lost. Either says whether private notes are revealed.
 */
export function usePhaseMove(ask: (request: ConfirmRequest) => Promise<boolean>): (to: PhaseId) => Promise<void> {
  const { session } = useBoard();
  const t = useT();
  const locale = useLocale();
  return async (to: PhaseId) => {
    const from = useAppStore.getState().flow?.phaseId;
    if (!from || from === to) return;
    // Phases skipped anyway (the presentations with one group) do not make a move a jump.
    const groupCount = useAppStore.getState().groups.length;
    const passed = skippedPhases(from, to).filter((p) => !skipsPhase(p.id, groupCount));
    if (moveKind(from, to) === 'jump' && passed.length === 0) {
      // A step in this workshop's script: nothing to confirm.
    } else if (moveKind(from, to) === 'jump' && stepsBack(from, to) > 0) {
      const ok = await ask({
        title: t('fac.back.title', { phase: localize(phase(to).label, locale) }),
        body: (
          <>
            <p>{t('fac.back.body', { count: stepsBack(from, to) })}</p>
            {revealsPrivateNotes(from, to) && <p className="warning">{t('fac.phase.revealWarning')}</p>}
          </>
        ),
        confirmLabel: t('fac.back.confirm'),
      });
      if (!ok) return;
    } else if (moveKind(from, to) === 'jump') {
      const skipped = passed.map((p) => localize(p.label, locale));
      const ok = await ask({
        title: t('fac.jump.title', { phase: localize(phase(to).label, locale) }),
        body: (
          <>
            <p>{t(skipped.length === 1 ? 'fac.jump.skipsOne' : 'fac.jump.skipsMany', { count: skipped.length })}</p>
            <ul>
              {skipped.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
            {revealsPrivateNotes(from, to) && <p className="warning">{t('fac.phase.revealWarning')}</p>}
          </>
        ),
        confirmLabel: t('fac.jump.confirm'),
      });
      if (!ok) return;
    }
    session.setPhase(to);
    useAppStore.getState().announce(t('fac.phase.moved', { phase: localize(phase(to).label, locale) }));
  };
}
