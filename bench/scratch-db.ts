import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/db/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/db/embedded';
import { freePort } from '../test/utils/database';

/**
 * A migrated scratch database for one benchmark: on DATABASE_URL's server when set, otherwise on
 * an embedded PostgreSQL in a temporary folder. `close()` drops it (and stops the embedded server).
 */
export async function scratchDatabase(tag: string): Promise<{ url: string; close(): Promise<void> }> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | null = null;
  if (!serverUrl) {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'plaza-bench-'));
    chmodSync(parent, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(parent, 'data'), port: await freePort(), persistent: false });
    serverUrl = embedded.url;
  }
  const name = `plaza_bench_${tag}_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const migrate = createDataSource(u.toString(), { poolSize: 1 });
  await migrate.initialize();
  await migrate.runMigrations();
  await migrate.destroy();
  return {
    url: u.toString(),
    async close() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await embedded?.stop();
    },
  };
}
