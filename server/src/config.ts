import path from 'node:path';
import type { Durability } from './persistence/appendLog';

/** Everything the server can be configured with; see the README's configuration table. */
export interface ServerConfig {
  /** Interface to listen on. */
  readonly host: string;
  /** Port; 0 picks a free one (tests). */
  readonly port: number;
  /** Where workshops and documents are stored. */
  readonly dataDir: string;
  /** Days after creation when a workshop and everything in it is deleted. */
  readonly workshopTtlDays: number;
  /** 'process' survives a killed server; 'fsync' also survives power loss, at a cost per write. */
  readonly durability: Durability;
  /** Signing secret for tokens; generated into the data directory when absent. */
  readonly tokenSecret: string | undefined;
  /** Directory of the built client; the server serves it when present. */
  readonly clientDir: string;
  /** Unload documents this long after the last connection left. */
  readonly idleUnloadMs: number;
  /** Merge a document's stored log into one record after this many appended updates. */
  readonly compactAfterRecords: number;
  /**
   * Which X-Forwarded-For hops to trust (Express 'trust proxy'): false (none), a number of proxy
   * hops, or a comma-separated list of proxy addresses/CIDRs. Never `true`: that lets a client's
   * own X-Forwarded-For choose its rate-limit bucket.
   */
  readonly trustProxy: TrustProxy;
  /** Create, join, facilitate and demo requests per client address per minute (each its own bucket). */
  readonly rateLimitPerMinute: number;
  /** Backup imports per client address per ten minutes (default 5). */
  readonly importsPer10Minutes?: number;
  /** Hours a participant or facilitator token is valid after it was (re)issued (default 24). */
  readonly tokenTtlHours?: number;
  /**
   * Browser origins besides the server's own (its Host) that may open websockets, e.g. when the
   * client is served from another name. Empty by default.
   */
  readonly allowedOrigins?: readonly string[];
  /** Open websockets per client address (default 400: a whole institution may share one). */
  readonly maxConnectionsPerAddress?: number;
  /** Open websockets per participant, across their tabs and devices (default 30). */
  readonly maxConnectionsPerParticipant?: number;
  /** Bytes waiting to be sent to one connection before it is closed as too slow (tests lower it). */
  readonly sendBufferBytes?: number;
  /**
   * PostgreSQL (`postgres://user@host:5432/db`): workshops and documents live there instead of
   * DATA_DIR, so several server processes can share them. Unset: the embedded file store.
   */
  readonly databaseUrl?: string | undefined;
  /** A PostgreSQL schema for the tables (created when missing); unset: the connection's default. */
  readonly databaseSchema?: string | undefined;
  /**
   * Redis (`redis://host:6379`), with DATABASE_URL: updates, presence, workshop changes and rate
   * limits are shared between the server processes.
   */
  readonly redisUrl?: string | undefined;
  /** Prefix of Redis channels and keys (default `dmc:`), for several deployments on one Redis. */
  readonly redisPrefix?: string | undefined;
  /**
   * This process's name among several behind a load balancer (PROCESS_NAME): every HTTP response
   * and websocket upgrade carries it as `X-Served-By`, so operators and tests can tell which
   * process answered. Unset: no such header.
   */
  readonly processName?: string | undefined;
  /** Who is responsible for the data (AVG controller), as the privacy notice names them. */
  readonly privacy?: PrivacyConfig;
}

/**
 * The controller the privacy notice names (PRIVACY_CONTROLLER, PRIVACY_CONTACT): the organisation
 * that runs this service and how to reach it about personal data. Unset: the notice says "the
 * organisation that runs this service".
 */
export interface PrivacyConfig {
  readonly controller: string | null;
  readonly contact: string | null;
}

