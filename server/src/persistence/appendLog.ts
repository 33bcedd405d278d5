import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { RecordEncoding } from './types';

/**
 * An append-only file of checksummed records. Every record is written with one write() before the
 * caller goes on, so a killed process loses nothing it had appended. Damage costs at most the
 * damaged records: each record starts with a sync marker, so reading skips a bad record and finds
 * the next good one; a torn last record (power loss mid-write) is recognised and cut off.
 *
 * Layout (format 2): "DMCLOG2\n", then per record:
 *   4-byte marker FF 44 4D A7 | u32 LE length | u32 LE CRC-32 of (length bytes ‖ payload) | payload
 * The marker starts with 0xFF, a byte UTF-8 text never contains, so typed text rarely mimics it;
 * a false match is rejected by its length and checksum. The marker's last byte tells how the
 * payload is encoded: A7 a Yjs update in the V1 encoding (what is appended), A8 one in the V2
 * encoding (what compaction writes: a long session's state is some 30 times smaller in V2, because
 * every overwritten value still costs its struct). The encoding is part of the framing, so a
 * record found by resynchronising after damage is read with the right one.
 *
 * Format 1 ("DMCLOG1\n", u32 length | u32 CRC-32 of payload | payload) is still read and appended
 * to; the next compaction writes format 2. Format 1 cannot resynchronise: reading stops at damage.
 */

const MAGIC_V1 = Buffer.from('DMCLOG1\n', 'ascii');
const MAGIC_V2 = Buffer.from('DMCLOG2\n', 'ascii');
const MAGIC_BYTES = 8;
const MARKER = Buffer.from([0xff, 0x44, 0x4d, 0xa7]);
/** The marker without its last byte, which carries the record's encoding. */
const MARKER_PREFIX = MARKER.subarray(0, 3);
const MARKER_V1 = 0xa7;
const MARKER_V2 = 0xa8;
const V1_HEADER = 8;
const V2_HEADER = 12;

/** The record framing of a log file. */
export type LogFormat = 1 | 2;

/** A stretch of a log file that could not be read (not a torn last record). */
export interface DamagedRange {
  readonly offset: number;
  readonly length: number;
  /** Record markers inside the range: a lower bound on the records lost there (at least 1). */
  readonly records: number;
}

/** What reading a log found. */
export interface LogContents {
  readonly records: Uint8Array[];
  /** The encoding of each record, by index. */
  readonly encodings: RecordEncoding[];
  /** Framing of the file (2 for a missing or empty file). */
  readonly format: LogFormat;
  /** End of the last good record: appending continues here, anything after it is cut off. */
  readonly validBytes: number;
  /** True when the file ended in a torn record (an interrupted append), which is normal after power loss. */
  readonly truncated: boolean;
  /** Stretches that could not be read: damage, not an interrupted append. Empty for a healthy file. */
  readonly damage: readonly DamagedRange[];
}

const EMPTY: LogContents = { records: [], encodings: [], format: 2, validBytes: 0, truncated: false, damage: [] };

/** Reads every intact record of a log file; a missing file is an empty log. Never throws on damage. */
export function readLog(file: string): LogContents {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
    throw error;
  }
  return parseLog(data);
}

/** Parses the bytes of a log file (see `readLog`). */
export function parseLog(data: Buffer): LogContents {
  if (data.length === 0) return EMPTY;
  // A new file whose header was being written when the power went.
  if (data.length < MAGIC_BYTES && MAGIC_V2.subarray(0, data.length).equals(data)) return { ...EMPTY, truncated: true };
  if (data.length >= MAGIC_BYTES && data.subarray(0, MAGIC_BYTES).equals(MAGIC_V1)) return parseV1(data);
  if (data.length >= MAGIC_BYTES && data.subarray(0, MAGIC_BYTES).equals(MAGIC_V2))
    return parseV2(data, MAGIC_BYTES, []);
  // A damaged (or foreign) header: whatever records follow can still be found by their markers.
  const first = nextRecord(data, 0);
  if (first === -1)
    return {
      records: [],
      encodings: [],
      format: 2,
      validBytes: 0,
      truncated: false,
      damage: [damaged(data, 0, data.length)],
    };
  return parseV2(data, first, [damaged(data, 0, first)]);
}

