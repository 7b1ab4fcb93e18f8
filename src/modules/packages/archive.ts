/**
 * The intake's archive layer: an uploaded extension zip is opened, checked and inflated within
 * limits before anything is stored. Every problem found is collected and the archive refused once
 * with all of them (PackageRejectedError). Names are validated from their raw bytes, sizes are
 * checked as declared and again as inflated, and nothing is ever inflated past what was declared.
 *
 * The path rules (exclusions, secrets, name checks, collisions) are shared with package-dir.ts,
 * which applies them to a folder on disk for the CLI.
 */
import { open as openFile, type FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { PackageRejectedError } from '../../shared/errors';
import { formatBytes } from '../../shared/bytes';
import { issue, ValidationIssue } from '../validation/types';

const MiB = 1024 * 1024;

export interface ArchiveLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Uncompressed:compressed, per entry. */
  maxRatio: number;
  /** Entries smaller than this (uncompressed) are exempt from the ratio check. */
  ratioFloorBytes: number;
}

/** What an upload may hold: 2000 entries, 200 MiB unpacked, 100:1 per entry of 1 MiB or more. */
export const DEFAULT_ARCHIVE_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxEntries: 2000,
  maxUncompressedBytes: 200 * MiB,
  maxRatio: 100,
  ratioFloorBytes: MiB,
});

/** A package that passed every check, ready for the validator. */
export interface CheckedPackage {
  /** Package-root-relative posix paths → bytes, after exclusions and after stripping the root folder. */
  files: Map<string, Buffer>;
  /** '' or the single top-level folder stripped, e.g. 'my-extension/'. */
  root: string;
  /** INFO (PKG-EXCLUDE) for dropped paths, WARN (PKG-BAK) for backup files. */
  issues: ValidationIssue[];
  /** Bytes of the files kept (as inflated or read). */
  totalUncompressedBytes: number;
  /** Archive: records in the central directory. Folder: files kept. */
  entryCount: number;
}

/** Fills in the defaults for any limit not given. */
export function resolveLimits(limits: Partial<ArchiveLimits> = {}): ArchiveLimits {
  const resolved: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS };
  for (const key of Object.keys(resolved) as (keyof ArchiveLimits)[]) {
    const value = limits[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}

// ---------------------------------------------------------------------------------------------
// Path rules, shared with package-dir.ts. Paths are posix; folders end with '/'.
// ---------------------------------------------------------------------------------------------

/** A path as quoted in reasons and issues: JSON escaping makes control characters visible. */
export function quote(path: string): string {
  return JSON.stringify(path);
}

/** Every reason `name` is not a safe relative path (empty when it is). */
export function nameProblems(name: string): string[] {
  if (name === '') return ['An entry has an empty name.'];
  const q = quote(name);
  const problems: string[] = [];
  if (/[\u0000-\u001f\u007f]/.test(name)) problems.push(`${q} contains a control character.`);
  if (name.includes('\\')) problems.push(`${q} contains a backslash; zip paths use '/'.`);
  if (name.startsWith('/')) problems.push(`${q} is an absolute path.`);
  else if (/^[A-Za-z]:/.test(name)) problems.push(`${q} starts with a drive letter.`);
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) problems.push(`${q} contains a '..' segment.`);
  else if (!name.startsWith('/') && segments.some(s => s === '' || s === '.')) {
    problems.push(`${q} contains an empty or '.' segment.`);
  }
  return problems;
}

/** Folders never shipped, at any depth (gitignore semantics), with the reason the Imperal packaging guide gives. */
const DROPPED_FOLDERS = new Map<string, string>([
  ['.git', 'internal VCS history'],
  ['__pycache__', 'compiled bytecode, regenerated at deploy time'],
  ['.venv', 'a virtualenv, incompatible with the platform runtime'],
  ['venv', 'a virtualenv, incompatible with the platform runtime'],
]);

