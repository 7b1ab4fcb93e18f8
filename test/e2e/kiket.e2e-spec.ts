import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { createUpload, gitRepoOf, packageFor, putUpload, submitZip, waitForValidation, zipOf } from '../utils/packages';
import { startTestApp, TestApp } from '../utils/test-app';
import { expectCode } from '../utils/expect-code';
import { approveReview, buildReviewer } from '../utils/scenarios';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'kiket');
const VALID = readFileSync(path.join(FIXTURES, 'valid.yaml'), 'utf8');
const MANIFEST = '.kiket/manifest.yaml';
const INSTALL = `mutation($i: InstallInput!) { install(input: $i) { id status grantedScopes version { version } } }`;
const SCOPES = ['comments:write', 'issues:read'];
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" fill="#0a7"/></svg>';

/** The valid fixture with its id, name and version set, and `change` applied to `extension`. */
function kiketManifest(id: string, name: string, version = '1.0.0', change: (ext: Record<string, any>) => void = () => undefined): string {
  const manifest = parse(VALID);
  Object.assign(manifest.extension, { id, name, version });
  change(manifest.extension);
  return stringify(manifest);
}

function kiketPackage(manifest: string | Buffer): Map<string, Buffer> {
  return new Map([
    [MANIFEST, Buffer.from(manifest)],
    ['docs/README.md', Buffer.from('# Standup Notes\n\nPosts a daily summary of moved cases.\n')],
    ['docs/CHANGELOG.md', Buffer.from('## 1.0.0\n\nFirst release.\n')],
    ['public/icon.svg', Buffer.from(ICON)],
  ]);
}

