import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentLog } from '../persistence/types';
import { Room, type ConnectionActor, type RoomPeer, type RoomPolicy } from './room';

/** A log in memory. */
function memoryLog(): DocumentLog {
  const updates: Uint8Array[] = [];
  return {
    updates,
    append: (update) => void updates.push(update),
    compact: () => undefined,
    appendedRecords: 0,
    appendedBytes: 0,
    close: () => undefined,
  };
}

function peer(id: string): RoomPeer & { received: number } {
  const actor: ConnectionActor = { id, role: 'participant', name: id };
  const p = {
    actor,
    received: 0,
    send() {
      p.received++;
    },
    close() {},
  };
  return p;
}

const change = (room: Room, value: number) =>
  room.transactAsServer((doc: Y.Doc) => doc.getMap('notes').set('n', value), 'server');

describe('a room relaying changes', () => {
  it('decides mayRead once per connection and access version, and again when the version changes', async () => {
    let version: object = {};
    let bobMayRead = true;
    const asked: string[] = [];
    const policy: RoomPolicy = {
      collections: ['notes'],
      mayRead: (actor) => {
        asked.push(actor.id);
        return actor.id !== 'bob' || bobMayRead;
      },
      accessVersion: () => version,
      checkWrite: () => null,
    };
    const room = new Room('w1', 'board-plenary', policy, memoryLog(), {
      compactAfterRecords: 1e9,
      compactAfterBytes: 1e9,
    });
    const alice = peer('alice');
    const bob = peer('bob');
    room.join(alice);
    room.join(bob);
    const joined = { alice: alice.received, bob: bob.received };
    await change(room, 1);
    await change(room, 2);
    expect([alice.received - joined.alice, bob.received - joined.bob]).toEqual([2, 2]);
    expect(asked.sort()).toEqual(['alice', 'bob']);

    // What mayRead reads changed: the next change is judged again, and Bob gets nothing more.
    bobMayRead = false;
    version = {};
    await change(room, 3);
    expect([alice.received - joined.alice, bob.received - joined.bob]).toEqual([3, 2]);
    expect(asked).toHaveLength(4);
    await room.destroy();
  });

  it('asks the policy for every relayed change when it has no access version', async () => {
    let asked = 0;
    const policy: RoomPolicy = {
      collections: ['notes'],
      mayRead: () => {
        asked++;
        return true;
      },
      checkWrite: () => null,
    };
    const room = new Room('w1', 'board-plenary', policy, memoryLog(), {
      compactAfterRecords: 1e9,
      compactAfterBytes: 1e9,
    });
    room.join(peer('alice'));
    await change(room, 1);
    await change(room, 2);
    expect(asked).toBe(2);
    await room.destroy();
  });
});

describe('a room with work to do before a write is relayed (beforeRelay)', () => {
  it('stores the write, waits for that work, and only then lets anyone receive it', async () => {
    let called!: () => void;
    const reached = new Promise<void>((resolve) => (called = resolve));
    let finish!: () => void;
    const seen: string[] = [];
    const policy: RoomPolicy = {
      collections: ['notes'],
      mayRead: () => true,
      checkWrite: () => null,
      beforeRelay: (actor, changes) => {
        seen.push(`${actor.id}:${changes.map((c) => `${c.type} ${c.id}`).join(',')}`);
        called();
        return new Promise<void>((resolve) => (finish = resolve));
      },
    };
    const log = memoryLog();
    const room = new Room('w1', 'board-plenary', policy, log, { compactAfterRecords: 1e9, compactAfterBytes: 1e9 });
    const alice = peer('alice');
    const bob = peer('bob');
    room.join(alice);
    room.join(bob);
    const before = bob.received;

    const client = new Y.Doc();
    let update: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => (update = u));
    client.transact(() => {
      const record = new Y.Map<string>();
      record.set('id', 'n1');
      client.getMap('notes').set('n1', record);
    });
    const received = room.receiveUpdate(alice, update!);
    await reached;
    // Stored, but nobody has it yet: not the room's document, not Bob.
    expect(log.updates).toHaveLength(1);
    expect(room.doc.getMap('notes').has('n1')).toBe(false);
    expect(bob.received).toBe(before);
    expect(seen).toEqual(['alice:add n1']);

    finish();
    expect(await received).toBeNull();
    expect(room.doc.getMap('notes').has('n1')).toBe(true);
    expect(bob.received).toBeGreaterThan(before);
    await room.destroy();
  });
});

describe('a room opened from storage', () => {
  /** A client's change made on top of `base`: a note `id` with `text`. */
  function clientChange(base: Y.Doc, id: string, text: string): Uint8Array {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
    let update: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => (update = u));
    client.transact(() => {
      const record = new Y.Map<string>();
      record.set('id', id);
      record.set('text', text);
      client.getMap('notes').set(id, record);
    });
    return update!;
  }

  it('loads a compacted state stored in the V2 encoding and takes changes on top of it', async () => {
    const stored = new Y.Doc();
    stored.transact(() => {
      for (let i = 0; i < 50; i++) {
        const record = new Y.Map<string>();
        record.set('id', `s${i}`);
        record.set('text', `stored ${i}`);
        stored.getMap('notes').set(`s${i}`, record);
      }
    });
    const appended: Uint8Array[] = [];
    const log: DocumentLog = {
      records: [{ update: Y.encodeStateAsUpdateV2(stored), encoding: 2 }],
      get updates(): Uint8Array[] {
        throw new Error('the room converted the stored state to V1');
      },
      append: (update) => void appended.push(update),
      compact: () => undefined,
      appendedRecords: 0,
      appendedBytes: 0,
      close: () => undefined,
    };
    const policy: RoomPolicy = {
      collections: ['notes'],
      mayRead: () => true,
      checkWrite: (_actor, changes) =>
        changes.some((c) => c.id === 'refused') ? { code: 'forbidden', reason: 'not this one' } : null,
    };
    const room = new Room('w1', 'board-plenary', policy, log, { compactAfterRecords: 1e9, compactAfterBytes: 1e9 });
    const alice = peer('alice');
    room.join(alice);
    const notes = () => [...room.doc.getMap<Y.Map<string>>('notes').keys()].sort();
    expect(notes()).toHaveLength(50);
    expect(room.doc.getMap<Y.Map<string>>('notes').get('s7')?.get('text')).toBe('stored 7');

    // A refused change leaves the document and the log as they were; the next one is judged on the stored state.
    expect(await room.receiveUpdate(alice, clientChange(stored, 'refused', 'no'))).toMatchObject({ code: 'forbidden' });
    expect(appended).toHaveLength(0);
    expect(await room.receiveUpdate(alice, clientChange(stored, 'n1', 'new'))).toBeNull();
    expect(appended).toHaveLength(1);
    expect(notes()).toHaveLength(51);
    expect(notes()).toContain('n1');
    expect(notes()).not.toContain('refused');
    await room.destroy();
  });
});
