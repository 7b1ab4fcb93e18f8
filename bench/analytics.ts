// `npm run bench:analytics`: publisher analytics over a year of one extension with 1M installations
// (ANALYTICS_INSTALLATIONS to change). Seeds set-based, in time order as the log grows: the users
// and their installations, a year of installation / upgrade / offer events for them (four
// quarterly releases, half of the installations adopting each), hourly runtime counts per
// version and 5,000 ratings. Then times the rollup (a year's backfill in one run, one day after
// it, the scheduled run) and `extensionAnalytics` by DAY, WEEK and MONTH (p50/p99), and prints
// the plan of one day's read of the event log.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { systemContext } from '../src/context';
import { createDataSource } from '../src/db/data-source';
import { createLoaders } from '../src/loaders';
import { createResolverContainer, createServices } from '../src/services';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { ManualClock } from '../src/shared/clock';
import { Role } from '../src/shared/auth/roles';
import { addDays, Granularity } from '../src/modules/analytics/analytics.service';
import { scratchDatabase } from './scratch-db';

const N = Number(process.env.ANALYTICS_INSTALLATIONS ?? 1_000_000);
const QUERY_RUNS = Number(process.env.ANALYTICS_QUERY_RUNS ?? 200);
const TODAY = '2026-12-01';
const FIRST = addDays(TODAY, -364);
const RELEASE_EVERY = 91;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

