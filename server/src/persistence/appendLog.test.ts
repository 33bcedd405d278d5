import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/harness';
import { AppendLog, readLog } from './appendLog';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('append-only document log', () => {
  it('reads back every record in order after reopening', () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'process');
    log.append(bytes(1, 2, 3));
    log.append(bytes(4));
    log.append(bytes());
    log.close();
    expect(readLog(file).records).toEqual([bytes(1, 2, 3), bytes(4), bytes()]);
  });

  it('cuts off a torn last record and keeps appending after the good ones', () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'fsync');
    log.append(bytes(1, 1));
    log.append(bytes(2, 2, 2, 2));
    log.close();
    // Simulate a crash in the middle of writing the second record.
    fs.truncateSync(file, fs.statSync(file).size - 2);
    const contents = readLog(file);
    expect(contents.truncated).toBe(true);
    expect(contents.records).toEqual([bytes(1, 1)]);
    const reopened = new AppendLog(file, contents.validBytes, 'process');
    reopened.append(bytes(3));
    reopened.close();
    expect(readLog(file)).toMatchObject({ records: [bytes(1, 1), bytes(3)], truncated: false });
  });

  it('stops at a record whose checksum does not match', () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'process');
    log.append(bytes(7, 7, 7));
    log.append(bytes(8, 8, 8));
    log.close();
    const data = fs.readFileSync(file);
    data[data.length - 1] ^= 0xff; // flip a bit in the last payload
    fs.writeFileSync(file, data);
    expect(readLog(file)).toMatchObject({ records: [bytes(7, 7, 7)], truncated: true });
  });

  it('replaces the history with one record on compaction', () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'process');
    for (let i = 0; i < 10; i++) log.append(bytes(i));
    log.replace(bytes(42, 42));
    log.append(bytes(43));
    log.close();
    expect(readLog(file).records).toEqual([bytes(42, 42), bytes(43)]);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });

  it('refuses to read a file that is not a log', () => {
    const file = path.join(tempDataDir(), 'other.ylog');
    fs.writeFileSync(file, 'hello world, not a log');
    expect(() => readLog(file)).toThrow(/not a document log/);
  });

  it('treats a missing file as an empty log', () => {
    expect(readLog(path.join(tempDataDir(), 'missing.ylog'))).toEqual({ records: [], validBytes: 0, truncated: false });
  });
});
