import { lazy, Suspense, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { phase } from '@dmc/shared/domain/phases';
import { PLENARY_BOARD, type SessionResponse } from '@dmc/shared/protocol/api';
import { useShortcuts } from '../actions/useShortcuts';
import type { ActionContext } from '../actions/types';
import { BoardCanvas } from './BoardCanvas';
import { templateOf } from '../scene/template';
import { BoardClient, defaultWsBase } from '../collab/boardClient';
import { DraftConnections } from '../collab/draftConnections';
import { SessionClient } from '../collab/sessionClient';
import { useAppStore } from '../store';
import { installTestHook } from './testHook';
import { useT } from '../i18n';
import { useBoardChoice, type BoardChoice } from '../workshop/boardChoice';
import { selectCapabilities } from '../workshop/capabilities';
import { watchUserGesture } from '../workshop/chime';
import {
  useAttention,
  useFollow,
  useHistoryReset,
  usePhaseFollowing,
  usePresenterView,
  useShareView,
} from '../workshop/useWorkshopFlow';
import { BoardContext } from '../workshop/boardContext';
import { BoardHeader } from './BoardHeader';
import { FieldPanel } from './FieldPanel';
import { FollowBar } from './FollowBar';
import { InfoDialog } from './InfoDialog';
import { ListView } from './ListView';
import { LiveRegion } from '../components/LiveRegion';
import { NoticeBar } from './NoticeBar';
import { UnsavedNotes } from './UnsavedNotes';
import { useTokenRenewal } from '../api/tokenRenewal';
import { PhaseBanner } from './PhaseBanner';
import { PresenterControls } from './PresenterControls';
import { Toolbar } from './Toolbar';
import { WaitingScreen } from './WaitingScreen';
import { WorkshopContext } from './workshopContext';
import { SynthesisContext, usePlenaryView, usePlenaryViewReset, useSynthesisConnection } from '../plenary/hooks';
import { PlenaryToolbar } from './PlenaryToolbar';
import { LoadBoundary } from '../components/LoadBoundary';
import { PlenaryViewSwitch } from '../plenary/PlenaryViewSwitch';
import type { PlenaryViewChoice } from '../store/plenaryView';

// Loaded on demand: participants never need the facilitator's panel, and the plenary views are
// needed only in the closing phases.
const FacilitatorPanel = lazy(() =>
  import('../facilitator/FacilitatorPanel').then((m) => ({ default: m.FacilitatorPanel })),
);
const PlenaryMain = lazy(() => import('../plenary/PlenaryMain'));

/**
 * The workshop screen. The session document says which phase it is; from that (and, for a
 * facilitator, the board they opened) follows which board is shown, and the board's connection
 * is made anew whenever that changes. While writing silently a second connection holds my
 * private draft; a facilitator looking at a subgroup then also reads its members' drafts.
 * In the closing plenary the screen shows the synthesis or the action list instead of the canvas
 * (see plenary/view.ts); the synthesis document is connected while those views are offered.
 */
export function BoardScreen({ session }: { session: SessionResponse }) {
  useTokenRenewal(session, endExpiredSession);
  const [sessionClient, setSessionClient] = useState<SessionClient | null>(null);

  useEffect(() => {
    const client = new SessionClient({ session, store: useAppStore, wsBase: defaultWsBase() });
    client.start();
    setSessionClient(client);
    const uninstall = installTestHook(useAppStore);
    const stopWatching = watchUserGesture();
    return () => {
      stopWatching();
      uninstall();
      client.destroy();
      const state = useAppStore.getState();
      state.resetBoard();
      state.resetDrafts();
      state.resetUi();
      state.resetPlenary();
    };
  }, [session]);

  const choice = useBoardChoice();
  const boardId = choice.kind === 'board' ? choice.boardId : null;
  const board = useBoardClient(session, boardId);
  const drafts = useDrafts(session, board?.boardId ?? null);

  const ctx = useMemo<ActionContext | null>(
    () =>
      board && sessionClient
        ? {
            store: useAppStore,
            board: board.client,
            draft: drafts,
            session: sessionClient,
            template: templateOf(board.boardId),
          }
        : null,
    [board, drafts, sessionClient],
  );
  const plenary = usePlenaryView();
  usePlenaryViewReset();
  const synthesis = useSynthesisConnection(session, plenary.available.length > 1);
  // The canvas's single-key shortcuts act on a canvas that the plenary views do not show.
  useShortcuts(plenary.view === 'board' ? ctx : null);
  usePhaseFollowing();
  useAttention();
  usePresenterView();
  useHistoryReset(ctx);
  useFollow(ctx);
  useShareView(ctx);

  return (
    <WorkshopContext.Provider value={sessionClient}>
      <SynthesisContext.Provider value={synthesis}>
        {ctx ? (
          <BoardContext.Provider value={ctx}>
            <BoardLayout choice={choice} plenary={plenary} />
          </BoardContext.Provider>
        ) : (
          <NoBoardLayout choice={choice} />
        )}
      </SynthesisContext.Provider>
    </WorkshopContext.Provider>
  );
}

/** The connection to the board on screen, made anew when the board changes. */
function useBoardClient(
  session: SessionResponse,
  boardId: string | null,
): { client: BoardClient; boardId: string } | null {
  const [board, setBoard] = useState<{ client: BoardClient; boardId: string } | null>(null);
  useEffect(() => {
    if (boardId === null) {
      setBoard(null);
      return;
    }
    const store = useAppStore;
    store.getState().setBoardId(boardId);
    const client = new BoardClient({ session, store, wsBase: defaultWsBase(), boardId });
    client.start();
    setBoard({ client, boardId });
    return () => {
      client.destroy();
      store.getState().resetBoard();
    };
  }, [session, boardId]);
  return board;
}

/**
 * Private drafts around the board on screen: my own while I may write it (and a little after, for
 * the reveal), or for a facilitator those of the members who work on this board. Returns my own
 * draft's client. Connections belong to one board: switching boards closes them at once.
 */
function useDrafts(session: SessionResponse, boardId: string | null): BoardClient | null {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const own = useRef<DraftConnections | null>(null);
  const peeks = useRef<DraftConnections | null>(null);
  const me = session.participant;
  const writing = useAppStore((s) => selectCapabilities(s)?.draftWritable ?? false);
  const peekKey = useAppStore((s) => {
    if (me.role !== 'facilitator' || !s.flow || !phase(s.flow.phaseId).privateWriting || boardId === null) return '';
    const hasGroups = s.groups.length > 0;
    return s.members
      .filter((m) => m.role === 'participant' && (hasGroups ? m.groupId === boardId : boardId === PLENARY_BOARD))
      .map((m) => m.id)
      .sort()
      .join(',');
  });

  useEffect(() => {
    if (boardId === null) return;
    const options = { session, store: useAppStore, wsBase: defaultWsBase(), onChange: rerender };
    own.current = new DraftConnections({ ...options, role: 'draft' });
    peeks.current = new DraftConnections({ ...options, role: 'peek' });
    rerender();
    return () => {
      own.current?.destroy();
      peeks.current?.destroy();
      own.current = null;
      peeks.current = null;
      useAppStore.getState().resetDrafts();
    };
  }, [session, boardId]);

  useEffect(() => {
    own.current?.want(writing ? [me.id] : []);
  }, [writing, me.id, boardId]);
  useEffect(() => {
    peeks.current?.want(peekKey ? peekKey.split(',') : []);
  }, [peekKey, boardId]);

  return own.current?.get(me.id) ?? null;
}

/** The board on screen, or one of the plenary views; the bar with the view switch stays put (and keeps the focus). */
function BoardLayout({ choice, plenary }: { choice: BoardChoice; plenary: PlenaryViewChoice }) {
  const listView = useAppStore((s) => s.listView);
  const sheetId = useAppStore((s) => s.sheetId);
  const isFacilitator = useAppStore((s) => s.session?.participant.role === 'facilitator');
  const announcement = useAppStore((s) => s.announcement);
  const t = useT();
  const view = plenary.view;
  return (
    <div className={`board-screen${view === 'board' ? '' : ' board-screen--plenary'}`}>
      <BoardHeader showSheets={view === 'board'} />
      <PhaseBanner choice={choice} />
      {view === 'board' && <FollowBar />}
      {view === 'board' && <PresenterControls />}
      <div className="board-bar">
        <PlenaryViewSwitch choice={plenary} />
        {view === 'board' ? <Toolbar /> : <PlenaryToolbar view={view} />}
      </div>
      <div className="board-body">
        <NoticeBar />
        <UnsavedNotes />
        {view === 'board' ? (
          <main id="main" className="board-main" role="tabpanel" aria-labelledby={`sheet-tab-${sheetId}`} tabIndex={-1}>
            {listView ? <ListView /> : <BoardCanvas />}
          </main>
        ) : (
          <main
            id="main"
            className="board-main plenary-main"
            aria-labelledby="plenary-view-heading"
            tabIndex={-1}
            data-view={view}
          >
            <LoadBoundary fallback={<LoadFailed />}>
              <Suspense
                fallback={
                  <p className="plenary-loading" role="status">
                    {t('plenary.loading')}
                  </p>
                }
              >
                <PlenaryMain view={view} />
              </Suspense>
            </LoadBoundary>
          </main>
        )}
      </div>
      <InfoDialog />
      {view === 'board' && <FieldPanel />}
      {isFacilitator ? (
        <LoadBoundary fallback={null}>
          <Suspense fallback={null}>
            <FacilitatorPanel />
          </Suspense>
        </LoadBoundary>
      ) : null}
      <LiveRegion announcement={announcement} />
    </div>
  );
}

/** A part of the screen that could not be loaded (the connection dropped): say so, offer a reload. */
function LoadFailed() {
  const t = useT();
  return (
    <div className="plenary-loading" role="alert">
      <p>{t('load.failed')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('load.reload')}
      </button>
    </div>
  );
}

/** The token is no longer accepted: the page asks the person to join again (or use their facilitator link). */
function endExpiredSession(): void {
  useAppStore.getState().setBoardEnd('unauthorized');
}

/** Before the phase is known, or while a participant waits to be placed in a subgroup. */
function NoBoardLayout({ choice }: { choice: BoardChoice }) {
  const announcement = useAppStore((s) => s.announcement);
  const t = useT();
  return (
    <div className="board-screen">
      <BoardHeader showSheets={false} />
      <PhaseBanner choice={choice} />
      <div className="board-body">
        <NoticeBar />
        <main id="main" className="board-main" tabIndex={-1}>
          {choice.kind === 'waiting' ? (
            <WaitingScreen />
          ) : (
            <p className="board-loading" role="status">
              {t('board.loading')}
            </p>
          )}
        </main>
      </div>
      <LiveRegion announcement={announcement} />
    </div>
  );
}
