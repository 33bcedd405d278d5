import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { mayEditSynthesis } from '@dmc/shared/domain/policies';
import {
  SYNTHESIS_COLLECTIONS,
  observeSynthesis,
  putAction,
  putCluster,
  readActions,
  readClusters,
  readPlenaryFormulations,
  removeAction,
  removeCluster,
  setPlenaryFormulation,
} from '@dmc/shared/doc/synthesis';
import { actionFromCard, type ActionItem, type CardSource } from '@dmc/shared/domain/actionItems';
import type { ClusterRecord } from '@dmc/shared/domain/plenary';
import { PLENARY_BOARD, SYNTHESIS_DOC, type SessionResponse } from '@dmc/shared/protocol/api';
import { checkSynthesisChanges } from '@dmc/shared/domain/synthesisRules';
import { CLOSE, WRITE_REFUSED_CODES } from '@dmc/shared/protocol/closeCodes';
import type { Locale } from '@dmc/shared/template/types';
import { newNoteId } from './boardClient';
import type { AppStore } from '../store';
import { currentToken } from '../api/sessions';
import { authOptions } from './authSocket';
import { offlineChanges, type OfflineChange } from './offlineChanges';
import { replay, unsavedItems } from './offlineReplay';
import { selectMembership, selectWorkshopState } from '../store/workshopState';
import { directAction } from '../store/actionTable';

/**
 * The live connection to the workshop's synthesis document: the clusters the plenary confirmed,
 * its compromise wording per field and the action list. Bridges them into the store (plenary
 * slice) and is the only way the plenary views change them, always in this person's own name.
 * A refused write syncs a fresh copy and replays this person's own changes on it one by one, as
 * far as the rules allow, as the board client does; refused texts go to "Niet opgeslagen".
 */

/** Options for a synthesis client. */
export interface SynthesisClientOptions {
  readonly session: SessionResponse;
  readonly store: AppStore;
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
}

/** Rebuilding after refusals more often than this within a minute means something is stuck. */
const MAX_REBUILDS_PER_MINUTE = 4;
/** A refusal within this long after a replay is taken to be about the replay. */
const REPLAY_MEMORY_MS = 30_000;

/** One Y.Doc with its provider; replaced after a refused write. */
class SynthesisConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly stop: () => void;

  constructor(
    options: SynthesisClientOptions,
    onClosed: (code: number, reason: string) => void,
    onFirstSync: (connection: SynthesisConnection) => void = () => undefined,
  ) {
    const { session, store } = options;
    this.provider = new WebsocketProvider(options.wsBase, `${session.workshop.id}/${SYNTHESIS_DOC}`, this.doc, {
      ...authOptions(() => currentToken(session)),
      disableBc: true,
    });
    this.provider.on('connection-close', (event) => {
      // Retryable: the provider sends the change again after reconnecting.
      if (event?.code === CLOSE.unavailable)
        store.getState().showNotice({ tone: 'warning', key: 'notice.unavailable' });
    });
    // Presence lives on the board; this document carries none.
    this.provider.awareness.setLocalState(null);
    let synced = false;
    const publish = () => {
      if (!synced) return;
      store.getState().setSynthesis({
        clusters: readClusters(this.doc),
        plenaryFormulations: readPlenaryFormulations(this.doc),
        actions: readActions(this.doc),
      });
    };
    this.provider.on('sync', (isSynced) => {
      if (!isSynced) return;
      if (!synced) onFirstSync(this);
      synced = true;
      store.getState().setSynthesisStatus('live');
      publish();
    });
    this.provider.on('status', ({ status }) => {
      if (status !== 'connected' && store.getState().synthesisStatus === 'live')
        store.getState().setSynthesisStatus('connecting');
    });
    this.provider.on('closed', ({ code, reason }) => onClosed(code, reason));
    this.stop = observeSynthesis(this.doc, publish);
  }

  /** Stops and frees the document; with `keepDoc`, the document is handed back instead. */
  dispose(keepDoc = false): Y.Doc | null {
    this.stop();
    this.provider.destroy();
    if (keepDoc) return this.doc;
    this.doc.destroy();
    return null;
  }
}

