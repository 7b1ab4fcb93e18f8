import { graphql } from '../generated';
import { ManualClock } from '../../src/shared/clock';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildUser, TestUser } from '../utils/factories';
import { installationOf, must, publishedExtension, PublishedExtension, submittedVersion, SubmittedVersion } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';

const CREATE = graphql(`mutation RuntimeCreateToken($a: String!, $n: String!) { createRuntimeToken(appId: $a, name: $n) { secret runtimeToken { id name prefix revokedAt } } }`);
const REVOKE = graphql(`mutation RuntimeRevokeToken($id: ID!) { revokeRuntimeToken(id: $id) { id revokedAt } }`);
const TOKENS = graphql(`query RuntimeTokens($a: String!) { runtimeTokens(appId: $a) { id name prefix lastUsedAt revokedAt } }`);
const ERRORS = graphql(`mutation RuntimeReportErrors($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportErrors(versionId: $v, count: $c, window: $w) { id count replaced windowStart windowEnd } }`);
const ACTIONS = graphql(`mutation RuntimeReportActions($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportActions(versionId: $v, count: $c, window: $w) { id count replaced } }`);
const HEALTH = graphql(`mutation RuntimeReportHealth($i: ReportHealthInput!) { reportHealth(input: $i) { id status replaced } }`);
const ME = graphql(`query RuntimeMe { me { id } }`);
const MINE = graphql(`query RuntimeMyExtensions { myExtensions { appId } }`);
const VERSION_RUNTIME = graphql(`query RuntimeOfVersion($id: ID!) {
  extensionVersion(id: $id) { id runtime(days: 7) { actions errors errorRate healthReports healthFailures lastHealth { status detail installationId } } } }`);

const T0 = '2026-03-01T00:00:00Z';
const at = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
const win = (startMin: number, endMin: number) => ({ start: at(T0, startMin), end: at(T0, endMin) });

