import { phase } from '@dmc/shared/domain/phases';
import { PLENARY_BOARD, type SessionResponse } from '@dmc/shared/protocol/api';
import { localize } from '@dmc/shared/template/lookup';
import { BoardClient } from '../collab/boardClient';
import type { NetworkEvents } from '../collab/docConnection';
import { afterNextPaint } from '../collab/afterNextPaint';
import { DraftConnections } from '../collab/draftConnections';
import { SessionClient } from '../collab/sessionClient';
import { SynthesisClient } from '../collab/synthesisClient';
import { translate } from '../i18n';
import { templateOf } from '../scene/template';
import type { AppState, AppStore } from '../store';
import { choosePlenaryView } from '../store/plenaryView';
import { selectMembership, selectWorkshopState } from '../store/workshopState';
import { chooseBoard, type BoardChoice } from './boardChoice';
import { selectCapabilities } from './capabilities';
import { applySharedView } from './sharedView';
import { sheetToShow } from './useWorkshopFlow';

/**
 * The workshop as one screen lives it, without React: it owns every connection — the session,
 * the board the phase (or the facilitator) puts on screen, my private draft while I write
 * silently, the drafts a facilitator looks into, the synthesis while the plenary views are
 * offered — and reacts to the session's news in ONE place (`react`): a new phase or board
 * switches connections, shows the phase's sheet and instruction, forgets undo steps that may be
 * refused now, and keeps a draft open until the server has revealed its notes. Everything is
 * driven by store events, not timers; the board screen only renders what it holds. Testable
 * against the real server in Node (see runtime.test.ts).
 */

/** Where and as whom the runtime connects. */
export interface WorkshopRuntimeOptions {
  readonly session: SessionResponse;
  readonly store: AppStore;
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  /** A WebSocket implementation where the platform has none (tests in Node 20). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** The browser's online/offline events (tests); defaults to `window`. */
  readonly network?: NetworkEvents | null;
}

/** What the screen renders from: the connections of this moment. */
export interface RuntimeConnections {
  readonly session: SessionClient;
  readonly choice: BoardChoice;
  /** The board on screen and its id (null while loading or waiting for a subgroup). */
  readonly board: BoardClient | null;
  /** My own draft while I write silently (or while its notes are being revealed). */
  readonly draft: BoardClient | null;
  /** The synthesis document while the plenary views are offered. */
  readonly synthesis: SynthesisClient | null;
}

/** The connections and reactions of one workshop screen. */
export class WorkshopRuntime {
  readonly session: SessionClient;
  private board: BoardClient | null = null;
  private ownDrafts: DraftConnections | null = null;
  private peekDrafts: DraftConnections | null = null;
  private synthesis: SynthesisClient | null = null;
  private choice: BoardChoice = { kind: 'loading' };
  private snapshotValue: RuntimeConnections;
  private readonly listeners = new Set<() => void>();
  private stopReacting: () => void = () => undefined;
  private reacting = false;
  /** The state before a change whose reaction waits for the next frame (undefined: none waits). */
  private waitingSince: AppState | null | undefined = undefined;
  private destroyed = false;

  constructor(private readonly options: WorkshopRuntimeOptions) {
    this.session = new SessionClient(this.connectionOptions());
    this.snapshotValue = this.makeSnapshot();
  }

  /** Connects and starts following the session. */
  start(): void {
    this.session.start();
    const store = this.options.store;
    this.stopReacting = store.subscribe((s, previous) => this.react(s, previous));
    this.react(store.getState(), null);
  }

  /** Closes every connection and forgets what they reported. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopReacting();
    this.closeBoard();
    this.synthesis?.destroy();
    this.synthesis = null;
    this.session.destroy();
    const state = this.options.store.getState();
    state.resetBoard();
    state.resetDrafts();
  }

  /** The connections now (a new object whenever they change). */
  snapshot(): RuntimeConnections {
    return this.snapshotValue;
  }

  /** Hears every change of the connections; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Every reaction to the session's news, in order. `previous` is null at the start. Only what
   * changed is acted on; each step reads the state it needs from `s`.
   */
  private react(current: AppState, previous: AppState | null, waited = false): void {
    // The reactions write to the store themselves (board id, sheet, notices); those writes change
    // none of the inputs below, so a nested call has nothing to do.
    if (this.destroyed || this.reacting) return;
    // A reaction waits for the next frame: it will read the state as it is then.
    if (this.waitingSince !== undefined) return;
    if (!waited && previous !== null && this.movesToAnotherBoard(current, previous)) {
      // A new phase that puts another board on screen: the banner shows the phase first (one
      // small render, painted), then the board is switched — closing and opening connections
      // and drawing the new board would otherwise hold the news back on a busy device.
      this.waitingSince = previous;
      afterNextPaint(() => {
        const since = this.waitingSince;
        this.waitingSince = undefined;
        if (since !== undefined) this.react(this.options.store.getState(), since, true);
      });
      return;
    }
    this.reacting = true;
    try {
      this.reactTo(current, previous);
    } finally {
      this.reacting = false;
    }
  }

