import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './harness';

/**
 * nginx, Debian's package, in front of server processes for tests — running the configuration
 * operators are given (docs/nginx.conf, quoted in docs/operations.md) with only the upstream ports
 * and a plain-HTTP listen on 127.0.0.1 swapped in. Each run is a child process of the test with
 * its own prefix, configuration, logs and pid file in a temporary directory; the system service
 * is never touched. Without nginx the test fails and says how to install it (it never skips).
 */

/** The configuration operators are given. */
export const NGINX_CONFIG_FILE = path.resolve(import.meta.dirname, '../../../docs/nginx.conf');
/** The nginx binary: DMC_TEST_NGINX, or Debian's. */
export const NGINX_BINARY = process.env.DMC_TEST_NGINX || '/usr/sbin/nginx';

const UPSTREAM_BLOCK = /^upstream dmc \{\n((?: {4}server 127\.0\.0\.1:\d+[^\n]*;\n)+)\}$/m;
const UPSTREAM_SERVER = /^ {4}server 127\.0\.0\.1:\d+( [^\n]*)?;$/m;
const LISTEN = /^ {4}listen 443 ssl;$/m;

/**
 * The shipped configuration with one upstream `server` line per port (each with the options of
 * the shipped first line) and `listen 443 ssl` replaced by plain HTTP on 127.0.0.1:listenPort.
 * Throws when the shipped file no longer has the lines it replaces, so the two cannot drift apart.
 */
export function renderNginxConfig(config: string, upstreamPorts: readonly number[], listenPort: number): string {
  const block = UPSTREAM_BLOCK.exec(config);
  const first = block && UPSTREAM_SERVER.exec(block[1]!);
  if (!block || !first || !LISTEN.test(config))
    throw new Error(
      `${NGINX_CONFIG_FILE} no longer has an "upstream dmc" block of "server 127.0.0.1:<port> …;" lines and a ` +
        '"listen 443 ssl;" line; update renderNginxConfig (server/src/testing/nginx.ts) with it',
    );
  const options = first[1] ?? '';
  const servers = upstreamPorts.map((port) => `    server 127.0.0.1:${port}${options};\n`).join('');
  return config
    .replace(UPSTREAM_BLOCK, `upstream dmc {\n${servers}}`)
    .replace(LISTEN, `    listen 127.0.0.1:${listenPort};`);
}

/** nginx running for a test. */
export interface RunningNginx {
  /** Its base URL (http://127.0.0.1:port). */
  readonly url: string;
  /** The configuration it runs. */
  readonly config: string;
  /** What it wrote to its error log so far. */
  errorLog(): string;
  /** Stops it (fast shutdown) and removes its directory. */
  stop(): Promise<void>;
}

/** Starts nginx with the shipped configuration in front of these ports on 127.0.0.1. */
export async function startNginx(upstreamPorts: readonly number[]): Promise<RunningNginx> {
  if (!fs.existsSync(NGINX_BINARY))
    throw new Error(
      `nginx is not installed at ${NGINX_BINARY}. The scale-out end-to-end test (e2e/scaleOut.e2e.ts) runs the ` +
        'shipped docs/nginx.conf in front of the server processes: install it (Debian: apt-get install nginx; the ' +
        'system service need not run) or set DMC_TEST_NGINX to the binary; .ci/run does.',
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-nginx-'));
  // nginx's workers (user nobody when started as root) write proxy buffers under it.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const site = renderNginxConfig(fs.readFileSync(NGINX_CONFIG_FILE, 'utf8'), upstreamPorts, port);
  const config = [
    'daemon off;',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `    access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${dir}/${kind};`),
    site.replace(/^(?=.)/gm, '    '),
    '}',
    '',
  ].join('\n');
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, config);
  const errorLog = () => {
    try {
      return fs.readFileSync(path.join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const child = spawn(NGINX_BINARY, ['-p', dir, '-c', file, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  // nginx prints nothing when it is ready: it is once its port accepts a connection.
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start:\n${output}${errorLog()}\nconfiguration:\n${config}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    errorLog,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether something accepts connections on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
