import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  addNote,
  createUndoManager,
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
import type { Actor } from '@dmc/shared/domain/actor';
import { mayEditAsAuthor } from '@dmc/shared/domain/boardRules';
import type { Note, NoteColor } from '@dmc/shared/domain/note';
import { PLENARY_BOARD, boardDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { CLOSE, WRITE_REFUSED_CODES } from '@dmc/shared/protocol/closeCodes';
import { presenceColor, type Presence } from '@dmc/shared/protocol/presence';
import type { AppStore } from '../store';
import { reuseUnchanged } from './noteBridge';
import { parsePresence, peersFrom, PresenceFeed, samePeers, type RemotePresence } from './presence';
import { throttle, type Throttled } from './throttle';

/**
 * The live connection to one board document. Owns the Y.Doc, the websocket provider and the undo
 * manager; bridges notes, presence and connection state into the store; and is the only way the
 * interface changes the board (through the typed mutations of shared/doc/board). When the server
 * refuses a write, the local document is thrown away and a fresh one is synced, so this client
 * never keeps state the server does not have.
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

/** Options for a board client. */
export interface BoardClientOptions {
  readonly session: SessionResponse;
  readonly store: AppStore;
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  readonly boardId?: string;
}

/** The websocket base URL for the current page. */
export function defaultWsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** A url-safe random id (16 random bytes, base64url): matches the note id pattern. */
export function newNoteId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** How long a lost connection may take to come back before we say "offline". */
const OFFLINE_AFTER_MS = 3000;
/** Presence writes: at most one per this many milliseconds. */
const PRESENCE_INTERVAL_MS = 50;
/** Rebuilding after refusals more often than this within a minute means something is stuck. */
const MAX_REBUILDS_PER_MINUTE = 4;

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

/** One Y.Doc with its provider; replaced wholesale after a refused write. */
class Connection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly undo: Y.UndoManager;
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

  constructor(
    private readonly owner: BoardClient,
    private readonly options: BoardClientOptions,
    onClosed: (code: number, reason: string) => void,
  ) {
    const { session, store } = options;
    const board = options.boardId ?? PLENARY_BOARD;
    this.provider = new WebsocketProvider(options.wsBase, `${session.workshop.id}/${boardDocKey(board)}`, this.doc, {
      params: { token: session.token },
      disableBc: true,
    });
    this.undo = createUndoManager(this.doc);

    const { provider, doc, undo } = this;
    const state = store.getState();
    state.setConnection('connecting');
    state.setUnsynced(0);
    state.setHistory(false, false);

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
      this.unsynced.clear();
      const s = store.getState();
      s.setUnsynced(0);
      s.setConnection('connected');
      if (!this.everSynced) {
        this.everSynced = true;
        this.publishing = true;
        this.publishNotes(readNotes(doc));
      }
    });
    provider.on('closed', ({ code, reason }) => {
      if (!this.disposed) onClosed(code, reason);
    });

    this.cleanups.push(
      observeNotes(doc, (notes, local) => {
        // Before the first sync an empty document would flash an empty board over the real one.
        if (local) this.publishing = true;
        if (this.publishing) this.publishNotes(notes);
      }),
    );

    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local || tr.changed.size === 0) return;
      if (provider.wsconnected && provider.synced) return;
      for (const id of changedNoteIds(doc, tr)) this.unsynced.add(id);
      store.getState().setUnsynced(this.unsynced.size);
    };
    doc.on('afterTransaction', onTransaction);
    this.cleanups.push(() => doc.off('afterTransaction', onTransaction));

    const onHistory = () => store.getState().setHistory(undo.canUndo(), undo.canRedo());
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) undo.on(event, onHistory);

    const awareness = provider.awareness;
    awareness.setLocalStateField('user', {
      id: session.participant.id,
      name: session.participant.name,
      color: presenceColor(session.participant.id),
    });
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
      if (!onlySelf) this.owner.presence.set([...this.presenceCache.values()].filter((p) => p.clientId !== doc.clientID));
      publishPeers();
    };
    awareness.on('change', onPresence);
    onPresence({ added: [...awareness.getStates().keys()], updated: [], removed: [] });
    this.cleanups.push(() => {
      awareness.off('change', onPresence);
      publishPeers.cancel();
    });

    const onOffline = () => {
      if (!this.disposed) store.getState().setConnection('offline');
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

  private publishNotes(notes: readonly Note[]): void {
    const s = this.options.store.getState();
    s.setNotes(reuseUnchanged(s.notes, notes));
  }

  private lostConnection(): void {
    const s = this.options.store.getState();
    if (!this.everConnected) {
      s.setConnection(navigator.onLine === false ? 'offline' : 'connecting');
    } else if (s.connection !== 'offline') {
      s.setConnection('reconnecting');
    }
    if (this.offlineTimer === null) {
      this.offlineTimer = setTimeout(() => {
        this.offlineTimer = null;
        if (!this.disposed && !(this.provider.wsconnected && this.provider.synced)) {
          this.options.store.getState().setConnection('offline');
        }
      }, OFFLINE_AFTER_MS);
    }
  }

  private clearOfflineTimer(): void {
    if (this.offlineTimer !== null) clearTimeout(this.offlineTimer);
    this.offlineTimer = null;
  }

  /** Stops everything and frees the document. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearOfflineTimer();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.undo.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** The board as the interface uses it: mutations, undo, presence, lifecycle. */
export class BoardClient {
  readonly presence = new PresenceFeed();
  readonly actor: Actor;
  private connection: Connection | null = null;
  private destroyed = false;
  private rebuilds: number[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly local: {
    cursor: Presence['cursor'];
    drag: Presence['drag'];
    editing: Presence['editing'];
  } = { cursor: null, drag: null, editing: null };
  private readonly sendCursor: Throttled<[]>;
  private readonly sendDrag: Throttled<[]>;

  constructor(private readonly options: BoardClientOptions) {
    this.actor = { id: options.session.participant.id, role: options.session.participant.role };
    this.sendCursor = throttle(() => this.awarenessField('cursor', this.local.cursor ?? null), PRESENCE_INTERVAL_MS);
    this.sendDrag = throttle(() => this.awarenessField('drag', this.local.drag ?? null), PRESENCE_INTERVAL_MS);
  }

  /** Connects. */
  start(): void {
    if (this.destroyed || this.connection) return;
    this.connection = this.open();
  }

  /** Disconnects for good and clears the board state. */
  destroy(): void {
    this.destroyed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.sendCursor.cancel();
    this.sendDrag.cancel();
    this.connection?.dispose();
    this.connection = null;
    this.presence.set([]);
  }

  private open(): Connection {
    return new Connection(this, this.options, (code, reason) => this.onClosed(code, reason));
  }

  private onClosed(code: number, reason: string): void {
    if (this.destroyed) return;
    const store = this.options.store.getState();
    if (WRITE_REFUSED_CODES.includes(code)) {
      const why =
        code === CLOSE.forbidden ? 'notice.refused.forbidden' : code === CLOSE.limit ? 'notice.refused.limit' : 'notice.refused.malformed';
      store.showNotice({ tone: 'warning', key: 'notice.refused', keyVars: { why }, detail: reason });
      this.rebuild();
      return;
    }
    if (code === CLOSE.unauthorized) {
      store.setBoardEnd('unauthorized');
      return;
    }
    if (code === CLOSE.notFound || code === CLOSE.gone) {
      store.setBoardEnd('gone');
      return;
    }
    // Flood protection or another "do not retry as-is" close: wait a little and connect again.
    if (code === CLOSE.tooManyMessages) store.showNotice({ tone: 'warning', key: 'notice.tooManyMessages' });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.destroyed) this.connection?.provider.connect();
    }, 3000);
  }

  /** Throws the local document away and syncs a fresh one from the server. */
  private rebuild(): void {
    const now = Date.now();
    this.rebuilds = this.rebuilds.filter((t) => now - t < 60_000);
    this.rebuilds.push(now);
    const wait = this.rebuilds.length > MAX_REBUILDS_PER_MINUTE ? 10_000 : 0;
    this.connection?.dispose();
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

  /** The current document (replaced after a refused write; do not keep it). */
  get doc(): Y.Doc | null {
    return this.connection?.doc ?? null;
  }

  /** Whether this person may change the text of, or delete, the note. */
  mayEdit(note: Pick<Note, 'authorId'>): boolean {
    return mayEditAsAuthor(this.actor, note);
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
    if (doc) moveNote(doc, id, placement);
  }

  /** Recolours a note. */
  setColor(id: string, color: NoteColor): void {
    const doc = this.doc;
    if (doc) setNoteColor(doc, id, color);
  }

  /** Deletes a note, if this person may. */
  remove(id: string): boolean {
    const doc = this.doc;
    const note = doc ? readNote(doc, id) : undefined;
    if (!doc || !note || !this.mayEdit(note)) return false;
    deleteNote(doc, id);
    return true;
  }

  /** Undoes this person's last change. */
  undo(): void {
    this.connection?.undo.undo();
  }

  /** Redoes this person's last undone change. */
  redo(): void {
    this.connection?.undo.redo();
  }

  /** Ends the current undo step, so the next change is undone separately. */
  stopCapturing(): void {
    this.connection?.undo.stopCapturing();
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

  private awarenessField(field: 'cursor' | 'drag' | 'editing', value: unknown): void {
    const awareness = this.connection?.provider.awareness;
    if (awareness && awareness.getLocalState() !== null) awareness.setLocalStateField(field, value);
  }
}
