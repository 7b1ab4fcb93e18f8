import type { EntityManager } from 'typeorm';
import { systemContext } from '../../src/context';
import { InternalEventTypes } from '../../src/modules/events/event-types';
import { createLoaders } from '../../src/loaders';
import { startTestApp, TestApp } from '../utils/test-app';
import { eventCursor, matchesFilter } from '../../src/modules/events/event-log';
import type { PlatformEventEntity } from '../../src/modules/events/event.entity';
import { buildAdmin, buildUser, PASSWORD, TestUser, uniqueEmail } from '../utils/factories';
import { expectCode } from '../utils/expect-code';

const EVENTS = `query($after: String, $first: Int, $types: [String!]) {
  events(after: $after, first: $first, types: $types) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id cursor type subjectId data } } } }`;
const AUDIT = `query($after: String, $first: Int) { auditLog(after: $after, first: $first) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id action targetType targetId requestId actor { id } } } } }`;

describe('event log and audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('applies the same visibility rule in SQL (replay) and in memory (the shared live feed)', async () => {
    const owner = await buildUser(t);
    const installer = await buildUser(t);
    const stranger = await buildUser(t);
    await t.sql(`INSERT INTO extensions (app_id, display_name, category, owner_id) VALUES ('vis-app', 'Vis', 'productivity', $1)`, [owner.id]);
    const [{ head }] = await t.sql(`SELECT coalesce(max(id), 0)::text AS head FROM platform_events`);
    await t.sql(
      `INSERT INTO platform_events (type, app_id, subject_type, subject_id, audience_user_id) VALUES
         ('version.published', 'vis-app', 'V', '1', NULL),
         ('installation.created', 'vis-app', 'I', '2', $1),
         ('test.private', NULL, 'T', '3', $2),
         ('installation.created', 'other-app', 'I', '4', $1),
         ('version.published', NULL, 'V', '5', NULL)`,
      [installer.id, owner.id],
    );
    const log = t.app.services.events;
    const manager = t.app.dataSource.manager;
    const feed = await log.readFeed(manager, head, 100);
    expect(feed).toHaveLength(5);
    const filters = [owner, installer, stranger].flatMap(u => [
      { readerUserId: u.id },
      { readerUserId: u.id, audienceOnly: true },
      { readerUserId: u.id, types: ['installation.created'] },
      { readerUserId: u.id, appIds: ['vis-app'] },
    ]);
    for (const filter of [...filters, { readerUserId: null }]) {
      const sql = (await log.readAfter(manager, eventCursor({ id: head }), 100, filter)).items.map(e => e.subjectId);
      const memory = feed.filter(entry => matchesFilter(filter, entry)).map(entry => entry.event.subjectId);
      expect({ filter, ids: memory }).toEqual({ filter, ids: sql });
    }
    // And the rule itself: the owner sees everything about its app, the installer its own.
    const seen = (u: TestUser) => feed.filter(entry => matchesFilter({ readerUserId: u.id }, entry)).map(entry => entry.event.subjectId);
    expect(seen(owner)).toEqual(['1', '2', '3', '5']);
    expect(seen(installer)).toEqual(['1', '2', '4', '5']);
    expect(seen(stranger)).toEqual(['1', '5']);
  });

  it('a live tail that stops consuming falls back to reading the log itself and still gets every event once, in order', async () => {
    const stream = t.app.services.eventStream;
    const tail = stream.tail({ filter: { readerUserId: null, types: ['test.burst'] }, after: null, isStillAllowed: async () => true });
    const insert = (from: number, to: number) =>
      t.sql(`INSERT INTO platform_events (type, subject_type, subject_id) SELECT 'test.burst', 'T', g::text FROM generate_series($1::int, $2::int) g`, [from, to]);
    const first = tail.next(); // starts the tail at the head; it joins the shared feed once caught up
    await new Promise(r => setTimeout(r, 300));
    await insert(1, 1);
    await t.sql(`SELECT pg_notify('plaza_events', '0')`);
    expect(((await first).value as PlatformEventEntity).subjectId).toBe('1');
    // 1,200 more while nobody consumes: more than the live queue holds (500) and than one feed page.
    await insert(2, 1201);
    await t.sql(`SELECT pg_notify('plaza_events', '0')`);
    await new Promise(r => setTimeout(r, 500));
    const seen: string[] = ['1'];
    while (seen.length < 1201) seen.push(((await tail.next()).value as PlatformEventEntity).subjectId);
    await tail.return!();
    expect(seen).toEqual(Array.from({ length: 1201 }, (_, i) => String(i + 1)));
  });

  it('replays events in order with cursors; a reader sees public events and only their own private ones', async () => {
    const alice = await buildUser(t);
    const bob = await buildUser(t);
    for (const name of ['one', 'two', 'three']) {
      await t.gql(`mutation($n: String!) { createApiToken(name: $n) { secret } }`, { n: name }, alice.token);
    }
    const first = await t.gql(EVENTS, { first: 2, types: ['account.api_token_created'] }, alice.token);
    expect(first.data!.events.totalCount).toBe(3);
    expect(first.data!.events.pageInfo.hasNextPage).toBe(true);
    const rest = await t.gql(EVENTS, { first: 2, after: first.data!.events.pageInfo.endCursor, types: ['account.api_token_created'] }, alice.token);
    const names = [...first.data!.events.edges, ...rest.data!.events.edges].map((e: any) => e.node.data.name);
    expect(names).toEqual(['one', 'two', 'three']);
    expect(rest.data!.events.pageInfo.hasNextPage).toBe(false);
    expect(first.data!.events.edges[0].cursor).toBe(first.data!.events.edges[0].node.cursor);

    const bobs = await t.gql(EVENTS, { first: 100 }, bob.token);
    expect(bobs.data!.events.edges.every((e: any) => e.node.subjectId !== alice.id && e.node.type !== 'account.api_token_created')).toBe(true);
    const admin = await buildAdmin(t);
    const all = await t.gql(EVENTS, { first: 100, types: ['account.api_token_created'] }, admin.token);
    expect(all.data!.events.totalCount).toBe(3);
  });

  it('needs a signed-in reader and refuses a foreign cursor', async () => {
    expectCode(await t.gql(EVENTS, { first: 1 }), 'UNAUTHENTICATED');
    const user = await buildUser(t);
    const bad = await t.gql(EVENTS, { after: 'bm90LWEtY3Vyc29y' }, user.token);
    expect(expectCode(bad, 'BAD_USER_INPUT').extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
    const negative = await t.gql(EVENTS, { first: -1 }, user.token);
    expectCode(negative, 'BAD_USER_INPUT');
  });

  it('never lets a cursor pass an event whose transaction commits late (no gaps on replay)', async () => {
    const admin = await buildAdmin(t);
    const head = await t.gql(EVENTS, { first: 100 }, admin.token);
    const cursor = head.data!.events.pageInfo.endCursor;
    const { events } = t.app.services;
    const ctxOf = (manager: EntityManager) =>
      systemContext(manager, t.app.logger, createLoaders(manager), t.app.container, 'test');
    // Two internal types nothing else writes during the test stand for a slow and a fast writer.
    const [SLOW, FAST] = [InternalEventTypes.LISTING_UPDATED, InternalEventTypes.REVIEW_CLAIMED];
    const append = (manager: EntityManager, type: typeof SLOW | typeof FAST) =>
      events.append(ctxOf(manager), type, { subjectType: 'Test', subjectId: 'x', data: {} });

    let releaseSlow!: () => void;
    const gate = new Promise<void>(resolve => (releaseSlow = resolve));
    // The slow writer appends first and commits last; the fast one appends and commits at once.
    const slow = t.app.dataSource.transaction(async manager => {
      await append(manager, SLOW);
      await gate;
    });
    await new Promise(r => setTimeout(r, 100));
    let fastDone = false;
    const fast = t.app.dataSource
      .transaction(manager => append(manager, FAST))
      .then(() => (fastDone = true));
    await new Promise(r => setTimeout(r, 200));
    const during = await t.gql(EVENTS, { after: cursor, types: [SLOW, FAST] }, admin.token);
    // The fast writer does not wait for the slow one (no global lock): it has committed, above
    // the slow one's id. Had the reader been given it, it would pass it and then miss the slow
    // one when it lands below the cursor. The reader stops below the open writer instead.
    expect(fastDone).toBe(true);
    expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = $1`, [FAST])).toHaveLength(1);
    expect(during.data!.events.edges).toEqual([]);
    releaseSlow();
    await Promise.all([slow, fast]);
    const after = await t.gql(EVENTS, { after: cursor, types: [SLOW, FAST] }, admin.token);
    expect(after.data!.events.edges.map((e: any) => e.node.type)).toEqual([SLOW, FAST]);
  });

  it('lists the audit trail newest first for admins only, with actor and request id', async () => {
    const admin = await buildAdmin(t);
    const user = await buildUser(t);
    await t.gql(`mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`, { id: user.id }, admin.token);
    const res = await t.gql(AUDIT, { first: 1 }, admin.token);
    const [entry] = res.data!.auditLog.edges;
    expect(entry.node).toMatchObject({ action: 'user.grant_role', targetType: 'User', targetId: user.id, actor: { id: admin.id } });
    expect(entry.node.requestId).toBeTruthy();
    const next = await t.gql(AUDIT, { first: 1, after: res.data!.auditLog.pageInfo.endCursor }, admin.token);
    expect(Number(next.data!.auditLog.edges[0].node.id)).toBeLessThan(Number(entry.node.id));
    expectCode(await t.gql(AUDIT, { first: 1 }, user.token), 'FORBIDDEN');
  });

  describe('the event is part of the state change it records', () => {
    it('a mutation whose event cannot be written changes nothing, and the error is masked', async () => {
      const broken = await startTestApp();
      try {
        // Break the event log so the append (the last write of signUp) fails.
        await broken.sql(`ALTER TABLE platform_events ADD CONSTRAINT no_events CHECK (false) NOT VALID`);
        const email = uniqueEmail('atomic');
        const res = await broken.gql(
          `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
          { input: { email, password: PASSWORD, displayName: 'Atomic' } },
        );
        const error = expectCode(res, 'INTERNAL_SERVER_ERROR');
        expect(error.extensions.requestId).toBe(res.headers['x-request-id']);
        expect(error.message).toBe('Internal server error');
        expect(JSON.stringify(res.errors)).not.toMatch(/no_events|platform_events|INSERT|stack/i);
        expect(await broken.sql(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
        expect(await broken.sql(`SELECT 1 FROM audit_entries`)).toHaveLength(0);
      } finally {
        await broken.close();
      }
    });

    it('a failed mutation leaves no event', async () => {
      const user = await buildUser(t);
      const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM platform_events`);
      await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }, user.token);
      await t.gql(`mutation { becomeDeveloper(input: { organizationName: "A", contactEmail: "x@y.z", acceptTerms: true }) { id } }`, {}, user.token);
      await t.gql(`mutation($e: String!) { signUp(input: { email: $e, password: "${PASSWORD}", displayName: "Dup" }) { token } }`, { e: user.email });
      const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM platform_events`);
      expect(after).toBe(before);
    });
  });
});
