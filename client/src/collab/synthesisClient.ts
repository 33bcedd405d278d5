import type * as Y from 'yjs';
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
import { actionFromCard, directAction, type ActionItem, type CardSource } from '@dmc/shared/domain/actionItems';
import type { ClusterRecord } from '@dmc/shared/domain/plenary';
import { PLENARY_BOARD, SYNTHESIS_DOC, type SessionResponse } from '@dmc/shared/protocol/api';
import { checkSynthesisChanges } from '@dmc/shared/domain/synthesisRules';
import type { Locale } from '@dmc/shared/template/types';
import { newNoteId } from './boardClient';
import type { AppStore } from '../store';
import { currentToken } from '../api/sessions';
import { DocConnection, type NetworkEvents } from './docConnection';
import { sessionIsLive } from './sessionSignal';
import { DocWriter } from './docWriter';
import { selectMembership, selectWorkshopState } from '../store/workshopState';

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
  /** Resolves once the session on screen is current; defaults to waiting for the session's sync. */
  readonly sessionCurrent?: () => Promise<void>;
  /** A WebSocket implementation where the platform has none (tests in Node 20). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** The browser's online/offline events (tests); defaults to `window`. */
  readonly network?: NetworkEvents | null;
}

/** The synthesis document as the plenary views use it. */
export class SynthesisClient {
  private connection: DocConnection | null = null;
  private destroyed = false;
  private stopObserving: () => void = () => undefined;
  private readonly writer: DocWriter;
  /** This person's id: every record is written in their own name. */
  readonly me: string;

  constructor(private readonly options: SynthesisClientOptions) {
    this.me = options.session.participant.id;
    const store = options.store;
    this.writer = new DocWriter({
      store,
      collections: SYNTHESIS_COLLECTIONS,
      counted: SYNTHESIS_COLLECTIONS,
      report: (unsynced) => store.getState().setLink('synthesis', { unsynced }),
      unavailable: () => store.getState().showNotice({ tone: 'warning', key: 'notice.unavailable' }),
      allowed: (_doc, change) => {
        const s = store.getState();
        const state = selectWorkshopState(s);
        if (state === null) return true; // unknown: the server decides
        const actor = { id: this.me, role: options.session.participant.role };
        const mayEdit = !state.closed && mayEditSynthesis(actor, state, selectMembership(s));
        return checkSynthesisChanges(actor, [change], mayEdit) === null;
      },
      boardId: PLENARY_BOARD,
      sessionCurrent: options.sessionCurrent ?? (() => sessionIsLive(store)),
    });
  }

  /** Connects. */
  start(): void {
    if (this.destroyed || this.connection) return;
    const { session, store } = this.options;
    store.getState().setSynthesisStatus('connecting');
    store.getState().setLink('synthesis', { status: 'connecting', unsynced: 0 });
    this.connection = new DocConnection(
      {
        wsBase: this.options.wsBase,
        workshopId: session.workshop.id,
        docKey: SYNTHESIS_DOC,
        token: () => currentToken(session),
        // Presence lives on the board; this document carries none.
        user: null,
        onRefusal: 'rebuild',
        WebSocketPolyfill: this.options.WebSocketPolyfill,
        network: this.options.network,
      },
      {
        status: (status) => {
          store.getState().setLink('synthesis', { status });
          if (status !== 'connected' && store.getState().synthesisStatus === 'live')
            store.getState().setSynthesisStatus('connecting');
        },
        attach: (doc) => this.attach(doc),
        synced: (doc, first) => this.synced(doc, first),
        ...this.writer.handlers(),
        refused: (code, reason, refusedDoc) => {
          store.getState().setSynthesisStatus('connecting');
          this.writer.recovery.refused(code, reason, refusedDoc);
        },
        // The board connection says what that means for the page; here there is nothing to retry.
        ended: () => store.getState().setSynthesisStatus('gone'),
      },
    );
    this.writer.use(this.connection);
  }

  /** Disconnects for good and forgets what it reported. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopObserving();
    this.writer.destroy();
    this.connection?.destroy();
    this.connection = null;
    this.options.store.getState().dropLink('synthesis');
    this.options.store.getState().resetSynthesis();
  }

  private attach(doc: Y.Doc): void {
    this.stopObserving();
    const stopSynthesis = observeSynthesis(doc, () => {
      if (this.connection?.doc === doc && this.connection.hasSynced) this.publish(doc);
    });
    const stopTracking = this.writer.track(doc);
    this.stopObserving = () => {
      stopSynthesis();
      stopTracking();
    };
  }

  private synced(doc: Y.Doc, first: boolean): void {
    const store = this.options.store.getState();
    store.setSynthesisStatus('live');
    this.publish(doc);
    this.writer.synced(doc, first, () => !this.destroyed && this.connection?.doc === doc);
  }

  private publish(doc: Y.Doc): void {
    this.options.store.getState().setSynthesis({
      clusters: readClusters(doc),
      plenaryFormulations: readPlenaryFormulations(doc),
      actions: readActions(doc),
    });
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