/** Every drop pattern with its reason, in the order issues are reported (that guide's table order). */
const DROP_REASONS = new Map<string, string>([
  ['.git/', DROPPED_FOLDERS.get('.git')!],
  ['__pycache__/', DROPPED_FOLDERS.get('__pycache__')!],
  ['*.pyc', 'compiled bytecode, regenerated at deploy time'],
  ['.venv/', DROPPED_FOLDERS.get('.venv')!],
  ['venv/', DROPPED_FOLDERS.get('venv')!],
  ['node_modules/', 'local dependencies, never part of a package'],
]);

/** A dropped path: the pattern that matched and the path dropped (a folder ends with '/'). */
export interface Exclusion {
  pattern: string;
  path: string;
}

/** Whether `path` (package-root-relative) is left out of the package, and by which pattern. */
export function exclusionOf(path: string): Exclusion | null {
  const segments = path.split('/');
  // The last segment is the file name ('' for a folder path); the others are folders.
  for (let i = 0; i < segments.length - 1; i++) {
    if (DROPPED_FOLDERS.has(segments[i])) {
      return { pattern: `${segments[i]}/`, path: `${segments.slice(0, i + 1).join('/')}/` };
    }
  }
  if (!path.endsWith('/') && path.endsWith('.pyc')) return { pattern: '*.pyc', path };
  return null;
}

/** The path (file, or folder ending in '/') holding secrets, if `path` is or lies under one. */
export function secretOf(path: string): string | null {
  const segments = path.split('/');
  const prefix = (end: number) => segments.slice(0, end + 1).join('/') + (end < segments.length - 1 ? '/' : '');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i].toLowerCase();
    // `.env`, and `*.env.*` with `*` matching the empty string too (`.env.local`).
    if (segment === '.env' || segment.includes('.env.')) return prefix(i);
    if (segment === '.imperal' && segments[i + 1]?.toLowerCase() === 'credentials') return prefix(i + 1);
  }
  return null;
}

/** The refusal reason for a secrets path. */
export function secretReason(path: string): string {
  return `${quote(path)} would ship secrets; .env, *.env.* and .imperal/credentials never go in a package.`;
}

/** The refusal reason for an entry that expands more than the limits allow, if it does. */
export function ratioProblem(
  name: string,
  uncompressed: number,
  compressed: number,
  limits: ArchiveLimits,
): string | null {
  if (uncompressed < limits.ratioFloorBytes) return null;
  const ratio = compressed === 0 ? Infinity : uncompressed / compressed;
  if (ratio <= limits.maxRatio) return null;
  const shown = Number.isFinite(ratio) ? Math.round(ratio) : '∞';
  const sizes = `${formatBytes(compressed)} to ${formatBytes(uncompressed)}`;
  const floor = formatBytes(limits.ratioFloorBytes);
  const rule = `entries of ${floor} or more may expand at most ${limits.maxRatio}:1`;
  return `${quote(name)} expands ${shown}:1 (${sizes}); ${rule}.`;
}

/**
 * Finds names that would land on the same file on some file system: identical, equal ignoring
 * letter case, or equal after Unicode NFC normalization; and a file also used as a folder.
 */
export class NameCollisions {
  private readonly seen = new Map<string, string>();
  private readonly names: string[] = [];

  private static key(name: string): string {
    return name.normalize('NFC').toLowerCase();
  }

  /** Records `name`; returns the reason when it collides with one recorded before. */
  add(name: string): string | null {
    this.names.push(name);
    const key = NameCollisions.key(name);
    const earlier = this.seen.get(key);
    if (earlier === undefined) {
      this.seen.set(key, name);
      return null;
    }
    if (earlier === name) return `${quote(name)} appears more than once.`;
    const how =
      earlier.normalize('NFC') === name.normalize('NFC')
        ? 'Unicode normalization'
        : earlier.toLowerCase() === name.toLowerCase()
          ? 'letter case'
          : 'letter case and Unicode normalization';
    return `${quote(earlier)} and ${quote(name)} differ only by ${how}.`;
  }

