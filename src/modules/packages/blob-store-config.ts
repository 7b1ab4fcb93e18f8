import path from 'node:path';
import type { PlazaConfig } from '../../config';
import { LocalBlobStore, type BlobStore } from './blob-store';
import { S3BlobStore } from './s3-blob-store';

/** The blob store PLAZA_BLOB_URL names: an S3-compatible bucket, or the local folder by default. */
export function createBlobStore(config: PlazaConfig, dataDir: string): BlobStore {
  if (!config.blobUrl) return new LocalBlobStore(path.join(dataDir, 'blobs'));
  return new S3BlobStore({
    url: config.blobUrl,
    region: config.s3Region,
    endpoint: config.s3Endpoint,
    forcePathStyle: config.s3ForcePathStyle,
    credentials:
      config.s3AccessKeyId && config.s3SecretAccessKey
        ? { accessKeyId: config.s3AccessKeyId, secretAccessKey: config.s3SecretAccessKey, sessionToken: config.s3SessionToken }
        : undefined,
    requestTimeoutMs: config.blobRequestTimeoutMs,
    transferTimeoutMs: config.blobTransferTimeoutMs,
    cacheDir: path.join(dataDir, 'blob-cache'),
    cacheBytes: config.blobCacheBytes,
    retryAfterSeconds: config.retryAfterSeconds,
  });
}
