import { graphql } from '../generated';
import { bayesianAverage, RATING_PRIOR_MEAN } from '../../src/modules/ratings/ratings.service';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { buildReviewer, installationOf, must, publishedExtension, submittedVersion } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';

const RATE = graphql(`mutation RatingsRate($i: RateExtensionInput!) {
  rateExtension(input: $i) { id stars title body authorName forOrganization hidden reply { body } } }`);
const REPLY = graphql(`mutation RatingsReply($id: ID!, $b: String!) { replyToReview(reviewId: $id, body: $b) { id reply { body createdAt updatedAt } } }`);
const REPORT = graphql(`mutation RatingsReport($id: ID!, $r: String) { reportReview(reviewId: $id, reason: $r) }`);
const MODERATE = graphql(`mutation RatingsModerate($id: ID!, $d: ModerationDecision!, $r: String!) { moderateReview(reviewId: $id, decision: $d, reason: $r) { id hidden } }`);
const QUEUE = graphql(`query RatingsQueue { ratingModerationQueue(first: 100) { totalCount edges { node { appId openReports reasons review { id body hidden } } } } }`);
const MINE = graphql(`query RatingsMine($a: String!, $o: ID) { myReview(appId: $a, organizationId: $o) { id stars body hidden } }`);
const LISTED = graphql(`query RatingsListed($a: String!, $first: Int, $after: String) {
  extension(appId: $a) { rating { average count histogram }
    reviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id stars title body authorName forOrganization hidden reply { body } } } } } }`);
const BY_RATING = graphql(`query RatingsMarketplace { marketplace(sort: RATING, first: 100) { edges { node { appId rating { average count } } } } }`);
const UNINSTALL = graphql(`mutation RatingsUninstall($id: ID!) { uninstall(installationId: $id) { status } }`);
const ORG = graphql(`mutation RatingsOrg($n: String!) { createOrganization(name: $n) { id } }`);
const ADD_MEMBER = graphql(`mutation RatingsAddMember($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: MEMBER) { id } }`);
const ACCEPT = graphql(`mutation RatingsAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }`);

