import pg from 'pg';
import * as Y from 'yjs';
import { HttpError } from '../httpError';
import { StorageUnavailableError, errorCode } from './storageErrors';
import type { DocumentLog, DocumentStore, StoredWorkshop, WorkshopStore } from './types';

/**
 * The scale-out store: workshops and document logs in PostgreSQL, shared by every server process.
 * A document is an append-only table of updates (one row per accepted update, written before it
 * is relayed, as in the embedded store); compaction replaces the rows it read by one snapshot in
 * a transaction under an advisory lock, so appends by other processes are never lost. Workshop
 * rows hold the record as JSON with a unique join code; deleting a workshop deletes its document
 * rows with it (foreign key, cascade).
 */

/** Schema versions, applied in order once each; every step is idempotent on its own. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS dmc_workshops (
     id text PRIMARY KEY,
     code text NOT NULL UNIQUE,
     expires_at bigint NOT NULL,
     record jsonb NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE IF NOT EXISTS dmc_doc_updates (
     id bigserial PRIMARY KEY,
     workshop_id text NOT NULL REFERENCES dmc_workshops (id) ON DELETE CASCADE,
     doc_key text NOT NULL,
     data bytea NOT NULL,
     stored_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX IF NOT EXISTS dmc_doc_updates_doc ON dmc_doc_updates (workshop_id, doc_key, id);
   CREATE TABLE IF NOT EXISTS dmc_settings (name text PRIMARY KEY, value text NOT NULL);`,
];

/** Serialises schema changes of processes starting at the same moment (any fixed number). */
const MIGRATION_LOCK = 4_711_013;

/** How to reach the database. */
export interface PostgresOptions {
  /** postgres://user@host:port/database */
  readonly connectionString: string;
  /** A schema to keep the tables in (created when missing); default: the connection's search_path. */
  readonly schema?: string | undefined;
  /** Connections per process (default 10). */
  readonly poolSize?: number;
}

/** A connection pool with the schema in place. */
export class Postgres {
  readonly pool: pg.Pool;
  private failing = false;

  private constructor(options: PostgresOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      // A database that does not answer must make a write fail (and be retried), not hang it.
      connectionTimeoutMillis: 5_000,
      query_timeout: 15_000,
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    });
    // An idle connection the database dropped must not take the process down; the next query reconnects.
    this.pool.on('error', (error) => this.report(error));
  }

  /** Connects, creates or migrates the schema (idempotently, one process at a time) and returns the pool. */
  static async connect(options: PostgresOptions): Promise<Postgres> {
    const db = new Postgres(options);
    try {
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
        await client.query('CREATE TABLE IF NOT EXISTS dmc_schema (version integer NOT NULL)');
        const { rows } = await client.query<{ version: number }>('SELECT version FROM dmc_schema');
        let version = rows[0]?.version ?? 0;
        if (rows.length === 0) await client.query('INSERT INTO dmc_schema (version) VALUES (0)');
        for (; version < MIGRATIONS.length; version++) await client.query(MIGRATIONS[version]!);
        await client.query('UPDATE dmc_schema SET version = $1', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      await db.pool.end().catch(() => {});
      const url = new URL(options.connectionString);
      const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
      throw new Error(`cannot use the database at ${where} (${errorCode(error)})`, { cause: error });
    }
    return db;
  }

  /** Runs a query; any failure to reach the database becomes StorageUnavailableError (retryable). */
  async query<R extends pg.QueryResultRow>(what: string, text: string, values: unknown[] = []): Promise<R[]> {
    try {
      const result = await this.pool.query<R>(text, values);
      this.recovered();
      return result.rows;
    } catch (error) {
      throw this.unavailable(what, error);
    }
  }

  /** Runs `fn` in a transaction; failures roll back and become StorageUnavailableError unless `keep` says otherwise. */
  async transaction<T>(
    what: string,
    fn: (client: pg.PoolClient) => Promise<T>,
    keep: (error: unknown) => boolean = () => false,
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.unavailable(what, error);
    }
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      this.recovered();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if (keep(error)) throw error;
      throw this.unavailable(what, error);
    } finally {
      client.release();
    }
  }

  /** Throws when the database does not answer. */
  async check(): Promise<void> {
    await this.query('checking the database', 'SELECT 1');
  }

  /** The token secret every process shares: `proposed` when none was stored yet. */
  async sharedSecret(proposed: string): Promise<string> {
    await this.query(
      'storing the token secret',
      "INSERT INTO dmc_settings (name, value) VALUES ('token_secret', $1) ON CONFLICT (name) DO NOTHING",
      [proposed],
    );
    const rows = await this.query<{ value: string }>(
      'reading the token secret',
      "SELECT value FROM dmc_settings WHERE name = 'token_secret'",
    );
    return rows[0]!.value;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private unavailable(what: string, error: unknown): StorageUnavailableError {
    if (error instanceof StorageUnavailableError) return error;
    this.report(error);
    return new StorageUnavailableError(what, error);
  }

  private report(error: unknown): void {
    if (!this.failing) console.error(`[store] the database cannot be reached (${errorCode(error)})`);
    this.failing = true;
  }

  private recovered(): void {
    if (this.failing) console.warn('[store] the database answers again');
    this.failing = false;
  }
}

