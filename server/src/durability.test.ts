import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addNote, readNote, readNotes } from '@dmc/shared/doc/board';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import { readLog } from './persistence/appendLog';
import {
  connectBoard,
  createWorkshop,
  flush,
  freePort,
  joinWorkshop,
  persistedNote,
  startTestServer,
  tempDataDir,
  waitFor,
  writerAndWatcher,
} from './testing/harness';
import { cleanupAfterEach } from './testing/cleanup';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts the real server as a child process and resolves once it prints its URL. */
async function spawnServer(port: number, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: path.join(dataDir, 'none'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

describe('durability', () => {
  const cleanup = cleanupAfterEach();

  it('loses nothing it had relayed when the server is killed with SIGKILL mid-edit', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const first = await spawnServer(port, dataDir);
    cleanup(() => void first.child.kill('SIGKILL'));
    const { writer, watcher, a, b } = await writerAndWatcher(first.url, cleanup);

    // The writer keeps adding notes, one transaction each, as a person typing fast would.
    let written = 0;
    const typing = setInterval(() => {
      for (let i = 0; i < 2; i++, written++)
        addNote(a.doc, persistedNote(`n${written}`, writer.participant.id, `notitie ${written}`));
    }, 10);
    cleanup(() => clearInterval(typing));
    await waitFor(() => readNotes(b.doc).length >= 150, 'the watcher to see 150 notes', 15_000);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    // Everything the watcher saw had passed through the server, so it must have been stored.
    const seen = new Map(readNotes(b.doc).map((n) => [n.id, n.text]));
    clearInterval(typing);
    b.destroy();

    const second = await spawnServer(port, dataDir);
    cleanup(() => void second.child.kill('SIGKILL'));
    const checker = connectBoard(second.url, watcher);
    cleanup(() => checker.destroy());
    await checker.synced();
    // Loaded before the first sync reply: no waiting needed once synced.
    const restored = new Map(readNotes(checker.doc).map((n) => [n.id, n.text]));
    const missing = [...seen.keys()].filter((id) => restored.get(id) !== seen.get(id));
    expect(missing).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(150);

    // The writer reconnects by itself and delivers what it wrote while the server was down.
    await waitFor(
      () => readNotes(checker.doc).length === written,
      `all ${written} notes after the writer reconnects`,
      15_000,
    );
    expect(readNote(checker.doc, `n${written - 1}`)?.text).toBe(`notitie ${written - 1}`);
  });

  it('unloads idle documents and loads them again on the next connection', async () => {
    const server = await startTestServer({ idleUnloadMs: 50 });
    cleanup(() => server.close());
    const workshop = await createWorkshop(server.url);
    const p = await joinWorkshop(server.url, workshop.workshop.code, 'Piet');
    const c = connectBoard(server.url, p);
    await c.synced();
    addNote(c.doc, persistedNote('kept', p.participant.id, 'bewaard'));
    // The board and the workshop's session document.
    await waitFor(() => server.collab.stats().documentsLoaded === 2, 'the documents to be loaded');
    await flush(c);
    c.destroy();
    await waitFor(() => server.collab.stats().documentsLoaded === 0, 'the idle documents to be unloaded');
    const again = connectBoard(server.url, p);
    cleanup(() => again.destroy());
    await again.synced();
    expect(readNote(again.doc, 'kept')?.text).toBe('bewaard');
  });

  it('compacts the log so it does not grow with every edit', async () => {
    const server = await startTestServer({ compactAfterRecords: 50 });
    cleanup(() => server.close());
    const workshop = await createWorkshop(server.url);
    const p = await joinWorkshop(server.url, workshop.workshop.code, 'Piet');
    const c = connectBoard(server.url, p);
    cleanup(() => c.destroy());
    await c.synced();
    // Paced like people working, below the per-connection message rate.
    for (let batch = 0; batch < 11; batch++) {
      for (let i = 0; i < 50; i++)
        addNote(c.doc, persistedNote(`c${batch * 50 + i}`, p.participant.id, `${batch * 50 + i}`));
      await new Promise((r) => setTimeout(r, 450));
    }
    const file = path.join(
      server.dataDir,
      'workshops',
      workshop.workshop.id,
      'docs',
      `${boardDocKey(PLENARY_BOARD)}.ylog`,
    );
    const checker = connectBoard(server.url, p);
    cleanup(() => checker.destroy());
    await waitFor(() => readNotes(checker.doc).length === 550, 'all 550 notes');
    const records = readLog(file).records.length;
    expect(records).toBeLessThanOrEqual(50);
    expect(fs.existsSync(file)).toBe(true);
  });
});