  private reactTo(current: AppState, previous: AppState | null): void {
    let s = current;
    // Notes, cursors and views change many times a second; none of them moves a connection.
    if (
      previous !== null &&
      s.flow === previous.flow &&
      s.groups === previous.groups &&
      s.members === previous.members &&
      s.settings === previous.settings &&
      s.viewBoardId === previous.viewBoardId &&
      s.session === previous.session
    )
      return;
    const phaseId = s.flow?.phaseId ?? null;
    const previousPhaseId = previous?.flow?.phaseId ?? null;
    const phaseChanged = previous !== null && previousPhaseId !== null && phaseId !== previousPhaseId;
    // The phase that ended reveals its private notes: drafts stay open until the server moved them.
    const reveals = phaseChanged && phase(previousPhaseId).revealsOnLeave;

    const choice = this.chooseBoard(s);
    const boardId = choice.kind === 'board' ? choice.boardId : null;
    const boardChanged = boardId !== (this.board?.boardId ?? null);
    if (boardChanged) {
      this.showBoard(boardId);
      // What follows (the sheet, the drafts) is about the new board: read the state again.
      s = this.options.store.getState();
    }
    this.choice = choice;

    if (phaseId !== null && (phaseChanged || boardChanged || previousPhaseId === null)) {
      this.followPhase(s, phaseChanged || boardChanged || previousPhaseId === null);
    }
    if (phaseChanged || (previous !== null && (s.settings?.closed ?? false) !== (previous.settings?.closed ?? false))) {
      // Old undo steps may be refused in the new phase (or in a closed workshop).
      this.board?.clearHistory();
      this.ownDrafts?.get(s.session?.participant.id ?? '')?.clearHistory();
    }
    if (phaseChanged) this.phaseChanged(s, reveals);
    if (previous !== null && s.flow?.attentionNonce !== previous.flow?.attentionNonce) this.attention(s, previous);

    this.wantDrafts(s, reveals);
    this.wantSynthesis(s);
    this.publish();
  }

  /** Whether the phase changed and, with it, the board on screen. */
  private movesToAnotherBoard(s: AppState, previous: AppState): boolean {
    const phaseId = s.flow?.phaseId ?? null;
    const previousPhaseId = previous.flow?.phaseId ?? null;
    if (phaseId === null || previousPhaseId === null || phaseId === previousPhaseId) return false;
    const choice = this.chooseBoard(s);
    return (choice.kind === 'board' ? choice.boardId : null) !== (this.board?.boardId ?? null);
  }

  private chooseBoard(s: AppState): BoardChoice {
    const groupIds = s.groups.map((g) => g.id);
    return chooseBoard({
      state: selectWorkshopState(s),
      role: s.session?.participant.role ?? this.options.session.participant.role,
      groupId: selectMembership(s).groupId,
      groupIds,
      viewBoardId: s.viewBoardId,
    });
  }

  /** Puts a board on screen: a new connection, and new draft connections around it. */
  private showBoard(boardId: string | null): void {
    this.closeBoard();
    if (boardId === null) return;
    const store = this.options.store;
    store.getState().setBoardId(boardId);
    this.board = new BoardClient({ ...this.connectionOptions(), boardId });
    this.board.start();
    const drafts = { ...this.connectionOptions(), onChange: () => this.publish() };
    this.ownDrafts = new DraftConnections({ ...drafts, role: 'draft' });
    this.peekDrafts = new DraftConnections({ ...drafts, role: 'peek' });
  }

  private closeBoard(): void {
    this.ownDrafts?.destroy();
    this.peekDrafts?.destroy();
    this.ownDrafts = null;
    this.peekDrafts = null;
    this.board?.destroy();
    this.board = null;
    const state = this.options.store.getState();
    state.resetDrafts();
    state.resetBoard();
  }

