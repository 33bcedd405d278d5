import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { captureChanges, type RecordChange } from '@dmc/shared/doc/records';
import type { Actor, Refusal } from '@dmc/shared/domain/actor';
import { MESSAGE, SYNC } from '@dmc/shared/protocol/messages';
import type { DocumentLog } from '../persistence/types';

/**
 * A room is one loaded document with the connections editing it. It keeps two replicas: the
 * document itself, and a shadow on which every incoming update is tried first. Only an update
 * whose effect the policy allows is applied to the document, stored and relayed; a refused one
 * never touches them, and the shadow is rebuilt from the document.
 */

/** The person behind a connection, as the server established it. */
export interface ConnectionActor extends Actor {
  readonly name: string;
}

/** What the composition root decides about a document: its shape and who may change it. */
export interface RoomPolicy {
  /** The collections the document may contain. */
  readonly collections: readonly string[];
  /** Whether this actor may receive the document at all. */
  mayRead(actor: ConnectionActor): boolean;
  /** Decides an incoming write (after it was tried on the shadow); null allows it. */
  checkWrite(actor: ConnectionActor, changes: readonly RecordChange[], doc: Y.Doc): Refusal | null;
  /** Called after an allowed write was applied (to react to phase changes, for instance). */
  afterApply?(actor: ConnectionActor, changes: readonly RecordChange[], doc: Y.Doc): void;
}

/** A connection as the room sees it: a way to send and to close, and who is behind it. */
export interface RoomPeer {
  readonly actor: ConnectionActor;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Why an incoming update was not applied. */
export type UpdateRejection = Refusal & { readonly malformed?: boolean };

/** Transaction origin for state loaded from storage. */
const STORAGE_ORIGIN = Object.freeze({ name: 'storage' });

/** Room tuning. */
export interface RoomOptions {
  /** Compact the stored log after this many appended records… */
  readonly compactAfterRecords: number;
  /** …or this many appended bytes. */
  readonly compactAfterBytes: number;
}

/** One loaded document and its connections. */
export class Room {
  readonly doc = new Y.Doc();
  private shadow = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  /** Connections, each with the awareness client ids it announced. */
  readonly peers = new Map<RoomPeer, Set<number>>();
  private destroyed = false;

  constructor(
    readonly workshopId: string,
    readonly docKey: string,
    readonly policy: RoomPolicy,
    private readonly log: DocumentLog,
    private readonly options: RoomOptions,
  ) {
    if (log.updates.length > 0) {
      this.doc.transact(() => {
        for (const update of log.updates) Y.applyUpdate(this.doc, update, STORAGE_ORIGIN);
      }, STORAGE_ORIGIN);
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
    }
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The document name as clients know it. */
  get name(): string {
    return `${this.workshopId}/${this.docKey}`;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) return;
    // Stored before it is relayed: nothing anyone has seen can be lost by a crash.
    this.log.append(update);
    const message = encodeSync(SYNC.update, update);
    for (const peer of this.peers.keys()) {
      if (peer !== origin && this.policy.mayRead(peer.actor)) peer.send(message);
    }
    if (this.log.appendedRecords >= this.options.compactAfterRecords || this.log.appendedBytes >= this.options.compactAfterBytes) {
      this.compact();
    }
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin instanceof Object && this.peers.has(origin as RoomPeer)) {
      const owned = this.peers.get(origin as RoomPeer);
      for (const id of added) owned?.add(id);
      for (const id of removed) owned?.delete(id);
    }
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) peer.send(message);
  };

  /** Adds a connection and starts the sync: our state vector, then everyone's presence. */
  join(peer: RoomPeer): void {
    this.peers.set(peer, new Set());
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE.sync);
    encoding.writeVarUint(step1, SYNC.step1);
    encoding.writeVarUint8Array(step1, Y.encodeStateVector(this.doc));
    peer.send(encoding.toUint8Array(step1));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  /** Removes a connection and its presence. */
  leave(peer: RoomPeer): void {
    const owned = this.peers.get(peer);
    this.peers.delete(peer);
    if (owned && owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
  }

  /** Answers a peer's state vector with everything it is missing. */
  answerStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    peer.send(encodeSync(SYNC.step2, Y.encodeStateAsUpdate(this.doc, stateVector)));
  }

  /**
   * Tries an incoming update on the shadow, asks the policy, and applies it for real only when
   * allowed. Returns the rejection, or null when applied.
   */
  receiveUpdate(peer: RoomPeer, update: Uint8Array): UpdateRejection | null {
    let result;
    try {
      result = captureChanges(this.shadow, this.policy.collections, () => Y.applyUpdate(this.shadow, update, peer));
    } catch (error) {
      this.rebuildShadow();
      return { code: 'invalid', reason: `undecodable update: ${(error as Error).message}`, malformed: true };
    }
    if (!result.ok) {
      this.rebuildShadow();
      return { code: 'invalid', reason: result.reason, malformed: true };
    }
    if (result.changes.length > 0) {
      const refusal = this.policy.checkWrite(peer.actor, result.changes, this.shadow);
      if (refusal) {
        this.rebuildShadow();
        return refusal;
      }
    }
    Y.applyUpdate(this.doc, update, peer);
    if (result.changes.length > 0) this.policy.afterApply?.(peer.actor, result.changes, this.doc);
    return null;
  }

  /** Applies a presence update from a peer, after the caller validated it. */
  receiveAwareness(peer: RoomPeer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** Whether an awareness client id was announced by this connection. */
  ownedBy(peer: RoomPeer, clientId: number): boolean {
    return this.peers.get(peer)?.has(clientId) ?? false;
  }

  /** Whether an awareness client id belongs to another connection (spoofing someone's presence). */
  ownedByOther(peer: RoomPeer, clientId: number): boolean {
    for (const [other, ids] of this.peers) if (other !== peer && ids.has(clientId)) return true;
    return false;
  }

  /** Sends everyone's presence to one peer (answer to a query). */
  sendAwareness(peer: RoomPeer): void {
    const states = this.awareness.getStates();
    if (states.size > 0) peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
  }

  /** Makes a server-side change (reveal, import) that is stored and relayed like any other. */
  transactAsServer(change: (doc: Y.Doc) => void, origin: unknown): void {
    this.doc.transact(() => change(this.doc), origin);
    this.rebuildShadow();
  }

  /** Merges the stored log into one record. */
  compact(): void {
    if (this.destroyed) return;
    this.log.compact(Y.encodeStateAsUpdate(this.doc));
  }

  private rebuildShadow(): void {
    this.shadow.destroy();
    this.shadow = new Y.Doc();
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
  }

  /** Closes every connection with this code. */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
  }

  /** Compacts, closes the log and frees memory. The room cannot be used afterwards. */
  destroy(): void {
    if (this.destroyed) return;
    this.compact();
    this.destroyed = true;
    this.log.close();
    this.awareness.destroy();
    this.doc.destroy();
    this.shadow.destroy();
  }
}

function encodeSync(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
