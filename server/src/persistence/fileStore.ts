import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { AppendLog, readLog, syncDirectory, writeLogFile, type Durability, type LogContents } from './appendLog';
import { StorageUnavailableError, isStorageFailure } from './storageErrors';
import type { DocumentLog, DocumentStore, RecordEncoding, StoredRecord, StoredWorkshop, WorkshopStore } from './types';

/**
 * The embedded default store: one directory per workshop under DATA_DIR/workshops, holding
 * `workshop.json` and one append-only log per document (`docs/<docKey>.ylog`, with the previous
 * compacted generation as `.ylog.prev`). Deleting a workshop deletes its directory.
 */

const SAFE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

function safe(name: string): string {
  // Names come from our own id generators; this guards the file system against anything else.
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe storage name: ${JSON.stringify(name)}`);
  return name;
}

/** Document logs as files. */
export class FileDocumentStore implements DocumentStore {
  constructor(
    private readonly dataDir: string,
    private readonly durability: Durability = 'process',
  ) {}

  private file(workshopId: string, docKey: string): string {
    return path.join(this.dataDir, 'workshops', safe(workshopId), 'docs', `${safe(docKey)}.ylog`);
  }

  async open(workshopId: string, docKey: string): Promise<DocumentLog> {
    const file = this.file(workshopId, docKey);
    let opened: { records: StoredRecord[]; log: AppendLog; damaged: boolean };
    try {
      const { records, encodings, contents, damaged } = recoverLog(file, `${workshopId}/${docKey}`);
      opened = {
        records: records.map((update, i) => ({ update, encoding: encodings[i] ?? 1 })),
        damaged,
        log: new AppendLog(file, contents.validBytes, this.durability, contents.format),
      };
    } catch (error) {
      if (isStorageFailure(error)) throw new StorageUnavailableError(`opening ${workshopId}/${docKey}`, error);
      throw error;
    }
    const { records, damaged, log } = opened;
    let updates: Uint8Array[] | null = null;
    let appendedRecords = 0;
    let appendedBytes = 0;
    return {
      records,
      get updates() {
        // Only for readers that want V1 throughout; the room applies `records` as they are.
        updates ??= records.map(({ update, encoding }) =>
          encoding === 2 ? Y.convertUpdateFormatV2ToV1(update) : update,
        );
        return updates;
      },
      damaged,
      append(update) {
        log.append(update);
        appendedRecords++;
        appendedBytes += update.length;
      },
      async compact(state) {
        // Stored in the V2 encoding: after 10,000 moves of 50 notes, 10 KB instead of 300 KB.
        await log.replaceAsync(Y.convertUpdateFormatV1ToV2(state), 2);
        appendedRecords = 0;
        appendedBytes = 0;
      },
      get appendedRecords() {
        return appendedRecords;
      },
      get appendedBytes() {
        return appendedBytes;
      },
      close() {
        log.close();
      },
    };
  }

  async exists(workshopId: string, docKey: string): Promise<boolean> {
    const file = this.file(workshopId, docKey);
    return fs.existsSync(file) || fs.existsSync(`${file}.prev`);
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    await fs.promises.rm(path.join(this.dataDir, 'workshops', safe(workshopId), 'docs'), {
      recursive: true,
      force: true,
    });
  }

  async deleteDocument(workshopId: string, docKey: string): Promise<void> {
    const file = this.file(workshopId, docKey);
    const dir = path.dirname(file);
    const base = path.basename(file);
    // The log, its previous generation, a temporary file and any damaged copies kept aside.
    const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name === base || name.startsWith(`${base}.`)) await fs.promises.rm(path.join(dir, name), { force: true });
    }
  }
}

/** Workshop records as JSON files, written atomically; all of them are indexed in memory. */
export class FileWorkshopStore implements WorkshopStore {
  private readonly byId = new Map<string, StoredWorkshop>();
  private readonly byCode = new Map<string, string>();

  constructor(private readonly dataDir: string) {
    const root = path.join(dataDir, 'workshops');
    fs.mkdirSync(root, { recursive: true });
    for (const id of fs.readdirSync(root)) {
      const file = path.join(root, id, 'workshop.json');
      if (!SAFE_NAME.test(id) || !fs.existsSync(file)) continue;
      try {
        const workshop = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredWorkshop;
        this.index(workshop);
      } catch (error) {
        console.error(`[store] cannot read ${file}: ${(error as Error).message}`);
      }
    }
  }

  private index(workshop: StoredWorkshop): void {
    const previous = this.byId.get(workshop.id);
    if (previous) this.byCode.delete(previous.code);
    this.byId.set(workshop.id, workshop);
    this.byCode.set(workshop.code, workshop.id);
  }

  async get(id: string): Promise<StoredWorkshop | undefined> {
    return this.byId.get(id);
  }

  async getByCode(code: string): Promise<StoredWorkshop | undefined> {
    const id = this.byCode.get(code);
    return id === undefined ? undefined : this.byId.get(id);
  }

  async save(workshop: StoredWorkshop): Promise<void> {
    const owner = this.byCode.get(workshop.code);
    if (owner !== undefined && owner !== workshop.id) throw new Error(`join code ${workshop.code} is taken`);
    const dir = path.join(this.dataDir, 'workshops', safe(workshop.id));
    const file = path.join(dir, 'workshop.json');
    const tmp = `${file}.tmp`;
    let created: string | undefined;
    try {
      created = fs.mkdirSync(dir, { recursive: true });
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        fs.writeFileSync(fd, JSON.stringify(workshop, null, 2));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    } catch (error) {
      // Nothing half-written stays behind: no temporary file, no empty directory of a new workshop.
      fs.rmSync(tmp, { force: true });
      if (created !== undefined) fs.rmSync(dir, { recursive: true, force: true });
      if (isStorageFailure(error)) throw new StorageUnavailableError('saving the workshop', error);
      throw error;
    }
    syncDirectory(dir);
    this.index(workshop);
  }

  async delete(id: string): Promise<void> {
    const workshop = this.byId.get(id);
    if (workshop) this.byCode.delete(workshop.code);
    this.byId.delete(id);
    await fs.promises.rm(path.join(this.dataDir, 'workshops', safe(id)), { recursive: true, force: true });
  }

  async list(): Promise<StoredWorkshop[]> {
    return [...this.byId.values()];
  }

  async unreadable(): Promise<Array<{ id: string; modifiedAt: number }>> {
    const root = path.join(this.dataDir, 'workshops');
    const out: Array<{ id: string; modifiedAt: number }> = [];
    for (const id of await fs.promises.readdir(root)) {
      if (!SAFE_NAME.test(id) || this.byId.has(id)) continue;
      const modifiedAt = await latestChange(path.join(root, id));
      if (modifiedAt !== undefined) out.push({ id, modifiedAt });
    }
    return out;
  }
}

/** The newest modification time of a directory and the files in it (one level of subdirectories). */
async function latestChange(dir: string): Promise<number | undefined> {
  let latest: number | undefined;
  const visit = async (p: string, depth: number): Promise<void> => {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(p);
    } catch {
      return;
    }
    latest = Math.max(latest ?? 0, stat.mtimeMs);
    if (!stat.isDirectory() || depth > 1) return;
    for (const name of await fs.promises.readdir(p).catch(() => [] as string[]))
      await visit(path.join(p, name), depth + 1);
  };
  await visit(dir, 0);
  return latest;
}

/**
 * Reads a document's log for opening. A torn last record is normal after power loss and is cut
 * off quietly. Damage is not: the file is copied aside as evidence, the previous generation
 * (`.prev`) is read as well — Yjs updates are idempotent and commutative, so the union of both is
 * safe — and the log is rewritten from everything readable, so appending continues on a clean file.
 */
function recoverLog(
  file: string,
  name: string,
): { records: Uint8Array[]; encodings: RecordEncoding[]; contents: LogContents; damaged: boolean } {
  const prev = `${file}.prev`;
  let restored = false;
  if (!fs.existsSync(file) && fs.existsSync(prev)) {
    console.error(`[store] ${name}: ${file} is missing; starting again from the previous generation ${prev}`);
    fs.copyFileSync(prev, file);
    restored = true;
  }
  const contents = readLog(file);
  if (contents.damage.length === 0) {
    if (contents.truncated) console.warn(`[store] ${name}: cut off a torn last record at byte ${contents.validBytes}`);
    return { records: contents.records, encodings: contents.encodings, contents, damaged: restored };
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.damaged-${stamp}`;
  fs.copyFileSync(file, aside);
  let previous: LogContents = { records: [], encodings: [], format: 2, validBytes: 0, truncated: false, damage: [] };
  try {
    previous = readLog(prev);
    if (previous.damage.length > 0) {
      fs.copyFileSync(prev, `${prev}.damaged-${stamp}`);
      console.error(
        `[store] ${name}: the previous generation ${prev} is damaged too (${describeDamage(previous)}); kept as ${prev}.damaged-${stamp}`,
      );
    }
  } catch (error) {
    console.error(`[store] ${name}: cannot read the previous generation ${prev}:`, error);
  }
  const records = [...previous.records, ...contents.records];
  const encodings = [...previous.encodings, ...contents.encodings];
  console.error(
    `[store] DAMAGED LOG ${name} (${file}): unreadable ${describeDamage(contents)}; read ${contents.records.length} records` +
      ` and ${previous.records.length} from the previous generation. The damaged file is kept as ${aside}.` +
      ' Changes only the damaged records held are lost; everything else is loaded.',
  );
  const size = writeLogFile(file, records, false, encodings);
  return {
    records,
    encodings,
    contents: { records, encodings, format: 2, validBytes: size, truncated: false, damage: [] },
    damaged: true,
  };
}

function describeDamage(contents: LogContents): string {
  return contents.damage
    .map((d) => `bytes ${d.offset}–${d.offset + d.length - 1} (≥ ${d.records} record${d.records === 1 ? '' : 's'})`)
    .join(', ');
}

/**
 * Removes temporary files a crash or a full disk left behind (`*.tmp` next to a workshop record or
 * a log). Called at startup, after the data directory is locked. Returns how many were removed.
 */
export function sweepTemporaryFiles(dataDir: string): number {
  const root = path.join(dataDir, 'workshops');
  let removed = 0;
  let workshops: string[];
  try {
    workshops = fs.readdirSync(root);
  } catch {
    return 0;
  }
  for (const id of workshops) {
    for (const dir of [path.join(root, id), path.join(root, id, 'docs')]) {
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!name.endsWith('.tmp')) continue;
        fs.rmSync(path.join(dir, name), { force: true });
        removed++;
      }
    }
  }
  if (removed > 0) console.warn(`[store] removed ${removed} temporary file(s) left by an interrupted write`);
  return removed;
}
