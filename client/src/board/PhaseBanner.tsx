import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { isPresenting } from '@dmc/shared/domain/policies';
import { mayChooseGroup } from '@dmc/shared/domain/permissions';
import { phase } from '@dmc/shared/domain/phases';
import { phaseInstruction } from '@dmc/shared/domain/singleGroup';
import { PLENARY_BOARD } from '@dmc/shared/protocol/api';
import { localize } from '@dmc/shared/template/lookup';
import { SheetCheckButton, useSheetCheck } from '../guidance/SheetCheck';
import { WelcomeReading } from '../guidance/WelcomeReading';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import type { BoardChoice } from '../workshop/boardChoice';
import { playChime } from '../workshop/chime';
import { useActor, useWorkshopState } from '../workshop/state';
import { formatRemaining, spokenRemaining, timerView } from '../workshop/timer';
import { Icon } from '../components/icons';
import { CommitSelect } from '../components/CommitSelect';
import { useSessionClient } from './workshopContext';
import { useFocusOnChange } from '../components/focus';

/**
 * Always on screen: the phase of the workshop with the handbook's instruction for it, which
 * board you are looking at, the time left, "Controleer vel" while a sheet is discussed, and
 * "Klaar" with how many in your subgroup are done. In the welcome phase the reading list and the
 * questions about it show below.
 */
export function PhaseBanner({ choice }: { choice: BoardChoice }) {
  const t = useT();
  const locale = useLocale();
  const flow = useAppStore((s) => s.flow);
  const closed = useAppStore((s) => s.settings?.closed ?? s.session?.workshop.closed ?? false);
  const groupCount = useAppStore((s) => s.groups.length);
  const [expanded, setExpanded] = useState(false);
  const instructionId = useId();
  // A new phase (or arriving after joining) whose change took the focus away: it goes to the phase's name and instruction.
  const labelRef = useRef<HTMLParagraphElement>(null);
  useFocusOnChange(flow?.phaseId, labelRef);
  if (!flow) return null;
  const def = phase(flow.phaseId);
  return (
    <>
      <section
        className={`phase-banner${closed ? ' phase-banner--closed' : ''}`}
        aria-label={t('phase.region')}
        data-testid="phase-banner"
        data-phase={def.id}
      >
        <div className="phase-banner__text">
          <p
            ref={labelRef}
            className="phase-banner__label"
            data-testid="phase-label"
            tabIndex={-1}
            aria-describedby={instructionId}
          >
            {localize(def.label, locale)}
          </p>
          <p
            id={instructionId}
            className={`phase-banner__instruction${expanded ? '' : ' phase-banner__instruction--clamped'}`}
            data-testid="phase-instruction"
          >
            {localize(phaseInstruction(def.id, groupCount), locale)}
          </p>
          <button
            type="button"
            className="link-button phase-banner__toggle"
            aria-expanded={expanded}
            aria-controls={instructionId}
            onClick={() => setExpanded((e) => !e)}
          >
            {expanded ? t('phase.instruction.hide') : t('phase.instruction.show')}
          </button>
        </div>
        <div className="phase-banner__side">
          {closed && (
            <p className="phase-banner__closed" data-testid="workshop-closed">
              <Icon name="lock" size={16} /> {t('phase.closed')}
            </p>
          )}
          {choice.kind !== 'waiting' && <GroupChooser />}
          <BoardChip choice={choice} />
          <PhaseTimer />
          {choice.kind === 'board' && <SheetCheckButton boardId={choice.boardId} />}
          {choice.kind === 'board' && !closed && def.id !== 'done' && <ReadyControl boardId={choice.boardId} />}
        </div>
      </section>
      {def.id === 'welcome' && <WelcomeReading />}
    </>
  );
}