/** Document logs as rows of one table. */
export class PostgresDocumentStore implements DocumentStore {
  constructor(private readonly db: Postgres) {}

  async open(workshopId: string, docKey: string): Promise<DocumentLog> {
    const db = this.db;
    const name = `${workshopId}/${docKey}`;
    const read = async (): Promise<Uint8Array[]> => {
      const rows = await db.query<{ data: Buffer }>(
        `reading ${name}`,
        'SELECT data FROM dmc_doc_updates WHERE workshop_id = $1 AND doc_key = $2 ORDER BY id',
        [workshopId, docKey],
      );
      return rows.map((row) => new Uint8Array(row.data));
    };
    const updates = await read();
    let appendedRecords = 0;
    let appendedBytes = 0;
    return {
      updates,
      async append(update) {
        await db.query(
          `storing a change to ${name}`,
          'INSERT INTO dmc_doc_updates (workshop_id, doc_key, data) VALUES ($1, $2, $3)',
          [workshopId, docKey, Buffer.from(update)],
        );
        appendedRecords++;
        appendedBytes += update.length;
      },
      async compact(state) {
        await compactDocument(db, workshopId, docKey, state);
        appendedRecords = 0;
        appendedBytes = 0;
      },
      stored: read,
      get appendedRecords() {
        return appendedRecords;
      },
      get appendedBytes() {
        return appendedBytes;
      },
      close() {},
    };
  }

  async exists(workshopId: string, docKey: string): Promise<boolean> {
    const rows = await this.db.query(
      `looking up ${workshopId}/${docKey}`,
      'SELECT 1 FROM dmc_doc_updates WHERE workshop_id = $1 AND doc_key = $2 LIMIT 1',
      [workshopId, docKey],
    );
    return rows.length > 0;
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    await this.db.transaction(`deleting the documents of ${workshopId}`, async (client) => {
      // Exclusive per workshop: no compaction of one of its documents writes a snapshot back meanwhile.
      await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(workshopId)]);
      await client.query('DELETE FROM dmc_doc_updates WHERE workshop_id = $1', [workshopId]);
    });
  }

  async deleteDocument(workshopId: string, docKey: string): Promise<void> {
    await this.db.transaction(`deleting ${workshopId}/${docKey}`, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock_shared($1)', [lockKey(workshopId)]);
      await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(`${workshopId}/${docKey}`)]);
      await client.query('DELETE FROM dmc_doc_updates WHERE workshop_id = $1 AND doc_key = $2', [workshopId, docKey]);
    });
  }

  check(): Promise<void> {
    return this.db.check();
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/**
 * Replaces a document's rows by one snapshot. Under the document's advisory lock (and the
 * workshop's, shared, so a deletion waits), it reads the rows stored now, merges them with the
 * room's state, writes the merge and deletes exactly the rows it read — never a row appended by
 * another process after the read, which stays beside the snapshot. A document without rows was
 * deleted (or never stored anything): nothing is written back.
 */
async function compactDocument(db: Postgres, workshopId: string, docKey: string, state: Uint8Array): Promise<void> {
  const name = `${workshopId}/${docKey}`;
  await db.transaction(`compacting ${name}`, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock_shared($1)', [lockKey(workshopId)]);
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(name)]);
    const { rows } = await client.query<{ id: string; data: Buffer }>(
      'SELECT id, data FROM dmc_doc_updates WHERE workshop_id = $1 AND doc_key = $2 ORDER BY id',
      [workshopId, docKey],
    );
    if (rows.length <= 1) return;
    const merged = Y.mergeUpdates([...rows.map((row) => new Uint8Array(row.data)), state]);
    await client.query('INSERT INTO dmc_doc_updates (workshop_id, doc_key, data) VALUES ($1, $2, $3)', [
      workshopId,
      docKey,
      Buffer.from(merged),
    ]);
    await client.query('DELETE FROM dmc_doc_updates WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
  });
}

