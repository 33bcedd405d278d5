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
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  readonly trustProxy: boolean;
  /** Join and create requests per client address per minute. */
  readonly rateLimitPerMinute: number;
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
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    rateLimitPerMinute: intFrom(env.RATE_LIMIT_PER_MINUTE, 120, 'RATE_LIMIT_PER_MINUTE'),
  };
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return n;
}