/** Which board is on screen; a facilitator can pick another one and go back to the phase's. */
function BoardChip({ choice }: { choice: BoardChoice }) {
  const t = useT();
  const groups = useAppStore((s) => s.groups);
  const isFacilitator = useAppStore((s) => s.session?.participant.role === 'facilitator');
  const spotlight = useAppStore((s) => (isPresenting(s.flow) ? (s.flow?.spotlightGroupId ?? null) : null));
  const setViewBoard = useAppStore((s) => s.setViewBoard);
  if (choice.kind !== 'board') return null;
  const nameOf = (boardId: string) => {
    if (boardId === PLENARY_BOARD) return t('board.chip.plenary');
    const name = groups.find((g) => g.id === boardId)?.name ?? boardId;
    return boardId === spotlight ? t('board.chip.presenting', { name }) : t('board.chip.group', { name });
  };
  const color = groups.find((g) => g.id === choice.boardId)?.color;
  const boards = [PLENARY_BOARD, ...groups.map((g) => g.id)];
  return (
    <div
      className={`board-chip${choice.overridden ? ' board-chip--overridden' : ''}`}
      data-testid="board-chip"
      data-board-id={choice.boardId}
    >
      <span className="board-chip__dot" style={color ? { backgroundColor: color } : undefined} aria-hidden="true" />
      {isFacilitator && boards.length > 1 ? (
        <label className="board-chip__choose">
          <span className="visually-hidden">{t('board.chip.label')}</span>
          <CommitSelect
            className="select board-chip__select"
            value={choice.boardId}
            data-testid="board-chip-select"
            onCommit={(id) => setViewBoard(id === choice.phaseBoardId ? null : id)}
          >
            {boards.map((id) => (
              <option key={id} value={id}>
                {id === choice.phaseBoardId ? t('board.chip.phaseBoard', { board: nameOf(id) }) : nameOf(id)}
              </option>
            ))}
          </CommitSelect>
        </label>
      ) : (
        <span className="board-chip__name">
          <span className="visually-hidden">{t('board.chip.label')}: </span>
          {nameOf(choice.boardId)}
        </span>
      )}
      {choice.overridden && (
        <button
          type="button"
          className="button button--small button--secondary"
          data-testid="board-chip-back"
          onClick={() => setViewBoard(null)}
        >
          {t('board.chip.back')}
        </button>
      )}
    </div>
  );
}

/** A participant picks their own subgroup, where the workshop and the phase allow it. */
function GroupChooser() {
  const t = useT();
  const session = useSessionClient();
  const groups = useAppStore((s) => s.groups);
  const selfSelect = useAppStore((s) => s.settings?.selfSelectGroups ?? s.session?.workshop.selfSelectGroups ?? false);
  const actor = useActor();
  const myGroup = useAppStore((s) => s.members.find((m) => m.id === s.session?.participant.id)?.groupId ?? null);
  const state = useWorkshopState();
  if (
    !actor ||
    actor.role !== 'participant' ||
    !state ||
    groups.length === 0 ||
    !mayChooseGroup(actor, state, selfSelect)
  )
    return null;
  return (
    <label className="group-chooser">
      <span>{t('group.mine')}</span>
      <CommitSelect
        className="select"
        value={myGroup ?? ''}
        data-testid="group-chooser"
        onCommit={(groupId) => {
          if (groupId) session?.assign(new Map([[actor.id, groupId]]));
        }}
      >
        {myGroup === null && <option value="">{t('group.choose')}</option>}
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </CommitSelect>
    </label>
  );
}

/**
 * The countdown, from the flow and the server's clock. At zero it says "Tijd is om" with a gentle
 * pulse, tells screen readers once, and chimes once — only when this screen saw it run out.
 */