describe('runtime reports and runtime tokens (docs/runtime.md)', () => {
  let t: TestApp;
  const clock = new ManualClock(T0);
  let ext: PublishedExtension;
  let other: SubmittedVersion;
  let stranger: TestUser;
  let admin: TestUser;
  let secret: string;
  let otherSecret: string;
  let installationId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    ext = await publishedExtension(t, { appId: 'runtime-app-a', displayName: 'Runtime App' });
    other = await submittedVersion(t, { appId: 'runtime-app-b', displayName: 'Other Runtime App' });
    stranger = await buildUser(t);
    admin = await buildAdmin(t);
    secret = (await must(t, CREATE, { a: ext.appId, n: 'web-kernel eu-1' }, ext.dev.token)).createRuntimeToken.secret;
    otherSecret = (await must(t, CREATE, { a: other.appId, n: 'kiket host' }, other.dev.token)).createRuntimeToken.secret;
    installationId = (await installationOf(t, stranger, ext)).id;
    clock.advance({ hours: 6 });
  }, 120_000);
  afterAll(() => t?.close());

  it('runtime tokens: shown once, stored hashed, managed by the owner (and admins) only', async () => {
    expect(secret).toMatch(/^plzr_/);
    const listed = await must(t, TOKENS, { a: ext.appId }, ext.dev.token);
    expect(listed.runtimeTokens).toEqual([expect.objectContaining({ name: 'web-kernel eu-1', prefix: secret.slice(0, 13), revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const [stored] = await t.sql(`SELECT token_hash, prefix FROM runtime_tokens WHERE name = 'web-kernel eu-1'`);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(secret.slice(5));
    expect((await must(t, TOKENS, { a: ext.appId }, admin.token)).runtimeTokens).toHaveLength(1);

    expectCode(await t.gql(TOKENS, { a: ext.appId }, stranger.token), 'NOT_FOUND');
    expectCode(await t.gql(TOKENS, { a: ext.appId }), 'UNAUTHENTICATED');
    expectCode(await t.gql(CREATE, { a: ext.appId, n: 'mine now' }, stranger.token), 'NOT_FOUND');
    expectCode(await t.gql(CREATE, { a: ext.appId, n: 'mine now' }), 'UNAUTHENTICATED');
    expectCode(await t.gql(CREATE, { a: ext.appId, n: '   ' }, ext.dev.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(CREATE, { a: ext.appId, n: 'x'.repeat(101) }, ext.dev.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(REVOKE, { id: listed.runtimeTokens[0].id }, stranger.token), 'NOT_FOUND');
    expectCode(await t.gql(REVOKE, { id: listed.runtimeTokens[0].id }), 'UNAUTHENTICATED');
    expectCode(await t.gql(REVOKE, { id: 'not-a-uuid' }, ext.dev.token), 'NOT_FOUND');
    expect(Number((await t.sql(`SELECT count(*) FROM runtime_tokens`))[0].count)).toBe(2);
  });

  it('a runtime token authenticates the report mutations only, and users cannot report', async () => {
    const window = win(0, 60);
    expectCode(await t.gql(ERRORS, { v: ext.versionId, c: 1, w: window }), 'UNAUTHENTICATED');
    expectCode(await t.gql(ERRORS, { v: ext.versionId, c: 1, w: window }, ext.dev.token), 'FORBIDDEN');
    expectCode(await t.gql(ERRORS, { v: ext.versionId, c: 1, w: window }, admin.token), 'FORBIDDEN');
    expectCode(await t.gql(ERRORS, { v: ext.versionId, c: 1, w: window }, 'plzr_not-a-real-token'), 'UNAUTHENTICATED');
    // Everywhere else the runtime host is anonymous.
    expect((await must(t, ME, {}, secret)).me).toBeNull();
    expectCode(await t.gql(MINE, {}, secret), 'UNAUTHENTICATED');
    expectCode(await t.gql(TOKENS, { a: ext.appId }, secret), 'UNAUTHENTICATED');
    expect(Number((await t.sql(`SELECT count(*) FROM runtime_counts`))[0].count)).toBe(0);
  });

  it('a token of one extension cannot report for another extension (NOT_FOUND, nothing stored)', async () => {
    expectCode(await t.gql(ERRORS, { v: other.versionId, c: 1, w: win(0, 60) }, secret), 'NOT_FOUND');
    expectCode(await t.gql(ACTIONS, { v: ext.versionId, c: 1, w: win(0, 60) }, otherSecret), 'NOT_FOUND');
    expectCode(await t.gql(HEALTH, { i: { installationId, status: 'FAILING', window: win(0, 60) } }, otherSecret), 'NOT_FOUND');
    expectCode(await t.gql(HEALTH, { i: { versionId: ext.versionId, status: 'FAILING', window: win(0, 60) } }, otherSecret), 'NOT_FOUND');
    expectCode(await t.gql(ERRORS, { v: '00000000-0000-4000-8000-000000000000', c: 1, w: win(0, 60) }, secret), 'NOT_FOUND');
    expectCode(await t.gql(ERRORS, { v: 'nope', c: 1, w: win(0, 60) }, secret), 'NOT_FOUND');
    const [{ n }] = await t.sql(`SELECT (SELECT count(*) FROM runtime_counts) + (SELECT count(*) FROM runtime_health_reports) AS n`);
    expect(Number(n)).toBe(0);
  });

  it('counts are idempotent per window: the same window again replaces the count, an overlapping one is CONFLICT', async () => {
    const first = await must(t, ERRORS, { v: ext.versionId, c: 5, w: win(0, 60) }, secret);
    expect(first.reportErrors).toMatchObject({ count: 5, replaced: false });
    const again = await must(t, ERRORS, { v: ext.versionId, c: 7, w: win(0, 60) }, secret);
    expect(again.reportErrors).toMatchObject({ id: first.reportErrors.id, count: 7, replaced: true });
    expectCode(await t.gql(ERRORS, { v: ext.versionId, c: 3, w: win(30, 90) }, secret), 'CONFLICT');
    await must(t, ERRORS, { v: ext.versionId, c: 3, w: win(60, 120) }, secret);
    await must(t, ACTIONS, { v: ext.versionId, c: 100, w: win(0, 60) }, secret);
    await must(t, ACTIONS, { v: ext.versionId, c: 100, w: win(0, 60) }, secret);
    await must(t, ACTIONS, { v: ext.versionId, c: 60, w: win(60, 120) }, secret);
    const rows = await t.sql(`SELECT kind, count FROM runtime_counts WHERE version_id = $1 ORDER BY kind, window_start`, [ext.versionId]);
    expect(rows.map(r => `${r.kind}:${r.count}`)).toEqual(['ACTIONS:100', 'ACTIONS:60', 'ERRORS:7', 'ERRORS:3']);

    const rates = await t.app.services.runtimeReports.rates(ctx(), [ext.versionId, other.versionId], new Date(T0), new Date(at(T0, 24 * 60)));
    expect(rates.get(ext.versionId)).toEqual({ versionId: ext.versionId, actions: 160, errors: 10, errorRate: 10 / 160, healthReports: 0, healthFailures: 0 });
    expect(rates.get(other.versionId)).toEqual({ versionId: other.versionId, actions: 0, errors: 0, errorRate: null, healthReports: 0, healthFailures: 0 });
    // Windows count in the span they began in.
    const later = await t.app.services.runtimeReports.rates(ctx(), [ext.versionId], new Date(at(T0, 60)), new Date(at(T0, 24 * 60)));
    expect(later.get(ext.versionId)).toMatchObject({ actions: 60, errors: 3 });
  });

  it('refuses bad windows and counts with BAD_USER_INPUT, writing nothing', async () => {
    const before = await t.sql(`SELECT count(*)::int AS n FROM runtime_counts`);
    const bad = async (c: number, w: { start: string; end: string }, path: string) => {
      const error = expectCode(await t.gql(ACTIONS, { v: ext.versionId, c, w }, secret), 'BAD_USER_INPUT');
      expect(error.extensions.fields.map((f: { path: string }) => f.path)).toContain(path);
    };
    await bad(1, win(200, 200), 'window.end');
    await bad(1, win(200, 150), 'window.end');
    await bad(1, win(300, 300 + 25 * 60), 'window'); // longer than a day
    await bad(1, { start: at(T0, 6 * 60), end: at(T0, 6 * 60 + 10 + 5) }, 'window.end'); // ends 15 min past the clock (skew 5 min)
    await bad(1, { start: at(T0, -8 * 24 * 60), end: at(T0, -8 * 24 * 60 + 60) }, 'window.start'); // began over 7 days ago
    await bad(-1, win(200, 210), 'count');
    const tooBig = await t.gql(ACTIONS, { v: ext.versionId, c: 2_000_000_000, w: win(200, 210) }, secret);
    expectCode(tooBig, 'BAD_USER_INPUT');
    expectCode(await t.gql(ACTIONS, { v: ext.versionId, c: 1, w: { start: 'yesterday', end: at(T0, 10) } }, secret), 'BAD_USER_INPUT');
    expect(await t.sql(`SELECT count(*)::int AS n FROM runtime_counts`)).toEqual(before);
  });

  it('health reports: about an installation or a version, idempotent per window, private to the owner', async () => {
    const one = await must(t, HEALTH, { i: { installationId, status: 'FAILING', detail: 'timeout calling tool list_tasks', window: win(0, 5) } }, secret);
    expect(one.reportHealth).toMatchObject({ status: 'FAILING', replaced: false });
    const again = await must(t, HEALTH, { i: { installationId, status: 'DEGRADED', detail: 'slow', window: win(0, 5) } }, secret);
    expect(again.reportHealth).toMatchObject({ id: one.reportHealth.id, status: 'DEGRADED', replaced: true });
    await must(t, HEALTH, { i: { versionId: ext.versionId, status: 'FAILING', detail: 'kernel probe failed', window: win(5, 10) } }, secret);
    expectCode(await t.gql(HEALTH, { i: { installationId, status: 'FAILING', window: win(3, 8) } }, secret), 'CONFLICT');

    expectCode(await t.gql(HEALTH, { i: { status: 'FAILING', window: win(10, 15) } }, secret), 'BAD_USER_INPUT');
    expectCode(await t.gql(HEALTH, { i: { installationId, versionId: ext.versionId, status: 'FAILING', window: win(10, 15) } }, secret), 'BAD_USER_INPUT');
    expectCode(await t.gql(HEALTH, { i: { versionId: ext.versionId, status: 'FAILING', detail: 'x'.repeat(2001), window: win(10, 15) } }, secret), 'BAD_USER_INPUT');
    expectCode(await t.gql(HEALTH, { i: { installationId: '00000000-0000-4000-8000-000000000000', status: 'FAILING', window: win(10, 15) } }, secret), 'NOT_FOUND');

    const [row] = await t.sql(`SELECT version_id, installation_id FROM runtime_health_reports WHERE id = $1`, [one.reportHealth.id]);
    expect(row).toEqual({ version_id: ext.versionId, installation_id: installationId });
    const streaks = await t.app.services.runtimeReports.failingStreaks(ctx(), [ext.versionId, other.versionId], 10);
    expect(streaks.get(ext.versionId)).toBe(1); // FAILING (5-10) after DEGRADED (0-5)
    expect(streaks.has(other.versionId)).toBe(false);

    const owner = await must(t, VERSION_RUNTIME, { id: ext.versionId }, ext.dev.token);
    expect(owner.extensionVersion?.runtime).toMatchObject({ actions: 160, errors: 10, healthReports: 2, healthFailures: 1, lastHealth: { status: 'FAILING', detail: 'kernel probe failed', installationId: null } });
    expect((await must(t, VERSION_RUNTIME, { id: ext.versionId }, admin.token)).extensionVersion?.runtime).not.toBeNull();
    expect((await must(t, VERSION_RUNTIME, { id: ext.versionId }, stranger.token)).extensionVersion).toEqual({ id: ext.versionId, runtime: null });
    expect((await must(t, VERSION_RUNTIME, { id: ext.versionId })).extensionVersion).toEqual({ id: ext.versionId, runtime: null });
  });

  it('the daily series groups windows by the UTC day they began', async () => {
    const days = await t.app.services.runtimeReports.daily(ctx(), { extensionIds: [ext.extensionId] }, new Date(at(T0, -24 * 60)), new Date(at(T0, 24 * 60)));
    expect(days).toEqual([
      expect.objectContaining({ day: '2026-03-01', versionId: ext.versionId, extensionId: ext.extensionId, actions: 160, errors: 10, healthReports: 2, healthFailures: 1 }),
    ]);
    expect(await t.app.services.runtimeReports.daily(ctx(), { versionIds: [other.versionId] }, new Date(T0), new Date(at(T0, 60)))).toEqual([]);
  });

  it('a revoked token no longer authenticates', async () => {
    const made = await must(t, CREATE, { a: ext.appId, n: 'short-lived' }, ext.dev.token);
    await must(t, ACTIONS, { v: ext.versionId, c: 1, w: win(300, 301) }, made.createRuntimeToken.secret);
    expect((await must(t, REVOKE, { id: made.createRuntimeToken.runtimeToken.id }, ext.dev.token)).revokeRuntimeToken.revokedAt).not.toBeNull();
    expectCode(await t.gql(REVOKE, { id: made.createRuntimeToken.runtimeToken.id }, ext.dev.token), 'INVALID_STATE');
    expectCode(await t.gql(ACTIONS, { v: ext.versionId, c: 1, w: win(301, 302) }, made.createRuntimeToken.secret), 'UNAUTHENTICATED');
    const events = await t.sql(`SELECT type FROM platform_events WHERE subject_id = $1 ORDER BY id`, [made.createRuntimeToken.runtimeToken.id]);
    expect(events.map(e => e.type)).toEqual(['runtime.token_created', 'runtime.token_revoked']);
  });

  function ctx() {
    return systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container);
  }
});
