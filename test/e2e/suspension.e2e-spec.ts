import { graphql } from '../generated';
import { ManualClock } from '../../src/shared/clock';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildUser, TestUser } from '../utils/factories';
import { approvedVersion, installationOf, must, publishApproved, publishedExtension } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';
import { startReceiver } from '../utils/webhook-receiver';

const CREATE_TOKEN = graphql(`mutation SuspensionToken($a: String!) { createRuntimeToken(appId: $a, name: "host") { secret } }`);
const HEALTH = graphql(`mutation SuspensionHealth($i: ReportHealthInput!) { reportHealth(input: $i) { id } }`);
const ERRORS = graphql(`mutation SuspensionErrors($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportErrors(versionId: $v, count: $c, window: $w) { id } }`);
const ACTIONS = graphql(`mutation SuspensionActions($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportActions(versionId: $v, count: $c, window: $w) { id } }`);
const STATUS = graphql(`query SuspensionStatus($a: String!) { extension(appId: $a) { availability availabilityReason versions { version status } } }`);
const MINE = graphql(`query SuspensionMine { myInstallations { extension { appId } extensionAvailability version { version status } } }`);
const INSTALL = graphql(`mutation SuspensionInstall($i: InstallInput!) { install(input: $i) { id version { version } } }`);
const REINSTATE_VERSION = graphql(`mutation SuspensionReinstateVersion($v: ID!, $r: String!) { reinstateVersion(versionId: $v, reason: $r) { id status } }`);
const WEBHOOK = graphql(`mutation SuspensionWebhook($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`);
const EVENTS = graphql(`query SuspensionEvents($a: [String!]) { events(appIds: $a, types: ["version.suspended", "version.reinstated", "extension.suspended", "extension.reinstated"], first: 50) { edges { node { type data } } } }`);

const MARK_SDK = graphql(`mutation SdkMarkUnsupported($r: String!, $why: String!) { markSdkUnsupported(range: $r, reason: $why) { notifiedExtensions unsupportedSdk { id range delistAfter } } }`);
const SDKS = graphql(`query SdkUnsupportedList { unsupportedSdks { range reason } }`);
const SDK_EVENTS = graphql(`query SdkEvents($a: [String!]) { events(appIds: $a, types: ["extension.sdk_unsupported", "extension.delisted", "extension.reinstated"], first: 50) { edges { node { type data } } } }`);

const SCOPES = ['store:read', 'task-board:read', 'task-board:write'];

