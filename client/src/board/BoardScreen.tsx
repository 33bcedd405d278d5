import { Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { useShortcuts } from '../actions/useShortcuts';
import type { ActionContext } from '../actions/types';
import { BoardCanvas } from './BoardCanvas';
import { templateOf } from '../scene/template';
import { defaultWsBase } from '../collab/boardClient';
import { useAppStore } from '../store';
import { installTestHook } from './testHook';
import { useT } from '../i18n';
import type { BoardChoice } from '../workshop/boardChoice';
import { WorkshopRuntime, type RuntimeConnections } from '../workshop/runtime';
import { watchUserGesture } from '../workshop/chime';
import { useFollow, usePresenterView, useShareView } from '../workshop/useWorkshopFlow';
import { BoardContext } from '../workshop/boardContext';
import { useNoteArrivals } from '../workshop/noteArrivals';
import { BoardHeader } from './BoardHeader';
import { FollowBar } from './FollowBar';
import { LiveRegion } from '../components/LiveRegion';
import { NoticeBar } from './NoticeBar';
import { BreakBanner } from './BreakBanner';
import { PresentationQuestions } from './PresentationQuestions';
import { UnsavedNotes } from './UnsavedNotes';
import { useTokenRenewal } from '../api/tokenRenewal';
import { PhaseBanner } from './PhaseBanner';
import { PresenterControls } from './PresenterControls';
import { Toolbar } from './Toolbar';
import { WaitingScreen } from './WaitingScreen';
import { WorkshopContext } from './workshopContext';
import { SynthesisContext, usePlenaryView } from '../plenary/hooks';
import { PlenaryToolbar } from './PlenaryToolbar';
import { LoadBoundary } from '../components/LoadBoundary';
import { LoadFailed } from '../components/LoadFailed';
import { retryableLazy } from '../components/retryableLazy';
import { PlenaryViewSwitch } from '../plenary/PlenaryViewSwitch';
import type { PlenaryViewChoice } from '../store/plenaryView';
import {
  loadFacilitatorPanel,
  loadFieldPanel,
  loadInfoDialog,
  loadListView,
  loadPlenaryMain,
  usePreloadedParts,
} from './preloadedParts';

const FacilitatorPanel = retryableLazy(() => loadFacilitatorPanel().then((m) => m.FacilitatorPanel));
const PlenaryMain = retryableLazy(() => loadPlenaryMain().then((m) => m.default));
const FieldPanel = retryableLazy(() => loadFieldPanel().then((m) => m.FieldPanel));
const InfoDialog = retryableLazy(() => loadInfoDialog().then((m) => m.InfoDialog));
const ListView = retryableLazy(() => loadListView().then((m) => m.ListView));

// Only builds made for the browser tests (`vite build --mode e2e`) carry `window.__DMC__`: it hands
// every note on screen, private drafts included, to any script on the page. Vite replaces MODE at
// build time, so a production bundle drops the hook altogether (e2e/productionBundle.e2e.ts checks).
const WITH_TEST_HOOK = import.meta.env.MODE === 'e2e';

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
  const [runtimeObject, runtime] = useWorkshopRuntime(session);
  const { choice, board, synthesis, session: sessionClient } = runtime ?? EMPTY_RUNTIME;
  usePreloadedParts(session.participant.role === 'facilitator');

  useEffect(() => {
    const uninstall = WITH_TEST_HOOK ? installTestHook(useAppStore) : () => undefined;
    const stopWatching = watchUserGesture();
    return () => {
      stopWatching();
      uninstall();
      const state = useAppStore.getState();
      state.resetUi();
      state.resetPlenary();
    };
  }, [session]);

  // The draft is read when an action runs, not when the screen renders: my private draft opens
  // and closes with the writing phases, and a new context would re-render every component that
  // uses it (the whole canvas) in the moment the new phase should show.
  const ctx = useMemo<ActionContext | null>(
    () =>
      board && sessionClient && runtimeObject
        ? {
            store: useAppStore,
            board,
            get draft() {
              return runtimeObject.snapshot().draft;
            },
            session: sessionClient,
            template: templateOf(board.boardId),
          }
        : null,
    [board, sessionClient, runtimeObject],
  );
  const plenary = usePlenaryView();
  // The canvas's single-key shortcuts act on a canvas that the plenary views do not show.
  useShortcuts(plenary.view === 'board' ? ctx : null);
  usePresenterView();
  // Others' new notes are announced politely, a few seconds' worth at a time.
  useNoteArrivals(useAppStore);
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

const EMPTY_RUNTIME = {
  choice: { kind: 'loading' } as BoardChoice,
  board: null,
  draft: null,
  synthesis: null,
  session: null,
} as const;

/** The workshop's connections and phase reactions (workshop/runtime.ts), for as long as the screen is open. */
function useWorkshopRuntime(session: SessionResponse): [WorkshopRuntime | null, RuntimeConnections | null] {
  const [runtime, setRuntime] = useState<WorkshopRuntime | null>(null);
  useEffect(() => {
    const next = new WorkshopRuntime({ session, store: useAppStore, wsBase: defaultWsBase() });
    next.start();
    setRuntime(next);
    return () => {
      next.destroy();
      setRuntime(null);
    };
  }, [session]);
  const subscribe = useCallback((listener: () => void) => runtime?.subscribe(listener) ?? (() => undefined), [runtime]);
  const snapshot = useCallback(() => runtime?.snapshot() ?? null, [runtime]);
  return [runtime, useSyncExternalStore(subscribe, snapshot)];
}

/** The board on screen, or one of the plenary views; the bar with the view switch stays put (and keeps the focus). */
function BoardLayout({ choice, plenary }: { choice: BoardChoice; plenary: PlenaryViewChoice }) {
  const listView = useAppStore((s) => s.listView);
  const sheetId = useAppStore((s) => s.sheetId);
  const fieldPanelOpen = useAppStore((s) => s.fieldPanel !== null);
  const infoOpen = useAppStore((s) => s.info !== null);
  const isFacilitator = useAppStore((s) => s.session?.participant.role === 'facilitator');
  const announcement = useAppStore((s) => s.announcement);
  const t = useT();
  // The phase banner shows a new phase at once; the view it brings (the synthesis, the action
  // list: hundreds of elements) is built right after, in a render the browser may interrupt to
  // paint. Until then the previous view stays on screen.
  const view = useDeferredValue(plenary.view);
  return (
    <div className={`board-screen${view === 'board' ? '' : ' board-screen--plenary'}`}>
      <BoardHeader showSheets={view === 'board'} />
      <PhaseBanner choice={choice} />
      <BreakBanner />
      {view === 'board' && <FollowBar />}
      {view === 'board' && <PresenterControls />}
      {view === 'board' && <PresentationQuestions />}
      <section className="board-bar" aria-label={t('board.barLabel')}>
        <PlenaryViewSwitch choice={plenary} />
        {view === 'board' ? <Toolbar /> : <PlenaryToolbar view={view} />}
      </section>
      <div className="board-body">
        <NoticeBar />
        <UnsavedNotes />
        {view === 'board' ? (
          // The main landmark stays a landmark; the sheet's tab panel sits inside it.
          <main id="main" className="board-main" tabIndex={-1} data-shortcut-scope>
            <div
              className="board-tabpanel"
              role="tabpanel"
              id="sheet-tabpanel"
              aria-labelledby={`sheet-tab-${sheetId}`}
            >
              {listView ? (
                <LoadBoundary fallback={(retry) => <LoadFailed retry={retry} />}>
                  <Suspense fallback={null}>
                    <ListView />
                  </Suspense>
                </LoadBoundary>
              ) : (
                <BoardCanvas />
              )}
            </div>
          </main>
        ) : (
          <main
            id="main"
            className="board-main plenary-main"
            aria-labelledby="plenary-view-heading"
            tabIndex={-1}
            data-view={view}
          >
            <LoadBoundary fallback={(retry) => <LoadFailed retry={retry} />}>
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
      {infoOpen && (
        <LoadBoundary fallback={null}>
          <Suspense fallback={null}>
            <InfoDialog />
          </Suspense>
        </LoadBoundary>
      )}
      {view === 'board' && fieldPanelOpen && (
        <LoadBoundary fallback={null}>
          <Suspense fallback={null}>
            <FieldPanel />
          </Suspense>
        </LoadBoundary>
      )}
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
      <BreakBanner />
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
