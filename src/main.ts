import 'reflect-metadata';
import path from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded';
import { createLogger } from './shared/logger';
import { isDatabaseUnavailable } from './shared/outage';

/** `npm start`: configuration, database (embedded unless DATABASE_URL), server, signals. */
async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // A rejection nobody handled is a bug to log, not a reason to take the API down: every
  // request, subscription and job handles its own failures, so one that slipped through (a
  // library's fire-and-forget call during a database blip) leaves nothing half-done here.
  process.on('unhandledRejection', reason => {
    logger.error({ err: reason, databaseUnavailable: isDatabaseUnavailable(reason) }, 'unhandled promise rejection (kept running)');
  });
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.info({ dataDir: config.embeddedDataDir, port: config.embeddedPgPort }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPgPort, logger });
    databaseUrl = embedded.url;
  }
  const app = await createApp({ config, databaseUrl, logger });
  const url = await app.listen();
  logger.info({ startupMs: Date.now() - started, embedded: !!embedded }, 'Plaza is ready');
  // The two addresses a person needs, plainly, after the JSON logs.
  process.stdout.write(
    `\nPlaza is running (${Date.now() - started} ms).\n` +
      `  GraphQL API:  ${url}/graphql   (POST; WebSocket subscriptions on the same URL)\n` +
      `  Explorer:     ${url}/graphql   (open in a browser)\n` +
      `  Health:       ${url}/healthz  ${url}/readyz  ${url}/metrics\n` +
      (embedded ? `  Database:     embedded PostgreSQL in ${path.relative(process.cwd(), config.embeddedDataDir)}\n\n` : '\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      logger.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await app.close();
      await embedded?.stop();
      logger.info('stopped');
      process.exit(process.exitCode ?? 0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  // A thrown exception nobody caught may have left state half-changed. A lost database
  // connection (an 'error' event of a socket) is safe to survive: the pool and the LISTEN
  // connection reconnect. Anything else is logged and the process stops gracefully, so the
  // supervisor starts a clean one.
  process.on('uncaughtException', error => {
    if (isDatabaseUnavailable(error)) {
      logger.error({ err: error }, 'uncaught database connection error (kept running)');
      return;
    }
    logger.fatal({ err: error }, 'uncaught exception; shutting down');
    process.exitCode = 1;
    void shutdown('uncaughtException');
  });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch(error => {
  console.error('Plaza failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
