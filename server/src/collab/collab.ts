import type { WebSocket, RawData } from 'ws';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { SESSION_DOC } from '@dmc/shared/protocol/api';
import type { DocumentStore } from '../persistence/types';
import { attachConnection, type ConnectionEvents } from './connection';
import { Room, type ConnectionActor, type RoomOptions, type RoomPolicy } from './room';

/**
 * The collaboration core: loads documents on first use, hands connections to their room, and
 * unloads rooms that nobody uses. It knows nothing of HTTP; the upgrade handler authenticates
 * and tells it which document and policy a connection gets.
 */

/** Collab tuning. */
export interface CollabOptions extends RoomOptions {
  /** Unload a document this long after its last connection left. */
  readonly idleUnloadMs: number;
  /** Bytes that may wait to be sent to one connection before it is closed as too slow. */
  readonly sendBufferBytes?: number;
}

/**
 * Fan-out between server processes (scale-out; absent for one process). The core knows only this
 * shape; server/src/scaleout/ implements it with Redis.
 */
export interface DocumentRelay {
  /**
   * Starts receiving what other processes accepted for a document, and their connections'
   * presence; resolves once nothing published from then on can be missed. Called before the
   * document is read from the store, so no update falls between the read and the subscription.
   */
  subscribe(name: string, receive: (kind: 'update' | 'awareness', payload: Uint8Array) => void): Promise<void>;
  unsubscribe(name: string): void;
  /** Hands an accepted and stored update, or a local connection's presence, to the other processes. */
  publish(name: string, kind: 'update' | 'awareness', payload: Uint8Array): void;
}

/** Default tuning. */
export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  idleUnloadMs: 30_000,
  compactAfterRecords: 500,
  compactAfterBytes: 1024 * 1024,
};

