import { useId, useMemo, useState, type ReactNode } from 'react';
import { phase } from '@dmc/shared/domain/phases';
import type { Member } from '@dmc/shared/domain/session';
import { localize } from '@dmc/shared/template/lookup';
import { templateForBoard } from '@dmc/shared/template/plenary';
import { PLENARY_BOARD, boardDocKey, draftDocKey } from '@dmc/shared/protocol/api';
import { Modal } from '../components/Modal';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { membersOfGroup, participantsOf, readiness } from './assignment';
import type { MessageKey } from '../i18n/messages';
import type { DocSnapshot, WatchStatus } from './boardWatcher';
import { EMPTY_SNAPSHOT } from './boardWatcher';
import { BoardThumbnail } from './BoardThumbnail';
import { formatAgo } from '../i18n/format';
import { useNow } from './hooks';
import { countBySheet, thumbnailSheets } from './thumbnail';
import { useDocWatches } from './useDocWatches';

/**
 * "Overzicht": every board at a glance while the groups work — a live thumbnail, how many notes,
 * when something last changed, who is ready and, while writing silently, how many private notes
 * each person has. Each board (and draft) has one read-only connection while this tab is open.
 */

const STATUS_LABELS: Readonly<Record<WatchStatus, MessageKey>> = {
  connecting: 'fac.overview.status.connecting',
  live: 'fac.overview.status.live',
  unavailable: 'fac.overview.status.unavailable',
  gone: 'fac.overview.status.gone',
};

/** A board as the overview lists it. */
interface BoardEntry {
  readonly id: string;
  readonly name: string;
  readonly color: string | null;
  /** The participants who work on it (and whose readiness counts). */
  readonly people: readonly Member[];
  /** Whose private drafts end up on this board at the reveal (only during silent writing). */
  readonly draftOwners: readonly Member[];
}

/** The overview tab. */
export function OverviewTab() {
  const t = useT();
  const boards = useBoardEntries();
  const viewBoardId = useAppStore((s) => s.viewBoardId);
  const [large, setLarge] = useState(false);
  const keys = useMemo(
    () => boards.flatMap((b) => [boardDocKey(b.id), ...b.draftOwners.map((m) => draftDocKey(m.id))]),
    [boards],
  );
  const snapshots = useDocWatches(keys);
  const viewing = boards.find((b) => b.id === viewBoardId) ?? null;

  const cards = boards.map((b) => <BoardCard key={b.id} board={b} snapshots={snapshots} />);
  return (
    <div className="fac-stack">
      {viewing ? (
        <div className="fac-viewing" role="status">
          <span>{t('fac.overview.viewing', { board: viewing.name })}</span>
          <button
            type="button"
            className="button button--primary button--small"
            data-testid="fac-back-to-phase"
            onClick={() => useAppStore.getState().setViewBoard(null)}
          >
            {t('fac.overview.back')}
          </button>
        </div>
      ) : (
        <p className="fac-hint">{t('fac.overview.intro')}</p>
      )}
      <div className="fac-row">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setLarge(true)}
          data-testid="fac-enlarge-overview"
        >
          {t('fac.overview.enlarge')}
        </button>
      </div>
      {/* The cards live in the drawer or in the large view, never both: one set of test ids. */}
      {large ? <p className="fac-hint">{t('fac.overview.largeOpen')}</p> : <div className="fac-boards">{cards}</div>}
      {large && <LargeOverview onClose={() => setLarge(false)}>{cards}</LargeOverview>}
    </div>
  );
}

