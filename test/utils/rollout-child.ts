// A process that runs one version's rollout and nothing else, so that a test or a benchmark can
// kill it with SIGKILL in the middle (`ROLLOUT_DATABASE_URL`, `ROLLOUT_VERSION_ID`). With
// `ROLLOUT_BATCH` it runs fixed batches of that size and waits `ROLLOUT_PAUSE_MS` between them
// (a test's small rollout then lasts long enough to be killed mid-way); without it, the job's
// own loop (`UpgradesService.rollout`). Prints "batch <moved>" after each committed batch.
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { systemContext } from '../../src/context';
import { createDataSource } from '../../src/db/data-source';
import { createLoaders } from '../../src/loaders';
import { createResolverContainer, createServices } from '../../src/services';
import { createLogger } from '../../src/shared/logger';

async function main(): Promise<void> {
  const url = process.env.ROLLOUT_DATABASE_URL!;
  const versionId = process.env.ROLLOUT_VERSION_ID!;
  const batch = process.env.ROLLOUT_BATCH ? Number(process.env.ROLLOUT_BATCH) : null;
  const pauseMs = Number(process.env.ROLLOUT_PAUSE_MS ?? 0);
  const dataSource = createDataSource(url, { poolSize: 2 });
  await dataSource.initialize();
  const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', dataDir: '/tmp/plaza-rollout-child', jwtSecret: 'x'.repeat(40), encryptionKey: '1'.repeat(64) });
  const logger = createLogger('silent');
  const services = createServices(config, dataSource, url, logger);
  const ctx = () => systemContext(dataSource.manager, logger, createLoaders(dataSource.manager), createResolverContainer(services, config), 'rollout-child');
  if (batch === null) {
    await services.upgrades.rollout(ctx(), versionId);
  } else {
    await services.upgrades.startRollout(ctx(), versionId, null);
    for (;;) {
      const result = await services.upgrades.rolloutBatch(ctx(), versionId, batch);
      process.stdout.write(`batch ${result.moved}\n`);
      if (result.done) break;
      await new Promise(r => setTimeout(r, pauseMs));
    }
  }
  process.stdout.write('done\n');
  await dataSource.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
