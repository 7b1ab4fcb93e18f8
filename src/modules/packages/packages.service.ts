import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { LessThan } from 'typeorm';
import { authed, type AuthedContext, type RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { InvalidStateError, NotFoundError, PayloadTooLargeError } from '../../shared/errors';
import type { ValidationIssue } from '../validation/types';
import { ArchiveLimits, CheckedPackage, readPackageArchive } from './archive';
import type { BlobStore } from './blob-store';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';

/** The periodic sweep of expired uploads; the next run redoes the work. */
export const cleanupUploadsQueue = defineQueue<Record<string, never>>('cleanup-uploads', { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 30, retryBackoff: false });
import { PackageBlobEntity, PackageUploadEntity, UploadStatus } from './packages.entities';

export interface PackagesConfig {
  maxUploadBytes: number;
  uploadTtlSeconds: number;
  tempDir: string;
  archiveLimits?: Partial<ArchiveLimits>;
}

export interface ReceivedPackage {
  upload: PackageUploadEntity;
  issues: ValidationIssue[];
}

class ByteLimitExceeded extends Error {}

/** Files the validator reads; everything else is verified but not kept in memory. */
export function isValidatorInput(path: string): boolean {
  // The root Dockerfile: managed hosting requires one (HOST-3).
  return /\.(py|json|svg|md|ya?ml|txt|toml|cfg)$/i.test(path) || path === 'Dockerfile';
}

/**
 * Package intake: upload slots, streaming the bytes to disk with a hard size limit, archive
 * checks before anything is stored, and the content-addressed blob store. Nothing is kept from
 * a refused or oversized upload.
 */
export class PackagesService {
  constructor(
    private readonly store: BlobStore,
    private readonly config: PackagesConfig,
    jobs: JobQueue,
  ) {
    jobs.handle(
      cleanupUploadsQueue,
      async ctx => ctx.logger.info(await this.cleanupExpired(ctx), 'expired uploads cleaned up'),
      { schedule: '*/10 * * * *' },
    );
  }

  async createUpload(ctx: AuthedContext): Promise<PackageUploadEntity> {
    const uploads = repo(ctx, PackageUploadEntity);
    return uploads.save(
      uploads.create({
        userId: ctx.actor.userId,
        maxBytes: String(this.config.maxUploadBytes),
        expiresAt: new Date(Date.now() + this.config.uploadTtlSeconds * 1000),
      }),
    );
  }

  /** The caller's upload slot, or NOT_FOUND (another user's upload is not revealed). */
  async getOwnUpload(ctx: AuthedContext, uploadId: string): Promise<PackageUploadEntity> {
    const upload = isUuid(uploadId) ? await repo(ctx, PackageUploadEntity).findOneBy({ id: uploadId, userId: ctx.actor.userId }) : null;
    if (!upload) throw new NotFoundError('Upload');
    return upload;
  }

  /**
   * Streams the request body to a temporary file (never holding it in memory), refusing more
   * than the slot's maxBytes as soon as the count passes it; then checks the archive and, only
   * if it is acceptable, moves it into the blob store.
   */
  async receive(ctx: RequestContext, uploadId: string, body: Readable, declaredLength?: number): Promise<ReceivedPackage> {
    const upload = await this.getOwnUpload(authed(ctx), uploadId);
    if (upload.status !== UploadStatus.PENDING) throw new InvalidStateError(`This upload is ${upload.status.toLowerCase()}; create a new one`);
    if (upload.expiresAt.getTime() < Date.now()) throw new InvalidStateError('This upload has expired; create a new one');
    const maxBytes = Number(upload.maxBytes);
    if (declaredLength !== undefined && declaredLength > maxBytes) {
      throw new PayloadTooLargeError(`The package is larger than the limit of ${maxBytes} bytes`, maxBytes);
    }
    const { tempPath, sha256, size } = await this.streamToTemp(body, maxBytes);
    let checked: CheckedPackage;
    try {
      // Only safety matters here: keep no file contents in memory.
      checked = await readPackageArchive(tempPath, this.config.archiveLimits, { retain: () => false });
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    await this.store.putFile(sha256, tempPath);
    const saved = await withTransaction(ctx, async tx => {
      await tx.manager
        .createQueryBuilder()
        .insert()
        .into(PackageBlobEntity)
        .values({ sha256, sizeBytes: String(size) })
        .orIgnore()
        .execute();
      const locked = await repo(tx, PackageUploadEntity).findOne({ where: { id: upload.id }, lock: { mode: 'for_no_key_update' } });
      if (!locked || locked.status !== UploadStatus.PENDING) throw new InvalidStateError('This upload was already used');
      locked.status = UploadStatus.RECEIVED;
      locked.sha256 = sha256;
      locked.sizeBytes = String(size);
      locked.receivedAt = new Date();
      locked.archiveIssues = checked.issues;
      return repo(tx, PackageUploadEntity).save(locked);
    });
    return { upload: saved, issues: checked.issues };
  }

  /** Stores bytes Plaza produced itself (a packed git checkout); returns the sha256. */
  async storeBytes(bytes: Buffer): Promise<{ sha256: string; size: number; tempPath: string }> {
    await mkdir(this.config.tempDir, { recursive: true });
    const tempPath = path.join(this.config.tempDir, `pack-${randomUUID()}.zip`);
    await writeFile(tempPath, bytes);
    return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, tempPath };
  }

  /** Marks a received upload used by the submission in `tx`; INVALID_STATE when it already was. */
  async markUploadUsed(tx: RequestContext, uploadId: string): Promise<void> {
    const used = await tx.manager.query(`UPDATE package_uploads SET status = 'USED' WHERE id = $1 AND status = 'RECEIVED' RETURNING id`, [uploadId]);
    if (!returnedRows(used).length) throw new InvalidStateError('This upload was already used');
  }

  /** Moves an already checked temp file into the store and records the blob row (idempotent). */
  async commitBlob(ctx: RequestContext, sha256: string, size: number, tempPath: string): Promise<void> {
    await this.store.putFile(sha256, tempPath);
    await ctx.manager.createQueryBuilder().insert().into(PackageBlobEntity).values({ sha256, sizeBytes: String(size) }).orIgnore().execute();
  }

  /** Removes a blob file that no row refers to (after a refused submission), and the temp file. */
  async discardUnreferenced(ctx: RequestContext, sha256: string, tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
    if (!(await repo(ctx, PackageBlobEntity).exist({ where: { sha256 } }))) await this.store.delete(sha256);
  }

  /**
   * Reads a stored package back through the archive checks, keeping in memory only the files
   * the validator and the listing read (sources, manifest, icons, docs), not assets.
   */
  async openBlob(sha256: string, retain: (path: string) => boolean = isValidatorInput): Promise<CheckedPackage> {
    // An object store serves the zip from this node's verified cache (random access for the reader).
    return this.store.withLocalFile(sha256, file => readPackageArchive(file, this.config.archiveLimits, { retain }));
  }

  /** Releases the blob store's connections (the app's close). */
  close(): Promise<void> {
    return this.store.close();
  }

  /**
   * Expires unused upload slots and deletes blobs no version and no live upload refers to.
   * Run by the scheduled cleanup job; set-based, one statement per step.
   */
  async cleanupExpired(ctx: RequestContext): Promise<{ expired: number; blobsDeleted: number }> {
    const expired = await repo(ctx, PackageUploadEntity).update(
      { status: UploadStatus.PENDING, expiresAt: LessThan(new Date()) },
      { status: UploadStatus.EXPIRED },
    );
    const expiredReceived = await repo(ctx, PackageUploadEntity).update(
      { status: UploadStatus.RECEIVED, expiresAt: LessThan(new Date()) },
      { status: UploadStatus.EXPIRED },
    );
    const orphans: { sha256: string }[] = await ctx.manager.query(
      `DELETE FROM package_blobs b
        WHERE NOT EXISTS (SELECT 1 FROM extension_versions v WHERE v.package_sha256 = b.sha256)
          AND NOT EXISTS (SELECT 1 FROM package_uploads u WHERE u.sha256 = b.sha256 AND u.status IN ('PENDING', 'RECEIVED'))
        RETURNING b.sha256`,
    ).then(result => returnedRows<{ sha256: string }>(result));
    for (const { sha256 } of orphans) await this.store.delete(sha256);
    return { expired: (expired.affected ?? 0) + (expiredReceived.affected ?? 0), blobsDeleted: orphans.length };
  }

  private async streamToTemp(body: Readable, maxBytes: number): Promise<{ tempPath: string; sha256: string; size: number }> {
    await mkdir(this.config.tempDir, { recursive: true });
    const tempPath = path.join(this.config.tempDir, `upload-${randomUUID()}.zip`);
    const hash = createHash('sha256');
    let size = 0;
    // Past the limit nothing more is written; the rest of the body is read and dropped (so the
    // client still gets a clean 413), up to a ceiling after which the connection is cut.
    const ceiling = maxBytes * 2 + 1024 * 1024;
    const limiter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > ceiling) return callback(new ByteLimitExceeded());
        if (size > maxBytes) return callback();
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(body, limiter, createWriteStream(tempPath));
    } catch (error) {
      await rm(tempPath, { force: true });
      if (error instanceof ByteLimitExceeded) throw new PayloadTooLargeError(`The package is larger than the limit of ${maxBytes} bytes`, maxBytes);
      throw error;
    }
    if (size > maxBytes) {
      await rm(tempPath, { force: true });
      throw new PayloadTooLargeError(`The package is larger than the limit of ${maxBytes} bytes`, maxBytes);
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }
}