/** The same cards in a wide dialog, e.g. to keep on a second screen. */
function LargeOverview({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const t = useT();
  const titleId = useId();
  return (
    <Modal titleId={titleId} onClose={onClose}>
      <div className="fac-overview-large">
        <h2 id={titleId} tabIndex={-1}>
          {t('fac.overview.largeTitle')}
        </h2>
        <div className="fac-boards fac-boards--grid">{children}</div>
      </div>
    </Modal>
  );
}

/** The boards in the order that matters now: subgroups first while they work, else plenary first. */
function useBoardEntries(): BoardEntry[] {
  const t = useT();
  const groups = useAppStore((s) => s.groups);
  const members = useAppStore((s) => s.members);
  const phaseId = useAppStore((s) => s.flow?.phaseId ?? 'open');
  const plenaryName = t('fac.overview.plenary');
  return useMemo(() => {
    const def = phase(phaseId);
    const silent = def.privateWriting;
    const participants = participantsOf(members);
    const hasGroups = groups.length > 0;
    const plenary: BoardEntry = {
      id: PLENARY_BOARD,
      name: plenaryName,
      color: null,
      people: participants,
      // Without subgroups everyone writes for the plenary board.
      draftOwners: silent && !hasGroups ? participants : [],
    };
    const groupBoards: BoardEntry[] = groups.map((g) => {
      const people = membersOfGroup(members, g.id);
      return { id: g.id, name: g.name, color: g.color, people, draftOwners: silent ? people : [] };
    });
    return def.board === 'group' && hasGroups ? [...groupBoards, plenary] : [plenary, ...groupBoards];
  }, [groups, members, phaseId, plenaryName]);
}

/** One board: thumbnail, counts, activity, readiness, and the button to look at it. */
function BoardCard({ board, snapshots }: { board: BoardEntry; snapshots: ReadonlyMap<string, DocSnapshot> }) {
  const t = useT();
  const locale = useLocale();
  const phaseId = useAppStore((s) => s.flow?.phaseId ?? 'open');
  const viewBoardId = useAppStore((s) => s.viewBoardId);
  const online = useAppStore((s) => s.online);
  const now = useNow(15_000);
  const headingId = useId();
  const def = phase(phaseId);

  const snapshot = snapshots.get(boardDocKey(board.id)) ?? EMPTY_SNAPSHOT;
  const drafts = board.draftOwners.map((m) => ({
    member: m,
    snapshot: snapshots.get(draftDocKey(m.id)) ?? EMPTY_SNAPSHOT,
  }));
  const draftNotes = drafts.flatMap((d) => d.snapshot.notes);
  const template = templateForBoard(board.id);
  const sheets = thumbnailSheets(template, def.sheetId);
  const perSheet = countBySheet(snapshot.notes);
  const total = snapshot.notes.length;
  const last = Math.max(snapshot.lastChangeAt ?? 0, ...drafts.map((d) => d.snapshot.lastChangeAt ?? 0));
  const ready = readiness(board.people, phaseId);
  const onlineCount = board.people.filter((m) => online.includes(m.id)).length;
  const isViewing = viewBoardId === board.id;

  const sheetCounts = template.sheets
    .map((s) => `${localize(s.label, locale)}: ${perSheet.get(s.id) ?? 0}`)
    .join(' · ');
  const label = t('fac.overview.thumbLabel', { board: board.name, count: total, drafts: draftNotes.length });

  return (
    <article
      className={`fac-board${isViewing ? ' fac-board--viewing' : ''}`}
      data-testid={`fac-overview-${board.id}`}
      data-notes={total}
      data-status={snapshot.status}
      aria-labelledby={headingId}
      style={board.color ? { borderTopColor: board.color } : undefined}
    >
      <div className="fac-board__head">
        {board.color && <span className="fac-swatch" style={{ background: board.color }} aria-hidden="true" />}
        <h3 id={headingId} className="fac-board__title">
          {board.name}
        </h3>
        {snapshot.status !== 'live' && <span className="fac-badge">{t(STATUS_LABELS[snapshot.status])}</span>}
      </div>
      <BoardThumbnail sheets={sheets} notes={snapshot.notes} drafts={draftNotes} label={label} />
      <dl className="fac-board__stats">
        <div>
          <dt>{t('fac.overview.notes')}</dt>
          <dd>
            <strong>{total}</strong> <span className="muted">({sheetCounts})</span>
          </dd>
        </div>
        <div>
          <dt>{t('fac.overview.lastActivity')}</dt>
          <dd>{last > 0 ? formatAgo(last, now, locale) : t('fac.overview.noActivity')}</dd>
        </div>
        {board.people.length > 0 && (
          <div>
            <dt>{t('fac.overview.people')}</dt>
            <dd>{t('fac.overview.readyOnline', { ready: ready.ready, total: ready.total, online: onlineCount })}</dd>
          </div>
        )}
        {def.privateWriting && drafts.length > 0 && (
          <div>
            <dt>{t('fac.overview.drafts')}</dt>
            <dd data-testid={`fac-drafts-${board.id}`} data-drafts={draftNotes.length}>
              <strong>{draftNotes.length}</strong>{' '}
              <span className="muted">
                ({drafts.map((d) => `${d.member.name} ${d.snapshot.notes.length}`).join(' · ')})
              </span>
            </dd>
          </div>
        )}
      </dl>
      <button
        type="button"
        className={`button button--small ${isViewing ? 'button--secondary' : 'button--primary'}`}
        data-testid={`fac-open-board-${board.id}`}
        onClick={() => useAppStore.getState().setViewBoard(isViewing ? null : board.id)}
      >
        {isViewing ? t('fac.overview.back') : t('fac.overview.open')}
      </button>
    </article>
  );
}
