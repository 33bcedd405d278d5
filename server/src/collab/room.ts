import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as random from 'lib0/random';
import { captureChanges, type RecordChange } from '@dmc/shared/doc/records';
import type { Actor, Refusal } from '@dmc/shared/domain/actor';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { MESSAGE, SYNC } from '@dmc/shared/protocol/messages';
import { StorageUnavailableError, errorCode } from '../persistence/storageErrors';
import type { DocumentLog } from '../persistence/types';
import { bindClientIds, checkClientIds } from './clientIds';

/**
 * A room is one loaded document with the connections editing it. It keeps two replicas: the
 * document itself, and a shadow on which every change is made first — an incoming update, or a
 * change by the server itself. Only a change the policy allows is stored, and only once it is
 * stored is it applied to the document and relayed: a refused or unstorable change never touches
 * the document, and the shadow is made from it again. Memory therefore never holds more than disk.
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
  /**
   * A value that changes (by identity) whenever anything `mayRead` depends on may have changed —
   * the workshop record, the session document. While it stays the same, the room decides
   * `mayRead` once per connection instead of once per relayed message. Absent: asked every time.
   */
  accessVersion?(): unknown;
  /** Decides an incoming write (after it was tried on the shadow); null allows it. */
  checkWrite(actor: ConnectionActor, changes: readonly RecordChange[], doc: Y.Doc): Refusal | null;
  /**
   * Called once an allowed write is stored, before anyone receives it: what it sets off on other
   * documents happens first (the reveal of silently written notes when a writing phase ends, so
   * that it is done before every screen starts drawing the new phase). Must not throw; the write
   * is relayed when it settles.
   */
  beforeRelay?(actor: ConnectionActor, changes: readonly RecordChange[]): Promise<void>;
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

/** Transaction origin of the server's client-id bindings. */
const SERVER_BINDING_ORIGIN = Object.freeze({ name: 'client-id binding' });

/** The access version before any was asked for (equal to none a policy returns). */
const NOT_DECIDED = Symbol('not decided');

/** Transaction origin for state loaded from storage. */
const STORAGE_ORIGIN = Object.freeze({ name: 'storage' });

/** Transaction origin of what another server process accepted and stored (scale-out fan-out). */
const REMOTE_ORIGIN = Object.freeze({ name: 'another process' });

/**
 * Fan-out hook (scale-out): hands what this room accepted — once stored — and its own
 * connections' presence to the other server processes holding the document. Absent for one process.
 */
export type RoomPublisher = (kind: 'update' | 'awareness', payload: Uint8Array) => void;

