import { Webhook } from 'standardwebhooks';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { startReceiver } from '../utils/webhook-receiver';
import { expectCode } from '../utils/expect-code';
import { graphql } from '../generated';

const CREATE = graphql(`mutation WebhooksCreate($i: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $i) { secret endpoint { id url status eventTypes appIds } }
}`);
const ENDPOINTS = graphql(`query WebhooksEndpoints { webhookEndpoints { id status disabledReason failingSince previousSecretExpiresAt
  deliveries { id eventId status attempts nextAttemptAt lastStatusCode lastError attemptLog { statusCode latencyMs error responseExcerpt } } } }`);
const DISABLED_NOTICES = graphql(`query WebhooksDisabledNotices { events(first: 10, types: ["webhook.endpoint_disabled"]) { edges { node { subjectId data } } } }`);

/** One of the caller's endpoints as `webhookEndpoints` lists it (with deliveries and attempts). */
async function endpointOf(t: TestApp, token: string, endpointId: string) {
  return (await t.gql(ENDPOINTS, {}, token)).data!.webhookEndpoints.find(e => e.id === endpointId);
}

/** Polls `check` until it returns a value (not undefined/false) or the deadline passes. */
async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('webhooks (docs/events.md)', () => {
  let t: TestApp;
  let dev: TestUser;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp({ allowLoopbackWebhooks: true, webhookRetryBaseMs: 150, webhookRetryMaxDelayMs: 300, webhookTimeoutMs: 1000 });
    dev = await buildDeveloper(t);
  });
  afterAll(() => t.close());

  const claim = async (owner: TestUser) => {
    const appId = `hook-app-${++n}`;
    const res = await t.gql(`mutation($a: String!) { claimExtension(input: { appId: $a, displayName: "Hook App", category: "productivity" }) { id } }`, { a: appId }, owner.token);
    expect(res.errors).toBeUndefined();
    return appId;
  };
  const endpointsOf = async (user: TestUser) => (await t.gql(ENDPOINTS, {}, user.token)).data!.webhookEndpoints;

  describe('creating an endpoint', () => {
    it.each([
      ['plain http to a public host', 'http://example.com/hooks', 'must use https'],
      ['a private address', 'https://10.1.2.3/hooks', 'private network'],
      ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data', 'link-local'],
      ['a private address mapped into IPv6', 'https://[::ffff:192.168.1.10]/hooks', 'private network'],
      ['a unique-local IPv6 address', 'https://[fd00::1]/hooks', 'unique local'],
      ['a metadata host name', 'https://metadata.google.internal/computeMetadata', 'internal name'],
      ['credentials in the URL', 'https://user:secret@example.com/hooks', 'credentials'],
      ['something that is not a URL', 'hooks please', 'not a valid URL'],
    ])('refuses %s with BAD_USER_INPUT on url, writing nothing', async (_label, url, reason) => {
      const res = await t.gql(CREATE, { i: { url } }, dev.token);
      expect(expectCode(res, 'BAD_USER_INPUT').extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'url', message: expect.stringContaining(reason) }] });
      expect(await t.sql(`SELECT 1 FROM webhook_endpoints`)).toHaveLength(0);
    });

    it('refuses unknown event types and anonymous callers', async () => {
      const res = await t.gql(CREATE, { i: { url: 'http://127.0.0.1:9/h', eventTypes: ['version.published', 'version.exploded'] } }, dev.token);
      expect(expectCode(res, 'BAD_USER_INPUT').extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'eventTypes', message: 'unknown: version.exploded' }] });
      expectCode(await t.gql(CREATE, { i: { url: 'http://127.0.0.1:9/h' } }), 'UNAUTHENTICATED');
      expect(await t.sql(`SELECT 1 FROM webhook_endpoints`)).toHaveLength(0);
    });

    it('returns the secret once; listing never shows it', async () => {
      const owner = await buildUser(t);
      const res = await t.gql(CREATE, { i: { url: 'http://127.0.0.1:9/once', eventTypes: ['version.published'] } }, owner.token);
      expect(res.data!.createWebhookEndpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const [row] = await t.sql(`SELECT secret_sealed FROM webhook_endpoints WHERE id = $1`, [res.data!.createWebhookEndpoint.endpoint.id]);
      expect(row.secret_sealed).not.toContain(res.data!.createWebhookEndpoint.secret.slice(6));
      const listed = await t.gql(`{ webhookEndpoints { secret } }`, {}, owner.token);
      expect(expectCode(listed, 'GRAPHQL_VALIDATION_FAILED').message).toMatch(/Cannot query field "secret"/);
    });
  });

  it('delivers a signed event that a receiver failing its first attempts gets later, verified by an independent implementation', async () => {
    const receiver = await startReceiver((_req, i) => (i < 2 ? 503 : 200));
    try {
      const { secret, endpoint } = (await t.gql(CREATE, { i: { url: receiver.url, eventTypes: ['extension.claimed'] } }, dev.token)).data!.createWebhookEndpoint;
      const appId = await claim(dev);
      const requests = await receiver.waitFor(3);
      // Standard Webhooks' own library (fast-sha256, not node:crypto) verifies every attempt.
      const verified = requests.map(r => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as Record<string, unknown>);
      expect(verified[2]).toMatchObject({ type: 'extension.claimed', appId, payloadVersion: 1, cursor: expect.any(String), occurredAt: expect.any(String) });
      expect(new Set(requests.map(r => r.headers['webhook-id'])).size).toBe(1);
      expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(100);
      expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(requests[2].body, requests[2].headers as Record<string, string>)).toThrow();
      const [mine] = await eventually(async () => {
        const list = await endpointsOf(dev);
        return list.find(e => e.id === endpoint.id)?.deliveries[0]?.status === 'SUCCEEDED' && list.filter(e => e.id === endpoint.id);
      });
      expect(mine.deliveries).toHaveLength(1);
      expect(mine.deliveries[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
      expect(mine.deliveries[0].attemptLog.map(a => a.statusCode)).toEqual([503, 503, 200]);
      expect(mine.deliveries[0].attemptLog[0].responseExcerpt).toBe('answer 503');
      await new Promise(r => setTimeout(r, 500));
      expect(receiver.received).toHaveLength(3); // no duplicate attempt arrived later
      await t.gql(`mutation($id: ID!) { deleteWebhookEndpoint(endpointId: $id) }`, { id: endpoint.id }, dev.token);
    } finally {
      await receiver.close();
    }
  });

  it('never sends a partner another developer\'s private events, and only events after the endpoint existed', async () => {
    const receiver = await startReceiver();
    try {
      const partner = await buildDeveloper(t);
      const earlier = await claim(dev);
      const everything = (await t.gql(CREATE, { i: { url: `${receiver.url}?partner` } }, partner.token)).data!.createWebhookEndpoint.endpoint;
      const own = (await t.gql(CREATE, { i: { url: `${receiver.url}?dev`, eventTypes: ['extension.claimed'] } }, dev.token)).data!.createWebhookEndpoint.endpoint;
      const later = await claim(dev);
      const partnersOwn = await claim(partner);
      await eventually(async () => (await endpointsOf(partner)).find(e => e.id === everything.id)?.deliveries.length === 1);
      await eventually(async () => (await endpointsOf(dev)).find(e => e.id === own.id)?.deliveries.length === 1);
      await receiver.waitFor(2);
      await new Promise(r => setTimeout(r, 300));
      const bodies = receiver.received.map(r => JSON.parse(r.body));
      expect(bodies.map(b => b.appId).sort()).toEqual([later, partnersOwn].sort());
      expect(bodies.map(b => b.appId)).not.toContain(earlier);
      await t.gql(`mutation($id: ID!) { deleteWebhookEndpoint(endpointId: $id) }`, { id: everything.id }, partner.token);
      await t.gql(`mutation($id: ID!) { deleteWebhookEndpoint(endpointId: $id) }`, { id: own.id }, dev.token);
    } finally {
      await receiver.close();
    }
  });

  it('gives up at once on a 4xx other than 429, retries 429, and redelivers by hand', async () => {
    let answer = 410;
    const receiver = await startReceiver((_req, i) => (i === 1 ? 429 : answer));
    try {
      const { endpoint } = (await t.gql(CREATE, { i: { url: receiver.url, eventTypes: ['extension.claimed'] } }, dev.token)).data!.createWebhookEndpoint;
      await claim(dev);
      const failed = await eventually(async () => {
        const d = (await endpointOf(t, dev.token, endpoint.id))?.deliveries[0];
        return d?.status === 'FAILED' && d;
      });
      expect(failed).toMatchObject({ attempts: 1, lastStatusCode: 410, nextAttemptAt: null });
      const stranger = await buildUser(t);
      const REDELIVER = `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id status attempts } }`;
      expectCode(await t.gql(REDELIVER, { id: failed.id }, stranger.token), 'NOT_FOUND');
      expectCode(await t.gql(REDELIVER, { id: 'not-a-uuid' }, dev.token), 'NOT_FOUND');
      answer = 200;
      expect((await t.gql(REDELIVER, { id: failed.id }, dev.token)).data!.redeliverWebhook).toMatchObject({ status: 'PENDING', attempts: 1 });
      const done = await eventually(async () => {
        const d = (await endpointOf(t, dev.token, endpoint.id))?.deliveries[0];
        return d?.status === 'SUCCEEDED' && d;
      });
      // The redelivery met a 429 first (retried), then 200.
      expect(done.attemptLog.map(a => a.statusCode)).toEqual([410, 429, 200]);
      expect(new Set((await receiver.waitFor(3)).map(r => r.headers['webhook-id'])).size).toBe(1);
      await t.gql(`mutation($id: ID!, $e: Boolean!) { setWebhookEndpointEnabled(endpointId: $id, enabled: $e) { status } }`, { id: endpoint.id, e: false }, dev.token);
      expectCode(await t.gql(REDELIVER, { id: failed.id }, dev.token), 'INVALID_STATE');
      await t.gql(`mutation($id: ID!) { deleteWebhookEndpoint(endpointId: $id) }`, { id: endpoint.id }, dev.token);
    } finally {
      await receiver.close();
    }
  });

  it('lists endpoints with their deliveries and attempts in the same number of queries for one endpoint or three', async () => {
    const receiver = await startReceiver();
    try {
      const queriesFor = async (endpointCount: number) => {
        const owner = await buildDeveloper(t);
        for (let i = 0; i < endpointCount; i++) {
          await t.gql(CREATE, { i: { url: `${receiver.url}?${i}`, eventTypes: ['extension.claimed'] } }, owner.token);
        }
        await claim(owner);
        await claim(owner);
        const endpoints = await eventually(async () => {
          const list = await endpointsOf(owner);
          return list.every(e => e.deliveries.length === 2 && e.deliveries.every(d => d.status === 'SUCCEEDED')) && list;
        });
        expect(endpoints).toHaveLength(endpointCount);
        const res = await t.gql(ENDPOINTS, {}, owner.token);
        return Number(res.headers['x-plaza-db-queries']);
      };
      const one = await queriesFor(1);
      expect(one).toBeGreaterThan(0);
      expect(await queriesFor(3)).toBe(one);
      for (const owner of await t.sql(`SELECT DISTINCT owner_user_id FROM webhook_endpoints WHERE url LIKE $1`, [`${receiver.url}?%`])) {
        await t.sql(`DELETE FROM webhook_endpoints WHERE owner_user_id = $1`, [owner.owner_user_id]);
      }
    } finally {
      await receiver.close();
    }
  });

  it('caps endpoints per account', async () => {
    const owner = await buildUser(t);
    for (let i = 0; i < 20; i++) {
      expect((await t.gql(CREATE, { i: { url: `http://127.0.0.1:9/cap-${i}` } }, owner.token)).errors).toBeUndefined();
    }
    const res = await t.gql(CREATE, { i: { url: 'http://127.0.0.1:9/cap-21' } }, owner.token);
    expectCode(res, 'INVALID_STATE');
    expect(await t.sql(`SELECT 1 FROM webhook_endpoints WHERE owner_user_id = $1`, [owner.id])).toHaveLength(20);
  });

  it('signs with both secrets during a rotation overlap, then only with the new one', async () => {
    const receiver = await startReceiver();
    try {
      const created = (await t.gql(CREATE, { i: { url: receiver.url, eventTypes: ['extension.claimed'] } }, dev.token)).data!.createWebhookEndpoint;
      const ROTATE = `mutation($id: ID!, $o: Int) { rotateWebhookSecret(endpointId: $id, overlapSeconds: $o) { secret endpoint { previousSecretExpiresAt } } }`;
      expectCode(await t.gql(ROTATE, { id: created.endpoint.id, o: -1 }, dev.token), 'BAD_USER_INPUT');
      const rotated = (await t.gql(ROTATE, { id: created.endpoint.id, o: 3600 }, dev.token)).data!.rotateWebhookSecret;
      expect(rotated.endpoint.previousSecretExpiresAt).not.toBeNull();
      await claim(dev);
      const [during] = await receiver.waitFor(1);
      expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
      for (const secret of [created.secret, rotated.secret]) expect(() => new Webhook(secret).verify(during.body, during.headers as Record<string, string>)).not.toThrow();
      const again = (await t.gql(ROTATE, { id: created.endpoint.id, o: 0 }, dev.token)).data!.rotateWebhookSecret;
      await claim(dev);
      const [, after] = await receiver.waitFor(2);
      expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
      expect(() => new Webhook(again.secret).verify(after.body, after.headers as Record<string, string>)).not.toThrow();
      expect(() => new Webhook(rotated.secret).verify(after.body, after.headers as Record<string, string>)).toThrow();
      await t.gql(`mutation($id: ID!) { deleteWebhookEndpoint(endpointId: $id) }`, { id: created.endpoint.id }, dev.token);
    } finally {
      await receiver.close();
    }
  });

  it('refuses at delivery an endpoint whose address is no longer allowed, without retrying', async () => {
    const { endpoint } = (await t.gql(CREATE, { i: { url: 'http://127.0.0.1:9/moved', eventTypes: ['extension.claimed'] } }, dev.token)).data!.createWebhookEndpoint;
    // As if the endpoint had been saved before the rule existed: the check runs again at delivery.
    await t.sql(`UPDATE webhook_endpoints SET url = 'https://169.254.169.254/latest/meta-data' WHERE id = $1`, [endpoint.id]);
    await claim(dev);
    const failed = await eventually(async () => {
      const d = (await endpointOf(t, dev.token, endpoint.id))?.deliveries[0];
      return d?.status === 'FAILED' && d;
    });
    expect(failed.attemptLog).toEqual([expect.objectContaining({ statusCode: null, error: expect.stringContaining('link-local') })]);
    await t.gql(`mutation($id: ID!) { deleteWebhookEndpoint(endpointId: $id) }`, { id: endpoint.id }, dev.token);
  });
});

