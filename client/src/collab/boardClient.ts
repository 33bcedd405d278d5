import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  BOARD_COLLECTIONS,
  addNote,
  deleteNote,
  moveNote,
  notesOf,
  observeNotes,
  readNote,
  readNotes,
  setNoteColor,
  setNoteText,
  type NotePlacement,
} from '@dmc/shared/doc/board';
import {
  observeDiscussion,
  placeVote,
  putDeferral,
  readChoices,
  readDeferrals,
  readFormulations,
  readHighlights,
  readMarks,
  readVotes,
  removeDeferral,
  removeVote,
  setChoice,
  setFormulation,
  setHighlight,
  setMark,
} from '@dmc/shared/doc/discussion';
import { BOARD_SPEC, DRAFT_SPEC, undoManagerFor } from '@dmc/shared/doc/registry';
import { newId } from '@dmc/shared/domain/ids';
import { LOCAL_ORIGIN } from '@dmc/shared/doc/origins';
import { collection } from '@dmc/shared/doc/records';
import type { Actor } from '@dmc/shared/domain/actor';
import { mayEditAsAuthor } from '@dmc/shared/domain/boardRules';
import {
  freeVoteSlot,
  type Choice,
  type Deferral,
  type Formulation,
  type MarkValue,
} from '@dmc/shared/domain/discussion';
import type { Note, NoteColor } from '@dmc/shared/domain/note';
import { PLENARY_BOARD, boardDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { CLOSE, WRITE_REFUSED_CODES } from '@dmc/shared/protocol/closeCodes';
import { presenceColor, type Presence } from '@dmc/shared/protocol/presence';
import type { AppStore, ConnectionPhase } from '../store';
import { reuseUnchanged } from './noteBridge';
import { LINGER_MS, removedNotes } from '../store/noteMerge';
import { parsePresence, peersFrom, PresenceFeed, samePeers, type RemotePresence } from './presence';
import { throttle, type Throttled } from './throttle';
import { authOptions } from './authSocket';
import { currentToken } from '../api/sessions';
import { offlineChanges, unstoredRecordIds, type LostEdit, type OfflineChange } from './offlineChanges';
import { replay, unsavedItems, type ReplayContext } from './offlineReplay';
import { watchServerState } from './serverState';
import { selectMembership, selectWorkshopState } from '../store/workshopState';

/**
 * The live connection to one board document — or to a private draft (silent writing). Owns the
 * Y.Doc, the websocket provider and the undo manager; bridges notes, the discussion collections,
 * presence and connection state into the store; and is the only way the interface changes the
 * document (through the typed mutations of shared/doc). When the server refuses a write, a
 * fresh document is synced and this person's own unsynced changes are replayed on it one by
 * one, as far as the rules allow now (offlineReplay); what is refused and has text is shown
 * under "Niet opgeslagen", so nothing typed vanishes unseen.
 */

/** What a new note needs; the rest (id, author, time, stacking) is filled in here. */
export interface NewNoteInput {
  readonly sheetId: string;
  readonly fieldId: string | null;
  readonly x: number;
  readonly y: number;
  readonly color: NoteColor;
  readonly text: string;
}

/**
 * What a connection is for: `board` is the board on screen (notes, discussion, presence, status);
 * `draft` is my private draft while writing silently; `peek` is someone's draft a facilitator
 * reads (never written).
 */
export type BoardRole = 'board' | 'draft' | 'peek';

/** Options for a board client. */
export interface BoardClientOptions {
  readonly session: SessionResponse;
  readonly store: AppStore;
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  /** The board (`plenary` or a subgroup id); used for the default document key. */
  readonly boardId?: string;
  /** The document key; defaults to the board's (`board-<boardId>`), `draft-<id>` for drafts. */
  readonly docKey?: string;
  /** Defaults to `board`. */
  readonly role?: BoardRole;
  /** Whose draft this is (roles `draft` and `peek`). */
  readonly ownerId?: string;
}

/** The websocket base URL for the current page. */
export function defaultWsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** A url-safe random id for a note (domain/ids.ts: 16 random bytes, base64url). */
export function newNoteId(): string {
  return newId();
}

/** How long a lost connection may take to come back before we say "offline". */
const OFFLINE_AFTER_MS = 3000;
/** Presence writes: at most one per this many milliseconds. */
const PRESENCE_INTERVAL_MS = 50;
/** The view in presence (follow mode) changes with every pan; fewer updates are plenty. */
const VIEW_INTERVAL_MS = 150;
/** Rebuilding after refusals more often than this within a minute means something is stuck. */
const MAX_REBUILDS_PER_MINUTE = 4;
/** Origin of the tidying moves after a reveal: changes, but not undo steps. */
const TIDY_ORIGIN = Object.freeze({ name: 'tidy' });
/** A refusal this soon after the phase changed is explained as the phase change, not as an error. */
const PHASE_RACE_MS = 8000;
/** Replays after refusals: the most rounds in one episode (each round drops at least one change). */
const MAX_REPLAY_ROUNDS = 12;
/** How long a replay waits for the session document to be current before the server decides alone. */
const SESSION_WAIT_MS = 5000;
/** Origin of replayed offline changes: local (sent), but not an undo step. */
const REPLAY_ORIGIN = Object.freeze({ name: 'replay' });

/**
 * The ids of the notes a transaction touched: keys changed on the notes collection itself (added,
 * deleted) and the keys of changed note records. Read-only inspection of the transaction.
 */
function changedNoteIds(doc: Y.Doc, tr: Y.Transaction): string[] {
  const notes = notesOf(doc);
  const ids: string[] = [];
  tr.changed.forEach((keys, type) => {
    // Identity check across Yjs' invariant generic types.
    if ((type as unknown) === notes) {
      for (const key of keys) if (key !== null) ids.push(key);
    } else if (type._item?.parent === notes && typeof type._item.parentSub === 'string') {
      ids.push(type._item.parentSub);
    }
  });
  return ids;
}

/** Whether a transaction changed a collection (a record in it, or the collection itself). */
function touched(tr: Y.Transaction, coll: unknown): boolean {
  for (const type of tr.changed.keys()) {
    // Identity checks across Yjs' invariant generic types.
    if ((type as unknown) === coll || (type._item?.parent as unknown) === coll) return true;
  }
  return false;
}

/**
 * Undoing a mark or a dot re-creates it, and the server refuses a mark or dot on a note that no
 * longer exists. When someone else deletes a note while my history holds marks or dots, the
 * history is forgotten rather than let an undo send something the server would refuse.
 */
export function guardDiscussionUndo(doc: Y.Doc, undo: Y.UndoManager): () => void {
  const notes = notesOf(doc);
  const marks = collection(doc, 'marks');
  const votes = collection(doc, 'votes');
  let inHistory = false;
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.local) {
      if (touched(tr, marks) || touched(tr, votes)) inHistory = true;
      return;
    }
    if (!inHistory) return;
    let gone = false;
    tr.changed.forEach((keys, type) => {
      if ((type as unknown) === notes) for (const id of keys) if (id !== null && !notes.has(id)) gone = true;
    });
    if (gone) {
      undo.clear();
      inHistory = false;
    }
  };
  const onCleared = () => {
    inHistory = false;
  };
  doc.on('afterTransaction', onTransaction);
  undo.on('stack-cleared', onCleared);
  return () => {
    doc.off('afterTransaction', onTransaction);
    undo.off('stack-cleared', onCleared);
  };
}