/** Workshop records as JSON rows. */
export class PostgresWorkshopStore implements WorkshopStore {
  /**
   * Per workshop, the record this process last read or wrote: the base of a three-way merge, so
   * that two processes changing one workshop at once (two people joining on different servers)
   * both keep their change instead of the later save overwriting the earlier.
   */
  private readonly seen = new Map<string, StoredWorkshop>();

  constructor(private readonly db: Postgres) {}

  async get(id: string): Promise<StoredWorkshop | undefined> {
    const rows = await this.db.query<{ record: StoredWorkshop }>(
      'reading a workshop',
      'SELECT record FROM dmc_workshops WHERE id = $1',
      [id],
    );
    return this.remember(rows[0]?.record);
  }

  async getByCode(code: string): Promise<StoredWorkshop | undefined> {
    const rows = await this.db.query<{ record: StoredWorkshop }>(
      'reading a workshop',
      'SELECT record FROM dmc_workshops WHERE code = $1',
      [code],
    );
    return this.remember(rows[0]?.record);
  }

  async save(workshop: StoredWorkshop): Promise<void> {
    const base = this.seen.get(workshop.id);
    await this.db
      .transaction(
        'saving the workshop',
        async (client) => {
          const { rows } = await client.query<{ record: StoredWorkshop }>(
            // NO KEY UPDATE: appends to the workshop's documents (their foreign key) need not wait.
            'SELECT record FROM dmc_workshops WHERE id = $1 FOR NO KEY UPDATE',
            [workshop.id],
          );
          const current = rows[0]?.record;
          // Deleted by another process since this one read it: never brought back by a late change.
          if (!current && base)
            throw new HttpError(404, 'unknown_workshop', 'This workshop does not exist (any more).');
          const merged = current && base ? mergeWorkshop(base, workshop, current) : workshop;
          await client.query(
            `INSERT INTO dmc_workshops (id, code, expires_at, record) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET code = $2, expires_at = $3, record = $4, updated_at = now()`,
            [merged.id, merged.code, merged.expiresAt, JSON.stringify(merged)],
          );
        },
        (error) => error instanceof HttpError || (error as { code?: string }).code === '23505',
      )
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw new Error(`join code ${workshop.code} is taken`);
        throw error;
      });
    // The caller keeps `workshop` in memory; its next change is judged against that.
    this.seen.set(workshop.id, workshop);
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction('deleting the workshop', async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(id)]);
      await client.query('DELETE FROM dmc_workshops WHERE id = $1', [id]);
    });
    this.seen.delete(id);
  }

  async list(): Promise<StoredWorkshop[]> {
    const rows = await this.db.query<{ record: StoredWorkshop }>(
      'listing workshops',
      'SELECT record FROM dmc_workshops ORDER BY id',
    );
    return rows.map((row) => this.remember(row.record)!);
  }

  /** Document rows cannot outlive their workshop here (foreign key), so nothing is ever unreadable. */
  async unreadable(): Promise<Array<{ id: string; modifiedAt: number }>> {
    return [];
  }

  check(): Promise<void> {
    return this.db.check();
  }

  private remember(record: StoredWorkshop | undefined): StoredWorkshop | undefined {
    if (record) this.seen.set(record.id, record);
    return record;
  }
}

/**
 * Three-way merge of a workshop record: what this process changed (from `base` to `mine`) applied
 * to what is stored now (`theirs`). Per field, a field this process did not change keeps the stored
 * value; people are merged by id (added and renamed here are kept, removed here are removed,
 * joined elsewhere are kept).
 */
export function mergeWorkshop(base: StoredWorkshop, mine: StoredWorkshop, theirs: StoredWorkshop): StoredWorkshop {
  const merged: Record<string, unknown> = { ...theirs };
  for (const key of Object.keys(mine) as Array<keyof StoredWorkshop>) {
    if (key === 'participants') continue;
    if (!sameJson(mine[key], base[key])) merged[key] = mine[key];
  }
  const baseById = new Map(base.participants.map((p) => [p.id, p]));
  const mineById = new Map(mine.participants.map((p) => [p.id, p]));
  const people = theirs.participants
    .filter((p) => mineById.has(p.id) || !baseById.has(p.id))
    .map((p) => {
      const own = mineById.get(p.id);
      return own && !sameJson(own, baseById.get(p.id)) ? own : p;
    });
  const known = new Set(people.map((p) => p.id));
  // Added here (or removed elsewhere while this process renamed them: the rename brings them back).
  for (const p of mine.participants) if (!known.has(p.id) && !sameJson(p, baseById.get(p.id))) people.push(p);
  merged.participants = people;
  return merged as unknown as StoredWorkshop;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A 32-bit advisory lock key for a name (FNV-1a; collisions only make two documents wait for each other). */
function lockKey(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`not a usable schema name: ${name}`);
  return `"${name}"`;
}
