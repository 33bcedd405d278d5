import fs from 'node:fs';
import path from 'node:path';
import { AppendLog, readLog, syncDirectory, type Durability } from './appendLog';
import type { DocumentLog, DocumentStore, StoredWorkshop, WorkshopStore } from './types';

/**
 * The embedded default store: one directory per workshop under DATA_DIR/workshops, holding
 * `workshop.json` and one append-only log per document. Deleting a workshop deletes its directory.
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
    const contents = readLog(file);
    if (contents.truncated) {
      console.warn(`[store] ${workshopId}/${docKey}: cut off a torn record at byte ${contents.validBytes}`);
    }
    const log = new AppendLog(file, contents.validBytes, this.durability);
    let appendedRecords = 0;
    let appendedBytes = 0;
    return {
      updates: contents.records,
      append(update) {
        log.append(update);
        appendedRecords++;
        appendedBytes += update.length;
      },
      compact(state) {
        log.replace(state);
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
    return fs.existsSync(this.file(workshopId, docKey));
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    await fs.promises.rm(path.join(this.dataDir, 'workshops', safe(workshopId), 'docs'), { recursive: true, force: true });
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
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'workshop.json');
    const tmp = `${file}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(workshop, null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
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
}
