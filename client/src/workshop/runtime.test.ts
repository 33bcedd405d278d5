import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignMembers, putGroup, updateFlow } from '@dmc/shared/doc/session';
import { startPhase } from '@dmc/shared/domain/flow';
import { newId } from '@dmc/shared/domain/ids';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { PLENARY_BOARD, SESSION_DOC } from '@dmc/shared/protocol/api';
import { useAppStore, type AppState } from '../store';
import { WorkshopRuntime } from './runtime';
import { loadServerHarness, type ServerHarness } from '../collab/serverHarness.testing';

/**
 * The workshop runtime of one participant against the real server, without a browser: the
 * facilitator (a plain test client on the session document) moves the workshop on, and the
 * runtime follows with its connections — the group's board, the private draft while writing
 * silently, closing it once the server revealed its notes — all on events, with no timers.
 */

/** Resolves once the store satisfies `check` (checked on every change). */
function until(check: (s: AppState) => boolean): Promise<void> {
  if (check(useAppStore.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useAppStore.subscribe((s) => {
      if (!check(s)) return;
      stop();
      resolve();
    });
  });
}

/** Resolves once the runtime's connections satisfy `check`. */
function untilRuntime(runtime: WorkshopRuntime, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = runtime.subscribe(() => {
      if (!check()) return;
      stop();
      resolve();
    });
  });
}

describe('WorkshopRuntime', () => {
  let harness: ServerHarness;
  let WebSocketPolyfill: typeof WebSocket;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    ({ harness, WebSocketPolyfill } = await loadServerHarness());
    server = await harness.startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('follows the phases: the group board, a private draft while writing, the reveal, then the draft closes', async () => {
    const facilitator = await harness.createWorkshop(server.url, 'Runtime');
    const participant = await harness.joinWorkshop(server.url, facilitator.workshop.code, 'Anouk');
    const session = harness.connectDoc(server.url, facilitator, SESSION_DOC);
    await session.synced();
    const moveTo = async (phaseId: PhaseId) => {
      updateFlow(session.doc, startPhase(phaseId, Date.now(), {}));
      await harness.flush(session);
    };

    useAppStore.getState().setSession(participant);
    const runtime = new WorkshopRuntime({
      session: participant,
      store: useAppStore,
      wsBase: harness.collabUrl(server.url),
      WebSocketPolyfill,
      network: null,
    });
    runtime.start();
    try {
      // The opening phase: everyone on the plenary board, no draft.
      await untilRuntime(runtime, () => runtime.snapshot().board?.boardId === PLENARY_BOARD);
      expect(runtime.snapshot().draft).toBeNull();
      await until((s) => s.links.board?.status === 'connected' && s.links.session?.status === 'connected');

      // Subgroups, and the first silent-writing phase: the group's board and my private draft.
      const group = { id: newId(), name: 'Tafel Oost', color: '#1d4ed8' as const, order: 0 };
      putGroup(session.doc, group);
      assignMembers(session.doc, new Map([[participant.participant.id, group.id]]));
      await moveTo('welcome');
      await untilRuntime(runtime, () => runtime.snapshot().board?.boardId === PLENARY_BOARD);
      const told = until((s) => s.flow?.phaseId === 'vel1-write');
      await moveTo('vel1-write');
      // The screen hears of the new phase before the board is switched (closing one connection,
      // opening another, drawing another board), so the news is not held back by that work.
      await told.then(() => expect(runtime.snapshot().board?.boardId).toBe(PLENARY_BOARD));
      await untilRuntime(
        runtime,
        () => runtime.snapshot().board?.boardId === group.id && runtime.snapshot().draft !== null,
      );
      expect(useAppStore.getState().sheetId).toBe('vel1');
      const draft = runtime.snapshot().draft;
      await until((s) => s.links.draft?.status === 'connected');
      const written = draft?.addNote({
        sheetId: 'vel1',
        fieldId: 'doel',
        x: 40,
        y: 60,
        color: 'yellow',
        text: 'Studiesucces verhogen',
      });
      expect(written).not.toBeNull();
      await until((s) => s.privateOwners.get(written?.id ?? '') === participant.participant.id);
      expect(draft?.doc && useAppStore.getState().draft.canUndo).toBe(true);

      // Leaving the writing phase reveals the note on the group's board; the draft then closes.
      // The new phase waits for the next frame, so the revealed notes are drawn before the new
      // phase's render: when the session update has been applied, the screen still shows the old
      // phase, and the phase follows without any further message.
      const sessionDoc = runtime.snapshot().session.doc;
      const phaseWhenApplied: (string | undefined)[] = [];
      const onUpdate = () => phaseWhenApplied.push(useAppStore.getState().flow?.phaseId);
      sessionDoc?.on('update', onUpdate);
      const discussing = until((s) => s.flow?.phaseId === 'vel1-discuss');
      await moveTo('vel1-discuss');
      await discussing;
      sessionDoc?.off('update', onUpdate);
      expect(phaseWhenApplied[0]).toBe('vel1-write');
      await until((s) => s.boardNotes.some((n) => n.id === written?.id));
      await untilRuntime(runtime, () => runtime.snapshot().draft === null);
      const state = useAppStore.getState();
      expect(state.notes.filter((n) => n.id === written?.id)).toHaveLength(1);
      expect(state.privateOwners.has(written?.id ?? '')).toBe(false);
      expect(state.links.draft).toBeUndefined();
      // The undo step of the writing phase is gone: the server would refuse it now.
      expect(state.canUndo).toBe(false);
    } finally {
      runtime.destroy();
      session.destroy();
      useAppStore.getState().setSession(null);
    }
  });

  it('opens the synthesis only while the plenary views are offered and counts it in the status', async () => {
    const facilitator = await harness.createWorkshop(server.url, 'Synthese');
    const session = harness.connectDoc(server.url, facilitator, SESSION_DOC);
    await session.synced();
    useAppStore.getState().setSession(facilitator);
    const runtime = new WorkshopRuntime({
      session: facilitator,
      store: useAppStore,
      wsBase: harness.collabUrl(server.url),
      WebSocketPolyfill,
      network: null,
    });
    runtime.start();
    try {
      await untilRuntime(runtime, () => runtime.snapshot().board !== null);
      // A facilitator is offered the plenary views in every phase.
      await untilRuntime(runtime, () => runtime.snapshot().synthesis !== null);
      await until((s) => s.links.synthesis?.status === 'connected');
      expect(Object.keys(useAppStore.getState().links).sort()).toEqual(['board', 'session', 'synthesis']);
    } finally {
      runtime.destroy();
      session.destroy();
      useAppStore.getState().setSession(null);
    }
    expect(useAppStore.getState().links).toEqual({});
  });
});
