import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Content-addressed package storage: a blob's key is the sha256 of its bytes, so identical
 * packages are stored once. The local folder is the default; an S3-compatible store implements
 * the same interface (put by moving a finished temp file, read as a stream, delete).
 */
export interface BlobStore {
  /** Moves a finished temporary file into the store under `sha256` (no-op if already there). */
  putFile(sha256: string, tempPath: string): Promise<void>;
  /** A local path to read the blob from (S3 would download to a temp file). */
  localPath(sha256: string): Promise<string>;
  exists(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
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

  async localPath(sha256: string): Promise<string> {
    return this.pathOf(sha256);
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