function parseV2(data: Buffer, start: number, damage: DamagedRange[]): LogContents {
  const records: Uint8Array[] = [];
  const encodings: RecordEncoding[] = [];
  let offset = start;
  let validBytes = start;
  let truncated = false;
  while (offset < data.length) {
    const end = recordEnd(data, offset);
    if (end !== -1) {
      records.push(new Uint8Array(data.subarray(offset + V2_HEADER, end)));
      encodings.push(data[offset + 3] === MARKER_V2 ? 2 : 1);
      offset = validBytes = end;
      continue;
    }
    const next = nextRecord(data, offset + 1);
    if (next === -1) {
      if (isTornTail(data, offset)) truncated = true;
      else damage.push(damaged(data, offset, data.length - offset));
      break;
    }
    damage.push(damaged(data, offset, next - offset));
    offset = next;
  }
  return { records, encodings, format: 2, validBytes: Math.max(validBytes, MAGIC_BYTES), truncated, damage };
}

/** The end of a valid format-2 record starting at `offset`, or -1. */
function recordEnd(data: Buffer, offset: number): number {
  if (offset + V2_HEADER > data.length) return -1;
  if (!markerAt(data, offset)) return -1;
  const length = data.readUInt32LE(offset + 4);
  const end = offset + V2_HEADER + length;
  if (end > data.length) return -1;
  const crc = zlib.crc32(data.subarray(offset + V2_HEADER, end), zlib.crc32(data.subarray(offset + 4, offset + 8)));
  return crc === data.readUInt32LE(offset + 8) ? end : -1;
}

/** Whether a record marker (of either encoding) starts at `offset`. */
function markerAt(data: Buffer, offset: number): boolean {
  const last = data[offset + 3];
  return (
    (last === MARKER_V1 || last === MARKER_V2) &&
    data.compare(MARKER_PREFIX, 0, MARKER_PREFIX.length, offset, offset + MARKER_PREFIX.length) === 0
  );
}

/** The offset of the next record marker at or after `from`, or -1. */
function nextMarker(data: Buffer, from: number): number {
  for (let at = data.indexOf(MARKER_PREFIX, from); at !== -1; at = data.indexOf(MARKER_PREFIX, at + 1)) {
    if (markerAt(data, at)) return at;
  }
  return -1;
}

/** The offset of the next valid record at or after `from`, or -1. */
function nextRecord(data: Buffer, from: number): number {
  for (let at = nextMarker(data, from); at !== -1; at = nextMarker(data, at + 1)) {
    if (recordEnd(data, at) !== -1) return at;
  }
  return -1;
}

/**
 * Whether the bytes from `offset` to the end are an interrupted append: the start of a record
 * that does not fit in the file, or zeros (a file extended but not written before power loss).
 */
function isTornTail(data: Buffer, offset: number): boolean {
  const rest = data.subarray(offset);
  if (rest.every((byte) => byte === 0)) return true;
  const prefixPart = Math.min(rest.length, MARKER_PREFIX.length);
  if (rest.compare(MARKER_PREFIX, 0, prefixPart, 0, prefixPart) !== 0) return false;
  if (rest.length > MARKER_PREFIX.length && !markerAt(rest, 0)) return false;
  return rest.length < V2_HEADER || V2_HEADER + rest.readUInt32LE(4) > rest.length;
}

function damaged(data: Buffer, offset: number, length: number): DamagedRange {
  let markers = 0;
  for (let at = nextMarker(data, offset); at !== -1 && at < offset + length; at = nextMarker(data, at + 1)) markers++;
  return { offset, length, records: Math.max(1, markers) };
}