/** Where a connection reports to: the store, differently per role. */
interface Sink {
  notes(notes: readonly Note[], local: boolean): void;
  discussion(doc: Y.Doc): void;
  connection(phase: ConnectionPhase): void;
  /** The current phase as reported, to decide between "reconnecting" and "offline". */
  connectionNow(): ConnectionPhase;
  unsynced(count: number): void;
  history(canUndo: boolean, canRedo: boolean): void;
  /** Forgets what this client reported (when it is destroyed). */
  clear(): void;
}

function boardSink(store: AppStore): Sink {
  return {
    notes: (notes) => store.getState().setNotes(reuseUnchanged(store.getState().boardNotes, notes)),
    discussion: (doc) =>
      store.getState().setDiscussion({
        marks: readMarks(doc),
        votes: readVotes(doc),
        formulations: readFormulations(doc),
        deferrals: readDeferrals(doc),
        highlights: readHighlights(doc),
        choices: readChoices(doc),
      }),
    connection: (phase) => store.getState().setConnection(phase),
    connectionNow: () => store.getState().connection,
    unsynced: (count) => store.getState().setUnsynced(count),
    history: (canUndo, canRedo) => store.getState().setHistory(canUndo, canRedo),
    clear: () => undefined,
  };
}

function draftSink(store: AppStore, ownerId: string, own: boolean): Sink {
  let pruneTimer: ReturnType<typeof setTimeout> | null = null;
  const schedulePrune = () => {
    if (pruneTimer !== null) clearTimeout(pruneTimer);
    pruneTimer = setTimeout(() => {
      pruneTimer = null;
      store.getState().pruneLingering(Date.now());
    }, LINGER_MS + 50);
  };
  return {
    notes: (notes, local) => {
      const state = store.getState();
      const previous = state.drafts[ownerId] ?? [];
      if (!local) {
        // Notes the server took out of the draft (the reveal) stay until the board shows them.
        const gone = removedNotes(previous, notes);
        if (gone.length > 0) {
          const until = Date.now() + LINGER_MS;
          state.addLingering(gone.map((note) => ({ note, ownerId, until })));
          schedulePrune();
        }
      }
      store.getState().setDraftNotes(ownerId, reuseUnchanged(previous, notes));
    },
    discussion: () => undefined,
    connection: (connection) => {
      if (own) store.getState().setDraftStatus({ connection });
    },
    connectionNow: () => store.getState().draft.connection ?? 'connecting',
    unsynced: (unsynced) => {
      if (own) store.getState().setDraftStatus({ unsynced });
    },
    history: (canUndo, canRedo) => {
      if (own) store.getState().setDraftStatus({ canUndo, canRedo });
    },
    clear: () => {
      if (pruneTimer !== null) clearTimeout(pruneTimer);
      store.getState().setDraftNotes(ownerId, null);
      if (own) store.getState().setDraftStatus({ connection: null, unsynced: 0, canUndo: false, canRedo: false });
    },
  };
}

