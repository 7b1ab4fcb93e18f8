// `npm run bench:rollout`: installations at scale (default 1,000,000, ROLLOUT_INSTALLS to change).
// Seeds users and installations with generate_series, then times: a PATCH rollout to all of
// them, offers for a MAJOR, and upgradeRecommendations for one user; prints the query plans.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { systemContext } from '../src/context';
import { createDataSource } from '../src/db/data-source';
import { scratchDatabase } from './scratch-db';
import { createLoaders } from '../src/loaders';
import { createResolverContainer, createServices } from '../src/services';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { Role } from '../src/shared/auth/roles';

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
    const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', dataDir: '/tmp/plaza-bench-rollout', jwtSecret: 'x'.repeat(40), encryptionKey: '1'.repeat(64) });
    const logger = createLogger('silent');
    const services = createServices(config, dataSource, dbUrl, logger);
    const ctx = () => systemContext(dataSource.manager, logger, createLoaders(dataSource.manager), createResolverContainer(services, config), 'bench');

    const v101 = await version('1.0.1', ['big-app:read']);
    await time('PATCH rollout to every installation (one UPDATE + events)', () => services.upgrades.rolloutInOneTransaction(ctx(), v101));
    const v200 = await version('2.0.0', ['big-app:read', 'big-app:write']);
    await time('MAJOR with a new scope: one offer per installation', () => services.upgrades.rolloutInOneTransaction(ctx(), v200));

    await c.query(`UPDATE extension_versions SET status = 'DEPRECATED' WHERE id = $1`, [v101]);
    await c.query(`INSERT INTO deprecations (version_id, reason, deprecated_by_id) VALUES ($1, 'old', $2)`, [v101, ownerId]);
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
    await c.end();
    await dataSource.destroy();
    await db.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