/** PRIVACY_CONTROLLER / PRIVACY_CONTACT: plain text, at most 200 characters each. */
export function privacyFrom(env: NodeJS.ProcessEnv): PrivacyConfig {
  const read = (name: string): string | null => {
    const value = (env[name] ?? '').replace(/\p{Cc}/gu, ' ').trim();
    if (value.length > 200) throw new Error(`${name} must be at most 200 characters`);
    return value === '' ? null : value;
  };
  return { controller: read('PRIVACY_CONTROLLER'), contact: read('PRIVACY_CONTACT') };
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Reads the configuration from environment variables, with defaults for a local start. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intFrom(env.PORT, 8080, 'PORT'),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data')),
    workshopTtlDays: intFrom(env.WORKSHOP_TTL_DAYS, 30, 'WORKSHOP_TTL_DAYS'),
    durability: env.DURABILITY === 'fsync' ? 'fsync' : 'process',
    tokenSecret: env.TOKEN_SECRET || undefined,
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(ROOT, 'client', 'dist')),
    idleUnloadMs: intFrom(env.IDLE_UNLOAD_MS, 30_000, 'IDLE_UNLOAD_MS'),
    compactAfterRecords: intFrom(env.COMPACT_AFTER_RECORDS, 500, 'COMPACT_AFTER_RECORDS'),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    rateLimitPerMinute: intFrom(env.RATE_LIMIT_PER_MINUTE, 120, 'RATE_LIMIT_PER_MINUTE'),
    importsPer10Minutes: intFrom(env.IMPORTS_PER_10_MINUTES, DEFAULT_IMPORTS_PER_10_MINUTES, 'IMPORTS_PER_10_MINUTES'),
    tokenTtlHours: positiveFrom(env.TOKEN_TTL_HOURS, 24, 'TOKEN_TTL_HOURS'),
    allowedOrigins: originsFrom(env.ALLOWED_ORIGINS),
    maxConnectionsPerAddress: positiveFrom(env.MAX_CONNECTIONS_PER_ADDRESS, 400, 'MAX_CONNECTIONS_PER_ADDRESS'),
    maxConnectionsPerParticipant: positiveFrom(
      env.MAX_CONNECTIONS_PER_PARTICIPANT,
      30,
      'MAX_CONNECTIONS_PER_PARTICIPANT',
    ),
    ...deploymentFrom(env),
    processName: processNameFrom(env.PROCESS_NAME),
    privacy: privacyFrom(env),
  };
}

/** DATABASE_URL / DATABASE_SCHEMA / REDIS_URL / REDIS_PREFIX: which deployment runs (see docs/operations.md). */
export function deploymentFrom(
  env: NodeJS.ProcessEnv,
): Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'redisUrl' | 'redisPrefix'> {
  const databaseUrl = env.DATABASE_URL || undefined;
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !databaseUrl)
    throw new Error('REDIS_URL needs DATABASE_URL: several server processes must share one store (PostgreSQL)');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error('DATABASE_URL must be a postgres:// URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  const databaseSchema = env.DATABASE_SCHEMA || undefined;
  if (databaseSchema && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(databaseSchema))
    throw new Error(`DATABASE_SCHEMA must be a plain identifier, got ${JSON.stringify(databaseSchema)}`);
  return { databaseUrl, databaseSchema, redisUrl, redisPrefix: env.REDIS_PREFIX || undefined };
}

/** PROCESS_NAME: letters, digits, `.`, `_` and `-`, at most 64 (it is repeated in a response header). */
export function processNameFrom(value: string | undefined): string | undefined {
  const name = (value ?? '').trim();
  if (name === '') return undefined;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name))
    throw new Error(`PROCESS_NAME must be 1-64 letters, digits, '.', '_' or '-', got ${JSON.stringify(value)}`);
  return name;
}

/** What Express's 'trust proxy' is set to: no proxy, a number of hops, or proxy addresses/CIDRs. */
export type TrustProxy = false | number | string;

/** Backup imports per address per ten minutes when IMPORTS_PER_10_MINUTES is not set. */
export const DEFAULT_IMPORTS_PER_10_MINUTES = 5;

/**
 * TRUST_PROXY: unset/0/false → no proxy; `1`/`true` → exactly one hop; N → N hops; otherwise a
 * comma-separated list of proxy addresses or CIDRs (e.g. `10.0.0.0/8, 127.0.0.1`, or `loopback`).
 */
export function trustProxyFrom(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text === 'false') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  const list = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (list.length === 0 || list.some((part) => !/^[0-9A-Za-z.:/]+$/.test(part))) {
    throw new Error(
      `TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses/CIDRs, got ${JSON.stringify(value)}`,
    );
  }
  return list.join(',');
}

/** ALLOWED_ORIGINS: comma-separated origins such as `https://canvas.example.nl`. */
export function originsFrom(value: string | undefined): string[] {
  const list = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin.replace(/\/$/, ''))
      throw new Error(`ALLOWED_ORIGINS must list origins like https://host[:port], got ${JSON.stringify(origin)}`);
  }
  return list.map((origin) => origin.replace(/\/$/, ''));
}

function positiveFrom(value: string | undefined, fallback: number, name: string): number {
  const n = intFrom(value, fallback, name);
  if (n === 0) throw new Error(`${name} must be at least 1`);
  return n;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return n;
}
