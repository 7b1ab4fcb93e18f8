import type { EntityManager } from 'typeorm';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { eventCursor } from '../../src/modules/events/event-log';
import { InternalEventTypes } from '../../src/modules/events/event-types';
import { ManualClock } from '../../src/shared/clock';
import { expectCode } from '../utils/expect-code';
import { buildAdmin, buildUser, TestUser } from '../utils/factories';
import { startTestApp, TestApp } from '../utils/test-app';
import { collect, wsClient } from '../utils/ws-client';

/**
 * The event log without a global append lock (docs/architecture.md, "Transactions and events"):
 * writers in parallel connections never wait on one another, and every way of reading the log
 * (replay, a subscription with `after`, the webhook dispatcher) sees each committed event exactly
 * once, in cursor order, while transactions of varying length commit out of id order.
 * Then retention (docs/events.md, "Retention"): a prefix of old events dropped, CURSOR_EXPIRED.
 */
const T = InternalEventTypes.LISTING_UPDATED;
const LANES = 12;
const PER_LANE = 18;
const EVENTS = `query($after: String, $first: Int) { events(after: $after, first: $first, types: ["${T}"]) { pageInfo { hasNextPage endCursor } edges { cursor node { id subjectId } } } }`;
const SUB = `subscription($after: String) { releaseEvents(types: ["${T}"], after: $after) { id cursor subjectId } }`;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function until<V>(what: string, probe: () => Promise<V | undefined | false>, timeoutMs = 15_000): Promise<V> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(25);
  }
}