describe('automatic suspension by runtime health (docs/runtime.md, "Automatic suspension")', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-03-01T00:00:00Z');
  let admin: TestUser;
  let installer: TestUser;
  let newcomer: TestUser;

  beforeAll(async () => {
    t = await startTestApp(
      { suspensionHealthFailures: 3, suspensionCrashRate: 0.5, suspensionCrashWindowSeconds: 3600, suspensionMinActions: 20, allowLoopbackWebhooks: true },
      { clock },
    );
    admin = await buildAdmin(t);
    installer = await buildUser(t);
    newcomer = await buildUser(t);
  }, 60_000);
  afterAll(() => t?.close());

  const ctx = () => systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container);
  const evaluate = () => t.app.services.suspension.evaluate(ctx());
  /** A window of `minutes` ending at the clock's now. */
  const lastMinutes = (minutes: number) => ({ start: new Date(clock.now().getTime() - minutes * 60_000).toISOString(), end: clock.now().toISOString() });
  const health = async (secret: string, versionId: string, status: 'HEALTHY' | 'DEGRADED' | 'FAILING') => {
    clock.advance({ minutes: 5 });
    await must(t, HEALTH, { i: { versionId, status, detail: `probe ${status}`, window: lastMinutes(5) } }, secret);
  };

  it('N consecutive FAILING health reports suspend the version and, with no other live version, the extension; a new publish lifts the extension', async () => {
    const ext = await publishedExtension(t, { appId: 'suspend-health', displayName: 'Health Board' });
    const { secret } = (await must(t, CREATE_TOKEN, { a: ext.appId }, ext.dev.token)).createRuntimeToken;
    await installationOf(t, installer, ext, { grantedScopes: SCOPES });
    const receiver = await startReceiver();
    try {
      await must(t, WEBHOOK, { i: { url: `${receiver.url}/owner`, eventTypes: ['version.suspended', 'extension.suspended'] } }, ext.dev.token);

      // Two failures, a healthy report (the streak ends), two failures: still under the threshold of 3.
      await health(secret, ext.versionId, 'FAILING');
      await health(secret, ext.versionId, 'FAILING');
      await health(secret, ext.versionId, 'HEALTHY');
      await health(secret, ext.versionId, 'FAILING');
      await health(secret, ext.versionId, 'DEGRADED');
      await health(secret, ext.versionId, 'FAILING');
      await health(secret, ext.versionId, 'FAILING');
      expect(await evaluate()).toEqual([]);
      expect((await must(t, STATUS, { a: ext.appId }, ext.dev.token)).extension).toMatchObject({ availability: 'LISTED', versions: [{ status: 'PUBLISHED' }] });

      await health(secret, ext.versionId, 'FAILING');
      expect(await evaluate()).toEqual([ext.versionId]);
      expect(await evaluate()).toEqual([]); // already suspended: nothing twice

      const status = (await must(t, STATUS, { a: ext.appId }, ext.dev.token)).extension!;
      expect(status).toMatchObject({ availability: 'SUSPENDED', versions: [{ version: '1.0.0', status: 'SUSPENDED' }] });
      expect(status.availabilityReason).toMatch(/^Automatic suspension: version 1\.0\.0 — 3 consecutive FAILING health reports/);
      // Off the marketplace, no new installs, the existing installation flagged.
      expect((await must(t, STATUS, { a: ext.appId })).extension).toBeNull();
      expectCode(await t.gql(INSTALL, { i: { appId: ext.appId, grantedScopes: SCOPES } }, newcomer.token), 'EXTENSION_UNAVAILABLE');
      expect((await must(t, MINE, {}, installer.token)).myInstallations).toEqual([
        { extension: { appId: ext.appId }, extensionAvailability: 'SUSPENDED', version: { version: '1.0.0', status: 'SUSPENDED' } },
      ]);

      // The developer is told: events, and so webhooks.
      const events = (await must(t, EVENTS, { a: [ext.appId] }, ext.dev.token)).events.edges.map(e => e.node);
      expect(events.map(e => e.type)).toEqual(['version.suspended', 'extension.suspended']);
      expect(events[0].data).toMatchObject({ policy: 'HEALTH_FAILURES', failingStreak: 3, extensionSuspended: true });
      expect(events[1].data).toMatchObject({ from: 'LISTED', to: 'SUSPENDED', automatic: true, versionId: ext.versionId });
      expect((await must(t, EVENTS, { a: [ext.appId] }, installer.token)).events.edges).toEqual([]);
      const delivered = await receiver.waitFor(2, 20_000);
      expect(delivered.map(d => JSON.parse(d.body).type).sort()).toEqual(['extension.suspended', 'version.suspended']);

      // The developer fixes it and publishes 1.0.1: the extension is listed again, 1.0.0 stays suspended.
      const fix = await approvedVersion(t, { dev: ext.dev, appId: ext.appId, displayName: ext.displayName, manifest: { version: '1.0.1' } });
      await publishApproved(t, fix);
      const after = (await must(t, STATUS, { a: ext.appId }, ext.dev.token)).extension!;
      expect(after.availability).toBe('LISTED');
      expect(after.versions.map(v => `${v.version} ${v.status}`).sort()).toEqual(['1.0.0 SUSPENDED', '1.0.1 PUBLISHED']);
      expect((await must(t, INSTALL, { i: { appId: ext.appId, grantedScopes: SCOPES } }, newcomer.token)).install.version.version).toBe('1.0.1');
      const lifted = (await must(t, EVENTS, { a: [ext.appId] }, ext.dev.token)).events.edges.map(e => e.node);
      expect(lifted[2]).toMatchObject({ type: 'extension.reinstated', data: { from: 'SUSPENDED', to: 'LISTED', automatic: true, versionId: fix.versionId } });
    } finally {
      await receiver.close();
    }
  }, 120_000);

  it('a crash rate over the threshold for the window suspends only that version while another stays live; an admin can reinstate it', async () => {
    const ext = await publishedExtension(t, { appId: 'suspend-crash', displayName: 'Crash Board' });
    const next = await approvedVersion(t, { dev: ext.dev, appId: ext.appId, displayName: ext.displayName, manifest: { version: '1.1.0' } });
    await publishApproved(t, next);
    const { secret } = (await must(t, CREATE_TOKEN, { a: ext.appId }, ext.dev.token)).createRuntimeToken;

    // Too few actions to judge (9 errors in 9 actions), then an old bad hour that has left the window.
    clock.advance({ hours: 1 });
    await must(t, ACTIONS, { v: next.versionId, c: 9, w: lastMinutes(30) }, secret);
    await must(t, ERRORS, { v: next.versionId, c: 9, w: lastMinutes(30) }, secret);
    expect(await evaluate()).toEqual([]);
    clock.advance({ hours: 2 });
    expect(await evaluate()).toEqual([]);

    // 100 actions, 40 errors: 40% is under 50%. Then 60 more errors in the next window: 100/200 = 50%.
    await must(t, ACTIONS, { v: next.versionId, c: 100, w: lastMinutes(30) }, secret);
    await must(t, ERRORS, { v: next.versionId, c: 40, w: lastMinutes(30) }, secret);
    await must(t, ACTIONS, { v: ext.versionId, c: 100, w: lastMinutes(30) }, secret); // the older version is fine
    expect(await evaluate()).toEqual([]);
    clock.advance({ minutes: 20 });
    await must(t, ACTIONS, { v: next.versionId, c: 100, w: lastMinutes(20) }, secret);
    await must(t, ERRORS, { v: next.versionId, c: 60, w: lastMinutes(20) }, secret);
    expect(await evaluate()).toEqual([next.versionId]);

    const status = (await must(t, STATUS, { a: ext.appId }, ext.dev.token)).extension!;
    expect(status.availability).toBe('LISTED'); // 1.0.0 is still live: new installs get it
    expect(status.versions.map(v => `${v.version} ${v.status}`).sort()).toEqual(['1.0.0 PUBLISHED', '1.1.0 SUSPENDED']);
    expect((await must(t, INSTALL, { i: { appId: ext.appId, grantedScopes: SCOPES } }, installer.token)).install.version.version).toBe('1.0.0');
    const [suspended] = (await must(t, EVENTS, { a: [ext.appId] }, ext.dev.token)).events.edges.map(e => e.node);
    expect(suspended).toMatchObject({ type: 'version.suspended', data: { policy: 'CRASH_RATE', errorRate: 0.5, actions: 200, errors: 100, windowSeconds: 3600, extensionSuspended: false } });

    // Reinstating a version: admins only, with a reason, from SUSPENDED only.
    expectCode(await t.gql(REINSTATE_VERSION, { v: next.versionId, r: 'false alarm' }), 'UNAUTHENTICATED');
    expectCode(await t.gql(REINSTATE_VERSION, { v: next.versionId, r: 'false alarm' }, ext.dev.token), 'FORBIDDEN');
    expectCode(await t.gql(REINSTATE_VERSION, { v: next.versionId, r: 'false alarm' }, installer.token), 'FORBIDDEN');
    expectCode(await t.gql(REINSTATE_VERSION, { v: next.versionId, r: ' ' }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(REINSTATE_VERSION, { v: '00000000-0000-4000-8000-000000000000', r: 'x' }, admin.token), 'NOT_FOUND');
    expectCode(await t.gql(REINSTATE_VERSION, { v: ext.versionId, r: 'not suspended' }, admin.token), 'INVALID_STATE');
    expect((await must(t, REINSTATE_VERSION, { v: next.versionId, r: 'host outage, not the extension' }, admin.token)).reinstateVersion.status).toBe('PUBLISHED');
    const audit = await t.sql(`SELECT action, data->>'reason' AS reason FROM audit_entries WHERE target_id = $1 ORDER BY id`, [next.versionId]);
    expect(audit.map(a => a.action)).toEqual(expect.arrayContaining(['version.auto_suspend', 'version.reinstate']));
    // The reports before the reinstatement no longer count (they would trip the policy again)...
    expect(await evaluate()).toEqual([]);
    // ...new ones do.
    clock.advance({ minutes: 10 });
    await must(t, ACTIONS, { v: next.versionId, c: 40, w: lastMinutes(10) }, secret);
    await must(t, ERRORS, { v: next.versionId, c: 30, w: lastMinutes(10) }, secret);
    expect(await evaluate()).toEqual([next.versionId]);
  }, 120_000);

  it('SDK delisting: extensions on an unsupported SDK are notified, delisted after the grace period unless updated, and listed again by an update', async () => {
    const stale = await publishedExtension(t, { appId: 'sdk-stale', displayName: 'Stale Board', manifest: { sdk_version: '5.2.0' } });
    const updated = await publishedExtension(t, { appId: 'sdk-updated', displayName: 'Updated Board', manifest: { sdk_version: '5.3.1' } });
    const current = await publishedExtension(t, { appId: 'sdk-current', displayName: 'Current Board' }); // the fixture's 5.9.12

    expectCode(await t.gql(MARK_SDK, { r: '<5.5.0', why: 'SDK 5.4 and older lose platform support' }), 'UNAUTHENTICATED');
    expectCode(await t.gql(MARK_SDK, { r: '<5.5.0', why: 'SDK 5.4 and older lose platform support' }, stale.dev.token), 'FORBIDDEN');
    expectCode(await t.gql(MARK_SDK, { r: 'not a range', why: 'x' }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(MARK_SDK, { r: '<5.5.0', why: '  ' }, admin.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(SDKS, {}, stale.dev.token), 'FORBIDDEN');
    expectCode(await t.gql(SDKS, {}), 'UNAUTHENTICATED');
    expect((await must(t, SDKS, {}, admin.token)).unsupportedSdks).toEqual([]);

    const marked = (await must(t, MARK_SDK, { r: '<5.5.0', why: 'SDK 5.4 and older lose platform support' }, admin.token)).markSdkUnsupported;
    expect(marked.notifiedExtensions).toBe(2);
    expect(new Date(marked.unsupportedSdk.delistAfter).getTime() - clock.now().getTime()).toBe(30 * 86_400_000);
    const notice = (await must(t, SDK_EVENTS, { a: [stale.appId] }, stale.dev.token)).events.edges.map(e => e.node);
    expect(notice).toEqual([{ type: 'extension.sdk_unsupported', data: expect.objectContaining({ sdkVersion: '5.2.0', range: '<5.5.0', versionId: stale.versionId, deadline: marked.unsupportedSdk.delistAfter }) }]);
    expect((await must(t, SDK_EVENTS, { a: [current.appId] }, current.dev.token)).events.edges).toEqual([]);
    expect((await must(t, SDK_EVENTS, { a: [stale.appId] }, installer.token)).events.edges).toEqual([]);

    // One developer updates onto a supported SDK within the grace period.
    clock.advance({ days: 10 });
    const fix = await approvedVersion(t, { dev: updated.dev, appId: updated.appId, displayName: updated.displayName, manifest: { version: '1.0.1' } });
    await publishApproved(t, fix);

    clock.advance({ days: 19, hours: 23 });
    expect(await t.app.services.sdkSupport.enforce(ctx())).toEqual([]);
    clock.advance({ hours: 2 });
    expect(await t.app.services.sdkSupport.enforce(ctx())).toEqual([stale.extensionId]);
    expect(await t.app.services.sdkSupport.enforce(ctx())).toEqual([]);

    const availability = async (appId: string, token: string) => (await must(t, STATUS, { a: appId }, token)).extension?.availability;
    expect(await availability(stale.appId, stale.dev.token)).toBe('DELISTED');
    expect(await availability(updated.appId, updated.dev.token)).toBe('LISTED');
    expect(await availability(current.appId, current.dev.token)).toBe('LISTED');
    expect((await must(t, STATUS, { a: stale.appId })).extension).toBeNull();
    expectCode(await t.gql(INSTALL, { i: { appId: stale.appId, grantedScopes: SCOPES } }, newcomer.token), 'EXTENSION_UNAVAILABLE');
    const delisted = (await must(t, SDK_EVENTS, { a: [stale.appId] }, stale.dev.token)).events.edges.map(e => e.node);
    expect(delisted[1]).toMatchObject({ type: 'extension.delisted', data: { from: 'LISTED', to: 'DELISTED', automatic: true, sdkVersion: '5.2.0', versionId: stale.versionId } });
    expect((await must(t, STATUS, { a: stale.appId }, stale.dev.token)).extension?.availabilityReason).toMatch(/^Built on SDK 5\.2\.0, unsupported since/);

    // The developer updates late: a version on a supported SDK lists the extension again.
    const late = await approvedVersion(t, { dev: stale.dev, appId: stale.appId, displayName: stale.displayName, manifest: { version: '1.0.1' } });
    await publishApproved(t, late);
    expect(await availability(stale.appId, stale.dev.token)).toBe('LISTED');
    const relisted = (await must(t, SDK_EVENTS, { a: [stale.appId] }, stale.dev.token)).events.edges.map(e => e.node);
    expect(relisted[2]).toMatchObject({ type: 'extension.reinstated', data: { from: 'DELISTED', to: 'LISTED', automatic: true, versionId: late.versionId, sdkVersion: '5.9.12' } });
  }, 180_000);
});
