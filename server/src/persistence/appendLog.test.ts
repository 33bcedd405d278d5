import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/harness';
import { AppendLog, readLog } from './appendLog';

const bytes = (...values: number[]) => new Uint8Array(values);

/** A log with these records, closed; returns its path. */
function logWith(records: Uint8Array[]): string {
  const file = path.join(tempDataDir(), 'doc.ylog');
  const log = new AppendLog(file, 0, 'process');
  for (const record of records) log.append(record);
  log.close();
  return file;
}

/** Byte offsets where each record of a format-2 log starts. */
function recordOffsets(file: string): number[] {
  const data = fs.readFileSync(file);
  const offsets: number[] = [];
  for (let at = 8; at < data.length; at += 12 + data.readUInt32LE(at + 4)) offsets.push(at);
  return offsets;
}

function flipByte(file: string, offset: number): void {
  const data = fs.readFileSync(file);
  data[offset]! ^= 0x5a;
  fs.writeFileSync(file, data);
}

describe('append-only document log', () => {
  it('reads back every record in order after reopening', () => {
    const file = logWith([bytes(1, 2, 3), bytes(4), bytes()]);
    expect(readLog(file)).toMatchObject({
      records: [bytes(1, 2, 3), bytes(4), bytes()],
      format: 2,
      damage: [],
      truncated: false,
    });
  });

  it('cuts off a torn last record quietly and keeps appending after the good ones', () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'fsync');
    log.append(bytes(1, 1));
    log.append(bytes(2, 2, 2, 2));
    log.close();
    // Simulate a crash in the middle of writing the second record.
    fs.truncateSync(file, fs.statSync(file).size - 2);
    const contents = readLog(file);
    expect(contents).toMatchObject({ records: [bytes(1, 1)], truncated: true, damage: [] });
    const reopened = new AppendLog(file, contents.validBytes, 'process');
    reopened.append(bytes(3));
    reopened.close();
    expect(readLog(file)).toMatchObject({ records: [bytes(1, 1), bytes(3)], truncated: false, damage: [] });
  });

  it('treats a tail of zeros (file extended, data not written before power loss) as torn', () => {
    const file = logWith([bytes(5, 5)]);
    fs.appendFileSync(file, Buffer.alloc(40));
    expect(readLog(file)).toMatchObject({ records: [bytes(5, 5)], truncated: true, damage: [] });
  });

  it('loses only the record with a flipped byte and reads every record after it', () => {
    const records = Array.from({ length: 6 }, (_, i) => bytes(i, i, i, i, i));
    const file = logWith(records);
    const third = recordOffsets(file)[2]!;
    flipByte(file, third + 12 + 2); // in the payload
    const contents = readLog(file);
    expect(contents.records).toEqual([records[0], records[1], records[3], records[4], records[5]]);
    expect(contents.damage).toEqual([{ offset: third, length: 12 + 5, records: 1 }]);
    expect(contents.truncated).toBe(false);
  });

  it('resynchronises after a damaged record header (marker or length)', () => {
    const records = Array.from({ length: 4 }, (_, i) => new Uint8Array(200).fill(i + 1));
    for (const headerByte of [0, 5]) {
      const file = logWith(records);
      flipByte(file, recordOffsets(file)[1]! + headerByte);
      expect(readLog(file).records).toEqual([records[0], records[2], records[3]]);
    }
  });

  it('reports a complete last record with a bad checksum as damage, not as a torn append', () => {
    const file = logWith([bytes(7, 7, 7), bytes(8, 8, 8)]);
    const data = fs.readFileSync(file);
    flipByte(file, data.length - 1);
    expect(readLog(file)).toMatchObject({ records: [bytes(7, 7, 7)], truncated: false, damage: [{ records: 1 }] });
  });

  it('still finds the records of a log whose header is damaged', () => {
    const file = logWith([bytes(1), bytes(2)]);
    flipByte(file, 3);
    expect(readLog(file)).toMatchObject({ records: [bytes(1), bytes(2)], damage: [{ offset: 0, length: 8 }] });
  });

  it('reads a file that is not a log as one damaged range instead of throwing', () => {
    const file = path.join(tempDataDir(), 'other.ylog');
    fs.writeFileSync(file, 'hello world, not a log');
    expect(readLog(file)).toMatchObject({ records: [], damage: [{ offset: 0, length: 22 }] });
  });

  it('replaces the history with one record on compaction and keeps the previous generation', () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'process');
    for (let i = 0; i < 10; i++) log.append(bytes(i));
    log.replace(bytes(42, 42));
    log.append(bytes(43));
    log.close();
    expect(readLog(file).records).toEqual([bytes(42, 42), bytes(43)]);
    expect(readLog(`${file}.prev`).records).toEqual(Array.from({ length: 10 }, (_, i) => bytes(i)));
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });

  it('leaves the log as it was and no temporary file when compaction hits a full disk', () => {
    const file = logWith([bytes(1), bytes(2)]);
    const before = fs.readFileSync(file);
    // /dev/full answers every write with ENOSPC: a real full disk for this one file.
    fs.symlinkSync('/dev/full', `${file}.tmp`);
    const log = new AppendLog(file, before.length, 'process');
    expect(() => log.replace(bytes(9, 9))).toThrow(/ENOSPC/);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    expect(fs.readFileSync(file)).toEqual(before);
    log.append(bytes(3));
    log.replace(bytes(4, 4));
    log.close();
    expect(readLog(file).records).toEqual([bytes(4, 4)]);
    expect(readLog(`${file}.prev`).records).toEqual([bytes(1), bytes(2), bytes(3)]);
  });

  it('compacts the same way off the event loop (replaceAsync), full disk included', async () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'process');
    for (let i = 0; i < 3; i++) log.append(bytes(i));
    await log.replaceAsync(bytes(42, 42), 2);
    log.append(bytes(43));
    const before = fs.readFileSync(file);
    fs.symlinkSync('/dev/full', `${file}.tmp`);
    await expect(log.replaceAsync(bytes(9, 9))).rejects.toThrow(/ENOSPC/);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    expect(fs.readFileSync(file)).toEqual(before);
    log.append(bytes(44));
    log.close();
    expect(readLog(file)).toMatchObject({ records: [bytes(42, 42), bytes(43), bytes(44)], encodings: [2, 1, 1] });
    expect(readLog(`${file}.prev`).records).toEqual([bytes(0), bytes(1), bytes(2)]);
  });

  it('leaves other files alone when the log is closed while an async compaction runs', async () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'process');
    log.append(bytes(1));
    const replacing = log.replaceAsync(bytes(2));
    log.close();
    // The closed log's descriptor number is free again: another file may get it meanwhile.
    const other = fs.openSync(path.join(tempDataDir(), 'other'), 'w');
    await replacing;
    expect(() => fs.writeSync(other, 'still mine')).not.toThrow();
    fs.closeSync(other);
    expect(readLog(file).records).toEqual([bytes(2)]);
  });

  it('reads and appends to a format-1 log, and compaction migrates it to format 2', () => {
    const file = path.join(tempDataDir(), 'old.ylog');
    const v1Record = (payload: Uint8Array) => {
      const header = Buffer.alloc(8);
      header.writeUInt32LE(payload.length, 0);
      header.writeUInt32LE(zlib.crc32(payload), 4);
      return Buffer.concat([header, payload]);
    };
    fs.writeFileSync(file, Buffer.concat([Buffer.from('DMCLOG1\n'), v1Record(bytes(1, 2)), v1Record(bytes(3))]));
    const contents = readLog(file);
    expect(contents).toMatchObject({ records: [bytes(1, 2), bytes(3)], format: 1, damage: [] });
    const log = new AppendLog(file, contents.validBytes, 'process', contents.format);
    log.append(bytes(4));
    expect(readLog(file)).toMatchObject({ records: [bytes(1, 2), bytes(3), bytes(4)], format: 1 });
    log.replace(bytes(5));
    log.close();
    expect(readLog(file)).toMatchObject({ records: [bytes(5)], format: 2 });
    expect(readLog(`${file}.prev`)).toMatchObject({ records: [bytes(1, 2), bytes(3), bytes(4)], format: 1 });
  });

  it("keeps each record's encoding, also for records found again after damage", () => {
    const file = path.join(tempDataDir(), 'doc.ylog');
    const log = new AppendLog(file, 0, 'process');
    log.append(bytes(1));
    log.replace(bytes(7, 7, 7), 2);
    log.append(bytes(8));
    log.append(bytes(9));
    log.close();
    expect(readLog(file)).toMatchObject({ records: [bytes(7, 7, 7), bytes(8), bytes(9)], encodings: [2, 1, 1] });
    // The compacted V2 record's marker says so; after damage to the record before it, resynchronising finds it as V2.
    const v2At = recordOffsets(file)[0]!;
    expect(fs.readFileSync(file)[v2At + 3]).toBe(0xa8);
    const withDamage = path.join(tempDataDir(), 'doc.ylog');
    const data = fs.readFileSync(file);
    fs.writeFileSync(
      withDamage,
      Buffer.concat([data.subarray(0, 8), Buffer.from([0xff, 0x44, 0x4d, 0xa7, 1, 2]), data.subarray(8)]),
    );
    expect(readLog(withDamage)).toMatchObject({
      records: [bytes(7, 7, 7), bytes(8), bytes(9)],
      encodings: [2, 1, 1],
      damage: [{ offset: 8, length: 6, records: 1 }],
    });
    flipByte(file, recordOffsets(file)[1]! + 12);
    expect(readLog(file)).toMatchObject({ records: [bytes(7, 7, 7), bytes(9)], encodings: [2, 1] });
  });

  it('treats a missing file as an empty log', () => {
    expect(readLog(path.join(tempDataDir(), 'missing.ylog'))).toMatchObject({
      records: [],
      validBytes: 0,
      truncated: false,
      damage: [],
    });
  });
});
