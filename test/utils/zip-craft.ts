/**
 * A small hand-written zip WRITER for tests. Unlike yazl it does exactly what it is told, so a test
 * can build the hostile archives no honest tool writes: lying sizes and CRCs, odd flags and
 * compression methods, symlink attributes, raw name bytes, local headers that disagree with the
 * central directory, records the end record does not count, overlapping entries.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const FLAG_UTF8 = 0x0800;

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
/** 1980-01-01 00:00:00 in MS-DOS date/time format. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;

/** Fields the local header may state differently from the central directory. */
export interface LocalOverrides {
  name?: string | Buffer;
  flags?: number;
  method?: number;
  crc32?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  extra?: Buffer;
}

/** One entry. Anything left out is filled in honestly from `data`. */
export interface CraftEntry {
  /** A string is written as UTF-8 (and sets flag bit 11 when it is not ASCII, unless `flags` is given). */
  name: string | Buffer;
  /** The uncompressed contents (default empty). */
  data?: string | Buffer;
  /** 0 stored, 8 deflate (default); any other number is written as-is with `payload` (or `data`) as the bytes. */
  method?: number;
  /** The bytes written as file data, instead of `data` stored or deflated. */
  payload?: Buffer;
  flags?: number;
  crc32?: number;
  /** Declared sizes (both headers, unless `local` says otherwise). */
  compressedSize?: number;
  uncompressedSize?: number;
  /** Default: a unix regular file 0644, or folder 0755 for names ending in '/'. */
  externalAttributes?: number;
  /** Default 0x031e: unix, spec 3.0. */
  versionMadeBy?: number;
  extra?: Buffer;
  local?: LocalOverrides;
  /** Where the central record says the local header is (default: where it was written). */
  localHeaderOffset?: number;
  /** Write only the central record (give `localHeaderOffset`). */
  centralOnly?: boolean;
  /** Write only the local record: an entry the central directory does not list. */
  localOnly?: boolean;
}

export interface CraftOptions {
  /** The entry count the end record declares (default: the central records written). */
  entryCount?: number;
  centralDirectoryOffset?: number;
  centralDirectorySize?: number;
  comment?: string | Buffer;
}

interface HeaderFields {
  name: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  extra: Buffer;
}

interface Resolved {
  central: HeaderFields;
  local: HeaderFields;
  payload: Buffer;
}

const bytesOf = (value: string | Buffer | undefined): Buffer =>
  value === undefined ? Buffer.alloc(0) : typeof value === 'string' ? Buffer.from(value, 'utf8') : value;

function resolve(entry: CraftEntry): Resolved {
  const data = bytesOf(entry.data);
  const method = entry.method ?? 8;
  const payload = entry.payload ?? (method === 8 ? zlib.deflateRawSync(data) : data);
  const nonAscii = typeof entry.name === 'string' && /[^\x00-\x7f]/.test(entry.name);
  const central: HeaderFields = {
    name: bytesOf(entry.name),
    flags: entry.flags ?? (nonAscii ? FLAG_UTF8 : 0),
    method,
    crc32: entry.crc32 ?? zlib.crc32(data),
    compressedSize: entry.compressedSize ?? payload.length,
    uncompressedSize: entry.uncompressedSize ?? data.length,
    extra: entry.extra ?? Buffer.alloc(0),
  };
  const overrides = entry.local ?? {};
  const local: HeaderFields = {
    name: overrides.name === undefined ? central.name : bytesOf(overrides.name),
    flags: overrides.flags ?? central.flags,
    method: overrides.method ?? central.method,
    crc32: overrides.crc32 ?? central.crc32,
    compressedSize: overrides.compressedSize ?? central.compressedSize,
    uncompressedSize: overrides.uncompressedSize ?? central.uncompressedSize,
    extra: overrides.extra ?? central.extra,
  };
  return { central, local, payload };
}

