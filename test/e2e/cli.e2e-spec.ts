import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildUser, PASSWORD, uniqueEmail } from '../utils/factories';

const ROOT = path.resolve(__dirname, '../..');

describe('plaza admin create', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const plaza = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin/plaza.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.databaseUrl, PLAZA_DATA_DIR: '/tmp/plaza-cli-test' },
      encoding: 'utf8',
    });

  it('creates a new ADMIN account that can log in', async () => {
    const email = uniqueEmail('cli-admin');
    const run = plaza('admin', 'create', '--email', email, '--password', PASSWORD, '--name', 'Root');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^created .* with role ADMIN/);
    const login = await t.gql(`mutation($i: LoginInput!) { login(input: $i) { user { roles } } }`, { i: { email, password: PASSWORD } });
    expect(login.data!.login.user.roles).toContain('ADMIN');
    const [audit] = await t.sql(`SELECT data FROM audit_entries WHERE action = 'user.grant_role' ORDER BY id DESC LIMIT 1`);
    expect(audit.data).toEqual({ role: 'ADMIN', reason: 'cli' });
  });

  it('promotes an existing account without touching its password', async () => {
    const user = await buildUser(t);
    const run = plaza('admin', 'create', '--email', user.email);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^updated/);
    const [row] = await t.sql(`SELECT roles FROM users WHERE id = $1`, [user.id]);
    expect(row.roles).toEqual(['ADMIN']);
  });

  it('refuses a new account without a password, and a bad email, changing nothing', async () => {
    const email = uniqueEmail('nopass');
    const run = plaza('admin', 'create', '--email', email);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('needs --password');
    expect(await t.sql(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
    const bad = plaza('admin', 'create', '--email', 'not-an-email', '--password', PASSWORD);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('BAD_USER_INPUT');
    const missing = plaza('admin', 'create');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("required option '--email <email>'");
  });
});