  /** Names that use an earlier file as a folder ('a' and 'a/b'), one reason per file. */
  conflicts(): string[] {
    const found = new Map<string, string>();
    for (const name of this.names) {
      for (let slash = name.indexOf('/'); slash !== -1; slash = name.indexOf('/', slash + 1)) {
        const file = this.seen.get(NameCollisions.key(name.slice(0, slash)));
        if (file !== undefined && !found.has(file)) {
          found.set(file, `${quote(file)} is a file, but ${quote(name)} uses it as a folder.`);
        }
      }
    }
    return [...found.values()];
  }
}

/** Collects dropped paths and kept backup files into the issues a CheckedPackage carries. */
export class PathReport {
  private readonly dropped = new Map<string, Set<string>>();

  drop(exclusion: Exclusion): void {
    const paths = this.dropped.get(exclusion.pattern) ?? new Set<string>();
    paths.add(exclusion.path);
    this.dropped.set(exclusion.pattern, paths);
  }

  /** One INFO per pattern that dropped something, then one WARN per kept `*.bak` file. */
  issues(keptFiles: Iterable<string>): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    for (const [pattern, why] of DROP_REASONS) {
      const paths = [...(this.dropped.get(pattern) ?? [])].sort(byCodeUnit);
      if (paths.length === 0) continue;
      const shown = paths.slice(0, 5).map(quote).join(', ') + (paths.length > 5 ? ', …' : '');
      issues.push(
        issue(
          'PKG-EXCLUDE',
          'INFO',
          `Dropped ${paths.length} path${paths.length === 1 ? '' : 's'} matching ${pattern} (${why}): ${shown}.`,
          `Leave ${pattern} out of the package; it is never shipped.`,
        ),
      );
    }
    for (const file of [...keptFiles].sort(byCodeUnit)) {
      if (!/\.bak$/i.test(file)) continue;
      const message = `${quote(file)} is a backup file.`;
      issues.push(issue('PKG-BAK', 'WARN', message, 'Remove backup files from the package.', { file }));
    }
    return issues;
  }
}

/** Plain code-unit order, the same on every machine (no locale). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MAX_REASONS = 50;

/** Refusal reasons, deduplicated and capped so a hostile archive cannot produce a huge error. */
export class Reasons {
  private readonly list: string[] = [];
  private readonly seen = new Set<string>();

  add(reason: string): void {
    if (this.seen.has(reason)) return;
    this.seen.add(reason);
    this.list.push(reason);
  }

  get count(): number {
    return this.list.length;
  }

  toError(message: string): PackageRejectedError {
    const shown = this.list.slice(0, MAX_REASONS);
    if (this.list.length > MAX_REASONS) shown.push(`…and ${this.list.length - MAX_REASONS} more problems.`);
    return new PackageRejectedError(message, shown);
  }
}

// ---------------------------------------------------------------------------------------------
// Zip reading
// ---------------------------------------------------------------------------------------------

const REFUSED = 'The archive was refused';

const YAUZL_OPTIONS: yauzl.Options = {
  lazyEntries: true,
  decodeStrings: false,
  validateEntrySizes: true,
  strictFileNames: false,
  autoClose: false,
};

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** What may follow the last central record: the end record, the zip64 end record, a digital signature. */
const AFTER_CENTRAL_DIRECTORY = new Set([0x06054b50, 0x06064b50, 0x05054b50]);

const METHOD_NAMES: Record<number, string> = {
  1: 'shrink',
  6: 'implode',
  9: 'deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'zstd',
  95: 'xz',
  99: 'AES',
};

// Bytes 0x00-0x7f are ASCII (as in Python's cp437 codec), so control bytes stay visible to the checks.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a raw entry name: UTF-8 when flag bit 11 says so (null if invalid), else CP437. */
export function decodeEntryName(raw: Buffer, utf8: boolean): string | null {
  if (utf8) {
    try {
      return utf8Decoder.decode(raw);
    } catch {
      return null;
    }
  }
  let name = '';
  for (const byte of raw) name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return name;
}

