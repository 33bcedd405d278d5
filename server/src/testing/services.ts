import net from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';

/**
 * Real PostgreSQL and Redis for the scale-out tests (no mocks): each test gets its own schema and
 * key prefix, created and dropped by the test. When a service cannot be reached the test fails
 * with a message saying which and where — it never skips (CI installs and starts both).
 */

/**
 * The PostgreSQL the tests use: DMC_TEST_DATABASE_URL (set by .ci/run when it had to start one),
 * or the local default. Not DATABASE_URL: that would switch every server a test spawns to it.
 */
export const TEST_DATABASE_URL = process.env.DMC_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** The Redis the tests use: DMC_TEST_REDIS_URL, or the local default. */
export const TEST_REDIS_URL = process.env.DMC_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A schema of its own in the test database; `drop()` removes it with everything in it. */
export interface TestSchema {
  readonly name: string;
  drop(): Promise<void>;
  /** Runs a query in the schema (to look at rows directly). */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
}

/** Creates a fresh schema; fails clearly when PostgreSQL cannot be reached. */
export async function freshSchema(): Promise<TestSchema> {
  const name = `dmc_test_${randomBytes(6).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2, connectionTimeoutMillis: 3000 });
  pool.on('error', () => {});
  try {
    await pool.query(`CREATE SCHEMA ${name}`);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${(error as Error).message}). The scale-out tests ` +
        'need a real PostgreSQL: start one (Debian: apt-get install postgresql) or set DMC_TEST_DATABASE_URL; .ci/run does both.',
      { cause: error },
    );
  }
  return {
    name,
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await pool.end();
    },
    async query(text, values = []) {
      const client = await pool.connect();
      try {
        await client.query(`SET search_path TO ${name}`);
        return (await client.query(text, values)).rows;
      } finally {
        client.release();
      }
    },
  };
}

/** A key prefix of its own in the test Redis; `drop()` deletes its keys. */
export interface TestPrefix {
  readonly prefix: string;
  drop(): Promise<void>;
}

/** Creates a fresh Redis prefix; fails clearly when Redis cannot be reached. */
export async function freshPrefix(): Promise<TestPrefix> {
  const prefix = `dmctest:${randomBytes(6).toString('hex')}:`;
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (${(error as Error).message}). The scale-out tests need a ` +
        'real Redis: start one (Debian: apt-get install redis-server) or set DMC_TEST_REDIS_URL; .ci/run does both.',
      { cause: error },
    );
  }
  return {
    prefix,
    async drop() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

/**
 * A TCP proxy in front of a service, which a test can cut (every connection dropped, new ones
 * refused) and restore on the same port: a database or Redis going away and coming back.
 */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Starts a proxy to host:port on a free local port. */
  static async start(target: string): Promise<TcpProxy> {
    const url = new URL(target);
    const proxy = new TcpProxy(url.hostname, Number(url.port));
    await proxy.listen(0);
    return proxy;
  }

  /** The target URL with the proxy's port. */
  via(target: string): string {
    const url = new URL(target);
    url.port = String(this.port);
    return url.toString();
  }

  private listen(port: number): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      this.sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** Drops every connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Accepts connections again, on the same port. */
  async restore(): Promise<void> {
    if (!this.server) await this.listen(this.port);
  }

  async close(): Promise<void> {
    await this.cut();
  }
}

/**
 * A round-robin TCP load balancer in front of several server processes, as nginx would be: each
 * new connection goes to the next backend that accepts it, so a draining or killed process is
 * skipped and its clients land on another.
 */
export class TcpBalancer {
  private next = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly backends: number[],
  ) {}

  /** Starts a balancer on a free port over these backend ports on 127.0.0.1. */
  static async start(backends: number[]): Promise<TcpBalancer> {
    const server = net.createServer();
    const balancer = new TcpBalancer(server, backends);
    server.on('connection', (client) => balancer.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return balancer;
  }

  /** The balancer's HTTP base URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  private accept(client: net.Socket): void {
    client.pause();
    this.sockets.add(client);
    client.on('error', () => client.destroy()).on('close', () => this.sockets.delete(client));
    const attempt = (left: number) => {
      if (left === 0 || client.destroyed) return void client.destroy();
      const port = this.backends[this.next++ % this.backends.length]!;
      const upstream = net.connect(port, '127.0.0.1');
      upstream.once('error', () => attempt(left - 1));
      upstream.once('connect', () => {
        this.sockets.add(upstream);
        upstream.removeAllListeners('error');
        upstream
          .on('error', () => client.destroy())
          .on('close', () => {
            this.sockets.delete(upstream);
            client.destroy();
          });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
      });
    };
    attempt(this.backends.length);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