/** Loaded documents and their connections. */
export class Collab {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();
  /** Rooms being written compacted after they were forgotten (idle, closed), until they are done. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private liveConnections = 0;
  /** Set by shutdown: no document is loaded any more (a drain must be able to finish). */
  private stopping = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: CollabOptions = DEFAULT_COLLAB_OPTIONS,
    private readonly events: ConnectionEvents = {},
    private readonly relay?: DocumentRelay,
  ) {}

  /** The room of a document, loading it (once, even under concurrent calls) before returning. */
  async room(workshopId: string, docKey: string, policy: RoomPolicy): Promise<Room> {
    if (this.stopping) throw new Error('the server is stopping');
    const name = `${workshopId}/${docKey}`;
    let pending = this.rooms.get(name);
    if (!pending) {
      pending = this.load(workshopId, docKey, policy);
      this.rooms.set(name, pending);
      pending.catch(() => this.rooms.delete(name));
    }
    const room = await pending;
    // Whoever loaded it, a room nobody connects to goes again (a refused connection, a lookup):
    // the timer finds it busy and leaves it when a connection or another room needs it.
    this.scheduleUnload(room);
    return room;
  }

  /**
   * Reads a document into a new room. With a relay (scale-out), it subscribes first and keeps
   * what arrives during the read, applying it afterwards (Yjs applies each change once).
   */
  private async load(workshopId: string, docKey: string, policy: RoomPolicy): Promise<Room> {
    const name = `${workshopId}/${docKey}`;
    const relay = this.relay;
    if (!relay) {
      const room = new Room(workshopId, docKey, policy, await this.store.open(workshopId, docKey), this.options);
      this.loaded.set(name, room);
      return room;
    }
    let room: Room | undefined;
    const early: Array<['update' | 'awareness', Uint8Array]> = [];
    const receive = (kind: 'update' | 'awareness', payload: Uint8Array) => {
      if (!room) early.push([kind, payload]);
      else this.receiveRemote(room, kind, payload);
    };
    await relay.subscribe(name, receive);
    try {
      const log = await this.store.open(workshopId, docKey);
      room = new Room(workshopId, docKey, policy, log, this.options, (kind, payload) =>
        relay.publish(name, kind, payload),
      );
    } catch (error) {
      relay.unsubscribe(name);
      throw error;
    }
    this.loaded.set(name, room);
    for (const [kind, payload] of early) this.receiveRemote(room, kind, payload);
    return room;
  }

  /** Applies what another process accepted; a session change re-checks who may read what here too. */
  private receiveRemote(room: Room, kind: 'update' | 'awareness', payload: Uint8Array): void {
    if (kind === 'awareness') {
      try {
        room.applyRemoteAwareness(payload);
      } catch (error) {
        console.error(`[collab] presence from another process for ${room.name} could not be applied:`, error);
      }
      return;
    }
    room.applyRemote(payload).then(
      () => {
        if (room.docKey === SESSION_DOC) this.recheckAccess(room.workshopId);
      },
      (error: unknown) => console.error(`[collab] an update from another process for ${room.name} failed:`, error),
    );
  }

  /** After the relay may have missed messages (it reconnected): every loaded room reads what is stored. */
  async catchUp(): Promise<void> {
    await Promise.all(
      [...this.loaded.values()].map((room) =>
        room.catchUp().then(
          () => {
            if (room.docKey === SESSION_DOC) this.recheckAccess(room.workshopId);
          },
          (error: unknown) => console.error(`[collab] catching up ${room.name} failed:`, error),
        ),
      ),
    );
  }

  /** A room that is in memory right now, for synchronous checks. */
  loadedRoom(workshopId: string, docKey: string): Room | undefined {
    return this.loaded.get(`${workshopId}/${docKey}`);
  }

  /** The workshops with a loaded room. */
  loadedWorkshops(): string[] {
    return [...new Set([...this.loaded.values()].map((room) => room.workshopId))];
  }

  /** Every loaded room of a workshop. */
  roomsOf(workshopId: string): Room[] {
    return [...this.loaded.values()].filter((room) => room.workshopId === workshopId);
  }

  /** Loads a room for a server-side change, runs it, and lets the room unload when idle. */
  async use<T>(workshopId: string, docKey: string, policy: RoomPolicy, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.room(workshopId, docKey, policy);
    try {
      return await fn(room);
    } finally {
      this.scheduleUnload(room);
    }
  }

  /**
   * Serves a websocket for a document. Messages that arrive while the document loads are kept
   * and handled in order once it is ready, so the first sync reply already has the stored state.
   */
  async connect(
    socket: WebSocket,
    workshopId: string,
    docKey: string,
    actor: ConnectionActor,
    policy: RoomPolicy,
    early: Array<[RawData, boolean]> = [],
  ): Promise<void> {
    const keep = (data: RawData, isBinary: boolean) => early.push([data, isBinary]);
    socket.on('message', keep);
    let room: Room;
    try {
      room = await this.room(workshopId, docKey, policy);
    } catch (error) {
      console.error(`[collab] cannot load ${workshopId}/${docKey}:`, error);
      socket.close(CLOSE.restarting, 'document could not be loaded');
      return;
    }
    socket.off('message', keep);
    if (socket.readyState !== socket.OPEN) return this.scheduleUnload(room);
    if (!room.policy.mayRead(actor)) {
      socket.close(CLOSE.hidden, 'this document is not open to you now');
      return this.scheduleUnload(room);
    }
    attachConnection(socket, room, actor, this.events, this.options.sendBufferBytes);
    socket.on('close', () => this.scheduleUnload(room));
    for (const [data, isBinary] of early) socket.emit('message', data, isBinary);
  }

  /** Closes connections that may no longer read their document (phase or subgroup changed). */
  recheckAccess(workshopId: string): void {
    for (const room of this.roomsOf(workshopId)) {
      for (const peer of [...room.peers.keys()]) {
        if (!room.policy.mayRead(peer.actor)) peer.close(CLOSE.hidden, 'this document is not open to you now');
      }
    }
  }

  private cancelUnload(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(name);
  }

  /** Rooms unload when idle; a workshop's session stays while any of its other rooms is loaded. */
  private idle(room: Room): boolean {
    if (room.peers.size > 0) return false;
    if (room.docKey === SESSION_DOC) return !this.roomsOf(room.workshopId).some((other) => other !== room);
    return true;
  }

  private scheduleUnload(room: Room): void {
    if (!this.idle(room)) return;
    this.cancelUnload(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      try {
        if (!this.idle(room) || this.loaded.get(room.name) !== room) return;
        void this.unload(room);
        const session = this.loadedRoom(room.workshopId, SESSION_DOC);
        if (session) this.scheduleUnload(session);
      } catch (error) {
        // A timer must never take the process down; the room's log stays valid as it is.
        console.error(`[collab] unloading ${room.name} failed:`, error);
      }
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  /** Forgets a room and writes it compacted; a failed compaction is logged by the room, never thrown. */
  private unload(room: Room): Promise<void> {
    this.cancelUnload(room.name);
    this.rooms.delete(room.name);
    this.loaded.delete(room.name);
    this.relay?.unsubscribe(room.name);
    const done: Promise<void> = room.destroy().finally(() => {
      if (this.unloading.get(room.name) === done) this.unloading.delete(room.name);
    });
    this.unloading.set(room.name, done);
    return done;
  }

  /** Waits until no room whose name passes `test` is still writing its last compaction. */
  private async unloaded(test: (name: string) => boolean): Promise<void> {
    const writing = [...this.unloading].filter(([name]) => test(name)).map(([, done]) => done);
    await Promise.all(writing.map((done) => done.catch(() => undefined)));
  }

  /** Closes a document's connections, unloads it and deletes everything stored of it. */
  async deleteDocument(workshopId: string, docKey: string, code: number, reason: string): Promise<void> {
    const pending = this.rooms.get(`${workshopId}/${docKey}`);
    const room = pending ? await pending.catch(() => undefined) : undefined;
    if (room) {
      room.closeAll(code, reason);
      await this.unload(room);
    }
    // An idle room unloaded just before may still be writing: deleting waits for it.
    await this.unloaded((name) => name === `${workshopId}/${docKey}`);
    await this.store.deleteDocument(workshopId, docKey);
  }

  /** Closes every connection to a workshop's documents and unloads them (deletion, expiry). */
  async closeWorkshop(workshopId: string, code: number, reason: string): Promise<void> {
    for (const [name, pending] of [...this.rooms]) {
      if (!name.startsWith(`${workshopId}/`)) continue;
      // A document that failed to load has nothing to close.
      const room = await pending.catch(() => undefined);
      if (!room) continue;
      room.closeAll(code, reason);
      await this.unload(room);
    }
    // Rooms unloaded when idle just before may still be writing into the workshop's folder,
    // which is removed next (deletion, expiry): nothing of it may be written after that.
    await this.unloaded((name) => name.startsWith(`${workshopId}/`));
  }

  /** Numbers for the health endpoint and benchmarks. */
  stats(): { documentsLoaded: number; connections: number } {
    return { documentsLoaded: this.loaded.size, connections: this.liveConnections };
  }

  /** Counts a connection for stats; called by the upgrade handler. */
  track(socket: WebSocket): void {
    this.liveConnections++;
    socket.once('close', () => this.liveConnections--);
  }

  /** Closes all connections (clients will reconnect) and writes every document compacted. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    this.rooms.clear();
    this.loaded.clear();
    const destroyed: Promise<void>[] = [];
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue;
      try {
        result.value.closeAll(CLOSE.restarting, 'server restarting');
      } catch (error) {
        console.error(`[collab] closing ${result.value.name} failed:`, error);
      }
      this.relay?.unsubscribe(result.value.name);
      destroyed.push(result.value.destroy());
    }
    await Promise.all(destroyed);
  }
}
