import type { EmbeddedDatabase } from '../src/db/embedded';
import { withDatabase } from './utils/database';

/** Drops the template and every per-file database, then stops the embedded server if any. */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.PLAZA_TEST_SERVER_URL;
  const template = process.env.PLAZA_TEST_TEMPLATE;
  if (serverUrl && template) {
    await withDatabase(serverUrl, async client => {
      const { rows } = await client.query(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [template, `${template}_f%`],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  }
  const embedded = (globalThis as Record<string, unknown>).__PLAZA_EMBEDDED_PG__ as EmbeddedDatabase | undefined;
  await embedded?.stop();
}