/** Updates (and their bytes) one connection may have waiting for the changes they rest on. */
const MAX_WAITING_UPDATES = 256;
const MAX_WAITING_BYTES = 1024 * 1024;

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
  /** The shadow while it is made (see `shadow`). */
  private shadowDoc: Y.Doc | null = null;
  readonly awareness: awarenessProtocol.Awareness;
  /** Connections, each with the awareness client ids it announced. */
  readonly peers = new Map<RoomPeer, Set<number>>();
  /** The Yjs client id the server's own changes are made under (reveal, import, mirrored settings). */
  readonly serverClientId: number;
  private destroyed = false;
  /**
   * Increases with every change applied to the document (also what storage loaded), so a policy
   * can tell when something it read from this document may have changed (see accessVersion).
   */
  version = 0;
  /** Per connection, `policy.mayRead` as decided under `readersVersion`. */
  private readonly readers = new Map<RoomPeer, boolean>();
  private readersVersion: unknown = NOT_DECIDED;
  /** Set while the last append failed, so a full disk is logged once, not per message. */
  private storageFailing = false;
  /** After a failed compaction, the appended-record count at which to try again. */
  private compactRetryAt = 0;
  /**
   * Every change (incoming, the server's own, from another process) runs after the previous one
   * finished, because storing may take a round trip: the shadow and the document are equal
   * between two changes, as the shadow-first rule needs.
   */
  private queue: Promise<unknown> = Promise.resolve();
  /** Per connection, updates that arrived before the changes they rest on (see receiveUpdate). */
  private readonly waiting = new Map<RoomPeer, Uint8Array[]>();

  constructor(
    readonly workshopId: string,
    readonly docKey: string,
    readonly policy: RoomPolicy,
    private readonly log: DocumentLog,
    private readonly options: RoomOptions,
    private readonly publish?: RoomPublisher,
  ) {
    this.serverClientId = random.uint32();
    if (this.doc.clientID === this.serverClientId) this.doc.clientID = (this.serverClientId + 1) >>> 0;
    this.doc.transact(() => {
      // A compacted state stored in the V2 encoding is applied as it is: converting it first
      // would cost more than applying it (a third of opening a board of 1,000 notes).
      if (log.records) {
        for (const { update, encoding: format } of log.records)
          if (format === 2) Y.applyUpdateV2(this.doc, update, STORAGE_ORIGIN);
          else Y.applyUpdate(this.doc, update, STORAGE_ORIGIN);
      } else for (const update of log.updates) Y.applyUpdate(this.doc, update, STORAGE_ORIGIN);
    }, STORAGE_ORIGIN);
    if (log.damaged) repairLostChanges(this.doc, this.name);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    // What was recovered from a damaged log is written back as one clean record right away.
    if (log.damaged) void this.compact();
  }

  /** The document name as clients know it. */
  get name(): string {
    return `${this.workshopId}/${this.docKey}`;
  }

  /** Relays what was applied to the document; `commit` stored it before applying it. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.version++;
    if (origin === STORAGE_ORIGIN) return;
    // One encoded message for every recipient.
    const message = encodeSync(SYNC.update, update);
    this.refreshReaders();
    for (const peer of this.peers.keys()) {
      if (peer !== origin && this.mayRead(peer)) peer.send(message);
    }
  };

  /** Forgets the cached `mayRead` decisions when the policy's access version changed. */
  private refreshReaders(): void {
    if (!this.policy.accessVersion) return;
    const version = this.policy.accessVersion();
    if (version === this.readersVersion) return;
    this.readers.clear();
    this.readersVersion = version;
  }

  /** `policy.mayRead` for a connection, decided once per access version (call refreshReaders first). */
  private mayRead(peer: RoomPeer): boolean {
    if (!this.policy.accessVersion) return this.policy.mayRead(peer.actor);
    let allowed = this.readers.get(peer);
    if (allowed === undefined) {
      allowed = this.policy.mayRead(peer.actor);
      this.readers.set(peer, allowed);
    }
    return allowed;
  }

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
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = encodeAwareness(update);
    for (const peer of this.peers.keys()) peer.send(message);
    // Fan-out: only this process's own connections' presence; others time theirs out themselves.
    if (origin !== REMOTE_ORIGIN && origin !== 'timeout') this.publish?.('awareness', update);
  };

  /** Runs `fn` after every change queued before it (see `queue`). */
  private serial<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

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
    this.readers.delete(peer);
    this.waiting.delete(peer);
    if (owned && owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
  }

  /** Answers a peer's state vector with everything it is missing. */
  answerStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    peer.send(encodeSync(SYNC.step2, Y.encodeStateAsUpdate(this.doc, stateVector)));
  }

  /**
   * Tries an incoming update on the shadow, asks the policy, and when allowed stores it, then
   * applies and relays it. Returns the rejection, or null when applied, when it waits for changes
   * it rests on (below), or when it could not be stored: then the room already closed the peer
   * with CLOSE.unavailable (the client keeps its change and sends it again after reconnecting).
   */
  receiveUpdate(peer: RoomPeer, update: Uint8Array): Promise<UpdateRejection | null> {
    return this.serial(async () => {
      // A client that reconnects (after a restart or a drain) sends what it wrote meanwhile in its
      // sync step 2, which follows the server's step 1 — but a change it makes right after the
      // socket opens goes out before that, resting on the ones not sent yet. Such an update waits
      // (bounded) and is judged together with the next ones from the same connection.
      const held = this.waiting.get(peer);
      if (held) this.waiting.delete(peer);
      const candidate = held ? Y.mergeUpdates([...held, update]) : update;
      if (this.restsOnUnknown(candidate) && !((await this.readStoreAgain()) && !this.restsOnUnknown(candidate))) {
        const kept = [...(held ?? []), update];
        if (kept.length > MAX_WAITING_UPDATES || kept.reduce((n, u) => n + u.length, 0) > MAX_WAITING_BYTES)
          return { code: 'invalid', reason: 'update depends on unknown changes', malformed: true };
        this.waiting.set(peer, kept);
        return null;
      }
      const rejection = await this.tryUpdate(peer, candidate);
      // Fan-out: a process that died after storing an update but before publishing it leaves this
      // room without it, and a client that saw it sends it along (with changes resting on it).
      // Before refusing, read the store once; when it held more, judge the update again.
      if (rejection === null || !(await this.readStoreAgain())) return rejection;
      return this.tryUpdate(peer, candidate);
    });
  }

  /** Whether an update starts, for some client, past what the document has (a gap before it). */
  private restsOnUnknown(update: Uint8Array): boolean {
    let from: Map<number, number>;
    try {
      from = Y.parseUpdateMeta(update).from;
    } catch {
      return false; // undecodable: tryUpdate refuses it as malformed
    }
    for (const [client, clock] of from) if (clock > Y.getState(this.doc.store, client)) return true;
    return false;
  }

  private async tryUpdate(peer: RoomPeer, update: Uint8Array): Promise<UpdateRejection | null> {
    if (this.destroyed) return null;
    let result;
    let effect = null as Uint8Array | null;
    let binding: Uint8Array | null = null;
    try {
      result = captureChanges(this.shadow, this.policy.collections, () => {
        effect = updateMadeBy(this.shadow, () => Y.applyUpdate(this.shadow, update, peer));
      });
    } catch (error) {
      this.dropShadow();
      return { code: 'invalid', reason: `undecodable update: ${(error as Error).message}`, malformed: true };
    }
    if (!result.ok) {
      this.dropShadow();
      return { code: 'invalid', reason: result.reason, malformed: true };
    }
    if (effect !== null) {
      const ids = checkClientIds(this.doc, effect, peer.actor.id, this.serverClientId);
      if (!ids.ok) {
        this.dropShadow();
        return { code: 'forbidden', reason: ids.reason };
      }
      if (ids.claims.length > 0) {
        binding = updateMadeBy(this.shadow, () =>
          this.shadow.transact(() => bindClientIds(this.shadow, ids.claims, peer.actor.id), SERVER_BINDING_ORIGIN),
        );
      }
    }
    if (result.changes.length > 0) {
      const refusal = this.policy.checkWrite(peer.actor, result.changes, this.shadow);
      if (refusal) {
        this.dropShadow();
        return refusal;
      }
    }
    if (effect !== null) {
      try {
        // The binding is stored with the change (one record) but relayed to everyone, the writer
        // too: it is the server's change, and the writer needs it to follow the server's later ones.
        const changes = result.changes;
        await this.commit(
          binding === null
            ? [[effect, peer]]
            : [
                [effect, peer],
                [binding, SERVER_BINDING_ORIGIN],
              ],
          changes.length > 0 && this.policy.beforeRelay ? () => this.policy.beforeRelay!(peer.actor, changes) : null,
        );
      } catch (error) {
        if (!(error instanceof StorageUnavailableError)) throw error;
        peer.close(CLOSE.unavailable, 'the server cannot store changes right now; yours is kept and sent again');
        return null;
      }
    }
    if (result.changes.length > 0) this.policy.afterApply?.(peer.actor, result.changes, this.doc);
    return null;
  }

  /** Applies a presence update from a peer, after the caller validated it. */
  receiveAwareness(peer: RoomPeer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** The one awareness client id a connection announced, if any. */
  presenceIdOf(peer: RoomPeer): number | undefined {
    for (const id of this.peers.get(peer) ?? []) return id;
    return undefined;
  }

  /** Whether an awareness client id belongs to another connection (spoofing someone's presence). */
  ownedByOther(peer: RoomPeer, clientId: number): boolean {
    for (const [other, ids] of this.peers) if (other !== peer && ids.has(clientId)) return true;
    return false;
  }

  /** Sends everyone's presence to one peer (answer to a query). */
  sendAwareness(peer: RoomPeer): void {
    const states = this.awareness.getStates();
    if (states.size > 0)
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
  }

  /**
   * Makes a server-side change (reveal, import, mirrored settings): made on the shadow, stored,
   * then applied and relayed like any other. Throws StorageUnavailableError (and changes
   * nothing) when it cannot be stored.
   */
  transactAsServer(change: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    return this.serial(async () => {
      if (this.destroyed) throw new Error(`room ${this.name} is closed`);
      let effect: Uint8Array | null;
      try {
        effect = updateMadeBy(this.shadow, () => this.shadow.transact(() => change(this.shadow), origin));
      } catch (error) {
        this.dropShadow();
        throw error;
      }
      if (effect !== null) await this.commit([[effect, origin]]);
    });
  }

  /**
   * Fan-out: applies an update another process accepted and stored. It was checked there; here
   * it is applied to the shadow and the document (which relays it), never stored again.
   */
  applyRemote(update: Uint8Array): Promise<void> {
    return this.serial(() => {
      if (this.destroyed) return;
      // A shadow not made yet is made from the document later, with this in it.
      if (this.shadowDoc) Y.applyUpdate(this.shadowDoc, update, REMOTE_ORIGIN);
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    });
  }

  /** Fan-out: presence of another process's connections. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (!this.destroyed) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /**
   * Fan-out: after updates from other processes may have been missed (the relay reconnected),
   * reads what is stored now and applies what this room lacks (Yjs ignores what it has).
   */
  async catchUp(): Promise<void> {
    await this.serial(() => this.readStoreAgain());
  }

  /** Applies what the store holds beyond this room's state (shared stores only); returns whether there was any. */
  private async readStoreAgain(): Promise<boolean> {
    if (!this.log.stored || this.destroyed) return false;
    const stored = await this.log.stored();
    if (stored.length === 0 || this.destroyed) return false;
    const merged = Y.mergeUpdates(stored);
    if (this.shadowDoc) Y.applyUpdate(this.shadowDoc, merged, REMOTE_ORIGIN);
    // Yjs emits an update only when applying changed something (insertions or deletions).
    return updateMadeBy(this.doc, () => Y.applyUpdate(this.doc, merged, REMOTE_ORIGIN)) !== null;
  }

  /**
   * Stores an update (already applied to the shadow), and only when that worked applies it to the
   * document, which relays it. On failure the shadow is dropped (made from the document again when needed), so memory stays
   * exactly what is on disk, and StorageUnavailableError is thrown; the next append may work.
   */
  private async commit(
    parts: ReadonlyArray<readonly [Uint8Array, unknown]>,
    beforeRelay: (() => Promise<void>) | null = null,
  ): Promise<void> {
    const stored = parts.length === 1 ? parts[0]![0] : Y.mergeUpdates(parts.map(([update]) => update));
    try {
      await this.log.append(stored);
    } catch (error) {
      this.dropShadow();
      if (!this.storageFailing)
        console.error(`[store] ${this.name}: cannot store changes (${errorCode(error)}); writers are asked to resend`);
      this.storageFailing = true;
      throw new StorageUnavailableError(`storing a change to ${this.name}`, error);
    }
    if (this.storageFailing) console.warn(`[store] ${this.name}: storing works again`);
    this.storageFailing = false;
    if (beforeRelay) await beforeRelay();
    for (const [update, origin] of parts) Y.applyUpdate(this.doc, update, origin);
    this.publish?.('update', stored);
    const due =
      this.log.appendedRecords >= this.options.compactAfterRecords ||
      this.log.appendedBytes >= this.options.compactAfterBytes;
    if (due && this.log.appendedRecords >= this.compactRetryAt) await this.compactNow();
  }

  /**
   * Merges the stored log into one record. Never throws: when it fails (disk full), the longer
   * log stays valid and compaction is tried again after more records. Returns whether it worked.
   */
  compact(): Promise<boolean> {
    return this.serial(() => this.compactNow());
  }

  private async compactNow(): Promise<boolean> {
    if (this.destroyed) return false;
    try {
      await this.log.compact(Y.encodeStateAsUpdate(this.doc));
      this.compactRetryAt = 0;
      return true;
    } catch (error) {
      this.compactRetryAt = this.log.appendedRecords + Math.max(1, Math.ceil(this.options.compactAfterRecords / 10));
      console.error(
        `[store] ${this.name}: compaction failed (${errorCode(error)}); the log stays as it is and is compacted later`,
      );
      return false;
    }
  }

  /**
   * The shadow, made from the document when a change is first tried: opening a room (someone
   * joining a board) does not wait for a second replica, and a room nobody writes to never
   * holds one.
   */
  private get shadow(): Y.Doc {
    if (this.shadowDoc === null) {
      const shadow = new Y.Doc();
      Y.applyUpdateV2(shadow, Y.encodeStateAsUpdateV2(this.doc));
      // Set after loading: Yjs renames a document that receives changes under its own id.
      shadow.clientID = this.serverClientId;
      this.shadowDoc = shadow;
    }
    return this.shadowDoc;
  }

  /** Drops the shadow after a change was refused or not stored: it is made from the document again when needed. */
  private dropShadow(): void {
    this.shadowDoc?.destroy();
    this.shadowDoc = null;
  }

  /** Closes every connection with this code. */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
  }

  /**
   * Compacts (after every change queued before), closes the log and frees memory. The room cannot
   * be used afterwards. Never rejects.
   */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    await this.compact();
    if (this.destroyed) return;
    this.destroyed = true;
    try {
      this.log.close();
    } catch (error) {
      console.error(`[store] ${this.name}: closing the log failed:`, error);
    }
    this.awareness.destroy();
    this.doc.destroy();
    this.shadowDoc?.destroy();
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