describe('webhook endpoints that keep failing', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('times out a hanging receiver, keeps retrying, then disables the endpoint and tells its owner', async () => {
    t = await startTestApp({ allowLoopbackWebhooks: true, webhookRetryBaseMs: 100, webhookRetryMaxDelayMs: 200, webhookTimeoutMs: 300, webhookDisableAfterSeconds: 2 });
    // A hang, then 500s whose bodies hold NUL bytes (a text column cannot store them as they are).
    const receiver = await startReceiver((_req, i) => (i === 0 ? 'hang' : { status: 500, body: Buffer.from([0x62, 0x00, 0x61, 0x64]) }));
    try {
      const dev = await buildDeveloper(t);
      const { endpoint } = (await t.gql(CREATE, { i: { url: receiver.url, eventTypes: ['extension.claimed'] } }, dev.token)).data!.createWebhookEndpoint;
      await t.gql(`mutation { claimExtension(input: { appId: "failing-hook", displayName: "Failing", category: "productivity" }) { id } }`, {}, dev.token);
      const disabled = await eventually(async () => {
        const e = await endpointOf(t, dev.token, endpoint.id);
        return e?.status === 'DISABLED' && e;
      }, 20000);
      expect(disabled.disabledReason).toMatch(/^Every delivery failed since /);
      const attempts = disabled.deliveries[0].attemptLog;
      expect(attempts[0]).toMatchObject({ statusCode: null, error: 'timed out after 300 ms' });
      expect(attempts.slice(1).every(a => a.statusCode === 500 && a.responseExcerpt === 'bad')).toBe(true);
      const notices = await t.gql(DISABLED_NOTICES, {}, dev.token);
      expect(notices.data!.events.edges.map(e => e.node.subjectId)).toEqual([endpoint.id]);
      const other = await buildUser(t);
      expect((await t.gql(`{ events(first: 10, types: ["webhook.endpoint_disabled"]) { totalCount } }`, {}, other.token)).data!.events.totalCount).toBe(0);
      // Re-enabling clears the failure run.
      const enabled = await t.gql(`mutation($id: ID!) { setWebhookEndpointEnabled(endpointId: $id, enabled: true) { status failingSince } }`, { id: endpoint.id }, dev.token);
      expect(enabled.data!.setWebhookEndpointEnabled).toEqual({ status: 'ACTIVE', failingSince: null });
    } finally {
      await receiver.close();
    }
  });
});