/** What a connection tells its board client. */
interface ConnectionEvents {
  /** The server closed for good (a 44xx code). */
  closed(code: number, reason: string): void;
  /** The document synced for the first time. */
  firstSync(connection: Connection): void;
  /** The server could not store a change (it is sent again after reconnecting). */
  unavailable(): void;
  /** The server confirmed it has every change sent so far. */
  confirmed(): void;
}

/** One Y.Doc with its provider; replaced wholesale after a refused write. */
class Connection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly undo: Y.UndoManager | null;
  private everSynced = false;
  /** Notes go to the store once synced, or once this person changed something (offline start). */
  private publishing = false;
  private everConnected = false;
  /** Notes changed locally while not in sync; their count is what the status shows. */
  private readonly unsynced = new Set<string>();
  private offlineTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly presenceCache = new Map<number, RemotePresence>();
  private readonly cleanups: Array<() => void> = [];
  private disposed = false;

  /** Asks the server to confirm what it stored (see serverState). */
  private readonly serverState: { probe(): void; stop(): void };
  /** A confirmation was asked for and has not arrived. */
  private awaitingConfirmation = false;

  constructor(
    private readonly owner: BoardClient,
    options: BoardClientOptions,
    private readonly sink: Sink,
    events: ConnectionEvents,
  ) {
    const { session, store } = options;
    const role = options.role ?? 'board';
    const docKey = options.docKey ?? boardDocKey(options.boardId ?? PLENARY_BOARD);
    this.provider = new WebsocketProvider(options.wsBase, `${session.workshop.id}/${docKey}`, this.doc, {
      ...authOptions(() => currentToken(session)),
      disableBc: true,
    });
    // Only the board itself carries presence; a draft is nobody's meeting place.
    // The undoable collections are declared in the registry (notes, marks, votes, deferrals).
    this.undo =
      role === 'board'
        ? undoManagerFor(this.doc, BOARD_SPEC)
        : role === 'draft'
          ? undoManagerFor(this.doc, DRAFT_SPEC)
          : null;

    const { provider, doc, undo } = this;
    sink.connection('connecting');
    sink.unsynced(0);
    sink.history(false, false);

    provider.on('status', ({ status }) => {
      if (this.disposed) return;
      if (status === 'connected') {
        this.everConnected = true;
        return; // "connected" is shown once the document is in sync.
      }
      this.lostConnection();
    });
    provider.on('sync', (synced) => {
      if (this.disposed || !synced) return;
      this.clearOfflineTimer();
      sink.connection('connected');
      // What changed offline counts as unsaved until the server confirms it stored it.
      if (this.unsynced.size > 0 || this.awaitingConfirmation) this.confirm();
      if (!this.everSynced) {
        this.everSynced = true;
        this.publishing = true;
        sink.notes(readNotes(doc), false);
        sink.discussion(doc);
        events.firstSync(this);
      }
    });
    provider.on('closed', ({ code, reason }) => {
      if (!this.disposed) events.closed(code, reason);
    });
    provider.on('connection-close', (event) => {
      // Retryable: the provider reconnects by itself and sends what the server lacks again.
      if (!this.disposed && event?.code === CLOSE.unavailable) {
        this.awaitingConfirmation = true;
        events.unavailable();
      }
    });
    this.serverState = watchServerState(provider, {
      serverState: (stateVector) => {
        if (this.disposed) return;
        // The server's state as it takes us in: whatever of ours it lacks is not saved yet.
        const missing = unstoredRecordIds(doc, stateVector, 'notes');
        if (missing.size === 0 && !this.awaitingConfirmation) return;
        for (const id of missing) this.unsynced.add(id);
        this.awaitingConfirmation = true;
        sink.unsynced(this.unsynced.size);
      },
      confirmed: () => {
        if (this.disposed) return;
        this.awaitingConfirmation = false;
        this.unsynced.clear();
        sink.unsynced(0);
        events.confirmed();
      },
    });
    this.cleanups.push(() => this.serverState.stop());

    this.cleanups.push(
      observeNotes(doc, (notes, local) => {
        // Before the first sync an empty document would flash an empty board over the real one.
        if (local) this.publishing = true;
        if (this.publishing) sink.notes(notes, local);
      }),
    );
    if (role === 'board') {
      this.cleanups.push(
        observeDiscussion(doc, () => {
          if (this.publishing) sink.discussion(doc);
        }),
      );
    }

    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local || tr.changed.size === 0) return;
      if (provider.wsconnected && provider.synced && !this.awaitingConfirmation) return;
      for (const id of changedNoteIds(doc, tr)) this.unsynced.add(id);
      sink.unsynced(this.unsynced.size);
    };
    doc.on('afterTransaction', onTransaction);
    this.cleanups.push(() => doc.off('afterTransaction', onTransaction));

    if (undo) {
      const onHistory = () => sink.history(undo.canUndo(), undo.canRedo());
      for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
        undo.on(event, onHistory);
      if (role === 'board') this.cleanups.push(guardDiscussionUndo(doc, undo));
    }

    const awareness = provider.awareness;
    if (role === 'board') {
      awareness.setLocalStateField('user', {
        id: session.participant.id,
        name: session.participant.name,
        color: presenceColor(session.participant.id),
      });
      const local = owner.localPresence();
      if (local.view) awareness.setLocalStateField('view', local.view);
      const publishPeers = throttle(() => {
        const peers = peersFrom(this.presenceCache.values(), doc.clientID);
        if (!samePeers(peers, store.getState().peers)) store.getState().setPeers(peers);
      }, 150);
      const onPresence = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const states = awareness.getStates();
        for (const id of [...added, ...updated]) {
          const parsed = parsePresence(id, states.get(id));
          if (parsed) this.presenceCache.set(id, parsed);
          else this.presenceCache.delete(id);
        }
        for (const id of removed) this.presenceCache.delete(id);
        // Our own cursor moves change nothing that others' overlay draws.
        const onlySelf = [...added, ...updated, ...removed].every((id) => id === doc.clientID);
        if (!onlySelf)
          this.owner.presence.set([...this.presenceCache.values()].filter((p) => p.clientId !== doc.clientID));
        publishPeers();
      };
      awareness.on('change', onPresence);
      onPresence({ added: [...awareness.getStates().keys()], updated: [], removed: [] });
      this.cleanups.push(() => {
        awareness.off('change', onPresence);
        publishPeers.cancel();
      });
    } else {
      // No presence at all: nothing is sent, and nobody sees who reads a draft.
      awareness.setLocalState(null);
    }

    const onOffline = () => {
      if (!this.disposed) sink.connection('offline');
    };
    const onOnline = () => {
      if (!this.disposed && !provider.wsconnected && provider.shouldConnect) provider.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    this.cleanups.push(() => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    });
  }

  private lostConnection(): void {
    if (!this.everConnected) {
      this.sink.connection(navigator.onLine === false ? 'offline' : 'connecting');
    } else if (this.sink.connectionNow() !== 'offline') {
      this.sink.connection('reconnecting');
    }
    if (this.offlineTimer === null) {
      this.offlineTimer = setTimeout(() => {
        this.offlineTimer = null;
        if (!this.disposed && !(this.provider.wsconnected && this.provider.synced)) this.sink.connection('offline');
      }, OFFLINE_AFTER_MS);
    }
  }

  private clearOfflineTimer(): void {
    if (this.offlineTimer !== null) clearTimeout(this.offlineTimer);
    this.offlineTimer = null;
  }

  /** The notes changed here that the server has not confirmed, as they are now. */
  pendingNotes(): Note[] {
    if (this.disposed) return [];
    return [...this.unsynced].flatMap((id) => {
      const note = readNote(this.doc, id);
      return note ? [note] : [];
    });
  }

  /**
   * Counts these notes as not yet saved and asks the server to confirm once it has them (after
   * a replay, or after reconnecting with offline changes).
   */
  confirm(noteIds: readonly string[] = []): void {
    for (const id of noteIds) this.unsynced.add(id);
    if (noteIds.length > 0) this.sink.unsynced(this.unsynced.size);
    this.awaitingConfirmation = true;
    if (this.provider.wsconnected && this.provider.synced) this.serverState.probe();
  }

  /** Stops everything and frees the document; with `keepDoc`, the document is handed back instead. */
  dispose(keepDoc = false): Y.Doc | null {
    if (this.disposed) return null;
    this.disposed = true;
    this.clearOfflineTimer();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.undo?.destroy();
    this.provider.destroy();
    if (keepDoc) return this.doc;
    this.doc.destroy();
    return null;
  }
}

