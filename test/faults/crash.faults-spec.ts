import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';
import type { TestApp } from '../utils/test-app';
import { Cluster, cluster, figure, INSTALL, PlazaProcess, publishedExtension, sleep, until } from './harness';

/**
 * kill -9 in the middle of work (docs/reliability.md): after a restart nothing acknowledged is
 * lost, nothing is doubled, and interrupted jobs finish.
 */
describe('kill -9', () => {
  let c: Cluster;
  let plaza: PlazaProcess;
  let t: TestApp;

  beforeAll(async () => {
    c = await cluster();
    plaza = await c.plaza();
    await plaza.start();
    t = c.client(plaza);
  });
  afterAll(() => c?.close());

  async function restart(): Promise<number> {
    const started = Date.now();
    await plaza.start();
    return Date.now() - started;
  }

  it('in a burst of installs: every acknowledged install is durable, one active installation per user, one event per installation', async () => {
    const { scopes } = await publishedExtension(t, 'burst-app');
    const users: TestUser[] = [];
    for (let i = 0; i < 12; i++) users.push(...(await Promise.all(Array.from({ length: 10 }, () => buildUser(t)))));
    // Each user installs twice at once (a double click), all users together.
    const acked = new Map<string, string>();
    let failed = 0;
    let answered = 0;
    const requests = users.flatMap(user =>
      [0, 1].map(async () => {
        try {
          const res = await t.gql(INSTALL, { i: { appId: 'burst-app', grantedScopes: scopes } }, user.token);
          answered++;
          if (res.data?.install?.id) acked.set(res.data.install.id, user.id);
        } catch {
          failed++;
        }
      }),
    );
    await until('a third of the burst to be answered', async () => answered >= users.length * 2 / 3, 60_000, 5);
    await plaza.kill9();
    await Promise.all(requests);
    figure('burst.acknowledged_before_kill', acked.size);
    figure('burst.cut_by_kill', failed);
    expect(failed).toBeGreaterThan(0);
    expect(acked.size).toBeGreaterThan(0);
    figure('burst.restart_ms', await restart());

    const rows = await t.sql<{ id: string; owner_user_id: string; status: string }>(
      `SELECT i.id, i.owner_user_id, i.status FROM installations i JOIN extensions e ON e.id = i.extension_id WHERE e.app_id = 'burst-app'`,
    );
    const byId = new Map(rows.map(r => [r.id, r]));
    for (const [id, userId] of acked) expect(byId.get(id)).toMatchObject({ owner_user_id: userId, status: 'ACTIVE' });
    const perUser = new Map<string, number>();
    for (const r of rows.filter(r => r.status === 'ACTIVE')) perUser.set(r.owner_user_id, (perUser.get(r.owner_user_id) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBe(1);
    const events = await t.sql<{ subject_id: string; n: number }>(
      `SELECT subject_id, count(*)::int AS n FROM platform_events WHERE type = 'installation.created' AND app_id = 'burst-app' GROUP BY subject_id`,
    );
    expect(new Set(events.map(e => e.subject_id))).toEqual(new Set(rows.map(r => r.id)));
    expect(events.every(e => e.n === 1)).toBe(true);

    // The users whose request was cut retry: each ends with exactly one installation.
    await Promise.all(users.map(u => t.gql(INSTALL, { i: { appId: 'burst-app', grantedScopes: scopes } }, u.token)));
    const [{ n, users: distinct }] = await t.sql(
      `SELECT count(*)::int AS n, count(DISTINCT owner_user_id)::int AS users FROM installations i JOIN extensions e ON e.id = i.extension_id
        WHERE e.app_id = 'burst-app' AND i.status = 'ACTIVE'`,
    );
    expect({ n, distinct }).toEqual({ n: users.length, distinct: users.length });
  });

  it('in a rollout to 100,000 installations: each moves once with one event, the interrupted job is retried within a minute', async () => {
    const N = Number(process.env.PLAZA_FAULTS_ROLLOUT ?? 100_000);
    const { dev, versionId } = await publishedExtension(t, 'roll-app');
    // Bulk setup in SQL: N users each with an active installation of 1.0.0.
    await c.sql.query(
      `INSERT INTO users (email, display_name, password_hash) SELECT 'roll' || g || '@faults.test', 'R', 'x' FROM generate_series(1, $1) g`,
      [N],
    );
    await c.sql.query(
      `INSERT INTO installations (extension_id, version_id, owner_user_id, granted_scopes, source, placement, installed_by_id)
       SELECT v.extension_id, v.id, u.id, ARRAY['store:read','task-board:read','task-board:write'], 'USER', 'MIDDLE_LIST', u.id
         FROM users u, extension_versions v WHERE u.email LIKE 'roll%@faults.test' AND v.id = $1`,
      [versionId],
    );
    await c.sql.query('ANALYZE');
    const res = await submitZip(t, dev.token, 'roll-app', await zipOf(packageFor('roll-app', 'Fault App', { version: '1.0.1' })));
    const patch = await waitForValidation(t, dev.token, res.data!.submitVersion.id, 60_000);
    expect(patch.status).toBe('APPROVED');
    const published = await t.gql(`mutation($id: ID!) { publishVersion(id: $id) { status } }`, { id: patch.id }, dev.token);
    expect(published.data!.publishVersion.status).toBe('PUBLISHED');
    // Kill the process while its rollout statement runs.
    await until(
      'the rollout statement to run',
      async () => (
          await c.sql.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%UPDATE installations i SET version_id%'`,
          )
        ).rowCount,
      60_000,
      10,
    );
    await plaza.kill9();
    const killedAt = Date.now();
    const [running] = (await c.sql.query(`SELECT state FROM pgboss.job WHERE name = 'rollout-version' AND data->>'versionId' = $1`, [patch.id])).rows;
    expect(running.state).toBe('active');
    const moved = async () =>
      (await c.sql.query(`SELECT count(*)::int AS n FROM installations WHERE version_id = $1`, [patch.id])).rows[0].n as number;
    // Nothing was committed by the killed rollout (its transaction dies with its connection).
    expect(await moved()).toBe(0);
    await restart();
    await until('every installation to move', async () => (await moved()) === N, 240_000, 500);
    const doneMs = Date.now() - killedAt;
    const [job] = (
      await c.sql.query(
        `SELECT state, retry_count, extract(epoch FROM started_on)::float * 1000 AS started FROM pgboss.job WHERE name = 'rollout-version' AND data->>'versionId' = $1`,
        [patch.id],
      )
    ).rows;
    const [{ events, subjects }] = (
      await c.sql.query(
        `SELECT count(*)::int AS events, count(DISTINCT subject_id)::int AS subjects FROM platform_events WHERE type = 'installation.upgraded' AND app_id = 'roll-app'`,
      )
    ).rows;
    figure('rollout.installations', N);
    figure('rollout.kill_to_all_moved_ms', doneMs);
    figure('rollout.kill_to_retry_start_ms', Math.round(job.started - killedAt));
    expect({ events, subjects }).toEqual({ events: N, subjects: N });
    expect(job.retry_count).toBeGreaterThanOrEqual(1);
    // Retried within a minute of the crash (expiry 30 s + maintenance every 10 s + retry delay).
    expect(job.started - killedAt).toBeLessThan(60_000);
    await until('the rollout job to complete', async () =>
      (await c.sql.query(`SELECT 1 FROM pgboss.job WHERE name = 'rollout-version' AND data->>'versionId' = $1 AND state = 'completed'`, [patch.id])).rowCount,
    );
  });

  it('in a webhook delivery backlog: every delivery arrives at least once, always with the same id and body', async () => {
    const received: { id: string; body: string }[] = [];
    // A slow receiver (1.5 s an answer, 20 in flight) keeps a backlog waiting.
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', chunk => chunks.push(chunk));
      req.on('end', () => {
        received.push({ id: String(req.headers['webhook-id']), body: Buffer.concat(chunks).toString('utf8') });
        setTimeout(() => res.writeHead(200).end("ok"), 1500);
      });
    });
    await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const dev = await buildDeveloper(t);
      const created = await t.gql(
        `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }`,
        { i: { url, eventTypes: ['extension.claimed'] } },
        dev.token,
      );
      const endpointId = created.data!.createWebhookEndpoint.endpoint.id;
      const N = 300;
      for (let i = 0; i < N; i += 20) {
        await Promise.all(
          Array.from({ length: Math.min(20, N - i) }, (_, k) =>
            t.gql(`mutation($a: String!) { claimExtension(input: { appId: $a, displayName: "Hook", category: "productivity" }) { id } }`, { a: `hook-${i + k}` }, dev.token),
          ),
        );
      }
      await until('part of the backlog to be delivered', async () => received.length >= 60, 60_000, 10);
      await plaza.kill9();
      const killedAt = Date.now();
      const beforeKill = received.length;
      await restart();
      const deliveries = async () =>
        (await c.sql.query(`SELECT id, status FROM webhook_deliveries WHERE endpoint_id = $1`, [endpointId])).rows as { id: string; status: string }[];
      await until('every delivery to be delivered', async () => {
        const rows = await deliveries();
        return rows.length === N && rows.every(r => r.status === 'SUCCEEDED');
      }, 240_000, 500);
      const rows = await deliveries();
      const byId = new Map<string, Set<string>>();
      for (const r of received) byId.set(r.id, (byId.get(r.id) ?? new Set()).add(r.body));
      // At least once: every delivery's id arrived; the same id always carried the same body.
      expect(new Set(byId.keys())).toEqual(new Set(rows.map(r => `msg_${r.id}`)));
      expect([...byId.values()].every(bodies => bodies.size === 1)).toBe(true);
      figure('webhooks.deliveries', N);
      figure('webhooks.received_before_kill', beforeKill);
      figure('webhooks.redelivered_after_kill', received.length - N);
      figure('webhooks.kill_to_all_delivered_ms', Date.now() - killedAt);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>(resolve => receiver.close(() => resolve()));
    }
  });

  it('leaves no job stuck and none failed', async () => {
    await sleep(500);
    const stuck = await c.sql.query(`SELECT name, state FROM pgboss.job WHERE state IN ('active', 'failed') AND started_on < now() - interval '60 seconds'`);
    expect(stuck.rows).toEqual([]);
  });
});
