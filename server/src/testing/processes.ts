import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, tempDataDir } from './harness';

/**
 * Servers as real child processes on 127.0.0.1, for the scale-out tests, the end-to-end test
 * through nginx and the benchmarks: ours (from the TypeScript sources or a built bundle) or any
 * other Node program that prints "running at" once it listens (the reference y-websocket server).
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** /proc reports CPU time in clock ticks; Linux uses 100 per second. */
const TICKS_PER_SECOND = 100;
/** How long a server may take to listen (a loaded 2-core machine compiling TypeScript sources). */
const START_TIMEOUT_MS = 60_000;

/** A server running as a child process. */
export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Its data directory (ours), or undefined. */
  readonly dataDir: string | undefined;
  /** A field of /proc/<pid>/status in KiB: the resident set now (VmRSS) or at its peak (VmHWM). */
  status(field: 'VmRSS' | 'VmHWM'): number;
  /** Seconds of CPU the process used so far (user + system). */
  cpuSeconds(): number;
  /** Sends the signal (default SIGTERM: ours drains) and resolves with the exit code once it exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** How to start our server. */
export interface OurServerOptions {
  /** Environment on top of the defaults (a data directory of its own, no client, 127.0.0.1). */
  readonly env?: Record<string, string | undefined>;
  /** The port; default a free one. */
  readonly port?: number;
  /** A built bundle (server/dist/index.mjs) to run instead of the TypeScript sources. */
  readonly entry?: string;
  /** Node options before the entry (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
}

/** Starts our server as a child process; resolves once it listens. */
export async function spawnOurServer(options: OurServerOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const dataDir = tempDataDir();
  const entry = options.entry ? [options.entry] : ['--import', 'tsx', 'server/src/index.ts'];
  return spawnNodeServer(
    [...(options.nodeArgs ?? []), ...entry],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: path.join(dataDir, 'none'),
      ...options.env,
    },
    port,
    dataDir,
  );
}

/** Starts a Node program that listens on `port` and prints "running at"; resolves once it did. */
export async function spawnNodeServer(
  args: readonly string[],
  env: Record<string, string | undefined>,
  port: number,
  dataDir?: string,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // A start that hangs must not hang a benchmark for ever (tests have their own timeouts).
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not listen within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    timer.unref();
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!/running at/.test(output)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it listened:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    dataDir,
    status(field) {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    },
    cpuSeconds() {
      const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of the whole line (12 and 13 after the name).
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
