import type { WebSocket, RawData } from 'ws';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
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
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: DocumentStore,
    private readonly options: CollabOptions = DEFAULT_COLLAB_OPTIONS,
    private readonly events: ConnectionEvents = {},
  ) {}

  /** The room of a document, loading it (once, even under concurrent calls) before returning. */
  async room(workshopId: string, docKey: string, policy: RoomPolicy): Promise<Room> {
    const name = `${workshopId}/${docKey}`;
    let pending = this.rooms.get(name);
    if (!pending) {
      pending = this.store.open(workshopId, docKey).then((log) => new Room(workshopId, docKey, policy, log, this.options));
      this.rooms.set(name, pending);
      pending.catch(() => this.rooms.delete(name));
    }
    return pending;
  }

  /** A loaded room, if it is in memory. */
  async loadedRoom(workshopId: string, docKey: string): Promise<Room | undefined> {
    return this.rooms.get(`${workshopId}/${docKey}`);
  }

  /**
   * Serves a websocket for a document. Messages that arrive while the document loads are kept
   * and handled in order once it is ready, so the first sync reply already has the stored state.
   */
  async connect(socket: WebSocket, workshopId: string, docKey: string, actor: ConnectionActor, policy: RoomPolicy): Promise<void> {
    const early: Array<[RawData, boolean]> = [];
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
    if (!policy.mayRead(actor)) {
      socket.close(CLOSE.forbidden, 'you cannot open this document now');
      return this.scheduleUnload(room);
    }
    this.cancelUnload(room.name);
    attachConnection(socket, room, actor, this.events);
    socket.on('close', () => this.scheduleUnload(room));
    for (const [data, isBinary] of early) socket.emit('message', data, isBinary);
  }

  private cancelUnload(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(name);
  }

  private scheduleUnload(room: Room): void {
    if (room.peers.size > 0) return;
    this.cancelUnload(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (room.peers.size > 0) return;
      this.rooms.delete(room.name);
      room.destroy();
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  /** Closes every connection to a workshop's documents and unloads them (deletion, expiry). */
  async closeWorkshop(workshopId: string, code: number, reason: string): Promise<void> {
    for (const [name, pending] of [...this.rooms]) {
      if (!name.startsWith(`${workshopId}/`)) continue;
      const room = await pending;
      room.closeAll(code, reason);
      this.cancelUnload(name);
      this.rooms.delete(name);
      room.destroy();
    }
  }

  private liveConnections = 0;

  /** Numbers for the health endpoint and benchmarks. */
  stats(): { documentsLoaded: number; connections: number } {
    return { documentsLoaded: this.rooms.size, connections: this.liveConnections };
  }

  /** Counts a connection for stats; called by the upgrade handler. */
  track(socket: WebSocket): void {
    this.liveConnections++;
    socket.once('close', () => this.liveConnections--);
  }

  /** Closes all connections (clients will reconnect) and writes every document compacted. */
  async shutdown(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    this.rooms.clear();
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue;
      result.value.closeAll(CLOSE.restarting, 'server restarting');
      result.value.destroy();
    }
  }
}