function localHeader(f: HeaderFields): Buffer {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(LOCAL_SIGNATURE, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(f.flags, 6);
  head.writeUInt16LE(f.method, 8);
  head.writeUInt16LE(DOS_TIME, 10);
  head.writeUInt16LE(DOS_DATE, 12);
  head.writeUInt32LE(f.crc32 >>> 0, 14);
  head.writeUInt32LE(f.compressedSize, 18);
  head.writeUInt32LE(f.uncompressedSize, 22);
  head.writeUInt16LE(f.name.length, 26);
  head.writeUInt16LE(f.extra.length, 28);
  return Buffer.concat([head, f.name, f.extra]);
}

function centralRecord(entry: CraftEntry, f: HeaderFields, localOffset: number): Buffer {
  const folder = f.name.length > 0 && f.name[f.name.length - 1] === 0x2f;
  const defaultAttributes = folder ? unixAttributes(S_IFDIR | 0o755) | 0x10 : unixAttributes(S_IFREG | 0o644);
  const attributes = entry.externalAttributes ?? defaultAttributes;
  const head = Buffer.alloc(46);
  head.writeUInt32LE(CENTRAL_SIGNATURE, 0);
  head.writeUInt16LE(entry.versionMadeBy ?? 0x031e, 4);
  head.writeUInt16LE(20, 6);
  head.writeUInt16LE(f.flags, 8);
  head.writeUInt16LE(f.method, 10);
  head.writeUInt16LE(DOS_TIME, 12);
  head.writeUInt16LE(DOS_DATE, 14);
  head.writeUInt32LE(f.crc32 >>> 0, 16);
  head.writeUInt32LE(f.compressedSize, 20);
  head.writeUInt32LE(f.uncompressedSize, 24);
  head.writeUInt16LE(f.name.length, 28);
  head.writeUInt16LE(f.extra.length, 30);
  head.writeUInt16LE(0, 32); // comment length
  head.writeUInt16LE(0, 34); // disk number
  head.writeUInt16LE(0, 36); // internal attributes
  head.writeUInt32LE(attributes >>> 0, 38);
  head.writeUInt32LE(localOffset, 42);
  return Buffer.concat([head, f.name, f.extra]);
}

/** The local header plus file data of one entry, e.g. to hide inside another entry's data. */
export function localRecord(entry: CraftEntry): Buffer {
  const { local, payload } = resolve(entry);
  return Buffer.concat([localHeader(local), payload]);
}

/** Builds the archive bytes: local records in order, then the central directory and the end record. */
export function craftZip(entries: CraftEntry[], options: CraftOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const resolved = resolve(entry);
    let at = entry.localHeaderOffset ?? offset;
    if (!entry.centralOnly) {
      const record = Buffer.concat([localHeader(resolved.local), resolved.payload]);
      locals.push(record);
      at = entry.localHeaderOffset ?? offset;
      offset += record.length;
    }
    if (!entry.localOnly) centrals.push(centralRecord(entry, resolved.central, at));
  }
  const directory = Buffer.concat(centrals);
  const comment = bytesOf(options.comment);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(options.entryCount ?? centrals.length, 8);
  end.writeUInt16LE(options.entryCount ?? centrals.length, 10);
  end.writeUInt32LE(options.centralDirectorySize ?? directory.length, 12);
  end.writeUInt32LE(options.centralDirectoryOffset ?? offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

/** Unix mode bits as they sit in the external attributes' high 16 bits. */
export function unixAttributes(mode: number): number {
  return (mode << 16) >>> 0;
}

/** An Info-ZIP Unicode Path extra field (0x7075) naming `rawName`'s entry `unicodeName`. */
export function unicodePathExtra(rawName: Buffer, unicodeName: string): Buffer {
  const name = Buffer.from(unicodeName, 'utf8');
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(zlib.crc32(rawName) >>> 0, 5);
  return Buffer.concat([field, name]);
}

/**
 * Raw deflate data that inflates to `size` zero bytes, built without ever holding them: one
 * full-flushed block of 1 MiB of zeros (about 1 KiB, byte-aligned, no back-references across it)
 * repeated, then an empty final block.
 */
export function deflatedZeros(size: number): Buffer {
  const chunk = 1 << 20;
  const flushed = (n: number) =>
    zlib.deflateRawSync(Buffer.alloc(n), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  const whole = Math.floor(size / chunk);
  if (whole > 0) {
    const block = flushed(chunk);
    for (let i = 0; i < whole; i++) parts.push(block);
  }
  if (size % chunk) parts.push(flushed(size % chunk));
  parts.push(Buffer.from([0x03, 0x00])); // final fixed-Huffman block holding only end-of-block
  return Buffer.concat(parts);
}

let tempDir: Promise<string> | null = null;
let counter = 0;

/** Writes `bytes` (or a crafted archive) to a fresh file under one temp folder; returns its path. */
export async function writeTempZip(bytes: Buffer | CraftEntry[], options?: CraftOptions): Promise<string> {
  tempDir ??= mkdtemp(path.join(os.tmpdir(), 'plaza-zip-craft-'));
  const file = path.join(await tempDir, `archive-${++counter}.zip`);
  await writeFile(file, Buffer.isBuffer(bytes) ? bytes : craftZip(bytes, options));
  return file;
}

/** Removes every file `writeTempZip` wrote. */
export async function removeTempZips(): Promise<void> {
  if (!tempDir) return;
  const dir = await tempDir;
  tempDir = null;
  await rm(dir, { recursive: true, force: true });
}