function parseV1(data: Buffer): LogContents {
  const records: Uint8Array[] = [];
  let offset = MAGIC_BYTES;
  while (offset + V1_HEADER <= data.length) {
    const length = data.readUInt32LE(offset);
    const start = offset + V1_HEADER;
    if (start + length > data.length) break;
    const payload = data.subarray(start, start + length);
    if (zlib.crc32(payload) !== data.readUInt32LE(offset + 4)) break;
    records.push(new Uint8Array(payload));
    offset = start + length;
  }
  const rest = data.subarray(offset);
  // Format 1 has no markers: an incomplete last record is torn; anything else is damage.
  const torn =
    rest.length < V1_HEADER || V1_HEADER + rest.readUInt32LE(0) > rest.length || rest.every((byte) => byte === 0);
  const damage = rest.length === 0 || torn ? [] : [{ offset, length: rest.length, records: 1 }];
  return {
    records,
    encodings: records.map(() => 1),
    format: 1,
    validBytes: offset,
    truncated: rest.length > 0 && torn,
    damage,
  };
}

/** One record in a format's framing. */
function frame(payload: Uint8Array, format: LogFormat, encoding: RecordEncoding = 1): Buffer {
  if (format === 1) {
    if (encoding !== 1) throw new Error('format 1 holds V1 updates only');
    const header = Buffer.alloc(V1_HEADER);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(zlib.crc32(payload), 4);
    return Buffer.concat([header, payload]);
  }
  const header = Buffer.alloc(V2_HEADER);
  MARKER.copy(header, 0);
  header[3] = encoding === 2 ? MARKER_V2 : MARKER_V1;
  header.writeUInt32LE(payload.length, 4);
  header.writeUInt32LE(zlib.crc32(payload, zlib.crc32(header.subarray(4, 8))), 8);
  return Buffer.concat([header, payload]);
}

/**
 * Writes a complete format-2 log holding `records` (encoded as `encodings` says, V1 where it says
 * nothing) to `file` atomically: a temporary file, flushed and read back to verify, then renamed
 * into place. The temporary file never outlives a failure. With `keepPrevious`, the file being
 * replaced stays as `<file>.prev` (the previous generation).
 */
