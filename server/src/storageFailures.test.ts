import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import { readLog } from './persistence/appendLog';
import { LOCK_FILE } from './persistence/dataDirLock';
import type { StoredWorkshop, WorkshopStore } from './persistence/types';
import {
  InterceptedDocuments,
  connectBoard,
  createWorkshop,
  docLogFile,
  joinWorkshop,
  persistedNote,
  postJson,
  startServerWithDocuments,
  startTestServer,
  tempDataDir,
  waitFor,
  writerAndWatcher,
} from './testing/harness';
import { cleanupAfterEach } from './testing/cleanup';

/** The error a full disk gives. */
function noSpace(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}

/** The embedded document store, but every write fails while `full` is set (a disk that fills up and is freed). */
class FillingDocuments extends InterceptedDocuments {
  full = false;
  protected override append(_docKey: string, write: () => void | Promise<void>): void | Promise<void> {
    if (this.full) throw noSpace();
    return write();
  }
  protected override compact(_docKey: string, write: () => void | Promise<void>): void | Promise<void> {
    if (this.full) throw noSpace();
    return write();
  }
}

/** The embedded workshop store, but saving fails while `full` is set. */
class FillingWorkshops implements WorkshopStore {
  full = false;
  constructor(private readonly inner: WorkshopStore) {}
  get(id: string) {
    return this.inner.get(id);
  }
  getByCode(code: string) {
    return this.inner.getByCode(code);
  }
  async save(workshop: StoredWorkshop) {
    if (this.full) throw noSpace();
    return this.inner.save(workshop);
  }
  delete(id: string) {
    return this.inner.delete(id);
  }
  list() {
    return this.inner.list();
  }
  unreadable() {
    return this.inner.unreadable();
  }
}

/** Note ids in a board's log on disk. */
function notesOnDisk(dataDir: string, workshopId: string): string[] {
  const doc = new Y.Doc();
  for (const update of readLog(docLogFile(dataDir, workshopId, boardDocKey(PLENARY_BOARD))).records)
    Y.applyUpdate(doc, update);
  return readNotes(doc)
    .map((n) => n.id)
    .sort();
}

/** Every `*.tmp` file under a directory. */
function temporaryFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.tmp'));
}

