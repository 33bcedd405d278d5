import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { readSettings } from '@dmc/shared/doc/session';
import { PLENARY_BOARD, SESSION_DOC, boardDocKey } from '@dmc/shared/protocol/api';
import { readLog } from './persistence/appendLog';
import { LOCK_FILE } from './persistence/dataDirLock';
import {
  connectBoard,
  connectDoc,
  createWorkshop,
  docLogFile,
  joinWorkshop,
  persistedNote,
  startTestServer,
  tempDataDir,
  waitFor,
} from './testing/harness';
import { cleanupAfterEach } from './testing/cleanup';

/**
 * A flipped byte or a garbled file costs at most the damaged records: every test damages a log
 * on disk, starts a server on it and checks what a participant gets back.
 */

function flipByte(file: string, offset: number): void {
  const data = fs.readFileSync(file);
  data[offset]! ^= 0x5a;
  fs.writeFileSync(file, data);
}

/** Byte offsets where each record of a format-2 log starts. */
function recordOffsets(file: string): number[] {
  const data = fs.readFileSync(file);
  const offsets: number[] = [];
  for (let at = 8; at < data.length; at += 12 + data.readUInt32LE(at + 4)) offsets.push(at);
  return offsets;
}

/** Files moved aside as evidence next to a log. */
function damagedCopies(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).filter((name) => name.startsWith(`${path.basename(file)}.damaged-`));
}

/** What is on disk while a server runs, as a crash would leave it (a copy without the lock). */
function crashCopy(dataDir: string): string {
  const copy = tempDataDir();
  fs.cpSync(dataDir, copy, { recursive: true, filter: (source) => path.basename(source) !== LOCK_FILE });
  return copy;
}

describe('damaged document logs', () => {
  const cleanup = cleanupAfterEach();

  /** A running server with one participant's board holding `count` notes, one record each. */
  async function boardWithNotes(count: number) {
    const server = await startTestServer();
    cleanup(() => server.close());
    const workshop = await createWorkshop(server.url);
    const p = await joinWorkshop(server.url, workshop.workshop.code, 'Piet');
    const writer = connectBoard(server.url, p);
    cleanup(() => writer.destroy());
    await writer.synced();
    for (let i = 0; i < count; i++) addNote(writer.doc, persistedNote(`n${i}`, p.participant.id));
    const room = () => server.collab.loadedRoom(workshop.workshop.id, boardDocKey(PLENARY_BOARD));
    await waitFor(() => readNotes(room()!.doc).length === count, `the server to store ${count} notes`);
    return { server, workshop, p };
  }

  it('brings back all 200 notes after a byte flips in a compacted log, from the previous generation', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const workshop = await createWorkshop(first.url);
    const p = await joinWorkshop(first.url, workshop.workshop.code, 'Piet');
    const writer = connectBoard(first.url, p);
    await writer.synced();
    for (let batch = 0; batch < 10; batch++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 20; i++) addNote(writer.doc, persistedNote(`n${batch * 20 + i}`, p.participant.id));
      });
    }
    const room = () => first.collab.loadedRoom(workshop.workshop.id, boardDocKey(PLENARY_BOARD));
    await waitFor(() => readNotes(room()!.doc).length === 200, 'the server to store 200 notes');
    writer.destroy();
    await first.close(); // compacts: one snapshot record; the records before it stay as .prev

    const file = docLogFile(dataDir, workshop.workshop.id, boardDocKey(PLENARY_BOARD));
    expect(readLog(file).records).toHaveLength(1);
    expect(fs.existsSync(`${file}.prev`)).toBe(true);
    flipByte(file, 8 + 12 + Math.floor((fs.statSync(file).size - 20) / 2));

    const second = await startTestServer({ dataDir });
    cleanup(() => second.close());
    const reader = connectBoard(second.url, p);
    cleanup(() => reader.destroy());
    await reader.synced();
    expect(readNotes(reader.doc)).toHaveLength(200);
    // The damaged file is kept as evidence; the log itself is whole again.
    expect(damagedCopies(file)).toHaveLength(1);
    expect(readLog(file).damage).toEqual([]);
  });

  it('loses only the note of a record with a flipped byte; the notes written after it load', async () => {
    const { server, workshop, p } = await boardWithNotes(10);

    const copy = crashCopy(server.dataDir);
    const file = docLogFile(copy, workshop.workshop.id, boardDocKey(PLENARY_BOARD));
    // One record per note, in order, and no compaction yet (so no previous generation to help).
    const offsets = recordOffsets(file);
    expect(offsets).toHaveLength(10);
    expect(fs.existsSync(`${file}.prev`)).toBe(false);
    flipByte(file, offsets[4]! + 12 + 10);

    const restarted = await startTestServer({ dataDir: copy });
    cleanup(() => restarted.close());
    const reader = connectBoard(restarted.url, p);
    cleanup(() => reader.destroy());
    await reader.synced();
    expect(
      readNotes(reader.doc)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['n0', 'n1', 'n2', 'n3', 'n5', 'n6', 'n7', 'n8', 'n9']);
    expect(damagedCopies(file)).toHaveLength(1);
  });

  it('cuts off a torn last record quietly, without a copy aside', async () => {
    const { server, workshop, p } = await boardWithNotes(3);

    const copy = crashCopy(server.dataDir);
    const file = docLogFile(copy, workshop.workshop.id, boardDocKey(PLENARY_BOARD));
    // Power loss in the middle of appending a fourth record: its first bytes made it to disk.
    const data = fs.readFileSync(file);
    const last = recordOffsets(file)[2]!;
    fs.appendFileSync(file, data.subarray(last, last + 20));

    const restarted = await startTestServer({ dataDir: copy });
    cleanup(() => restarted.close());
    const reader = connectBoard(restarted.url, p);
    cleanup(() => reader.destroy());
    await reader.synced();
    expect(readNotes(reader.doc)).toHaveLength(3);
    expect(damagedCopies(file)).toEqual([]);
    expect(fs.statSync(file).size).toBe(data.length);
  });

  it('keeps a workshop reachable when its session log cannot be read at all, re-seeded from the workshop record', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const workshop = await createWorkshop(first.url, 'Onleesbaar');
    const p = await joinWorkshop(first.url, workshop.workshop.code, 'Piet');
    const c = connectBoard(first.url, p);
    await c.synced();
    c.destroy();
    await first.close();

    const file = docLogFile(dataDir, workshop.workshop.id, SESSION_DOC);
    const garbage = Buffer.from('this is not a log at all, every byte of it is wrong');
    fs.writeFileSync(file, garbage);
    fs.rmSync(`${file}.prev`, { force: true });

    const second = await startTestServer({ dataDir });
    cleanup(() => second.close());
    const board = connectBoard(second.url, p);
    const session = connectDoc(second.url, p, SESSION_DOC);
    cleanup(
      () => board.destroy(),
      () => session.destroy(),
    );
    // Before: the session failed to load on every attempt (4503, retried for ever).
    await waitFor(() => board.provider.synced && session.provider.synced, 'the board and the session to sync');
    expect(readSettings(session.doc)?.title).toBe('Onleesbaar');
    const copies = damagedCopies(file);
    expect(copies).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), copies[0]!))).toEqual(garbage);
  });
});
