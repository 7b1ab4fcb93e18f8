import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { isTransientDatabaseError } from './transient-errors';

// Real errors from a real PostgreSQL (the test server the global setup provides), not hand-made
// objects: the classification must hold for what node-postgres and TypeORM actually throw.
const serverUrl = () => process.env.PLAZA_TEST_SERVER_URL!;

async function errorOf(run: (client: Client) => Promise<unknown>): Promise<unknown> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await run(client);
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => undefined);
  }
  throw new Error('expected an error');
}

describe('isTransientDatabaseError', () => {
  it('retries a statement timeout (57014) and a lock timeout (55P03)', async () => {
    const timeout = await errorOf(async c => {
      await c.query(`SET statement_timeout = '50ms'`);
      await c.query('SELECT pg_sleep(1)');
    });
    expect(timeout).toMatchObject({ code: '57014' });
    expect(isTransientDatabaseError(timeout)).toBe(true);
    const holder = new Client({ connectionString: serverUrl() });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(7261001)');
      const lock = await errorOf(async c => {
        await c.query(`SET lock_timeout = '50ms'`);
        await c.query('SELECT pg_advisory_lock(7261001)');
      });
      expect(lock).toMatchObject({ code: '55P03' });
      expect(isTransientDatabaseError(lock)).toBe(true);
    } finally {
      await holder.end();
    }
  });

  it('retries a refused connection', async () => {
    const client = new Client({ host: '127.0.0.1', port: 1, user: 'x', connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('retries a terminated backend, also when TypeORM wraps it', async () => {
    const source = new DataSource({ type: 'postgres', url: serverUrl(), poolSize: 1 });
    await source.initialize();
    try {
      const [{ pid }] = await source.query('SELECT pg_backend_pid() AS pid');
      const killer = new Client({ connectionString: serverUrl() });
      await killer.connect();
      const running = source.query('SELECT pg_sleep(5)').then(
        () => null,
        (e: unknown) => e,
      );
      await new Promise(r => setTimeout(r, 200));
      await killer.query('SELECT pg_terminate_backend($1)', [pid]);
      await killer.end();
      const error = await running;
      expect(error).toMatchObject({ name: 'QueryFailedError', driverError: expect.objectContaining({ code: '57P01' }) });
      expect(isTransientDatabaseError(error)).toBe(true);
    } finally {
      await source.destroy().catch(() => undefined);
    }
  });

  it('does not retry what fails the same way every time', async () => {
    const syntax = await errorOf(c => c.query(`SELECT 'not a uuid'::uuid`));
    expect(syntax).toMatchObject({ code: '22P02' });
    expect(isTransientDatabaseError(syntax)).toBe(false);
    const jsonb = await errorOf(c => c.query(`SELECT '{"a":"\\u0000"}'::jsonb`));
    expect(jsonb).toMatchObject({ code: '22P05' });
    expect(isTransientDatabaseError(jsonb)).toBe(false);
    let overflow: unknown;
    try {
      const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });
      JSON.stringify(deep(200_000));
    } catch (error) {
      overflow = error;
    }
    expect(overflow).toBeInstanceOf(RangeError);
    expect(isTransientDatabaseError(overflow)).toBe(false);
    expect(isTransientDatabaseError(new TypeError("Cannot read properties of undefined (reading 'entries')"))).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });
});
