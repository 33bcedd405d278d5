import type { WebsocketProvider } from 'y-websocket';
import type { Presence } from '@dmc/shared/protocol/presence';
import type { AppStore } from '../store';
import { parsePresence, peersFrom, PresenceFeed, samePeers, type RemotePresence } from './presence';
import { throttle, type Throttled } from './throttle';

/**
 * Presence on the board on screen: the others' cursors, drags, typing and views go to a feed the
 * overlay reads (many times a second), the list of people to the store (rarely); this person's
 * own cursor, drag, typing and view go out throttled. Drafts and readers carry no presence.
 */

/** A view in presence: which board and sheet this person looks at, and where. */
export type PresenceView = NonNullable<Presence['view']>;

/** Presence writes: at most one per this many milliseconds. */
const PRESENCE_INTERVAL_MS = 50;
/** The view in presence (follow mode) changes with every pan; fewer updates are plenty. */
const VIEW_INTERVAL_MS = 150;
/** The people list: a few updates a second are plenty. */
const PEERS_INTERVAL_MS = 150;

type Field = 'cursor' | 'drag' | 'editing' | 'view';

/** The board's presence, across the providers a refused write replaces. */
export class BoardPresence {
  readonly feed = new PresenceFeed();
  private provider: WebsocketProvider | null = null;
  private detach: (() => void) | null = null;
  private readonly local: {
    cursor: Presence['cursor'];
    drag: Presence['drag'];
    editing: Presence['editing'];
    view: Presence['view'];
  } = { cursor: null, drag: null, editing: null, view: null };
  private readonly sendCursor: Throttled<[]>;
  private readonly sendDrag: Throttled<[]>;
  private readonly sendView: Throttled<[]>;

  constructor(private readonly store: AppStore) {
    this.sendCursor = throttle(() => this.send('cursor', this.local.cursor ?? null), PRESENCE_INTERVAL_MS);
    this.sendDrag = throttle(() => this.send('drag', this.local.drag ?? null), PRESENCE_INTERVAL_MS);
    this.sendView = throttle(() => this.send('view', this.local.view ?? null), VIEW_INTERVAL_MS);
  }

  /** Follows a new provider (the first, or the one after a refused write). */
  attach(provider: WebsocketProvider): void {
    this.detach?.();
    this.provider = provider;
    // A fresh document starts without a drag or a typing note: those belonged to the refused one.
    this.local.drag = null;
    this.local.editing = null;
    this.feed.set([]);
    const awareness = provider.awareness;
    if (this.local.view) awareness.setLocalStateField('view', this.local.view);
    const cache = new Map<number, RemotePresence>();
    const selfId = () => provider.doc.clientID;
    const publishPeers = throttle(() => {
      const peers = peersFrom(cache.values(), selfId());
      if (!samePeers(peers, this.store.getState().peers)) this.store.getState().setPeers(peers);
    }, PEERS_INTERVAL_MS);
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const states = awareness.getStates();
      for (const id of [...added, ...updated]) {
        const parsed = parsePresence(id, states.get(id));
        if (parsed) cache.set(id, parsed);
        else cache.delete(id);
      }
      for (const id of removed) cache.delete(id);
      // Our own cursor moves change nothing that others' overlay draws.
      const onlySelf = [...added, ...updated, ...removed].every((id) => id === selfId());
      if (!onlySelf) this.feed.set([...cache.values()].filter((p) => p.clientId !== selfId()));
      publishPeers();
    };
    awareness.on('change', onChange);
    onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] });
    this.detach = () => {
      awareness.off('change', onChange);
      publishPeers.cancel();
    };
  }

  /** What this person shares about their view now. */
  get view(): Presence['view'] {
    return this.local.view;
  }

  setCursor(cursor: Presence['cursor']): void {
    this.local.cursor = cursor ?? null;
    this.sendCursor();
    if (cursor === null) this.sendCursor.flush();
  }

  setDrag(drag: Presence['drag']): void {
    this.local.drag = drag ?? null;
    this.sendDrag();
    if (drag === null) this.sendDrag.flush();
  }

  setEditing(noteId: string | null): void {
    if (this.local.editing === noteId) return;
    this.local.editing = noteId;
    this.send('editing', noteId);
  }

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

  /** Stops sending and forgets the others. */
  destroy(): void {
    this.detach?.();
    this.detach = null;
    this.provider = null;
    this.sendCursor.cancel();
    this.sendDrag.cancel();
    this.sendView.cancel();
    this.feed.set([]);
  }

  private send(field: Field, value: unknown): void {
    const awareness = this.provider?.awareness;
    if (awareness && awareness.getLocalState() !== null) awareness.setLocalStateField(field, value);
  }
}
