import { expectCode } from '../utils/expect-code';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { healthUrl, probe } from '../../src/modules/hosting/health-probe';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';

/** Shapes of the GraphQL answers this file reads. */
type Check = { status: string };
type Trigger = { kind: string };

/**
 * The review's health check of a hosted version (docs/hosting.md "Health check in review"),
 * against real local receivers: up, down, slow, redirect refused; SSRF-guarded by the webhook
 * guard; recorded on the review case for reviewers and the author; a failure adds a trigger
 * and never rejects.
 */

type Behaviour = 'up' | 'down' | 'slow' | 'redirect' | 'flaky';

async function receiver(behaviour: Behaviour) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (behaviour === 'up') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', version: '1.0.0' }));
    if (behaviour === 'down') return res.writeHead(503, { 'content-type': 'text/plain' }).end('database unavailable');
    if (behaviour === 'redirect') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (behaviour === 'flaky') return hits.length < 3 ? res.writeHead(500).end('warming up') : res.writeHead(200).end('ok');
    // slow: never answers within the deadline
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/app`,
    hits,
    close: () => new Promise<void>(resolve => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const loopback = { allowLoopback: true };

describe('health probe', () => {
  const opts = { policy: loopback, timeoutMs: 300, retries: 3, retryDelayMs: 5 };

  it('up: one call to the staging URL plus the health path, status, latency and a body excerpt', async () => {
    const r = await receiver('up');
    try {
      const result = await probe(healthUrl(r.base, '/healthz', loopback), opts);
      expect(result).toMatchObject({ ok: true, httpStatus: 200, attempts: 1, error: null, bodyExcerpt: '{"status":"ok","version":"1.0.0"}' });
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(r.hits).toEqual(['/app/healthz']);
    } finally {
      await r.close();
    }
  });

  it('down: retried 3 times, then failed with the last status and body', async () => {
    const r = await receiver('down');
    try {
      const result = await probe(healthUrl(r.base, '/health', loopback), opts);
      expect(result).toMatchObject({ ok: false, httpStatus: 503, attempts: 4, bodyExcerpt: 'database unavailable', error: 'HTTP 503, expected 200' });
      expect(r.hits).toHaveLength(4);
    } finally {
      await r.close();
    }
  });

  it('a retry that succeeds passes', async () => {
    const r = await receiver('flaky');
    try {
      expect(await probe(healthUrl(r.base, '/health', loopback), opts)).toMatchObject({ ok: true, httpStatus: 200, attempts: 3 });
    } finally {
      await r.close();
    }
  });

  it('slow: each attempt ends at the deadline', async () => {
    const r = await receiver('slow');
    try {
      const started = Date.now();
      const result = await probe(healthUrl(r.base, '/health', loopback), opts);
      expect(result).toMatchObject({ ok: false, httpStatus: null, attempts: 4, error: 'timed out after 300 ms' });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await r.close();
    }
  });

  it('redirect: refused and not followed (the target could be internal), not retried', async () => {
    const r = await receiver('redirect');
    try {
      const result = await probe(healthUrl(r.base, '/health', loopback), opts);
      expect(result).toMatchObject({ ok: false, httpStatus: 302, attempts: 1 });
      expect(result.error).toContain('redirect refused');
      expect(r.hits).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it('down for good: a closed port fails every attempt', async () => {
    const r = await receiver('up');
    const url = healthUrl(r.base, '/health', loopback);
    await r.close();
    expect(await probe(url, opts)).toMatchObject({ ok: false, httpStatus: null, attempts: 4 });
  });

  it('SSRF: the webhook guard refuses loopback, private and metadata addresses, and URLs with credentials or queries', async () => {
    const strict = { allowLoopback: false };
    for (const url of ['https://10.0.0.5/', 'https://169.254.169.254/', 'https://metadata.google.internal/', 'http://example.com/', 'https://u:p@example.com/', 'https://example.com/?a=1', 'not a url']) {
      expect(() => healthUrl(url, '/health', strict)).toThrow();
    }
    // A name that resolves to loopback is refused inside the connection's DNS lookup.
    const r = await receiver('up');
    try {
      const url = new URL(r.base.replace('127.0.0.1', 'localhost').replace('http:', 'https:') + '/health');
      const result = await probe(url, { policy: strict, timeoutMs: 1000, retries: 3, retryDelayMs: 5 });
      expect(result).toMatchObject({ ok: false, attempts: 1 });
      expect(result.error).toMatch(/refused: localhost resolves to .*loopback/);
      expect(r.hits).toHaveLength(0);
    } finally {
      await r.close();
    }
  });
});

describe('health check in review', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  let n = 0;
  const REQUEST = `mutation($v: ID!, $u: String!) { requestHealthCheck(versionId: $v, stagingUrl: $u) { id status url } }`;
  const CASE = `query($id: ID!) { reviewCase(id: $id) { id state triggers { kind value } healthChecks { status url httpStatus latencyMs attempts bodyExcerpt error finishedAt } } }`;

  beforeAll(async () => {
    t = await startTestApp({ allowLoopbackWebhooks: true, healthCheckTimeoutMs: 300, healthCheckRetryDelayMs: 10 });
    dev = await buildDeveloper(t);
    const admin = await buildAdmin(t);
    reviewer = await buildUser(t);
    await t.gql(`mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`, { id: reviewer.id }, admin.token);
  });
  afterAll(() => t.close());

  async function hostedVersionInReview(managed = true) {
    const appId = `health-app-${++n}`;
    await t.gql(`mutation { claimExtension(input: { appId: "${appId}", displayName: "Health App", category: "productivity" }) { id } }`, {}, dev.token);
    const files = packageFor(appId, 'Health App', {
      marketplace: managed ? { egress: ['api.slack.com'], hosting: { tier: 'minimal', managed: true, webhook_path: '/webhook', health_path: '/healthz' } } : { egress: ['api.slack.com'] },
    });
    files.set('Dockerfile', Buffer.from('FROM python:3.12-slim\n'));
    const res = await submitZip(t, dev.token, appId, await zipOf(files));
    const version = await waitForValidation(t, dev.token, res.data!.submitVersion.id);
    expect(version.status).toBe('PENDING_REVIEW');
    const [{ id: caseId }] = await t.sql(`SELECT id FROM review_cases WHERE version_id = $1`, [version.id]);
    return { appId, versionId: version.id as string, caseId: caseId as string };
  }

  async function finished(caseId: string, token: string) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await t.gql(CASE, { id: caseId }, token);
      const checks = res.data?.reviewCase?.healthChecks ?? [];
      // The case row and its checks are two reads: a poll can see the finished check and the case's
      // triggers from just before the same commit. Once the check is seen finished, read it all again.
      if (checks.length && checks.every((c: Check) => c.status !== 'PENDING')) return (await t.gql(CASE, { id: caseId }, token)).data!.reviewCase;
      if (Date.now() > deadline) throw new Error(`health check did not finish: ${JSON.stringify(res)}`);
      await new Promise(r => setTimeout(r, 100));
    }
  }

  it('a healthy staging deployment: PASSED with status, latency and excerpt, seen by the author and reviewers', async () => {
    const r = await receiver('up');
    try {
      const { versionId, caseId } = await hostedVersionInReview();
      const requested = await t.gql(REQUEST, { v: versionId, u: r.base }, dev.token);
      expect(requested.data!.requestHealthCheck).toMatchObject({ status: 'PENDING', url: `${r.base}/healthz` });
      const seen = await finished(caseId, dev.token);
      expect(seen.healthChecks).toEqual([
        expect.objectContaining({ status: 'PASSED', url: `${r.base}/healthz`, httpStatus: 200, attempts: 1, bodyExcerpt: '{"status":"ok","version":"1.0.0"}', error: null }),
      ]);
      expect(seen.triggers.map((x: Trigger) => x.kind)).not.toContain('HEALTH_CHECK_FAILED');
      expect((await t.gql(CASE, { id: caseId }, reviewer.token)).data!.reviewCase.healthChecks).toHaveLength(1);
      const stranger = await buildUser(t);
      expect((await t.gql(CASE, { id: caseId }, stranger.token)).data?.reviewCase ?? null).toBeNull();
      const [event] = await t.sql(`SELECT data FROM platform_events WHERE type = 'hosting.health_checked' AND subject_id = $1`, [versionId]);
      expect(event.data).toMatchObject({ passed: true, httpStatus: 200, attempts: 1 });
    } finally {
      await r.close();
    }
  });

  it('a failing one is shown and becomes a review trigger; the case stays open (no auto-reject)', async () => {
    const r = await receiver('down');
    try {
      const { versionId, caseId } = await hostedVersionInReview();
      await t.gql(REQUEST, { v: versionId, u: r.base }, dev.token);
      const seen = await finished(caseId, reviewer.token);
      expect(seen.healthChecks[0]).toMatchObject({ status: 'FAILED', httpStatus: 503, attempts: 4, bodyExcerpt: 'database unavailable' });
      expect(seen.state).toBe('OPEN');
      expect(seen.triggers).toContainEqual({ kind: 'HEALTH_CHECK_FAILED', value: `${r.base}/healthz` });
      const [version] = await t.sql(`SELECT status FROM extension_versions WHERE id = $1`, [versionId]);
      expect(version.status).toBe('PENDING_REVIEW');
    } finally {
      await r.close();
    }
  });

  it('a redirect is refused and recorded as a failure', async () => {
    const r = await receiver('redirect');
    try {
      const { versionId, caseId } = await hostedVersionInReview();
      await t.gql(REQUEST, { v: versionId, u: r.base }, dev.token);
      const seen = await finished(caseId, dev.token);
      expect(seen.healthChecks[0]).toMatchObject({ status: 'FAILED', httpStatus: 302, attempts: 1 });
      expect(seen.healthChecks[0].error).toContain('redirect refused');
      expect(r.hits).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it('refuses bad requests with a code and writes nothing', async () => {
    const { versionId } = await hostedVersionInReview();
    const bad = await t.gql(REQUEST, { v: versionId, u: 'ftp://staging.example.com' }, dev.token);
    expect(expectCode(bad, 'BAD_USER_INPUT').extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const withQuery = await t.gql(REQUEST, { v: versionId, u: 'http://127.0.0.1:1/app?x=1' }, dev.token);
    expectCode(withQuery, 'BAD_USER_INPUT');
    const other = await buildDeveloper(t);
    expectCode((await t.gql(REQUEST, { v: versionId, u: 'http://127.0.0.1:1/' }, other.token)), 'NOT_FOUND');
    expectCode((await t.gql(REQUEST, { v: versionId, u: 'http://127.0.0.1:1/' })), 'UNAUTHENTICATED');
    expectCode((await t.gql(REQUEST, { v: 'nope', u: 'http://127.0.0.1:1/' }, dev.token)), 'NOT_FOUND');
    expect(await t.sql(`SELECT 1 FROM hosting_health_checks WHERE version_id = $1`, [versionId])).toHaveLength(0);
  });

  it('a version that declares no hosting has no health endpoint to check (INVALID_STATE)', async () => {
    const appId = `health-plain-${++n}`;
    await t.gql(`mutation { claimExtension(input: { appId: "${appId}", displayName: "Plain App", category: "productivity" }) { id } }`, {}, dev.token);
    const res = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, 'Plain App')));
    const version = await waitForValidation(t, dev.token, res.data!.submitVersion.id);
    const refused = await t.gql(REQUEST, { v: version.id, u: 'http://127.0.0.1:1/' }, dev.token);
    expectCode(refused, 'INVALID_STATE');
  });
});
