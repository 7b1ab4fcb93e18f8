import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPackageArchive } from '../../src/modules/packages/archive';
import { validManifest, validPackage } from '../fixtures/packages';
import { startTestApp, TestApp } from '../utils/test-app';
import { plaza, plazaAsync } from '../utils/cli';
import { buildDeveloper } from '../utils/factories';
import { packageFor } from '../utils/packages';

function writePackage(files: Map<string, Buffer>, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plaza-cli-pkg-'));
  for (const [name, bytes] of [...files, ...Object.entries(extra).map(([k, v]) => [k, Buffer.from(v)] as const)]) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

describe('plaza validate / pack / publish', () => {
  it('validate prints the text report and exits 0 on a clean package', () => {
    const run = plaza(['validate', writePackage(validPackage())]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Extension: task-board v1.0.0');
    expect(run.stdout).toContain('Tools: 0, Functions: 2, Events: 1');
    expect(run.stdout).toContain('✅ No issues found!');
  });

  it('validate exits 1 on an ERROR, prints each issue with its fix, and --json gives the report', () => {
    // The manifest's description is fine; the code's (which is what runs) is too short.
    const files = validPackage();
    files.set('main.py', Buffer.from(files.get('main.py')!.toString().replace(/description="A task manager[^"]*"/, 'description="Short."')));
    const dir = writePackage(files);
    const run = plaza(['validate', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/ERROR main.py:\d+\s+\[V14\]/);
    expect(run.stdout).toContain('Fix: ');
    expect(run.stdout).toContain('error(s) must be fixed before deployment');
    const json = plaza(['validate', dir, '--json']);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ appId: 'task-board', valid: false });
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'V14', file: 'main.py', source: 'code' })]));
  });

  it('validate checks V31 locally with PLAZA_AUTHOR_ID and the allowlist', () => {
    const dir = writePackage(validPackage(validManifest({ system: true })));
    expect(plaza(['validate', dir], { PLAZA_AUTHOR_ID: 'au_x', PLAZA_FIRST_PARTY_AUTHOR_IDS: 'au_root' }).stdout).toContain('[V31]');
    expect(plaza(['validate', dir], { PLAZA_AUTHOR_ID: 'au_root', PLAZA_FIRST_PARTY_AUTHOR_IDS: 'au_root' }).stdout).not.toContain('[V31]');
  });

  it('validate refuses a package directory holding secrets', () => {
    const run = plaza(['validate', writePackage(validPackage(), { '.env': 'TOKEN=x' })]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('.env');
  });

  it('pack writes a zip without the excluded paths', async () => {
    const dir = writePackage(validPackage(), { '__pycache__/main.cpython-311.pyc': 'x', '.git/HEAD': 'ref', 'notes.bak': 'old' });
    const output = path.join(dir, 'out.zip');
    const run = plaza(['pack', dir, '-o', output]);
    expect(run.status).toBe(0);
    expect(existsSync(output)).toBe(true);
    const checked = await readPackageArchive(output);
    expect([...checked.files.keys()].sort()).toEqual(['icon.svg', 'imperal.json', 'main.py', 'notes.bak']);
    expect(readFileSync(output).length).toBeGreaterThan(100);
  });

  describe('publish', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('packs, uploads, submits and follows validation to the report', async () => {
      const dev = await buildDeveloper(t);
      await t.gql(`mutation { claimExtension(input: { appId: "cli-app", displayName: "CLI App", category: "productivity" }) { id } }`, {}, dev.token);
      const token = (await t.gql(`mutation { createApiToken(name: "cli") { secret } }`, {}, dev.token)).data!.createApiToken.secret;
      const dir = writePackage(packageFor('cli-app', 'CLI App'));
      const run = await plazaAsync(['publish', dir, '--server', t.url, '--token', token]);
      expect(run.stderr).toContain('submitted cli-app 1.0.0');
      expect(run.stderr).toContain('status: PENDING_REVIEW');
      expect(run.stdout).toContain('Extension: cli-app v1.0.0');
      expect(run.status).toBe(0);
      const rows = await t.sql(`SELECT v.status FROM extension_versions v JOIN extensions e ON e.id = v.extension_id WHERE e.app_id = 'cli-app'`);
      expect(rows).toEqual([{ status: 'PENDING_REVIEW' }]);
    });

    it('reports a refusal from the server with its code', async () => {
      const dev = await buildDeveloper(t);
      const token = (await t.gql(`mutation { createApiToken(name: "cli") { secret } }`, {}, dev.token)).data!.createApiToken.secret;
      const run = await plazaAsync(['publish', writePackage(packageFor('unclaimed-app', 'Unclaimed App')), '--server', t.url, '--token', token]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('NOT_FOUND');
    });
  });
});
