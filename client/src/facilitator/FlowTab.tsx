import { useState } from 'react';
import { nextPhase, phase, type PhaseId } from '@dmc/shared/domain/phases';
import { nextPhaseFor, phaseInstruction, previousPhaseFor } from '@dmc/shared/domain/singleGroup';
import { PLENARY_BOARD } from '@dmc/shared/protocol/api';
import { localize } from '@dmc/shared/template/lookup';
import { useBoard } from '../workshop/boardContext';
import { currentSharedView } from '../workshop/sharedView';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { membersOfGroup, participantsOf, readiness } from './assignment';
import { useConfirm } from './ConfirmDialog';
import { formatAgo } from '../i18n/format';
import { useServerNow } from './hooks';
import { BreakControls } from './BreakControls';
import { PhaseList } from './PhaseList';
import { PresentationControls } from './PresentationControls';
import { TimerControls } from './TimerControls';
import { usePhaseMove } from './usePhaseMove';

/** "Verloop": the current phase, stepping through the script, the timer and everyone's view. */
export function FlowTab({ onShowPeople }: { onShowPeople: () => void }) {
  const t = useT();
  const phaseId = useAppStore((s) => s.flow?.phaseId ?? null);
  const { ask, dialog } = useConfirm();
  const moveTo = usePhaseMove(ask);
  // A closed workshop is read-only: the server refuses phase, timer and view changes until it is reopened.
  const closed = useAppStore((s) => s.settings?.closed ?? false);
  if (!phaseId) return <p className="muted">{t('fac.loading')}</p>;
  return (
    <div className="fac-stack">
      <fieldset className="fac-fieldset" disabled={closed}>
        <CurrentPhase phaseId={phaseId} moveTo={moveTo} />
      </fieldset>
      <FlowWarnings phaseId={phaseId} onShowPeople={onShowPeople} />
      <fieldset className="fac-fieldset" disabled={closed}>
        {/* During the presentations, who presents matters more than the clock. */}
        {phase(phaseId).board === 'spotlight' && <PresentationControls />}
        <TimerControls key={phaseId} phaseId={phaseId} />
        <BreakControls />
        <ViewControls />
        <PhaseList phaseId={phaseId} moveTo={moveTo} />
      </fieldset>
      {dialog}
    </div>
  );
}

/** The phase everyone is in, with its instruction and the buttons to the previous and next one. */
function CurrentPhase({ phaseId, moveTo }: { phaseId: PhaseId; moveTo: (to: PhaseId) => Promise<void> }) {
  const t = useT();
  const locale = useLocale();
  const def = phase(phaseId);
  // One group (or none): the presentations are skipped both ways.
  const groupCount = useAppStore((s) => s.groups.length);
  const next = nextPhaseFor(phaseId, groupCount);
  const previous = previousPhaseFor(phaseId, groupCount);
  const startedAt = useAppStore((s) => s.flow?.phaseStartedAt ?? 0);
  const now = useServerNow(30_000);
  const members = useAppStore((s) => s.members);
  const ready = readiness(participantsOf(members), phaseId);
  const revealHintId = 'fac-reveal-hint';
  const describedBy = def.privateWriting ? revealHintId : undefined;
  return (
    <section
      className="fac-card fac-current"
      aria-labelledby="fac-current-heading"
      data-testid="fac-phase-current"
      data-phase={phaseId}
    >
      <p className="fac-eyebrow" id="fac-current-heading">
        {t('fac.phase.current')}
      </p>
      <h3 className="fac-current__label">{localize(def.label, locale)}</h3>
      <p className="fac-current__instruction">{localize(phaseInstruction(phaseId, groupCount), locale)}</p>
      <p className="fac-meta">
        <span>{t('fac.phase.started', { ago: formatAgo(startedAt, now, locale) })}</span>
        {phaseId !== 'open' && phaseId !== 'done' && ready.total > 0 && (
          <span>{t('fac.phase.ready', { ready: ready.ready, total: ready.total })}</span>
        )}
      </p>
      <div className="fac-stepper">
        <button
          type="button"
          className="button button--secondary"
          data-testid="fac-phase-prev"
          disabled={!previous}
          aria-describedby={describedBy}
          onClick={() => previous && void moveTo(previous)}
        >
          <span aria-hidden="true">←</span> {t('fac.phase.prev')}
        </button>
        <button
          type="button"
          className="button button--primary fac-stepper__next"
          data-testid="fac-phase-next"
          disabled={!next}
          aria-describedby={describedBy}
          onClick={() => next && void moveTo(next)}
        >
          <span>
            {next ? t('fac.phase.next', { phase: localize(phase(next).label, locale) }) : t('fac.phase.last')}
          </span>{' '}
          <span aria-hidden="true">→</span>
        </button>
      </div>
      {def.privateWriting && (
        <p className="fac-hint fac-hint--warning" id={revealHintId}>
          {t('fac.phase.revealWarning')}
        </p>
      )}
    </section>
  );
}

