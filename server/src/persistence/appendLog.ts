import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * An append-only file of length-prefixed, checksummed records. Every record is written with one
 * write() before the caller goes on, so a killed process loses nothing it had appended; a torn
 * last record (power loss mid-write) is detected by its checksum and cut off on the next open.
 *
 * Layout: "DMCLOG1\n", then per record: u32 LE length, u32 LE CRC-32 of the payload, payload.
 */

const MAGIC = Buffer.from('DMCLOG1\n', 'ascii');
const HEADER_BYTES = 8;

/** What reading a log found. */
export interface LogContents {
  readonly records: Uint8Array[];
  /** Bytes of well-formed data; anything after it was torn and is cut off. */
  readonly validBytes: number;
  /** True when the file ended in a torn or corrupt record. */
  readonly truncated: boolean;
}

/** Reads every intact record of a log file; a missing file is an empty log. */
export function readLog(file: string): LogContents {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], validBytes: 0, truncated: false };
    throw error;
  }
  if (data.length === 0) return { records: [], validBytes: 0, truncated: false };
  if (data.length < MAGIC.length || !data.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error(`${file} is not a document log`);
  }
  const records: Uint8Array[] = [];
  let offset = MAGIC.length;
  while (offset + HEADER_BYTES <= data.length) {
    const length = data.readUInt32LE(offset);
    const crc = data.readUInt32LE(offset + 4);
    const start = offset + HEADER_BYTES;
    if (start + length > data.length) break;
    const payload = data.subarray(start, start + length);
    if (zlib.crc32(payload) !== crc) break;
    records.push(new Uint8Array(payload));
    offset = start + length;
  }
  return { records, validBytes: offset, truncated: offset !== data.length };
}

/** How hard `append` tries to make data durable. */
export type Durability = 'process' | 'fsync';

/** An open log, appending records to the end. */
export class AppendLog {
  private fd: number;
  private size: number;
  private closed = false;

  /** Opens (creating if needed) a log, cutting off a torn tail found by `readLog`. */
  constructor(
    private readonly file: string,
    validBytes: number,
    private readonly durability: Durability,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
    const size = fs.fstatSync(fd).size;
    if (size === 0) {
      writeFully(fd, MAGIC, 0);
      this.size = MAGIC.length;
    } else {
      this.size = Math.max(validBytes, MAGIC.length);
      if (this.size < size) fs.ftruncateSync(fd, this.size);
    }
    this.fd = fd;
  }

  /** Appends one record; when this returns, a killed process will not lose it. */
  append(payload: Uint8Array): void {
    if (this.closed) throw new Error(`log ${this.file} is closed`);
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(zlib.crc32(payload), 4);
    const record = Buffer.concat([header, payload]);
    writeFully(this.fd, record, this.size);
    this.size += record.length;
    if (this.durability === 'fsync') fs.fdatasyncSync(this.fd);
  }

  /**
   * Replaces the whole log with one record (compaction). Written to a temporary file, flushed,
   * then renamed over the log, so a crash leaves either the old log or the new one.
   */
  replace(payload: Uint8Array): void {
    if (this.closed) throw new Error(`log ${this.file} is closed`);
    const tmp = `${this.file}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      header.writeUInt32LE(payload.length, 0);
      header.writeUInt32LE(zlib.crc32(payload), 4);
      const contents = Buffer.concat([MAGIC, header, payload]);
      writeFully(fd, contents, 0);
      this.size = contents.length;
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
    syncDirectory(path.dirname(this.file));
    fs.closeSync(this.fd);
    this.fd = fs.openSync(this.file, fs.constants.O_RDWR);
  }

  /** Closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

function writeFully(fd: number, buffer: Buffer, position: number): void {
  let written = 0;
  while (written < buffer.length) {
    written += fs.writeSync(fd, buffer, written, buffer.length - written, position + written);
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
