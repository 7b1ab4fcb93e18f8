import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import type { PlazaConfig } from '../config';
import { preparedNameOf } from './prepared';

/**
 * The stated limits on every PostgreSQL connection Plaza opens (the API pool, the job queue's
 * pool, the LISTEN connection). Without them a partition or a half-open connection hangs a
 * request for as long as it lasts, and a session left idle in a transaction by a dead client
 * holds its locks forever (docs/reliability.md).
 */
export interface DbTimeouts {
  connectMs: number;
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
  /** Client side: no reply this late means the connection is dead (see TimeoutAwareClient). */
  queryMs: number;
  keepAliveMs: number;
}

/** The defaults of PlazaConfig, for tools that open a database without a config. */
export const DEFAULT_DB_TIMEOUTS: DbTimeouts = {
  connectMs: 5_000,
  statementMs: 10_000,
  lockMs: 5_000,
  idleInTransactionMs: 10_000,
  queryMs: 12_000,
  keepAliveMs: 10_000,
};

export function dbTimeoutsOf(config: PlazaConfig): DbTimeouts {
  return {
    connectMs: config.dbConnectTimeoutMs,
    statementMs: config.dbStatementTimeoutMs,
    lockMs: config.dbLockTimeoutMs,
    idleInTransactionMs: config.dbIdleInTransactionTimeoutMs,
    queryMs: config.dbQueryTimeoutMs,
    keepAliveMs: config.dbKeepAliveMs,
  };
}

const READ_TIMEOUT = 'Query read timeout';

/**
 * PostgreSQL refuses a prepared statement whose result columns changed under it (a migration
 * altered a table it reads with `*`), on every later execution on that connection.
 */
const isStalePreparedStatement = (error: unknown) =>
  (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test((error as Error).message);

/**
 * A pg Client that drops its connection when a reply is overdue. pg's own `query_timeout` fails
 * the query but keeps the connection, and with it the unanswered query: every later query on that
 * client queues behind it and times out too, so a pool whose connections went silently dead (a
 * half-open failure) never recovers. Destroying the socket makes the pool discard the client and
 * open a fresh one.
 */
export class TimeoutAwareClient extends Client {
  override query(...args: unknown[]): never {
    const onError = (error: unknown) => this.queryFailed(error, args[0]);
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (error: unknown, result: unknown) => void;
      args[last] = (error: unknown, result: unknown) => {
        if (error) onError(error);
        callback(error, result);
      };
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).catch(error => {
        onError(error);
        throw error;
      }) as never;
    }
    return result as never;
  }

  /** A query on this client failed (`query` is its text or config): an overdue reply drops the connection. */
  protected queryFailed(error: unknown, _query: unknown): void {
    if (error instanceof Error && error.message === READ_TIMEOUT) this.drop();
  }

  private drop(): void {
    (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}

/**
 * A TimeoutAwareClient that runs the texts marked with `prepared()` as named statements, which
 * PostgreSQL parses and plans once per connection (prepared.ts). Off behind a pooler that cannot
 * carry them (PLAZA_DB_PREPARED_STATEMENTS=false).
 */
export class PreparingClient extends TimeoutAwareClient {
  /** Statements a migration made stale on this connection, by registry name: the name they run under now. */
  private readonly renamed = new Map<string, string>();

  override query(...args: unknown[]): never {
    const registered = typeof args[0] === 'string' ? preparedNameOf(args[0]) : undefined;
    if (registered) {
      const values = Array.isArray(args[1]) ? (args[1] as unknown[]) : undefined;
      const name = this.renamed.get(registered) ?? registered;
      args = [{ text: args[0], values, name }, ...args.slice(values || args[1] === undefined ? 2 : 1)];
    }
    return super.query(...args);
  }

  /**
   * A statement a migration made stale runs under a new name on this connection from now on,
   * which prepares it afresh (the old one is freed with the connection); only the query that met
   * it fails. A DEALLOCATE here would have to be sent while this query is still in flight.
   */
  protected override queryFailed(error: unknown, query: unknown): void {
    super.queryFailed(error, query);
    const text = (query as { text?: string } | undefined)?.text;
    const registered = text === undefined ? undefined : preparedNameOf(text);
    if (!registered || !isStalePreparedStatement(error)) return;
    this.renamed.set(registered, `${registered}_r${this.renamed.size + 1}`);
  }
}

/**
 * The pg connection options (for pg.Pool or pg.Client) that apply `timeouts`; with
 * `preparedStatements`, the pool's clients keep the statements marked `prepared()` prepared.
 */
export function pgTimeoutOptions(timeouts: DbTimeouts, { preparedStatements = false } = {}) {
  return {
    Client: preparedStatements ? PreparingClient : TimeoutAwareClient,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    query_timeout: timeouts.queryMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: timeouts.keepAliveMs,
  };
}

/**
 * Runs `work` in the caller's transaction with a longer statement timeout (SET LOCAL, so it ends
 * with the transaction) and a matching client-side read timeout, for the few statements that
 * legitimately run long (a rollout to a million installations), instead of a huge global limit.
 */
export async function withLongStatements<T>(manager: EntityManager, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('withLongStatements needs a transaction');
  const client = (await runner.connect()) as { connectionParameters?: { query_timeout?: number | false } };
  await manager.query(`SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`);
  const params = client.connectionParameters;
  const previous = params?.query_timeout;
  if (params) params.query_timeout = timeoutMs + 5_000;
  try {
    return await work();
  } finally {
    if (params) params.query_timeout = previous;
  }
}

interface TrackedPool {
  on(event: 'connect' | 'remove', listener: (client: Client) => void): unknown;
}

/**
 * Remembers a pool's connections so that `dropAll` can cut them at once (used when the
 * database probe finds the database gone: the pool then opens fresh connections as it needs).
 */
export function trackConnections(pool: TrackedPool): { dropAll(): number } {
  const clients = new Set<Client>();
  pool.on('connect', client => clients.add(client));
  pool.on('remove', client => clients.delete(client));
  return {
    dropAll() {
      let dropped = 0;
      for (const client of clients) {
        (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
        dropped++;
      }
      return dropped;
    },
  };
}
