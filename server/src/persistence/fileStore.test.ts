import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, moveNote, readNotes } from '@dmc/shared/doc/board';
import { tempDataDir } from '../testing/harness';
import { readLog } from './appendLog';
import { FileDocumentStore } from './fileStore';

describe('the embedded file store', () => {
  it('keeps a long session small: 10,000 moves of 50 notes compact to well under 100 KB', async () => {
    const dataDir = tempDataDir();
    const store = new FileDocumentStore(dataDir);
    const log = await store.open('w1', 'board-plenary');
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => void log.append(update));
    for (let i = 0; i < 50; i++)
      addNote(doc, {
        id: `n${i}`,
        sheetId: 'vel1',
        fieldId: 'doel',
        x: 0,
        y: 0,
        color: 'yellow',
        text: `Notitie ${i}`,
        authorId: 'p',
      });
    for (let m = 1; m <= 10_000; m++) moveNote(doc, `n${m % 50}`, { x: m, y: m % 300, fieldId: 'doel' });
    const v1 = Y.encodeStateAsUpdate(doc);
    await log.compact(v1);
    log.close();
    const file = path.join(dataDir, 'workshops', 'w1', 'docs', 'board-plenary.ylog');
    // The V1 state is some 300 KB; the stored one is its V2 encoding.
    expect(v1.length).toBeGreaterThan(200_000);
    expect(fs.statSync(file).size).toBeLessThan(20_000);
    expect(readLog(file).encodings).toEqual([2]);

    const again = await store.open('w1', 'board-plenary');
    const loaded = new Y.Doc();
    for (const update of again.updates) Y.applyUpdate(loaded, update);
    again.close();
    expect(readNotes(loaded)).toEqual(readNotes(doc));
    expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc));
  });
});
