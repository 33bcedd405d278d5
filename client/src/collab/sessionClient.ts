import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import {
  endBreak,
  extendTimer,
  pauseTimer,
  resetTimer,
  resumeTimer,
  startBreak,
  startPhase,
  startTimer,
} from '@dmc/shared/domain/flow';
import {
  assignMembers,
  observeSession,
  putGroup,
  readAgenda,
  readAgendaEntries,
  readFlow,
  readGroups,
  readMembers,
  readReadings,
  readSettings,
  removeGroup,
  setReady,
  updateFlow,
  type Flow,
  type Group,
} from '@dmc/shared/doc/session';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { nextPhaseFor, previousPhaseFor } from '@dmc/shared/domain/singleGroup';
import { SESSION_DOC, type SessionResponse } from '@dmc/shared/protocol/api';
import { presenceColor } from '@dmc/shared/protocol/presence';
import type { AppStore } from '../store';
import { currentToken } from '../api/sessions';
import { afterNextPaint } from './afterNextPaint';
import { DocConnection, type NetworkEvents } from './docConnection';
import { refusalReason } from './writeRecovery';

/**
 * The live connection to the workshop's session document: the phase, the timer, the subgroups
 * and who is in which, and the reading list. Bridges it into the store and offers the flow's commands as methods; the
 * server refuses what the person's role does not allow, and the buttons never offer it.
 */

/** Options for a session client. */
export interface SessionClientOptions {
  readonly session: SessionResponse;
  readonly store: AppStore;
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  /** A WebSocket implementation where the platform has none (tests in Node 20). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** The browser's online/offline events (tests); defaults to `window`. */
  readonly network?: NetworkEvents | null;
}

/** A view on a sheet, in sheet units: what "bring everyone here" shares. */
export interface SharedView {
  readonly sheetId: string;
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** The session document as the interface uses it. */
export class SessionClient {
  private connection: DocConnection | null = null;
  private destroyed = false;
  private stopObserving: () => void = () => undefined;
  /** A new phase waits for the next frame (see attach); later news joins it. */
  private phaseWaiting = false;
  /** Waiting for the session to be current (see whenCurrent). */
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: SessionClientOptions) {}

  /** Connects, and measures the server clock for timers. */
  start(): void {
    if (this.destroyed || this.connection) return;
    const { session, store } = this.options;
    store.getState().setLink('session', { status: 'connecting', unsynced: 0 });
    this.connection = new DocConnection(
      {
        wsBase: this.options.wsBase,
        workshopId: session.workshop.id,
        docKey: SESSION_DOC,
        token: () => currentToken(session),
        // Presence on the session document tells the facilitator who is online, whatever board they view.
        user: {
          id: session.participant.id,
          name: session.participant.name,
          color: presenceColor(session.participant.id),
        },
        onRefusal: 'reread',
        WebSocketPolyfill: this.options.WebSocketPolyfill,
        network: this.options.network,
      },
      {
        status: (status) => {
          store.getState().setLink('session', { status });
          if (status !== 'connected') store.getState().setSessionLive(false);
        },
        attach: (doc, provider) => this.attach(doc, provider),
        synced: (doc) => {
          this.publish(doc);
          store.getState().setSessionLive(true);
          this.resolveWaiting();
        },
        confirmed: () => this.resolveWaiting(),
        ended: (end) => store.getState().setBoardEnd(end),
        refused: (code, reason) =>
          store.getState().showNotice({
            tone: 'warning',
            key: 'notice.refused',
            keyVars: { why: refusalReason(code) },
            detail: reason,
          }),
        unavailable: () => store.getState().showNotice({ tone: 'warning', key: 'notice.unavailable' }),
      },
    );
    void measureClockOffset().then((offset) => {
      if (offset !== null && !this.destroyed) store.getState().setClockOffset(offset);
    });
  }

  /** Disconnects for good. */
  destroy(): void {
    this.destroyed = true;
    this.stopObserving();
    this.connection?.destroy();
    this.connection = null;
    const store = this.options.store.getState();
    store.setSessionLive(false);
    store.dropLink('session');
    store.resetWorkshop();
  }

