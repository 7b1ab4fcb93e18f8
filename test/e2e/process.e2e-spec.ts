import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestDatabase, startTestApp } from '../utils/test-app';
import { collect, wsClient } from '../utils/ws-client';
import { freePort } from '../utils/database';
import { buildUser, PASSWORD, uniqueEmail } from '../utils/factories';

const ROOT = path.resolve(__dirname, '../..');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` exactly as `npm start` does and waits for it to print its URLs. */
async function startPlaza(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = output.match(/GraphQL API:\s+(http:\/\/\S+)\/graphql/);
    if (match) return { child, url: match[1], output: () => output, exited };
    if (child.exitCode !== null) throw new Error(`Plaza exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`Plaza did not start in time:\n${output}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

async function signUp(url: string, email: string) {
  return request(url)
    .post('/graphql')
    .send({ query: `mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }`, variables: { i: { email, password: PASSWORD, displayName: 'P' } } });
}

describe('the plaza process (npm start)', () => {
  jest.setTimeout(120_000);

  it('uses DATABASE_URL, migrates, serves, and shuts down gracefully on SIGTERM', async () => {
    const db = await createTestDatabase();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plaza-proc-'));
    const plaza = await startPlaza({ DATABASE_URL: db.url, PLAZA_DATA_DIR: dataDir });
    try {
      expect(plaza.output()).toContain('Explorer:');
      expect((await request(plaza.url).get('/readyz')).body).toEqual({ status: 'ready' });
      expect((await signUp(plaza.url, uniqueEmail('proc'))).body.data.signUp.user.id).toBeTruthy();
      plaza.child.kill('SIGTERM');
      expect(await plaza.exited).toBe(0);
      const afterStop = await request(plaza.url).get('/healthz').then(r => r.status, () => 'refused');
      expect(afterStop).toBe('refused');
      const lines = plaza.output().split('\n').filter(l => l.startsWith('{'));
      expect(lines.map(l => JSON.parse(l).msg)).toEqual(expect.arrayContaining(['shutting down: draining requests', 'stopped']));
      expect(lines.every(l => typeof JSON.parse(l).time === 'string')).toBe(true);
    } finally {
      plaza.child.kill('SIGKILL');
      await db.drop();
    }
  });

  it('refuses to start with a readable message when a setting is malformed', async () => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', c => (stderr += c));
    const code = await new Promise(resolve => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain('PLAZA_JWT_SECRET is required when NODE_ENV=production');
    expect(stderr).toMatch(/PORT/);
  });

  it('starts an embedded PostgreSQL when DATABASE_URL is unset, keeping data across restarts', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plaza-embedded-'));
    const env = { PLAZA_DATA_DIR: dataDir, PLAZA_EMBEDDED_PG_PORT: String(await freePort()) };
    const email = uniqueEmail('persist');
    const first = await startPlaza(env);
    try {
      expect(first.output()).toContain('embedded PostgreSQL');
      expect((await signUp(first.url, email)).body.data.signUp.user.id).toBeTruthy();
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    } finally {
      first.child.kill('SIGKILL');
    }
    const second = await startPlaza(env);
    try {
      const again = await signUp(second.url, email);
      expect(again.body.errors[0].extensions.code).toBe('CONFLICT');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  it('delivers an event written by one Plaza process to a subscriber on another (LISTEN/NOTIFY on one database)', async () => {
    const writer = await startTestApp();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plaza-proc-'));
    // A second process on the same database: an API-only node (no workers), sharing the secrets.
    const reader = await startPlaza({
      DATABASE_URL: writer.databaseUrl,
      PLAZA_DATA_DIR: dataDir,
      PLAZA_RUN_WORKERS: '0',
      // No fallback poll within the test's wait: only the NOTIFY from the writer can wake the tail.
      PLAZA_EVENT_POLL_MS: '600000',
      PLAZA_JWT_SECRET: writer.app.config.jwtSecret,
      PLAZA_ENCRYPTION_KEY: writer.app.config.encryptionKey,
    });
    const user = await buildUser(writer);
    const client = wsClient(reader.url, user.token);
    try {
      const SUB = `subscription { releaseEvents(types: ["account.api_token_created"]) { type data } }`;
      const live = collect(client, SUB);
      await collect(client, `{ me { id } }`).waitFor(1);
      await new Promise(r => setTimeout(r, 200)); // the tail reads the head cursor on its first pull
      await writer.gql(`mutation { createApiToken(name: "from-the-writer") { secret } }`, {}, user.token);
      const [event] = await live.waitFor(1, 5000);
      expect((event as any).data.releaseEvents).toMatchObject({ type: 'account.api_token_created', data: { name: 'from-the-writer' } });
    } finally {
      await client.dispose();
      reader.child.kill('SIGTERM');
      await reader.exited;
      await writer.close();
    }
  });
});