export function PhaseTimer() {
  const t = useT();
  const flow = useAppStore((s) => s.flow);
  const offset = useAppStore((s) => s.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  const running = flow?.timerStatus === 'running';
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running, flow?.timerEndsAt]);
  const view = timerView(flow, now + offset);
  const endsAt = flow?.timerEndsAt ?? null;

  const seenRunning = useRef<number | null>(null);
  const signalled = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (view.status === 'running' && endsAt !== null) seenRunning.current = endsAt;
    if (
      view.status === 'expired' &&
      endsAt !== null &&
      seenRunning.current === endsAt &&
      signalled.current !== endsAt
    ) {
      signalled.current = endsAt;
      setAnnouncement(t('timer.expiredAnnounce'));
      playChime();
    }
    if (view.status !== 'expired' && announcement !== '') setAnnouncement('');
  }, [view.status, endsAt, t, announcement]);

  const remaining = view.remainingMs ?? 0;
  const spoken = spokenRemaining(remaining);
  return (
    <div className="phase-timer-wrap">
      <p
        className={`phase-timer phase-timer--${view.status}`}
        role="timer"
        data-testid="timer"
        data-status={view.status}
        data-remaining-ms={view.remainingMs === null ? '' : String(Math.round(remaining))}
        hidden={view.status === 'idle'}
      >
        <Icon name="clock" size={16} />
        <span className="visually-hidden">{t('timer.label')}: </span>
        {view.status === 'expired' ? (
          <span className="phase-timer__text">{t('timer.expired')}</span>
        ) : (
          <>
            <span className="phase-timer__text" aria-hidden="true">
              {formatRemaining(remaining)}
            </span>
            <span className="visually-hidden">{t('timer.remaining', spoken)}</span>
            {view.status === 'paused' && <span className="phase-timer__paused">{t('timer.paused')}</span>}
          </>
        )}
      </p>
      <span className="visually-hidden" aria-live="polite" data-testid="timer-announcement">
        {announcement}
      </span>
    </div>
  );
}

/**
 * "Klaar" for this phase, and how many of the subgroup (or everyone) said so. At the end of a
 * discussion phase it first shows the sheet check when fields are empty or choices are off.
 */
function ReadyControl({ boardId }: { boardId: string }) {
  const t = useT();
  const session = useSessionClient();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const toggleFocus = useCallback(() => toggleRef.current, []);
  const check = useSheetCheck(boardId, toggleFocus);
  const me = useAppStore((s) => s.session?.participant);
  const members = useAppStore((s) => s.members);
  const groups = useAppStore((s) => s.groups);
  const phaseId = useAppStore((s) => s.flow?.phaseId);
  const { ready, total, group, mine } = useMemo(() => {
    const self = members.find((m) => m.id === me?.id);
    // A participant counts their own subgroup; a facilitator the subgroup on screen; else everyone.
    const groupId = me?.role === 'participant' ? (self?.groupId ?? null) : boardId === PLENARY_BOARD ? null : boardId;
    const people = members.filter(
      (m) => m.role === 'participant' && (groupId === null || groups.length === 0 || m.groupId === groupId),
    );
    return {
      ready: people.filter((m) => m.readyPhase === phaseId).length,
      total: people.length,
      group: groups.length > 0 && groupId ? groups.find((g) => g.id === groupId)?.name : undefined,
      mine: self?.readyPhase === phaseId,
    };
  }, [members, groups, me, boardId, phaseId]);
  return (
    <div className="ready">
      {me?.role === 'participant' && (
        <button
          ref={toggleRef}
          type="button"
          className="button button--small ready__toggle"
          aria-pressed={mine}
          data-testid="ready-toggle"
          title={t('ready.title')}
          onClick={() => {
            if (mine) session?.setReady(false);
            else if (!check.beforeReady(() => session?.setReady(true))) session?.setReady(true);
          }}
        >
          <Icon name="check" size={16} />
          {t('ready.button')}
        </button>
      )}
      <span className="ready__count" data-testid="ready-count" data-ready={ready} data-total={total}>
        {group ? t('ready.countGroup', { ready, total, group }) : t('ready.count', { ready, total })}
      </span>
      {check.dialog}
    </div>
  );
}
