import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { ManualClock } from '../../src/shared/clock';
import { expectCode } from '../utils/expect-code';
import { buildAdmin, buildUser } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';
import { publishedExtension } from '../utils/scenarios';
import { startTestApp, type TestApp } from '../utils/test-app';

/**
 * Staged rollouts gated by health (docs/marketplace.md, "Staged rollouts"), with an injected clock:
 * a stable hash cohort, widening on schedule, the automatic pause on an error-rate regression,
 * resume, widen and rollback, and who may see and steer a rollout.
 */
describe('staged rollouts', () => {
  const clock = new ManualClock('2026-03-01T00:00:00Z');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rolloutMinActions: 50, rolloutBatchSize: 100 }, { clock });
  }, 120_000);
  afterAll(() => t?.close());

  const ctx = () => systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container);
  const N = 400;
  const bucket = `((hashtextextended(i.id::text, 0) & 9223372036854775807) % 10000)`;
  const ROLLOUT = `query($v: ID!) { rollout(versionId: $v) { versionId percent state cohortSize rolledBack errorRate baselineErrorRate stepPercent stepEveryHours nextStepAt pausedReason history { action percent reason byPerson } } }`;
  const PUBLISH = `mutation($id: ID!, $r: RolloutInput) { publishVersion(id: $id, rollout: $r) { status } }`;
  const WIDEN = `mutation($v: ID!, $p: Int!) { widenRollout(versionId: $v, percent: $p) { percent state } }`;
  const RESUME = `mutation($v: ID!) { resumeRollout(versionId: $v) { state } }`;
  const PAUSE = `mutation($v: ID!) { pauseRollout(versionId: $v, reason: "manual") { state } }`;
  const ROLL_BACK = `mutation($v: ID!) { rollBackRollout(versionId: $v, reason: "errors") { state } }`;
  const iso = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  it('moves a stable hashed share, widens on schedule, pauses on an error regression, and rolls the cohort back', async () => {
    const { dev, appId, displayName, versionId: v100 } = await publishedExtension(t, { appId: 'staged-app' });
    // Bulk setup in SQL: N installations of 1.0.0 granting its scopes.
    await t.sql(`INSERT INTO users (email, display_name, password_hash) SELECT 'staged' || g || '@rollout.test', 'S', 'x' FROM generate_series(1, $1) g`, [N]);
    await t.sql(
      `INSERT INTO installations (extension_id, version_id, owner_user_id, granted_scopes, source, placement, installed_by_id)
       SELECT v.extension_id, v.id, u.id, coalesce(ARRAY(SELECT jsonb_array_elements_text(v.manifest -> 'capabilities')), '{}'), 'USER', 'MIDDLE_LIST', u.id
         FROM users u, extension_versions v WHERE u.email LIKE 'staged%@rollout.test' AND v.id = $1`,
      [v100],
    );
    const res = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, displayName, { version: '1.0.1' })));
    const v101 = (await waitForValidation(t, dev.token, res.data!.submitVersion.id)).id as string;
    const cohortAt = async (percent: number) =>
      (await t.sql(`SELECT count(*)::int AS n FROM installations i WHERE i.version_id IN ($1, $2) AND ${bucket} < $3`, [v100, v101, percent * 100]))[0].n as number;
    const onTarget = async () => (await t.sql(`SELECT count(*)::int AS n FROM installations WHERE version_id = $1`, [v101]))[0].n as number;

    // Bad shares are refused and publish nothing.
    expectCode(await t.gql(PUBLISH, { id: v101, r: { percent: 0 } }, dev.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(PUBLISH, { id: v101, r: { percent: 101 } }, dev.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(PUBLISH, { id: v101, r: { percent: 10, stepPercent: 20 } }, dev.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(PUBLISH, { id: v101, r: { percent: 10, stepPercent: 20, stepEveryHours: 0 } }, dev.token), 'BAD_USER_INPUT');
    expect((await t.sql(`SELECT status FROM extension_versions WHERE id = $1`, [v101]))[0].status).toBe('APPROVED');
    expect(await t.sql(`SELECT 1 FROM rollouts WHERE version_id = $1`, [v101])).toEqual([]);

    // 10% now, +40 points every 24 hours.
    expect((await t.gql(PUBLISH, { id: v101, r: { percent: 10, stepPercent: 40, stepEveryHours: 24 } }, dev.token)).data!.publishVersion.status).toBe('PUBLISHED');
    await t.app.services.upgrades.rollout(ctx(), v101); // the job does the same; two runners share the work
    const tenPercent = await cohortAt(10);
    expect(tenPercent).toBeGreaterThan(N * 0.03);
    expect(tenPercent).toBeLessThan(N * 0.2);
    expect(await onTarget()).toBe(tenPercent);
    // Exactly the installations whose bucket is below 1000 moved, and re-running moves nobody.
    expect((await t.sql(`SELECT count(*)::int AS n FROM installations i WHERE i.version_id = $1 AND ${bucket} >= 1000`, [v101]))[0].n).toBe(0);
    expect(await t.app.services.upgrades.rollout(ctx(), v101)).toEqual({ moved: 0, offered: 0 });

    // Who sees it: the owner and admins; a stranger gets NOT_FOUND (as for a made-up id), anonymous is refused.
    const view = (await t.gql(ROLLOUT, { v: v101 }, dev.token)).data!.rollout;
    expect(view).toMatchObject({ percent: 10, state: 'ACTIVE', cohortSize: tenPercent, stepPercent: 40, stepEveryHours: 24, nextStepAt: '2026-03-02T00:00:00.000Z', history: [{ action: 'STARTED', percent: 10, byPerson: true }] });
    const admin = await buildAdmin(t);
    expect((await t.gql(ROLLOUT, { v: v101 }, admin.token)).data!.rollout.cohortSize).toBe(tenPercent);
    const stranger = await buildUser(t);
    expectCode(await t.gql(ROLLOUT, { v: v101 }, stranger.token), 'NOT_FOUND');
    expectCode(await t.gql(ROLLOUT, { v: '00000000-0000-4000-8000-000000000000' }, dev.token), 'NOT_FOUND');
    expectCode(await t.gql(ROLLOUT, { v: v101 }), 'UNAUTHENTICATED');
    for (const [q, v] of [[WIDEN, { v: v101, p: 90 }], [RESUME, { v: v101 }], [PAUSE, { v: v101 }], [ROLL_BACK, { v: v101 }]] as const) {
      expectCode(await t.gql(q, v, stranger.token), 'NOT_FOUND');
      expectCode(await t.gql(q, v), 'UNAUTHENTICATED');
    }

    // The schedule: nothing before the step is due, +40 points once it is.
    // (The scheduled tick job also runs every minute on the same clock: assert the state, not which call did it.)
    const percentNow = async () => (await t.sql(`SELECT percent FROM rollouts WHERE version_id = $1`, [v101]))[0].percent as number;
    clock.advance({ hours: 23 });
    await t.app.services.rollouts.tick(ctx());
    expect(await percentNow()).toBe(10);
    clock.advance({ hours: 2 });
    await t.app.services.rollouts.tick(ctx());
    expect(await percentNow()).toBe(50);
    await t.app.services.upgrades.rollout(ctx(), v101);
    const fiftyPercent = await cohortAt(50);
    expect(await onTarget()).toBe(fiftyPercent);
    // The first cohort was not moved or told twice.
    const [{ events, subjects }] = await t.sql(
      `SELECT count(*)::int AS events, count(DISTINCT subject_id)::int AS subjects FROM platform_events WHERE type = 'installation.upgraded' AND app_id = $1`,
      [appId],
    );
    expect({ events, subjects }).toEqual({ events: fiftyPercent, subjects: fiftyPercent });

    // The cohort's runtime reports regress: 40% errors on 1.0.1 against 1% on 1.0.0.
    const secret = (await t.gql(`mutation($a: String!) { createRuntimeToken(appId: $a, name: "host") { secret } }`, { a: appId }, dev.token)).data!.createRuntimeToken.secret;
    const w = { start: iso(-10 * 60_000), end: iso(-5 * 60_000) };
    const report = async (kind: 'reportErrors' | 'reportActions', v: string, c: number) =>
      expect((await t.gql(`mutation($v: ID!, $c: Int!, $w: ReportWindowInput!) { ${kind}(versionId: $v, count: $c, window: $w) { id } }`, { v, c, w }, secret)).errors).toBeUndefined();
    // The baseline first: a scheduled tick in between then never sees the cohort without it.
    await report('reportActions', v100, 100);
    await report('reportErrors', v100, 1);
    await report('reportActions', v101, 100);
    await report('reportErrors', v101, 40);
    await t.app.services.rollouts.tick(ctx());
    const paused = (await t.gql(ROLLOUT, { v: v101 }, dev.token)).data!.rollout;
    expect(paused).toMatchObject({ state: 'PAUSED', percent: 50, errorRate: 0.4, baselineErrorRate: 0.01 });
    expect(paused.pausedReason).toMatch(/Error rate 40\.0% against 1\.0%/);
    // The developer is told (an event for the owner, and so a webhook).
    const notices = (await t.gql(`{ events(first: 50, types: ["rollout.paused", "rollout.widened"]) { edges { node { type data } } } }`, {}, dev.token)).data!.events.edges.map((e: any) => e.node);
    expect(notices).toEqual([
      { type: 'rollout.widened', data: expect.objectContaining({ versionId: v101, percent: 50, automatic: true }) },
      { type: 'rollout.paused', data: expect.objectContaining({ versionId: v101, percent: 50, automatic: true, errorRate: 0.4, baselineErrorRate: 0.01, cohortSize: fiftyPercent }) },
    ]);
    expect((await t.gql(`{ events(first: 50, types: ["rollout.paused"]) { edges { node { type } } } }`, {}, stranger.token)).data!.events.edges).toEqual([]);
    // Paused: no schedule, no batches.
    clock.advance({ hours: 48 });
    expect(await t.app.services.rollouts.tick(ctx())).toEqual({ paused: 0, widened: 0 });
    expect(await t.app.services.upgrades.rollout(ctx(), v101)).toEqual({ moved: 0, offered: 0 });

    // Steering: bad shares refused, a paused rollout cannot be paused again.
    expectCode(await t.gql(WIDEN, { v: v101, p: 40 }, dev.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(WIDEN, { v: v101, p: 101 }, dev.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(PAUSE, { v: v101 }, dev.token), 'INVALID_STATE');
    expect((await t.gql(RESUME, { v: v101 }, dev.token)).data!.resumeRollout.state).toBe('ACTIVE');
    expectCode(await t.gql(RESUME, { v: v101 }, dev.token), 'INVALID_STATE');

    // Roll back: the cohort returns to 1.0.0, each with its own event.
    expect((await t.gql(ROLL_BACK, { v: v101 }, dev.token)).data!.rollBackRollout.state).toBe('ROLLING_BACK');
    await t.app.services.upgrades.rollout(ctx(), v101);
    expect(await onTarget()).toBe(0);
    const [{ back, backSubjects }] = await t.sql(
      `SELECT count(*)::int AS back, count(DISTINCT subject_id)::int AS "backSubjects" FROM platform_events WHERE type = 'installation.rolled_back' AND app_id = $1`,
      [appId],
    );
    expect({ back, backSubjects }).toEqual({ back: fiftyPercent, backSubjects: fiftyPercent });
    const [sample] = await t.sql(`SELECT data, audience_user_id FROM platform_events WHERE type = 'installation.rolled_back' AND app_id = $1 LIMIT 1`, [appId]);
    expect(sample.data).toEqual({ fromVersion: '1.0.1', toVersion: '1.0.0', rolloutVersionId: v101 });
    expect(sample.audience_user_id).not.toBeNull();
    expect((await t.sql(`SELECT count(*)::int AS n FROM installations WHERE version_id = $1 AND rolled_from_version_id IS NULL`, [v100]))[0].n).toBe(N);
    const done = (await t.gql(ROLLOUT, { v: v101 }, dev.token)).data!.rollout;
    expect(done).toMatchObject({ state: 'ROLLED_BACK', cohortSize: 0, rolledBack: fiftyPercent });
    expect(done.history.map((h: { action: string }) => h.action)).toEqual(['STARTED', 'WIDENED', 'PAUSED', 'RESUMED', 'ROLLING_BACK', 'ROLLED_BACK']);
    expect(done.history.map((h: { byPerson: boolean }) => h.byPerson)).toEqual([true, false, false, true, true, false]);
    expectCode(await t.gql(ROLL_BACK, { v: v101 }, dev.token), 'INVALID_STATE');
    expectCode(await t.gql(WIDEN, { v: v101, p: 90 }, dev.token), 'INVALID_STATE');

    // Nobody new is given the rolled-back version: a marketplace install takes 1.0.0.
    const [{ scopes }] = await t.sql(`SELECT coalesce(ARRAY(SELECT jsonb_array_elements_text(manifest -> 'capabilities')), '{}') AS scopes FROM extension_versions WHERE id = $1`, [v101]);
    const newcomer = await buildUser(t);
    const installed = await t.gql(`mutation($a: String!, $s: [String!]!) { install(input: { appId: $a, grantedScopes: $s }) { version { version } } }`, { a: appId, s: scopes }, newcomer.token);
    expect(installed.data!.install.version.version).toBe('1.0.0');
  }, 300_000);
});
