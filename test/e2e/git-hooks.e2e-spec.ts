import { expectCode } from '../utils/expect-code';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sign } from '@octokit/webhooks-methods';
import pino from 'pino';
import { parse, stringify } from 'yaml';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { PrivateGitHost, TestRepo } from '../utils/git-repos';
import { waitForValidation } from '../utils/packages';
import { startTestApp, TestApp } from '../utils/test-app';

/** Shapes of the GraphQL answers this file reads. */
type ReportIssue = { rule: string; level: string };
type QueueEdge = { node: { id: string; version: { id: string } } };
type HistoryEntry = { id: string; trigger: string };

// Real example payloads from GitHub's webhook documentation (@octokit/webhooks-examples).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const EXAMPLES = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, any>[] }[];
const exampleOf = (name: string, pick: (e: Record<string, any>) => boolean = () => true) => structuredClone(EXAMPLES.find(e => e.name === name)!.examples.find(pick)!);

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'kiket');
const VALID = readFileSync(path.join(FIXTURES, 'valid.yaml'), 'utf8');
const MANIFEST = '.kiket/manifest.yaml';
const SCOPES = ['comments:write', 'issues:read'];
const INSTALL = `mutation($i: InstallInput!) { install(input: $i) { id status version { version } } }`;
const SUBMIT = `mutation($i: SubmitVersionInput!) { submitVersion(input: $i) { id version status gitCommitSha } }`;
const GIT_SOURCE = `query($a: String!) { extension(appId: $a) { gitSource { url ref hasToken webhookPath webhookConfigured docsCommitSha
  history(first: 50) { id trigger status ref commitSha versionId tokenChanged deliveryId errorCount warningCount report message } } } }`;
const ROTATE = `mutation($a: String!) { rotateGitWebhookSecret(appId: $a) { appId secret callbackPath callbackUrl } }`;

function manifest(id: string, name: string, version: string, change: (ext: Record<string, any>) => void = () => undefined): string {
  const m = parse(VALID);
  Object.assign(m.extension, { id, name, version });
  change(m.extension);
  return stringify(m);
}

function files(id: string, name: string, version: string, readme: string, change?: (ext: Record<string, any>) => void): Map<string, string> {
  return new Map([
    [MANIFEST, manifest(id, name, version, change)],
    ['README.md', '# Fallback readme\n'],
    ['docs/README.md', `# ${name}\n\n${readme}\n`],
    ['docs/CHANGELOG.md', `## ${version}\n\nNotes for ${version}.\n`],
    ['docs/getting-started.md', 'Install it, then pick a channel.\n'],
    ['docs/examples/basic-usage.yaml', `title: Basic ${version}\non_enter:\n  - extension: slack.sendMessage\n`],
  ]);
}

