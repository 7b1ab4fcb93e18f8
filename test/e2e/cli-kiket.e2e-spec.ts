import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDeveloper } from '../utils/factories';
import { startTestApp, TestApp } from '../utils/test-app';
import { plaza, plazaAsync, ROOT } from '../utils/cli';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'kiket');

/** A Kiket extension folder: .kiket/manifest.yaml (a fixture) and a README. */
function kiketFolder(fixture: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plaza-cli-kiket-'));
  mkdirSync(path.join(dir, '.kiket'));
  writeFileSync(path.join(dir, '.kiket', 'manifest.yaml'), readFileSync(path.join(FIXTURES, fixture)));
  writeFileSync(path.join(dir, 'README.md'), '# Standup Notes\n');
  return dir;
}

describe('plaza validate / publish on a Kiket extension folder', () => {
  it('validate finds .kiket/manifest.yaml by itself and passes the clean fixture', () => {
    const run = plaza(['validate', kiketFolder('valid.yaml')]);
    expect(run.stdout).toContain('Extension: com.example.standup-notes v1.0.0');
    expect(run.stdout).toContain('✅ No issues found!');
    expect(run.status).toBe(0);
  });

  it('validate reports a KIK rule with its line and fix, and exits 1', () => {
    const run = plaza(['validate', kiketFolder('invalid/kik-12-literal-secret.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/ERROR \.kiket\/manifest\.yaml:\d+\s+\[KIK-12\] callback\.secret is written out/);
    expect(run.stdout).toContain('Fix: Write `secret: env.KIKET_WEBHOOK_SECRET`');
  });

  it('validate refuses a folder with no manifest (FORMAT-1)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plaza-cli-empty-'));
    writeFileSync(path.join(dir, 'README.md'), '# nothing\n');
    const run = plaza(['validate', dir, '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).issues.map((i: { rule: string }) => i.rule)).toEqual(['FORMAT-1']);
  });

  describe('publish', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('submits to the app id the Kiket id claims and follows validation', async () => {
      const dev = await buildDeveloper(t);
      await t.gql(`mutation { claimExtension(input: { appId: "com-example-standup-notes", displayName: "Standup Notes", category: "productivity" }) { id } }`, {}, dev.token);
      const token = (await t.gql(`mutation { createApiToken(name: "cli") { secret } }`, {}, dev.token)).data!.createApiToken.secret;
      const run = await plazaAsync(['publish', kiketFolder('valid.yaml'), '--server', t.url, '--token', token]);
      expect(run.stderr).toContain('submitted com-example-standup-notes 1.0.0');
      expect(run.stderr).toContain('status: PENDING_REVIEW');
      expect(run.status).toBe(0);
      const rows = await t.sql(`SELECT e.format, v.status FROM extension_versions v JOIN extensions e ON e.id = v.extension_id WHERE e.app_id = 'com-example-standup-notes'`);
      expect(rows).toEqual([{ format: 'KIKET', status: 'PENDING_REVIEW' }]);
    });
  });
});