/** The synthesis document as the plenary views use it. */
export class SynthesisClient {
  private connection: SynthesisConnection | null = null;
  private destroyed = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private rebuilds: number[] = [];
  /** Refused copies whose own changes are taken out after the next sync. */
  private readonly carried: Y.Doc[] = [];
  private backlog: OfflineChange[] = [];
  private lastReplay: { sent: readonly string[]; at: number } | null = null;
  private refusal: { code: number; reason: string } | null = null;
  /** This person's id: every record is written in their own name. */
  readonly me: string;

  constructor(private readonly options: SynthesisClientOptions) {
    this.me = options.session.participant.id;
  }

  /** Connects. */
  start(): void {
    if (this.destroyed || this.connection) return;
    this.options.store.getState().setSynthesisStatus('connecting');
    this.connection = this.open();
  }

  /** Disconnects for good and forgets what it reported. */
  destroy(): void {
    this.destroyed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.connection?.dispose();
    this.connection = null;
    this.options.store.getState().resetSynthesis();
  }

  private onClosed(code: number, reason: string): void {
    if (this.destroyed) return;
    const store = this.options.store.getState();
    if (code === CLOSE.unauthorized || code === CLOSE.notFound || code === CLOSE.gone) {
      // The board connection says what that means for the page; here there is nothing to retry.
      store.setSynthesisStatus('gone');
      return;
    }
    let wait = 3000;
    const refused = WRITE_REFUSED_CODES.includes(code);
    if (refused) {
      this.refusal = { code, reason };
      const now = Date.now();
      this.rebuilds = [...this.rebuilds.filter((t) => now - t < 60_000), now];
      wait = this.rebuilds.length > MAX_REBUILDS_PER_MINUTE ? 10_000 : 0;
    }
    // Start over from the server's state; my own changes in the refused copy are replayed one by
    // one once the fresh copy synced (see recover), so nothing typed vanishes unseen.
    const kept = this.connection?.dispose(refused) ?? null;
    if (kept) this.carried.push(kept);
    this.connection = null;
    store.setSynthesisStatus('connecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.destroyed) this.connection = this.open();
    }, wait);
  }

  private open(): SynthesisConnection {
    return new SynthesisConnection(
      this.options,
      (c, r) => this.onClosed(c, r),
      (connection) => this.recover(connection),
    );
  }

  /** As the board client does: take my own changes out of refused copies and replay what the rules allow now. */
  private recover(connection: SynthesisConnection): void {
    for (const old of this.carried.splice(0)) {
      try {
        this.backlog.push(...offlineChanges(old, connection.doc, SYNTHESIS_COLLECTIONS).changes);
      } finally {
        old.destroy();
      }
    }
    const refusal = this.refusal;
    this.refusal = null;
    const store = this.options.store.getState();
    if (this.backlog.length === 0) {
      if (!refusal) return;
      const why =
        refusal.code === CLOSE.forbidden
          ? 'notice.refused.forbidden'
          : refusal.code === CLOSE.limit
            ? 'notice.refused.limit'
            : 'notice.refused.malformed';
      // Right after a phase change a refusal is the phase's doing, not an error of this person.
      if (Date.now() - store.phaseChangedAt < 8000)
        store.showNotice({ tone: 'info', key: 'notice.refused.phaseChanged' });
      else store.showNotice({ tone: 'warning', key: 'notice.refused', keyVars: { why }, detail: refusal.reason });
      return;
    }
    const changes = this.backlog.splice(0);
    // A refusal soon after a replay: the first replayed change still missing is the refused one.
    const previous =
      this.lastReplay && Date.now() - this.lastReplay.at < REPLAY_MEMORY_MS ? this.lastReplay.sent : null;
    const s = this.options.store.getState();
    const state = selectWorkshopState(s);
    const actor = { id: this.me, role: this.options.session.participant.role };
    const mayEdit = state !== null && !state.closed && mayEditSynthesis(actor, state, selectMembership(s));
    const outcome = replay(
      connection.doc,
      changes,
      (_doc, change) => state === null || checkSynthesisChanges(actor, [change], mayEdit) === null,
      undefined,
      previous,
    );
    this.lastReplay = outcome.sent.length > 0 ? { sent: outcome.sent, at: Date.now() } : null;
    const { items } = unsavedItems(outcome.refused, [], PLENARY_BOARD);
    if (items.length > 0) {
      store.addUnsaved(items);
      store.showNotice({
        tone: 'warning',
        key: items.length === 1 ? 'notice.unsavedOne' : 'notice.unsavedMany',
        vars: { count: items.length },
      });
    } else if (outcome.sent.length > 0) {
      store.showNotice({ tone: 'info', key: 'notice.replayed', vars: { count: outcome.sent.length } });
    }
  }

  /** The current document (replaced after a refusal; do not keep it). */
  get doc(): Y.Doc | null {
    return this.connection?.doc ?? null;
  }

  /** Adds or changes a cluster, in my name. */
  putCluster(cluster: Omit<ClusterRecord, 'updatedBy'>): void {
    const doc = this.doc;
    if (doc) putCluster(doc, { ...cluster, label: cluster.label.slice(0, 200), updatedBy: this.me });
  }

  /** Removes a cluster. */
  removeCluster(id: string): void {
    const doc = this.doc;
    if (doc) removeCluster(doc, id);
  }

  /** Applies several cluster changes as one step (a split both shrinks one cluster and makes another). */
  editClusters(edit: {
    readonly put: readonly Omit<ClusterRecord, 'updatedBy'>[];
    readonly remove: readonly string[];
  }): void {
    const doc = this.doc;
    if (!doc) return;
    doc.transact(() => {
      for (const id of edit.remove) removeCluster(doc, id);
      for (const cluster of edit.put)
        putCluster(doc, { ...cluster, label: cluster.label.slice(0, 200), updatedBy: this.me });
    });
  }

  /** Writes the plenary's compromise wording for a field, in my name. */
  setPlenaryFormulation(fieldId: string, text: string): void {
    const doc = this.doc;
    if (doc) setPlenaryFormulation(doc, { fieldId, text, updatedBy: this.me, updatedAt: Date.now() });
  }

  /** Adds a new action (made by the caller with my id as its author). */
  addAction(action: ActionItem): void {
    const doc = this.doc;
    if (doc) putAction(doc, action);
  }

  /**
   * Adds an action decided in plenary from its typed "what" alone, in my name; returns it, or
   * null when the text is empty or there is no document.
   */
  addActionFromText(what: string, locale: Locale): ActionItem | null {
    const action = directAction(what, { id: newNoteId(), createdBy: this.me, now: Date.now(), locale });
    if (!action || !this.doc) return null;
    this.addAction(action);
    return action;
  }

  /**
   * Adds an action made from an inspiration card (dropped on the list, or "Als actie toevoegen"),
   * in my name, remembering the card; returns it, or null when the card is empty or there is no document.
   */
  addActionFromCard(card: CardSource, locale: Locale): ActionItem | null {
    const action = actionFromCard(card, { id: newNoteId(), createdBy: this.me, now: Date.now(), locale });
    if (!action || !this.doc) return null;
    this.addAction(action);
    return action;
  }

  /** Changes an action; author and creation time stay as they are. */
  updateAction(id: string, change: Partial<Omit<ActionItem, 'id' | 'createdBy' | 'createdAt' | 'updatedAt'>>): void {
    const doc = this.doc;
    const current = doc ? readActions(doc).find((a) => a.id === id) : undefined;
    if (!doc || !current) return;
    const next: ActionItem = { ...current, ...change, updatedAt: Date.now() };
    const changed = (Object.keys(change) as (keyof typeof change)[]).some((key) => change[key] !== current[key]);
    if (changed) putAction(doc, next);
  }

  /** Removes an action. */
  removeAction(id: string): void {
    const doc = this.doc;
    if (doc) removeAction(doc, id);
  }
}
