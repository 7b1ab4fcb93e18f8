import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming';
import { QueryCountingLogger } from './query-counter';

/**
 * The TypeORM DataSource for a database URL. `synchronize` is never on: the schema comes from
 * the migrations in migrations/ alone.
 */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
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
    },
  });
}
