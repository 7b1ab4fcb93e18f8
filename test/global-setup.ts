import { mkdtempSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { freePort, withDatabase } from './utils/database';

/**
 * Provides the PostgreSQL server for the run (TEST_DATABASE_URL, or an embedded server in a
 * temporary folder) and builds a template database by running the real migrations. Workers
 * read the addresses from the environment.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'plaza-test-pg-'));
    chmodSync(parent, 0o777); // the postgres user creates the data folder inside it when run as root
    const port = await freePort();
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(parent, 'data'), port, persistent: false });
    (globalThis as Record<string, unknown>).__PLAZA_EMBEDDED_PG__ = embedded;
    serverUrl = embedded.url;
    process.env.PLAZA_TEST_EMBEDDED = '1';
  }
  const template = `plaza_template_${process.pid}`;
  await withDatabase(serverUrl, async (client: Client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template}`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  const dataSource = createDataSource(withName(serverUrl, template), { poolSize: 1 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  // pg-boss installs its own schema on first start; install it once here (its own SQL) so every
  // clone already has it.
  await withDatabase(serverUrl, client => client.query(PgBoss.getConstructionPlans('pgboss')), template);
  process.env.PLAZA_TEST_SERVER_URL = serverUrl;
  process.env.PLAZA_TEST_TEMPLATE = template;
}

export function withName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
