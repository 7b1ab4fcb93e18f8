import net from 'node:net';
import { ConfigError, loadConfig, type PlazaConfig } from '../config';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../db/embedded';

function portOpen(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The database a CLI command should use: DATABASE_URL; else the embedded server of a running
 * `npm start` (same data folder and port); else the embedded server started for this command.
 */
export async function cliDatabase(config: PlazaConfig): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  if (await portOpen(config.embeddedPgPort)) {
    return { url: `postgres://plaza:plaza@127.0.0.1:${config.embeddedPgPort}/plaza`, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPgPort });
  return { url: embedded.url, embedded };
}

/** The server's configuration for a command that needs it; a bad setting is a plain error. */
export function cliConfig(): PlazaConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(error.message);
    throw error;
  }
}