/** What needs the facilitator's attention before or during this phase. */
function FlowWarnings({ phaseId, onShowPeople }: { phaseId: PhaseId; onShowPeople: () => void }) {
  const t = useT();
  const closed = useAppStore((s) => s.settings?.closed ?? false);
  const hasGroups = useAppStore((s) => s.groups.length > 0);
  const unplaced = useAppStore((s) => membersOfGroup(s.members, null).length);
  const spotlight = useAppStore((s) => s.flow?.spotlightGroupId ?? null);
  const board = phase(phaseId).board;
  // Another board than the one everyone looks at (chosen in the overview); in group phases there is no such one board.
  const viewing = useAppStore((s) => {
    const phaseBoard =
      board === 'plenary' ? PLENARY_BOARD : board === 'spotlight' ? s.flow?.spotlightGroupId : undefined;
    if (s.viewBoardId === null || phaseBoard === undefined || phaseBoard === null || s.viewBoardId === phaseBoard)
      return null;
    return s.groups.find((g) => g.id === s.viewBoardId)?.name ?? t('fac.overview.plenary');
  });
  const next = nextPhase(phaseId);
  const toPeople = { label: t('fac.warn.toPeople'), run: onShowPeople };
  const messages: Array<{ key: string; text: string; action?: { label: string; run: () => void } }> = [];
  if (closed) messages.push({ key: 'closed', text: t('fac.warn.closed') });
  if (viewing)
    messages.push({
      key: 'viewing',
      text: t('fac.warn.viewing', { board: viewing }),
      action: { label: t('fac.overview.back'), run: () => useAppStore.getState().setViewBoard(null) },
    });
  if (board === 'group' && hasGroups && unplaced > 0) {
    messages.push({
      key: 'unplaced',
      text: t(unplaced === 1 ? 'fac.warn.unplacedOne' : 'fac.warn.unplacedMany', { count: unplaced }),
      action: toPeople,
    });
  }
  const groupPhaseAhead = board === 'group' || (next !== undefined && phase(next).board === 'group');
  if (groupPhaseAhead && !hasGroups && phaseId !== 'open')
    messages.push({ key: 'nogroups', text: t('fac.warn.noGroups'), action: toPeople });
  if (board === 'spotlight' && hasGroups && !spotlight)
    messages.push({ key: 'spotlight', text: t('fac.warn.noSpotlight') });
  if (messages.length === 0) return null;
  return (
    <ul className="fac-warnings">
      {messages.map((m) => (
        <li key={m.key} className="fac-warning">
          <span>{m.text}</span>
          {m.action && (
            <button type="button" className="link-button" onClick={m.action.run}>
              {m.action.label}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Bring everyone here" and follow mode. */
function ViewControls() {
  const t = useT();
  const { session, store } = useBoard();
  const myId = useAppStore((s) => s.session?.participant.id ?? null);
  const followId = useAppStore((s) => s.flow?.followFacilitatorId ?? null);
  const followName = useAppStore((s) => s.members.find((m) => m.id === s.flow?.followFacilitatorId)?.name ?? null);
  const [brought, setBrought] = useState(false);
  const following = followId !== null && followId === myId;

  const bringHere = () => {
    // The participant side defines what a view means on every screen size (centre + zoom vs fit).
    const view = currentSharedView(store);
    if (!view) return;
    session.bringEveryoneHere(view);
    store.getState().announce(t('fac.view.broughtAnnounce'));
    setBrought(true);
    setTimeout(() => setBrought(false), 3000);
  };
  const toggleFollow = () => {
    session.setFollow(following ? null : myId);
    store.getState().announce(t(following ? 'fac.view.followOff' : 'fac.view.followOn'));
  };

  return (
    <section className="fac-card" aria-labelledby="fac-view-heading">
      <h3 id="fac-view-heading" className="fac-heading">
        {t('fac.view.heading')}
      </h3>
      <div className="fac-row">
        <button
          type="button"
          className="button button--secondary"
          data-testid="fac-bring-here"
          aria-describedby="fac-bring-hint"
          onClick={bringHere}
        >
          {brought ? t('fac.view.brought') : t('fac.view.bringHere')}
        </button>
        <button
          type="button"
          className="button button--secondary fac-toggle-button"
          data-testid="fac-follow"
          aria-pressed={following}
          aria-describedby="fac-follow-hint"
          onClick={toggleFollow}
        >
          <span className="fac-switch" aria-hidden="true" />
          {t('fac.view.follow')}
        </button>
      </div>
      <p className="fac-hint" id="fac-bring-hint">
        {t('fac.view.bringHint')}
      </p>
      <p className="fac-hint" id="fac-follow-hint">
        {following
          ? t('fac.view.followingHint')
          : followId && followName
            ? t('fac.view.followOther', { name: followName })
            : t('fac.view.followHint')}
      </p>
    </section>
  );
}
