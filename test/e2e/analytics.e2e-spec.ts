/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { graphql } from '../generated';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { ManualClock } from '../../src/shared/clock';
import { addDays, utcDay } from '../../src/modules/analytics/analytics.service';
import { SERIES_COLORS, SERIES_NAMES } from '../../src/modules/analytics/analytics-chart';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { buildReviewer, installationOf, must, publishedExtension } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';
import { plazaAsync } from '../utils/cli';

const ANALYTICS = graphql(`query AnalyticsOf($a: String!, $f: String!, $t: String!, $g: AnalyticsGranularity) {
  extensionAnalytics(appId: $a, from: $f, to: $t, granularity: $g) {
    appId from to granularity computedThrough
    points { periodStart periodEnd installs uninstalls upgrades activeInstallations offersCreated offersAccepted offersDeclined
             offerAcceptRate actions errors errorRate ratingsNew ratingCount ratingAverage }
    versions { versionId version points { periodStart installs uninstalls upgradesIn upgradesOut activeInstallations adoption
               offersCreated offersAccepted offersDeclined offerAcceptRate actions errors errorRate } } } }`);
const UNINSTALL = graphql(`mutation AnalyticsUninstall($id: ID!) { uninstall(installationId: $id) { status } }`);
const OFFERS = graphql(`query AnalyticsOffers { upgradeOffers { id toVersion { version } } }`);
const RESPOND = graphql(`mutation AnalyticsRespond($id: ID!, $a: Boolean!, $s: [String!]) { respondToUpgradeOffer(offerId: $id, accept: $a, grantedScopes: $s) { status } }`);
const RATE = graphql(`mutation AnalyticsRate($i: RateExtensionInput!) { rateExtension(input: $i) { id } }`);
const RUNTIME_TOKEN = graphql(`mutation AnalyticsRuntimeToken($a: String!) { createRuntimeToken(appId: $a, name: "analytics test host") { secret } }`);
const ACTIONS = graphql(`mutation AnalyticsActions($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportActions(versionId: $v, count: $c, window: $w) { replaced } }`);
const ERRORS = graphql(`mutation AnalyticsErrors($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportErrors(versionId: $v, count: $c, window: $w) { replaced } }`);

const CHROMIUM = process.env.PLAZA_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) process.stderr.write(`analytics chart browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set PLAZA_CHROMIUM)\n`);
const itWithBrowser = HAVE_CHROMIUM ? it : it.skip;

