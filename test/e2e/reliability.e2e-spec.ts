import { rolloutQueue } from '../../src/modules/installs/upgrades.service';
import request from 'supertest';
import type { RequestContext } from '../../src/context';
import { HealthMonitor } from '../../src/shared/health';
import { buildAdmin, buildUser, TestUser } from '../utils/factories';
import { startTestApp, TestApp } from '../utils/test-app';
import { TcpProxy } from '../utils/tcp-proxy';
import { expectCode } from '../utils/expect-code';

const MARKET = `{ marketplace(first: 5) { totalCount } }`;
const ME = `{ me { id email } }`;
const FAILED = `query($q: String) { failedJobs(queue: $q) { totalCount nodes { id queue subjectType subjectId error attempts retryLimit createdAt startedAt failedAt } } }`;
const RETRY = `mutation($id: ID!) { retryFailedJob(id: $id) { id queue attempts } }`;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Both POST paths: the JSON fast path, and Express (which takes any request with a Content-Encoding). */
function post(url: string, path: 'fast' | 'express', query: string, token?: string) {
  const req = request(url).post('/graphql').set('Content-Type', 'application/json').set('Accept', 'application/json');
  if (path === 'express') req.set('Content-Encoding', 'identity');
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req.send({ query });
}

describe('database outages (through a fault-injecting TCP proxy)', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let user: TestUser;

  beforeAll(async () => {
    const server = new URL(process.env.PLAZA_TEST_SERVER_URL!);
    proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
    await proxy.start();
    t = await startTestApp(
      {
        dbConnectTimeoutMs: 1000,
        dbStatementTimeoutMs: 1000,
        dbQueryTimeoutMs: 1500,
        dbLockTimeoutMs: 500,
        dbIdleInTransactionTimeoutMs: 2000,
        readyzTimeoutMs: 500,
        retryAfterSeconds: 7,
        dbProbeIntervalMs: 250,
        dbProbeTimeoutMs: 500,
      },
      { via: url => proxy.urlFor(url) },
    );
    user = await buildUser(t);
  });
  afterAll(async () => {
    proxy.heal();
    await t?.close();
    await proxy?.stop();
  });

  it('answers SERVICE_UNAVAILABLE, 503 and Retry-After quickly during a partition, public and authenticated, on both POST paths, and recovers without a restart', async () => {
    expect((await post(t.url, 'fast', MARKET)).status).toBe(200);
    proxy.partition();
    try {
      for (const path of ['fast', 'express'] as const) {
        for (const [query, token] of [
          [MARKET, undefined],
          [ME, user.token],
        ] as const) {
          const started = Date.now();
          const res = await post(t.url, path, query, token);
          const ms = Date.now() - started;
          expect({ path, query, status: res.status }).toEqual({ path, query, status: 503 });
          expect(res.headers['retry-after']).toBe('7');
          expect(res.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: 7 });
          // Bounded by the read/connect timeouts (1.5 s / 1 s), not by the partition.
          expect(ms).toBeLessThan(4000);
        }
      }
      // Once the probe has seen the database gone twice, requests are refused at once.
      const fast = await until('requests to be refused at once', async () => {
        const begun = Date.now();
        const res = await post(t.url, 'fast', ME, user.token);
        return res.status === 503 && Date.now() - begun < 300 && res;
      }, 10_000);
      expect(fast.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      const started = Date.now();
      const ready = await request(t.url).get('/readyz');
      expect(ready.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(300);
      // The process itself is fine: liveness stays green through an outage.
      expect((await request(t.url).get('/healthz')).status).toBe(200);
    } finally {
      proxy.heal();
    }
    await until('the API to answer again', async () => (await post(t.url, 'fast', ME, user.token)).status === 200);
    await until('/readyz to turn ready', async () => (await request(t.url).get('/readyz')).status === 200);
    const market = await post(t.url, 'express', MARKET);
    expect(market.status).toBe(200);
    expect(market.body.data.marketplace.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('recovers by itself from a half-open failure (every existing connection silently dead)', async () => {
    // Fill the pool with live connections first, so the failure hits them.
    await Promise.all(Array.from({ length: 8 }, () => post(t.url, 'fast', ME, user.token)));
    expect(proxy.halfOpen()).toBeGreaterThan(0);
    const started = Date.now();
    await until('a request to succeed after the half-open failure', async () => (await post(t.url, 'fast', ME, user.token)).status === 200, 30_000);
    // Dead connections are found by the read timeout (1.5 s) and replaced.
    expect(Date.now() - started).toBeLessThan(15_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => post(t.url, 'fast', ME, user.token)));
    expect(results.map(r => r.status)).toEqual(results.map(() => 200));
  });

  it('survives the proxy restarting (a 300 ms blip)', async () => {
    await proxy.restart(300);
    await until('the API to answer after the blip', async () => (await post(t.url, 'fast', ME, user.token)).status === 200, 15_000);
    expect((await request(t.url).get('/healthz')).status).toBe(200);
  });
});

describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ dbPoolSize: 2, readyzTimeoutMs: 300, healthzPoolStallSeconds: 1 });
  });
  afterAll(() => t?.close());

  it('/readyz answers 503 within its deadline when no connection comes, and /healthz fails once the pool is wedged', async () => {
    const runners = [t.app.dataSource.createQueryRunner(), t.app.dataSource.createQueryRunner()];
    await Promise.all(runners.map(r => r.connect()));
    try {
      const started = Date.now();
      const ready = await request(t.url).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.reason).toMatch(/did not answer within 300 ms/);
      expect(Date.now() - started).toBeLessThan(1000);
      // A waiter queued and no connection returned: after the stall threshold, liveness fails.
      const waiting = t.app.dataSource.query('SELECT 1').catch(() => undefined);
      const health = await until('/healthz to report the wedged pool', async () => {
        const res = await request(t.url).get('/healthz');
        return res.status === 503 && res;
      }, 5000);
      expect(health.body.reasons.join()).toMatch(/database pool wedged/);
      await Promise.all(runners.map(r => r.release()));
      await waiting;
    } finally {
      await Promise.all(runners.map(r => (r.isReleased ? undefined : r.release())));
    }
    await until('/healthz to recover', async () => (await request(t.url).get('/healthz')).status === 200, 5000);
    expect((await request(t.url).get('/readyz')).status).toBe(200);
  });

  it('counts the event loop as wedged only when every sample of the window is late', async () => {
    const monitor = new HealthMonitor(null, { maxLoopDelayMs: 200, poolStallSeconds: 30, windowMs: 600, sampleMs: 50 });
    monitor.start();
    try {
      await sleep(300);
      expect(monitor.verdict().healthy).toBe(true);
      // The loop runs only in 300 ms slices for longer than the window: every sample is late.
      const end = Date.now() + 900;
      while (Date.now() < end) {
        const slice = Date.now() + 300;
        while (Date.now() < slice) {
          /* the event loop is busy */
        }
        await new Promise(resolve => setImmediate(resolve));
      }
      const wedged = monitor.verdict();
      expect(wedged.healthy).toBe(false);
      expect(wedged.reasons[0]).toMatch(/event loop delayed/);
      // Normal ticks again: once the late sample leaves the window, healthy.
      await sleep(800);
      expect(monitor.verdict().healthy).toBe(true);
      // A single spike among on-time samples does not fail the probe (no flapping).
      await sleep(300);
      const spike = Date.now() + 300;
      while (Date.now() < spike) {
        /* a short block */
      }
      await sleep(60);
      expect(monitor.verdict().healthy).toBe(true);
    } finally {
      monitor.stop();
    }
  });
});

