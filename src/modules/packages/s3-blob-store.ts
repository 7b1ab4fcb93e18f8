import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { LRUCache } from 'lru-cache';
import { ServiceUnavailableError } from '../../shared/errors';
import { assertSha256, BlobMissingError, type BlobStore, type ByteRange } from './blob-store';

const MiB = 1024 * 1024;

export interface S3BlobStoreOptions {
  /** `s3://bucket/prefix` (PLAZA_BLOB_URL). */
  url: string;
  region: string;
  /** An S3-compatible endpoint (MinIO); unset for AWS. */
  endpoint?: string;
  /** Access key and secret; unset: the SDK's default chain (instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Bucket in the path (MinIO, most S3-compatible servers); defaults on when an endpoint is set. */
  forcePathStyle?: boolean;
  /** One request's deadline: connecting, a silent socket mid-transfer, a whole small request. */
  requestTimeoutMs: number;
  /** A whole upload or download of one blob (every part of a multipart upload). */
  transferTimeoutMs: number;
  /** This node's cache of downloaded blobs (owned by this process: emptied at start). */
  cacheDir: string;
  /** Bytes the cache may hold; 0 keeps nothing (every read downloads to a temporary file). */
  cacheBytes: number;
  /** Multipart part size (at least 5 MiB, the S3 minimum); a smaller blob is one PUT. */
  partBytes?: number;
  /** The Retry-After of SERVICE_UNAVAILABLE when the store cannot be reached (PLAZA_RETRY_AFTER_SECONDS). */
  retryAfterSeconds?: number;
}

/** Parses `s3://bucket/prefix` into the bucket and a key prefix ending in '/' (or ''). */
export function parseBlobUrl(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!match) throw new Error(`not an s3:// URL: ${url}`);
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  return { bucket: match[1], prefix: prefix ? `${prefix}/` : '' };
}

/** An AbortSignal that fires after `ms`, and the function that cancels it once the work is done. */
function deadline(ms: number, what: string): { signal: AbortSignal; controller: AbortController; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(Object.assign(new Error(`${what} took longer than ${ms} ms`), { name: 'TimeoutError' })), ms);
  timer.unref();
  return { signal: controller.signal, controller, clear: () => clearTimeout(timer) };
}

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** The store could not be reached or answered 5xx (after the SDK's retries), or a deadline passed. */
function isUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (!e) return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || (e.code && TRANSIENT_CODES.has(e.code))) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return e.cause !== undefined && e.cause !== error && isUnavailable(e.cause);
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

interface Cached {
  file: string;
  size: number;
}

/** A finished download: in the cache, or a temporary file its readers share. */
interface Fetched extends Cached {
  cached: boolean;
}

interface PendingDownload {
  result: Promise<Fetched>;
  /** Readers waiting for or reading this download (the last one removes a temporary file). */
  users: number;
}

/**
 * Package blobs in an S3-compatible object store, shared by every node (docs/architecture.md,
 * "Scaling out").
 *
 * - Writes stream the finished temp file with @aws-sdk/lib-storage: one PUT below `partBytes`,
 *   a multipart upload above it (parts sent 4 at a time; a failed upload is aborted, so no
 *   orphan parts stay behind).
 * - Reads that need random access (the zip reader: validation, docs, icons) go through a
 *   node-local cache. A blob never changes (its key is its sha256), so a cached copy is never
 *   stale: a download is hashed as it streams and refused unless it matches, then kept until the
 *   cache needs the room (least recently used first, never while a reader holds it). The node
 *   that received an upload keeps its temp file as the cached copy.
 * - Every call has a deadline: `requestTimeoutMs` for connecting and for a silent socket (and
 *   for a whole small request), `transferTimeoutMs` for a whole upload or download.
 */
export class S3BlobStore implements BlobStore {
  readonly client: S3Client;
  readonly bucket: string;
  private readonly prefix: string;
  private readonly partBytes: number;
  private readonly cache: LRUCache<string, Cached> | null;
  /** Readers holding a cached file; an evicted file is removed when the last one lets go. */
  private readonly leases = new Map<string, number>();
  private readonly evictedWhileLeased = new Set<string>();
  private readonly downloads = new Map<string, PendingDownload>();
  private cacheReady: Promise<void> | null = null;
  /** Downloads from the store (the cache's effect is measured, not assumed). */
  downloadCount = 0;

