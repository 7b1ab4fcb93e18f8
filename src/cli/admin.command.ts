import type { Command } from 'commander';

/** `plaza admin create`: the first administrators, before anyone can grant a role. */
export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('manage administrators');
  admin
    .command('create')
    .description('create an ADMIN account, or give ADMIN to an existing one')
    .requiredOption('--email <email>', 'the account email')
    .option('--password <password>', 'password for a new account (or set PLAZA_ADMIN_PASSWORD)')
    .option('--name <displayName>', 'display name for a new account', 'Administrator')
    .action(async (options: { email: string; password?: string; name: string }) => {
      // Loaded here, not at the top: the server stack (typeorm, services, GraphQL) takes seconds to
      // load, and every other `plaza` command (validate above all) must start without it.
      /* eslint-disable @typescript-eslint/no-require-imports */
      require('reflect-metadata');
      const { systemContext } = require('../context') as typeof import('../context');
      const { createDataSource } = require('../db/data-source') as typeof import('../db/data-source');
      const { createLoaders } = require('../loaders') as typeof import('../loaders');
      const { createResolverContainer, createServices } = require('../services') as typeof import('../services');
      const { createLogger } = require('../shared/logger') as typeof import('../shared/logger');
      const { DomainError } = require('../shared/errors') as typeof import('../shared/errors');
      const { cliConfig, cliDatabase } = require('./database') as typeof import('./database');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const config = cliConfig();
      const password = options.password ?? process.env.PLAZA_ADMIN_PASSWORD ?? '';
      const logger = createLogger('warn');
      const db = await cliDatabase(config);
      const dataSource = createDataSource(db.url, { poolSize: 2, applicationName: 'plaza-cli' });
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
        const services = createServices(config, dataSource, db.url, logger);
        const ctx = systemContext(dataSource.manager, logger, createLoaders(dataSource.manager), createResolverContainer(services, config), 'cli');
        if (password && password.length < 10) throw new Error('the password must be at least 10 characters');
        const existing = await dataSource.query('SELECT 1 FROM users WHERE email = $1', [options.email.trim().toLowerCase()]);
        if (!existing.length && !password) throw new Error('a new account needs --password (or PLAZA_ADMIN_PASSWORD)');
        const { user, created } = await services.auth.createAdmin(ctx, {
          email: options.email,
          password,
          displayName: options.name,
        });
        console.log(`${created ? 'created' : 'updated'} ${user.email} (${user.id}) with role ADMIN`);
      } catch (error) {
        if (error instanceof DomainError) throw new Error(`${error.code}: ${error.message}`);
        throw error;
      } finally {
        await dataSource.destroy();
        await db.embedded?.stop();
      }
    });
}