describe('event log: concurrent writers, readers that never skip or repeat, retention', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let admin: TestUser;
  const ctxOf = (manager: EntityManager) => systemContext(manager, t.app.logger, createLoaders(manager), t.app.container, 'test');

  beforeAll(async () => {
    t = await startTestApp({ allowLoopbackWebhooks: true }, { clock });
    admin = await buildAdmin(t);
  }, 60_000);
  afterAll(() => t.close());

  it('writers commit past an open writer; replay, a subscription and the webhook dispatcher each see every committed event once, in order', async () => {
    const { events, webhooks } = t.app.services;
    const start = eventCursor({ id: await events.headId(t.app.dataSource.manager) });
    const endpoint = await t.gql(`mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }`, { i: { url: 'http://127.0.0.1:9/hook' } }, admin.token);
    expect(endpoint.errors).toBeUndefined();
    const endpointId = endpoint.data!.createWebhookEndpoint.endpoint.id;
    const ws = wsClient(t.url, admin.token);
    const live = collect<{ data?: { releaseEvents: { id: string; subjectId: string } } }>(ws, SUB, { after: start });

    // One writer appends first and stays open: every other writer takes higher ids and commits
    // before it. With a global append lock they would all wait for it (and this would time out).
    let releaseSlow!: () => void;
    const gate = new Promise<void>(r => (releaseSlow = r));
    let slowId = '';
    const slow = t.app.dataSource.transaction(async manager => {
      slowId = (await events.append(ctxOf(manager), T, { subjectType: 'Race', subjectId: 'slow', data: {} })).id;
      await gate;
    });
    await until('the slow writer appended', async () => slowId !== '');

    const committed = new Set<string>(['slow']);
    const rolledBack = new Set<string>();
    let done = false;
    const lane = async (n: number) => {
      for (let i = 0; i < PER_LANE; i++) {
        const subject = `${n}-${i}`;
        const fail = (n + i) % 7 === 3;
        try {
          await t.app.dataSource.transaction(async manager => {
            await sleep(Math.random() * 15);
            if (i % 6 === 5) {
              // A set-based writer: three events in one statement.
              await manager.query(
                `WITH rows AS (SELECT '${subject}.' || g AS s FROM generate_series(1, 3) g)
                 ${events.insertManySql(T, { from: 'rows', appId: 'NULL', version: 'NULL', subjectType: `'Race'`, subjectId: 'rows.s', audienceUserId: 'NULL', data: `'{}'::jsonb` })}`,
              );
            } else {
              await events.append(ctxOf(manager), T, { subjectType: 'Race', subjectId: subject, data: {} });
            }
            await sleep(Math.random() * 25);
            if (fail) throw new Error('rolled back on purpose');
          });
          for (const s of i % 6 === 5 ? [1, 2, 3].map(g => `${subject}.${g}`) : [subject]) committed.add(s);
        } catch (error) {
          if (!fail) throw error;
          for (const s of i % 6 === 5 ? [1, 2, 3].map(g => `${subject}.${g}`) : [subject]) rolledBack.add(s);
        }
      }
    };
    const lanes = Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));

    // A replay reader following the log by cursor while the writers run.
    const replayed: { id: string; subjectId: string }[] = [];
    const reader = (async () => {
      let after = start;
      for (;;) {
        const finished = done;
        const res = await t.gql(EVENTS, { after, first: 40 }, admin.token);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
        const page = res.data!.events;
        for (const edge of page.edges) replayed.push(edge.node);
        after = page.pageInfo.endCursor ?? after;
        if (finished && !page.pageInfo.hasNextPage) return;
        if (!page.edges.length) await sleep(20);
      }
    })();
    // The dispatcher, run by hand beside the process's own.
    const dispatcher = (async () => {
      while (!done) if ((await webhooks.dispatch(ctxOf(t.app.dataSource.manager))) === 0) await sleep(20);
    })();

    // Writers get through a good share of their work while the slow one is open.
    await until('writers committed beside the open one', async () => committed.size > 60);
    const early = await t.gql(EVENTS, { after: start, first: 100 }, admin.token);
    // Nothing is readable above an open writer: the slow one holds readers (not writers) back.
    expect(early.data!.events.edges).toEqual([]);
    expect(replayed).toEqual([]);
    releaseSlow();
    await Promise.all([slow, lanes]);
    done = true;
    await Promise.all([reader, dispatcher]);
    expect(rolledBack.size).toBeGreaterThan(0);

    const expectInOrder = (seen: { id: string; subjectId: string }[], who: string) => {
      const ids = seen.map(e => BigInt(e.id));
      ids.forEach((id, i) => i > 0 && expect({ who, ordered: id > ids[i - 1] }).toEqual({ who, ordered: true }));
      expect(seen.map(e => e.subjectId).sort()).toEqual([...committed].sort());
    };
    expectInOrder(replayed, 'replay');
    expect(replayed[0].subjectId).toBe('slow');
    const received = await live.waitFor(committed.size, 15_000);
    expectInOrder(received.map(r => r.data!.releaseEvents), 'subscription');
    const deliveries = await until('the dispatcher caught up', async () => {
      const rows: { event_id: string; subject_id: string }[] = await t.sql(
        `SELECT d.event_id::text, e.subject_id FROM webhook_deliveries d JOIN platform_events e ON e.id = d.event_id
          WHERE d.endpoint_id = $1 AND e.type = $2 ORDER BY d.event_id`,
        [endpointId, T],
      );
      return rows.length >= committed.size && rows;
    });
    expectInOrder(deliveries.map(d => ({ id: d.event_id, subjectId: d.subject_id })), 'webhooks');
    live.unsubscribe();
    await ws.dispose();
  }, 60_000);

  it('counts the whole log for totalCount only when the caller selects it', async () => {
    const page = await t.gql(EVENTS, { first: 5 }, admin.token);
    const counted = await t.gql(`query { events(first: 5, types: ["${T}"]) { totalCount edges { cursor } } }`, {}, admin.token);
    expect(counted.data!.events.totalCount).toBe((await t.sql(`SELECT count(*)::int AS n FROM platform_events WHERE type = $1`, [T]))[0].n);
    expect(Number(counted.headers['x-plaza-db-queries'])).toBe(Number(page.headers['x-plaza-db-queries']) + 1);
  });

  it('retention drops the oldest prefix in batches; an expired cursor gets CURSOR_EXPIRED naming the oldest cursor', async () => {
    const { eventRetention } = t.app.services;
    const ctx = ctxOf(t.app.dataSource.manager);
    const first = await t.gql(EVENTS, { first: 6 }, admin.token);
    const [a, b, c, d] = first.data!.events.edges;
    // Nothing is old yet: the pass drops nothing (the window is 180 days by default).
    expect(await eventRetention.runOnce(ctx)).toMatchObject({ dropped: 0 });
    // Age every event up to `c` past the window, and one later event too (`d` is kept: it has a
    // younger event below it, and the log is dropped as a prefix).
    const young = (await t.sql(`SELECT count(*)::int AS n FROM platform_events WHERE id > $1`, [c.node.id]))[0].n;
    await t.sql(`UPDATE platform_events SET occurred_at = occurred_at - interval '200 days' WHERE id <= $1`, [c.node.id]);
    const [{ id: afterD }] = await t.sql(`SELECT min(id)::text AS id FROM platform_events WHERE id > $1`, [d.node.id]);
    await t.sql(`UPDATE platform_events SET occurred_at = occurred_at - interval '200 days' WHERE id = $1`, [afterD]);
    const pass = await eventRetention.runOnce(ctx);
    expect(pass.floor).toBe(c.node.id);
    expect(await t.sql(`SELECT 1 FROM platform_events WHERE id <= $1`, [c.node.id])).toEqual([]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM platform_events WHERE id > $1`, [c.node.id]))[0].n).toBe(young);
    // Their webhook deliveries went with them.
    expect(await t.sql(`SELECT 1 FROM webhook_deliveries WHERE event_id <= $1`, [c.node.id])).toEqual([]);

    // Replay from an expired cursor: CURSOR_EXPIRED, with the oldest cursor still served.
    const expired = await t.gql(EVENTS, { after: a.cursor }, admin.token);
    const error = expectCode(expired, 'CURSOR_EXPIRED');
    expect(error.extensions.oldestCursor).toBe(eventCursor({ id: c.node.id }));
    expect(error.message).toContain(eventCursor({ id: c.node.id }));
    expectCode(await t.gql(EVENTS, { after: b.cursor }, admin.token), 'CURSOR_EXPIRED');
    // The oldest cursor itself (and anything after it) still works, and so does no cursor at all.
    const resumed = await t.gql(EVENTS, { after: error.extensions.oldestCursor, first: 1 }, admin.token);
    expect(resumed.data!.events.edges[0].node.id).toBe(d.node.id);
    expect((await t.gql(EVENTS, { first: 1 }, admin.token)).data!.events.edges[0].node.id).toBe(d.node.id);
    expect((await t.gql(EVENTS, { after: c.cursor, first: 1 }, admin.token)).errors).toBeUndefined();
    // A malformed cursor is still BAD_USER_INPUT; a stranger gets the same CURSOR_EXPIRED (the floor is no secret).
    expectCode(await t.gql(EVENTS, { after: 'bm90LWEtY3Vyc29y' }, admin.token), 'BAD_USER_INPUT');
    const stranger = await buildUser(t);
    expectCode(await t.gql(EVENTS, { after: a.cursor }, stranger.token), 'CURSOR_EXPIRED');
    expectCode(await t.gql(EVENTS, { after: a.cursor }), 'UNAUTHENTICATED');

    // A subscription resuming from an expired cursor is refused as it starts.
    const ws = wsClient(t.url, admin.token);
    const sub = collect(ws, SUB, { after: a.cursor });
    await Promise.race([sub.done, sleep(10_000).then(() => Promise.reject(new Error('the subscription was not refused')))]);
    expect(JSON.stringify([...sub.results, ...sub.errors])).toContain('CURSOR_EXPIRED');
    expect(JSON.stringify(sub.results)).not.toContain('releaseEvents":{');
    // … and one from the oldest cursor replays from there.
    const ok = collect<{ data?: { releaseEvents: { id: string } } }>(ws, SUB, { after: error.extensions.oldestCursor });
    expect((await ok.waitFor(1))[0].data!.releaseEvents.id).toBe(d.node.id);
    ok.unsubscribe();
    await ws.dispose();

    // Once the clock passes the window for everything, the next pass drops the rest up to the safe id.
    const [{ head }] = await t.sql(`SELECT max(id)::text AS head FROM platform_events`);
    clock.advance({ days: 181 });
    const all = await eventRetention.runOnce(ctx);
    expect(all.dropped).toBeGreaterThanOrEqual(young);
    expect(BigInt(all.floor)).toBeGreaterThanOrEqual(BigInt(head));
    expectCode(await t.gql(EVENTS, { after: resumed.data!.events.edges[0].cursor }, admin.token), 'CURSOR_EXPIRED');
  }, 30_000);
});