/** A view in presence: which board and sheet this person looks at, and where. */
export type PresenceView = NonNullable<Presence['view']>;

/** The board (or a draft) as the interface uses it: mutations, undo, presence, lifecycle. */
export class BoardClient {
  readonly presence = new PresenceFeed();
  readonly actor: Actor;
  readonly role: BoardRole;
  /** The board this client is about (`plenary` or a subgroup id). */
  readonly boardId: string;
  private readonly sink: Sink;
  private connection: Connection | null = null;
  private destroyed = false;
  private stopped = false;
  private rebuilds: number[] = [];
  /** Refused documents whose own changes are still to be taken out (after the next sync). */
  private readonly carried: Y.Doc[] = [];
  /** Own changes taken out of refused documents, waiting to be replayed. */
  private backlog: { changes: OfflineChange[]; lost: LostEdit[] } = { changes: [], lost: [] };
  /** What the last replay sent, until the server confirms it (null: no replay under way). */
  private lastReplay: readonly string[] | null = null;
  private rounds = 0;
  /** The refusal that started the current rebuild. */
  private refusal: { code: number; reason: string } | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly local: {
    cursor: Presence['cursor'];
    drag: Presence['drag'];
    editing: Presence['editing'];
    view: Presence['view'];
  } = { cursor: null, drag: null, editing: null, view: null };
  private readonly sendCursor: Throttled<[]>;
  private readonly sendDrag: Throttled<[]>;
  private readonly sendView: Throttled<[]>;

