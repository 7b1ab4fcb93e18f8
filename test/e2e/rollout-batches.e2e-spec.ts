import { spawn } from 'node:child_process';
import path from 'node:path';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { publishedExtension } from '../utils/scenarios';
import { startTestApp, type TestApp } from '../utils/test-app';

/**
 * Rollouts in batches with a durable cursor (docs/marketplace.md, "Rollouts"): a process killed
 * with SIGKILL in the middle of a rollout leaves whole batches behind, and the resumed rollout
 * moves and tells every remaining installation exactly once.
 */
describe('rollout batches', () => {
  let t: TestApp;
  const N = 1000;
  beforeAll(async () => {
    t = await startTestApp({ rolloutBatchSize: 200 });
  }, 60_000);
  afterAll(() => t?.close());

  const ctx = () => systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container);

  /** A published extension with `n` installations of its 1.0.0 (bulk setup in SQL), and a published `next` (no job: the test runs the rollout). */
  async function fleet(tag: string, n: number, next: string) {
    const { appId, extensionId, versionId, dev } = await publishedExtension(t, { appId: `batch-${tag}` });
    await t.sql(`INSERT INTO users (email, display_name, password_hash) SELECT $2 || g || '@batch.test', 'B', 'x' FROM generate_series(1, $1) g`, [n, tag]);
    await t.sql(
      `INSERT INTO installations (extension_id, version_id, owner_user_id, granted_scopes, source, placement, installed_by_id)
       SELECT v.extension_id, v.id, u.id, coalesce(ARRAY(SELECT jsonb_array_elements_text(v.manifest -> 'capabilities')), '{}'), 'USER', 'MIDDLE_LIST', u.id
         FROM users u, extension_versions v WHERE u.email LIKE $2 || '%@batch.test' AND v.id = $1`,
      [versionId, tag],
    );
    const [v] = await t.sql(`SELECT * FROM extension_versions WHERE id = $1`, [versionId]);
    const [{ id }] = await t.sql(
      `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id, published_at)
       VALUES ($1, $2, 'PUBLISHED', 'UPLOAD', $3, $4, $5, now()) RETURNING id`,
      [extensionId, next, v.package_sha256, { ...v.manifest, version: next }, dev.id],
    );
    return { appId, extensionId, target: id as string };
  }

  async function counts(appId: string, extensionId: string, target: string) {
    const [row] = await t.sql(
      `SELECT (SELECT count(*) FROM installations WHERE extension_id = $1 AND version_id = $2)::int AS moved,
              (SELECT count(*) FROM platform_events WHERE type = 'installation.upgraded' AND app_id = $3)::int AS events,
              (SELECT count(DISTINCT subject_id) FROM platform_events WHERE type = 'installation.upgraded' AND app_id = $3)::int AS subjects,
              (SELECT moved FROM rollouts WHERE version_id = $2) AS recorded,
              (SELECT state FROM rollouts WHERE version_id = $2) AS state`,
      [extensionId, target, appId],
    );
    return row as { moved: number; events: number; subjects: number; recorded: number | null; state: string | null };
  }

  it('a process killed with SIGKILL mid-rollout: the resume moves and tells each installation exactly once', async () => {
    const { appId, extensionId, target } = await fleet('kill', N, '1.0.1');
    const trace = (m: string) => process.env.ROLLOUT_TRACE && process.stderr.write(`${new Date().toISOString()} ${m}\n`);
    trace('fleet ready');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '../utils/rollout-child.ts')], {
      env: { ...process.env, ROLLOUT_DATABASE_URL: t.databaseUrl, ROLLOUT_VERSION_ID: target, ROLLOUT_BATCH: '50', ROLLOUT_PAUSE_MS: '40' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.stderr.on('data', chunk => (err += chunk));
    const exited = new Promise<number | null>(resolve => child.on('exit', (code, signal) => resolve(signal ? null : code)));
    const deadline = Date.now() + 240_000;
    // Kill it once several batches have committed, well before the 20 it needs.
    while ((out.match(/^batch /gm)?.length ?? 0) < 5) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the child rollout did not get going: ${out} ${err}`);
      await new Promise(r => setTimeout(r, 20));
    }
    trace('killing');
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    trace('killed');
    expect(out).not.toContain('done');

    const atKill = await counts(appId, extensionId, target);
    // Whole batches only: what moved is what was told and what the cursor row recorded.
    expect(atKill.moved).toBeGreaterThanOrEqual(250);
    expect(atKill.moved).toBeLessThan(N);
    expect(atKill).toEqual({ moved: atKill.moved, events: atKill.moved, subjects: atKill.moved, recorded: atKill.moved, state: 'ACTIVE' });

    // The job runs again (same code as the retry after a crash): it continues after the cursor.
    const resumed = await t.app.services.upgrades.rollout(ctx(), target);
    trace('resumed');
    expect(resumed).toEqual({ moved: N - atKill.moved, offered: 0 });
    expect(await counts(appId, extensionId, target)).toEqual({ moved: N, events: N, subjects: N, recorded: N, state: 'COMPLETED' });
    const [{ twice }] = await t.sql(
      `SELECT count(*)::int AS twice FROM (SELECT subject_id FROM platform_events WHERE type = 'installation.upgraded' AND app_id = $1 GROUP BY subject_id HAVING count(*) > 1) d`,
      [appId],
    );
    expect(twice).toBe(0);
    // Every moved installation remembers where it came from (a rollback returns it there).
    const [{ remembered }] = await t.sql(`SELECT count(*)::int AS remembered FROM installations WHERE version_id = $1 AND rolled_from_version_id IS NOT NULL`, [target]);
    expect(remembered).toBe(N);
    // Re-running a completed rollout moves nobody.
    expect(await t.app.services.upgrades.rollout(ctx(), target)).toEqual({ moved: 0, offered: 0 });
  }, 400_000);

  it('two runners of the same rollout at once share the work without moving anyone twice', async () => {
    const { appId, extensionId, target } = await fleet('twin', 1000, '1.0.1');
    const [a, b] = await Promise.all([t.app.services.upgrades.rollout(ctx(), target), t.app.services.upgrades.rollout(ctx(), target)]);
    expect(a.moved + b.moved).toBe(1000);
    expect(await counts(appId, extensionId, target)).toEqual({ moved: 1000, events: 1000, subjects: 1000, recorded: 1000, state: 'COMPLETED' });
    const [{ batches }] = await t.sql(`SELECT batches FROM rollouts WHERE version_id = $1`, [target]);
    // PLAZA_ROLLOUT_BATCH_SIZE 200: at least five batches, each its own transaction.
    expect(batches).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