describe('private git repositories and push-triggered revalidation', () => {
  let t: TestApp;
  let dev: TestUser;
  let stranger: TestUser;
  let reviewer: TestUser;
  let host: PrivateGitHost;
  const logLines: string[] = [];
  /** Every GraphQL and HTTP response body, to grep for tokens. */
  const responses: string[] = [];
  const TOKEN_1 = `ghp_${randomUUID().replace(/-/g, '')}`;
  const TOKEN_2 = `ghp_${randomUUID().replace(/-/g, '')}`;
  const repos: TestRepo[] = [];

  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await t.gql(query, variables, token);
    responses.push(JSON.stringify(res));
    return res;
  };

  beforeAll(async () => {
    // Everything the server logs, at the most verbose level, is kept for the token grep.
    const logger = pino({ level: 'trace' }, new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } }));
    t = await startTestApp({ allowLocalGit: true }, { logger });
    dev = await buildDeveloper(t);
    stranger = await buildDeveloper(t);
    const admin = await buildAdmin(t);
    reviewer = await buildUser(t);
    await t.gql(`mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`, { id: reviewer.id }, admin.token);
  });
  afterAll(async () => {
    await host?.stop();
    await t.close();
    for (const r of repos) r.remove();
  });

  let n = 0;
  async function claim() {
    n++;
    const ext = { kiketId: `com.example.gitstandup${n}`, appId: `com-example-gitstandup${n}`, name: `Git Standup ${n}` };
    const res = await gql(`mutation($a: String!, $d: String!) { claimExtension(input: { appId: $a, displayName: $d, category: "productivity" }) { id } }`, { a: ext.appId, d: ext.name }, dev.token);
    return { ...ext, id: res.data!.claimExtension.id as string };
  }

  function newRepo(): TestRepo {
    const repo = new TestRepo();
    repos.push(repo);
    return repo;
  }

  async function publish(appId: string, versionId: string) {
    const queue = await t.gql(`{ reviewQueue(first: 100) { edges { node { id version { id } } } } }`, {}, reviewer.token);
    const caseId = queue.data!.reviewQueue.edges.find((e: QueueEdge) => e.node.version.id === versionId).node.id;
    await t.gql(`mutation($id: ID!) { claimReview(caseId: $id) { id } }`, { id: caseId }, reviewer.token);
    expect((await t.gql(`mutation($id: ID!) { decideReview(caseId: $id, decision: APPROVE, reason: "ok") { id } }`, { id: caseId }, reviewer.token)).errors).toBeUndefined();
    const listing = await t.gql(
      `mutation($a: String!) { updateListing(appId: $a, input: { title: "Git Standup", shortDescription: "A daily standup summary of moved cases in chat.",
        fullDescription: "Collects the cases that moved during the day and posts one summary to the channel you pick.", categories: ["productivity"],
        supportContact: "s@example.test", privacyPolicyUrl: "https://example.test/p" }) { title } }`,
      { a: appId },
      dev.token,
    );
    expect(listing.errors).toBeUndefined();
    expect((await t.gql(`mutation($id: ID!) { publishVersion(id: $id) { status } }`, { id: versionId }, dev.token)).data!.publishVersion.status).toBe('PUBLISHED');
  }

  /** A delivery signed the way GitHub signs it (HMAC-SHA256 of the exact body, X-Hub-Signature-256). */
  async function deliver(appId: string, event: string, payload: unknown, secret: string | null, options: { delivery?: string; signature?: string } = {}) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const req = t.http().post(`/hooks/git/${appId}`).set('Content-Type', 'application/json').set('X-GitHub-Event', event).set('X-GitHub-Delivery', options.delivery ?? randomUUID());
    const signature = options.signature ?? (secret ? await sign(secret, body) : undefined);
    if (signature) req.set('X-Hub-Signature-256', signature);
    const res = await req.send(body);
    responses.push(JSON.stringify(res.body));
    return res;
  }

  /** GitHub's push example, moved to this repository's branch and commit. */
  function pushPayload(branch: string, after: string) {
    const push = exampleOf('push', e => e.ref.startsWith('refs/heads/'));
    return { ...push, ref: `refs/heads/${branch}`, after, head_commit: { ...push.head_commit, id: after } };
  }

  async function history(appId: string, token = dev.token) {
    const res = await gql(GIT_SOURCE, { a: appId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.extension?.gitSource ?? null;
  }

  async function waitForEntry(appId: string, id: string, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const entry = (await history(appId)).history.find((e: HistoryEntry) => e.id === id);
      if (entry && !['QUEUED', 'RUNNING'].includes(entry.status)) return entry;
      if (Date.now() > deadline) throw new Error(`revalidation ${id} still ${entry?.status}`);
      await new Promise(r => setTimeout(r, 100));
    }
  }

  describe('a private repository over HTTP with a token', () => {
    let ext: Awaited<ReturnType<typeof claim>>;
    let repo: TestRepo;
    let url: string;
    let firstVersionId: string;
    let installationId: string;
    let secret: string;

    beforeAll(async () => {
      ext = await claim();
      repo = newRepo();
      repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'First words.'), 'first');
      repo.commit(new Map([...files(ext.kiketId, ext.name, '1.0.0', 'Work in progress.')]), 'wip on dev', 'dev');
      host = new PrivateGitHost(path.dirname(repo.dir), TOKEN_1);
      await host.start();
      url = host.repoUrl(path.basename(repo.dir));
    });

    it('refuses a submission without the token (nothing recorded) and takes one with it, keeping the token sealed', async () => {
      const refused = await gql(SUBMIT, { i: { appId: ext.appId, git: { url, ref: 'main' } } }, dev.token);
      expectCode(refused, 'PACKAGE_REJECTED');
      const wrong = await gql(SUBMIT, { i: { appId: ext.appId, git: { url, ref: 'main', token: TOKEN_2 } } }, dev.token);
      expectCode(wrong, 'PACKAGE_REJECTED');
      const bad = await gql(SUBMIT, { i: { appId: ext.appId, git: { url, ref: 'main', token: 'has space' } } }, dev.token);
      expect(expectCode(bad, 'BAD_USER_INPUT').extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await t.sql(`SELECT count(*)::int AS n FROM extension_versions WHERE extension_id = $1`, [ext.id])).toEqual([{ n: 0 }]);
      expect(await t.sql(`SELECT count(*)::int AS n FROM extension_git_sources WHERE extension_id = $1`, [ext.id])).toEqual([{ n: 0 }]);

      const res = await gql(SUBMIT, { i: { appId: ext.appId, git: { url, ref: 'main', token: TOKEN_1 } } }, dev.token);
      expect(res.errors).toBeUndefined();
      firstVersionId = res.data!.submitVersion.id;
      const version = await waitForValidation(t, dev.token, firstVersionId);
      expect(version.status).toBe('PENDING_REVIEW');
      const [row] = await t.sql(`SELECT s.token_sealed, v.git_token_sealed FROM extension_git_sources s JOIN extension_versions v ON v.extension_id = s.extension_id WHERE s.extension_id = $1`, [ext.id]);
      expect(row.token_sealed).toMatch(/^v2\.[0-9a-f]{16}\./);
      expect(row.git_token_sealed).toMatch(/^v2\./);
      expect(t.app.services.secretBox.open(row.token_sealed)).toBe(TOKEN_1);
      const dump = JSON.stringify(await t.sql(`SELECT * FROM extension_git_sources`)) + JSON.stringify(await t.sql(`SELECT * FROM extension_versions`));
      expect(dump).not.toContain(TOKEN_1);

      const source = await history(ext.appId);
      expect(source).toMatchObject({ url, ref: 'main', hasToken: true, webhookPath: `/hooks/git/${ext.appId}`, webhookConfigured: false });
      expect(source.history).toEqual([expect.objectContaining({ trigger: 'SUBMIT', status: 'SUBMITTED', versionId: firstVersionId, tokenChanged: false, commitSha: version.gitCommitSha })]);
      await publish(ext.appId, firstVersionId);
      const user = await buildUser(t);
      const installed = await gql(INSTALL, { i: { appId: ext.appId, grantedScopes: SCOPES } }, user.token);
      expect(installed.data!.install).toMatchObject({ status: 'ACTIVE', version: { version: '1.0.0' } });
      installationId = installed.data!.install.id;
    });

    it('shows the git source and its history to the owner only: null for anonymous, a stranger and a reviewer', async () => {
      for (const token of [undefined, stranger.token, reviewer.token]) {
        const res = await gql(GIT_SOURCE, { a: ext.appId }, token);
        expect(res.errors).toBeUndefined();
        expect(res.data!.extension.gitSource).toBeNull();
      }
      const admin = await buildAdmin(t);
      expect((await history(ext.appId, admin.token)).hasToken).toBe(true);
    });

    it('makes a webhook secret only for the owner, shown once, and rotates it', async () => {
      expectCode((await gql(ROTATE, { a: ext.appId })), 'UNAUTHENTICATED');
      expectCode((await gql(ROTATE, { a: ext.appId }, stranger.token)), 'NOT_FOUND');
      const other = await claim();
      expectCode((await gql(ROTATE, { a: other.appId }, dev.token)), 'INVALID_STATE');
      const first = (await gql(ROTATE, { a: ext.appId }, dev.token)).data!.rotateGitWebhookSecret;
      expect(first).toMatchObject({ appId: ext.appId, callbackPath: `/hooks/git/${ext.appId}`, callbackUrl: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/hooks/git/${ext.appId}$`)) });
      const second = (await gql(ROTATE, { a: ext.appId }, dev.token)).data!.rotateGitWebhookSecret;
      expect(second.secret).not.toBe(first.secret);
      secret = second.secret;
      // The old secret no longer signs anything valid.
      expect((await deliver(ext.appId, 'ping', exampleOf('ping'), first.secret)).status).toBe(401);
      expect((await deliver(ext.appId, 'ping', exampleOf('ping'), secret)).status).toBe(200);
      expect((await history(ext.appId)).webhookConfigured).toBe(true);
      const [row] = await t.sql(`SELECT webhook_secret_sealed FROM extension_git_sources WHERE extension_id = $1`, [ext.id]);
      expect(row.webhook_secret_sealed).not.toContain(secret);
    });

    it('answers 401 to a missing, malformed or wrong signature and to an unknown app, 202 to other events, 413 past 1 MiB', async () => {
      const push = pushPayload('main', repo.git('rev-parse', 'main'));
      expect((await deliver(ext.appId, 'push', push, null)).status).toBe(401);
      expect((await deliver(ext.appId, 'push', push, null, { signature: 'sha256=00' })).status).toBe(401);
      expect((await deliver(ext.appId, 'push', push, null, { signature: 'garbage' })).status).toBe(401);
      expect((await deliver(ext.appId, 'push', push, 'whsec_not-the-secret')).status).toBe(401);
      // A valid signature over another body does not verify this one.
      const body = JSON.stringify(push);
      expect((await deliver(ext.appId, 'push', body.replace('main', 'dev'), null, { signature: await sign(secret, body) })).status).toBe(401);
      expect((await deliver('no-such-app', 'push', push, secret)).status).toBe(401);
      const issues = await deliver(ext.appId, 'issues', exampleOf('issues'), secret);
      expect(issues.status).toBe(202);
      expect(issues.body.ignored).toContain('issues');
      const huge = JSON.stringify({ ...push, padding: 'x'.repeat(1024 * 1024) });
      expect((await deliver(ext.appId, 'push', huge, secret)).status).toBe(413);
      // Nothing of the above queued a revalidation.
      expect((await history(ext.appId)).history.filter((e: HistoryEntry) => e.trigger === 'PUSH')).toEqual([]);
    });

    it('revalidates a push to the tracked branch at the pushed commit with the stored token, syncs the listing docs, and never touches installs', async () => {
      const fetchesBefore = t.app.services.gitSource.fetches;
      const sha = repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'Pushed readme words.'), 'docs update');
      // A push to another branch is ignored.
      const devSha = repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'Dev only words.'), 'dev work', 'dev');
      const elsewhere = await deliver(ext.appId, 'push', pushPayload('dev', devSha), secret);
      expect(elsewhere.status).toBe(202);
      expect(elsewhere.body.ignored).toContain('refs/heads/dev');

      const delivery = randomUUID();
      const res = await deliver(ext.appId, 'push', pushPayload('main', sha), secret, { delivery });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ queued: true, commitSha: sha });
      // GitHub redelivers: the same delivery id is answered and not run twice.
      const again = await deliver(ext.appId, 'push', pushPayload('main', sha), secret, { delivery });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ duplicate: true, deliveryId: delivery });

      const entry = await waitForEntry(ext.appId, res.body.revalidationId);
      expect(entry).toMatchObject({ trigger: 'PUSH', status: 'VALID', commitSha: sha, ref: 'main', deliveryId: delivery, errorCount: 0 });
      expect((await history(ext.appId)).history.filter((e: HistoryEntry) => e.trigger === 'PUSH')).toHaveLength(1);
      expect(t.app.services.gitSource.fetches).toBe(fetchesBefore + 1);
      // The token went to the host as a header, and only there.
      expect(host.seenAuthorizations).toContain(`Basic ${Buffer.from(`x-access-token:${TOKEN_1}`).toString('base64')}`);

      const docs = await gql(`query($a: String!) { extension(appId: $a) { docs { overview { path html } changelog { path } gettingStarted { path } examples { path yaml title html } } } }`, { a: ext.appId });
      expect(docs.data!.extension.docs.overview).toMatchObject({ path: 'docs/README.md', html: expect.stringContaining('Pushed readme words.') });
      expect(docs.data!.extension.docs.gettingStarted.path).toBe('docs/getting-started.md');
      expect(docs.data!.extension.docs.examples).toEqual([
        { path: 'docs/examples/basic-usage.yaml', yaml: expect.stringContaining('title: Basic 1.0.0'), title: 'Basic 1.0.0', html: expect.stringContaining('<span class="hljs-attr">on_enter:</span>') },
      ]);
      expect((await history(ext.appId)).docsCommitSha).toBe(sha);

      const [install] = await t.sql(`SELECT i.status, v.version, v.id FROM installations i JOIN extension_versions v ON v.id = i.version_id WHERE i.id = $1`, [installationId]);
      expect(install).toEqual({ status: 'ACTIVE', version: '1.0.0', id: firstVersionId });
      expect(await t.sql(`SELECT count(*)::int AS n FROM extension_versions WHERE extension_id = $1`, [ext.id])).toEqual([{ n: 1 }]);
    });

    it('records an invalid manifest at a pushed commit without changing versions, and a push the token cannot fetch as FETCH_FAILED', async () => {
      const sha = repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'Broken.', e => delete e.name), 'break the manifest');
      const res = await deliver(ext.appId, 'push', pushPayload('main', sha), secret);
      const entry = await waitForEntry(ext.appId, res.body.revalidationId);
      expect(entry.status).toBe('INVALID');
      expect(entry.errorCount).toBeGreaterThan(0);
      expect(entry.report.issues.some((i: ReportIssue) => i.rule.startsWith('KIK-') && i.level === 'ERROR')).toBe(true);

      host.token = TOKEN_2; // the author revoked the stored token
      const later = repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'Later.'), 'later');
      const failed = await waitForEntry(ext.appId, (await deliver(ext.appId, 'push', pushPayload('main', later), secret)).body.revalidationId);
      expect(failed.status).toBe('FETCH_FAILED');
      expect(failed.message).toMatch(/could not fetch/);
      expect(JSON.stringify(failed)).not.toContain(TOKEN_1);
      const [install] = await t.sql(`SELECT status, version_id FROM installations WHERE id = $1`, [installationId]);
      expect(install).toEqual({ status: 'ACTIVE', version_id: firstVersionId });
    });

    it('replaces the token on a republish with a new one, records the change, and reuses the stored token when none is given', async () => {
      repo.commit(files(ext.kiketId, ext.name, '1.0.1', 'Patch.'), 'patch release');
      const res = await gql(SUBMIT, { i: { appId: ext.appId, git: { url, ref: 'main', token: TOKEN_2 } } }, dev.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.submitVersion.version).toBe('1.0.1');
      const [row] = await t.sql(`SELECT token_sealed FROM extension_git_sources WHERE extension_id = $1`, [ext.id]);
      expect(t.app.services.secretBox.open(row.token_sealed)).toBe(TOKEN_2);
      let entries = (await history(ext.appId)).history.filter((e: HistoryEntry) => e.trigger === 'SUBMIT');
      expect(entries[0]).toMatchObject({ versionId: res.data!.submitVersion.id, tokenChanged: true });
      const audit = await t.sql(`SELECT data FROM audit_entries WHERE action = 'git_source.token_replace' AND target_id = $1`, [ext.id]);
      expect(audit).toEqual([{ data: { appId: ext.appId, hasToken: true } }]);

      repo.commit(files(ext.kiketId, ext.name, '1.0.2', 'Another patch.'), 'another');
      const reused = await gql(SUBMIT, { i: { appId: ext.appId, git: { url, ref: 'main' } } }, dev.token);
      expect(reused.errors).toBeUndefined();
      entries = (await history(ext.appId)).history.filter((e: HistoryEntry) => e.trigger === 'SUBMIT');
      expect(entries[0]).toMatchObject({ versionId: reused.data!.submitVersion.id, tokenChanged: false });
      const [install] = await t.sql(`SELECT status, version_id FROM installations WHERE id = $1`, [installationId]);
      expect(install).toEqual({ status: 'ACTIVE', version_id: firstVersionId });
    });

    it('never puts a token in a response, an error or a log line', async () => {
      // A failing fetch with the token present: the error names the ref, not the credential.
      const failing = await gql(SUBMIT, { i: { appId: ext.appId, git: { url, ref: 'no-such-branch', token: TOKEN_2 } } }, dev.token);
      expectCode(failing, 'PACKAGE_REJECTED');
      const basic = (token: string) => Buffer.from(`x-access-token:${token}`).toString('base64');
      for (const token of [TOKEN_1, TOKEN_2]) {
        for (const needle of [token, basic(token)]) {
          expect(responses.filter(r => r.includes(needle))).toEqual([]);
          expect(logLines.filter(l => l.includes(needle))).toEqual([]);
        }
      }
      expect(logLines.length).toBeGreaterThan(10);
    });

    it('tells the owner, and only the owner, about each revalidation in the event log', async () => {
      const query = `query($a: [String!]) { events(first: 100, appIds: $a, types: ["extension.git_revalidated"]) { edges { node { type data } } } }`;
      const own = await gql(query, { a: [ext.appId] }, dev.token);
      expect(own.data!.events.edges.map((e: { node: { data: { status: string } } }) => e.node.data.status)).toEqual(['VALID', 'INVALID', 'FETCH_FAILED']);
      const seen = await gql(query, { a: [ext.appId] }, stranger.token);
      expect(seen.data!.events.edges).toEqual([]);
    });
  });

  describe('a public repository on disk', () => {
    it('reuses a commit fetched minutes ago for a repeated publish, while a push always refetches', async () => {
      const ext = await claim();
      const repo = newRepo();
      const sha = repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'Cached.'), 'one');
      const before = t.app.services.gitSource.fetches;
      const first = await gql(SUBMIT, { i: { appId: ext.appId, git: { url: repo.dir, ref: 'main' } } }, dev.token);
      expect(first.data!.submitVersion.gitCommitSha).toBe(sha);
      expect(t.app.services.gitSource.fetches).toBe(before + 1);
      await waitForValidation(t, dev.token, first.data!.submitVersion.id);
      // The same commit again (refused as a duplicate number, after the cache served it).
      const second = await gql(SUBMIT, { i: { appId: ext.appId, git: { url: repo.dir, ref: 'main' } } }, dev.token);
      expectCode(second, 'CONFLICT');
      expect(t.app.services.gitSource.fetches).toBe(before + 1);
      // A new commit on the branch is seen at once (the branch is resolved on every publish).
      const next = repo.commit(files(ext.kiketId, ext.name, '1.0.1', 'Cached.'), 'two');
      const third = await gql(SUBMIT, { i: { appId: ext.appId, git: { url: repo.dir, ref: 'main' } } }, dev.token);
      expect(third.data!.submitVersion.gitCommitSha).toBe(next);
      expect(t.app.services.gitSource.fetches).toBe(before + 2);

      const secret = (await gql(ROTATE, { a: ext.appId }, dev.token)).data!.rotateGitWebhookSecret.secret;
      const res = await deliver(ext.appId, 'push', pushPayload('main', next), secret);
      expect((await waitForEntry(ext.appId, res.body.revalidationId)).status).toBe('VALID');
      expect(t.app.services.gitSource.fetches).toBe(before + 3);
      // An older commit named by a push is fetched as it was, not the branch tip.
      const old = await deliver(ext.appId, 'push', pushPayload('main', sha), secret);
      expect(await waitForEntry(ext.appId, old.body.revalidationId)).toMatchObject({ status: 'VALID', commitSha: sha });
    });

    it('queues at most one revalidation per extension: a newer push supersedes a waiting one', async () => {
      // A server without workers (its own database): pushes wait in the queue.
      const quiet = await startTestApp({ allowLocalGit: true, runWorkers: false });
      try {
        const owner = await buildDeveloper(quiet);
        const claimed = await quiet.gql(`mutation { claimExtension(input: { appId: "com-example-quiet", displayName: "Quiet", category: "productivity" }) { id } }`, {}, owner.token);
        const ext = { id: claimed.data!.claimExtension.id as string, appId: 'com-example-quiet', kiketId: 'com.example.quiet', name: 'Quiet' };
        const repo = newRepo();
        repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'One.'), 'one');
        expect((await quiet.gql(SUBMIT, { i: { appId: ext.appId, git: { url: repo.dir, ref: 'main' } } }, owner.token)).errors).toBeUndefined();
        const secret = (await quiet.gql(ROTATE, { a: ext.appId }, owner.token)).data!.rotateGitWebhookSecret.secret;
        const shas = [repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'Two.'), 'two'), repo.commit(files(ext.kiketId, ext.name, '1.0.0', 'Three.'), 'three')];
        const post = async (sha: string) => {
          const body = JSON.stringify(pushPayload('main', sha));
          const res = await quiet.http().post(`/hooks/git/${ext.appId}`).set('Content-Type', 'application/json').set('X-GitHub-Event', 'push')
            .set('X-GitHub-Delivery', randomUUID()).set('X-Hub-Signature-256', await sign(secret, body)).send(body);
          expect(res.status).toBe(202);
          return res.body.revalidationId as string;
        };
        const [older, newer] = [await post(shas[0]), await post(shas[1])];
        const jobs = await quiet.sql(`SELECT state FROM pgboss.job WHERE name = 'git-revalidate' AND singleton_key = $1`, [ext.id]);
        expect(jobs).toEqual([{ state: 'created' }]);
        const states = await quiet.sql(`SELECT id, status FROM git_revalidations WHERE extension_id = $1 AND trigger = 'PUSH' ORDER BY created_at`, [ext.id]);
        expect(states).toEqual([{ id: older, status: 'SUPERSEDED' }, { id: newer, status: 'QUEUED' }]);
        // The job (run here by hand, as a worker would) validates the newest push only.
        const manager = quiet.app.dataSource.manager;
        await quiet.app.services.gitHooks.revalidate(systemContext(manager, quiet.app.logger, createLoaders(manager), quiet.app.container, 'job:test'), ext.id);
        const after = await quiet.sql(`SELECT id, status, commit_sha FROM git_revalidations WHERE extension_id = $1 AND trigger = 'PUSH' ORDER BY created_at`, [ext.id]);
        expect(after).toEqual([{ id: older, status: 'SUPERSEDED', commit_sha: shas[0] }, { id: newer, status: 'VALID', commit_sha: shas[1] }]);
      } finally {
        await quiet.close();
      }
    });
  });
});