  /**
   * Resolves once the session on screen is the server's: at the next sync, or — when in sync —
   * once the server answered a probe sent now (it sends every change before that answer).
   */
  whenCurrent(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.connection?.probe();
    });
  }

  private resolveWaiting(): void {
    // Current means on screen too: a phase still waiting for its frame is shown now.
    this.publishWaitingPhase();
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Shows a new phase that waited for the next frame (once; nothing when none waits). */
  private publishWaitingPhase(): void {
    if (!this.phaseWaiting) return;
    this.phaseWaiting = false;
    const connection = this.connection;
    if (connection?.live && !this.destroyed) this.publish(connection.doc);
  }

  /** A new copy of the session document: bridge it and the online list into the store. */
  private attach(doc: Y.Doc, provider: WebsocketProvider): void {
    this.stopObserving();
    const store = this.options.store;
    const awareness = provider.awareness;
    const publishOnline = () => {
      const ids = new Set<string>();
      for (const state of awareness.getStates().values()) {
        const id = (state as { user?: { id?: unknown } }).user?.id;
        if (typeof id === 'string') ids.add(id);
      }
      const sorted = [...ids].sort();
      const current = store.getState().online;
      if (sorted.length !== current.length || sorted.some((id, i) => id !== current[i]))
        store.getState().setOnline(sorted);
    };
    awareness.on('change', publishOnline);
    const stop = observeSession(doc, () => {
      if (this.connection?.doc !== doc || !this.connection.live) return;
      // A new phase is shown after the next frame: what arrived with it on the board (notes
      // revealed by leaving silent writing, moved by the facilitator) is painted first, not held
      // back by the new phase's render on a busy device. Other news shows at once.
      if (this.phaseWaiting) return;
      if (readFlow(doc).phaseId !== this.options.store.getState().flow?.phaseId) {
        this.phaseWaiting = true;
        afterNextPaint(() => this.publishWaitingPhase());
        return;
      }
      this.publish(doc);
    });
    this.stopObserving = () => {
      awareness.off('change', publishOnline);
      stop();
    };
  }

  private publish(doc: Y.Doc): void {
    this.options.store.getState().setWorkshop({
      flow: readFlow(doc),
      groups: readGroups(doc),
      members: readMembers(doc),
      settings: readSettings(doc) ?? null,
      readings: readReadings(doc),
      agenda: Object.fromEntries(readAgenda(doc).map((item) => [item.phaseId, item.minutes])),
      agendaEntries: readAgendaEntries(doc),
    });
  }

  /** The current document (replaced after a refusal; do not keep it). */
  get doc(): Y.Doc | null {
    return this.connection?.doc ?? null;
  }

  /**
   * The document to write to, or null while the workshop is closed: the server then refuses every
   * write (4403), so nothing is sent until the facilitator reopens the workshop.
   */
  private get writable(): Y.Doc | null {
    return this.options.store.getState().settings?.closed ? null : this.doc;
  }

  private flow(change: Partial<Flow>): void {
    const doc = this.writable;
    if (doc) updateFlow(doc, change);
  }

  /** The server's clock now, in ms since the epoch. */
  now(): number {
    return Date.now() + this.options.store.getState().clockOffsetMs;
  }

  /** Moves everyone to a phase; the timer is reset to the phase's planned duration. */
  setPhase(phaseId: PhaseId): void {
    const agenda = this.doc ? Object.fromEntries(readAgenda(this.doc).map((item) => [item.phaseId, item.minutes])) : {};
    this.flow(startPhase(phaseId, this.now(), agenda));
  }

  /** The next phase of the script (past the presentations when there is one group or none). */
  nextPhase(): void {
    const doc = this.doc;
    const next = doc ? nextPhaseFor(readFlow(doc).phaseId, readGroups(doc).length) : undefined;
    if (next) this.setPhase(next);
  }

  /** The previous phase of the script (past the presentations when there is one group or none). */
  previousPhase(): void {
    const doc = this.doc;
    const previous = doc ? previousPhaseFor(readFlow(doc).phaseId, readGroups(doc).length) : undefined;
    if (previous) this.setPhase(previous);
  }

  /** Starts (or restarts) the countdown with this duration. */
  startTimer(durationMs: number): void {
    this.flow(startTimer(this.now(), durationMs));
  }

  /** Pauses the countdown, keeping what is left. */
  pauseTimer(): void {
    const flow = this.doc ? readFlow(this.doc) : null;
    const change = flow ? pauseTimer(flow, this.now()) : null;
    if (change) this.flow(change);
  }

  /** Resumes a paused countdown. */
  resumeTimer(): void {
    const flow = this.doc ? readFlow(this.doc) : null;
    const change = flow ? resumeTimer(flow, this.now()) : null;
    if (change) this.flow(change);
  }

  /** Adds time to the countdown (running or paused). */
  extendTimer(ms: number): void {
    const flow = this.doc ? readFlow(this.doc) : null;
    if (flow) this.flow(extendTimer(flow, this.now(), ms));
  }

  /** Stops the countdown. */
  resetTimer(): void {
    this.flow(resetTimer());
  }

  /** Starts a break everyone sees ("Pauze tot 10:45"), from an agenda item or ad hoc (no entry id). */
  startBreak(item: { label: string; minutes: number; entryId?: string | null }): void {
    this.flow(startBreak(item, this.now()));
  }

  /** Ends the break. */
  endBreak(): void {
    this.flow(endBreak());
  }

  /** Makes every participant's view jump to this one. */
  bringEveryoneHere(view: SharedView): void {
    const flow = this.doc ? readFlow(this.doc) : null;
    this.flow({
      attentionNonce: (flow?.attentionNonce ?? 0) + 1,
      attentionSheetId: view.sheetId,
      attentionX: view.x,
      attentionY: view.y,
      attentionScale: view.scale,
    });
  }

  /** Turns follow mode on (participants' views follow this facilitator's) or off. */
  setFollow(facilitatorId: string | null): void {
    this.flow({ followFacilitatorId: facilitatorId });
  }

  /** Spotlights one subgroup in the presentations phase (null: none). */
  spotlight(groupId: string | null): void {
    this.flow({ spotlightGroupId: groupId, presenterId: null, presenterSheetId: null, presenterFieldId: null });
  }

  /** Hands the presenter role to a member of the spotlighted group (null: the facilitator presents). */
  setPresenter(memberId: string | null): void {
    this.flow({ presenterId: memberId });
  }

  /** The presenter shows this field; everyone following sees it. */
  present(sheetId: string | null, fieldId: string | null): void {
    this.flow({ presenterSheetId: sheetId, presenterFieldId: fieldId });
  }

  /** Adds or changes a subgroup. */
  putGroup(group: Group): void {
    const doc = this.writable;
    if (doc) putGroup(doc, group);
  }

  /** Removes a subgroup; its members become unassigned. */
  removeGroup(groupId: string): void {
    const doc = this.writable;
    if (doc) removeGroup(doc, groupId);
  }

  /** Puts members in subgroups (null: unassigned), in one step. */
  assign(assignment: ReadonlyMap<string, string | null>): void {
    const doc = this.writable;
    if (doc) assignMembers(doc, assignment);
  }

  /** Says (or takes back) "klaar" for the current phase. */
  setReady(ready: boolean): void {
    const doc = this.writable;
    if (!doc) return;
    setReady(doc, this.options.session.participant.id, ready ? readFlow(doc).phaseId : null);
  }
}

/** Server clock minus local clock, from one round trip to /api/health (null when unreachable). */
export async function measureClockOffset(): Promise<number | null> {
  try {
    const sent = Date.now();
    const response = await fetch('/api/health', { headers: { accept: 'application/json' } });
    const received = Date.now();
    const body = (await response.json()) as { serverTime?: unknown };
    if (typeof body.serverTime !== 'number') return null;
    return Math.round(body.serverTime - (sent + received) / 2);
  } catch {
    return null;
  }
}
