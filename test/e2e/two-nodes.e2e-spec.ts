import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import yazl from 'yazl';
import { buildDeveloper, buildUser } from '../utils/factories';
import { packageFor, submitZip, waitForValidation } from '../utils/packages';
import { nodeDataDir, startTestS3, type TestS3 } from '../utils/s3';
import { publishedExtension } from '../utils/scenarios';
import { startTestApp, type TestApp } from '../utils/test-app';
import { collect, wsClient } from '../utils/ws-client';

const MiB = 1024 * 1024;
const PUBLISHED = `subscription($apps: [String!]) { releaseEvents(types: ["version.published"], appIds: $apps) { type appId version } }`;

/**
 * Two Plaza nodes in one process, each with its own services, pools, job queue, LISTEN connection
 * and data folder, sharing only what a real deployment shares: one database and one object store.
 * Node A serves the API with no workers (PLAZA_RUN_WORKERS=0); node B runs the workers and LISTENs
 * through its own DATABASE_LISTEN_URL, with its fallback poll set far beyond the test's waits, so
 * only a NOTIFY can wake its subscribers.
 */
describe('two nodes on one database and one S3 blob store', () => {
  let s3: TestS3;
  let a: TestApp;
  let b: TestApp;
  let dirA: string;
  let dirB: string;
  const listenRole = `plaza_listen_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    s3 = await startTestS3();
    [dirA, dirB] = await Promise.all([nodeDataDir('node-a'), nodeDataDir('node-b')]);
    a = await startTestApp({ ...s3.config(), dataDir: dirA, runWorkers: false });
    // A role of its own (with a password: the embedded test server wants one) makes the LISTEN connection recognisable.
    await a.sql(`CREATE ROLE ${listenRole} LOGIN PASSWORD 'listen'`);
    const listenUrl = new URL(a.databaseUrl);
    listenUrl.username = listenRole;
    listenUrl.password = 'listen';
    b = await startTestApp(
      { ...s3.config(), dataDir: dirB, runWorkers: true, databaseListenUrl: listenUrl.toString(), eventPollMs: 10 * 60_000 },
      { databaseUrl: a.databaseUrl },
    );
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await a?.sql(`DROP ROLE IF EXISTS ${listenRole}`);
    await a?.close();
    await s3?.close();
    await Promise.all([dirA, dirB].filter(Boolean).map(dir => rm(dir, { recursive: true, force: true })));
  });

  it("node B LISTENs through DATABASE_LISTEN_URL, and its pool does not", async () => {
    const [{ main }] = await a.sql<{ main: string }>(`SELECT current_user AS main`);
    const rows = await a.sql<{ usename: string; application_name: string }>(
      `SELECT usename, application_name FROM pg_stat_activity WHERE datname = current_database() AND (application_name = 'plaza-listen' OR usename = $1)`,
      [listenRole],
    );
    // One LISTEN connection per node: A's on the main URL, B's (and nothing else) as the listen role.
    expect(rows.filter(r => r.usename === listenRole)).toEqual([{ usename: listenRole, application_name: 'plaza-listen' }]);
    expect(rows.filter(r => r.application_name === 'plaza-listen').map(r => r.usename).sort()).toEqual([main, listenRole].sort());
  });

  it("validates on B what A received, from the shared store, and B's subscriber sees A's publish", async () => {
    const watcher = await buildUser(a);
    const appId = `two-nodes-${Date.now().toString(36)}`;
    const client = wsClient(b.url, watcher.token);
    try {
      const published = collect(client, PUBLISHED, { apps: [appId] });
      // Queries on one socket are answered in order: once this one is, the subscription is live.
      await collect(client, `query { me { id } }`).waitFor(1);

      // Everything the developer, reviewer and publisher do goes to node A; only B has workers.
      const ext = await publishedExtension(a, { appId });
      expect(ext.status).toBe('PUBLISHED');
      const [event] = await published.waitFor(1, 15_000);
      expect(event.data?.releaseEvents).toMatchObject({ type: 'version.published', appId });

      const [{ sha }] = await a.sql<{ sha: string }>(`SELECT package_sha256 AS sha FROM extension_versions WHERE id = $1`, [ext.versionId]);
      // A kept the upload as its cached copy; B, which shares no folder with A, fetched it from the bucket.
      expect(existsSync(path.join(dirA, 'blob-cache', sha))).toBe(true);
      expect(existsSync(path.join(dirB, 'blob-cache', sha))).toBe(true);
      expect(existsSync(path.join(dirA, 'blobs'))).toBe(false);
      expect(existsSync(path.join(dirB, 'blobs'))).toBe(false);
    } finally {
      await client.dispose();
    }
  }, 60_000);

  it('takes a 50 MiB package on A (multipart to the bucket) that B downloads and validates', async () => {
    const dev = await buildDeveloper(a);
    const appId = `two-nodes-big-${Date.now().toString(36)}`;
    await a.gql(`mutation($i: ClaimExtensionInput!) { claimExtension(input: $i) { id } }`, { i: { appId, displayName: 'Big Board', category: 'productivity' } }, dev.token);
    const zip = await storedZip(packageFor(appId, 'Big Board'), 'assets/screens.bin', randomBytes(50 * MiB - 64 * 1024));
    expect(zip.length).toBeLessThanOrEqual(50 * MiB);

    const submitted = await submitZip(a, dev.token, appId, zip);
    expect(submitted.errors).toBeUndefined();
    const { id, packageSha256: sha } = submitted.data!.submitVersion;
    const version = await waitForValidation(a, dev.token, id, 60_000);
    expect(version.status).not.toBe('VALIDATION_FAILED');
    expect(version.validationReport.valid).toBe(true);

    const s3Client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    try {
      const head = await s3Client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `blobs/${sha}` }));
      expect(head.ContentLength).toBe(zip.length);
    } finally {
      s3Client.destroy();
    }
    expect(statSync(path.join(dirB, 'blob-cache', sha)).size).toBe(zip.length);
  }, 90_000);
});

/** A zip of the package plus one large incompressible file, stored (not deflated) as big packages' media are. */
function storedZip(files: Map<string, Buffer>, bigName: string, big: Buffer): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name, { mtime: new Date(0) });
  zip.addBuffer(big, bigName, { mtime: new Date(0), compress: false });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', c => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}
