// `npm run bench:billing`: the billing period close at scale (default 100,000 subscriptions and
// 1,000,000 usage records; BILLING_SUBSCRIPTIONS and BILLING_USAGE to change). Seeds with
// generate_series (half flat monthly, half usage-priced subscriptions, each of its own customer,
// over 100 extensions of 10 developers), then times one `closeDuePeriods` (invoices, lines, ledger,
// events and payouts, all set-based) and reports the process's peak RSS and the database side
// (temp bytes spilled, WAL written, size of the billing tables).
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
import { ManualClock } from '../src/shared/clock';

const SUBSCRIPTIONS = Number(process.env.BILLING_SUBSCRIPTIONS ?? 100_000);
const USAGE = Number(process.env.BILLING_USAGE ?? 1_000_000);

async function main(): Promise<void> {
  const db = await scratchDatabase('billing');
  const dataSource = createDataSource(db.url, { poolSize: 4 });
  await dataSource.initialize();
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const seedStart = performance.now();
    await c.query(`INSERT INTO users (email, display_name, password_hash) SELECT 'dev' || g || '@bench.test', 'Dev ' || g, 'x' FROM generate_series(1, 10) g`);
    await c.query(
      `INSERT INTO extensions (app_id, display_name, category, owner_id)
       SELECT 'paid-' || g, 'Paid ' || g, 'productivity', (SELECT id FROM users ORDER BY email OFFSET g % 10 LIMIT 1) FROM generate_series(1, 100) g`,
    );
    await c.query(
      `INSERT INTO extension_pricing (extension_id, revision, model, interval, price_minor, currency, unit_name, unit_price_minor, included_units, cap_minor, created_by_id)
       SELECT e.id, 1, CASE WHEN n % 2 = 0 THEN 'FLAT' ELSE 'USAGE' END::pricing_model, CASE WHEN n % 2 = 0 THEN 'MONTH' END::billing_interval,
              CASE WHEN n % 2 = 0 THEN 499 + n END, 'EUR', CASE WHEN n % 2 = 1 THEN 'request' END, CASE WHEN n % 2 = 1 THEN 1 + n % 7 END,
              CASE WHEN n % 2 = 1 THEN 10 END, CASE WHEN n % 2 = 1 THEN 50000 END, e.owner_id
         FROM (SELECT id, owner_id, row_number() OVER (ORDER BY app_id) AS n FROM extensions) e`,
    );
    await c.query(`INSERT INTO billing_periods (period_start, period_end) VALUES ('2027-03-01T00:00:00Z', '2027-04-01T00:00:00Z')`);
    await c.query(
      `INSERT INTO billing_subscriptions (installation_id, extension_id, developer_id, customer_user_id, pricing_id, started_at)
       SELECT gen_random_uuid(), p.extension_id, e.owner_id, gen_random_uuid(), p.id, '2027-03-02T00:00:00Z'
         FROM generate_series(1, $1) g
         JOIN (SELECT *, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM extension_pricing) p ON p.n = g % 100
         JOIN extensions e ON e.id = p.extension_id`,
      [SUBSCRIPTIONS],
    );
    const [{ usageSubs }] = (
      await c.query(`SELECT count(*)::int AS "usageSubs" FROM billing_subscriptions s JOIN extension_pricing p ON p.id = s.pricing_id WHERE p.model = 'USAGE'`)
    ).rows;
    // A hash join on a plain equality (the subscription's ordinal), spreading the records evenly.
    await c.query(
      `WITH usage_subs AS (SELECT s.id, (row_number() OVER () - 1)::int AS n FROM billing_subscriptions s
                            JOIN extension_pricing p ON p.id = s.pricing_id WHERE p.model = 'USAGE')
       INSERT INTO billing_usage_records (subscription_id, units, idempotency_key, occurred_at, period_start)
       SELECT u.id, 1 + g % 40, 'k' || g, '2027-03-15T00:00:00Z', '2027-03-01T00:00:00Z'
         FROM (SELECT g, (g % $2)::int AS n FROM generate_series(0, $1 - 1) g) x JOIN usage_subs u ON u.n = x.n`,
      [USAGE, usageSubs],
    );
    await c.query('ANALYZE');
    const [{ subs }] = (await c.query(`SELECT count(*)::int AS subs FROM billing_subscriptions`)).rows;
    const [{ usage }] = (await c.query(`SELECT count(*)::int AS usage FROM billing_usage_records`)).rows;
    console.log(`seeded ${subs} subscriptions and ${usage} usage records in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', dataDir: '/tmp/plaza-bench-billing', jwtSecret: 'x'.repeat(40), encryptionKey: '1'.repeat(64) });
    const logger = createLogger('silent');
    const clock = new ManualClock('2027-04-01T00:10:00Z');
    const services = createServices(config, dataSource, db.url, logger, clock);
    const ctx = systemContext(dataSource.manager, logger, createLoaders(dataSource.manager), createResolverContainer(services, config), 'bench');

    const dbStats = async () =>
      (
        await c.query(
          `SELECT (SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database())::bigint AS temp_bytes, pg_current_wal_lsn() AS lsn`,
        )
      ).rows[0];
    const before = await dbStats();
    let peakRss = process.memoryUsage().rss;
    const baseRss = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
    const start = performance.now();
    const closed = await services.periodClose.closeDuePeriods(ctx);
    const ms = performance.now() - start;
    clearInterval(sampler);
    const after = await dbStats();
    const [{ wal }] = (await c.query(`SELECT pg_wal_lsn_diff($1, $2)::bigint AS wal`, [after.lsn, before.lsn])).rows;
    const sizes = (
      await c.query(
        `SELECT relname, pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c
          WHERE relname IN ('billing_invoices', 'billing_invoice_lines', 'ledger_entries', 'ledger_transactions', 'platform_events', 'billing_usage_records') ORDER BY relname`,
      )
    ).rows;
    const [{ entries }] = (await c.query(`SELECT count(*)::int AS entries FROM ledger_entries`)).rows;
    const [{ unbalanced }] = (await c.query(`SELECT count(*)::int AS unbalanced FROM (SELECT 1 FROM ledger_entries GROUP BY transaction_id, currency HAVING sum(amount_minor) <> 0) x`)).rows;
    console.log(`closed ${JSON.stringify(closed.map(p => ({ period: p.periodStart.toISOString().slice(0, 7), invoices: p.invoices, lines: p.lines, payouts: p.payouts })))}`);
    console.log(`period close: ${(ms / 1000).toFixed(2)} s; ${entries} ledger entries, ${unbalanced} unbalanced transactions`);
    console.log(`process RSS: ${(baseRss / 2 ** 20).toFixed(0)} MiB before, peak ${(peakRss / 2 ** 20).toFixed(0)} MiB during the close`);
    console.log(`database: ${((Number(after.temp_bytes) - Number(before.temp_bytes)) / 2 ** 20).toFixed(1)} MiB temp files, ${(Number(wal) / 2 ** 20).toFixed(0)} MiB WAL`);
    console.log(sizes.map(s => `  ${s.relname}: ${s.size}`).join('\n'));
    const again = performance.now();
    const second = await services.periodClose.closeDuePeriods(ctx);
    console.log(`second run: ${second.length} periods closed in ${((performance.now() - again) / 1000).toFixed(2)} s (nothing due)`);
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
