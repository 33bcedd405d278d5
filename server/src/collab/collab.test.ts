import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addNote, moveNote, readNote, readNotes, setNoteText } from '@dmc/shared/doc/board';
import { LIMITS } from '@dmc/shared/domain/limits';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { MESSAGE, SYNC } from '@dmc/shared/protocol/messages';
import {
  PLENARY_BOARD,
  boardDocKey,
  type CreateWorkshopResponse,
  type SessionResponse,
} from '@dmc/shared/protocol/api';
import type { RunningServer } from '../server';
import {
  connectBoard,
  createWorkshop,
  flush,
  joinWorkshop,
  rawSocket,
  startTestServer,
  waitFor,
  type BoardClient,
} from '../testing/harness';

const BOARD = boardDocKey(PLENARY_BOARD);

function note(id: string, authorId: string, text = '') {
  return { id, sheetId: 'vel1', fieldId: 'doel', x: 100, y: 150, color: 'yellow' as const, text, authorId };
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, SYNC.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('collaboration server', () => {
  let server: RunningServer;
  let workshop: CreateWorkshopResponse;
  let alice: SessionResponse;
  let bob: SessionResponse;
  const clients: BoardClient[] = [];
  const connect = (session: SessionResponse) => {
    const client = connectBoard(server.url, session);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    workshop = await createWorkshop(server.url);
    alice = await joinWorkshop(server.url, workshop.workshop.code, 'Alice');
    bob = await joinWorkshop(server.url, workshop.workshop.code, 'Bob');
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  it('lets two clients converge on the same notes', async () => {
    const a = connect(alice);
    const b = connect(bob);
    await Promise.all([a.synced(), b.synced()]);
    addNote(a.doc, note('conv-a', alice.participant.id, 'van Alice'));
    addNote(b.doc, note('conv-b', bob.participant.id, 'van Bob'));
    await waitFor(() => readNotes(a.doc).length >= 2 && readNotes(b.doc).length >= 2, 'both notes on both sides');
    moveNote(b.doc, 'conv-a', { x: 400, y: 300, fieldId: 'doelgroep' });
    await waitFor(() => readNote(a.doc, 'conv-a')?.x === 400, 'the move to reach Alice');
    expect(readNotes(a.doc)).toEqual(readNotes(b.doc));
  });

  it("refuses a participant's edit of someone else's note text, and never relays it", async () => {
    const a = connect(alice);
    const b = connect(bob);
    await Promise.all([a.synced(), b.synced()]);
    addNote(a.doc, note('protected', alice.participant.id, 'origineel'));
    await waitFor(() => readNote(b.doc, 'protected') !== undefined, 'the note to reach Bob');
    setNoteText(b.doc, 'protected', 'overschreven door Bob');
    const closed = await b.closed;
    expect(closed.code).toBe(CLOSE.forbidden);
    expect(closed.reason).toMatch(/someone else/);
    // Alice still sees her text; a fresh client loading from the server does too.
    await flush(a);
    expect(readNote(a.doc, 'protected')?.text).toBe('origineel');
    const fresh = connect(alice);
    await fresh.synced();
    expect(readNote(fresh.doc, 'protected')?.text).toBe('origineel');
  });

  it("refuses a note written in someone else's name", async () => {
    const b = connect(bob);
    await b.synced();
    addNote(b.doc, note('forged', alice.participant.id, 'namens Alice'));
    expect((await b.closed).code).toBe(CLOSE.forbidden);
    const check = connect(alice);
    await check.synced();
    expect(readNote(check.doc, 'forged')).toBeUndefined();
  });

  it('enforces the note text limit with close code 4413 and leaves other clients connected', async () => {
    const a = connect(alice);
    const b = connect(bob);
    await Promise.all([a.synced(), b.synced()]);
    // Bypass the client-side clamp: write the raw map as a hostile client would.
    b.doc.transact(() => {
      const rec = new Y.Map();
      for (const [k, v] of Object.entries({
        ...note('too-long', bob.participant.id),
        text: 'x'.repeat(LIMITS.noteTextLength + 1),
        createdAt: 1,
        z: 1,
      }))
        rec.set(k, v);
      b.doc.getMap('notes').set('too-long', rec);
    });
    expect((await b.closed).code).toBe(CLOSE.limit);
    addNote(a.doc, note('after-limit', alice.participant.id, 'nog steeds verbonden'));
    const c = connect(bob);
    await c.synced();
    await waitFor(() => readNote(c.doc, 'after-limit') !== undefined, "Alice's later note");
    expect(readNote(c.doc, 'too-long')).toBeUndefined();
    expect(a.provider.wsconnected).toBe(true);
  });

  it('closes a connection that sends an oversized message with 1009', async () => {
    const raw = await rawSocket(server.url, workshop.workshop.id, BOARD, alice.token);
    raw.ws.send(new Uint8Array(LIMITS.messageBytes + 1));
    expect((await raw.closed).code).toBe(CLOSE.messageTooBig);
  });

  it('closes a connection that sends garbage with 4400', async () => {
    const raw = await rawSocket(server.url, workshop.workshop.id, BOARD, alice.token);
    raw.ws.send(new Uint8Array([0, 2, 200, 1, 2, 3]));
    expect((await raw.closed).code).toBe(CLOSE.malformed);
    const raw2 = await rawSocket(server.url, workshop.workshop.id, BOARD, alice.token);
    raw2.ws.send('text frames are not part of the protocol');
    expect((await raw2.closed).code).toBe(CLOSE.malformed);
  });

  it('refuses writes to unknown parts of the document', async () => {
    const raw = await rawSocket(server.url, workshop.workshop.id, BOARD, alice.token);
    const scratch = new Y.Doc();
    scratch.getArray('evil').push(['x']);
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(scratch)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CLOSE.malformed);
    expect(closed.reason).toMatch(/evil/);
  });

  it('closes a flooding connection with 4429', async () => {
    const raw = await rawSocket(server.url, workshop.workshop.id, BOARD, alice.token);
    const query = new Uint8Array([MESSAGE.queryAwareness]);
    for (let i = 0; i < LIMITS.messagesPerSecond * 3; i++) raw.ws.send(query);
    expect((await raw.closed).code).toBe(CLOSE.tooManyMessages);
  });

  it('rejects connections without a valid token or to unknown documents', async () => {
    const noToken = await rawSocket(server.url, workshop.workshop.id, BOARD, 'v1.bogus.token');
    expect((await noToken.closed).code).toBe(CLOSE.unauthorized);
    const otherWorkshop = await createWorkshop(server.url, 'Andere workshop');
    const wrongWorkshop = await rawSocket(server.url, otherWorkshop.workshop.id, BOARD, alice.token);
    expect((await wrongWorkshop.closed).code).toBe(CLOSE.unauthorized);
    const unknownDoc = await rawSocket(server.url, workshop.workshop.id, 'board-nope', alice.token);
    expect((await unknownDoc.closed).code).toBe(CLOSE.notFound);
  });

  it("refuses presence that claims someone else's name", async () => {
    const b = connectBoard(server.url, bob);
    clients.push(b);
    await b.synced();
    b.provider.awareness.setLocalStateField('user', { id: alice.participant.id, name: 'Alice', color: '#1d4ed8' });
    expect((await b.closed).code).toBe(CLOSE.forbidden);
  });

  it('limits the number of notes on a board', async () => {
    const srv = await startTestServer();
    try {
      const w = await createWorkshop(srv.url);
      const p = await joinWorkshop(srv.url, w.workshop.code, 'Veel');
      const c = connectBoard(srv.url, p);
      await c.synced();
      c.doc.transact(() => {
        for (let i = 0; i < LIMITS.notesPerBoard; i++) addNote(c.doc, note(`n${i}`, p.participant.id));
      });
      const observer = connectBoard(srv.url, p);
      await observer.synced();
      await waitFor(() => readNotes(observer.doc).length === LIMITS.notesPerBoard, 'a full board');
      addNote(c.doc, note('one-too-many', p.participant.id));
      expect((await c.closed).code).toBe(CLOSE.limit);
      expect(readNotes(observer.doc)).toHaveLength(LIMITS.notesPerBoard);
      c.destroy();
      observer.destroy();
    } finally {
      await srv.close();
    }
  });
});