  constructor(private readonly options: S3BlobStoreOptions) {
    const { bucket, prefix } = parseBlobUrl(options.url);
    this.bucket = bucket;
    this.prefix = prefix;
    this.partBytes = Math.max(5 * MiB, options.partBytes ?? 8 * MiB);
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
      credentials: options.credentials,
      // Integrity is checked end to end by the sha256 key; the SDK's extra checksums are not
      // understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: options.requestTimeoutMs,
        socketTimeout: options.requestTimeoutMs,
      }),
    });
    this.cache =
      options.cacheBytes > 0
        ? new LRUCache<string, Cached>({
            maxSize: options.cacheBytes,
            sizeCalculation: entry => Math.max(1, entry.size),
            dispose: (entry, sha256) => this.dropCached(sha256, entry),
          })
        : null;
  }

  /**
   * Runs one store operation; an outage (unreachable, 5xx, a deadline) becomes SERVICE_UNAVAILABLE
   * (503, retryable), while anything else (credentials, a missing bucket) stays an internal error
   * for the operator.
   */
  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof BlobMissingError) && !(error instanceof ServiceUnavailableError) && isUnavailable(error)) {
        throw Object.assign(new ServiceUnavailableError(this.options.retryAfterSeconds ?? 5), { cause: error });
      }
      throw error;
    }
  }

  keyOf(sha256: string): string {
    assertSha256(sha256);
    return `${this.prefix}${sha256}`;
  }

  async putFile(sha256: string, tempPath: string): Promise<void> {
    try {
      if (!(await this.exists(sha256))) {
        const { size } = await stat(tempPath);
        const limit = deadline(this.options.transferTimeoutMs, `uploading blob ${sha256}`);
        const upload = new Upload({
          client: this.client,
          params: { Bucket: this.bucket, Key: this.keyOf(sha256), Body: createReadStream(tempPath), ContentLength: size, ContentType: 'application/zip' },
          partSize: this.partBytes,
          queueSize: 4,
          leavePartsOnError: false,
          abortController: limit.controller,
        });
        try {
          await this.call(() => upload.done());
        } finally {
          limit.clear();
        }
      }
      // The uploading node reads the package right back (the submission's checks): keep it.
      if (await this.adopt(sha256, tempPath)) return;
    } finally {
      await rm(tempPath, { force: true });
    }
  }

  async withLocalFile<T>(sha256: string, use: (file: string) => Promise<T>): Promise<T> {
    assertSha256(sha256);
    const hit = this.cache?.get(sha256);
    if (hit) return this.useCached(sha256, hit, use);
    // One download per blob at a time, shared by every reader that asks meanwhile.
    let pending = this.downloads.get(sha256);
    if (!pending) {
      const started: PendingDownload = { users: 0, result: this.fetchAndKeep(sha256) };
      pending = started;
      this.downloads.set(sha256, started);
      started.result.then(
        () => this.downloads.delete(sha256),
        () => this.downloads.delete(sha256),
      );
    }
    pending.users++;
    let got: Fetched;
    try {
      got = await pending.result;
    } catch (error) {
      pending.users--;
      throw error;
    }
    if (got.cached) {
      pending.users--;
      return this.useCached(sha256, got, use);
    }
    // Too large for the cache (or no cache): a temporary copy, removed when its last reader is done.
    try {
      return await use(got.file);
    } finally {
      if (--pending.users === 0) await rm(got.file, { force: true });
    }
  }

  /** Reads a cached copy under a lease; one evicted before the lease was taken is fetched again, privately. */
  private async useCached<T>(sha256: string, entry: Cached, use: (file: string) => Promise<T>): Promise<T> {
    this.lease(sha256);
    try {
      if (await exists(entry.file)) return await use(entry.file);
    } finally {
      await this.release(sha256);
    }
    const file = await this.fetchToTemp(sha256);
    try {
      return await use(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  async openRead(sha256: string, range?: ByteRange): Promise<Readable> {
    const limit = deadline(this.options.transferTimeoutMs, `reading blob ${sha256}`);
    let body: Readable;
    try {
      const object = await this.call(() => this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        { abortSignal: limit.signal },
      ));
      body = object.Body as Readable;
    } catch (error) {
      limit.clear();
      if (isNotFound(error)) throw new BlobMissingError(sha256);
      throw error;
    }
    // The deadline covers the whole body: past it the stream ends in an error, not silence.
    limit.signal.addEventListener('abort', () => body.destroy(limit.signal.reason as Error), { once: true });
    body.once('close', limit.clear);
    return body;
  }

  async exists(sha256: string): Promise<boolean> {
    const limit = deadline(this.options.requestTimeoutMs, `checking blob ${sha256}`);
    try {
      await this.call(() => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }), { abortSignal: limit.signal }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    } finally {
      limit.clear();
    }
  }

  async delete(sha256: string): Promise<void> {
    const limit = deadline(this.options.requestTimeoutMs, `deleting blob ${sha256}`);
    try {
      await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }), { abortSignal: limit.signal }));
    } finally {
      limit.clear();
    }
    this.cache?.delete(sha256);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  /** The cache folder, emptied once per process (what an earlier process left is not indexed). */
  private ensureCacheDir(): Promise<void> {
    this.cacheReady ??= (async () => {
      await rm(this.options.cacheDir, { recursive: true, force: true });
      await mkdir(this.options.cacheDir, { recursive: true });
    })();
    return this.cacheReady;
  }

  private cachePath(sha256: string): string {
    return path.join(this.options.cacheDir, sha256);
  }

  /** Moves a verified local file into the cache; null when it does not fit (or is cached already). */
  private async adopt(sha256: string, file: string): Promise<Cached | null> {
    if (!this.cache || this.cache.has(sha256)) return null;
    const { size } = await stat(file);
    if (size > this.options.cacheBytes) return null;
    await this.ensureCacheDir();
    const entry = { file: this.cachePath(sha256), size };
    try {
      await rename(file, entry.file);
    } catch {
      return null; // another file system: the caller removes the temp file
    }
    this.cache.set(sha256, entry);
    return entry;
  }

  /** Downloads the blob and moves it into the cache when it fits; otherwise hands back the temporary file. */
  private async fetchAndKeep(sha256: string): Promise<Fetched> {
    const file = await this.fetchToTemp(sha256);
    try {
      const kept = await this.adopt(sha256, file);
      return kept ? { ...kept, cached: true } : { file, size: 0, cached: false };
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
  }

  /** Streams the blob into a temporary file in the cache folder, refusing bytes that do not hash to `sha256`. */
  private async fetchToTemp(sha256: string): Promise<string> {
    await this.ensureCacheDir();
    const file = path.join(this.options.cacheDir, `.download-${randomUUID()}`);
    const hash = createHash('sha256');
    const hasher = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      this.downloadCount++;
      // A stream that breaks mid-transfer (the store went away, the deadline passed) is an outage too.
      await this.call(async () => pipeline(await this.openRead(sha256), hasher, createWriteStream(file)));
      const actual = hash.digest('hex');
      if (actual !== sha256) throw new Error(`blob ${sha256} downloaded with the wrong content (sha256 ${actual})`);
      return file;
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
  }

  private lease(sha256: string): void {
    this.leases.set(sha256, (this.leases.get(sha256) ?? 0) + 1);
  }

  private async release(sha256: string): Promise<void> {
    const left = (this.leases.get(sha256) ?? 1) - 1;
    if (left > 0) {
      this.leases.set(sha256, left);
      return;
    }
    this.leases.delete(sha256);
    if (this.evictedWhileLeased.delete(sha256) && !this.cache?.has(sha256)) await rm(this.cachePath(sha256), { force: true });
  }

  private dropCached(sha256: string, entry: Cached): void {
    if (this.leases.has(sha256)) {
      this.evictedWhileLeased.add(sha256);
      return;
    }
    void rm(entry.file, { force: true }).catch(() => undefined);
  }
}

function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
