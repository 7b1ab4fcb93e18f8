import type { Command } from 'commander';

/** `plaza secrets reseal`: after a PLAZA_ENCRYPTION_KEY rotation, every stored secret under the new key. */
export function registerSecretsCommands(program: Command): void {
  const secrets = program.command('secrets').description('secrets stored at rest');
  secrets
    .command('reseal')
    .description('seal every stored secret under the current PLAZA_ENCRYPTION_KEY (old keys in PLAZA_ENCRYPTION_PREVIOUS_KEYS); safe to rerun')
    .action(async () => {
      // Loaded here: other `plaza` commands must start without the server stack.
      /* eslint-disable @typescript-eslint/no-require-imports */
      require('reflect-metadata');
      const { createDataSource } = require('../db/data-source') as typeof import('../db/data-source');
      const { SecretBox } = require('../shared/secret-box') as typeof import('../shared/secret-box');
      const { resealAll } = require('../shared/reseal') as typeof import('../shared/reseal');
      const { cliConfig, cliDatabase } = require('./database') as typeof import('./database');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const config = cliConfig();
      const box = new SecretBox(config.encryptionKey, config.encryptionPreviousKeys);
      const db = await cliDatabase(config);
      const dataSource = createDataSource(db.url, { poolSize: 2, applicationName: 'plaza-cli' });
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
        const result = await resealAll(dataSource, box);
        const total = Object.values(result.resealed).reduce((a, b) => a + b, 0);
        for (const [column, count] of Object.entries(result.resealed)) if (count) console.log(`${column}: ${count} resealed`);
        console.log(`resealed ${total} value(s) under key ${box.currentKeyId}; ${result.current} already current; ${result.unreadable.length} unreadable`);
        if (result.unreadable.length) {
          for (const where of result.unreadable) console.error(`unreadable (no configured key opens it): ${where}`);
          throw new Error('some stored secrets could not be opened: keep the key that sealed them in PLAZA_ENCRYPTION_PREVIOUS_KEYS and run again');
        }
      } finally {
        await dataSource.destroy();
        await db.embedded?.stop();
      }
    });
}