describe('Kiket packages', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp({ allowLocalGit: true });
    dev = await buildDeveloper(t);
    reviewer = await buildReviewer(t);
  });
  afterAll(() => t.close());

  /** Claims the Plaza app id a fresh Kiket id maps to (dots become hyphens). */
  async function claim(): Promise<{ id: string; kiketId: string; appId: string; name: string }> {
    const kiketId = `com.example.standup${++n}`;
    const appId = `com-example-standup${n}`;
    const name = `Standup Notes ${n}`;
    const res = await t.gql(`mutation($a: String!, $d: String!) { claimExtension(input: { appId: $a, displayName: $d, category: "productivity" }) { id format } }`, { a: appId, d: name }, dev.token);
    expect(res.data!.claimExtension.format).toBe('IMPERAL');
    return { id: res.data!.claimExtension.id, kiketId, appId, name };
  }

  /** The reviewer claims and approves the version's case (throws with the errors if any step fails). */
  const approve = (versionId: string) => approveReview(t, reviewer, versionId, { reason: 'ok' });

  async function submitAndWait(appId: string, files: Map<string, Buffer>) {
    const res = await submitZip(t, dev.token, appId, await zipOf(files));
    expect(res.errors).toBeUndefined();
    return waitForValidation(t, dev.token, res.data!.submitVersion.id);
  }

  it('goes through submit → validate → review → publish → install, with its permissions as consent scopes', async () => {
    const ext = await claim();
    const submitted = await submitZip(t, dev.token, ext.appId, await zipOf(kiketPackage(kiketManifest(ext.kiketId, ext.name))));
    expect(submitted.data!.submitVersion).toMatchObject({ version: '1.0.0', status: 'SUBMITTED' });
    const version = await waitForValidation(t, dev.token, submitted.data!.submitVersion.id);
    expect(version.status).toBe('PENDING_REVIEW');
    expect(version.validationReport).toMatchObject({ appId: ext.kiketId, version: '1.0.0', valid: true, errorCount: 0, warningCount: 0, toolCount: 1, eventCount: 1 });
    const seen = await t.gql(`query($a: String!) { extension(appId: $a) { format } }`, { a: ext.appId }, dev.token);
    expect(seen.data!.extension.format).toBe('KIKET');
    const [row] = await t.sql(`SELECT manifest->'extension'->>'id' AS id, review_triggers FROM extension_versions WHERE id = $1`, [version.id]);
    expect(row.id).toBe(ext.kiketId);
    expect(row.review_triggers.map((r: { kind: string; value?: string | null }) => `${r.kind} ${r.value ?? ''}`.trim()).sort()).toEqual(['FIRST_SUBMISSION', 'NEW_SCOPE comments:write', 'NEW_SCOPE issues:read']);

    await approve(version.id);
    // comments:write is beyond read, so the listing needs a privacy policy like an Imperal one would.
    const listing = await t.gql(
      `mutation($a: String!) { updateListing(appId: $a, input: { title: "Standup Notes", shortDescription: "A daily standup summary of moved cases in chat.",
        fullDescription: "Collects the cases that moved during the day and posts one summary to the channel you pick.", categories: ["productivity"],
        supportContact: "s@example.test", privacyPolicyUrl: "https://example.test/p" }) { title } }`,
      { a: ext.appId },
      dev.token,
    );
    expect(listing.errors).toBeUndefined();
    const published = await t.gql(`mutation($id: ID!) { publishVersion(id: $id) { status } }`, { id: version.id }, dev.token);
    expect(published.data!.publishVersion.status).toBe('PUBLISHED');
    const market = await t.gql(`{ marketplace(query: "standup summary", first: 20) { edges { node { appId format } } } }`);
    expect(market.data!.marketplace.edges.map((e: { node: { appId: string; format: string } }) => e.node)).toContainEqual({ appId: ext.appId, format: 'KIKET' });
    const docs = await t.gql(`query($a: String!) { extension(appId: $a) { docs { overview { html } changelog { html } } } }`, { a: ext.appId });
    expect(docs.data!.extension.docs.overview.html).toContain('Posts a daily summary of moved cases.');
    expect(docs.data!.extension.docs.changelog.html).toContain('First release.');
    const icon = await t.http().get(`/marketplace/apps/${ext.appId}/icon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.body.toString()).toBe(ICON);

    const user = await buildUser(t);
    const refused = await t.gql(INSTALL, { i: { appId: ext.appId, grantedScopes: ['issues:read'] } }, user.token);
    expect(expectCode(refused, 'CONSENT_REQUIRED').extensions).toMatchObject({ code: 'CONSENT_REQUIRED', missingScopes: ['comments:write'] });
    const installed = await t.gql(INSTALL, { i: { appId: ext.appId, grantedScopes: SCOPES } }, user.token);
    expect(installed.data!.install).toMatchObject({ status: 'ACTIVE', grantedScopes: SCOPES, version: { version: '1.0.0' } });

    // The next release: a new permission needs MAJOR, a removed command too; 2.0.0 goes to review for the new scope.
    const addScope = (e: Record<string, any>) => e.permissions.push('users:read');
    const minor = await submitAndWait(ext.appId, kiketPackage(kiketManifest(ext.kiketId, ext.name, '1.1.0', addScope)));
    expect(minor.status).toBe('VALIDATION_FAILED');
    expect(minor.validationReport.issues[0]).toMatchObject({ rule: 'SEMVER-1', file: '.kiket/manifest.yaml' });
    expect(minor.validationReport.issues[0].message).toContain("new capability scope 'users:read'");
    const dropCommand = await submitAndWait(ext.appId, kiketPackage(kiketManifest(ext.kiketId, ext.name, '1.0.1', e => (e.contributes.commands = []))));
    expect(dropCommand.validationReport.issues[0].message).toContain("'standup.postSummary'");
    const major = await submitAndWait(ext.appId, kiketPackage(kiketManifest(ext.kiketId, ext.name, '2.0.0', addScope)));
    expect(major.status).toBe('PENDING_REVIEW');
    const [next] = await t.sql(`SELECT review_triggers FROM extension_versions WHERE id = $1`, [major.id]);
    expect(next.review_triggers.map((r: { kind: string }) => r.kind).sort()).toEqual(['MAJOR_BUMP', 'NEW_SCOPE']);

    // Published, 2.0.0 reaches the installation as an offer that asks consent for the new permission.
    await approve(major.id);
    expect((await t.gql(`mutation($id: ID!) { publishVersion(id: $id) { status } }`, { id: major.id }, dev.token)).data!.publishVersion.status).toBe('PUBLISHED');
    const OFFERS = `{ upgradeOffers { id status newScopes toVersion { version } } }`;
    let offers: any[] = [];
    for (const deadline = Date.now() + 15000; !offers.length && Date.now() < deadline; await new Promise(r => setTimeout(r, 200))) {
      offers = (await t.gql(OFFERS, {}, user.token)).data!.upgradeOffers;
    }
    expect(offers).toEqual([expect.objectContaining({ status: 'OPEN', newScopes: ['users:read'], toVersion: { version: '2.0.0' } })]);
    const RESPOND = `mutation($id: ID!, $s: [String!]) { respondToUpgradeOffer(offerId: $id, accept: true, grantedScopes: $s) { status } }`;
    const unconsented = await t.gql(RESPOND, { id: offers[0].id }, user.token);
    expect(expectCode(unconsented, 'CONSENT_REQUIRED').extensions).toMatchObject({ code: 'CONSENT_REQUIRED', missingScopes: ['users:read'] });
    expect((await t.gql(RESPOND, { id: offers[0].id, s: ['users:read'] }, user.token)).errors).toBeUndefined();
    const [now] = (await t.gql(`{ myInstallations { grantedScopes version { version } } }`, {}, user.token)).data!.myInstallations;
    expect(now).toEqual({ grantedScopes: ['comments:write', 'issues:read', 'users:read'], version: { version: '2.0.0' } });
  });

  it('takes a Kiket package from a git repository too', async () => {
    const ext = await claim();
    const repo = gitRepoOf(kiketPackage(kiketManifest(ext.kiketId, ext.name)));
    const res = await t.gql(`mutation($i: SubmitVersionInput!) { submitVersion(input: $i) { id version gitCommitSha } }`, { i: { appId: ext.appId, git: { url: repo.dir, ref: 'main' } } }, dev.token);
    expect(res.data!.submitVersion).toMatchObject({ version: '1.0.0', gitCommitSha: repo.sha });
    const version = await waitForValidation(t, dev.token, res.data!.submitVersion.id);
    expect(version.validationReport).toMatchObject({ valid: true, appId: ext.kiketId });

    // From git too, a manifest breaking a YAML limit is refused before anything is packed or recorded.
    const other = await claim();
    const blobs = await t.sql(`SELECT count(*)::int AS n FROM package_blobs`);
    const bad = gitRepoOf(kiketPackage(readFileSync(path.join(FIXTURES, 'hostile', 'duplicate-keys.yaml'))));
    const refused = await t.gql(`mutation($i: SubmitVersionInput!) { submitVersion(input: $i) { id } }`, { i: { appId: other.appId, git: { url: bad.dir, ref: 'main' } } }, dev.token);
    expect(expectCode(refused, 'PACKAGE_REJECTED').extensions).toMatchObject({ code: 'PACKAGE_REJECTED', reasons: [expect.stringContaining("[KIK-YAML-4] .kiket/manifest.yaml: the key 'custom_data' appears twice")] });
    expect(await t.sql(`SELECT 1 FROM extension_versions WHERE extension_id = $1`, [other.id])).toHaveLength(0);
    expect(await t.sql(`SELECT count(*)::int AS n FROM package_blobs`)).toEqual(blobs);
  });

  it('keeps the format of the first submission: the other format is refused and nothing is stored', async () => {
    const ext = await claim();
    await submitAndWait(ext.appId, kiketPackage(kiketManifest(ext.kiketId, ext.name)));
    const before = await t.sql(`SELECT id FROM extension_versions WHERE extension_id = $1`, [ext.id]);
    const imperal = await submitZip(t, dev.token, ext.appId, await zipOf(packageFor(ext.appId, ext.name, { version: '1.0.1' })));
    const refused = expectCode(imperal, 'BAD_USER_INPUT');
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'uploadId' }] });
    expect(refused.message).toContain('publishes KIKET packages (.kiket/manifest.yaml); this package is IMPERAL (imperal.json)');
    expect(await t.sql(`SELECT id FROM extension_versions WHERE extension_id = $1`, [ext.id])).toEqual(before);
    expect((await t.sql(`SELECT format FROM extensions WHERE id = $1`, [ext.id]))[0].format).toBe('KIKET');
  });

  it('never makes a Kiket extension a system app, whatever its manifest says (system apps are Imperal and first-party only)', async () => {
    const ext = await claim();
    const manifest = parse(kiketManifest(ext.kiketId, ext.name));
    manifest.system = true;
    const version = await submitAndWait(ext.appId, kiketPackage(stringify(manifest)));
    expect(version.validationReport.valid).toBe(true);
    expect(version.validationReport.issues.map((i: { rule: string }) => i.rule)).toContain('KIK-4');
    expect((await t.sql(`SELECT system FROM extensions WHERE id = $1`, [ext.id]))[0].system).toBe(false);
  });

  it('fails a package with both manifests (FORMAT-2) or neither (FORMAT-1), storing no manifest', async () => {
    const ext = await claim();
    const both = kiketPackage(kiketManifest(ext.kiketId, ext.name));
    for (const [file, bytes] of packageFor(ext.appId, ext.name)) both.set(file, bytes);
    const neither = new Map([['README.md', Buffer.from('# nothing here\n')]]);
    for (const [files, rule] of [[both, 'FORMAT-2'], [neither, 'FORMAT-1']] as const) {
      const version = await submitAndWait(ext.appId, files);
      expect(version.status).toBe('VALIDATION_FAILED');
      expect(version.validationReport.issues.map((i: { rule: string }) => i.rule)).toEqual([rule]);
      expect((await t.sql(`SELECT manifest FROM extension_versions WHERE id = $1`, [version.id]))[0].manifest).toBeNull();
    }
    // Neither fixed the format: the extension is still open to either.
    expect((await t.sql(`SELECT format FROM extensions WHERE id = $1`, [ext.id]))[0].format).toBe('IMPERAL');
  });

  describe('hostile YAML: submitVersion refuses it with its rule and records nothing; the job refuses it too', () => {
    const hostile = (name: string) => readFileSync(path.join(FIXTURES, 'hostile', name));
    const deep = `model_version: "1.0"\nextension: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    // Random text, so the zip does not compress it past the archive's ratio limit: the YAML size rule must be what refuses it.
    const huge = `model_version: "1.0"\n# ${randomBytes(7.5 * 1024 * 1024).toString('base64')}\nextension: {}\n`;
    it.each([
      ['an alias bomb', () => hostile('alias-bomb.yaml'), 'KIK-YAML-3'],
      ['100,000 levels of nesting', () => deep, 'KIK-YAML-2'],
      ['duplicate keys', () => hostile('duplicate-keys.yaml'), 'KIK-YAML-4'],
      ['a custom tag', () => `model_version: "1.0"\nextension: !python/object:os.system {}\n`, 'KIK-YAML-5'],
      ['a 10 MiB file', () => huge, 'KIK-YAML-1'],
    ])('%s', async (_name, yaml, rule) => {
      const ext = await claim();
      const bytes = yaml();
      if (rule === 'KIK-YAML-1') expect(bytes.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
      const upload = await createUpload(t, dev.token);
      expect((await putUpload(t, dev.token, upload.id, await zipOf(kiketPackage(bytes)))).status).toBe(200);
      const res = await t.gql(`mutation($i: SubmitVersionInput!) { submitVersion(input: $i) { id } }`, { i: { appId: ext.appId, uploadId: upload.id } }, dev.token);
      expect(expectCode(res, 'PACKAGE_REJECTED').extensions.reasons).toEqual([expect.stringMatching(new RegExp(`^\\[${rule}\\] \\.kiket/manifest\\.yaml`))]);
      expect(await t.sql(`SELECT 1 FROM extension_versions WHERE extension_id = $1`, [ext.id])).toHaveLength(0);
      expect((await t.sql(`SELECT format FROM extensions WHERE id = $1`, [ext.id]))[0].format).toBe('IMPERAL');
      expect((await t.sql(`SELECT status FROM package_uploads WHERE id = $1`, [upload.id]))[0].status).toBe('RECEIVED');

      // A version recorded before this check existed: the validation job fails it on the same rule and keeps no manifest.
      const [{ sha256 }] = await t.sql(`SELECT sha256 FROM package_uploads WHERE id = $1`, [upload.id]);
      const [{ id }] = await t.sql(
        `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, submitted_by_id) VALUES ($1, NULL, 'SUBMITTED', 'UPLOAD', $2, $3) RETURNING id`,
        [ext.id, sha256, dev.id],
      );
      const manager = t.app.dataSource.manager;
      await t.app.services.versions.validate(systemContext(manager, t.app.logger, createLoaders(manager), t.app.container), id);
      const [row] = await t.sql(`SELECT status, report, manifest, change_summary FROM extension_versions WHERE id = $1`, [id]);
      expect(row).toMatchObject({ status: 'VALIDATION_FAILED', manifest: null, change_summary: null });
      expect(row.report.issues.filter((i: { rule: string; level: string }) => i.level === 'ERROR').map((i: { rule: string; level: string }) => i.rule)).toEqual([rule]);
      expect(await t.sql(`SELECT 1 FROM extension_approvals WHERE extension_id = $1`, [ext.id])).toHaveLength(0);
    });
  });
});