export interface ReadOptions {
  /**
   * Which files to keep in memory (default: all). Every entry is still inflated and verified
   * (size, CRC); the others are counted and dropped chunk by chunk, so checking a 50 MiB upload
   * costs no more memory than its largest kept file.
   */
  retain?: (path: string) => boolean;
}

interface Scanned {
  entry: yauzl.Entry;
  /** The decoded name (from the Unicode Path extra field when it carries one). */
  name: string;
  folder: boolean;
  safe: boolean;
}

/**
 * Opens the zip at `path` (already on disk), checks everything and inflates within limits.
 * Throws PackageRejectedError listing every reason found.
 */
export async function readPackageArchive(
  path: string,
  limits?: Partial<ArchiveLimits>,
  options: ReadOptions = {},
): Promise<CheckedPackage> {
  const lim = resolveLimits(limits);
  const reasons = new Reasons();
  const zip = await openArchive(path);
  let raw: FileHandle | null = null;
  try {
    raw = await openFile(path, 'r');
    const centralDirectoryOffset = cursorOf(zip);
    if (zip.entryCount > lim.maxEntries) {
      reasons.add(`The archive has ${zip.entryCount} entries; the limit is ${lim.maxEntries}.`);
    }

    // 1. The central directory: metadata only, nothing inflated.
    const scanned: Scanned[] = [];
    const toScan = Math.min(zip.entryCount, lim.maxEntries);
    let intact = true;
    for (let index = 0; index < toScan; index++) {
      const at = cursorOf(zip);
      let entry: yauzl.Entry | null;
      try {
        entry = await nextEntry(zip);
      } catch (error) {
        reasons.add(await centralDirectoryProblem(raw, at, index, error));
        intact = false;
        break;
      }
      if (!entry) break;
      scanned.push(scanEntry(entry, reasons));
    }
    if (intact && toScan === zip.entryCount) {
      const next = Buffer.alloc(4);
      const { bytesRead } = await raw.read(next, 0, 4, cursorOf(zip));
      if (bytesRead < 4 || !AFTER_CENTRAL_DIRECTORY.has(next.readUInt32LE(0))) {
        reasons.add(
          `The central directory holds more than the ${zip.entryCount} records its end record declares.`,
        );
      }
    }

    // 2. Every entry against the rules.
    const root = commonRoot(scanned.map(s => s.name));
    const collisions = new NameCollisions();
    const report = new PathReport();
    const keep: { scanned: Scanned; path: string }[] = [];
    let declared = 0;
    for (const s of scanned) {
      const { entry, name } = s;
      const q = quote(name);
      declared += entry.uncompressedSize;
      const collision = collisions.add(name);
      if (collision) reasons.add(collision);
      if (entry.generalPurposeBitFlag & FLAG_ENCRYPTED) reasons.add(`${q} is encrypted.`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        const label = METHOD_NAMES[entry.compressionMethod];
        reasons.add(
          `${q} uses compression method ${entry.compressionMethod}${label ? ` (${label})` : ''}; ` +
            'only stored (0) and deflate (8) are accepted.',
        );
      }
      const ratio = ratioProblem(name, entry.uncompressedSize, entry.compressedSize, lim);
      if (ratio) reasons.add(ratio);
      if (!s.safe) continue;
      const path = name.slice(root.length);
      if (path === '') continue;
      // Dropped paths are never read, so links and secrets inside them (a virtualenv's links) are moot.
      const exclusion = exclusionOf(path);
      if (exclusion) {
        report.drop(exclusion);
        continue;
      }
      const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (type === S_IFLNK) {
        reasons.add(`${q} is a symbolic link; links are refused.`);
        continue;
      }
      if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
        reasons.add(`${q} is a device, FIFO or socket, not a file.`);
        continue;
      }
      const secret = secretOf(path);
      if (secret) {
        reasons.add(secretReason(root + secret));
        continue;
      }
      if (!s.folder) keep.push({ scanned: s, path });
    }
    for (const conflict of collisions.conflicts()) reasons.add(conflict);
    if (declared > lim.maxUncompressedBytes) {
      const limit = formatBytes(lim.maxUncompressedBytes);
      reasons.add(`The archive declares ${formatBytes(declared)} uncompressed; the limit is ${limit}.`);
    }

    // 3. Local headers: each must agree with its central record, and no two entries may share bytes.
    if (intact) await checkLocalHeaders(zip, scanned, centralDirectoryOffset, reasons);
    if (reasons.count > 0) throw reasons.toError(REFUSED);

    // 4. Inflate what is kept, never past the declared sizes or the total limit.
    const files = new Map<string, Buffer>();
    const inflated: string[] = [];
    let total = 0;
    for (const { scanned: s, path } of keep.sort((a, b) => byCodeUnit(a.path, b.path))) {
      const retained = options.retain?.(path) ?? true;
      const result = await inflateEntry(zip, s.entry, lim.maxUncompressedBytes - total, lim.maxUncompressedBytes, retained);
      if (typeof result === 'string') {
        reasons.add(`${quote(s.name)} ${result}`);
        if (result.startsWith(OVER_TOTAL)) break;
        continue;
      }
      total += s.entry.uncompressedSize;
      inflated.push(path);
      if (retained) files.set(path, result);
    }
    if (reasons.count > 0) throw reasons.toError(REFUSED);
    return {
      files,
      root,
      issues: report.issues(inflated.values()),
      totalUncompressedBytes: total,
      entryCount: zip.entryCount,
    };
  } finally {
    zip.close();
    await raw?.close();
  }
}

