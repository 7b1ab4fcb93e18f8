import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { PlazaConfig } from '../../src/config';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The config overrides that point a Plaza node at this server (s3://bucket/prefix). */
  config(prefix?: string): Partial<Record<keyof PlazaConfig, unknown>>;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver, in process, on a random loopback port) with one bucket,
 * its objects in a temporary folder removed on close.
 */
export async function startTestS3(bucket = 'plaza-test'): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'plaza-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    config: (prefix = 'blobs') => ({
      blobUrl: `s3://${bucket}/${prefix}`,
      s3Endpoint: endpoint,
      s3Region: 'us-east-1',
      s3AccessKeyId: 'S3RVER',
      s3SecretAccessKey: 'S3RVER',
      blobRequestTimeoutMs: 10_000,
      blobTransferTimeoutMs: 60_000,
    }),
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A data folder of its own for one node (its upload temp files and blob cache). */
export function nodeDataDir(name: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `plaza-${name}-`));
}