describe('ratings and reviews (docs/ratings.md)', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  let admin: TestUser;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    dev = await buildDeveloper(t, { displayName: 'Rated Dev' });
    reviewer = await buildReviewer(t);
    admin = await buildAdmin(t);
  });
  afterAll(() => t.close());

  const extension = async () => (await publishedExtension(t, { dev, reviewer, appId: `rated-app-${++n}`, displayName: 'Rated App' })).appId;
  const ratingsOf = (appId: string) =>
    t.sql<{ id: string; stars: number; title: string | null; body: string | null; author_user_id: string; organization_id: string | null; hidden_at: Date | null }>(
      `SELECT r.* FROM extension_ratings r JOIN extensions e ON e.id = r.extension_id WHERE e.app_id = $1`,
      [appId],
    );
  const eventsOf = (appId: string, type: string) =>
    t.sql<{ data: Record<string, unknown>; audience_user_id: string | null }>(`SELECT data, audience_user_id FROM platform_events WHERE app_id = $1 AND type = $2 ORDER BY id`, [appId, type]);
  async function installer(appId: string, displayName = 'Happy Installer'): Promise<TestUser & { installationId: string }> {
    const user = await buildUser(t, { displayName });
    const installation = await installationOf(t, user, { appId });
    return { ...user, installationId: installation.id };
  }

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const appId = await extension();
    const user = await installer(appId);
    const cases: [Record<string, unknown>, string][] = [
      [{ stars: 0 }, 'stars'],
      [{ stars: 6 }, 'stars'],
      [{ stars: -1 }, 'stars'],
      [{ stars: 4, title: 'x'.repeat(121) }, 'title'],
      [{ stars: 4, body: 'y'.repeat(4001) }, 'body'],
      [{ stars: 4, body: 'Great <b>tool</b>' }, 'body'],
      [{ stars: 4, body: 'see <a href="https://evil.test">here</a>' }, 'body'],
      [{ stars: 4, title: '<script>alert(1)</script>' }, 'title'],
      [{ stars: 4, body: 'bell\u0007' }, 'body'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(RATE, { i: { appId, stars: 3, ...input } }, user.token);
      const error = expectCode(res, 'BAD_USER_INPUT', { dataNull: true });
      expect(error.extensions?.fields).toEqual([expect.objectContaining({ path: field })]);
    }
    expect(await ratingsOf(appId)).toHaveLength(0);
    expect(await eventsOf(appId, 'rating.submitted')).toHaveLength(0);
  });

  it('keeps plain text as typed: links stay text, a lone < is not HTML', async () => {
    const appId = await extension();
    const user = await installer(appId);
    const body = 'Docs at https://example.test/docs <3 and a < b works.\nSecond line.';
    const rated = (await must(t, RATE, { i: { appId, stars: 4, title: '  Nice  ', body } }, user.token)).rateExtension;
    expect(rated).toMatchObject({ stars: 4, title: 'Nice', body, authorName: 'Happy Installer', forOrganization: false, hidden: false, reply: null });
    const listed = (await must(t, LISTED, { a: appId })).extension!;
    expect(listed.reviews.edges[0].node.body).toBe(body);
    expect(JSON.stringify(listed)).not.toContain('<a ');
  });

  it('lets only installers rate: anonymous, strangers and short-lived installs are refused; unpublished is NOT_FOUND', async () => {
    const appId = await extension();
    expectCode(await t.gql(RATE, { i: { appId, stars: 5 } }), 'UNAUTHENTICATED');
    const stranger = await buildUser(t);
    expect(expectCode(await t.gql(RATE, { i: { appId, stars: 5 } }, stranger.token), 'FORBIDDEN').message).toMatch(/installation/);
    expectCode(await t.gql(RATE, { i: { appId: 'no-such-app', stars: 5 } }, stranger.token), 'NOT_FOUND');
    const unpublished = await submittedVersion(t, { dev, reviewer, appId: `rated-unpublished-${++n}` });
    expectCode(await t.gql(RATE, { i: { appId: unpublished.appId, stars: 5 } }, dev.token), 'NOT_FOUND');

    // Uninstalled within the hour: refused. Kept for more than an hour before uninstalling: allowed.
    const brief = await installer(appId);
    await must(t, UNINSTALL, { id: brief.installationId }, brief.token);
    expectCode(await t.gql(RATE, { i: { appId, stars: 1 } }, brief.token), 'FORBIDDEN');
    const kept = await installer(appId);
    await must(t, UNINSTALL, { id: kept.installationId }, kept.token);
    await t.sql(`UPDATE installations SET installed_at = uninstalled_at - interval '61 minutes' WHERE id = $1`, [kept.installationId]);
    expect((await must(t, RATE, { i: { appId, stars: 2 } }, kept.token)).rateExtension.stars).toBe(2);
    await t.sql(`UPDATE installations SET installed_at = uninstalled_at - interval '59 minutes' WHERE id = $1`, [brief.installationId]);
    expectCode(await t.gql(RATE, { i: { appId, stars: 1 } }, brief.token), 'FORBIDDEN');

    const rows = await ratingsOf(appId);
    expect(rows.map(r => r.author_user_id)).toEqual([kept.id]);
  });

  it('keeps one rating per installer: a second call edits it, also under concurrent first ratings, with events', async () => {
    const appId = await extension();
    const user = await installer(appId);
    const [a, b] = await Promise.all([
      t.gql(RATE, { i: { appId, stars: 3, title: 'first' } }, user.token),
      t.gql(RATE, { i: { appId, stars: 3, title: 'first' } }, user.token),
    ]);
    expect(a.errors ?? b.errors).toBeUndefined();
    const edited = (await must(t, RATE, { i: { appId, stars: 5, body: 'Better now' } }, user.token)).rateExtension;
    expect(edited).toMatchObject({ id: a.data!.rateExtension.id, stars: 5, title: null, body: 'Better now' });
    const rows = await ratingsOf(appId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stars: 5, body: 'Better now' });
    const events = await eventsOf(appId, 'rating.submitted');
    expect(events.map(e => e.data.edited)).toEqual([false, true, true]);
    expect(events.every(e => e.audience_user_id === user.id)).toBe(true);
    expect(events[2].data).toEqual({ ratingId: rows[0].id, stars: 5, edited: true, forOrganization: false });
  });

  it('rates for an organization: its admins only, one rating for the organization, never named publicly', async () => {
    const appId = await extension();
    const orgAdmin = await buildUser(t, { displayName: 'Org Boss' });
    const secondAdminless = await buildUser(t);
    const organizationId = (await must(t, ORG, { n: `Secret Org ${n}` }, orgAdmin.token)).createOrganization.id;
    await must(t, ADD_MEMBER, { o: organizationId, e: secondAdminless.email }, orgAdmin.token);
    await must(t, ACCEPT, { o: organizationId }, secondAdminless.token);
    // No organization installation yet: refused.
    expectCode(await t.gql(RATE, { i: { appId, stars: 4, organizationId } }, orgAdmin.token), 'FORBIDDEN');
    await installationOf(t, orgAdmin, { appId }, { organizationId });
    const rated = (await must(t, RATE, { i: { appId, stars: 4, organizationId } }, orgAdmin.token)).rateExtension;
    expect(rated).toMatchObject({ forOrganization: true, authorName: 'Org Boss' });
    expectCode(await t.gql(RATE, { i: { appId, stars: 1, organizationId } }, secondAdminless.token), 'FORBIDDEN');
    expectCode(await t.gql(RATE, { i: { appId, stars: 1, organizationId } }, (await buildUser(t)).token), 'NOT_FOUND');
    expectCode(await t.gql(RATE, { i: { appId, stars: 1, organizationId: 'not-a-uuid' } }, orgAdmin.token), 'NOT_FOUND');
    // The admin's own (personal) rating is a separate one and needs a personal installation.
    expectCode(await t.gql(RATE, { i: { appId, stars: 4 } }, orgAdmin.token), 'FORBIDDEN');
    await must(t, RATE, { i: { appId, stars: 5, organizationId } }, orgAdmin.token);
    expect(await ratingsOf(appId)).toEqual([expect.objectContaining({ organization_id: organizationId, stars: 5 })]);
    expect((await must(t, MINE, { a: appId, o: organizationId }, secondAdminless.token)).myReview).toMatchObject({ stars: 5 });
    const listed = JSON.stringify(await must(t, LISTED, { a: appId }));
    expect(listed).not.toContain('Secret Org');
    expect(listed).not.toContain(orgAdmin.email);
  });

  it('shows rating {average count histogram} and reviews newest first with the reply, display names only', async () => {
    const appId = await extension();
    const users = [];
    for (const stars of [5, 4, 4, 1]) {
      const user = await installer(appId, `Rater ${stars}`);
      await must(t, RATE, { i: { appId, stars, title: `${stars} stars` } }, user.token);
      users.push(user);
    }
    const anonymous = (await must(t, LISTED, { a: appId, first: 3 })).extension!;
    expect(anonymous.rating).toEqual({ average: 3.5, count: 4, histogram: [1, 0, 0, 2, 1] });
    expect(anonymous.reviews.edges.map(e => e.node.title)).toEqual(['1 stars', '4 stars', '4 stars']);
    expect(anonymous.reviews.totalCount).toBe(4);
    const rest = (await must(t, LISTED, { a: appId, first: 3, after: anonymous.reviews.pageInfo.endCursor }, (await buildUser(t)).token)).extension!;
    expect(rest.reviews.edges.map(e => e.node.title)).toEqual(['5 stars']);
    expect(rest.reviews.pageInfo.hasNextPage).toBe(false);
    const text = JSON.stringify([anonymous, rest]);
    for (const user of users) {
      expect(text).not.toContain(user.email);
      expect(text).not.toContain(user.id);
    }
    expect((await must(t, LISTED, { a: await extension() })).extension!.rating).toEqual({ average: null, count: 0, histogram: [0, 0, 0, 0, 0] });
  });

  it('lets the developer reply once per review and edit the reply; nobody else', async () => {
    const appId = await extension();
    const user = await installer(appId);
    const reviewId = (await must(t, RATE, { i: { appId, stars: 2, body: 'Crashes' } }, user.token)).rateExtension.id;
    expectCode(await t.gql(REPLY, { id: reviewId, b: 'Not mine' }, user.token), 'FORBIDDEN');
    expectCode(await t.gql(REPLY, { id: reviewId, b: 'Not mine' }, (await buildUser(t)).token), 'FORBIDDEN');
    expectCode(await t.gql(REPLY, { id: reviewId, b: 'Hi' }), 'UNAUTHENTICATED');
    expectCode(await t.gql(REPLY, { id: '00000000-0000-0000-0000-000000000000', b: 'Hi' }, dev.token), 'NOT_FOUND');
    expect(expectCode(await t.gql(REPLY, { id: reviewId, b: '<i>sorry</i>' }, dev.token), 'BAD_USER_INPUT').extensions?.fields).toEqual([expect.objectContaining({ path: 'body' })]);
    expectCode(await t.gql(REPLY, { id: reviewId, b: '   ' }, dev.token), 'BAD_USER_INPUT');
    expect(await t.sql(`SELECT 1 FROM rating_replies WHERE rating_id = $1`, [reviewId])).toHaveLength(0);

    await must(t, REPLY, { id: reviewId, b: 'Fixed in 1.0.1' }, dev.token);
    const edited = (await must(t, REPLY, { id: reviewId, b: 'Fixed in 1.0.2' }, dev.token)).replyToReview;
    expect(edited.reply?.body).toBe('Fixed in 1.0.2');
    expect(await t.sql(`SELECT body FROM rating_replies WHERE rating_id = $1`, [reviewId])).toEqual([{ body: 'Fixed in 1.0.2' }]);
    expect((await must(t, LISTED, { a: appId })).extension!.reviews.edges[0].node.reply).toEqual({ body: 'Fixed in 1.0.2' });
    const events = await eventsOf(appId, 'rating.replied');
    expect(events.map(e => [e.data.edited, e.audience_user_id])).toEqual([[false, user.id], [true, user.id]]);
  });

  it('queues reported reviews for moderators; HIDE removes them from public lists, audited, with an event', async () => {
    const appId = await extension();
    const author = await installer(appId, 'Spammy Author');
    const other = await installer(appId);
    const reviewId = (await must(t, RATE, { i: { appId, stars: 1, body: 'buy cheap pills https://spam.test' } }, author.token)).rateExtension.id;
    await must(t, RATE, { i: { appId, stars: 5 } }, other.token);
    const reporter = await buildUser(t);

    expectCode(await t.gql(REPORT, { id: reviewId, r: 'spam' }), 'UNAUTHENTICATED');
    expect(expectCode(await t.gql(REPORT, { id: reviewId, r: '<b>spam</b>' }, reporter.token), 'BAD_USER_INPUT').extensions?.fields).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect((await must(t, REPORT, { id: reviewId, r: 'spam' }, reporter.token)).reportReview).toBe(true);
    expectCode(await t.gql(REPORT, { id: reviewId, r: 'spam again' }, reporter.token), 'CONFLICT');
    await must(t, REPORT, { id: reviewId, r: null }, other.token);
    expect(await t.sql(`SELECT 1 FROM rating_reports WHERE rating_id = $1`, [reviewId])).toHaveLength(2);

    // The queue: moderators only.
    expectCode(await t.gql(QUEUE, {}), 'UNAUTHENTICATED');
    expectCode(await t.gql(QUEUE, {}, reporter.token), 'FORBIDDEN');
    expectCode(await t.gql(QUEUE, {}, dev.token), 'FORBIDDEN');
    const queued = (await must(t, QUEUE, {}, reviewer.token)).ratingModerationQueue.edges.map(e => e.node).find(node => node.review.id === reviewId);
    expect(queued).toMatchObject({ appId, openReports: 2, reasons: ['spam'], review: { hidden: false } });
    expect(JSON.stringify(queued)).not.toContain(reporter.email);

    // Bad decisions write nothing.
    expectCode(await t.gql(MODERATE, { id: reviewId, d: 'HIDE', r: 'spam' }, reporter.token), 'FORBIDDEN');
    expectCode(await t.gql(MODERATE, { id: reviewId, d: 'HIDE', r: '  ' }, reviewer.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(MODERATE, { id: reviewId, d: 'HIDE', r: 'my own app' }, dev.token), 'FORBIDDEN');
    expect((await ratingsOf(appId)).every(r => r.hidden_at === null)).toBe(true);

    const hidden = (await must(t, MODERATE, { id: reviewId, d: 'HIDE', r: 'Spam link' }, reviewer.token)).moderateReview;
    expect(hidden).toEqual({ id: reviewId, hidden: true });
    expect(await t.sql(`SELECT count(*)::int AS n FROM rating_reports WHERE rating_id = $1 AND decision = 'HIDE'`, [reviewId])).toEqual([{ n: 2 }]);
    expect(await t.sql(`SELECT actor_id, data FROM audit_entries WHERE action = 'rating.moderate' AND target_id = $1`, [reviewId])).toEqual([
      { actor_id: reviewer.id, data: { decision: 'HIDE', reason: 'Spam link', appId, reportsClosed: 2 } },
    ]);
    expect((await eventsOf(appId, 'rating.moderated')).map(e => e.data)).toEqual([{ ratingId: reviewId, decision: 'HIDE', hidden: true }]);
    expectCode(await t.gql(MODERATE, { id: reviewId, d: 'KEEP', r: 'again' }, reviewer.token), 'INVALID_STATE');

    // Hidden: gone from public lists and the aggregate, for anonymous, strangers and the developer.
    for (const token of [undefined, reporter.token, dev.token]) {
      const listed = (await must(t, LISTED, { a: appId }, token)).extension!;
      expect(listed.reviews.edges.map(e => e.node.id)).not.toContain(reviewId);
      expect(listed.rating).toEqual({ average: 5, count: 1, histogram: [0, 0, 0, 0, 1] });
      expect(JSON.stringify(listed)).not.toContain('cheap pills');
    }
    expectCode(await t.gql(REPORT, { id: reviewId, r: 'x' }, (await buildUser(t)).token), 'NOT_FOUND');
    expectCode(await t.gql(REPLY, { id: reviewId, b: 'x' }, dev.token), 'NOT_FOUND');
    // Its author still sees it, marked hidden; editing does not unhide it.
    expect((await must(t, MINE, { a: appId }, author.token)).myReview).toMatchObject({ id: reviewId, hidden: true });
    expect((await must(t, RATE, { i: { appId, stars: 2, body: 'ok fine' } }, author.token)).rateExtension.hidden).toBe(true);
    expect((await must(t, MINE, { a: appId }, reporter.token)).myReview).toBeNull();
  });

  it('KEEP closes the reports and leaves the review listed; a new report queues it again', async () => {
    const appId = await extension();
    const author = await installer(appId);
    const reviewId = (await must(t, RATE, { i: { appId, stars: 3, body: 'Meh' } }, author.token)).rateExtension.id;
    await must(t, REPORT, { id: reviewId, r: 'rude' }, (await buildUser(t)).token);
    expect((await must(t, MODERATE, { id: reviewId, d: 'KEEP', r: 'Honest opinion' }, admin.token)).moderateReview.hidden).toBe(false);
    const inQueue = async () => (await must(t, QUEUE, {}, admin.token)).ratingModerationQueue.edges.some(e => e.node.review.id === reviewId);
    expect(await inQueue()).toBe(false);
    expect((await must(t, LISTED, { a: appId })).extension!.reviews.edges.map(e => e.node.id)).toEqual([reviewId]);
    await must(t, REPORT, { id: reviewId, r: 'still rude' }, (await buildUser(t)).token);
    expect(await inQueue()).toBe(true);
  });

  it('sorts by a Bayesian average: one 5-star review does not outrank 500 reviews averaging 4.8', async () => {
    const single = await extension();
    const popular = await extension();
    const unrated = await extension();
    await must(t, RATE, { i: { appId: single, stars: 5 } }, (await installer(single)).token);
    // 500 raters (400 × 5 stars, 100 × 4 = 4.8 average), seeded in SQL: the sort is what is under test.
    const raters = await t.sql<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash) SELECT 'bulk-rater-' || g || '@example.test', 'Bulk ' || g, 'x' FROM generate_series(1, 500) g RETURNING id`,
    );
    await t.sql(
      `INSERT INTO extension_ratings (extension_id, author_user_id, stars)
       SELECT (SELECT id FROM extensions WHERE app_id = $1), u, CASE WHEN i <= 400 THEN 5 ELSE 4 END FROM unnest($2::uuid[]) WITH ORDINALITY AS x(u, i)`,
      [popular, raters.map(r => r.id)],
    );
    const nodes = (await must(t, BY_RATING, {})).marketplace.edges.map(e => e.node);
    const position = (appId: string) => nodes.findIndex(node => node.appId === appId);
    expect(nodes.find(node => node.appId === single)!.rating).toEqual({ average: 5, count: 1 });
    expect(nodes.find(node => node.appId === popular)!.rating).toEqual({ average: 4.8, count: 500 });
    // A plain average would put `single` first; the Bayesian one does not.
    expect(position(popular)).toBeGreaterThanOrEqual(0);
    expect(position(popular)).toBeLessThan(position(single));
    expect(position(single)).toBeLessThan(position(unrated));

    // The view and the documented formula agree.
    const scores = await t.sql<{ app_id: string; bayesian_average: number }>(
      `SELECT e.app_id, s.bayesian_average FROM extension_rating_scores s JOIN extensions e ON e.id = s.extension_id WHERE e.app_id = ANY($1)`,
      [[single, popular, unrated]],
    );
    const score = (appId: string) => scores.find(s => s.app_id === appId)!.bayesian_average;
    expect(score(single)).toBeCloseTo(bayesianAverage(5, 1), 10);
    expect(score(popular)).toBeCloseTo(bayesianAverage(400 * 5 + 100 * 4, 500), 10);
    expect(score(unrated)).toBeCloseTo(RATING_PRIOR_MEAN, 10);
  });
});