export function writeLogFile(
  file: string,
  records: readonly Uint8Array[],
  keepPrevious: boolean,
  encodings: readonly RecordEncoding[] = [],
): number {
  const tmp = `${file}.tmp`;
  const contents = logContents(records, encodings);
  try {
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      writeFully(fd, contents, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    putInPlace(tmp, file, records, encodings, keepPrevious);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
  return contents.length;
}

/**
 * `writeLogFile` with the slow parts — writing and flushing the file and the directory — off the
 * event loop, so a compaction does not hold up every other document's messages meanwhile.
 */
export async function writeLogFileAsync(
  file: string,
  records: readonly Uint8Array[],
  keepPrevious: boolean,
  encodings: readonly RecordEncoding[] = [],
): Promise<number> {
  const tmp = `${file}.tmp`;
  const contents = logContents(records, encodings);
  try {
    const handle = await fs.promises.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    putInPlace(tmp, file, records, encodings, keepPrevious);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  await syncDirectoryAsync(path.dirname(file));
  return contents.length;
}

function logContents(records: readonly Uint8Array[], encodings: readonly RecordEncoding[]): Buffer {
  return Buffer.concat([MAGIC_V2, ...records.map((record, i) => frame(record, 2, encodings[i] ?? 1))]);
}

/** Checks that the flushed temporary file reads back as written, then renames it over `file`. */
function putInPlace(
  tmp: string,
  file: string,
  records: readonly Uint8Array[],
  encodings: readonly RecordEncoding[],
  keepPrevious: boolean,
): void {
  const check = readLog(tmp);
  if (
    check.damage.length > 0 ||
    check.truncated ||
    check.records.length !== records.length ||
    !check.records.every((r, i) => Buffer.from(r).equals(records[i]!) && check.encodings[i] === (encodings[i] ?? 1))
  ) {
    throw new Error(`${tmp} did not read back as written`);
  }
  if (keepPrevious && fs.existsSync(file)) keepAsPrevious(file);
  fs.renameSync(tmp, file);
}

/** Makes `<file>.prev` the current contents of `file` (a hard link; a copy where links fail). */
function keepAsPrevious(file: string): void {
  const prev = `${file}.prev`;
  fs.rmSync(prev, { force: true });
  try {
    fs.linkSync(file, prev);
  } catch {
    try {
      fs.copyFileSync(file, prev);
    } catch (error) {
      fs.rmSync(prev, { force: true });
      throw error;
    }
  }
}

/** How hard `append` tries to make data durable. */
export type Durability = 'process' | 'fsync';

/** An open log, appending records to the end. */
export class AppendLog {
  /** -1 after a compaction could not reopen the new file; the next append tries again. */
  private fd: number;
  private size: number;
  private closed = false;

  /**
   * Opens (creating if needed) a log and cuts it at `validBytes` (found by `readLog`): a torn
   * tail goes. The caller keeps a copy first when what is cut off is damage rather than a tear.
   */
  constructor(
    private readonly file: string,
    validBytes: number,
    private readonly durability: Durability,
    private format: LogFormat = 2,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
    try {
      const size = fs.fstatSync(fd).size;
      if (size === 0) {
        writeFully(fd, MAGIC_V2, 0);
        this.format = 2;
        this.size = MAGIC_BYTES;
      } else {
        this.size = Math.max(validBytes, MAGIC_BYTES);
        if (this.size < size) fs.ftruncateSync(fd, this.size);
      }
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    this.fd = fd;
  }

  /**
   * Appends one record; when this returns, a killed process will not lose it. When it throws
   * (disk full), the file is as it was before: a half-written record is cut off again.
   */
  append(payload: Uint8Array): void {
    if (this.closed) throw new Error(`log ${this.file} is closed`);
    const record = frame(payload, this.format);
    if (this.fd === -1) this.fd = fs.openSync(this.file, fs.constants.O_RDWR);
    try {
      writeFully(this.fd, record, this.size);
      if (this.durability === 'fsync') fs.fdatasyncSync(this.fd);
    } catch (error) {
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        // Reading cuts a torn tail off anyway.
      }
      throw error;
    }
    this.size += record.length;
  }

  /**
   * Replaces the whole log with one record (compaction), keeping the replaced file as
   * `<file>.prev`. Written to a temporary file, flushed, verified and renamed over the log, so a
   * crash leaves the old log or the new one; on failure the old log stays open and unchanged.
   */
  replace(payload: Uint8Array, encoding: RecordEncoding = 1): void {
    if (this.closed) throw new Error(`log ${this.file} is closed`);
    this.replaced(writeLogFile(this.file, [payload], true, [encoding]));
  }

  /**
   * `replace` with the file written and flushed off the event loop. The caller appends nothing
   * meanwhile (a room's changes wait in its queue); the log is not closed before it settles.
   */
  async replaceAsync(payload: Uint8Array, encoding: RecordEncoding = 1): Promise<void> {
    if (this.closed) throw new Error(`log ${this.file} is closed`);
    this.replaced(await writeLogFileAsync(this.file, [payload], true, [encoding]));
  }

  private replaced(size: number): void {
    this.size = size;
    this.format = 2;
    // Closed meanwhile (an async replace): its descriptor is closed already and may be reused.
    if (this.closed) return;
    // From here on the old descriptor points at `.prev`: never append through it again.
    if (this.fd !== -1) fs.closeSync(this.fd);
    this.fd = -1;
    this.fd = fs.openSync(this.file, fs.constants.O_RDWR);
  }

  /** Closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd !== -1) fs.closeSync(this.fd);
  }
}

function writeFully(fd: number, buffer: Buffer, position: number): void {
  let written = 0;
  while (written < buffer.length) {
    written += fs.writeSync(fd, buffer, written, buffer.length - written, position + written);
  }
}

/** `syncDirectory` off the event loop. */
async function syncDirectoryAsync(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    // As in syncDirectory: best effort.
  } finally {
    await handle?.close();
  }
}

/** Makes a rename durable by flushing the directory entry (best effort on platforms without it). */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
