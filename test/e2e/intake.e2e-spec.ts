import { readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { createUpload, gitRepoOf, packageFor, putUpload, submitZip, waitForValidation, zipOf } from '../utils/packages';
import { expectCode } from '../utils/expect-code';

const CLAIM = `mutation($i: ClaimExtensionInput!) { claimExtension(input: $i) { id appId displayName category system owner { id } } }`;
const SUBMIT = `mutation($i: SubmitVersionInput!) { submitVersion(input: $i) { id version status source gitCommitSha gitUrl packageSha256 } }`;

let counter = 0;
const newAppId = () => `app-${Date.now().toString(36)}-${++counter}`;

describe('package intake', () => {
  let t: TestApp;
  let dev: TestUser;
  const dataDir = path.join(os.tmpdir(), `plaza-intake-${randomBytes(4).toString('hex')}`);
  const blobCount = () => {
    const root = path.join(dataDir, 'blobs');
    if (!existsSync(root)) return 0;
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).length;
  };

  beforeAll(async () => {
    t = await startTestApp({ dataDir, allowLocalGit: true, maxUploadBytes: 64 * 1024 });
    dev = await buildDeveloper(t);
  });
  afterAll(() => t.close());

  async function claim(user: TestUser = dev, appId = newAppId(), displayName = 'Task Board') {
    const res = await t.gql(CLAIM, { i: { appId, displayName, category: 'productivity' } }, user.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.claimExtension;
  }

  describe('claimExtension', () => {
    it('claims a permanent app id for a developer', async () => {
      const appId = newAppId();
      const ext = await claim(dev, appId);
      expect(ext).toMatchObject({ appId, displayName: 'Task Board', category: 'productivity', system: false, owner: { id: dev.id } });
      const mine = await t.gql(`{ myExtensions { appId } }`, {}, dev.token);
      expect(mine.data!.myExtensions.map((e: { appId: string }) => e.appId)).toContain(appId);
    });

    it('refuses a taken id with CONFLICT, whoever owns it, and keeps one row under a race', async () => {
      const other = await buildDeveloper(t);
      const appId = newAppId();
      const [a, b] = await Promise.all([
        t.gql(CLAIM, { i: { appId, displayName: 'Racer One', category: 'productivity' } }, dev.token),
        t.gql(CLAIM, { i: { appId, displayName: 'Racer Two', category: 'productivity' } }, other.token),
      ]);
      const codes = [a, b].map(r => r.errors?.[0].extensions.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await t.sql(`SELECT 1 FROM extensions WHERE app_id = $1`, [appId])).toHaveLength(1);
      const again = await t.gql(CLAIM, { i: { appId, displayName: 'Again', category: 'productivity' } }, dev.token);
      expect(expectCode(again, 'CONFLICT').message).not.toContain(dev.email);
    });

    it.each([
      ['appId', { appId: 'Bad_Id', displayName: 'Task Board', category: 'productivity' }],
      ['appId', { appId: '-dash', displayName: 'Task Board', category: 'productivity' }],
      ['displayName', { appId: 'same-as-id', displayName: 'same-as-id', category: 'productivity' }],
      ['category', { appId: 'good-id-x', displayName: 'Task Board', category: 'not-a-category' }],
    ])('refuses a bad %s with BAD_USER_INPUT and writes nothing', async (field, input) => {
      const res = await t.gql(CLAIM, { i: input }, dev.token);
      const error = expectCode(res, 'BAD_USER_INPUT');
      expect(error.extensions.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect(await t.sql(`SELECT 1 FROM extensions WHERE app_id = $1`, [input.appId])).toHaveLength(0);
    });

    it('is for developers only', async () => {
      const user = await buildUser(t);
      const res = await t.gql(CLAIM, { i: { appId: newAppId(), displayName: 'Nope Nope', category: 'productivity' } }, user.token);
      expectCode(res, 'FORBIDDEN');
      expectCode(await t.gql(`mutation { createPackageUpload { id } }`, {}, user.token), 'FORBIDDEN');
    });
  });

  describe('uploads and submissions', () => {
    it('takes a zip, stores it by sha256, validates it in a job and reports a clean package', async () => {
      const ext = await claim();
      const bytes = await zipOf(packageFor(ext.appId, 'Task Board'), 'task-board/');
      const upload = await createUpload(t, dev.token);
      expect(upload.uploadUrl).toBe(`${t.url}/uploads/${upload.id}`);
      const put = await putUpload(t, dev.token, upload.id, bytes);
      expect(put.status).toBe(200);
      expect(put.body.upload.sha256).toMatch(/^[0-9a-f]{64}$/);
      const submitted = await t.gql(SUBMIT, { i: { appId: ext.appId, uploadId: upload.id } }, dev.token);
      expect(submitted.data!.submitVersion).toMatchObject({ version: '1.0.0', status: 'SUBMITTED', source: 'UPLOAD', packageSha256: put.body.upload.sha256 });
      const version = await waitForValidation(t, dev.token, submitted.data!.submitVersion.id);
      expect(version.status).toBe('PENDING_REVIEW');
      expect(version.validationReport).toMatchObject({ appId: ext.appId, version: '1.0.0', valid: true, errorCount: 0, functionCount: 2, eventCount: 1 });
      const events = await t.sql(`SELECT type FROM platform_events WHERE subject_id = $1 ORDER BY id`, [version.id]);
      expect(events.map(e => e.type)).toEqual(['version.submitted', 'version.validated']);
      // The upload slot is single-use.
      const reuse = await t.gql(SUBMIT, { i: { appId: ext.appId, uploadId: upload.id } }, dev.token);
      expectCode(reuse, 'INVALID_STATE');
    });

    it('discovers the docs in the package and renders them to safe HTML', async () => {
      const ext = await claim();
      const files = packageFor(ext.appId, 'Task Board');
      files.set('README.md', Buffer.from('# Task Board\n\n<script>alert(1)</script>\n\nPlan *everything*.'));
      files.set('docs/examples/basic-usage.yaml', Buffer.from('title: Basic usage'));
      const res = await submitZip(t, dev.token, ext.appId, await zipOf(files));
      await waitForValidation(t, dev.token, res.data!.submitVersion.id);
      const docs = await t.gql(`query($id: ID!) { extensionVersion(id: $id) { docs { overview { path html } changelog { path } examples { path yaml } } } }`, { id: res.data!.submitVersion.id }, dev.token);
      const found = docs.data!.extensionVersion.docs;
      expect(found.overview.path).toBe('README.md');
      expect(found.overview.html).toContain('<h1>Task Board</h1>');
      expect(found.overview.html).toContain('<p>Plan <em>everything</em>.</p>');
      expect(found.overview.html).not.toContain('script');
      expect(found.changelog).toBeNull();
      expect(found.examples).toEqual([{ path: 'docs/examples/basic-usage.yaml', yaml: 'title: Basic usage' }]);
    });

    it('records a failing package as VALIDATION_FAILED with its issues; the number can then be reused', async () => {
      const ext = await claim();
      const bad = await zipOf(packageFor(ext.appId, 'Task Board', { description: 'Too short.' }));
      const first = await submitZip(t, dev.token, ext.appId, bad);
      const failed = await waitForValidation(t, dev.token, first.data!.submitVersion.id);
      expect(failed.status).toBe('VALIDATION_FAILED');
      expect(failed.validationReport.issues).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'V14', level: 'ERROR', file: 'main.py', source: 'code' })]));
      const fixed = await submitZip(t, dev.token, ext.appId, await zipOf(packageFor(ext.appId, 'Task Board')));
      expect(fixed.data!.submitVersion.version).toBe('1.0.0');
    });

    it('holds the claim above the package: a different app_id or name is an ERROR', async () => {
      const ext = await claim();
      const res = await submitZip(t, dev.token, ext.appId, await zipOf(packageFor('someone-else', 'Other Name')));
      const version = await waitForValidation(t, dev.token, res.data!.submitVersion.id);
      expect(version.status).toBe('VALIDATION_FAILED');
      expect(version.validationReport.issues.map((i: { rule: string }) => i.rule)).toEqual(expect.arrayContaining(['CLAIM-1', 'CLAIM-2']));
    });

    it('allows one live submission per version number: the second is CONFLICT', async () => {
      const ext = await claim();
      const bytes = await zipOf(packageFor(ext.appId, 'Task Board'));
      const first = await submitZip(t, dev.token, ext.appId, bytes);
      expect(first.errors).toBeUndefined();
      const second = await submitZip(t, dev.token, ext.appId, bytes);
      expectCode(second, 'CONFLICT');
      expect(await t.sql(`SELECT 1 FROM extension_versions WHERE extension_id = $1`, [ext.id])).toHaveLength(1);
    });

    it('stores identical bytes once', async () => {
      const a = await claim(dev, newAppId());
      const files = packageFor(a.appId, 'Task Board');
      const bytes = await zipOf(files);
      const u1 = await createUpload(t, dev.token);
      const u2 = await createUpload(t, dev.token);
      const r1 = await putUpload(t, dev.token, u1.id, bytes);
      const r2 = await putUpload(t, dev.token, u2.id, bytes);
      expect(r1.body.upload.sha256).toBe(r2.body.upload.sha256);
      expect(await t.sql(`SELECT 1 FROM package_blobs WHERE sha256 = $1`, [r1.body.upload.sha256])).toHaveLength(1);
    });

    it('refuses an oversized upload with 413 and stores nothing', async () => {
      const upload = await createUpload(t, dev.token);
      const before = blobCount();
      const res = await putUpload(t, dev.token, upload.id, randomBytes(100 * 1024));
      expect(res.status).toBe(413);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limitBytes: 64 * 1024 });
      expect(blobCount()).toBe(before);
      const [row] = await t.sql(`SELECT status, sha256 FROM package_uploads WHERE id = $1`, [upload.id]);
      expect(row).toEqual({ status: 'PENDING', sha256: null });
    });

    it('refuses a hostile archive with PACKAGE_REJECTED and reasons, storing nothing', async () => {
      const upload = await createUpload(t, dev.token);
      const before = blobCount();
      const res = await putUpload(t, dev.token, upload.id, await zipOf({ 'imperal.json': '{}', '.env': 'SECRET=1' }));
      expect(res.status).toBe(422);
      expect(res.body.errors[0].extensions.code).toBe('PACKAGE_REJECTED');
      expect(res.body.errors[0].extensions.reasons.join(' ')).toContain('.env');
      const notZip = await putUpload(t, dev.token, (await createUpload(t, dev.token)).id, Buffer.from('not a zip at all'));
      expect(notZip.status).toBe(422);
      expect(blobCount()).toBe(before);
      expect(await t.sql(`SELECT 1 FROM package_uploads WHERE id = $1 AND status = 'PENDING'`, [upload.id])).toHaveLength(1);
    });

    it("hides another developer's upload and needs a token", async () => {
      const other = await buildDeveloper(t);
      const upload = await createUpload(t, dev.token);
      const bytes = await zipOf(packageFor('x-app', 'X App'));
      expect((await putUpload(t, other.token, upload.id, bytes)).status).toBe(404);
      expect((await t.http().put(`/uploads/${upload.id}`).send(bytes)).status).toBe(401);
      const ext = await claim();
      const res = await t.gql(SUBMIT, { i: { appId: ext.appId, uploadId: upload.id } }, other.token);
      expectCode(res, 'NOT_FOUND');
    });

    it('refuses a submission naming both or neither source', async () => {
      const ext = await claim();
      const neither = await t.gql(SUBMIT, { i: { appId: ext.appId } }, dev.token);
      expectCode(neither, 'BAD_USER_INPUT');
      const upload = await createUpload(t, dev.token);
      const both = await t.gql(SUBMIT, { i: { appId: ext.appId, uploadId: upload.id, git: { url: 'https://x.test/r.git', ref: 'main' } } }, dev.token);
      expectCode(both, 'BAD_USER_INPUT');
      expect(await t.sql(`SELECT 1 FROM extension_versions WHERE extension_id = $1`, [ext.id])).toHaveLength(0);
    });

    it('expires unused uploads and deletes blobs nothing refers to', async () => {
      const upload = await createUpload(t, dev.token);
      const put = await putUpload(t, dev.token, upload.id, await zipOf(packageFor('orphan-app', 'Orphan App', { version: '9.9.9' })));
      expect(put.status).toBe(200);
      await t.sql(`UPDATE package_uploads SET expires_at = now() - interval '1 minute' WHERE id = $1`, [upload.id]);
      const manager = t.app.dataSource.manager;
      const result = await t.app.services.packages.cleanupExpired(systemContext(manager, t.app.logger, createLoaders(manager), t.app.container));
      expect(result.expired).toBeGreaterThanOrEqual(1);
      expect(await t.sql(`SELECT status FROM package_uploads WHERE id = $1`, [upload.id])).toEqual([{ status: 'EXPIRED' }]);
      expect(await t.sql(`SELECT 1 FROM package_blobs WHERE sha256 = $1`, [put.body.upload.sha256])).toHaveLength(0);
      expect(existsSync(path.join(dataDir, 'blobs', put.body.upload.sha256.slice(0, 2), put.body.upload.sha256.slice(2, 4), put.body.upload.sha256))).toBe(false);
    });
  });

  describe('git sources', () => {
    it('fetches the ref, records the full commit sha, seals the token', async () => {
      const ext = await claim();
      const repo = gitRepoOf(packageFor(ext.appId, 'Task Board'));
      const token = `ghp_${randomBytes(12).toString('hex')}`;
      const res = await t.gql(SUBMIT, { i: { appId: ext.appId, git: { url: repo.dir, ref: 'main', token } } }, dev.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.submitVersion).toMatchObject({ source: 'GIT', gitCommitSha: repo.sha, version: '1.0.0' });
      const version = await waitForValidation(t, dev.token, res.data!.submitVersion.id);
      expect(version.status).toBe('PENDING_REVIEW');
      const [row] = await t.sql(`SELECT to_jsonb(v) AS row FROM extension_versions v WHERE id = $1`, [version.id]);
      expect(JSON.stringify(row)).not.toContain(token);
      // Sealed under the current key, which the value names (v2.<keyId>.…; README "Rotating the encryption key").
      expect(row.row.git_token_sealed).toMatch(/^v2\.[0-9a-f]{16}\./);
      expect(t.app.services.versions).toBeDefined();
    });

    it('refuses non-https URLs and unknown refs, leaving no version', async () => {
      const ext = await claim();
      const http = await t.gql(SUBMIT, { i: { appId: ext.appId, git: { url: 'http://example.test/r.git', ref: 'main' } } }, dev.token);
      expectCode(http, 'BAD_USER_INPUT');
      const repo = gitRepoOf(packageFor(ext.appId, 'Task Board'));
      const missing = await t.gql(SUBMIT, { i: { appId: ext.appId, git: { url: repo.dir, ref: 'no-such-branch', token: 'secret-token-123' } } }, dev.token);
      expectCode(missing, 'PACKAGE_REJECTED');
      expect(JSON.stringify(missing.errors)).not.toContain('secret-token-123');
      expect(await t.sql(`SELECT 1 FROM extension_versions WHERE extension_id = $1`, [ext.id])).toHaveLength(0);
    });
  });

  it("shows a version only to its extension's owner", async () => {
    const ext = await claim();
    const res = await submitZip(t, dev.token, ext.appId, await zipOf(packageFor(ext.appId, 'Task Board')));
    const other = await buildUser(t);
    const seen = await t.gql(`query($id: ID!) { extensionVersion(id: $id) { id } }`, { id: res.data!.submitVersion.id }, other.token);
    expect(seen.data!.extensionVersion).toBeNull();
    expect((await t.gql(`query($a: String!) { extension(appId: $a) { id } }`, { a: ext.appId }, other.token)).data!.extension).toBeNull();
  });
});
