import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MigrationExecutor } from 'typeorm/migration/MigrationExecutor';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming';
import { QueryCountingLogger } from './query-counter';
import { DEFAULT_DB_TIMEOUTS, DbTimeouts, pgTimeoutOptions } from './timeouts';

/**
 * The TypeORM DataSource for a database URL. `synchronize` is never on: the schema comes from
 * the migrations in migrations/ alone. Every connection carries the stated timeouts (timeouts.ts).
 */
export function createDataSource(
  url: string,
  options: { poolSize?: number; applicationName?: string; timeouts?: Partial<DbTimeouts>; preparedStatements?: boolean } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: ['query'],
    logger: new QueryCountingLogger(),
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'plaza',
      ...pgTimeoutOptions({ ...DEFAULT_DB_TIMEOUTS, ...options.timeouts }, { preparedStatements: options.preparedStatements ?? true }),
    },
  });
}

/**
 * Applies pending migrations on one session whose statement and read timeouts are raised to
 * `timeoutMs`: a migration rewriting a large table legitimately runs longer than a request.
 */
export async function runMigrations(dataSource: DataSource, timeoutMs: number): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as { connectionParameters?: { query_timeout?: number | false } };
    await runner.query(`SET statement_timeout = ${Math.floor(timeoutMs)}`);
    if (client.connectionParameters) client.connectionParameters.query_timeout = timeoutMs + 5_000;
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map(m => m.name);
  } finally {
    // The session's raised limits must not go back into the pool.
    await (runner as unknown as { releasePostgresConnection(err: Error): Promise<void> })
      .releasePostgresConnection(new Error('migration session is not reused'))
      .catch(() => undefined);
  }
}
