// The large-catalogue generator (`npm run seed:large`, docs/benchmarks.md "Catalogue of
// millions") at a tiny scale: the same seed gives the same rows, another seed other rows, it
// refuses a database that has data unless forced, and the API reads what it wrote.
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { SEEDED_TABLES, seedCounts, seedLarge } from '../../scripts/seed-large';
import { startTestApp, TestApp } from '../utils/test-app';

const SCALE = 0.0001;
const quiet = { log: () => undefined };

describe('seed:large', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** One digest per seeded table over every column of every row. */
  const digests = async () => {
    const out: Record<string, string> = {};
    for (const table of SEEDED_TABLES) {
      const [row] = await t.sql<{ d: string; n: number }>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d, count(*)::int AS n FROM ${table} x`);
      out[table] = `${row.n}:${row.d}`;
    }
    return out;
  };
  const session = (userId: string) =>
    jwt.sign({ typ: 'session' }, t.app.config.jwtSecret, { algorithm: 'HS256', subject: userId, issuer: 'plaza', jwtid: randomUUID(), expiresIn: 600 });

  it('is reproducible, refuses data without --force, and writes rows the API reads', async () => {
    const counts = seedCounts(SCALE);
    await seedLarge(t.databaseUrl, { scale: SCALE, seed: 7, force: false, ...quiet });
    const first = await digests();
    const rows = await t.sql<{ users: number; extensions: number; versions: number; installations: number; events: number }>(
      `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM extensions)::int AS extensions,
              (SELECT count(*) FROM extension_versions)::int AS versions, (SELECT count(*) FROM installations)::int AS installations,
              (SELECT count(*) FROM platform_events)::int AS events`,
    );
    expect(rows[0]).toMatchObject({ users: counts.users, extensions: counts.extensions, versions: counts.versions, events: counts.events });
    // Duplicate picks of one extension by one user are dropped, so a tiny catalogue can fall short.
    expect(rows[0].installations).toBeGreaterThan(counts.installations / 2);
    expect(rows[0].installations).toBeLessThanOrEqual(counts.installations);

    await expect(seedLarge(t.databaseUrl, { scale: SCALE, seed: 7, force: false, ...quiet })).rejects.toThrow(/refusing to seed over them/);
    expect(await digests()).toEqual(first);

    await seedLarge(t.databaseUrl, { scale: SCALE, seed: 7, force: true, ...quiet });
    expect(await digests()).toEqual(first);

    // Every index and foreign key the migrations made is back after a load.
    const [{ ddl }] = await t.sql<{ ddl: number }>(`SELECT count(*)::int AS ddl FROM pg_tables WHERE tablename = 'seed_large_pending_ddl'`);
    expect(ddl).toBe(0);
    const [{ n: fkCount }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conrelid = 'installations'::regclass`);
    expect(fkCount).toBe(4);

    // The API reads the catalogue: the marketplace finds the listed extensions, and a search a listed title's word.
    const [{ listed }] = await t.sql<{ listed: number }>(`SELECT count(*)::int AS listed FROM listings WHERE published_at IS NOT NULL`);
    const market = await t.gql(`{ marketplace(first: 50, sort: INSTALLS) { totalCount edges { node { appId installCount listing { title } latestVersion { version } tools { name } } } } }`);
    expect(market.errors).toBeUndefined();
    expect(market.data!.marketplace.totalCount).toBe(listed);
    expect(listed).toBeGreaterThan(0);
    const cards = market.data!.marketplace.edges.map((e: any) => e.node);
    expect(cards.every((c: any) => c.latestVersion && c.tools.length >= 2 && c.listing.title)).toBe(true);
    const installCounts = cards.map((c: any) => c.installCount);
    expect(installCounts).toEqual([...installCounts].sort((a: number, b: number) => b - a));
    const word = cards[0].listing.title.split(' ')[1].toLowerCase();
    const search = await t.gql(`query($q: String) { marketplace(query: $q, first: 5) { totalCount edges { node { appId } } } }`, { q: word });
    expect(search.data!.marketplace.totalCount).toBeGreaterThan(0);

    // A user's installations and recommendations, a reviewer's queue and an admin's event page.
    const [heavy] = await t.sql<{ id: string; n: number }>(
      `SELECT owner_user_id AS id, count(*)::int AS n FROM installations WHERE status = 'ACTIVE' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const mine = await t.gql(`{ myInstallations { id extension { appId } version { version status } } }`, {}, session(heavy.id));
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myInstallations).toHaveLength(heavy.n);
    expect(mine.data!.myInstallations.every((i: any) => ['PUBLISHED', 'DEPRECATED'].includes(i.version.status))).toBe(true);
    const recommendations = await t.gql(`{ upgradeRecommendations { installation { id } recommendedVersion { version } } }`, {}, session(heavy.id));
    expect(recommendations.errors).toBeUndefined();

    const [reviewer] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE 'REVIEWER' = ANY(roles) ORDER BY id LIMIT 1`);
    const [{ open }] = await t.sql<{ open: number }>(`SELECT count(*)::int AS open FROM review_cases WHERE state IN ('OPEN', 'IN_REVIEW')`);
    const queue = await t.gql(`{ reviewQueue(first: 5) { totalCount edges { node { state version { version } } } } }`, {}, session(reviewer.id));
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.reviewQueue.totalCount).toBe(open);

    const [admin] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE 'ADMIN' = ANY(roles)`);
    const events = await t.gql(`{ events(first: 5) { totalCount edges { node { id type } } } }`, {}, session(admin.id));
    expect(events.errors).toBeUndefined();
    expect(events.data!.events.totalCount).toBe(counts.events);
    expect(events.data!.events.edges.map((e: any) => e.node.id)).toEqual(['1', '2', '3', '4', '5']);

    // Another seed, other rows.
    await seedLarge(t.databaseUrl, { scale: SCALE, seed: 8, force: true, ...quiet });
    const other = await digests();
    expect(other.users).not.toEqual(first.users);
    expect(other.installations).not.toEqual(first.installations);
  }, 120_000);
});
