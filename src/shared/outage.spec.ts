import net from 'node:net';
import { Client } from 'pg';
import { isDatabaseUnavailable } from './outage';
import { TimeoutAwareClient } from '../db/timeouts';

/** Real failures from a real PostgreSQL, classified: outages are retryable, everything else is not. */
describe('isDatabaseUnavailable', () => {
  const url = () => process.env.PLAZA_TEST_SERVER_URL!;
  const failureOf = async (work: (client: Client) => Promise<unknown>, options: Record<string, unknown> = {}) => {
    const client = new TimeoutAwareClient({ connectionString: url(), ...options });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await work(client);
    } catch (error) {
      return error;
    } finally {
      await client.end().catch(() => undefined);
    }
    throw new Error('expected a failure');
  };

  it('recognises a statement timeout, a lock timeout and a refused connection', async () => {
    expect(isDatabaseUnavailable(await failureOf(c => c.query(`SET statement_timeout = 50; SELECT pg_sleep(1)`)))).toBe(true);
    const holder = new Client({ connectionString: url() });
    await holder.connect();
    try {
      await holder.query(`BEGIN; SELECT pg_advisory_xact_lock(424242)`);
      const locked = await failureOf(c => c.query(`SET lock_timeout = 50; SELECT pg_advisory_lock(424242)`));
      expect((locked as { code?: string }).code).toBe('55P03');
      expect(isDatabaseUnavailable(locked)).toBe(true);
    } finally {
      await holder.end();
    }
    const closed = await new Promise<number>(resolve => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const refused = await failureOf(async () => undefined, { host: '127.0.0.1', port: closed, connectionString: undefined });
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });

  it('recognises a reply that never comes (read timeout), and drops that connection', async () => {
    const client = new TimeoutAwareClient({ connectionString: url(), query_timeout: 100 });
    const ended = new Promise(resolve => client.once('end', resolve));
    client.on('error', () => undefined);
    await client.connect();
    const error = (await (client as Client).query('SELECT pg_sleep(2)').then(
      () => null,
      (e: Error) => e,
    ))!;
    expect(error.message).toBe('Query read timeout');
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The connection is gone rather than left with the unanswered query queued on it.
    await ended;
  });

  it('leaves the client’s own mistakes and the code’s bugs alone', async () => {
    expect(isDatabaseUnavailable(await failureOf(c => c.query(`SELEC 1`)))).toBe(false);
    expect(isDatabaseUnavailable(await failureOf(c => c.query(`SELECT 'x'::uuid`)))).toBe(false);
    expect(isDatabaseUnavailable(await failureOf(c => c.query(`CREATE TEMP TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (1)`)))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
