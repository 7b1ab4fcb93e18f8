import request from 'supertest';
import { buildDeveloper, TestUser } from '../utils/factories';
import { TcpProxy } from '../utils/tcp-proxy';
import { assertClaimsDurable, byCode, Cluster, cluster, figure, percentile, PlazaProcess, Sample, sleep, startLoad, until } from './harness';

/**
 * Database outages between a Plaza process and PostgreSQL, injected by a TCP proxy
 * (docs/reliability.md). Plaza runs with its default timeouts.
 */
describe('database outages under load', () => {
  let c: Cluster;
  let proxy: TcpProxy;
  let plaza: PlazaProcess;
  let writers: TestUser[];

  beforeAll(async () => {
    c = await cluster();
    const server = new URL(c.databaseUrl);
    proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
    await proxy.start();
    plaza = await c.plaza({ databaseUrl: proxy.urlFor(c.databaseUrl) });
    await plaza.start();
    const t = c.client(plaza);
    writers = await Promise.all(Array.from({ length: 5 }, () => buildDeveloper(t)));
  });
  afterAll(async () => {
    proxy?.heal();
    await c?.close();
    await proxy?.stop();
  });

  /** Polls /readyz every 200 ms; returns the transitions seen. */
  function watchReadiness() {
    const seen: { at: number; status: number; ms: number }[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const start = Date.now();
        const status = await request(plaza.url)
          .get('/readyz')
          .timeout(10_000)
          .then(
            r => r.status,
            () => 0,
          );
        seen.push({ at: start, status, ms: Date.now() - start });
        await sleep(200);
      }
    })();
    return {
      seen,
      async stop() {
        running = false;
        await loop;
        return seen;
      },
    };
  }

  it('a 10 s partition: /readyz flips and back, clients get a fast retryable error, Plaza recovers without a restart, nothing is lost', async () => {
    const pid = plaza.pid;
    const load = startLoad(plaza.url, writers, 10);
    const readiness = watchReadiness();
    await sleep(5000);
    const cutAt = Date.now();
    proxy.partition();
    await sleep(10_000);
    const healedAt = Date.now();
    proxy.heal();
    await sleep(15_000);
    const samples = await load.stop();
    const ready = await readiness.stop();

    const during = samples.filter(s => s.start >= cutAt && s.start < healedAt);
    // After the probe has noticed (two failed probes, each up to 2 s), requests are refused at once.
    const settled = during.filter(s => s.start >= cutAt + 5000);
    const firstFast = during.find(s => s.code === 'SERVICE_UNAVAILABLE' && s.ms < 200);
    const after = samples.filter(s => s.start >= healedAt);
    const firstOk = after.find(s => s.code === 'ok');
    const notReady = ready.filter(r => r.at >= cutAt && r.status === 503);
    const readyAgain = ready.find(r => r.at >= healedAt && r.status === 200);
    figure('partition.requests_during_cut', during.length);
    figure('partition.codes_during_cut', byCode(during));
    figure('partition.latency_during_cut_ms', { p50: percentile(during.map(s => s.ms), 50), p99: percentile(during.map(s => s.ms), 99), max: Math.max(...during.map(s => s.ms)) });
    figure('partition.latency_settled_ms', { p50: percentile(settled.map(s => s.ms), 50), p99: percentile(settled.map(s => s.ms), 99) });
    figure('partition.cut_to_first_fast_503_ms', firstFast ? firstFast.start + firstFast.ms - cutAt : null);
    figure('partition.readyz_not_ready_from_ms', notReady.length ? notReady[0].at - cutAt : null);
    figure('partition.readyz_max_ms', Math.max(...ready.map(r => r.ms)));
    figure('partition.heal_to_first_ok_ms', firstOk ? firstOk.start + firstOk.ms - healedAt : null);
    figure('partition.heal_to_ready_ms', readyAgain ? readyAgain.at - healedAt : null);
    figure('partition.codes_after_heal', byCode(after));

    // Every failure is the retryable outage code: never a 500 or a 200 with an internal error.
    expect(Object.keys(byCode(samples)).filter(code => code !== 'ok' && code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(during.filter(s => s.code === 'SERVICE_UNAVAILABLE').every(s => s.status === 503)).toBe(true);
    // Fast: once settled every request is answered 503 at once; nothing waits longer than the read timeout.
    expect(settled.length).toBeGreaterThan(50);
    expect(settled.every(s => s.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(percentile(settled.map(s => s.ms), 99)).toBeLessThan(500);
    expect(Math.max(...samples.map(s => s.ms))).toBeLessThan(13_000);
    // /readyz: not ready during, ready after, and never slower than its deadline (2 s) plus slack.
    expect(notReady.length).toBeGreaterThan(0);
    expect(readyAgain).toBeDefined();
    expect(Math.max(...ready.map(r => r.ms))).toBeLessThan(3000);
    // Recovered by itself: same process, serving within seconds of the heal.
    expect(plaza.pid).toBe(pid);
    expect(plaza.alive).toBe(true);
    expect(firstOk!.start + firstOk!.ms - healedAt).toBeLessThan(5000);
    expect(after.slice(-50).every(s => s.code === 'ok')).toBe(true);
    figure('partition.acknowledged_writes', await assertClaimsDurable(c.sql, samples));
    // No job stuck: nothing active past its expiry, nothing failed.
    await sleep(1000);
    const jobs = await c.sql.query(`SELECT name, state FROM pgboss.job WHERE state = 'failed' OR (state = 'active' AND started_on + expire_in < now())`);
    expect(jobs.rows).toEqual([]);
  });

  it('a half-open failure (existing connections silently dead, new ones fine): recovers by itself within 30 s, and a second Plaza process is not blocked', async () => {
    const other = await c.plaza();
    await other.start();
    try {
      const load = startLoad(plaza.url, writers, 10, { writeEvery: 1 });
      const otherLoad = startLoad(other.url, writers, 4, { writeEvery: 1 });
      await sleep(3000);
      const cutAt = Date.now();
      const dead = proxy.halfOpen();
      await until('Plaza to serve writes again after the half-open failure', async () => {
        const recent = load.samples.filter(s => s.start > cutAt + 1000);
        return recent.length >= 20 && recent.slice(-20).every(s => s.code === 'ok');
      }, 45_000, 200);
      const recoveredMs = Date.now() - cutAt;
      await sleep(3000);
      const samples = await load.stop();
      const otherSamples = await otherLoad.stop();
      const otherDuring = otherSamples.filter(s => s.start >= cutAt);
      figure('half_open.dead_connections', dead);
      figure('half_open.recovered_ms', recoveredMs);
      figure('half_open.codes', byCode(samples.filter(s => s.start >= cutAt)));
      figure('half_open.other_process_latency_ms', { p50: percentile(otherDuring.map(s => s.ms), 50), p99: percentile(otherDuring.map(s => s.ms), 99), max: Math.max(...otherDuring.map(s => s.ms)) });
      figure('half_open.other_process_codes', byCode(otherDuring));
      expect(dead).toBeGreaterThan(0);
      expect(recoveredMs).toBeLessThan(30_000);
      // Sessions of dead clients are ended by idle_in_transaction_session_timeout (10 s): the
      // other process's writes wait at most that plus a lock wait, never indefinitely.
      expect(Math.max(...otherDuring.map(s => s.ms))).toBeLessThan(20_000);
      expect(otherDuring.filter(s => s.code === 'ok').length).toBeGreaterThan(0);
      const lingering = await c.sql.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction' AND now() - state_change > interval '15 seconds'`,
      );
      expect(lingering.rows).toEqual([]);
      expect(Object.keys(byCode([...samples, ...otherSamples])).filter(code => !['ok', 'SERVICE_UNAVAILABLE'].includes(code))).toEqual([]);
      expect(plaza.alive).toBe(true);
      figure('half_open.acknowledged_writes', await assertClaimsDurable(c.sql, [...samples, ...otherSamples]));
    } finally {
      await other.stop();
    }
  });

  it('short blips (the proxy restarting: 300 ms five times, 1.5 s three times): the process survives and recovers', async () => {
    const pid = plaza.pid;
    const load = startLoad(plaza.url, writers, 10);
    await sleep(2000);
    for (const ms of [300, 300, 300, 300, 300, 1500, 1500, 1500]) {
      await proxy.restart(ms);
      await sleep(2000);
    }
    await sleep(5000);
    const samples = await load.stop();
    figure('blips.codes', byCode(samples));
    expect(plaza.pid).toBe(pid);
    expect(plaza.alive).toBe(true);
    expect(Object.keys(byCode(samples)).filter(code => !['ok', 'SERVICE_UNAVAILABLE'].includes(code))).toEqual([]);
    expect(samples.slice(-30).every(s => s.code === 'ok')).toBe(true);
    expect(plaza.errors().filter(e => /unhandled|uncaught/.test(e.msg))).toEqual([]);
    figure('blips.acknowledged_writes', await assertClaimsDurable(c.sql, samples));
  });
});

export type { Sample };