describe('a manual redelivery while a retry is scheduled', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('sends once per attempt: the scheduled retry of the earlier generation stands down', async () => {
    t = await startTestApp({ allowLoopbackWebhooks: true, webhookRetryBaseMs: 2500, webhookRetryMaxDelayMs: 2500 });
    const receiver = await startReceiver((_req, i) => (i === 0 ? 503 : 200));
    try {
      const dev = await buildDeveloper(t);
      const { endpoint } = (await t.gql(CREATE, { i: { url: receiver.url, eventTypes: ['extension.claimed'] } }, dev.token)).data!.createWebhookEndpoint;
      await t.gql(`mutation { claimExtension(input: { appId: "redelivered-hook", displayName: "Redelivered", category: "productivity" }) { id } }`, {}, dev.token);
      const pending = await eventually(async () => {
        const d = (await endpointOf(t, dev.token, endpoint.id))?.deliveries[0];
        return d?.attempts === 1 && d;
      });
      expect(pending).toMatchObject({ status: 'PENDING', lastStatusCode: 503, nextAttemptAt: expect.any(String) });
      await t.gql(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }`, { id: pending.id }, dev.token);
      await receiver.waitFor(2);
      // Past the retry that was scheduled for the first generation.
      await new Promise(r => setTimeout(r, 3500));
      expect(receiver.received).toHaveLength(2);
      const done = (await endpointOf(t, dev.token, endpoint.id))?.deliveries[0];
      expect(done).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    } finally {
      await receiver.close();
    }
  });
});
