import { useEffect, useMemo, useState } from 'react';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { useShortcuts } from '../actions/useShortcuts';
import type { ActionContext } from '../actions/types';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { template } from '../canvas/template';
import { BoardClient, defaultWsBase } from '../collab/boardClient';
import { SessionClient } from '../collab/sessionClient';
import { useAppStore } from '../store';
import { installTestHook } from '../testHook';
import { BoardContext } from './boardContext';
import { BoardHeader } from './BoardHeader';
import { FacilitatorPanel } from '../facilitator/FacilitatorPanel';
import { InfoDialog } from './InfoDialog';
import { ListView } from './ListView';
import { LiveRegion } from './LiveRegion';
import { NoticeBar } from './NoticeBar';
import { Toolbar } from './Toolbar';

/** The workshop board: header, toolbar, and the canvas or the list view of the current sheet. */
export function BoardScreen({ session }: { session: SessionResponse }) {
  const [clients, setClients] = useState<{ board: BoardClient; sessionClient: SessionClient } | null>(null);

  useEffect(() => {
    const sessionClient = new SessionClient({ session, store: useAppStore, wsBase: defaultWsBase() });
    sessionClient.start();
    const client = new BoardClient({ session, store: useAppStore, wsBase: defaultWsBase() });
    client.start();
    setClients({ board: client, sessionClient });
    const uninstall = installTestHook(useAppStore);
    return () => {
      uninstall();
      client.destroy();
      sessionClient.destroy();
      useAppStore.getState().resetBoard();
      useAppStore.getState().resetUi();
    };
  }, [session]);

  const ctx = useMemo<ActionContext | null>(
    () => (clients ? { store: useAppStore, board: clients.board, session: clients.sessionClient, template } : null),
    [clients],
  );
  useShortcuts(ctx);

  if (!ctx) return null;
  return (
    <BoardContext.Provider value={ctx}>
      <BoardLayout />
    </BoardContext.Provider>
  );
}

function BoardLayout() {
  const listView = useAppStore((s) => s.listView);
  const sheetId = useAppStore((s) => s.sheetId);
  const isFacilitator = useAppStore((s) => s.session?.participant.role === 'facilitator');
  return (
    <div className="board-screen">
      <BoardHeader />
      <Toolbar />
      <NoticeBar />
      <main id="main" className="board-main" role="tabpanel" aria-labelledby={`sheet-tab-${sheetId}`} tabIndex={-1}>
        {listView ? <ListView /> : <BoardCanvas />}
      </main>
      <InfoDialog />
      {isFacilitator ? <FacilitatorPanel /> : null}
      <LiveRegion />
    </div>
  );
}
