import type { Command } from 'commander';

/** `plaza analytics backfill --from … --to …`: computes past days of the publisher analytics rollup (docs/analytics.md). */
export function registerAnalyticsCommands(program: Command): void {
  const analytics = program.command('analytics').description('publisher analytics');
  analytics
    .command('backfill')
    .description('compute the daily analytics rollup for past days (UTC, both included) from the event log; safe to rerun')
    .requiredOption('--from <day>', 'first day, YYYY-MM-DD')
    .option('--to <day>', 'last day, YYYY-MM-DD (default: today, UTC)')
    .action(async (options: { from: string; to?: string }) => {
      // Loaded here: other `plaza` commands must start without the server stack.
      /* eslint-disable @typescript-eslint/no-require-imports */
      require('reflect-metadata');
      const { createDataSource } = require('../db/data-source') as typeof import('../db/data-source');
      const { systemContext } = require('../context') as typeof import('../context');
      const { createLogger } = require('../shared/logger') as typeof import('../shared/logger');
      const { systemClock } = require('../shared/clock') as typeof import('../shared/clock');
      const { AnalyticsService, utcDay } = require('../modules/analytics/analytics.service') as typeof import('../modules/analytics/analytics.service');
      const { cliConfig, cliDatabase } = require('./database') as typeof import('./database');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const config = cliConfig();
      const db = await cliDatabase(config);
      const dataSource = createDataSource(db.url, { poolSize: 2, applicationName: 'plaza-cli' });
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
        const service = new AnalyticsService(systemClock, null, config.dbLongStatementTimeoutMs);
        const noContainer = { get: () => { throw new Error('no resolvers in the CLI'); } };
        const ctx = systemContext(dataSource.manager, createLogger('silent'), {} as never, noContainer, 'cli:analytics-backfill');
        await service.backfill(ctx, options.from, options.to ?? utcDay(systemClock.now()), run =>
          console.log(`${run.from} to ${run.to}: ${run.days} days, ${run.extensionRows} extension rows, ${run.versionRows} version rows`),
        );
      } finally {
        await dataSource.destroy();
        await db.embedded?.stop();
      }
    });
}
