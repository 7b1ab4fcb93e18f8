import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import request from 'supertest';
import { Client } from 'pg';
import { createApp, PlazaApp } from '../../src/app';
import { loadConfig, PlazaConfig } from '../../src/config';
import { createLogger, Logger } from '../../src/shared/logger';
import { withDatabase } from './database';
import { ledgerProblems } from './ledger';

/** The ledger checks over a direct connection; a database that cannot be reached (a test broke it on purpose) is not judged. */
async function ledgerProblemsOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000, statement_timeout: 10_000 });
  try {
    await client.connect();
    return await ledgerProblems({ sql: (async (text: string, params?: unknown[]) => (await client.query(text, params)).rows) as TestApp['sql'] });
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') throw error; // a missing ledger table is a real defect
    return [];
  } finally {
    await client.end().catch(() => undefined);
  }
}
import type { Clock } from '../../src/shared/clock';

/** One GraphQL error as the server sends it; `extensions.code` is the stable code clients match on. */
export interface GqlError {
  message: string;
  extensions: Record<string, any>;
  path?: (string | number)[];
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: GqlError[] | undefined;
  headers: Record<string, string>;
}

export interface TestApp {
  app: PlazaApp;
  url: string;
  databaseUrl: string;
  /**
   * POST /graphql through supertest; `token` goes into the Authorization header. Given a typed
   * document (`graphql(...)` from test/generated, `npm run codegen`), the variables and result are typed.
   */
  gql<T, V>(document: TypedDocumentNode<T, V>, variables?: V, token?: string): Promise<GqlResult<T>>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  http(): request.Agent;
  /** Runs SQL against this file's database (for assertions on what was written). */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

function dbUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.PLAZA_TEST_SERVER_URL!;
  const template = process.env.PLAZA_TEST_TEMPLATE!;
  if (!serverUrl || !template) throw new Error('Run the tests through jest (the global setup provides the database)');
  const name = `${template}_f${randomBytes(6).toString('hex')}`;
  await withDatabase(serverUrl, async client => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        // Two workers cloning at the same instant can collide on the template (55006).
        if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
        await new Promise(r => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return {
    url: dbUrl(serverUrl, name),
    drop: () => withDatabase(serverUrl, c => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export function testConfig(overrides: Partial<Record<keyof PlazaConfig, unknown>> = {}): PlazaConfig {
  return loadConfig(
    {},
    {
      nodeEnv: 'test',
      jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
      encryptionKey: '0'.repeat(64),
      dataDir: path.join(os.tmpdir(), 'plaza-test-data'),
      logLevel: process.env.PLAZA_TEST_LOG_LEVEL ?? 'silent',
      ...overrides,
    },
  );
}

/** Starts a full Plaza server (HTTP + WebSocket) on a random port over a fresh database. */
export async function startTestApp(
  overrides: Partial<Record<keyof PlazaConfig, unknown>> = {},
  options: { via?: (databaseUrl: string) => string; logger?: Logger; databaseUrl?: string; clock?: Clock } = {},
): Promise<TestApp> {
  // `databaseUrl` starts another server over an existing test database (it is not dropped on close).
  const db = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config = testConfig(overrides);
  // `via` routes the server's connections elsewhere (a fault-injecting proxy); `databaseUrl` stays direct.
  const app = await createApp({ config, databaseUrl: options.via ? options.via(db.url) : db.url, logger: options.logger ?? createLogger(config.logLevel), clock: options.clock });
  const url = await app.listen(0, '127.0.0.1');
  const agent = () => request(url);
  return {
    app,
    url,
    databaseUrl: db.url,
    gql: (async (document: string | TypedDocumentNode<unknown, unknown>, variables?: unknown, token?: string) => {
      const query = typeof document === 'string' ? document : print(document);
      const req = agent().post('/graphql').set('Content-Type', 'application/json').set('Accept', 'application/json');
      if (token) req.set('Authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body?.data, errors: res.body?.errors, headers: res.headers as Record<string, string> };
    }) as TestApp['gql'],
    http: () => request.agent(url),
    sql: (text, params) => app.dataSource.query(text, params),
    async close() {
      await app.close();
      // Every test file ends with the ledger's invariants (docs/billing.md, "Ledger"), checked on a
      // direct connection to its database (the app's own may run through a fault-injecting proxy).
      const problems = options.databaseUrl ? [] : await ledgerProblemsOf(db.url);
      await db.drop();
      if (problems.length > 0) throw new Error(`The ledger does not balance after this test file:\n${problems.join('\n')}`);
    },
  };
}
