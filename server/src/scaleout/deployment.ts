import crypto from 'node:crypto';
import type { ServerConfig } from '../config';
import { loadTokenSecret } from '../auth/tokens';
import { lockDataDir } from '../persistence/dataDirLock';
import { FileDocumentStore, FileWorkshopStore, sweepTemporaryFiles } from '../persistence/fileStore';
import type { DocumentStore, WorkshopStore } from '../persistence/types';
import { errorCode } from '../persistence/storageErrors';
import type { RedisRelay } from './redisRelay';

/**
 * Which deployment runs, chosen by the configuration alone:
 * - nothing set: the embedded file store in DATA_DIR, one process (DATA_DIR/server.lock);
 * - DATABASE_URL: workshops and documents in PostgreSQL (still one process per database unless…);
 * - DATABASE_URL and REDIS_URL: N identical processes; Redis fans updates, presence, workshop
 *   changes and rate limits out between them.
 * The collaboration core sees only the DocumentStore/WorkshopStore interfaces and, with Redis, a
 * DocumentRelay.
 */
export interface Deployment {
  readonly kind: 'embedded' | 'postgres' | 'postgres+redis';
  readonly documents: DocumentStore;
  readonly workshops: WorkshopStore;
  readonly tokenSecret: Buffer;
  /** The fan-out between processes (with REDIS_URL). */
  readonly relay?: RedisRelay;
  /** Reasons not to take traffic (store or Redis unreachable); empty when ready. */
  problems(): Promise<string[]>;
  /** Releases the data directory lock and closes database and Redis connections. */
  close(): Promise<void>;
}

/** Opens the stores the configuration names; throws with a message an operator can act on. */
export async function openDeployment(config: ServerConfig): Promise<Deployment> {
  if (!config.databaseUrl) return embedded(config);
  // Loaded only when configured: the PostgreSQL and Redis clients cost the embedded deployment
  // ~10 MiB of memory it would never use.
  const { Postgres, PostgresDocumentStore, PostgresWorkshopStore } = await import('../persistence/postgres');
  const db = await Postgres.connect({ connectionString: config.databaseUrl, schema: config.databaseSchema });
  let relay: RedisRelay | undefined;
  try {
    // Every process must sign and check the same tokens: TOKEN_SECRET, or one kept in the database.
    const tokenSecret = config.tokenSecret
      ? Buffer.from(config.tokenSecret, 'utf8')
      : Buffer.from(await db.sharedSecret(crypto.randomBytes(32).toString('hex')), 'hex');
    if (config.redisUrl) {
      const { RedisRelay } = await import('./redisRelay');
      relay = new RedisRelay({ url: config.redisUrl, prefix: config.redisPrefix });
      await relay.connect();
    }
    const documents = new PostgresDocumentStore(db);
    const workshops = new PostgresWorkshopStore(db);
    return {
      kind: relay ? 'postgres+redis' : 'postgres',
      documents,
      workshops,
      tokenSecret,
      ...(relay ? { relay } : {}),
      async problems() {
        const problems: string[] = [];
        await db.check().catch((error: unknown) => problems.push(`database: ${errorCode(error)}`));
        if (relay) await relay.check().catch((error: unknown) => problems.push(`redis: ${errorCode(error)}`));
        return problems;
      },
      async close() {
        await relay?.close();
        await db.close().catch(() => {});
      },
    };
  } catch (error) {
    await relay?.close();
    await db.close().catch(() => {});
    throw error;
  }
}

function embedded(config: ServerConfig): Deployment {
  // One process per data directory; refused before anything in it is read or written.
  const lock = lockDataDir(config.dataDir);
  try {
    sweepTemporaryFiles(config.dataDir);
    return {
      kind: 'embedded',
      documents: new FileDocumentStore(config.dataDir, config.durability),
      workshops: new FileWorkshopStore(config.dataDir),
      tokenSecret: loadTokenSecret(config.dataDir, config.tokenSecret),
      problems: async () => [],
      close: async () => lock.release(),
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
