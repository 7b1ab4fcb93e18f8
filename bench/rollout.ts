// `npm run bench:rollout`: installations at scale (default 1,000,000, ROLLOUT_INSTALLS to change).
// Seeds users and installations with generate_series, then times, on the same data:
// - the single-statement anchor: a PATCH rollout to every installation as one UPDATE … RETURNING
//   feeding one INSERT of the events, in one transaction;
// - the batched rollout the job runs (short transactions, durable cursor), for the next PATCH;
// during both, concurrent writers (sign-up, install, review decision) with their p50/p99;
// - a kill -9 of a process running the next PATCH's rollout, then a resume, with counts showing
//   each installation moved exactly once and has exactly one `installation.upgraded` event;
// - a staged step (10% of the installations) and its widening to 20%;
// - offers for a MAJOR, and upgradeRecommendations for one user; prints the query plans.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { systemContext, type AuthedContext } from '../src/context';
import { createDataSource } from '../src/db/data-source';
import { scratchDatabase } from './scratch-db';
import { createLoaders } from '../src/loaders';
import { createResolverContainer, createServices } from '../src/services';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { Role } from '../src/shared/auth/roles';
import { ReviewDecision } from '../src/modules/review/review.entities';

const N = Number(process.env.ROLLOUT_INSTALLS ?? 1_000_000);