async function openArchive(path: string): Promise<yauzl.ZipFile> {
  try {
    return await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(path, YAUZL_OPTIONS, (error, zip) => (error ? reject(error) : resolve(zip))),
    );
  } catch (error) {
    // A missing or unreadable file is the caller's problem, not the uploader's.
    if ((error as NodeJS.ErrnoException).code) throw error;
    const message = (error as Error).message;
    if (message.startsWith('End of central directory record signature not found')) {
      const handle = await openFile(path, 'r');
      const head = Buffer.alloc(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0).finally(() => handle.close());
      const zipLike = bytesRead === 4 && head.readUInt32LE(0) === LOCAL_SIGNATURE;
      throw new PackageRejectedError(REFUSED, [
        zipLike
          ? 'The archive is truncated or corrupt: it has no end of central directory record.'
          : 'The file is not a zip archive.',
      ]);
    }
    throw new PackageRejectedError(REFUSED, [`The archive is corrupt: ${message}.`]);
  }
}

/** yauzl's position in the central directory (its typings call it a boolean). */
function cursorOf(zip: yauzl.ZipFile): number {
  return (zip as unknown as { readEntryCursor: number }).readEntryCursor;
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  if (zip.listenerCount('error') === 0) {
    // yauzl may emit late errors (closing the file); they must not crash the process.
    zip.on('error', () => undefined);
  }
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      done();
      resolve(entry);
    };
    const onEnd = () => {
      done();
      resolve(null);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Names the central record yauzl choked on (read again from the file) and says what is wrong. */
async function centralDirectoryProblem(
  raw: FileHandle,
  at: number,
  index: number,
  error: unknown,
): Promise<string> {
  const message = (error as Error).message;
  let who = `central directory record ${index + 1}`;
  try {
    const head = Buffer.alloc(46);
    const { bytesRead } = await raw.read(head, 0, 46, at);
    if (bytesRead === 46 && head.readUInt32LE(0) === CENTRAL_SIGNATURE) {
      const name = Buffer.alloc(head.readUInt16LE(28));
      if ((await raw.read(name, 0, name.length, at + 46)).bytesRead === name.length) {
        who = quote(decodeEntryName(name, (head.readUInt16LE(8) & FLAG_UTF8) !== 0) ?? name.toString('utf8'));
      }
    }
  } catch {
    // Keep the record number.
  }
  if (message.includes('strong encryption')) return `${who} is encrypted (strong encryption).`;
  const stored = /size mismatch for stored file: (\d+) != (\d+)/.exec(message);
  if (stored) {
    const [, compressed, uncompressed] = stored;
    const sizes = `${compressed} bytes compressed and ${uncompressed} uncompressed`;
    return `${who} is stored uncompressed but declares ${sizes}.`;
  }
  return `The archive is corrupt at ${who}: ${message}.`;
}

/** Decodes and checks one central record's name(s). */
function scanEntry(entry: yauzl.Entry, reasons: Reasons): Scanned {
  const rawName = entry.fileNameRaw;
  const header = decodeEntryName(rawName, (entry.generalPurposeBitFlag & FLAG_UTF8) !== 0);
  if (header === null) {
    const shown = rawName.toString('utf8');
    reasons.add(`${quote(shown)} has a name that is not valid UTF-8, though its flags say it is.`);
    return { entry, name: shown, folder: shown.endsWith('/'), safe: false };
  }
  let name = header;
  const unicodeField = unicodePathField(entry);
  if (unicodeField) {
    const unicode = decodeEntryName(unicodeField, true);
    if (unicode === null) {
      reasons.add(`${quote(header)} carries a Unicode Path extra field that is not valid UTF-8.`);
      return { entry, name: header, folder: header.endsWith('/'), safe: false };
    }
    name = unicode;
  }
  const problems = nameProblems(name);
  // Other tools may extract under the header name instead, so it must be just as safe.
  if (name !== header) {
    problems.push(...nameProblems(header).map(p => `${p.slice(0, -1)} (its header name, beside ${quote(name)}).`));
  }
  for (const problem of problems) reasons.add(problem);
  return { entry, name, folder: name.endsWith('/'), safe: problems.length === 0 };
}

/** The data of a valid Info-ZIP Unicode Path extra field (0x7075) without its 5-byte prefix. */
function unicodePathField(entry: yauzl.Entry): Buffer | null {
  for (const field of entry.extraFields) {
    if (field.id !== 0x7075 || field.data.length < 5 || field.data.readUInt8(0) !== 1) continue;
    // A stale field (its CRC is of a different header name) is ignored, as the spec says.
    if (field.data.readUInt32LE(1) !== zlib.crc32(entry.fileNameRaw) >>> 0) continue;
    return field.data.subarray(5);
  }
  return null;
}

/** The single top-level folder every entry sits in ('my-extension/'), or ''. */
function commonRoot(names: string[]): string {
  const slash = names.length > 0 ? names[0].indexOf('/') : -1;
  if (slash <= 0) return '';
  const root = names[0].slice(0, slash + 1);
  const folder = root.slice(0, -1);
  // .kiket/ is a Kiket package's manifest folder, never a wrapper around the package.
  if (folder === '.' || folder === '..' || folder === '.kiket' || DROPPED_FOLDERS.has(folder)) return '';
  return names.every(name => name.startsWith(root)) ? root : '';
}

async function checkLocalHeaders(
  zip: yauzl.ZipFile,
  scanned: Scanned[],
  centralDirectoryOffset: number,
  reasons: Reasons,
): Promise<void> {
  const spans: { name: string; start: number; end: number }[] = [];
  for (const { entry, name } of scanned) {
    const q = quote(name);
    let local: yauzl.LocalFileHeader;
    try {
      local = await zip.readLocalFileHeaderPromise(entry);
    } catch (error) {
      const message = (error as Error).message;
      reasons.add(
        message.startsWith('file data overflows')
          ? `${q} is truncated: its data runs past the end of the file.`
          : `${q} has no valid local header: ${message}.`,
      );
      continue;
    }
    const differences: string[] = [];
    if (!local.fileName.equals(entry.fileNameRaw)) differences.push('name');
    if (local.compressionMethod !== entry.compressionMethod) differences.push('compression method');
    if ((local.generalPurposeBitFlag & FLAG_ENCRYPTED) !== (entry.generalPurposeBitFlag & FLAG_ENCRYPTED)) {
      differences.push('encryption flag');
    }
    // With a data descriptor the local CRC and sizes are zero; 0xffffffff defers to zip64 fields.
    if (!(local.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR)) {
      if (local.crc32 !== entry.crc32) differences.push('CRC-32');
      const sizesDiffer = (a: number, b: number) => a !== 0xffffffff && a !== b;
      if (
        sizesDiffer(local.compressedSize, entry.compressedSize) ||
        sizesDiffer(local.uncompressedSize, entry.uncompressedSize)
      ) {
        differences.push('sizes');
      }
    }
    if (differences.length > 0) {
      const what = differences.join(', ');
      reasons.add(`${q} has a local header that disagrees with the central directory (${what}).`);
    }
    const end = local.fileDataStart + entry.compressedSize;
    if (end > centralDirectoryOffset) reasons.add(`${q} has data that runs into the central directory.`);
    spans.push({ name, start: entry.relativeOffsetOfLocalHeader, end });
  }
  spans.sort((a, b) => a.start - b.start);
  let furthest: (typeof spans)[number] | null = null;
  for (const span of spans) {
    if (furthest && span.start < furthest.end) {
      reasons.add(`${quote(span.name)} overlaps ${quote(furthest.name)} in the archive.`);
    }
    if (!furthest || span.end > furthest.end) furthest = span;
  }
}

const OVER_TOTAL = 'takes the unpacked total past';

/**
 * Inflates one entry into memory, counting bytes as they come: past the declared size (or the
 * remaining total budget) the stream is destroyed at once, so a bomb costs one chunk, not its size.
 * Returns the bytes, or the problem (a sentence fragment following the entry's name).
 */
async function inflateEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: number,
  limit: number,
  retain = true,
): Promise<Buffer | string> {
  const declared = entry.uncompressedSize;
  let stream: NodeJS.ReadableStream & { destroy(): void };
  try {
    stream = (await zip.openReadStreamPromise(entry)) as typeof stream;
  } catch (error) {
    return `could not be read: ${(error as Error).message}.`;
  }
  return new Promise(resolve => {
    const chunks: Buffer[] = [];
    let size = 0;
    let crc = 0;
    let settled = false;
    const settle = (result: Buffer | string) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      resolve(result);
    };
    const tooLong = `declares ${declared} bytes but inflates to more; inflating stopped there.`;
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > declared) return settle(tooLong);
      if (size > budget) return settle(`${OVER_TOTAL} the ${formatBytes(limit)} limit.`);
      crc = zlib.crc32(chunk, crc);
      if (retain) chunks.push(chunk);
    });
    stream.on('error', (error: Error & { code?: string }) => {
      const message = error.message;
      const short = /^not enough bytes in the stream\. expected (\d+)\. got only (\d+)/.exec(message);
      if (message.startsWith('too many bytes in the stream')) {
        settle(tooLong);
      } else if (short) {
        settle(`declares ${short[1]} bytes but inflates to only ${short[2]}.`);
      } else if (error.code?.startsWith('Z_')) {
        settle(`cannot be inflated (corrupt data: ${message}).`);
      } else {
        settle(`could not be read: ${message}.`);
      }
    });
    stream.on('end', () => {
      if (size !== declared) return settle(`declares ${declared} bytes but inflates to only ${size}.`);
      if (crc >>> 0 !== entry.crc32) return settle('fails its CRC-32 check (the data is corrupt).');
      settle(retain ? Buffer.concat(chunks, size) : Buffer.alloc(0));
    });
  });
}
