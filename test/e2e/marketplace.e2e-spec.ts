import { startTestApp, TestApp } from '../utils/test-app';
import { buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { approvedVersion as approved, buildReviewer, FIRST_PARTY, publishedExtension } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';

const UPDATE = `mutation($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { title categories supportContact } }`;
const PUBLISH = `mutation($id: ID!) { publishVersion(id: $id) { id status } }`;
const MARKET = `query($q: String, $c: String, $s: MarketplaceSort, $n: Int) { marketplace(query: $q, category: $c, sort: $s, first: $n) {
  totalCount edges { node { appId displayName system listing { title shortDescription } latestVersion { version } tools { name } scopes owner { id } } } } }`;

const completeListing = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  shortDescription: 'Plan and track tasks from chat, with due dates and reminders.',
  fullDescription: `${title} keeps a task board the assistant can read and update: create tasks, move them, and get reminders.`,
  categories: ['productivity'],
  supportContact: 'support@example.test',
  privacyPolicyUrl: 'https://example.test/privacy',
  ...extra,
});

describe('listings, publishing and the marketplace', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp(FIRST_PARTY);
    dev = await buildDeveloper(t);
    reviewer = await buildReviewer(t);
  });
  afterAll(() => t.close());

  /** Claim, submit, validate and approve through review: an APPROVED version ready to publish. */
  async function approvedVersion(appId = `market-app-${++n}`, name = 'Market App') {
    const { versionId } = await approved(t, { dev, reviewer, appId, displayName: name });
    return { appId, versionId };
  }

  it('refuses to publish with an incomplete listing, naming what is missing', async () => {
    const { versionId } = await approvedVersion();
    const res = await t.gql(PUBLISH, { id: versionId }, dev.token);
    expect(expectCode(res, 'INVALID_STATE').extensions.missingFields).toEqual(['title', 'shortDescription', 'fullDescription', 'categories', 'supportContact', 'privacyPolicyUrl']);
  });

  it.each([
    ['title', { title: '<app id>' }],
    ['title', { title: 'TODO' }],
    ['shortDescription', { shortDescription: 'x'.repeat(161) }],
    ['fullDescription', { fullDescription: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.' }],
    ['categories', { categories: ['not-a-category'] }],
    ['categories', { categories: [] }],
    ['privacyPolicyUrl', { privacyPolicyUrl: 'http://example.test/privacy' }],
    ['supportContact', { supportContact: 'call us maybe' }],
  ])('refuses a bad %s with a field error and writes nothing', async (field, input: Record<string, unknown>) => {
    const appId = `bad-listing-${++n}`;
    await t.gql(`mutation { claimExtension(input: { appId: "${appId}", displayName: "Bad Listing", category: "productivity" }) { id } }`, {}, dev.token);
    const res = await t.gql(UPDATE, { a: appId, i: input.title === '<app id>' ? { title: appId } : input }, dev.token);
    expect(expectCode(res, 'BAD_USER_INPUT').extensions.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await t.sql(`SELECT 1 FROM listings l JOIN extensions e ON e.id = l.extension_id WHERE e.app_id = $1`, [appId])).toHaveLength(0);
  });

  it('refuses a full description copied from another listing', async () => {
    const a = await approvedVersion();
    await t.gql(UPDATE, { a: a.appId, i: completeListing('Original Board') }, dev.token);
    const b = await approvedVersion();
    const copy = await t.gql(UPDATE, { a: b.appId, i: { fullDescription: completeListing('Original Board').fullDescription } }, dev.token);
    expect(expectCode(copy, 'BAD_USER_INPUT').extensions.fields).toEqual([expect.objectContaining({ path: 'fullDescription', message: expect.stringContaining('copied') })]);
  });

  it('publishes, then the marketplace finds it by words of its tools, exact name first', async () => {
    const { appId, versionId } = await approvedVersion('kanban-pro', 'Kanban Pro');
    await t.gql(UPDATE, { a: appId, i: completeListing('Kanban Pro') }, dev.token);
    const published = await t.gql(PUBLISH, { id: versionId }, dev.token);
    expect(published.data!.publishVersion.status).toBe('PUBLISHED');
    expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = 'version.published' AND subject_id = $1`, [versionId])).toHaveLength(1);
    const byTool = await t.gql(MARKET, { q: 'optionally filtered status' });
    expect(byTool.data!.marketplace.edges.map((e: { node: { appId: string } }) => e.node.appId)).toContain('kanban-pro');
    const exact = await t.gql(MARKET, { q: 'kanban pro' });
    expect(exact.data!.marketplace.edges[0].node).toMatchObject({
      appId: 'kanban-pro',
      listing: { title: 'Kanban Pro' },
      latestVersion: { version: '1.0.0' },
      tools: [{ name: 'list_tasks' }, { name: 'create_task' }],
      owner: { id: dev.id },
    });
    expect(exact.data!.marketplace.edges[0].node.scopes).toContain('store:read');
    expect((await t.gql(MARKET, { q: 'kanban', c: 'finance' })).data!.marketplace.totalCount).toBe(0);
    const anonymous = await t.gql(`query { extension(appId: "kanban-pro") { appId listing { title } } }`);
    expect(anonymous.data!.extension).toMatchObject({ appId: 'kanban-pro', listing: { title: 'Kanban Pro' } });
    expectCode(await t.gql(PUBLISH, { id: versionId }, dev.token), 'INVALID_STATE');
  });

  it('finds a listing by its exact title when no word of it is searchable (every word a stop word)', async () => {
    // websearch_to_tsquery drops stop words, so the text match finds nothing; the exact-title
    // lookup alone must bring the listing, ranked as an exact name.
    const { appId, versionId } = await approvedVersion('stop-words-app', 'Stop Words App');
    await t.gql(UPDATE, { a: appId, i: completeListing('Just Do It') }, dev.token);
    expect((await t.gql(PUBLISH, { id: versionId }, dev.token)).data!.publishVersion.status).toBe('PUBLISHED');
    const found = await t.gql(MARKET, { q: 'just do it' });
    expect(found.data!.marketplace.totalCount).toBe(1);
    expect(found.data!.marketplace.edges[0].node).toMatchObject({ appId, listing: { title: 'Just Do It' } });
    // Searched by a word of its text instead, it is a text match like any other.
    const byText = await t.gql(MARKET, { q: 'stop words' });
    expect(byText.data!.marketplace.edges.map((e: { node: { appId: string } }) => e.node.appId)).toContain(appId);
  });

  it('serves the icon with a sandboxing CSP, nosniff and a strong ETag', async () => {
    const res = await t
      .http()
      .get('/marketplace/apps/kanban-pro/icon.svg')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk));
        response.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(res.body).toContain('<svg');
    const again = await t.http().get('/marketplace/apps/kanban-pro/icon.svg').set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
    expect((await t.http().get('/marketplace/apps/no-such-app/icon.svg')).status).toBe(404);
  });

  it('never shows a system app in any marketplace read', async () => {
    // A first-party app declaring system=true (V31), reviewed and published through the API.
    const { appId } = await publishedExtension(t, { reviewer, system: true, appId: 'system-board', displayName: 'System Board', listing: completeListing('System Board') });
    expect((await t.gql(MARKET, { q: 'System Board' })).data!.marketplace.edges).toEqual([]);
    expect((await t.gql(MARKET, { n: 100 })).data!.marketplace.edges.map((e: { node: { appId: string } }) => e.node.appId)).not.toContain(appId);
    const stranger = await buildUser(t);
    expect((await t.gql(`query { extension(appId: "${appId}") { appId } }`, {}, stranger.token)).data!.extension).toBeNull();
    expect((await t.http().get(`/marketplace/apps/${appId}/icon.svg`)).status).toBe(404);
    const counts = await t.gql(`{ categories { slug count } }`);
    const productivity = counts.data!.categories.find((c: { slug: string }) => c.slug === 'productivity');
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM listings l JOIN extensions e ON e.id = l.extension_id WHERE l.published_at IS NOT NULL AND NOT e.system`);
    expect(productivity.count).toBe(n);
  });

  it('sends as many SQL round trips for a page of 50 listings as for a page of 5', async () => {
    // Fifty published listings straight in SQL (the full flow above is covered once already).
    const [{ id: versionSource }] = await t.sql(`SELECT v.* FROM extension_versions v JOIN extensions e ON e.id = v.extension_id WHERE e.app_id = 'kanban-pro'`);
    await t.sql(
      `WITH ext AS (
         INSERT INTO extensions (app_id, display_name, category, owner_id)
         SELECT 'bulk-' || g, 'Bulk ' || g, 'productivity', $1 FROM generate_series(1, 50) g RETURNING id, app_id
       ), lst AS (
         INSERT INTO listings (extension_id, title, short_description, full_description, categories, support_contact, published_at)
         SELECT id, 'Bulk listing ' || app_id, 'Short text for the bulk listing entry.', 'Full text ' || app_id, '{productivity}', 'a@b.c', now() FROM ext
       )
       INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id)
       SELECT ext.id, '1.0.0', 'PUBLISHED', 'UPLOAD', v.package_sha256, v.manifest, $1 FROM ext, extension_versions v WHERE v.id = $2`,
      [dev.id, versionSource],
    );
    const query = `query($n: Int) { marketplace(first: $n, sort: NEWEST) { edges { node { appId listing { title } latestVersion { version } tools { name } scopes owner { displayName developerProfile { authorId } } } } } }`;
    const small = await t.gql(query, { n: 5 });
    const large = await t.gql(query, { n: 50 });
    expect(large.data!.marketplace.edges).toHaveLength(50);
    expect(Number(large.headers['x-plaza-db-queries'])).toBe(Number(small.headers['x-plaza-db-queries']));
  });
});

describe('latest published version', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('orders by semver: 1.10.0 over 1.9.0, a release over its pre-release', async () => {
    const dev = await buildDeveloper(t);
    await t.gql(`mutation { claimExtension(input: { appId: "order-app", displayName: "Order App", category: "productivity" }) { id } }`, {}, dev.token);
    const [{ id: extensionId }] = await t.sql(`SELECT id FROM extensions WHERE app_id = 'order-app'`);
    await t.sql(`INSERT INTO package_blobs (sha256, size_bytes) VALUES ($1, 1)`, ['1'.repeat(64)]);
    for (const version of ['1.9.0', '1.10.0-rc.1', '1.10.0', '1.2.0+build']) {
      await t.sql(
        `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, submitted_by_id) VALUES ($1, $2, 'PUBLISHED', 'UPLOAD', $3, $4)`,
        [extensionId, version, '1'.repeat(64), dev.id],
      );
    }
    const res = await t.gql(`{ extension(appId: "order-app") { latestVersion { version } } }`, {}, dev.token);
    expect(res.data!.extension.latestVersion.version).toBe('1.10.0');
  });
});