async function main(): Promise<void> {
  const db = await scratchDatabase('rollout');
  const dbUrl = db.url;
  const dataSource = createDataSource(dbUrl, { poolSize: 4 });
  await dataSource.initialize();
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  const time = async (label: string, work: () => Promise<unknown>) => {
    const start = performance.now();
    const result = await work();
    const ms = performance.now() - start;
    console.log(`${label}: ${(ms / 1000).toFixed(2)} s${result !== undefined ? ` (${JSON.stringify(result)})` : ''}`);
    return result;
  };
  let stopJobs: (() => Promise<void>) | null = null;
  try {
    const manifest = (version: string, scopes: string[]) => JSON.stringify({ app_id: 'big-app', version, capabilities: scopes, lifecycle: { on_upgrade: [] } });
    await time(`seed ${N} users`, async () => {
      await c.query(`INSERT INTO users (email, display_name, password_hash) SELECT 'u' || g || '@bench.test', 'U', 'x' FROM generate_series(1, $1) g`, [N]);
    });
    const [{ id: ownerId }] = (await c.query(`SELECT id FROM users LIMIT 1`)).rows;
    await c.query(`INSERT INTO package_blobs (sha256, size_bytes) VALUES ($1, 1)`, ['0'.repeat(64)]);
    const [{ id: extId }] = (await c.query(`INSERT INTO extensions (app_id, display_name, category, owner_id) VALUES ('big-app', 'Big App', 'productivity', $1) RETURNING id`, [ownerId])).rows;
    const version = async (v: string, scopes: string[]) =>
      (await c.query(
        `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id) VALUES ($1, $2, 'PUBLISHED', 'UPLOAD', $3, $4, $5) RETURNING id`,
        [extId, v, '0'.repeat(64), manifest(v, scopes), ownerId],
      )).rows[0].id as string;
    const v100 = await version('1.0.0', ['big-app:read']);
    await time(`seed ${N} installations`, async () => {
      await c.query(
        `INSERT INTO installations (extension_id, version_id, owner_user_id, granted_scopes, source, placement, installed_by_id)
         SELECT $1, $2, id, '{big-app:read}', 'USER', 'MIDDLE_LIST', id FROM users`,
        [extId, v100],
      );
    });
    await c.query('ANALYZE');
    // The rollout's batch settings may come from the environment, to compare batch targets.
    const rolloutEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('PLAZA_ROLLOUT_BATCH_')));
    const config = loadConfig(rolloutEnv, { nodeEnv: 'test', logLevel: 'silent', dataDir: '/tmp/plaza-bench-rollout', jwtSecret: 'x'.repeat(40), encryptionKey: '1'.repeat(64) });
    const logger = createLogger('silent');
    const services = createServices(config, dataSource, dbUrl, logger);
    // The queue's schema: widening a staged rollout enqueues its job (no worker runs it here; the bench
    // runs the rollout itself).
    await services.jobs.start();
    stopJobs = () => services.jobs.stop();
    const ctx = () => systemContext(dataSource.manager, logger, createLoaders(dataSource.manager), createResolverContainer(services, config), 'bench');

    const as = (userId: string, roles: Role[] = [Role.USER]): AuthedContext =>
      ({ ...ctx(), actor: { userId, email: 'x', roles: new Set([Role.USER, ...roles]), via: 'session' as const } }) as AuthedContext;

    // What the concurrent writers use: a small extension to install, and review cases to decide
    // (enough for every writer phase on an idle machine: 5,000 ran out during the batched pass).
    const [{ id: reviewerId }] = (await c.query(`INSERT INTO users (email, display_name, password_hash) VALUES ('reviewer@bench.test', 'R', 'x') RETURNING id`)).rows;
    const [{ id: smallId }] = (await c.query(`INSERT INTO extensions (app_id, display_name, category, owner_id) VALUES ('small-app', 'Small', 'productivity', $1) RETURNING id`, [ownerId])).rows;
    await c.query(
      `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id) VALUES ($1, '1.0.0', 'PUBLISHED', 'UPLOAD', $2, $3, $4)`,
      [smallId, '0'.repeat(64), JSON.stringify({ app_id: 'small-app', version: '1.0.0', capabilities: ['small-app:read'] }), ownerId],
    );
    await c.query(`INSERT INTO users (email, display_name, password_hash) SELECT 'w' || g || '@bench.test', 'W', 'x' FROM generate_series(1, 20000) g`);
    const installers: string[] = (await c.query(`SELECT id FROM users WHERE email LIKE 'w%@bench.test'`)).rows.map(r => r.id);
    await c.query(`INSERT INTO extensions (app_id, display_name, category, owner_id) VALUES ('review-app', 'Review', 'productivity', $1)`, [ownerId]);
    await c.query(
      `WITH v AS (
         INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id)
         SELECT e.id, '0.0.' || g, 'IN_REVIEW', 'UPLOAD', $1, jsonb_build_object('app_id', 'review-app', 'version', '0.0.' || g), $2
           FROM extensions e, generate_series(1, 20000) g WHERE e.app_id = 'review-app' RETURNING id, extension_id)
       INSERT INTO review_cases (version_id, extension_id, state, assignee_id, due_at) SELECT id, extension_id, 'IN_REVIEW', $3, now() + interval '7 days' FROM v`,
      ['0'.repeat(64), ownerId, reviewerId],
    );
    const cases: string[] = (await c.query(`SELECT id FROM review_cases WHERE state = 'IN_REVIEW' ORDER BY id`)).rows.map(r => r.id);
    await c.query('VACUUM ANALYZE');

    /** Writers that append events, one loop per kind, until `stop` resolves; latencies per kind. */
    let signUps = 0;
    const writers = async (stop: Promise<unknown>) => {
      let done = false;
      void stop.finally(() => (done = true));
      const latencies: Record<string, number[]> = { signUp: [], install: [], reviewDecision: [] };
      let failures = 0;
      const loop = async (kind: string, op: () => Promise<unknown>) => {
        while (!done) {
          const started = performance.now();
          try {
            await op();
            latencies[kind].push(performance.now() - started);
          } catch (error) {
            failures++;
            if (failures < 5) console.error(kind, (error as Error).message);
          }
          await new Promise(r => setTimeout(r, 20));
        }
      };
      await Promise.all([
        loop('signUp', () => services.auth.signUp(ctx(), { email: `s${++signUps}@bench.test`, password: 'correct horse battery staple', displayName: 'S' })),
        loop('install', () => services.installs.install(as(installers.pop()!), { appId: 'small-app', grantedScopes: ['small-app:read'] })),
        loop('reviewDecision', () => services.review.decide(as(reviewerId, [Role.REVIEWER]), cases.pop()!, ReviewDecision.REJECT, 'bench')),
      ]);
      return { latencies, failures };
    };
    const q = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);
    const report = (label: string, w: { latencies: Record<string, number[]>; failures: number }) => {
      const all = Object.values(w.latencies).flat().sort((a, b) => a - b);
      const parts = Object.entries(w.latencies).map(([kind, l]) => {
        const sorted = [...l].sort((a, b) => a - b);
        return `${kind} n=${sorted.length} p50 ${q(sorted, 0.5).toFixed(0)} ms p99 ${q(sorted, 0.99).toFixed(0)} ms max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms`;
      });
      console.log(`  writers during ${label}: all n=${all.length} p50 ${q(all, 0.5).toFixed(0)} ms p99 ${q(all, 0.99).toFixed(0)} ms; failures ${w.failures}\n    ${parts.join('\n    ')}`);
    };
    const phase = async (label: string, work: () => Promise<unknown>) => {
      const started = performance.now();
      const running = work();
      const w = writers(running);
      const result = await running;
      const ms = performance.now() - started;
      const latencies = await w;
      console.log(`${label}: ${(ms / 1000).toFixed(2)} s (${JSON.stringify(result)})`);
      report(label, latencies);
      return ms;
    };

    // Writers alone, for reference.
    await phase('no rollout (writers alone, 5 s)', () => new Promise(r => setTimeout(() => r('idle'), 5000)));
    const v101 = await version('1.0.1', ['big-app:read']);
    const anchorMs = await phase('anchor: PATCH rollout as one statement (UPDATE … RETURNING → INSERT events, one transaction)', () =>
      services.upgrades.rolloutInOneStatement(ctx(), v101),
    );
    await c.query('VACUUM ANALYZE installations');
    const v102 = await version('1.0.2', ['big-app:read']);
    const batchedMs = await phase('batched: PATCH rollout in short transactions with a durable cursor (the job)', async () => {
      const result = await services.upgrades.rollout(ctx(), v102);
      const [{ batches }] = (await c.query(`SELECT batches FROM rollouts WHERE version_id = $1`, [v102])).rows;
      return { ...result, batches };
    });
    console.log(`batched / anchor: ${(batchedMs / anchorMs).toFixed(2)}x (target ≤ 1.3x)`);

    // kill -9 of a process in the middle of a rollout, then a resume.
    await c.query('VACUUM ANALYZE installations');
    const v103 = await version('1.0.3', ['big-app:read']);
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '../test/utils/rollout-child.ts')], {
      env: { ...process.env, ROLLOUT_DATABASE_URL: dbUrl, ROLLOUT_VERSION_ID: v103 },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>(resolve => child.on('exit', () => resolve()));
    const deadline = Date.now() + 600_000;
    const movedSoFar = async () => Number((await c.query(`SELECT coalesce((SELECT moved FROM rollouts WHERE version_id = $1), 0) AS n`, [v103])).rows[0].n);
    while ((await movedSoFar()) < N / 3) {
      if (Date.now() > deadline) throw new Error('the child rollout did not reach a third in 10 minutes');
      await new Promise(r => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    const atKill = await movedSoFar();
    console.log(`kill -9 of the rollout process after ${atKill} committed moves`);
    await time('resume after the kill (the job run again)', () => services.upgrades.rollout(ctx(), v103));
    const [counts] = (
      await c.query(
        `SELECT (SELECT count(*) FROM installations WHERE extension_id = $1 AND version_id = $2)::int AS on_target,
                (SELECT count(*) FROM platform_events WHERE type = 'installation.upgraded' AND app_id = 'big-app' AND version = '1.0.3')::int AS events,
                (SELECT count(DISTINCT subject_id) FROM platform_events WHERE type = 'installation.upgraded' AND app_id = 'big-app' AND version = '1.0.3')::int AS subjects,
                (SELECT count(*) FROM (SELECT subject_id FROM platform_events WHERE type = 'installation.upgraded' AND app_id = 'big-app' AND version = '1.0.3'
                                       GROUP BY subject_id HAVING count(*) > 1) d)::int AS told_twice,
                (SELECT moved FROM rollouts WHERE version_id = $2) AS rollout_moved`,
        [extId, v103],
      )
    ).rows;
    console.log(`after the resume: ${JSON.stringify(counts)} (expected on_target = events = subjects = rollout_moved = ${N}, told_twice = 0)`);
    if (counts.on_target !== N || counts.events !== N || counts.subjects !== N || counts.told_twice !== 0) throw new Error('a rollout resumed after kill -9 moved or told someone twice, or missed someone');

    // A staged rollout: 10% of the installations (by hash bucket), then widened to 20%.
    const v104 = await version('1.0.4', ['big-app:read']);
    await services.upgrades.startRollout(ctx(), v104, { percent: 10, stepPercent: 10, stepEveryHours: 24 });
    await time('staged step: 10% of the installations', () => services.upgrades.rollout(ctx(), v104));
    await services.rollouts.widen(as(ownerId), v104, 20);
    await time('staged step: widened to 20% (the first 10% stay, nobody moves twice)', () => services.upgrades.rollout(ctx(), v104));
    const v200 = await version('2.0.0', ['big-app:read', 'big-app:write']);
    await time('MAJOR with a new scope: one offer per installation (batched)', () => services.upgrades.rollout(ctx(), v200));

    await c.query(`UPDATE extension_versions SET status = 'DEPRECATED' WHERE id = $1`, [v103]);
    await c.query(`INSERT INTO deprecations (version_id, reason, deprecated_by_id) VALUES ($1, 'old', $2)`, [v103, ownerId]);
    await c.query('ANALYZE');
    const [{ id: someone }] = (await c.query(`SELECT id FROM users ORDER BY email DESC LIMIT 1`)).rows;
    const userCtx = { ...ctx(), actor: { userId: someone, email: 'x', roles: new Set([Role.USER]), via: 'session' as const } };
    await services.recommendations.recommendations(userCtx);
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await services.recommendations.recommendations(userCtx);
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    console.log(`upgradeRecommendations for one user among ${N}: median ${runs[10].toFixed(2)} ms over 20 runs`);

    const plan = async (label: string, sql: string, params: unknown[]) => {
      const rows = (await c.query(`EXPLAIN ${sql}`, params)).rows.map(r => r['QUERY PLAN']);
      console.log(`\nplan: ${label}\n  ${rows.join('\n  ')}`);
    };
    await plan(
      'one user’s active installations (recommendations, myInstallations)',
      `SELECT * FROM installations WHERE owner_user_id = $1 AND organization_id IS NULL AND status = 'ACTIVE'`,
      [someone],
    );
    await plan(
      'rollout candidates (installations of one extension on older versions)',
      `SELECT i.id FROM installations i JOIN extension_versions cur ON cur.id = i.version_id
        WHERE i.extension_id = $1 AND i.status = 'ACTIVE' AND i.source <> 'STAGING'
          AND string_to_array(split_part(split_part(cur.version, '+', 1), '-', 1), '.')::int[] < $2::int[]`,
      [extId, [3, 0, 0]],
    );
  } finally {
    await stopJobs?.();
    await c.end();
    await dataSource.destroy();
    await db.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
