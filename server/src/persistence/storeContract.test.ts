import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDataDir } from '../testing/harness';
import { TEST_DATABASE_URL, TcpProxy, freshSchema, type TestSchema } from '../testing/services';
import { FileDocumentStore, FileWorkshopStore } from './fileStore';
import { Postgres, PostgresDocumentStore, PostgresWorkshopStore, mergeWorkshop } from './postgres';
import { StorageUnavailableError } from './storageErrors';
import type { DocumentStore, StoredParticipant, StoredWorkshop, WorkshopStore } from './types';

/**
 * The DocumentStore/WorkshopStore contract, run against the embedded file store and against
 * PostgreSQL (a schema of its own per test, dropped afterwards). Then what only a store shared by
 * several processes must do: compaction beside other processes' appends, merged concurrent
 * changes of one workshop, unreachable database.
 */

interface Stores {
  readonly documents: DocumentStore;
  readonly workshops: WorkshopStore;
  /** A second process on the same storage (PostgreSQL only). */
  other?(): Promise<{ documents: DocumentStore; workshops: WorkshopStore }>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function postgresStores(): Promise<Stores & { schema: TestSchema }> {
  const schema = await freshSchema();
  const dbs: Postgres[] = [];
  cleanups.push(async () => {
    for (const db of dbs) await db.close();
    await schema.drop();
  });
  const open = async () => {
    const db = await Postgres.connect({ connectionString: TEST_DATABASE_URL, schema: schema.name });
    dbs.push(db);
    return { documents: new PostgresDocumentStore(db), workshops: new PostgresWorkshopStore(db) };
  };
  return { ...(await open()), other: open, schema };
}

async function fileStores(): Promise<Stores> {
  const dir = tempDataDir();
  return { documents: new FileDocumentStore(dir), workshops: new FileWorkshopStore(dir) };
}

function person(id: string, name = id): StoredParticipant {
  return { id, name, role: 'participant', joinedAt: 1 };
}

function workshop(id: string, code: string, participants: StoredParticipant[] = []): StoredWorkshop {
  return {
    id,
    code,
    title: `Workshop ${id}`,
    institution: '',
    date: '',
    language: 'nl',
    allowAnonymous: false,
    dotsPerPerson: 3,
    selfSelectGroups: false,
    askTableRole: true,
    startTime: '',
    practicalNotes: '',
    closed: false,
    readingList: [],
    agendaMinutes: {},
    createdAt: 1,
    expiresAt: Date.now() + 86_400_000,
    facilitatorSecretHash: 'x',
    participants,
  };
}

/** A Yjs update that sets key → value in map 'm', made on its own document (own client id). */
function setKey(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function keysOf(updates: readonly Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return [...doc.getMap('m').keys()].sort();
}

describe.each([
  ['the embedded file store', fileStores],
  ['the PostgreSQL store', postgresStores],
])('%s', (_name, make) => {
  it('keeps appended updates across reopening and compacts them into one', async () => {
    const { documents, workshops } = await make();
    await workshops.save(workshop('w1', 'AAAA11'));
    expect(await documents.exists('w1', 'board-plenary')).toBe(false);
    const log = await documents.open('w1', 'board-plenary');
    expect(log.updates).toEqual([]);
    await log.append(setKey('a', '1'));
    await log.append(setKey('b', '2'));
    expect(log.appendedRecords).toBe(2);
    expect(await documents.exists('w1', 'board-plenary')).toBe(true);
    log.close();

    const again = await documents.open('w1', 'board-plenary');
    expect(keysOf(again.updates)).toEqual(['a', 'b']);
    await again.compact(Y.mergeUpdates([...again.updates]));
    expect(again.appendedRecords).toBe(0);
    await again.append(setKey('c', '3'));
    again.close();

    const third = await documents.open('w1', 'board-plenary');
    expect(third.updates.length).toBe(2);
    expect(keysOf(third.updates)).toEqual(['a', 'b', 'c']);
    third.close();
  });

  it('deletes one document, then every document of a workshop', async () => {
    const { documents, workshops } = await make();
    await workshops.save(workshop('w2', 'BBBB22'));
    for (const key of ['session', 'board-plenary', 'draft-p1']) {
      const log = await documents.open('w2', key);
      await log.append(setKey(key, 'x'));
      log.close();
    }
    await documents.deleteDocument('w2', 'draft-p1');
    expect(await documents.exists('w2', 'draft-p1')).toBe(false);
    expect(await documents.exists('w2', 'session')).toBe(true);
    await documents.deleteWorkshop('w2');
    expect(await documents.exists('w2', 'session')).toBe(false);
    expect(await documents.exists('w2', 'board-plenary')).toBe(false);
  });

  it('keeps workshop records by id and by unique join code, and deletes them', async () => {
    const { workshops } = await make();
    await workshops.save(workshop('w3', 'CCCC33', [person('p1')]));
    await workshops.save(workshop('w4', 'DDDD44'));
    expect((await workshops.get('w3'))?.participants.map((p) => p.id)).toEqual(['p1']);
    expect((await workshops.getByCode('DDDD44'))?.id).toBe('w4');
    await expect(workshops.save(workshop('w5', 'CCCC33'))).rejects.toThrow(/taken/);
    expect((await workshops.list()).map((w) => w.id).sort()).toEqual(['w3', 'w4']);
    await workshops.delete('w3');
    expect(await workshops.get('w3')).toBeUndefined();
    expect(await workshops.getByCode('CCCC33')).toBeUndefined();
    expect((await workshops.list()).map((w) => w.id)).toEqual(['w4']);
  });
});

describe('the PostgreSQL store, shared by several processes', () => {
  it('creates its schema idempotently when several processes start at once', async () => {
    const stores = await postgresStores();
    await Promise.all([stores.other!(), stores.other!(), stores.other!()]);
    const [{ version }] = await stores.schema.query<{ version: number }>('SELECT version FROM dmc_schema');
    expect(version).toBeGreaterThan(0);
  });

  it("never loses another process's appends while compacting", async () => {
    const a = await postgresStores();
    const b = await a.other!();
    await a.workshops.save(workshop('w6', 'EEEE66'));
    const logA = await a.documents.open('w6', 'board-plenary');
    const logB = await b.documents.open('w6', 'board-plenary');
    for (let i = 0; i < 20; i++) await logA.append(setKey(`a${i}`, 'x'));
    // Process A compacts what it knows while process B appends 50 updates A has never seen.
    const appends = Array.from({ length: 50 }, (_, i) => logB.append(setKey(`b${i}`, 'y')));
    const known = Y.mergeUpdates([...logA.updates]);
    await Promise.all([logA.compact(known), logA.compact(known), ...appends]);
    const stored = (await a.documents.open('w6', 'board-plenary')).updates;
    expect(keysOf(stored)).toHaveLength(70);
    expect(stored.length).toBeLessThan(70);
    // Compacting once more leaves one row holding everything.
    await logA.compact(known);
    const rows = await a.schema.query<{ n: string }>('SELECT count(*) AS n FROM dmc_doc_updates');
    expect(Number(rows[0]!.n)).toBe(1);
    expect(keysOf((await b.documents.open('w6', 'board-plenary')).updates)).toHaveLength(70);
  });

  it('writes nothing back when compacting a document another process deleted', async () => {
    const a = await postgresStores();
    const b = await a.other!();
    await a.workshops.save(workshop('w7', 'FFFF77'));
    const log = await a.documents.open('w7', 'draft-p1');
    await log.append(setKey('x', '1'));
    await log.append(setKey('y', '1'));
    await b.documents.deleteDocument('w7', 'draft-p1');
    await log.compact(Y.mergeUpdates([...log.updates, setKey('x', '1')]));
    expect(await a.documents.exists('w7', 'draft-p1')).toBe(false);
  });

  it('keeps both people when two processes add someone to one workshop at once, and a removal', async () => {
    const a = await postgresStores();
    const b = await a.other!();
    await a.workshops.save(workshop('w8', 'GGGG88', [person('f'), person('gone')]));
    const seenByA = (await a.workshops.get('w8'))!;
    const seenByB = (await b.workshops.get('w8'))!;
    await Promise.all([
      a.workshops.save({ ...seenByA, participants: [...seenByA.participants, person('anna')] }),
      b.workshops.save({
        ...seenByB,
        title: 'Renamed on B',
        participants: [...seenByB.participants.filter((p) => p.id !== 'gone'), person('bram')],
      }),
    ]);
    const stored = (await a.workshops.get('w8'))!;
    expect(stored.participants.map((p) => p.id).sort()).toEqual(['anna', 'bram', 'f']);
    expect(stored.title).toBe('Renamed on B');
  });

  it('merges per field and per person', () => {
    const base = workshop('w', 'C', [person('f'), person('x')]);
    const mine = { ...base, closed: true, participants: [person('f', 'F renamed'), person('x'), person('me')] };
    const theirs = { ...base, title: 'theirs', participants: [person('f'), person('them')] };
    const merged = mergeWorkshop(base, mine, theirs);
    expect(merged.title).toBe('theirs');
    expect(merged.closed).toBe(true);
    // x was removed elsewhere and left unchanged here: it stays removed.
    expect(merged.participants.map((p) => `${p.id}:${p.name}`)).toEqual(['f:F renamed', 'them:them', 'me:me']);
  });

  it('does not bring back a workshop another process deleted', async () => {
    const a = await postgresStores();
    const b = await a.other!();
    await a.workshops.save(workshop('w9', 'HHHH99'));
    const seen = (await a.workshops.get('w9'))!;
    await b.workshops.delete('w9');
    await expect(a.workshops.save({ ...seen, title: 'late' })).rejects.toMatchObject({ status: 404 });
    expect(await b.workshops.get('w9')).toBeUndefined();
  });

  it('removes every row of a deleted workshop', async () => {
    const a = await postgresStores();
    await a.workshops.save(workshop('w10', 'JJJJ10'));
    await a.workshops.save(workshop('w11', 'KKKK11'));
    for (const [id, key] of [
      ['w10', 'session'],
      ['w10', 'board-plenary'],
      ['w11', 'session'],
    ] as const) {
      const log = await a.documents.open(id, key);
      await log.append(setKey(key, 'x'));
    }
    await a.documents.deleteWorkshop('w10');
    await a.workshops.delete('w10');
    const rows = await a.schema.query<{ workshop_id: string }>(
      "SELECT workshop_id FROM dmc_doc_updates UNION ALL SELECT id FROM dmc_workshops WHERE id = 'w10'",
    );
    expect(rows.map((r) => r.workshop_id)).toEqual(['w11']);
  });

  it('refuses an append with a retryable error while the database is unreachable, and stores again after', async () => {
    const schema = await freshSchema();
    const proxy = await TcpProxy.start(TEST_DATABASE_URL);
    const db = await Postgres.connect({ connectionString: proxy.via(TEST_DATABASE_URL), schema: schema.name });
    cleanups.push(async () => {
      await proxy.close();
      await db.close();
      await schema.drop();
    });
    const documents = new PostgresDocumentStore(db);
    await new PostgresWorkshopStore(db).save(workshop('w12', 'LLLL12'));
    const log = await documents.open('w12', 'board-plenary');
    await log.append(setKey('before', '1'));
    await proxy.cut();
    await expect(log.append(setKey('during', '1'))).rejects.toBeInstanceOf(StorageUnavailableError);
    await proxy.restore();
    await log.append(setKey('after', '1'));
    const rows = await schema.query<{ data: Buffer }>('SELECT data FROM dmc_doc_updates ORDER BY id');
    expect(keysOf(rows.map((r) => new Uint8Array(r.data)))).toEqual(['after', 'before']);
  });
});