  /** The phase's sheet: on a new phase or board its own sheet, else the current one while it fits. */
  private followPhase(s: AppState, fresh: boolean): void {
    if (!s.flow) return;
    const sheetId = sheetToShow(templateOf(s.boardId), phase(s.flow.phaseId), s.sheetId, fresh);
    if (sheetId !== s.sheetId) this.options.store.getState().setSheet(sheetId);
  }

  /**
   * A new phase: participants get a short, closable notice (the instruction itself stands in the
   * phase banner, so the notice stays one line and does not cover the board); a view picked in
   * the old phase is forgotten.
   */
  private phaseChanged(s: AppState, reveals: boolean): void {
    const state = this.options.store.getState();
    state.setPhaseChangedAt(Date.now());
    state.setPlenaryView(null);
    // Revealed notes wait for the board only after a revealing phase; otherwise nothing lingers.
    if (!reveals) state.clearLingering();
    if (s.session?.participant.role === 'participant' && s.flow) {
      const def = phase(s.flow.phaseId);
      state.showNotice({
        tone: 'info',
        key: 'phase.changed',
        localizedVars: { label: def.label },
      });
    }
  }

  /** "Bring everyone here": a participant's view jumps when the attention nonce goes up. */
  private attention(s: AppState, previous: AppState): void {
    const flow = s.flow;
    const before = previous.flow?.attentionNonce ?? null;
    // The nonce found when the page opens is history, not a call to come and look.
    if (!flow || before === null || flow.attentionNonce <= before) return;
    if (!flow.attentionSheetId || s.session?.participant.role !== 'participant') return;
    const store = this.options.store;
    const shown = applySharedView(store, {
      sheetId: flow.attentionSheetId,
      x: flow.attentionX,
      y: flow.attentionY,
      scale: flow.attentionScale,
    });
    const sheet = templateOf(s.boardId).sheets.find((sh) => sh.id === flow.attentionSheetId);
    if (shown && sheet)
      store.getState().announce(translate(s.locale, 'attention.moved', { sheet: localize(sheet.label, s.locale) }));
  }

  /** My draft while I may write it; for a facilitator, the drafts of the members on this board. */
  private wantDrafts(s: AppState, reveals: boolean): void {
    if (!this.ownDrafts || !this.peekDrafts || !this.board) return;
    const me = this.options.session.participant;
    const writing = selectCapabilities(s)?.draftWritable ?? false;
    this.ownDrafts.want(writing ? [me.id] : [], reveals);
    const boardId = this.board.boardId;
    const peek =
      me.role === 'facilitator' && s.flow && phase(s.flow.phaseId).privateWriting
        ? s.members
            .filter(
              (m) =>
                m.role === 'participant' && (s.groups.length > 0 ? m.groupId === boardId : boardId === PLENARY_BOARD),
            )
            .map((m) => m.id)
        : [];
    this.peekDrafts.want(peek, reveals);
  }

  /** The synthesis document while the plenary views are offered. */
  private wantSynthesis(s: AppState): void {
    const phaseId = s.flow?.phaseId ?? null;
    const role = s.session?.participant.role ?? this.options.session.participant.role;
    const offered = choosePlenaryView({ phaseId, role, picked: null }).available.length > 1;
    if (offered && !this.synthesis) {
      this.synthesis = new SynthesisClient(this.connectionOptions());
      this.synthesis.start();
    } else if (!offered && this.synthesis) {
      this.synthesis.destroy();
      this.synthesis = null;
    }
  }

  private connectionOptions() {
    const { session, store, wsBase, WebSocketPolyfill, network } = this.options;
    return {
      session,
      store,
      wsBase,
      WebSocketPolyfill,
      network,
      // A replay after a refusal, and the words for a refusal, wait until the phase on screen is the server's.
      sessionCurrent: () => this.session.whenCurrent(),
    };
  }

  private makeSnapshot(): RuntimeConnections {
    return {
      session: this.session,
      choice: this.choice,
      board: this.board,
      draft: this.ownDrafts?.get(this.options.session.participant.id) ?? null,
      synthesis: this.synthesis,
    };
  }

  private publish(): void {
    const next = this.makeSnapshot();
    const current = this.snapshotValue;
    if (
      next.board === current.board &&
      next.draft === current.draft &&
      next.synthesis === current.synthesis &&
      sameChoice(next.choice, current.choice)
    )
      return;
    this.snapshotValue = next;
    for (const listener of this.listeners) listener();
  }
}

function sameChoice(a: BoardChoice, b: BoardChoice): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'board' || b.kind !== 'board') return true;
  return a.boardId === b.boardId && a.phaseBoardId === b.phaseBoardId && a.overridden === b.overridden;
}