describe('publisher analytics (docs/analytics.md)', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  /** An extension the job, authorization and bad-input tests share (each only adds to it). */
  let shared: { appId: string };
  // The event log stamps rows with the database's time; the injected clock starts there and only
  // moves when a test says so (the job's "today" and the range bounds read it).
  const clock = new ManualClock(new Date());
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    dev = await buildDeveloper(t);
    reviewer = await buildReviewer(t);
    shared = await publishedExtension(t, { dev, reviewer, appId: 'stats-shared', displayName: 'Stats Shared' });
  }, 60000);
  afterAll(() => t?.close());

  const ctx = () => {
    const manager = t.app.dataSource.manager;
    return systemContext(manager, t.app.logger, createLoaders(manager), t.app.container);
  };
  const extension = async () => publishedExtension(t, { dev, reviewer, appId: `stats-app-${++n}`, displayName: 'Stats App' });
  /** The UTC days the extension's events fall on (one, unless a test runs across midnight). */
  const eventDays = async (appId: string) =>
    (await t.sql<{ day: string }>(`SELECT DISTINCT (occurred_at AT TIME ZONE 'UTC')::date::text AS day FROM platform_events WHERE app_id = $1 ORDER BY 1`, [appId])).map(r => r.day);
  const rowsOf = (appId: string) =>
    t.sql(
      `SELECT 'x' AS kind, d.day::text, NULL AS version, d.installs, d.uninstalls, d.upgrades AS upgrades_in, 0 AS upgrades_out, d.active_installations,
              d.offers_created, d.offers_accepted, d.offers_declined, d.actions::int, d.errors::int, d.ratings_new, d.rating_count, d.rating_sum
         FROM analytics_extension_daily d JOIN extensions e ON e.id = d.extension_id WHERE e.app_id = $1
       UNION ALL
       SELECT 'v', d.day::text, v.version, d.installs, d.uninstalls, d.upgrades_in, d.upgrades_out, d.active_installations,
              d.offers_created, d.offers_accepted, d.offers_declined, d.actions::int, d.errors::int, 0, 0, 0
         FROM analytics_version_daily d JOIN extension_versions v ON v.id = d.version_id JOIN extensions e ON e.id = d.extension_id WHERE e.app_id = $1
       ORDER BY 1, 2, 3`,
      [appId],
    );

  /**
   * Three installs, one uninstall; a 1.1.0 asking for a new scope offered to the two left (one
   * accepts, one declines); one rating. Returns the extension and its users.
   */
  async function busyExtension() {
    const ext = await extension();
    const users = [await buildUser(t), await buildUser(t), await buildUser(t)];
    const installs = [];
    for (const user of users) installs.push(await installationOf(t, user, ext));
    await must(t, UNINSTALL, { id: installs[2].id }, users[2].token);
    const [v] = await t.sql(`SELECT * FROM extension_versions WHERE id = $1`, [ext.versionId]);
    const manifest = { ...v.manifest, version: '1.1.0', capabilities: [...v.manifest.capabilities, 'store:write'] };
    // A published 1.1.0 written directly (as installs.e2e-spec does) and its rollout run here, so
    // the offers exist now rather than when the job gets to them.
    const [{ id: nextId }] = await t.sql(
      `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id)
       VALUES ($1, '1.1.0', 'PUBLISHED', 'UPLOAD', $2, $3, $4) RETURNING id`,
      [v.extension_id, v.package_sha256, JSON.stringify(manifest), dev.id],
    );
    expect(await t.app.services.upgrades.rollout(ctx(), nextId)).toEqual({ moved: 0, offered: 2 });
    const offerOf = async (user: TestUser) => (await must(t, OFFERS, {}, user.token)).upgradeOffers.find(o => o.toVersion.version === '1.1.0')!;
    await must(t, RESPOND, { id: (await offerOf(users[0])).id, a: true, s: ['store:write'] }, users[0].token);
    await must(t, RESPOND, { id: (await offerOf(users[1])).id, a: false }, users[1].token);
    await must(t, RATE, { i: { appId: ext.appId, stars: 4 } }, users[0].token);
    // The runtime reports tool calls and errors per version, through its own token; a re-sent
    // report for the same window replaces the first (counted once).
    const runtime = (await must(t, RUNTIME_TOKEN, { a: ext.appId }, dev.token)).createRuntimeToken.secret;
    const now = clock.now().getTime();
    const start = Math.max(now - 3_600_000, Date.parse(`${utcDay(clock.now())}T00:00:00Z`));
    const window = { start: new Date(start).toISOString(), end: new Date(start + 60_000).toISOString() };
    await must(t, ACTIONS, { v: ext.versionId, c: 150, w: window }, runtime);
    expect((await must(t, ACTIONS, { v: ext.versionId, c: 200, w: window }, runtime)).reportActions.replaced).toBe(true);
    await must(t, ERRORS, { v: ext.versionId, c: 10, w: window }, runtime);
    await must(t, ACTIONS, { v: nextId, c: 100, w: window }, runtime);
    return { ext, users, installs, nextId };
  }

  it('rolls up installs, uninstalls, upgrade adoption, offer answers and ratings per extension and version; a re-run gives the same rows', async () => {
    const { ext } = await busyExtension();
    const days = [...(await eventDays(ext.appId)), utcDay(clock.now())].sort();
    const [from, to] = [days[0], days[days.length - 1]];
    await t.app.services.analytics.rollup(ctx(), from, to);
    const first = await rowsOf(ext.appId);
    await t.app.services.analytics.rollup(ctx(), from, to);
    expect(await rowsOf(ext.appId)).toEqual(first);

    const res = await must(t, ANALYTICS, { a: ext.appId, f: from, t: to, g: 'MONTH' }, dev.token);
    const [point] = res.extensionAnalytics.points;
    expect(point).toEqual({
      periodStart: from, periodEnd: to,
      installs: 3, uninstalls: 1, upgrades: 1, activeInstallations: 2,
      offersCreated: 2, offersAccepted: 1, offersDeclined: 1, offerAcceptRate: 0.5,
      actions: 300, errors: 10, errorRate: 10 / 300,
      ratingsNew: 1, ratingCount: 1, ratingAverage: 4,
    });
    const byVersion = Object.fromEntries(res.extensionAnalytics.versions.map(v => [v.version, v.points[0]]));
    expect(byVersion['1.0.0']).toMatchObject({ installs: 3, uninstalls: 1, upgradesIn: 0, upgradesOut: 1, activeInstallations: 1, adoption: 0.5, offersCreated: 0, actions: 200, errors: 10, errorRate: 0.05 });
    expect(byVersion['1.1.0']).toMatchObject({
      installs: 0, upgradesIn: 1, upgradesOut: 0, activeInstallations: 1, adoption: 0.5,
      offersCreated: 2, offersAccepted: 1, offersDeclined: 1, offerAcceptRate: 0.5, actions: 100, errors: 0, errorRate: 0,
    });
    expect(res.extensionAnalytics.versions.map(v => v.version)).toEqual(['1.0.0', '1.1.0']);
  });

  it('carries active installations across quiet days, continues from the previous day, and sums by week and month', async () => {
    const ext = await extension();
    const [a, b] = [await buildUser(t), await buildUser(t)];
    await installationOf(t, a, ext);
    await installationOf(t, b, ext);
    // The log cannot be written in the past: these two installs are moved 20 days back, as if
    // they had happened then (the rollup reads nothing but occurred_at).
    await t.sql(`UPDATE platform_events SET occurred_at = occurred_at - interval '20 days' WHERE app_id = $1`, [ext.appId]);
    const c = await buildUser(t);
    const late = await installationOf(t, c, ext);
    await must(t, UNINSTALL, { id: late.id }, c.token);
    const today = utcDay(clock.now());
    const start = addDays(today, -21);

    const fromHistory = await t.app.services.analytics.rollup(ctx(), start, today);
    const full = await rowsOf(ext.appId);
    const active = (day: string) => full.find(r => r.kind === 'x' && r.day === day)?.active_installations ?? 0;
    expect(active(addDays(today, -21))).toBe(0);
    expect(active(addDays(today, -10))).toBe(2);
    expect(active(today)).toBe(2);
    // A quiet day has its row: the state carried over, no flows.
    expect(full.find(r => r.kind === 'x' && r.day === addDays(today, -5))).toMatchObject({ installs: 0, uninstalls: 0, active_installations: 2 });

    // The last three days again, now continuing from the stored day before: the same rows.
    const chained = await t.app.services.analytics.rollup(ctx(), addDays(today, -2), today);
    expect([fromHistory.base, chained.base]).toEqual(['current-state', 'previous-day']);
    expect(await rowsOf(ext.appId)).toEqual(full);

    const weekly = (await must(t, ANALYTICS, { a: ext.appId, f: start, t: today, g: 'WEEK' }, dev.token)).extensionAnalytics;
    expect(weekly.points.length).toBeGreaterThanOrEqual(4);
    expect(weekly.points[0].periodStart).toBe(start);
    expect(weekly.points.at(-1)!.periodEnd).toBe(today);
    for (const p of weekly.points.slice(1)) expect(new Date(`${p.periodStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(weekly.points.reduce((s, p) => s + p.installs, 0)).toBe(3);
    expect(weekly.points.reduce((s, p) => s + p.uninstalls, 0)).toBe(1);
    expect(weekly.points.at(-1)!.activeInstallations).toBe(2);
    const daily = (await must(t, ANALYTICS, { a: ext.appId, f: start, t: today, g: 'DAY' }, dev.token)).extensionAnalytics;
    expect(daily.points).toHaveLength(22);
    expect(daily.points.map(p => p.periodStart)).toEqual(Array.from({ length: 22 }, (_, i) => addDays(start, i)));
  });

  it('plaza analytics backfill computes past days from the log, the same rows as the service', async () => {
    const today = utcDay(new Date());
    const before = await t.sql(`SELECT * FROM analytics_extension_daily WHERE day BETWEEN $1::date - 3 AND $1::date ORDER BY extension_id, day`, [today]);
    expect(before.length).toBeGreaterThan(0);
    await t.sql(`DELETE FROM analytics_extension_daily WHERE day BETWEEN $1::date - 3 AND $1::date`, [today]);
    const env = { DATABASE_URL: t.databaseUrl, NODE_ENV: 'production', PLAZA_JWT_SECRET: 'x'.repeat(40), PLAZA_ENCRYPTION_KEY: '0'.repeat(64) };
    const run = (args: string[]) => plazaAsync(['analytics', 'backfill', ...args], env, 60_000);
    const done = await run(['--from', addDays(today, -3), '--to', today]);
    expect(done).toMatchObject({ status: 0, stdout: expect.stringContaining(`${addDays(today, -3)} to ${today}: 4 days`) });
    expect(await t.sql(`SELECT * FROM analytics_extension_daily WHERE day BETWEEN $1::date - 3 AND $1::date ORDER BY extension_id, day`, [today])).toEqual(before);
    expect(await run(['--from', today, '--to', addDays(today, -1)])).toMatchObject({ status: 1, stderr: expect.stringContaining('from must not be after to') });
  }, 120_000);

  it('the scheduled job rolls up through "today" by the injected clock and marks a day complete once it is over', async () => {
    const ext = shared;
    await installationOf(t, await buildUser(t), ext);
    const today = utcDay(clock.now());
    const services = t.app.services;
    const run = await services.analytics.rollupDue(ctx());
    expect(run.to).toBe(today);
    const complete = async (day: string) => (await t.sql(`SELECT complete FROM analytics_rollup_days WHERE day = $1`, [day]))[0]?.complete;
    expect(await complete(today)).toBe(false);
    clock.advance({ days: 1 });
    try {
      const next = await services.analytics.rollupDue(ctx());
      // It recomputes the day before the last one computed, through the new today.
      expect(next).toMatchObject({ from: addDays(today, -1), to: addDays(today, 1) });
      expect(await complete(today)).toBe(true);
      const res = await must(t, ANALYTICS, { a: ext.appId, f: today, t: addDays(today, 1) }, dev.token);
      expect(res.extensionAnalytics.computedThrough).toBe(today);
      expect(res.extensionAnalytics.points.map(p => p.activeInstallations)).toEqual([1, 1]);
    } finally {
      clock.set(new Date());
    }
  });

  it('is for the owner and admins: anonymous is refused, a stranger gets NOT_FOUND like a missing app', async () => {
    const ext = shared;
    const today = utcDay(clock.now());
    const vars = { a: ext.appId, f: addDays(today, -6), t: today };
    expectCode(await t.gql(ANALYTICS, vars), 'UNAUTHENTICATED', { dataNull: true });
    const stranger = await buildDeveloper(t);
    const refused = expectCode(await t.gql(ANALYTICS, vars, stranger.token), 'NOT_FOUND', { dataNull: true });
    const missing = expectCode(await t.gql(ANALYTICS, { ...vars, a: 'no-such-app' }, stranger.token), 'NOT_FOUND', { dataNull: true });
    expect(refused.message).toBe(missing.message);
    const admin = await buildAdmin(t);
    expect((await must(t, ANALYTICS, vars, admin.token)).extensionAnalytics.points).toHaveLength(7);
    expect((await must(t, ANALYTICS, vars, dev.token)).extensionAnalytics.appId).toBe(ext.appId);
  });

  it('refuses bad ranges with BAD_USER_INPUT naming the parameter', async () => {
    const ext = shared;
    const today = utcDay(clock.now());
    const cases: [Record<string, unknown>, string][] = [
      [{ f: 'yesterday', t: today }, 'from'],
      [{ f: '2026-02-30', t: today }, 'from'],
      [{ f: today, t: '2026-1-1' }, 'to'],
      [{ f: today, t: addDays(today, -1) }, 'from'],
      [{ f: today, t: addDays(today, 1) }, 'to'],
      [{ f: addDays(today, -366), t: today, g: 'DAY' }, 'to'],
      [{ f: addDays(today, -1098), t: today, g: 'WEEK' }, 'to'],
      [{ f: addDays(today, -1098), t: today, g: 'MONTH' }, 'to'],
    ];
    for (const [vars, field] of cases) {
      const error = expectCode(await t.gql(ANALYTICS, { a: ext.appId, f: '', t: '', ...vars } as never, dev.token), 'BAD_USER_INPUT', { dataNull: true });
      expect(error.extensions.fields).toEqual([expect.objectContaining({ path: field })]);
    }
    // The widest ranges allowed are answered.
    expect((await must(t, ANALYTICS, { a: ext.appId, f: addDays(today, -365), t: today, g: 'DAY' }, dev.token)).extensionAnalytics.points).toHaveLength(366);
    expect((await must(t, ANALYTICS, { a: ext.appId, f: addDays(today, -1097), t: today, g: 'MONTH' }, dev.token)).extensionAnalytics.points.length).toBeGreaterThanOrEqual(36);
  });

  describe('GET /extensions/:appId/analytics.svg', () => {
    let appId: string;
    const range = () => ({ from: addDays(utcDay(clock.now()), -6), to: utcDay(clock.now()) });
    const chartUrl = (id: string, query = range()) => `/extensions/${id}/analytics.svg?${new URLSearchParams(query)}`;

    beforeAll(async () => {
      const ext = await extension();
      appId = ext.appId;
      for (let i = 0; i < 3; i++) await installationOf(t, await buildUser(t), ext);
      // Spread over the week so the lines have length: the first install 5 days back, one 2 days back.
      const ids = (await t.sql(`SELECT id FROM platform_events WHERE app_id = $1 AND type = 'installation.created' ORDER BY id`, [appId])).map(r => r.id);
      await t.sql(`UPDATE platform_events SET occurred_at = occurred_at - interval '5 days' WHERE id = $1`, [ids[0]]);
      await t.sql(`UPDATE platform_events SET occurred_at = occurred_at - interval '2 days' WHERE id = $1`, [ids[1]]);
      await t.app.services.analytics.rollup(ctx(), range().from, range().to);
    });

    it('serves the owner an SVG with a strict CSP and nosniff; 404 for anonymous and strangers; 400 for a bad range', async () => {
      const res = await t.http().get(chartUrl(appId)).set('Authorization', `Bearer ${dev.token}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
      expect(res.headers['cache-control']).toBe('private, no-store');
      const svg = res.body.toString();
      expect(svg).toMatch(/^<svg /);
      expect(svg).not.toMatch(/<script|javascript:|href="http/i);
      expect(svg).toContain(SERIES_NAMES.active);
      expect((await t.http().get(chartUrl(appId))).status).toBe(404);
      const stranger = await buildUser(t);
      const foreign = await t.http().get(chartUrl(appId)).set('Authorization', `Bearer ${stranger.token}`);
      const missing = await t.http().get(chartUrl('no-such-app')).set('Authorization', `Bearer ${stranger.token}`);
      expect([foreign.status, foreign.text]).toEqual([404, 'Not found']);
      expect([missing.status, missing.text]).toEqual([404, 'Not found']);
      const bad = await t.http().get(chartUrl(appId, { from: '2026-13-01', to: range().to })).set('Authorization', `Bearer ${dev.token}`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'from' })] });
      // The query string is not checked by GraphQL's enum: the service refuses what is not one.
      for (const granularity of ['YEAR', 'toString', 'constructor']) {
        const odd = await t.http().get(chartUrl(appId, { ...range(), granularity } as never)).set('Authorization', `Bearer ${dev.token}`);
        expect([odd.status, odd.body.errors?.[0]?.extensions?.fields?.[0]?.path]).toEqual([400, 'granularity']);
      }
    });

    itWithBrowser('renders in headless Chromium: both series drawn across the plot, axis names and dates shown', async () => {
      let browser: Browser | undefined;
      try {
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        const page = await browser.newPage({ extraHTTPHeaders: { Authorization: `Bearer ${dev.token}` } });
        const external: string[] = [];
        page.on('request', req => {
          if (!req.url().startsWith(t.url)) external.push(req.url());
        });
        const response = await page.goto(`${t.url}${chartUrl(appId)}`);
        expect(response?.status()).toBe(200);
        const drawn = await page.evaluate(colors => {
          const boxes = (color: string) =>
            Array.from(document.querySelectorAll('path'))
              .filter(p => p.getAttribute('stroke') === color && p.getAttribute('fill') === 'none')
              .map(p => p.getBBox())
              .map(b => ({ width: b.width, height: b.height }));
          return {
            active: boxes(colors.active),
            installs: boxes(colors.installs),
            texts: Array.from(document.querySelectorAll('text')).map(e => e.textContent ?? ''),
            size: (() => {
              const r = document.querySelector('svg')!.getBoundingClientRect();
              return { width: r.width, height: r.height };
            })(),
          };
        }, SERIES_COLORS);
        expect(drawn.size).toEqual({ width: 800, height: 400 });
        // Each series is one polyline across the week (wider than half the plot); the installs line
        // also moves vertically (installs on three different days).
        expect(drawn.active.some(b => b.width > 300)).toBe(true);
        expect(drawn.installs.some(b => b.width > 300 && b.height > 0)).toBe(true);
        expect(drawn.texts).toEqual(expect.arrayContaining([SERIES_NAMES.active, 'Installs per day', range().from, range().to]));
        expect(external).toEqual([]);
        await page.screenshot({ path: `${process.env.PLAZA_SCREENSHOT_DIR ?? '/tmp'}/plaza-analytics-chart.png` });
      } finally {
        await browser?.close();
      }
    }, 60000);
  });
});
