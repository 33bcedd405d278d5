import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addNote, readNotes, setNoteText } from '@dmc/shared/doc/board';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { MESSAGE, SYNC } from '@dmc/shared/protocol/messages';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import { presenceColor } from '@dmc/shared/protocol/presence';
import {
  connectBoard,
  createWorkshop,
  joinWorkshop,
  rawSocket,
  syncMessage,
  startTestServer,
  waitFor,
  type BoardClient,
} from '../testing/harness';
import { cleanupAfterEach } from '../testing/cleanup';

/**
 * Who a connection may be inside a room: one presence state per connection, and Yjs client ids
 * bound to the participant who first wrote under them.
 */

function note(id: string, authorId: string, text = id) {
  return { id, sheetId: 'vel1', fieldId: null, x: 40, y: 140, color: 'yellow' as const, text, authorId };
}

function awarenessMessage(entries: ReadonlyArray<readonly [number, number, unknown]>): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE.awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

describe('identity inside a room', () => {
  const cleanup = cleanupAfterEach();

  it('keeps one presence state per connection and drops unknown presence fields', async () => {
    const server = await startTestServer();
    cleanup(() => server.close());
    const fac = await createWorkshop(server.url);
    const bram = await joinWorkshop(server.url, fac.workshop.code, 'Bram');
    const observer = connectBoard(server.url, fac);
    cleanup(() => observer.destroy());
    await observer.synced();
    const flooder = await rawSocket(server.url, fac.workshop.id, boardDocKey(PLENARY_BOARD), bram.token);
    cleanup(() => flooder.ws.close());
    const user = { id: bram.participant.id, name: bram.participant.name, color: presenceColor(bram.participant.id) };
    const base = 1_000_000;
    // 3 messages × 60 made-up client ids, each with a field the schema does not know.
    for (let m = 0; m < 3; m++) {
      flooder.ws.send(
        awarenessMessage(
          Array.from({ length: 60 }, (_, i) => [base + m * 60 + i, 1, { user, tracker: 'x'.repeat(500) }] as const),
        ),
      );
    }
    // The sentinel: the first identity moves its cursor.
    flooder.ws.send(awarenessMessage([[base, 2, { user, cursor: { sheetId: 'vel1', x: 5, y: 6 } }]]));
    const states = () =>
      [...observer.provider.awareness.getStates().entries()].filter(
        ([, s]) => (s as { user?: { id?: string } }).user?.id === bram.participant.id,
      );
    await waitFor(
      () => states().some(([, s]) => (s as { cursor?: { x: number } }).cursor?.x === 5),
      "the sentinel cursor of Bram's one presence",
    );
    expect(states().map(([id]) => id)).toEqual([base]);
    expect(Object.keys(states()[0]![1])).not.toContain('tracker');
    expect(
      server.collab.loadedRoom(fac.workshop.id, boardDocKey(PLENARY_BOARD))!.awareness.getStates().size,
    ).toBeLessThanOrEqual(2);
  });

  it("refuses changes under another participant's Yjs client id, so their offline notes are not lost", async () => {
    const server = await startTestServer();
    cleanup(() => server.close());
    const fac = await createWorkshop(server.url);
    const anna = await joinWorkshop(server.url, fac.workshop.code, 'Anna');
    const bram = await joinWorkshop(server.url, fac.workshop.code, 'Bram');
    const annaClient: BoardClient = connectBoard(server.url, anna);
    cleanup(() => annaClient.destroy());
    await annaClient.synced();
    addNote(annaClient.doc, note('a1', anna.participant.id));
    const reader = connectBoard(server.url, fac);
    cleanup(() => reader.destroy());
    await reader.synced();
    await waitFor(() => readNotes(reader.doc).some((n) => n.id === 'a1'), "Anna's first note");

    // Anna goes offline and writes a note the server has not seen.
    annaClient.provider.disconnect();
    addNote(annaClient.doc, note('a2', anna.participant.id, 'offline geschreven'));

    // Bram writes under Anna's client id, claiming the clock numbers her offline note uses.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(reader.doc));
    forged.clientID = annaClient.doc.clientID;
    const before = Y.encodeStateVector(forged);
    addNote(forged, note('b-forged', bram.participant.id, 'onder andermans naam'));
    const attacker = await rawSocket(server.url, fac.workshop.id, boardDocKey(PLENARY_BOARD), bram.token);
    attacker.ws.send(syncMessage(SYNC.update, Y.encodeStateAsUpdate(forged, before)));
    expect((await attacker.closed).code).toBe(CLOSE.forbidden);

    // Anna comes back: her offline note arrives.
    annaClient.provider.connect();
    await waitFor(() => readNotes(reader.doc).some((n) => n.id === 'a2'), "Anna's offline note");
    expect(readNotes(reader.doc).map((n) => n.id)).not.toContain('b-forged');
  });

  it('keeps the binding across an unload: the owner continues under the same id, nobody else may', async () => {
    const server = await startTestServer({ idleUnloadMs: 50 });
    cleanup(() => server.close());
    const fac = await createWorkshop(server.url);
    const anna = await joinWorkshop(server.url, fac.workshop.code, 'Anna');
    const bram = await joinWorkshop(server.url, fac.workshop.code, 'Bram');
    const annaClient = connectBoard(server.url, anna);
    cleanup(() => annaClient.destroy());
    await annaClient.synced();
    addNote(annaClient.doc, note('a1', anna.participant.id));
    await waitFor(
      () =>
        (server.collab.loadedRoom(fac.workshop.id, boardDocKey(PLENARY_BOARD))
          ? readNotes(server.collab.loadedRoom(fac.workshop.id, boardDocKey(PLENARY_BOARD))!.doc).length
          : 0) === 1,
      'the note on the server',
    );
    annaClient.provider.disconnect();
    await waitFor(() => !server.collab.loadedRoom(fac.workshop.id, boardDocKey(PLENARY_BOARD)), 'the board to unload');

    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(annaClient.doc));
    // After loading: Yjs gives a document that receives changes under its own id a new one.
    forged.clientID = annaClient.doc.clientID;
    const before = Y.encodeStateVector(forged);
    addNote(forged, note('b-forged', bram.participant.id));
    const attacker = await rawSocket(server.url, fac.workshop.id, boardDocKey(PLENARY_BOARD), bram.token);
    attacker.ws.send(syncMessage(SYNC.update, Y.encodeStateAsUpdate(forged, before)));
    expect((await attacker.closed).code).toBe(CLOSE.forbidden);

    addNote(annaClient.doc, note('a2', anna.participant.id));
    annaClient.provider.connect();
    const reader = connectBoard(server.url, fac);
    cleanup(() => reader.destroy());
    await waitFor(() => readNotes(reader.doc).some((n) => n.id === 'a2'), "Anna's note after the reload");
  });

  it('closes a connection that does not read what it is sent, so the server does not hold it all', async () => {
    const server = await startTestServer({ sendBufferBytes: 64 * 1024 });
    cleanup(() => server.close());
    const fac = await createWorkshop(server.url);
    const writer = connectBoard(server.url, fac);
    cleanup(() => writer.destroy());
    await writer.synced();
    const slow = await rawSocket(server.url, fac.workshop.id, boardDocKey(PLENARY_BOARD), fac.token);
    cleanup(() => slow.ws.terminate());
    await waitFor(() => slow.messages.length > 0, 'the slow reader to be admitted');
    // The reader stops reading from its TCP socket.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const room = () => server.collab.loadedRoom(fac.workshop.id, boardDocKey(PLENARY_BOARD))!;
    const ids = Array.from({ length: 300 }, (_, i) => `n${i}`);
    writer.doc.transact(() => ids.forEach((id) => addNote(writer.doc, note(id, fac.participant.id, 'x'.repeat(400)))));
    for (let round = 0; round < 200 && room().peers.size > 1; round++) {
      writer.doc.transact(() => ids.forEach((id) => setNoteText(writer.doc, id, `${round} ${'y'.repeat(400)}`)));
      await waitFor(() => room().doc.getMap('notes').size === 300, 'the write to arrive');
    }
    await waitFor(() => room().peers.size === 1, 'the slow reader to be closed');
    // The writer is unaffected.
    addNote(writer.doc, note('after', fac.participant.id));
    await waitFor(() => readNotes(room().doc).some((n) => n.id === 'after'), 'a later write');
  });
});
