import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * One server process per data directory: two processes appending to the same logs overwrite each
 * other's records. Node has no flock, so the lock is a file created with O_EXCL holding the
 * holder's PID, host and start time. A lock whose process is gone (crash, kill -9, a container
 * restarted with the same PID) is stale and taken over.
 */

/** What a lock file says about its holder. */
interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: number;
  readonly nonce: string;
}

/** A held lock on a data directory. */
export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file (if it is still ours). */
  release(): void;
}

/** Lock files this process holds, so a second server in the same process is refused too. */
const heldHere = new Set<string>();

/** The lock file's name inside the data directory. */
export const LOCK_FILE = 'server.lock';

/** Takes the data directory's lock or throws an error that names the directory and the holder. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: Date.now(), nonce: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder === undefined) continue; // released meanwhile
      if (holder === 'unreadable') {
        throw new Error(
          `The data directory ${dataDir} has a lock file ${file} that is being written or cannot be read. If no other server uses this directory, remove the file and start again.`,
          { cause: error },
        );
      }
      if (heldHere.has(file)) throw inUse(dataDir, file, holder, true);
      if (holderAlive(holder)) throw inUse(dataDir, file, holder, false);
      console.warn(`[store] taking over the stale lock ${file} of process ${holder.pid} (no longer running)`);
      fs.rmSync(file, { force: true });
      continue;
    }
    try {
      fs.writeFileSync(fd, `${JSON.stringify(me)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    heldHere.add(file);
    return {
      file,
      release() {
        if (!heldHere.delete(file)) return;
        const current = readHolder(file);
        if (current && current !== 'unreadable' && current.nonce === me.nonce) fs.rmSync(file, { force: true });
      },
    };
  }
  throw new Error(`Could not take the lock ${file} on the data directory ${dataDir}; another server may be starting.`);
}

/** The holder written in a lock file; undefined when the file is gone; 'unreadable' when it is being written or garbled. */
function readHolder(file: string): LockHolder | 'unreadable' | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.startedAt === 'number' &&
      typeof value.nonce === 'string'
    ) {
      return value as LockHolder;
    }
  } catch {
    // fall through
  }
  // An empty file may be a lock another process is writing this very moment.
  const age = Date.now() - fs.statSync(file).mtimeMs;
  return age < 10_000 ? 'unreadable' : staleGarbage;
}

/** A lock file older than a few seconds that holds no holder: left by a crash mid-write. */
const staleGarbage: LockHolder = { pid: 0, host: os.hostname(), startedAt: 0, nonce: '' };

/** Whether the process that wrote the lock may still be running. */
function holderAlive(holder: LockHolder): boolean {
  if (holder.pid <= 0) return false;
  // Another machine (a shared volume): we cannot tell, so we assume it runs.
  if (holder.host !== os.hostname()) return true;
  // Our own PID, but not a lock of this process: left by an earlier run (containers reuse PID 1).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = processStart(holder.pid);
  // A process that started after the lock was written is another process that got the same PID.
  return started === undefined || started <= holder.startedAt + 2_000;
}

/** When a process started (ms since the epoch), from /proc on Linux; undefined elsewhere. */
function processStart(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!Number.isFinite(ticks) || boot === undefined) return undefined;
    // Linux reports start times in clock ticks of 1/100 s (USER_HZ) on every common platform.
    return Number(boot) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

function inUse(dataDir: string, file: string, holder: LockHolder, sameProcess: boolean): Error {
  const since = new Date(holder.startedAt).toISOString();
  return new Error(
    `The data directory ${dataDir} is in use by another server${sameProcess ? ' in this process' : ''} (process ${holder.pid} on ${holder.host}, since ${since}). ` +
      `Two servers on one data directory overwrite each other's changes. Stop the other server, or give this one its own DATA_DIR. ` +
      `If you are sure no server uses it, remove ${file}.`,
  );
}
