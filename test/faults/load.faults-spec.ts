import { fork } from 'node:child_process';
import path from 'node:path';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { assertClaimsDurable, byCode, Cluster, cluster, figure, INSTALL, percentile, PlazaProcess, publishedExtension, sleep, startLoad } from './harness';

const CLIENTS = Number(process.env.PLAZA_FAULTS_CLIENTS ?? 50);
const SECONDS = Number(process.env.PLAZA_FAULTS_SECONDS ?? 60);
const SUBSCRIBERS = Number(process.env.PLAZA_FAULTS_SUBSCRIBERS ?? 2000);
const ROUNDS = Number(process.env.PLAZA_FAULTS_RACE_ROUNDS ?? 50);

/**
 * Load (docs/reliability.md): CLIENTS clients for SECONDS s, half public reads, half
 * authenticated writes, with SUBSCRIBERS graphql-ws subscribers attached, and ROUNDS rounds of
 * the install race (five concurrent installs by one user) running alongside.
 */
describe('load with subscribers, and the install race in many rounds', () => {
  let c: Cluster;
  let plaza: PlazaProcess;

  beforeAll(async () => {
    c = await cluster();
    plaza = await c.plaza({ env: { PLAZA_WS_MAX_SUBSCRIPTIONS: '5' } });
    await plaza.start();
  });
  afterAll(() => c?.close());

  it(`${CLIENTS} clients for ${SECONDS} s with ${SUBSCRIBERS} subscribers: no error but the expected ones, every acknowledged write durable with one event, one active installation per user`, async () => {
    const t = c.client(plaza);
    const { scopes } = await publishedExtension(t, 'race-app');
    const admin = await buildAdmin(t);
    const writers = await Promise.all(Array.from({ length: 10 }, () => buildDeveloper(t)));
    const racers: TestUser[] = [];
    for (let i = 0; i < ROUNDS; i += 10) racers.push(...(await Promise.all(Array.from({ length: Math.min(10, ROUNDS - i) }, () => buildUser(t)))));

    const child = fork(path.join(__dirname, 'subscribers.ts'), [], {
      execArgv: ['-r', '@swc-node/register'],
      env: { ...process.env, PLAZA_WS_URL: `${plaza.url.replace(/^http/, 'ws')}/graphql`, PLAZA_TOKEN: admin.token, PLAZA_SUBSCRIBERS: String(SUBSCRIBERS), PLAZA_MARKER_APP: 'marker-app' },
    });
    const fromChild = <T>(key: string) =>
      new Promise<T>((resolve, reject) => {
        child.on('message', (m: Record<string, unknown>) => key in m && resolve(m[key] as T));
        child.on('exit', code => reject(new Error(`subscriber process exited with ${code}`)));
      });
    const opened = Date.now();
    await fromChild('ready');
    figure('load.subscribers_opened_ms', { subscribers: SUBSCRIBERS, ms: Date.now() - opened });

    const load = startLoad(plaza.url, writers, CLIENTS);
    const started = Date.now();
    // The race, round after round, alongside the load: five installs at once by one user.
    const raceResults: { user: string; ids: string[]; codes: string[] }[] = [];
    const race = (async () => {
      for (const user of racers) {
        const answers = await Promise.all(Array.from({ length: 5 }, () => t.gql(INSTALL, { i: { appId: 'race-app', grantedScopes: scopes } }, user.token)));
        raceResults.push({
          user: user.id,
          ids: answers.filter(a => a.data?.install).map(a => a.data!.install.id),
          codes: answers.filter(a => a.errors).map(a => a.errors![0].extensions.code),
        });
      }
    })();
    // Midway, one event the subscribers wait for.
    await sleep((SECONDS * 1000) / 2);
    const markerDev = writers[0];
    const markerAt = Date.now();
    const marker = await t.gql(`mutation { claimExtension(input: { appId: "marker-app", displayName: "Marker", category: "productivity" }) { id } }`, {}, markerDev.token);
    expect(marker.errors).toBeUndefined();
    await sleep(Math.max(0, started + SECONDS * 1000 - Date.now()));
    const samples = await load.stop();
    const elapsed = (Date.now() - started) / 1000;
    await race;
    await sleep(2000);
    const report = fromChild<{ received: { id: string; at: number }[][]; closedBeforeReport: number }>('report');
    child.send({ report: true });
    const { received, closedBeforeReport } = await report;

    const reads = samples.filter(s => s.kind === 'read');
    const writes = samples.filter(s => s.kind === 'write');
    const got = received.filter(r => r.length === 1);
    const markerLatencies = got.map(r => r[0].at - markerAt);
    figure('load.requests', { total: samples.length, perSecond: Math.round(samples.length / elapsed), reads: reads.length, writes: writes.length });
    figure('load.read_latency_ms', { p50: percentile(reads.map(s => s.ms), 50), p99: percentile(reads.map(s => s.ms), 99) });
    figure('load.write_latency_ms', { p50: percentile(writes.map(s => s.ms), 50), p99: percentile(writes.map(s => s.ms), 99) });
    figure('load.codes', byCode(samples));
    figure('load.marker_event', { subscribers: received.length, received: got.length, closed: closedBeforeReport, p50: percentile(markerLatencies, 50), p99: percentile(markerLatencies, 99) });
    figure('race.rounds', raceResults.length);
    figure('race.codes', raceResults.flatMap(r => r.codes).reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {}));

    // Only successes under load: the server's limits are not reached by this mix.
    expect(byCode(samples)).toEqual({ ok: samples.length });
    expect(plaza.alive).toBe(true);
    // Every subscriber got the marker event exactly once, and none was closed.
    expect(got.length).toBe(SUBSCRIBERS);
    expect(closedBeforeReport).toBe(0);
    // Consistency: every acknowledged claim stored with one event.
    figure('load.acknowledged_writes', await assertClaimsDurable(c.sql, samples));
    // The race: one active installation per user, one installation.created event per installation.
    expect(raceResults).toHaveLength(ROUNDS);
    const active = (
      await c.sql.query(
        `SELECT i.owner_user_id, count(*)::int AS n FROM installations i JOIN extensions e ON e.id = i.extension_id
          WHERE e.app_id = 'race-app' AND i.status = 'ACTIVE' GROUP BY 1`,
      )
    ).rows as { owner_user_id: string; n: number }[];
    expect(active).toHaveLength(ROUNDS);
    expect(active.every(r => r.n === 1)).toBe(true);
    for (const r of raceResults) {
      // Every acknowledged answer names the one installation.
      const row = active.find(a => a.owner_user_id === r.user);
      expect(row).toBeDefined();
      expect(new Set(r.ids).size).toBeLessThanOrEqual(1);
    }
    const events = (
      await c.sql.query(
        `SELECT count(*)::int AS events, count(DISTINCT subject_id)::int AS subjects FROM platform_events WHERE type = 'installation.created' AND app_id = 'race-app'`,
      )
    ).rows[0];
    expect(events).toEqual({ events: ROUNDS, subjects: ROUNDS });
    // Consistency across the database: one active installation per installer per extension.
    const doubled = await c.sql.query(
      `SELECT extension_id, owner_user_id, organization_id FROM installations WHERE status = 'ACTIVE' GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(doubled.rows).toEqual([]);
  });
});
