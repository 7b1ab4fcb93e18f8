import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BlobMissingError } from '../../src/modules/packages/blob-store';
import { parseBlobUrl, S3BlobStore, type S3BlobStoreOptions } from '../../src/modules/packages/s3-blob-store';
import { nodeDataDir, startTestS3, type TestS3 } from '../utils/s3';

const MiB = 1024 * 1024;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('S3BlobStore against a real S3-compatible server (s3rver)', () => {
  let s3: TestS3;
  let dir: string;
  const stores: S3BlobStore[] = [];

  /** A store with its own cache folder; every command it sends is recorded by name. */
  async function store(overrides: Partial<S3BlobStoreOptions> = {}): Promise<{ store: S3BlobStore; commands: string[] }> {
    const cfg = s3.config();
    const created = new S3BlobStore({
      url: cfg.blobUrl as string,
      endpoint: s3.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestTimeoutMs: 10_000,
      transferTimeoutMs: 60_000,
      cacheDir: path.join(dir, `cache-${stores.length}`),
      cacheBytes: 256 * MiB,
      ...overrides,
    });
    const commands: string[] = [];
    created.client.middlewareStack.add(
      (next, context) => async args => {
        commands.push(context.commandName as string);
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    stores.push(created);
    return { store: created, commands };
  }

  async function tempFile(bytes: Buffer): Promise<string> {
    const file = path.join(dir, `tmp-${randomBytes(6).toString('hex')}`);
    await writeFile(file, bytes);
    return file;
  }

  beforeAll(async () => {
    s3 = await startTestS3();
    dir = await nodeDataDir('s3-store');
  });
  afterAll(async () => {
    await Promise.all(stores.map(s => s.close()));
    await s3?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('parses s3://bucket/prefix into a bucket and a key prefix', () => {
    expect(parseBlobUrl('s3://plaza')).toEqual({ bucket: 'plaza', prefix: '' });
    expect(parseBlobUrl('s3://plaza/a/b/')).toEqual({ bucket: 'plaza', prefix: 'a/b/' });
    expect(() => parseBlobUrl('https://plaza')).toThrow('not an s3:// URL');
  });

  it('uploads a 50 MiB package in parts and streams it back, whole and by range, from another node', async () => {
    const bytes = randomBytes(50 * MiB);
    const key = sha(bytes);
    const a = await store();
    const temp = await tempFile(bytes);
    await a.store.putFile(key, temp);
    expect(a.commands.filter(c => c === 'UploadPartCommand').length).toBe(7); // 8 MiB parts
    expect(a.commands).toEqual(expect.arrayContaining(['CreateMultipartUploadCommand', 'CompleteMultipartUploadCommand']));
    expect(a.commands).not.toContain('PutObjectCommand');
    expect(existsSync(temp)).toBe(false);

    // Another node (its own, empty cache) reads it from the store as a stream, chunk by chunk.
    const b = await store();
    const hash = createHash('sha256');
    let chunks = 0;
    let largest = 0;
    for await (const chunk of await b.store.openRead(key)) {
      hash.update(chunk as Buffer);
      chunks++;
      largest = Math.max(largest, (chunk as Buffer).length);
    }
    expect(hash.digest('hex')).toBe(key);
    expect(chunks).toBeGreaterThan(10);
    expect(largest).toBeLessThan(4 * MiB);

    const ranged: Buffer[] = [];
    for await (const chunk of await b.store.openRead(key, { start: 30 * MiB, end: 30 * MiB + 99 })) ranged.push(chunk as Buffer);
    expect(Buffer.concat(ranged)).toEqual(bytes.subarray(30 * MiB, 30 * MiB + 100));
  }, 60_000);

  it('keeps a small blob as one PUT, skips a second upload of the same bytes, and reports missing blobs', async () => {
    const bytes = randomBytes(100_000);
    const key = sha(bytes);
    const { store: s, commands } = await store();
    await s.putFile(key, await tempFile(bytes));
    expect(commands).toContain('PutObjectCommand');
    expect(commands).not.toContain('CreateMultipartUploadCommand');
    commands.length = 0;
    const again = await tempFile(bytes);
    await s.putFile(key, again);
    expect(commands).toEqual(['HeadObjectCommand']);
    expect(existsSync(again)).toBe(false);

    expect(await s.exists(key)).toBe(true);
    await s.delete(key);
    expect(await s.exists(key)).toBe(false);
    await expect(s.openRead(key)).rejects.toBeInstanceOf(BlobMissingError);
    await expect(s.withLocalFile(key, async () => 'read')).rejects.toBeInstanceOf(BlobMissingError);
    await expect(s.exists('not-a-sha')).rejects.toThrow('not a sha256');
  });

  it('serves random-access reads from a verified node-local cache: one download for many readers', async () => {
    const bytes = randomBytes(2 * MiB);
    const key = sha(bytes);
    await (await store()).store.putFile(key, await tempFile(bytes));
    const { store: reader } = await store();
    const reads = await Promise.all([1, 2, 3].map(() => reader.withLocalFile(key, file => readFile(file))));
    for (const read of reads) expect(read.equals(bytes)).toBe(true);
    await reader.withLocalFile(key, file => readFile(file));
    expect(reader.downloadCount).toBe(1);
  });

  it('refuses a download whose bytes do not hash to the key, and keeps nothing of it', async () => {
    const bytes = randomBytes(10_000);
    const key = sha(bytes);
    const { store: s } = await store();
    // Someone wrote other bytes under the key (a bucket shared with a careless tool).
    await s.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: s.keyOf(key), Body: Buffer.from('not the package') }));
    await expect(s.withLocalFile(key, async () => 'read')).rejects.toThrow(`blob ${key} downloaded with the wrong content`);
    expect(await readdir(path.join(dir, `cache-${stores.indexOf(s)}`))).toEqual([]);
  });

  it('evicts the least recently used blobs past the cache size, but never a file a reader holds', async () => {
    const blobs = [0, 1, 2].map(() => randomBytes(MiB));
    const { store: writer } = await store();
    for (const b of blobs) await writer.putFile(sha(b), await tempFile(b));
    const { store: s } = await store({ cacheBytes: 2 * MiB + 10 });
    const cacheDir = path.join(dir, `cache-${stores.indexOf(s)}`);
    await s.withLocalFile(sha(blobs[0]), async held => {
      // While blob 0 is held, two more blobs push it out of the index: its file stays until released.
      await s.withLocalFile(sha(blobs[1]), async () => undefined);
      await s.withLocalFile(sha(blobs[2]), async () => undefined);
      expect((await readFile(held)).equals(blobs[0])).toBe(true);
    });
    expect((await readdir(cacheDir)).sort()).toEqual([sha(blobs[1]), sha(blobs[2])].sort());
    // A blob larger than the cache (or no cache at all): one temporary copy shared by the readers
    // that asked meanwhile, removed when the last is done.
    for (const cacheBytes of [0, MiB / 2]) {
      const { store: small } = await store({ cacheBytes });
      const seen = new Set<string>();
      await Promise.all(
        [1, 2, 3].map(() =>
          small.withLocalFile(sha(blobs[0]), async file => {
            seen.add(file);
            expect((await readFile(file)).equals(blobs[0])).toBe(true);
          }),
        ),
      );
      expect(small.downloadCount).toBe(1);
      expect(seen.size).toBe(1);
      expect(existsSync([...seen][0])).toBe(false);
    }
  });

  it('gives up on a server that accepts connections but never answers, within the deadlines, as SERVICE_UNAVAILABLE', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer(socket => sockets.add(socket));
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const s = new S3BlobStore({
        url: 's3://plaza-test/x',
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        credentials: { accessKeyId: 'k', secretAccessKey: 's' },
        requestTimeoutMs: 300,
        transferTimeoutMs: 1000,
        cacheDir: path.join(dir, 'cache-silent'),
        cacheBytes: 0,
      });
      stores.push(s);
      // An outage is SERVICE_UNAVAILABLE (503, retryable), not an internal error.
      const unavailable = { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 };
      const started = Date.now();
      await expect(s.exists('a'.repeat(64))).rejects.toMatchObject(unavailable);
      expect(Date.now() - started).toBeLessThan(5_000);
      const startedRead = Date.now();
      await expect(s.withLocalFile('a'.repeat(64), async () => 'read')).rejects.toMatchObject(unavailable);
      expect(Date.now() - startedRead).toBeLessThan(5_000);
      const temp = await tempFile(randomBytes(1000));
      await expect(s.putFile('b'.repeat(64), temp)).rejects.toMatchObject(unavailable);
      expect(existsSync(temp)).toBe(false);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise(resolve => silent.close(resolve));
    }
  });
});
