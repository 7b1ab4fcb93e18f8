import { spawn } from 'node:child_process';
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { keyIdOf, SecretBox } from '../../src/shared/secret-box';
import { SEALED_COLUMNS } from '../../src/shared/reseal';
import { buildDeveloper, TestUser } from '../utils/factories';
import { TestRepo } from '../utils/git-repos';
import { ROOT } from '../utils/cli';
import { startTestApp, TestApp } from '../utils/test-app';
import { loadConfig } from '../../src/config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const EXAMPLES = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, any>[] }[];
const PING = JSON.stringify(EXAMPLES.find(e => e.name === 'ping')!.examples[0]);
const VALID = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'kiket', 'valid.yaml'), 'utf8');

const K1 = randomBytes(32).toString('hex');
const K2 = randomBytes(32).toString('hex');
const idOf = (hex: string) => keyIdOf(Buffer.from(hex, 'hex'));

/** `plaza secrets reseal` as a real process (async: the servers under test live in this process). */
function reseal(databaseUrl: string, env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>(resolve => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/plaza.js'), 'secrets', 'reseal'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, NODE_ENV: 'production', PLAZA_JWT_SECRET: 'x'.repeat(40), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', c => (stdout += c));
    child.stderr.on('data', c => (stderr += c));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('exit', status => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('PLAZA_ENCRYPTION_KEY rotation without downtime', () => {
  let a: TestApp;
  const others: TestApp[] = [];
  let dev: TestUser;
  const repo = new TestRepo();
  const TOKEN = `ghp_${randomUUID().replace(/-/g, '')}`;

  beforeAll(async () => {
    a = await startTestApp({ allowLocalGit: true, allowLoopbackWebhooks: true, encryptionKey: K1 });
    dev = await buildDeveloper(a);
  });
  afterAll(async () => {
    for (const app of others) await app.close();
    await a.close();
    repo.remove();
  });

  const sibling = async (encryptionKey: string, encryptionPreviousKeys: string[]) => {
    const app = await startTestApp({ allowLocalGit: true, allowLoopbackWebhooks: true, encryptionKey, encryptionPreviousKeys }, { databaseUrl: a.databaseUrl });
    others.push(app);
    return app;
  };

  async function gitExtension(t: TestApp, n: number): Promise<{ appId: string; secret: string }> {
    const appId = `com-example-rotate${n}`;
    await t.gql(`mutation($a: String!) { claimExtension(input: { appId: $a, displayName: "Rotate ${n}", category: "productivity" }) { id } }`, { a: appId }, dev.token);
    const m = parse(VALID);
    Object.assign(m.extension, { id: `com.example.rotate${n}`, name: `Rotate ${n}`, version: '1.0.0' });
    repo.commit(new Map([['.kiket/manifest.yaml', stringify(m)]]), `rotate ${n}`);
    const submitted = await t.gql(`mutation($i: SubmitVersionInput!) { submitVersion(input: $i) { id } }`, { i: { appId, git: { url: repo.dir, ref: 'main', token: TOKEN } } }, dev.token);
    expect(submitted.errors).toBeUndefined();
    const rotated = await t.gql(`mutation($a: String!) { rotateGitWebhookSecret(appId: $a) { secret } }`, { a: appId }, dev.token);
    return { appId, secret: rotated.data!.rotateGitWebhookSecret.secret };
  }

  const ping = async (t: TestApp, appId: string, secret: string) =>
    (await t.http().post(`/hooks/git/${appId}`).set('Content-Type', 'application/json').set('X-GitHub-Event', 'ping').set('X-GitHub-Delivery', randomUUID())
      .set('X-Hub-Signature-256', await sign(secret, PING)).send(PING)).status;

  const sealedValues = async () => {
    const values: string[] = [];
    for (const { table, column } of SEALED_COLUMNS) {
      for (const row of await a.sql(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`)) values.push(row.v);
    }
    return values;
  };

  it('keeps every server answering while the key changes, then reseals everything under the new key', async () => {
    // Before: secrets sealed under K1 (a git token, a push-webhook secret, an outgoing webhook secret, and a v1 value from before key ids).
    const first = await gitExtension(a, 1);
    const endpoint = await a.gql(`mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/h" }) { secret endpoint { id } } }`, {}, dev.token);
    expect(endpoint.errors).toBeUndefined();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(K1, 'hex'), iv);
    const data = Buffer.concat([cipher.update('legacy-token'), cipher.final()]);
    const v1 = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    const [version] = await a.sql(`SELECT id FROM extension_versions LIMIT 1`);
    await a.sql(`UPDATE extension_versions SET git_token_sealed = $2 WHERE id = $1`, [version.id, v1]);
    expect((await sealedValues()).every(v => v.startsWith(`v2.${idOf(K1)}.`) || v === v1)).toBe(true);

    // Step 1: every server learns K2 (as a key that opens) while still sealing with K1.
    const b = await sibling(K1, [K2]);
    // Step 2: servers switch to K2, keeping K1 to open; old and new servers run side by side.
    const c = await sibling(K2, [K1]);
    const second = await gitExtension(c, 2);
    const [row] = await a.sql(`SELECT webhook_secret_sealed FROM extension_git_sources s JOIN extensions e ON e.id = s.extension_id WHERE e.app_id = $1`, [second.appId]);
    expect(row.webhook_secret_sealed.startsWith(`v2.${idOf(K2)}.`)).toBe(true);
    for (const server of [a, b, c]) expect(await ping(server, first.appId, first.secret)).toBe(200);
    // The server that knows K2 opens what the new servers seal; a server with K1 alone cannot (so step 1 comes first).
    for (const server of [b, c]) expect(await ping(server, second.appId, second.secret)).toBe(200);

    // Step 3: reseal. A second run finds nothing left to do.
    const run = await reseal(a.databaseUrl, { PLAZA_ENCRYPTION_KEY: K2, PLAZA_ENCRYPTION_PREVIOUS_KEYS: K1 });
    expect(run.stderr).not.toContain('unreadable');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`resealed [1-9]\\d* value\\(s\\) under key ${idOf(K2)}; [1-9]\\d* already current; 0 unreadable`));
    const values = await sealedValues();
    expect(values.length).toBeGreaterThanOrEqual(6);
    expect(values.every(v => v.startsWith(`v2.${idOf(K2)}.`))).toBe(true);
    const again = await reseal(a.databaseUrl, { PLAZA_ENCRYPTION_KEY: K2, PLAZA_ENCRYPTION_PREVIOUS_KEYS: K1 });
    expect(again.stdout).toMatch(/resealed 0 value\(s\)/);

    // Step 4: K1 is dropped. Everything still opens: the webhook secrets, the git token, the legacy value, the endpoint secret.
    const d = await sibling(K2, []);
    expect(await ping(d, first.appId, first.secret)).toBe(200);
    expect(await ping(d, second.appId, second.secret)).toBe(200);
    const box = new SecretBox(K2);
    const [resealedVersion] = await a.sql(`SELECT git_token_sealed FROM extension_versions WHERE id = $1`, [version.id]);
    expect(box.open(resealedVersion.git_token_sealed)).toBe('legacy-token');
    const [source] = await a.sql(`SELECT token_sealed FROM extension_git_sources s JOIN extensions e ON e.id = s.extension_id WHERE e.app_id = $1`, [first.appId]);
    expect(box.open(source.token_sealed)).toBe(TOKEN);
    const [hook] = await a.sql(`SELECT secret_sealed FROM webhook_endpoints WHERE id = $1`, [endpoint.data!.createWebhookEndpoint.endpoint.id]);
    expect(box.open(hook.secret_sealed)).toBe(endpoint.data!.createWebhookEndpoint.secret);
  }, 120_000); // Two servers and two runs of the real `plaza` process: about 25 s on an idle 2-core machine.

  it('reports a value no configured key opens, leaves it alone and exits non-zero', async () => {
    const foreign = new SecretBox(randomBytes(32).toString('hex')).seal('unknown');
    const [version] = await a.sql(`SELECT id FROM extension_versions LIMIT 1`);
    await a.sql(`UPDATE extension_versions SET git_token_sealed = $2 WHERE id = $1`, [version.id, foreign]);
    const run = await reseal(a.databaseUrl, { PLAZA_ENCRYPTION_KEY: K2 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`unreadable (no configured key opens it): extension_versions.git_token_sealed ${version.id}`);
    expect(run.stderr).not.toContain('unknown');
    const [row] = await a.sql(`SELECT git_token_sealed FROM extension_versions WHERE id = $1`, [version.id]);
    expect(row.git_token_sealed).toBe(foreign);
  }, 60_000); // Runs the real `plaza` process.

  it('reads previous keys from PLAZA_ENCRYPTION_PREVIOUS_KEYS and refuses a malformed one at start-up', () => {
    expect(loadConfig({ PLAZA_ENCRYPTION_KEY: K2, PLAZA_ENCRYPTION_PREVIOUS_KEYS: `${K1}, ${K2}`, PLAZA_DATA_DIR: '/tmp/plaza-rotation-test' }).encryptionPreviousKeys).toEqual([K1, K2]);
    expect(() => loadConfig({ PLAZA_ENCRYPTION_KEY: K2, PLAZA_ENCRYPTION_PREVIOUS_KEYS: 'not-hex', PLAZA_DATA_DIR: '/tmp/plaza-rotation-test' })).toThrow(/PLAZA_ENCRYPTION_PREVIOUS_KEYS/);
  });
});