describe('failed jobs: bounded retries and the dead-letter view', () => {
  let t: TestApp;
  let admin: TestUser;
  let stranger: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await buildAdmin(t);
    stranger = await buildUser(t);
  });
  afterAll(() => t?.close());

  const enqueue = (data: { versionId: string }, options: { retryLimit: number; retryDelay: number }) =>
    t.app.dataSource.transaction(manager =>
      t.app.services.jobs.sendInTransaction({ manager } as RequestContext, rolloutQueue, data, options),
    );

  it('fails a job for good after its retries, lists it for admins only, and retries it on request (audited)', async () => {
    // A rollout of a version id that is not a uuid throws on every attempt.
    await enqueue({ versionId: 'not-a-uuid' }, { retryLimit: 1, retryDelay: 0 });
    t.app.services.jobs.wake(rolloutQueue);
    const failed = await until('the job to fail for good', async () => {
      const res = await t.gql(FAILED, { q: 'rollout-version' }, admin.token);
      return res.data?.failedJobs.nodes[0];
    });
    expect(failed).toMatchObject({ queue: 'rollout-version', subjectType: 'ExtensionVersion', subjectId: 'not-a-uuid', attempts: 2, retryLimit: 1 });
    expect(failed.error).toMatch(/invalid input syntax for type uuid/);
    expect(new Date(failed.failedAt).getTime()).toBeGreaterThanOrEqual(new Date(failed.startedAt).getTime());
    // Nothing retries it any more.
    await sleep(1500);
    const [row] = await t.sql(`SELECT state, retry_count FROM pgboss.job WHERE id = $1`, [failed.id]);
    expect(row).toEqual({ state: 'failed', retry_count: 1 });

    const anonymous = await t.gql(FAILED, {});
    expectCode(anonymous, 'UNAUTHENTICATED');
    const forbidden = await t.gql(FAILED, {}, stranger.token);
    expectCode(forbidden, 'FORBIDDEN');
    expectCode(await t.gql(RETRY, { id: failed.id }, stranger.token), 'FORBIDDEN');
    expectCode(await t.gql(RETRY, { id: failed.id }), 'UNAUTHENTICATED');
    expectCode(await t.gql(RETRY, { id: '00000000-0000-4000-8000-000000000000' }, admin.token), 'NOT_FOUND');
    expectCode(await t.gql(RETRY, { id: 'nope' }, admin.token), 'NOT_FOUND');

    const retried = await t.gql(RETRY, { id: failed.id }, admin.token);
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.retryFailedJob).toEqual({ id: failed.id, queue: 'rollout-version', attempts: 2 });
    const audit = await t.sql(`SELECT action, target_id FROM audit_entries WHERE action = 'job.retry'`);
    expect(audit).toEqual([{ action: 'job.retry', target_id: failed.id }]);
    // One more attempt, which fails again: attempts 3, failed again.
    const refailed = await until('the retried job to fail again', async () => {
      const res = await t.gql(FAILED, { q: 'rollout-version' }, admin.token);
      const node = res.data?.failedJobs.nodes.find((n: { id: string }) => n.id === failed.id);
      return node?.attempts === 3 && node;
    });
    expect(refailed.attempts).toBe(3);
  });

  it('retries a job whose worker died once its expiry passes (no heartbeat), within a minute', async () => {
    // An active job whose worker is gone: started 40 s ago, expiring after 30 s, nobody renewing it.
    const [{ id }] = await t.sql(
      `INSERT INTO pgboss.job (name, data, state, started_on, expire_in, retry_limit, retry_delay)
       VALUES ('announce-sunsets', '{}', 'active', now() - interval '40 seconds', interval '30 seconds', 2, 0) RETURNING id`,
    );
    const started = Date.now();
    await until('the interrupted job to be retried and complete', async () => {
      const rows = await t.sql(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
      return rows[0]?.state === 'completed';
    }, 40_000);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it("leaves no rejection unhandled when pg-boss's own worker records an outcome without awaiting it", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const boss = (t.app.services.jobs as unknown as { boss: { complete(queue: string, id: string): Promise<unknown> } }).boss;
      // What pg-boss's internal cron worker does: fire and forget. This one is refused by PostgreSQL.
      void boss.complete('rollout-version', 'not-a-uuid');
      await sleep(500);
      expect(unhandled).toEqual([]);
      // Awaiting callers still see the failure.
      await expect(boss.complete('rollout-version', 'not-a-uuid')).rejects.toThrow(/uuid/);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('renews a running job (heartbeat) so that a job longer than its expiry is not retried under it', async () => {
    const jobs = t.app.services.jobs as unknown as { renew(queue: string, id: string, seconds: number): Promise<void> };
    const [{ id }] = await t.sql(
      `INSERT INTO pgboss.job (name, data, state, started_on, expire_in, retry_limit)
       VALUES ('webhook-sweep', '{}', 'active', now() - interval '25 seconds', interval '30 seconds', 0) RETURNING id`,
    );
    await jobs.renew('webhook-sweep', id, 30);
    const [row] = await t.sql(`SELECT extract(epoch FROM (started_on + expire_in) - now())::int AS left FROM pgboss.job WHERE id = $1`, [id]);
    // Expires 30 s from now, not 5 s from now.
    expect(row.left).toBeGreaterThanOrEqual(28);
    await t.sql(`DELETE FROM pgboss.job WHERE id = $1`, [id]);
  });
});