async function main(): Promise<void> {
  const db = await scratchDatabase('analytics');
  const dataSource = createDataSource(db.url, { poolSize: 4 });
  await dataSource.initialize();
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query(`SET statement_timeout = 0`);
    await timed(`seed ${N} users and installations`, async () => {
      await c.query(`INSERT INTO users (email, display_name, password_hash) SELECT 'u' || g || '@bench.test', 'U', 'x' FROM generate_series(1, $1) g`, [N]);
      await c.query(`INSERT INTO package_blobs (sha256, size_bytes) VALUES ($1, 1)`, ['0'.repeat(64)]);
      const [{ id: ownerId }] = (await c.query(`SELECT id FROM users ORDER BY email LIMIT 1`)).rows;
      await c.query(`INSERT INTO extensions (app_id, display_name, category, owner_id) VALUES ('big-app', 'Big App', 'productivity', $1)`, [ownerId]);
      await c.query(
        `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id, published_at)
         SELECT e.id, '1.' || r || '.0', 'PUBLISHED', 'UPLOAD', $1, '{}', e.owner_id, $2::date + r * ${RELEASE_EVERY}
           FROM extensions e CROSS JOIN generate_series(0, 3) r`,
        ['0'.repeat(64), FIRST],
      );
      // Installation g is made on day (g * 7919) % 365 of the year; even ones adopt every later
      // release (on day release + g % 30), odd ones stay; one odd in five is uninstalled later.
      await c.query(
        `CREATE TEMP TABLE plan AS
         SELECT u.id AS user_id, u.g::int AS g, ((u.g * 7919) % 365)::int AS made, least(3, ((u.g * 7919) % 365) / ${RELEASE_EVERY})::int AS first_release
           FROM (SELECT id, row_number() OVER (ORDER BY email) AS g FROM users) u`,
      );
      await c.query(
        `INSERT INTO installations (extension_id, version_id, owner_user_id, granted_scopes, source, placement, installed_by_id, installed_at, status)
         SELECT e.id, v.id, p.user_id, '{}', 'USER', 'MIDDLE_LIST', p.user_id, $1::date + p.made, CASE WHEN p.g % 10 = 1 THEN 'UNINSTALLED' ELSE 'ACTIVE' END::install_status
           FROM plan p CROSS JOIN extensions e
           JOIN extension_versions v ON v.extension_id = e.id
            AND v.version = '1.' || CASE WHEN p.g % 2 = 0 THEN least(3, greatest(p.first_release, (364 - p.g % 30) / ${RELEASE_EVERY})) ELSE p.first_release END || '.0'`,
        [FIRST],
      );
    });
    const events = await timed('seed a year of events (one INSERT … SELECT, in time order)', async () => {
      await c.query(
        `INSERT INTO platform_events (type, app_id, version, subject_type, subject_id, data, occurred_at)
         WITH raw AS (
           SELECT 'installation.created' AS type, '1.' || p.first_release || '.0' AS version, p.user_id::text AS subject,
                  jsonb_build_object('source', 'USER') AS data, p.made AS day, p.g
             FROM plan p
           UNION ALL
           SELECT 'installation.upgraded', '1.' || r || '.0', p.user_id::text,
                  jsonb_build_object('fromVersion', '1.' || (r - 1) || '.0', 'toVersion', '1.' || r || '.0', 'automatic', true),
                  r * ${RELEASE_EVERY} + p.g % 30, p.g
             FROM plan p CROSS JOIN generate_series(1, 3) r
            WHERE p.g % 2 = 0 AND r > p.first_release AND r * ${RELEASE_EVERY} + p.g % 30 <= 364
           UNION ALL
           SELECT 'installation.uninstalled', '1.' || p.first_release || '.0', p.user_id::text, '{}'::jsonb, least(364, p.made + 30 + p.g % 60), p.g
             FROM plan p WHERE p.g % 10 = 1
           UNION ALL
           SELECT 'upgrade_offer.created', '1.' || r || '.0', p.user_id::text, '{}'::jsonb, r * ${RELEASE_EVERY} + p.g % 30, p.g
             FROM plan p CROSS JOIN generate_series(1, 3) r
            WHERE p.g % 10 IN (3, 5, 7) AND r > p.first_release AND r * ${RELEASE_EVERY} + p.g % 30 <= 364
           UNION ALL
           SELECT 'upgrade_offer.answered', '1.' || r || '.0', p.user_id::text, jsonb_build_object('accepted', false),
                  least(364, r * ${RELEASE_EVERY} + p.g % 30 + 1), p.g
             FROM plan p CROSS JOIN generate_series(1, 3) r
            WHERE p.g % 10 = 3 AND r > p.first_release AND r * ${RELEASE_EVERY} + p.g % 30 <= 364
         )
         SELECT type, 'big-app', version, 'Installation', subject, data, $1::date + day + make_interval(secs => (g * 37) % 86400) AS at
           FROM raw ORDER BY at`,
        [FIRST],
      );
      return Number((await c.query(`SELECT count(*) AS n FROM platform_events`)).rows[0].n);
    });
    await timed('seed hourly runtime counts and 5,000 ratings', async () => {
      await c.query(
        `INSERT INTO runtime_counts (extension_id, version_id, kind, window_start, window_end, count, received_at)
         SELECT v.extension_id, v.id, k.kind::runtime_count_kind, h, h + interval '1 hour', 1000 + (extract(epoch FROM h)::bigint % 500) * k.f, h + interval '1 hour'
           FROM extension_versions v
           CROSS JOIN (VALUES ('ACTIONS', 10), ('ERRORS', 1)) k(kind, f)
           CROSS JOIN LATERAL generate_series(v.published_at, $1::date + 1 - interval '1 hour', interval '1 hour') h`,
        [TODAY],
      );
      await c.query(
        `INSERT INTO extension_ratings (extension_id, author_user_id, stars, created_at, updated_at)
         SELECT e.id, p.user_id, 1 + p.g % 5, $1::date + p.made + interval '2 days', $1::date + p.made + interval '2 days'
           FROM plan p CROSS JOIN extensions e WHERE p.g <= 5000 AND p.made <= 362`,
        [FIRST],
      );
    });
    // What autovacuum does to a log that grew over a year: BRIN ranges summarized (the index is
    // created WITH autosummarize, so filled ranges are summarized as the log grows), statistics.
    await timed('VACUUM ANALYZE', () => c.query('VACUUM ANALYZE'));
    console.log(`seeded ${N} installations, ${events} events, ${(await c.query(`SELECT count(*) AS n FROM runtime_counts`)).rows[0].n} runtime counts`);

    const clock = new ManualClock(`${TODAY}T12:00:00Z`);
    const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', dataDir: '/tmp/plaza-bench-analytics', jwtSecret: 'x'.repeat(40), encryptionKey: '1'.repeat(64) });
    const logger = createLogger('silent');
    const services = createServices(config, dataSource, db.url, logger, clock);
    const ctx = () => systemContext(dataSource.manager, logger, createLoaders(dataSource.manager), createResolverContainer(services, config), 'bench');

    const year = await timed(`rollup: a year's backfill (${FIRST} to ${TODAY}, one run)`, () => services.analytics.rollup(ctx(), FIRST, TODAY));
    console.log(`  ${year.versionRows} version rows, ${year.extensionRows} extension rows, base ${year.base}`);
    const dayTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await services.analytics.rollup(ctx(), addDays(TODAY, -1), addDays(TODAY, -1));
      dayTimes.push(performance.now() - start);
    }
    dayTimes.sort((a, b) => a - b);
    console.log(`rollup: one day after the backfill (base previous-day): median ${dayTimes[2].toFixed(0)} ms, max ${dayTimes[4].toFixed(0)} ms (5 runs)`);
    await timed('rollupDue: the scheduled run (previous day, yesterday, today)', () => services.analytics.rollupDue(ctx()));
    await c.query(`DELETE FROM analytics_rollup_days WHERE day = $1`, [addDays(TODAY, -2)]);
    await timed('rollup: one day with no previous day (base: installations minus the moves logged since)', () => services.analytics.rollup(ctx(), addDays(TODAY, -1), addDays(TODAY, -1)));

    const [{ owner_id: ownerId }] = (await c.query(`SELECT owner_id FROM extensions WHERE app_id = 'big-app'`)).rows;
    const owner = { ...ctx(), actor: { userId: ownerId, email: 'owner@bench.test', roles: new Set([Role.USER]), via: 'session' as const } };
    for (const granularity of [Granularity.DAY, Granularity.WEEK, Granularity.MONTH]) {
      const times: number[] = [];
      let points = 0;
      for (let i = 0; i < QUERY_RUNS; i++) {
        const start = performance.now();
        const report = await services.analytics.report(owner, { appId: 'big-app', from: FIRST, to: TODAY, granularity });
        times.push(performance.now() - start);
        points = report.points.length + report.versions.reduce((s, v) => s + v.points.length, 0);
      }
      times.sort((a, b) => a - b);
      console.log(`extensionAnalytics(${granularity}, 365 days, ${points} points): p50 ${quantile(times, 0.5).toFixed(1)} ms, p99 ${quantile(times, 0.99).toFixed(1)} ms (${QUERY_RUNS} runs)`);
    }
    const last = (await services.analytics.report(owner, { appId: 'big-app', from: TODAY, to: TODAY, granularity: Granularity.DAY })).points[0];
    console.log(`  on ${TODAY}: ${last.activeInstallations} active installations, ${last.ratingCount} ratings; installations table: ${(await c.query(`SELECT count(*) FILTER (WHERE status = 'ACTIVE') AS n FROM installations`)).rows[0].n} active`);
    const plan = await c.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM platform_events WHERE occurred_at >= $1 AND occurred_at < $2`,
      [new Date(`${addDays(TODAY, -1)}T00:00:00Z`), new Date(`${TODAY}T00:00:00Z`)],
    );
    console.log(`one day's read of the event log:\n${plan.rows.map(r => `  ${r['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await c.end();
    await dataSource.destroy();
    await db.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
