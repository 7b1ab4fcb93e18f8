// `npm run bench:ratings`: the marketplace's RATING sort at scale (default 5,000 listed extensions
// and about 200,000 ratings; RATING_EXTENSIONS to change). Seeds with generate_series, then times
// the first page of `marketplace(sort: RATING)` through ListingsService (median of 5) and prints the plan.
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
import { MarketplaceSort } from '../src/modules/listings/listings.service';

const N = Number(process.env.RATING_EXTENSIONS ?? 5_000);

async function main(): Promise<void> {
  const db = await scratchDatabase('ratings');
  const dataSource = createDataSource(db.url, { poolSize: 4 });
  await dataSource.initialize();
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const raters = Math.max(N * 4, 1000);
    await c.query(`INSERT INTO users (email, display_name, password_hash) SELECT 'r' || g || '@bench.test', 'R', 'x' FROM generate_series(1, $1) g`, [raters]);
    await c.query(
      `INSERT INTO extensions (app_id, display_name, category, owner_id) SELECT 'bench-' || g, 'Bench ' || g, 'productivity', (SELECT id FROM users LIMIT 1) FROM generate_series(1, $1) g`,
      [N],
    );
    await c.query(`INSERT INTO listings (extension_id, published_at) SELECT id, now() - random() * interval '300 days' FROM extensions`);
    // 0 to 79 ratings per extension (about 40 on average), 1-5 stars.
    await c.query(
      `INSERT INTO extension_ratings (extension_id, author_user_id, stars)
       SELECT e.id, u.id, 1 + floor(random() * 5)::int
         FROM (SELECT id, row_number() OVER () AS n FROM extensions) e
         JOIN LATERAL (SELECT id FROM users OFFSET (e.n * 7) % ($1 - 80) LIMIT (e.n % 80)) u ON true`,
      [raters],
    );
    await c.query('ANALYZE');
    const [{ n: ratings }] = (await c.query(`SELECT count(*)::int AS n FROM extension_ratings`)).rows;
    console.log(`seeded ${N} listed extensions, ${ratings} ratings`);

    const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', dataDir: '/tmp/plaza-bench-ratings', jwtSecret: 'x'.repeat(40), encryptionKey: '1'.repeat(64) });
    const logger = createLogger('silent');
    const services = createServices(config, dataSource, db.url, logger);
    const ctx = () => systemContext(dataSource.manager, logger, createLoaders(dataSource.manager), createResolverContainer(services, config), 'bench');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await services.listings.marketplace(ctx(), { sort: MarketplaceSort.RATING }, 20);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`marketplace(sort: RATING, first: 20): median ${times[2].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[4].toFixed(1)} ms`);
    const plan = await c.query(
      `EXPLAIN ANALYZE SELECT e.id FROM extensions e JOIN listings l ON l.extension_id = e.id JOIN extension_rating_scores rs ON rs.extension_id = e.id
        WHERE e.system = false AND l.published_at IS NOT NULL ORDER BY rs.bayesian_average DESC, rs.rating_count DESC, l.published_at DESC, e.id LIMIT 21`,
    );
    console.log(plan.rows.map(r => r['QUERY PLAN']).join('\n'));
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
