import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** An inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Content-addressed package storage: a blob's key is the sha256 of its bytes, so identical
 * packages are stored once and a stored blob never changes. Two implementations: the local
 * folder (the default, one node) and an S3-compatible object store (`S3BlobStore`, several
 * nodes; docs/architecture.md, "Scaling out"). Nothing outside a store assumes a blob is a file.
 */
export interface BlobStore {
  /** Moves a finished temporary file into the store under `sha256` (no-op if already there); the temp file is gone afterwards. */
  putFile(sha256: string, tempPath: string): Promise<void>;
  /**
   * Runs `use` with a local file holding the blob's bytes (the zip reader needs random access).
   * The path is valid only until `use` settles: an object store serves it from its node-local,
   * verified cache and may evict it afterwards.
   */
  withLocalFile<T>(sha256: string, use: (file: string) => Promise<T>): Promise<T>;
  /** The blob's bytes (or a byte range of them) as a stream, never buffered whole. */
  openRead(sha256: string, range?: ByteRange): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** Releases connections (the app's close). */
  close(): Promise<void>;
}

export function assertSha256(sha256: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
}

/** Thrown when a blob the database refers to is not in the store (an operator's problem, not a user's). */
export class BlobMissingError extends Error {
  constructor(sha256: string) {
    super(`Blob ${sha256} is not in the blob store`);
    this.name = 'BlobMissingError';
  }
}

export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async putFile(sha256: string, tempPath: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      await rm(tempPath, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tempPath, target);
  }

  async withLocalFile<T>(sha256: string, use: (file: string) => Promise<T>): Promise<T> {
    if (!(await this.exists(sha256))) throw new BlobMissingError(sha256);
    return use(this.pathOf(sha256));
  }

  async openRead(sha256: string, range?: ByteRange): Promise<Readable> {
    if (!(await this.exists(sha256))) throw new BlobMissingError(sha256);
    return createReadStream(this.pathOf(sha256), range ? { start: range.start, end: range.end } : {});
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async close(): Promise<void> {}
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', chunk => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
