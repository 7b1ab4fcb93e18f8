/**
 * A package folder on disk (the CLI's `plaza validate [dir]` / `plaza pack [dir]`, and git
 * checkouts): read under the same rules as an uploaded archive, and packed into the zip the server
 * accepts. Whatever `packDirectory` writes, `readPackageArchive` reads back as the same files.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { formatBytes } from '../../shared/bytes';
import {
  ArchiveLimits,
  byCodeUnit,
  CheckedPackage,
  exclusionOf,
  NameCollisions,
  nameProblems,
  PathReport,
  quote,
  ratioProblem,
  Reasons,
  resolveLimits,
  secretOf,
  secretReason,
} from './archive';

const REFUSED = 'The package folder was refused';
/** yazl's default deflate level: the ratio check measures what the packed zip will hold. */
const PACK_LEVEL = 6;
/** MS-DOS time has no zone; built from local fields, it encodes as 1980-01-01 00:00 everywhere. */
const PACK_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const PACK_MODE = 0o100644;
const deflateRaw = promisify(zlib.deflateRaw);

interface Found {
  path: string;
  absolute: string;
  size: number;
}

/**
 * Reads a package folder into the same shape as an archive, applying the same exclusions (dropped
 * paths are never read) and refusing links, secrets and colliding names (PackageRejectedError).
 * Skips node_modules too. `entryCount` is the number of files kept.
 */
export async function readPackageDirectory(dir: string, limits?: Partial<ArchiveLimits>): Promise<CheckedPackage> {
  const lim = resolveLimits(limits);
  const reasons = new Reasons();
  const collisions = new NameCollisions();
  const report = new PathReport();
  const found: Found[] = [];
  let declared = 0;
  let tooMany = false;

  const visit = async (absolute: string, entry: Dirent, parent: string): Promise<void> => {
    const folder = entry.isDirectory();
    const relative = parent + entry.name + (folder ? '/' : '');
    const problems = nameProblems(relative);
    if (problems.length > 0) {
      for (const problem of problems) reasons.add(problem);
      return;
    }
    if (folder && entry.name === 'node_modules') {
      report.drop({ pattern: 'node_modules/', path: relative });
      return;
    }
    // A link named like a dropped folder (a `venv` link) is dropped like one.
    const exclusion = exclusionOf(relative) ?? (entry.isSymbolicLink() ? exclusionOf(`${relative}/`) : null);
    if (exclusion) {
      report.drop(exclusion);
      return;
    }
    if (entry.isSymbolicLink()) {
      reasons.add(`${quote(relative)} is a symbolic link; links are refused.`);
      return;
    }
    const secret = secretOf(relative);
    if (secret) {
      reasons.add(secretReason(secret));
      return;
    }
    const collision = collisions.add(relative);
    if (collision) reasons.add(collision);
    if (folder) return walk(absolute, relative);
    if (!entry.isFile()) {
      reasons.add(`${quote(relative)} is a device, FIFO or socket, not a file.`);
      return;
    }
    if (found.length === lim.maxEntries) {
      tooMany = true;
      return;
    }
    const { size } = await lstat(absolute);
    declared += size;
    found.push({ path: relative, absolute, size });
  };

  const walk = async (absolute: string, relative: string): Promise<void> => {
    const entries = (await readdir(absolute, { withFileTypes: true })).sort((a, b) => byCodeUnit(a.name, b.name));
    for (const entry of entries) {
      if (tooMany) return;
      await visit(path.join(absolute, entry.name), entry, relative);
    }
  };

  await walk(dir, '');
  for (const conflict of collisions.conflicts()) reasons.add(conflict);
  if (tooMany) reasons.add(`The package has more than ${lim.maxEntries} files; the limit is ${lim.maxEntries}.`);
  if (declared > lim.maxUncompressedBytes) {
    const limit = formatBytes(lim.maxUncompressedBytes);
    reasons.add(`The package holds ${formatBytes(declared)}; the limit is ${limit}.`);
  }
  if (reasons.count > 0) throw reasons.toError(REFUSED);

  const files = new Map<string, Buffer>();
  let total = 0;
  for (const file of found.sort((a, b) => byCodeUnit(a.path, b.path))) {
    const data = await readFile(file.absolute);
    total += data.length;
    // The file may have grown since it was measured.
    if (total > lim.maxUncompressedBytes) {
      reasons.add(`The package holds more than ${formatBytes(lim.maxUncompressedBytes)}, the limit.`);
      break;
    }
    if (data.length >= lim.ratioFloorBytes) {
      // The server would refuse the packed entry; say so here rather than after an upload.
      const compressed = await deflateRaw(data, { level: PACK_LEVEL });
      const ratio = ratioProblem(file.path, data.length, compressed.length, lim);
      if (ratio) reasons.add(ratio);
    }
    files.set(file.path, data);
  }
  if (reasons.count > 0) throw reasons.toError(REFUSED);
  return {
    files,
    root: '',
    issues: report.issues(files.keys()),
    totalUncompressedBytes: total,
    entryCount: files.size,
  };
}

/**
 * Builds a deterministic zip of the folder with the exclusions applied: files at the zip root in
 * sorted order, fixed timestamps and modes, no extra fields that vary. Returns the bytes; refuses
 * what `readPackageDirectory` refuses.
 */
export async function packDirectory(dir: string): Promise<Buffer> {
  const checked = await readPackageDirectory(dir);
  const zip = new yazl.ZipFile();
  const output = collect(zip.outputStream);
  for (const [file, data] of checked.files) {
    zip.addBuffer(data, file, {
      mtime: PACK_MTIME,
      mode: PACK_MODE,
      forceDosTimestamp: true,
      compressionLevel: PACK_LEVEL,
    });
  }
  zip.end();
  return output;
}

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
