import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { eventCursor } from '../../src/modules/events/event-log';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildUser } from '../utils/factories';
import { collect, wsClient } from '../utils/ws-client';
import { expectCode } from '../utils/expect-code';

const ACCOUNT_EVENTS = `subscription { accountEvents { id cursor type subjectId data } }`;

describe('GraphQL over WebSocket (graphql-ws)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ maxQueryDepth: 5, maxAliases: 2 });
  });
  afterAll(() => t.close());

  it('authenticates in connection_init and delivers committed events live', async () => {
    const user = await buildUser(t);
    const other = await buildUser(t);
    const client = wsClient(t.url, user.token);
    try {
      const sub = collect(client, ACCOUNT_EVENTS);
      // Wait until the subscription is live: queries on the same socket are answered in order.
      const me = collect(client, `query { me { id } }`);
      await me.waitFor(1);
      expect(me.results[0].data?.me.id).toBe(user.id);
      await t.gql(`mutation { createApiToken(name: "other's") { secret } }`, {}, other.token);
      await t.gql(`mutation { createApiToken(name: "watched") { secret } }`, {}, user.token);
      const [first] = await sub.waitFor(1);
      expect(first.data?.accountEvents).toMatchObject({ type: 'account.api_token_created', data: { name: 'watched' } });
      sub.unsubscribe();
    } finally {
      await client.dispose();
    }
  });

  it('closes the socket with 4403 for an invalid token', async () => {
    let code = 0;
    const client = wsClient(t.url, 'not-a-valid-token', c => (code = c));
    const sub = collect(client, ACCOUNT_EVENTS);
    await sub.done;
    expect(code).toBe(4403);
    await client.dispose();
  });

  it('treats an empty bearer token in connection_init as anonymous (the explorer sends one)', async () => {
    for (const authorization of ['Bearer ', 'Bearer', '']) {
      let code = 0;
      const client = createClient({
        url: `${t.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization },
        retryAttempts: 0,
        on: { closed: event => (code = (event as { code: number }).code) },
      });
      try {
        const res = collect(client, `query { me { id } categories { slug } }`);
        const [result] = await res.waitFor(1);
        expect({ authorization, result }).toEqual({ authorization, result: { data: { me: null, categories: expect.any(Array) } } });
        expect(code).toBe(0);
      } finally {
        await client.dispose();
      }
    }
  });

  it('refuses an anonymous subscription to a signed-in field with UNAUTHENTICATED', async () => {
    const client = wsClient(t.url);
    try {
      const sub = collect(client, ACCOUNT_EVENTS);
      await sub.done;
      // graphql-js reports a failed subscribe as one result carrying the error, then completes.
      expect(sub.results).toHaveLength(1);
      expectCode(sub.results[0], 'UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });

  it('applies the same depth and alias limits as HTTP', async () => {
    const user = await buildUser(t);
    const client = wsClient(t.url, user.token);
    try {
      const deep = collect(client, `{ me { organizations { members { user { organizations { id } } } } } }`);
      await deep.done;
      expect(JSON.stringify(deep.errors)).toContain('QUERY_TOO_COMPLEX');
      const aliases = collect(client, `{ a: me { id } b: me { id } c: me { id } }`);
      await aliases.done;
      expect(JSON.stringify(aliases.errors)).toContain('QUERY_TOO_COMPLEX');
    } finally {
      await client.dispose();
    }
  });

  it('ends the stream when the API token behind it is revoked', async () => {
    const user = await buildUser(t);
    const created = await t.gql(`mutation { createApiToken(name: "stream") { secret apiToken { id } } }`, {}, user.token);
    const { secret, apiToken } = created.data!.createApiToken;
    const client = wsClient(t.url, secret);
    try {
      const sub = collect(client, ACCOUNT_EVENTS);
      const ready = collect(client, `{ me { id } }`);
      await ready.waitFor(1);
      await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: apiToken.id }, user.token);
      await sub.done;
      // The revocation event itself is not delivered: the credential no longer stands.
      expect(sub.results).toHaveLength(0);
    } finally {
      await client.dispose();
    }
  });
});

describe('releaseEvents: replay then live, resumable from a cursor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('delivers every event exactly once across a disconnect and a resume from the last cursor', async () => {
    const user = await buildUser(t);
    const SUB = `subscription($after: String) { releaseEvents(types: ["account.api_token_created"], after: $after) { cursor data } }`;
    const create = (name: string) => t.gql(`mutation($n: String!) { createApiToken(name: $n) { secret } }`, { n: name }, user.token);
    await create('before-1');
    const head = await t.gql(`{ events(types: ["account.api_token_created"]) { pageInfo { endCursor } } }`, {}, user.token);

    // Connect from the head, receive two live events, then go away.
    const first = wsClient(t.url, user.token);
    const live = collect(first, SUB, { after: head.data!.events.pageInfo.endCursor });
    await collect(first, `{ me { id } }`).waitFor(1);
    await create('live-1');
    await create('live-2');
    const seen = await live.waitFor(2);
    live.unsubscribe();
    await first.dispose();

    // Missed while away.
    await create('missed-1');
    await create('missed-2');

    // Resume from the last cursor seen: the missed ones first (replay), then live, no duplicates.
    const second = wsClient(t.url, user.token);
    try {
      const resumed = collect(second, SUB, { after: seen[1].data?.releaseEvents.cursor });
      await resumed.waitFor(2);
      await create('live-3');
      const all = await resumed.waitFor(3);
      const names = [...seen, ...all].map(r => r.data?.releaseEvents.data.name);
      expect(names).toEqual(['live-1', 'live-2', 'missed-1', 'missed-2', 'live-3']);
      resumed.unsubscribe();
    } finally {
      await second.dispose();
    }
  });

  it('refuses a cursor it did not issue', async () => {
    const user = await buildUser(t);
    const client = wsClient(t.url, user.token);
    try {
      const sub = collect(client, `subscription { releaseEvents(after: "bm9wZQ") { id } }`);
      await sub.done;
      expect(JSON.stringify([...sub.results, ...sub.errors])).toContain('BAD_USER_INPUT');
    } finally {
      await client.dispose();
    }
  });
});

describe('slow subscribers are bounded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ wsMaxSubscriptions: 8, wsMaxQueuedBytes: 256 * 1024 });
  });
  afterAll(() => t.close());

  it('refuses more subscriptions per connection than the cap', async () => {
    const user = await buildUser(t);
    const client = wsClient(t.url, user.token);
    try {
      const subs = Array.from({ length: 9 }, () => collect(client, `subscription { releaseEvents(types: ["none.yet"]) { id } }`));
      await subs[8].done;
      expect(JSON.stringify(subs[8].errors)).toContain('At most 8 subscriptions per connection');
      expect(subs.slice(0, 8).every(s => s.errors.length === 0)).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it('closes a client that stops reading with 4008 and a reason; it resumes from its cursor and misses nothing', async () => {
    const admin = await buildAdmin(t);
    const [{ head }] = await t.sql(`SELECT coalesce(max(id), 0)::text AS head FROM platform_events`);
    const { client, sockets, closed } = pausableClient(t.url, admin.token);
    const SUB = `subscription($after: String) { releaseEvents(types: ["test.bulk"], after: $after) { cursor subjectId data } }`;
    // Seven subscriptions and the query below: the connection's cap of 8 operations.
    const subs = Array.from({ length: 7 }, () => collect(client, SUB, { after: eventCursor({ id: head }) }));
    await collect(client, `{ me { id } }`).waitFor(1);

    sockets[0].pause(); // the client stops reading; the server's buffers fill
    await t.sql(
      `INSERT INTO platform_events (type, subject_type, subject_id, data)
       SELECT 'test.bulk', 'Test', g::text, jsonb_build_object('pad', repeat('x', 65536)) FROM generate_series(1, 150) g`,
    );
    await t.sql(`SELECT pg_notify('plaza_events', '0')`);
    await new Promise(r => setTimeout(r, 3000));
    sockets[0].resume();
    await subs[0].done;
    expect(closed()).toEqual({ code: 4008, reason: 'Too slow: over 262144 bytes queued; resume from your last cursor' });

    const received = subs[0].results.map(r => r.data?.releaseEvents);
    expect(received.length).toBeLessThan(150);
    const resumed = wsClient(t.url, admin.token);
    try {
      const rest = collect(resumed, SUB, { after: received.length ? received[received.length - 1].cursor : eventCursor({ id: head }) });
      const tail = (await rest.waitFor(150 - received.length)).map(r => r.data?.releaseEvents);
      expect([...received, ...tail].map(e => Number(e.subjectId))).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    } finally {
      await resumed.dispose();
      await client.dispose();
    }
  });
});

describe('stalled subscribers are closed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ wsMaxStallSeconds: 1, wsMaxQueuedBytes: 64 * 1024 * 1024 });
  });
  afterAll(() => t.close());

  it('closes a single subscription that stops reading (under the byte cap) with 4008 once nothing drains', async () => {
    const admin = await buildAdmin(t);
    const [{ head }] = await t.sql(`SELECT coalesce(max(id), 0)::text AS head FROM platform_events`);
    const { client, sockets, closed } = pausableClient(t.url, admin.token);
    const sub = collect(client, `subscription($after: String) { releaseEvents(types: ["test.stall"], after: $after) { cursor data } }`, { after: eventCursor({ id: head }) });
    await collect(client, `{ me { id } }`).waitFor(1);
    sockets[0].pause();
    await t.sql(
      `INSERT INTO platform_events (type, subject_type, subject_id, data)
       SELECT 'test.stall', 'Test', g::text, jsonb_build_object('pad', repeat('y', 65536)) FROM generate_series(1, 300) g`,
    );
    await t.sql(`SELECT pg_notify('plaza_events', '0')`);
    await new Promise(r => setTimeout(r, 4000));
    sockets[0].resume();
    await sub.done;
    expect(closed()).toEqual({ code: 4008, reason: 'Too slow: nothing sent for 1 s; resume from your last cursor' });
    expect(sub.results.length).toBeLessThan(300);
    await client.dispose();
  });
});

/** A graphql-ws client whose socket the test can pause (a client that stops reading). */
function pausableClient(httpUrl: string, token: string) {
  const sockets: WebSocket[] = [];
  let closedWith: { code: number; reason: string } | null = null;
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(this);
      }
    },
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { closed: event => (closedWith = { code: (event as CloseEvent).code, reason: String((event as CloseEvent).reason) }) },
  });
  return { client, sockets, closed: () => closedWith };
}