/** Runs `fn` and returns the update it made to `doc` (one, merged, for several transactions), or null. */
function updateMadeBy(doc: Y.Doc, fn: () => void): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  try {
    fn();
  } finally {
    doc.off('update', collect);
  }
  if (updates.length === 0) return null;
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/**
 * After a damaged log was read, changes that came after a lost record wait in Yjs for the lost
 * one (a client's changes are numbered without gaps). The lost ranges are marked as deleted
 * (garbage-collected) structs so everything after them loads: only what the lost records held
 * is missing. Logged loudly; returns how many ranges were filled.
 */
export function repairLostChanges(doc: Y.Doc, name: string): number {
  let filled = 0;
  for (let round = 0; round < 1000 && doc.store.pendingStructs !== null; round++) {
    const pending = doc.store.pendingStructs;
    const state = Y.decodeStateVector(Y.encodeStateVector(doc));
    const gaps = new Map<number, readonly [number, number]>();
    for (const [client, from] of Y.parseUpdateMetaV2(pending.update).from) {
      const have = state.get(client) ?? 0;
      if (from > have) gaps.set(client, [have, from]);
    }
    for (const [client, clock] of pending.missing) {
      const have = state.get(client) ?? 0;
      if (!gaps.has(client) && clock >= have) gaps.set(client, [have, clock + 1]);
    }
    if (gaps.size === 0) break;
    Y.applyUpdate(doc, garbageCollected(gaps), STORAGE_ORIGIN);
    for (const [client, [from, to]] of gaps) {
      console.error(
        `[store] ${name}: changes ${from}–${to - 1} of client ${client} were in damaged records and are lost; later changes are kept`,
      );
    }
    filled += gaps.size;
  }
  return filled;
}

/** A Yjs update (v1) holding one garbage-collected struct per client range. */
function garbageCollected(gaps: ReadonlyMap<number, readonly [number, number]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, gaps.size);
  for (const [client, [from, to]] of gaps) {
    encoding.writeVarUint(encoder, 1); // structs of this client
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, from);
    encoding.writeUint8(encoder, 0); // a GC struct…
    encoding.writeVarUint(encoder, to - from); // …of this length
  }
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}