  constructor(private readonly options: BoardClientOptions) {
    this.actor = { id: options.session.participant.id, role: options.session.participant.role };
    this.role = options.role ?? 'board';
    this.boardId = options.boardId ?? PLENARY_BOARD;
    const owner = options.ownerId ?? options.session.participant.id;
    this.sink =
      this.role === 'board' ? boardSink(options.store) : draftSink(options.store, owner, this.role === 'draft');
    this.sendCursor = throttle(() => this.awarenessField('cursor', this.local.cursor ?? null), PRESENCE_INTERVAL_MS);
    this.sendDrag = throttle(() => this.awarenessField('drag', this.local.drag ?? null), PRESENCE_INTERVAL_MS);
    this.sendView = throttle(() => this.awarenessField('view', this.local.view ?? null), VIEW_INTERVAL_MS);
  }

  /** Connects. */
  start(): void {
    if (this.destroyed || this.connection) return;
    this.connection = this.open();
  }

  /** Disconnects for good and forgets what this client reported. */
  destroy(): void {
    if (!this.destroyed) this.handBackUnsaved();
    this.destroyed = true;
    for (const old of this.carried.splice(0)) old.destroy();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.noticeTimer !== null) clearTimeout(this.noticeTimer);
    this.sendCursor.cancel();
    this.sendDrag.cancel();
    this.sendView.cancel();
    this.connection?.dispose();
    this.connection = null;
    this.presence.set([]);
    this.sink.clear();
  }

  /**
   * Going away with changes the server has not confirmed (the screen moved to another board, a
   * draft closed while offline): the notes among them that this person wrote go to "Niet
   * opgeslagen" rather than vanish with the document.
   */
  private handBackUnsaved(): void {
    if (this.role === 'peek') return;
    const { changes, lost } = this.backlog;
    const pending = this.connection?.pendingNotes() ?? [];
    if (changes.length === 0 && lost.length === 0 && pending.length === 0) return;
    const { items } = unsavedItems(changes, lost, this.boardId);
    for (const note of pending) {
      if (note.authorId === this.actor.id && note.text.trim() !== '') {
        items.push({
          id: `notes/${note.id}`,
          kind: 'note',
          text: note.text,
          boardId: this.boardId,
          sheetId: note.sheetId,
          fieldId: note.fieldId,
          x: note.x,
          y: note.y,
          color: note.color,
        });
      }
    }
    if (items.length === 0) return;
    const store = this.options.store.getState();
    store.addUnsaved(items);
    store.showNotice({
      tone: 'warning',
      key: items.length === 1 ? 'notice.unsavedOne' : 'notice.unsavedMany',
      vars: { count: items.length },
    });
  }

  /** Whether this client gave up on its document (a draft or peek the server no longer opens). */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** What this person shares in presence right now (a new connection starts from it). */
  localPresence(): Readonly<{ view: Presence['view'] }> {
    return { view: this.local.view };
  }

  private open(): Connection {
    return new Connection(this, this.options, this.sink, {
      closed: (code, reason) => this.onClosed(code, reason),
      firstSync: (connection) => this.recover(connection),
      unavailable: () => this.options.store.getState().showNotice({ tone: 'warning', key: 'notice.unavailable' }),
      confirmed: () => {
        // Everything replayed is stored: the next refusal starts a new episode.
        this.lastReplay = null;
        this.rounds = 0;
      },
    });
  }

  private onClosed(code: number, reason: string): void {
    if (this.destroyed) return;
    const store = this.options.store.getState();
    if (WRITE_REFUSED_CODES.includes(code)) {
      this.refusal = { code, reason };
      this.rebuild();
      return;
    }
    if (this.role !== 'board') {
      // A draft that is not (or no longer) open to us: stop quietly; the board tells the rest.
      if (code === CLOSE.unauthorized && this.role === 'draft') store.setBoardEnd('unauthorized');
      if (code === CLOSE.unauthorized || code === CLOSE.notFound || code === CLOSE.gone || code === CLOSE.hidden) {
        this.stopped = true;
        return;
      }
    } else {
      if (code === CLOSE.unauthorized) {
        store.setBoardEnd('unauthorized');
        return;
      }
      if (code === CLOSE.notFound || code === CLOSE.gone) {
        store.setBoardEnd('gone');
        return;
      }
    }
    // Hidden (the phase moved on; the screen will switch boards), flood protection or another
    // "do not retry as-is" close: wait a little and connect again.
    if (code === CLOSE.tooManyMessages) store.showNotice({ tone: 'warning', key: 'notice.tooManyMessages' });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.destroyed) this.connection?.provider.connect();
    }, 3000);
  }

  /**
   * Tells the person a change was not kept. Right after a phase change that is expected (a
   * keystroke crossed the facilitator's click); the session's news may arrive a moment after the
   * refusal, so the choice of words waits for it.
   */
  private explainRefusal(code: number, reason: string): void {
    if (this.noticeTimer !== null) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = null;
      if (this.destroyed) return;
      const store = this.options.store.getState();
      if (Date.now() - store.phaseChangedAt < PHASE_RACE_MS) {
        store.showNotice({ tone: 'info', key: 'notice.refused.phaseChanged' });
        return;
      }
      const why =
        code === CLOSE.forbidden
          ? 'notice.refused.forbidden'
          : code === CLOSE.limit
            ? 'notice.refused.limit'
            : 'notice.refused.malformed';
      store.showNotice({ tone: 'warning', key: 'notice.refused', keyVars: { why }, detail: reason });
    }, 800);
  }

  /**
   * Syncs a fresh document from the server. The refused one is kept until then: what this
   * person changed in it is replayed against the fresh one (see recover), never dropped unseen.
   */
  private rebuild(): void {
    const now = Date.now();
    this.rebuilds = this.rebuilds.filter((t) => now - t < 60_000);
    this.rebuilds.push(now);
    const wait = this.rebuilds.length > MAX_REBUILDS_PER_MINUTE ? 10_000 : 0;
    const kept = this.connection?.dispose(this.role !== 'peek') ?? null;
    if (kept) this.carried.push(kept);
    this.connection = null;
    this.presence.set([]);
    this.local.drag = null;
    this.local.editing = null;
    const reopen = () => {
      this.retryTimer = null;
      if (!this.destroyed) this.connection = this.open();
    };
    if (wait > 0) this.retryTimer = setTimeout(reopen, wait);
    else reopen();
  }

  /**
   * A fresh document synced after a refusal: takes this person's own changes out of the refused
   * documents, waits until the phase on screen is current, and replays each change on its own,
   * as far as the rules allow now. What is refused and has text goes to "Niet opgeslagen".
   */
  private recover(connection: Connection): void {
    const collections = this.role === 'board' ? BOARD_COLLECTIONS : ['notes'];
    for (const old of this.carried.splice(0)) {
      try {
        const found = offlineChanges(old, connection.doc, collections);
        this.backlog.changes.push(...found.changes);
        this.backlog.lost.push(...found.lost);
      } finally {
        old.destroy();
      }
    }
    const refusal = this.refusal;
    this.refusal = null;
    if (this.backlog.changes.length === 0 && this.backlog.lost.length === 0) {
      this.lastReplay = null;
      if (refusal) this.explainRefusal(refusal.code, refusal.reason);
      return;
    }
    void this.sessionCurrent().then(() => {
      if (this.destroyed || this.connection !== connection) return; // replayed on the next fresh document
      this.replayBacklog(connection);
    });
  }

  /** Resolves once the session document is in sync (bounded: the server judges anyway). */
  private sessionCurrent(): Promise<void> {
    const store = this.options.store;
    if (store.getState().sessionLive) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop();
        resolve();
      };
      const timer = setTimeout(done, SESSION_WAIT_MS);
      const stop = store.subscribe((s) => {
        if (s.sessionLive) done();
      });
    });
  }

  private replayBacklog(connection: Connection): void {
    const { changes, lost } = this.backlog;
    this.backlog = { changes: [], lost: [] };
    if (this.lastReplay !== null) this.rounds++;
    const store = this.options.store.getState();
    const ctx = this.replayContext();
    // Bounded: every round after a refused replay drops at least the refused change; past this
    // many rounds, everything left is handed back rather than tried again.
    const outcome =
      this.rounds > MAX_REPLAY_ROUNDS
        ? { sent: [], refused: changes }
        : replay(connection.doc, changes, ctx, REPLAY_ORIGIN, this.lastReplay);
    this.lastReplay = outcome.sent.length > 0 ? outcome.sent : null;
    const sentNotes = outcome.sent.filter((key) => key.startsWith('notes/')).map((key) => key.slice('notes/'.length));
    if (outcome.sent.length > 0) connection.confirm(sentNotes);
    const { items, dropped } = unsavedItems(outcome.refused, lost, this.boardId);
    if (items.length > 0) {
      store.addUnsaved(items);
      store.showNotice({
        tone: 'warning',
        key: items.length === 1 ? 'notice.unsavedOne' : 'notice.unsavedMany',
        vars: { count: items.length },
      });
    } else if (dropped > 0) {
      store.showNotice({
        tone: 'info',
        key: dropped === 1 ? 'notice.droppedOne' : 'notice.droppedMany',
        vars: { count: dropped, kept: outcome.sent.length },
      });
    } else if (outcome.sent.length > 0) {
      store.showNotice({ tone: 'info', key: 'notice.replayed', vars: { count: outcome.sent.length } });
    }
  }

  /** The situation the rules judge a replay in: this document, this person, the workshop now. */
  private replayContext(): ReplayContext {
    const s = this.options.store.getState();
    return {
      actor: this.actor,
      boardId: this.role === 'board' ? this.boardId : (this.options.ownerId ?? this.actor.id),
      kind: this.role === 'board' ? 'board' : 'draft',
      state: selectWorkshopState(s),
      membership: selectMembership(s),
      dotsPerPerson: s.settings?.dotsPerPerson ?? s.session?.workshop.dotsPerPerson ?? 0,
    };
  }

  /** The current document (replaced after a refused write; do not keep it). */
  get doc(): Y.Doc | null {
    return this.connection?.doc ?? null;
  }

  /** Whether this person may change the text of, or delete, the note (authorship only; phases: workshop/capabilities). */
  mayEdit(note: Pick<Note, 'authorId'>): boolean {
    return mayEditAsAuthor(this.actor, note);
  }

  /** Whether the note is in this document. */
  has(noteId: string): boolean {
    const doc = this.doc;
    return doc !== null && readNote(doc, noteId) !== undefined;
  }

  /** Adds a note written by this person. */
  addNote(input: NewNoteInput): Note | null {
    const doc = this.doc;
    if (!doc) return null;
    return addNote(doc, { ...input, id: newNoteId(), authorId: this.actor.id });
  }

  /** Changes a note's text, if this person may. */
  setText(id: string, text: string): void {
    const doc = this.doc;
    const note = doc ? readNote(doc, id) : undefined;
    if (!doc || !note || !this.mayEdit(note) || note.text === text) return;
    setNoteText(doc, id, text);
  }

  /** Moves a note (one undo step). */
  move(id: string, placement: NotePlacement): void {
    const doc = this.doc;
    if (doc && readNote(doc, id)) moveNote(doc, id, placement);
  }

  /** Moves notes without making it an undo step (tidying up after the reveal is not the person's own act). */
  tidy(moves: readonly { noteId: string; placement: NotePlacement }[]): void {
    const doc = this.doc;
    if (!doc || moves.length === 0) return;
    doc.transact(() => {
      for (const { noteId, placement } of moves)
        if (readNote(doc, noteId)) moveNote(doc, noteId, placement, TIDY_ORIGIN);
    }, TIDY_ORIGIN);
  }

  /** Recolours a note. */
  setColor(id: string, color: NoteColor): void {
    const doc = this.doc;
    const note = doc ? readNote(doc, id) : undefined;
    if (doc && note && note.color !== color) setNoteColor(doc, id, color);
  }

  /** Deletes a note, if this person may. */
  remove(id: string): boolean {
    const doc = this.doc;
    const note = doc ? readNote(doc, id) : undefined;
    if (!doc || !note || !this.mayEdit(note)) return false;
    deleteNote(doc, id);
    return true;
  }

  /** Sets (or with null, clears) my mark on a note. */
  setMark(noteId: string, value: MarkValue | null): void {
    const doc = this.doc;
    if (!doc || !readNote(doc, noteId)) return;
    this.stopCapturing();
    setMark(doc, noteId, this.actor.id, value);
  }

  /** Places one of my dots on a note; false when all dots are used. */
  placeVote(noteId: string, dotsPerPerson: number): boolean {
    const doc = this.doc;
    if (!doc || !readNote(doc, noteId)) return false;
    const slot = freeVoteSlot(readVotes(doc), this.actor.id, dotsPerPerson);
    if (slot === null) return false;
    this.stopCapturing();
    placeVote(doc, noteId, this.actor.id, slot);
    return true;
  }

  /** Takes one of my dots back from a note; false when I have none there. */
  removeVote(noteId: string): boolean {
    const doc = this.doc;
    if (!doc) return false;
    const slots = readVotes(doc)
      .filter((v) => v.participantId === this.actor.id && v.noteId === noteId)
      .map((v) => v.slot);
    if (slots.length === 0) return false;
    this.stopCapturing();
    removeVote(doc, this.actor.id, Math.max(...slots));
    return true;
  }

  /** Saves a field's agreed wording in my name. */
  setFormulation(formulation: Omit<Formulation, 'updatedBy' | 'updatedAt'>): void {
    const doc = this.doc;
    if (!doc) return;
    setFormulation(doc, { ...formulation, updatedBy: this.actor.id, updatedAt: Date.now() });
  }

  /** Removes a field's agreed wording (facilitators). */
  removeFormulation(fieldId: string): void {
    const doc = this.doc;
    if (doc) doc.transact(() => collection(doc, 'formulations').delete(fieldId), LOCAL_ORIGIN);
  }

  /** Adds or edits a question the group cannot answer now. */
  putDeferral(deferral: Deferral): void {
    const doc = this.doc;
    if (!doc) return;
    this.stopCapturing();
    putDeferral(doc, deferral);
  }

  /** Removes a question the group cannot answer now. */
  removeDeferral(id: string): void {
    const doc = this.doc;
    if (!doc) return;
    this.stopCapturing();
    removeDeferral(doc, id);
  }

  /** Marks or unmarks a note as a highlight for the presentation. */
  setHighlight(noteId: string, on: boolean): void {
    const doc = this.doc;
    if (!doc || (on && !readNote(doc, noteId))) return;
    setHighlight(doc, noteId, this.actor.id, on);
  }

  /**
   * Marks a note (or the field's agreed wording) as the group's choice in my name, or takes the
   * choice back. A note must be on the board: a private note cannot be chosen.
   */
  setChoice(target: Pick<Choice, 'fieldId' | 'targetKind' | 'targetId'>, on: boolean): void {
    const doc = this.doc;
    if (!doc) return;
    if (on && target.targetKind === 'note' && !readNote(doc, target.targetId)) return;
    setChoice(doc, { ...target, by: this.actor.id }, on);
  }

  /** Undoes this person's last change. */
  undo(): void {
    this.connection?.undo?.undo();
  }

  /** Redoes this person's last undone change. */
  redo(): void {
    this.connection?.undo?.redo();
  }

  /** Ends the current undo step, so the next change is undone separately. */
  stopCapturing(): void {
    this.connection?.undo?.stopCapturing();
  }

  /** Forgets the undo history: after a phase change the old steps may no longer be allowed. */
  clearHistory(): void {
    this.connection?.undo?.clear();
  }

  /** Shares where the pointer is on a sheet (null: not over the canvas). Throttled. */
  setCursor(cursor: Presence['cursor']): void {
    this.local.cursor = cursor ?? null;
    this.sendCursor();
    if (cursor === null) this.sendCursor.flush();
  }

  /** Shares a note being dragged (null when dropped). Throttled; the drop is sent at once. */
  setDrag(drag: Presence['drag']): void {
    this.local.drag = drag ?? null;
    this.sendDrag();
    if (drag === null) this.sendDrag.flush();
  }

  /** Shares which note this person is typing in. */
  setEditing(noteId: string | null): void {
    if (this.local.editing === noteId) return;
    this.local.editing = noteId;
    this.awarenessField('editing', noteId);
  }

  /** Shares what this person is looking at (follow mode). Throttled. */
  setView(view: PresenceView | null): void {
    const current = this.local.view;
    if (
      current &&
      view &&
      current.boardId === view.boardId &&
      current.sheetId === view.sheetId &&
      current.x === view.x &&
      current.y === view.y &&
      current.scale === view.scale
    )
      return;
    this.local.view = view;
    this.sendView();
  }

  private awarenessField(field: 'cursor' | 'drag' | 'editing' | 'view', value: unknown): void {
    if (this.role !== 'board') return;
    const awareness = this.connection?.provider.awareness;
    if (awareness && awareness.getLocalState() !== null) awareness.setLocalStateField(field, value);
  }
}