describe('a full disk', () => {
  const cleanup = cleanupAfterEach();

  it('refuses a write it cannot store with 4507, keeps memory as on disk, and stores it once space returns', async () => {
    const { server, documents } = await startServerWithDocuments((embedded) => new FillingDocuments(embedded), {
      idleUnloadMs: 60_000,
    });
    cleanup(() => server.close());
    const { workshop, writer, watcher, a, b } = await writerAndWatcher(server.url, cleanup);
    const closes: number[] = [];
    a.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });

    addNote(a.doc, persistedNote('before', writer.participant.id));
    await waitFor(() => readNotes(b.doc).length === 1, 'the watcher to see the first note');

    documents.full = true;
    addNote(a.doc, persistedNote('refused', writer.participant.id));
    await waitFor(() => closes.length > 0, 'the writer to be disconnected');
    expect(closes[0]).toBe(CLOSE.unavailable);
    // Memory is exactly what is on disk: the live document, a newcomer and the log agree.
    const room = server.collab.loadedRoom(workshop.workshop.id, boardDocKey(PLENARY_BOARD));
    expect(readNotes(room!.doc).map((n) => n.id)).toEqual(['before']);
    expect(notesOnDisk(server.dataDir, workshop.workshop.id)).toEqual(['before']);
    const newcomer = connectBoard(server.url, watcher);
    cleanup(() => newcomer.destroy());
    await newcomer.synced();
    expect(readNotes(newcomer.doc).map((n) => n.id)).toEqual(['before']);
    // The writer still has its note, and the room is not poisoned.
    expect(
      readNotes(a.doc)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['before', 'refused']);

    documents.full = false;
    // The writer reconnects by itself and sends the change again; now it is stored and relayed.
    await waitFor(() => readNotes(b.doc).length === 2, 'the watcher to get the resent note', 10_000);
    expect(notesOnDisk(server.dataDir, workshop.workshop.id)).toEqual(['before', 'refused']);
  });

  it('keeps the process up when compacting an idle document fails, and loses nothing', async () => {
    const { server, documents } = await startServerWithDocuments((embedded) => new FillingDocuments(embedded), {
      idleUnloadMs: 50,
    });
    cleanup(() => server.close());
    const workshop = await createWorkshop(server.url);
    const p = await joinWorkshop(server.url, workshop.workshop.code, 'Piet');
    const c = connectBoard(server.url, p);
    await c.synced();
    for (let i = 0; i < 5; i++) addNote(c.doc, persistedNote(`n${i}`, p.participant.id));
    const room = () => server.collab.loadedRoom(workshop.workshop.id, boardDocKey(PLENARY_BOARD));
    await waitFor(() => readNotes(room()!.doc).length === 5, 'the server to store five notes');

    documents.full = true;
    c.destroy();
    // Unloading compacts; that fails on the full disk from a timer, which must not end the process.
    await waitFor(() => server.collab.stats().documentsLoaded === 0, 'the idle documents to be unloaded');
    documents.full = false;
    const again = connectBoard(server.url, p);
    cleanup(() => again.destroy());
    await again.synced();
    expect(readNotes(again.doc)).toHaveLength(5);
  });

  it('answers create and join with 503 storage_unavailable and a retry hint, and works again when space returns', async () => {
    let workshops!: FillingWorkshops;
    const server = await startTestServer({}, { workshops: (embedded) => (workshops = new FillingWorkshops(embedded)) });
    cleanup(() => server.close());
    const created = await createWorkshop(server.url);

    workshops.full = true;
    const create = await postJson<{ error: { code: string; message: string } }>(`${server.url}/api/workshops`, {
      title: 'Vol',
    });
    expect(create.status).toBe(503);
    expect(create.body.error.code).toBe('storage_unavailable');
    expect(create.body.error.message).toMatch(/try again/);
    const join = await postJson<{ error: { code: string } }>(`${server.url}/api/join`, {
      code: created.workshop.code,
      name: 'Anna',
    });
    expect(join.status).toBe(503);
    expect(join.body.error.code).toBe('storage_unavailable');

    workshops.full = false;
    expect((await postJson(`${server.url}/api/join`, { code: created.workshop.code, name: 'Anna' })).status).toBe(201);
    expect((await postJson(`${server.url}/api/workshops`, { title: 'Weer ruimte' })).status).toBe(201);
  });

  it('leaves no temporary file when the workshop record cannot be written (a real ENOSPC)', async () => {
    const server = await startTestServer();
    cleanup(() => server.close());
    const created = await createWorkshop(server.url);
    const dir = path.join(server.dataDir, 'workshops', created.workshop.id);
    const before = fs.readFileSync(path.join(dir, 'workshop.json'), 'utf8');
    // /dev/full answers every write with ENOSPC: the record's temporary file lands on a full "disk".
    fs.symlinkSync('/dev/full', path.join(dir, 'workshop.json.tmp'));
    const join = await postJson<{ error: { code: string } }>(`${server.url}/api/join`, {
      code: created.workshop.code,
      name: 'Anna',
    });
    expect(join.status).toBe(503);
    expect(join.body.error.code).toBe('storage_unavailable');
    expect(temporaryFiles(server.dataDir)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'workshop.json'), 'utf8')).toBe(before);
    expect((await postJson(`${server.url}/api/join`, { code: created.workshop.code, name: 'Anna' })).status).toBe(201);
  });

  it('removes temporary files an interrupted write left behind when it starts', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const created = await createWorkshop(first.url);
    await first.close();
    const dir = path.join(dataDir, 'workshops', created.workshop.id);
    fs.writeFileSync(path.join(dir, 'workshop.json.tmp'), '');
    fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docs', 'session.ylog.tmp'), 'half');
    const second = await startTestServer({ dataDir });
    cleanup(() => second.close());
    expect(temporaryFiles(dataDir)).toEqual([]);
  });
});

describe('one server per data directory', () => {
  it('refuses a second server on the same data directory, naming the directory and the holder', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    try {
      await expect(startTestServer({ dataDir })).rejects.toThrow(
        new RegExp(`${dataDir}.*in use.*process ${process.pid}`),
      );
    } finally {
      await first.close();
    }
    // Released on close: the next server starts.
    const next = await startTestServer({ dataDir });
    await next.close();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a server that is no longer running', async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise((resolve) => child.once('exit', resolve));
    fs.writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid, host: os.hostname(), startedAt: Date.now() - 60_000, nonce: 'old' }),
    );
    const server = await startTestServer({ dataDir });
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    await server.close();
  });
});
