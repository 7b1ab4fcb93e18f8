import { systemContext } from '../../src/context';
import { eventCursor } from '../../src/modules/events/event-log';
import { createLoaders } from '../../src/loaders';
import { startTestApp, TestApp } from '../utils/test-app';
import { collect, wsClient } from '../utils/ws-client';
import { buildAdmin, buildDeveloper, buildUser, PASSWORD, TestUser, uniqueEmail } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';
import { buildReviewer, FIRST_PARTY, installationOf, publishedExtension, submittedVersion } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';

const INSTALL = `mutation($i: InstallInput!) { install(input: $i) { id status source placement grantedScopes organizationId version { version } extension { appId installCount } } }`;
const UNINSTALL = `mutation($id: ID!) { uninstall(installationId: $id) { id status } }`;
const SCOPES = ['store:read', 'task-board:read', 'task-board:write'];

describe('installs with consent', () => {
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

  /** Claim, submit, review; then publish unless `publish` is false. */
  async function extension(publish = true) {
    const options = { dev, reviewer, appId: `install-app-${++n}`, displayName: 'Install App' };
    const { appId, versionId } = publish ? await publishedExtension(t, options) : await submittedVersion(t, options);
    return { appId, versionId };
  }

  it('refuses an install that does not grant every required scope, writing nothing', async () => {
    const { appId } = await extension();
    const user = await buildUser(t);
    const res = await t.gql(INSTALL, { i: { appId, grantedScopes: ['store:read'] } }, user.token);
    expect(expectCode(res, 'CONSENT_REQUIRED').extensions).toMatchObject({ code: 'CONSENT_REQUIRED', missingScopes: ['task-board:read', 'task-board:write'] });
    expect(await t.sql(`SELECT 1 FROM installations WHERE owner_user_id = $1`, [user.id])).toHaveLength(0);
  });

  it('installs the latest published version once, also under concurrent requests, with a lifecycle event', async () => {
    const { appId } = await extension();
    const user = await buildUser(t);
    const [a, b] = await Promise.all([
      t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, user.token),
      t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, user.token),
    ]);
    expect(a.data!.install.id).toBe(b.data!.install.id);
    expect(a.data!.install).toMatchObject({ status: 'ACTIVE', source: 'USER', placement: 'MIDDLE_LIST', version: { version: '1.0.0' }, extension: { installCount: 1 } });
    expect(await t.sql(`SELECT 1 FROM installations WHERE owner_user_id = $1`, [user.id])).toHaveLength(1);
    const [event] = await t.sql(`SELECT data FROM platform_events WHERE type = 'installation.created' AND subject_id = $1`, [a.data!.install.id]);
    expect(event.data.lifecycle).toEqual({ hook: 'on_install', declared: true, signature: '(ctx)' });
    const mine = await t.gql(`{ myInstallations { id extension { appId } } }`, {}, user.token);
    expect(mine.data!.myInstallations).toEqual([{ id: a.data!.install.id, extension: { appId } }]);
  });

  it('uninstalls once; another user cannot see it', async () => {
    const { appId } = await extension();
    const user = await buildUser(t);
    const { id } = (await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, user.token)).data!.install;
    const other = await buildUser(t);
    expectCode(await t.gql(UNINSTALL, { id }, other.token), 'NOT_FOUND');
    expect((await t.gql(UNINSTALL, { id }, user.token)).data!.uninstall.status).toBe('UNINSTALLED');
    expectCode(await t.gql(UNINSTALL, { id }, user.token), 'INVALID_STATE');
    const [event] = await t.sql(`SELECT data FROM platform_events WHERE type = 'installation.uninstalled' AND subject_id = $1`, [id]);
    expect(event.data.lifecycle.hook).toBe('on_uninstall');
  });

  it('refuses unpublished extensions, except a staging install by the developer or an invited tester', async () => {
    const { appId, versionId } = await extension(false);
    const user = await buildUser(t);
    expectCode(await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, user.token), 'INVALID_STATE');
    expectCode(await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, versionId } }, user.token), 'NOT_FOUND');
    const own = await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, versionId } }, dev.token);
    expect(own.data!.install).toMatchObject({ source: 'STAGING', extension: { installCount: 0 } });
    await t.gql(`mutation($v: ID!, $e: String!) { inviteStagingTester(versionId: $v, email: $e) { id } }`, { v: versionId, e: user.email }, dev.token);
    expect((await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, versionId } }, user.token)).data!.install.source).toBe('STAGING');
  });

  it('installs for an organization its owner or admin manages, not for a member', async () => {
    const { appId } = await extension();
    const owner = await buildUser(t);
    const member = await buildUser(t);
    const org = (await t.gql(`mutation { createOrganization(name: "Install Org") { id } }`, {}, owner.token)).data!.createOrganization;
    await t.gql(`mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: MEMBER) { id } }`, { o: org.id, e: member.email }, owner.token);
    await t.gql(`mutation($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }`, { o: org.id }, member.token);
    expectCode(await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, organizationId: org.id } }, member.token), 'FORBIDDEN');
    const installed = await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, organizationId: org.id } }, owner.token);
    expect(installed.data!.install.organizationId).toBe(org.id);
    const listed = await t.gql(`query($o: ID) { myInstallations(organizationId: $o) { id } }`, { o: org.id }, member.token);
    expect(listed.data!.myInstallations).toHaveLength(1);
  });

  describe('deprecations, sunsets and recommendations (docs/marketplace.md)', () => {
    const DEPRECATE = `mutation($i: DeprecateVersionInput!) { deprecateVersion(input: $i) { versionId reason sunsetAt sunset } }`;

    it('deprecates a published version (owner only), keeps it installable until sunset, then blocks it', async () => {
      const { appId, versionId } = await extension();
      const other = await buildDeveloper(t);
      const soon = new Date(Date.now() + 3600_000).toISOString();
      expectCode(await t.gql(DEPRECATE, { i: { versionId, reason: 'Use 2.x' } }, other.token), 'NOT_FOUND');
      expectCode(await t.gql(DEPRECATE, { i: { versionId, reason: 'x', sunsetAt: '2000-01-01T00:00:00Z' } }, dev.token), 'BAD_USER_INPUT');
      const done = await t.gql(DEPRECATE, { i: { versionId, reason: 'Use 2.x', sunsetAt: soon } }, dev.token);
      expect(done.data!.deprecateVersion).toMatchObject({ reason: 'Use 2.x', sunset: false });
      expectCode(await t.gql(DEPRECATE, { i: { versionId, reason: 'again' } }, dev.token), 'INVALID_STATE');
      expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = 'version.deprecated' AND subject_id = $1`, [versionId])).toHaveLength(1);
      const user = await buildUser(t);
      expect((await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, user.token)).data!.install.status).toBe('ACTIVE');
      await t.sql(`UPDATE deprecations SET sunset_at = now() - interval '1 minute' WHERE version_id = $1`, [versionId]);
      const late = await buildUser(t);
      expectCode(await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, late.token), 'INVALID_STATE');
      expectCode(await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, versionId } }, late.token), 'INVALID_STATE');
      const manager = t.app.dataSource.manager;
      const ctx = systemContext(manager, t.app.logger, createLoaders(manager), t.app.container);
      expect(await t.app.services.deprecations.announceSunsets(ctx)).toBeGreaterThanOrEqual(1);
      expect(await t.app.services.deprecations.announceSunsets(ctx)).toBe(0);
      expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = 'version.sunset' AND subject_id = $1`, [versionId])).toHaveLength(1);
    });

    it('notifies deprecationNotices subscribers for the apps they follow', async () => {
      const { appId, versionId } = await extension();
      const other = await extension();
      const watcher = await buildUser(t);
      const client = wsClient(t.url, watcher.token);
      try {
        const sub = collect(client, `subscription($a: [String!]) { deprecationNotices(appIds: $a) { type appId data } }`, { a: [appId] });
        await collect(client, `{ me { id } }`).waitFor(1);
        await t.gql(DEPRECATE, { i: { versionId: other.versionId, reason: 'Not watched' } }, dev.token);
        await t.gql(DEPRECATE, { i: { versionId, reason: 'Watched' } }, dev.token);
        const [first] = await sub.waitFor(1);
        expect(first.data?.deprecationNotices).toMatchObject({ type: 'version.deprecated', appId, data: { reason: 'Watched' } });
        sub.unsubscribe();
      } finally {
        await client.dispose();
      }
      // A watcher that was away resumes from a cursor taken before the deprecation: it comes first.
      const [{ before }] = await t.sql(`SELECT (min(id) - 1)::text AS before FROM platform_events WHERE type = 'version.deprecated' AND app_id = $1`, [appId]);
      const later = wsClient(t.url, watcher.token);
      try {
        const resumed = collect(later, `subscription($a: [String!], $after: String) { deprecationNotices(appIds: $a, after: $after) { type appId } }`, {
          a: [appId],
          after: eventCursor({ id: before }),
        });
        expect((await resumed.waitFor(1)).map(r => r.data?.deprecationNotices)).toEqual([{ type: 'version.deprecated', appId }]);
        resumed.unsubscribe();
      } finally {
        await later.dispose();
      }
    });

    it('recommends the newest supported version of the same major, saying whether it needs consent', async () => {
      const { appId, versionId } = await extension();
      const user = await buildUser(t);
      await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, user.token);
      const [v] = await t.sql(`SELECT * FROM extension_versions WHERE id = $1`, [versionId]);
      const bigger = { ...v.manifest, capabilities: [...v.manifest.capabilities, 'store:write'] };
      for (const [version, manifest] of [['1.1.0', v.manifest], ['1.2.0', bigger], ['2.0.0', v.manifest]] as const) {
        await t.sql(
          `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id) VALUES ($1, $2, 'PUBLISHED', 'UPLOAD', $3, $4, $5)`,
          [v.extension_id, version, v.package_sha256, JSON.stringify(manifest), dev.id],
        );
      }
      await t.gql(DEPRECATE, { i: { versionId, reason: 'Please move on' } }, dev.token);
      const recs = await t.gql(`{ upgradeRecommendations { currentVersion { version } recommendedVersion { version } needsConsent newScopes sunsetAt } }`, {}, user.token);
      expect(recs.data!.upgradeRecommendations).toEqual([
        { currentVersion: { version: '1.0.0' }, recommendedVersion: { version: '1.2.0' }, needsConsent: true, newScopes: ['store:write'], sunsetAt: null },
      ]);
    });
  });

  describe('upgrades: automatic rollout, offers, MANUAL organizations (docs/marketplace.md)', () => {
    const OFFERS = `query($o: ID) { upgradeOffers(organizationId: $o) { id status newScopes fromVersion { version } toVersion { version } installation { id } } }`;
    const RESPOND = `mutation($id: ID!, $a: Boolean!, $s: [String!]) { respondToUpgradeOffer(offerId: $id, accept: $a, grantedScopes: $s) { id status } }`;

    it('moves compatible installations in a job after publish, offers to MANUAL organizations, offers a MAJOR with new scopes to all', async () => {
      const { appId } = await extension();
      const personal = await buildUser(t);
      const owner = await buildUser(t);
      const auto = (await t.gql(`mutation { createOrganization(name: "Auto Org") { id } }`, {}, owner.token)).data!.createOrganization;
      const manual = (await t.gql(`mutation { createOrganization(name: "Manual Org") { id } }`, {}, owner.token)).data!.createOrganization;
      await t.gql(`mutation($o: ID!) { setUpgradePolicy(organizationId: $o, policy: MANUAL) { id } }`, { o: manual.id }, owner.token);
      const mine = await installationOf(t, personal, { appId }, { grantedScopes: SCOPES });
      await installationOf(t, owner, { appId }, { grantedScopes: SCOPES, organizationId: auto.id });
      const manualInstall = await installationOf(t, owner, { appId }, { grantedScopes: SCOPES, organizationId: manual.id });

      // 1.0.1: submitted, approved automatically (nothing new), published; the rollout job runs.
      const res = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, 'Install App', { version: '1.0.1', lifecycle: { on_install: true, on_upgrade: ['1.0.1'], health_check: { interval_sec: 60 } } })));
      const patch = await waitForValidation(t, dev.token, res.data!.submitVersion.id);
      expect(patch.status).toBe('APPROVED');
      await t.gql(`mutation($id: ID!) { publishVersion(id: $id) { status } }`, { id: patch.id }, dev.token);
      const deadline = Date.now() + 15000;
      let current = '';
      while (current !== '1.0.1' && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 200));
        current = (await t.gql(`{ myInstallations { version { version } } }`, {}, personal.token)).data!.myInstallations[0].version.version;
      }
      expect(current).toBe('1.0.1');
      const versionsOf = async (org: string) => (await t.gql(`query($o: ID) { myInstallations(organizationId: $o) { version { version } } }`, { o: org }, owner.token)).data!.myInstallations[0].version.version;
      expect(await versionsOf(auto.id)).toBe('1.0.1');
      expect(await versionsOf(manual.id)).toBe('1.0.0');
      const manualOffers = (await t.gql(OFFERS, { o: manual.id }, owner.token)).data!.upgradeOffers;
      expect(manualOffers).toEqual([expect.objectContaining({ status: 'OPEN', newScopes: [], fromVersion: { version: '1.0.0' }, toVersion: { version: '1.0.1' } })]);
      const [upgraded] = await t.sql(`SELECT data FROM platform_events WHERE type = 'installation.upgraded' AND subject_id = $1`, [mine.id]);
      expect(upgraded.data).toMatchObject({ fromVersion: '1.0.0', toVersion: '1.0.1', automatic: true, lifecycle: { hook: 'on_upgrade', from_version: '1.0.0', hooks: ['1.0.1'] } });

      // Re-running the rollout moves nobody twice and duplicates no offer.
      const manager = t.app.dataSource.manager;
      const ctx = systemContext(manager, t.app.logger, createLoaders(manager), t.app.container);
      expect(await t.app.services.upgrades.rollout(ctx, patch.id)).toEqual({ moved: 0, offered: 0 });

      // 2.0.0 with a new scope: everyone gets an offer; the MANUAL org's older offer is superseded.
      const [v] = await t.sql(`SELECT * FROM extension_versions WHERE id = $1`, [patch.id]);
      const major = { ...v.manifest, version: '2.0.0', capabilities: [...v.manifest.capabilities, 'store:write'] };
      const [{ id: majorId }] = await t.sql(
        `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id)
         VALUES ($1, '2.0.0', 'PUBLISHED', 'UPLOAD', $2, $3, $4) RETURNING id`,
        [v.extension_id, v.package_sha256, JSON.stringify(major), dev.id],
      );
      const client = wsClient(t.url, personal.token);
      const live = collect(client, `subscription { myUpgradeOffers { type data } }`);
      await collect(client, `{ me { id } }`).waitFor(1);
      expect(await t.app.services.upgrades.rollout(ctx, majorId)).toEqual({ moved: 0, offered: 3 });
      const [notice] = await live.waitFor(1);
      expect(notice.data?.myUpgradeOffers).toMatchObject({ type: 'upgrade_offer.created', data: { installationId: mine.id, newScopes: ['store:write'] } });
      live.unsubscribe();
      await client.dispose();
      // A late rollout of the older 1.0.1 (its job may run after 2.0.0's) leaves the 2.0.0 offers open.
      const openTo2 = `SELECT count(*)::int AS n FROM upgrade_offers WHERE to_version_id = $1 AND status = 'OPEN'`;
      expect((await t.sql(openTo2, [majorId]))[0].n).toBe(3);
      await t.app.services.upgrades.rollout(ctx, patch.id);
      expect((await t.sql(openTo2, [majorId]))[0].n).toBe(3);
      expectCode(await t.gql(RESPOND, { id: manualOffers[0].id, a: true }, owner.token), 'INVALID_STATE');
      const [offer] = (await t.gql(OFFERS, {}, personal.token)).data!.upgradeOffers;
      expect(offer).toMatchObject({ newScopes: ['store:write'], toVersion: { version: '2.0.0' } });
      expect(expectCode(await t.gql(RESPOND, { id: offer.id, a: true }, personal.token), 'CONSENT_REQUIRED').extensions).toMatchObject({ code: 'CONSENT_REQUIRED', missingScopes: ['store:write'] });
      expect((await t.gql(RESPOND, { id: offer.id, a: false }, personal.token)).data!.respondToUpgradeOffer.status).toBe('DECLINED');
      expect((await t.gql(`{ myInstallations { version { version } } }`, {}, personal.token)).data!.myInstallations[0].version.version).toBe('1.0.1');
      expect((await t.gql(RESPOND, { id: offer.id, a: true, s: ['store:write'] }, personal.token)).data!.respondToUpgradeOffer.status).toBe('ACCEPTED');
      const after = (await t.gql(`{ myInstallations { version { version } grantedScopes } }`, {}, personal.token)).data!.myInstallations[0];
      expect(after).toEqual({ version: { version: '2.0.0' }, grantedScopes: expect.arrayContaining(['store:write']) });
      const answers = await t.sql(`SELECT version, audience_user_id, data FROM platform_events WHERE type = 'upgrade_offer.answered' AND subject_id = $1 ORDER BY id`, [offer.id]);
      expect(answers.map(a => [a.version, a.audience_user_id, a.data.accepted])).toEqual([['2.0.0', personal.id, false], ['2.0.0', personal.id, true]]);
      expect(answers[1].data.grantedScopes).toContain('store:write');
      const stranger = await buildUser(t);
      const [orgOffer] = (await t.gql(OFFERS, { o: manual.id }, owner.token)).data!.upgradeOffers;
      expectCode(await t.gql(RESPOND, { id: orgOffer.id, a: false }, stranger.token), 'NOT_FOUND');
      expect(manualInstall.id).toBe(orgOffer.installation.id);
    });
  });

  describe('system apps (docs/marketplace.md)', () => {
    it('reach every existing and every new user, sit in the bottom block, and cannot be uninstalled', async () => {
      const existing = await buildUser(t);
      // First-party publish: the manifest declares system=true, V31 lets it through for the
      // first-party account, review approves it and the publish installs it for everyone.
      const { appId } = await publishedExtension(t, { reviewer, system: true, appId: `system-tool-${++n}`, displayName: 'System Tool' });
      const rows = await t.sql(`SELECT source, placement FROM installations i JOIN extensions e ON e.id = i.extension_id WHERE e.app_id = $1 AND i.owner_user_id = $2`, [appId, existing.id]);
      expect(rows).toEqual([{ source: 'AUTO_SYSTEM', placement: 'SIDEBAR_BOTTOM' }]);
      const [{ users }] = await t.sql(`SELECT count(*)::int AS users FROM users`);
      const [{ installs }] = await t.sql(`SELECT count(*)::int AS installs FROM installations i JOIN extensions e ON e.id = i.extension_id WHERE e.app_id = $1`, [appId]);
      expect(installs).toBe(users);
      const fresh = await buildUser(t);
      const mine = await t.gql(`{ myInstallations { id source placement extension { appId } } }`, {}, fresh.token);
      const system = mine.data!.myInstallations.find((i: { id: string; extension: { appId: string } }) => i.extension.appId === appId);
      expect(system).toMatchObject({ source: 'AUTO_SYSTEM', placement: 'SIDEBAR_BOTTOM' });
      expectCode(await t.gql(UNINSTALL, { id: system.id }, fresh.token), 'FORBIDDEN');
    });

    it('a suspended system app is not given to new users; reinstated, it is again (existing installations stay)', async () => {
      const admin = await buildAdmin(t);
      const { appId } = await publishedExtension(t, { reviewer, system: true, appId: `system-tool-${++n}`, displayName: 'Suspended System Tool' });
      const before = await buildUser(t);
      const hasIt = async (user: TestUser) =>
        (await t.sql(`SELECT 1 FROM installations i JOIN extensions e ON e.id = i.extension_id WHERE e.app_id = $1 AND i.owner_user_id = $2 AND i.status = 'ACTIVE'`, [appId, user.id])).length === 1;
      expect(await hasIt(before)).toBe(true);
      const suspend = await t.gql(`mutation($a: String!) { suspendExtension(appId: $a, reason: "unsafe system tool") { availability } }`, { a: appId }, admin.token);
      expect(suspend.data!.suspendExtension.availability).toBe('SUSPENDED');
      const during = await buildUser(t);
      expect(await hasIt(during)).toBe(false);
      expect(await hasIt(before)).toBe(true);
      const reinstate = await t.gql(`mutation($a: String!) { reinstateExtension(appId: $a, reason: "fixed") { availability } }`, { a: appId }, admin.token);
      expect(reinstate.data!.reinstateExtension.availability).toBe('LISTED');
      expect(await hasIt(await buildUser(t))).toBe(true);
    });

    it('a failing system install aborts the sign-up: no user without the system apps', async () => {
      await t.sql(`ALTER TABLE installations ADD CONSTRAINT no_installs CHECK (false) NOT VALID`);
      try {
        const email = uniqueEmail('atomic-system');
        const res = await t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email, password: PASSWORD, displayName: 'Atomic' } });
        expectCode(res, 'INTERNAL_SERVER_ERROR');
        expect(await t.sql(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
      } finally {
        await t.sql(`ALTER TABLE installations DROP CONSTRAINT no_installs`);
      }
    });
  });

  it('gives an installation\'s events to its owner and the extension\'s developer, and nothing private to another partner', async () => {
    const { appId } = await extension();
    const user = await buildUser(t);
    const otherDeveloper = await buildDeveloper(t);
    const { id } = (await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, user.token)).data!.install;
    await t.gql(UNINSTALL, { id }, user.token);
    const typesSeenBy = async (token: string): Promise<string[]> =>
      (await t.gql(`query($a: [String!]) { events(first: 100, appIds: $a) { edges { node { type payloadVersion } } } }`, { a: [appId] }, token)).data!.events.edges.map(
        (e: { node: { type: string } }) => e.node.type,
      );
    expect(await typesSeenBy(dev.token)).toEqual([
      'extension.claimed', 'version.submitted', 'version.validated', 'review.requested', 'review.claimed', 'review.decided',
      'listing.updated', 'version.published', 'installation.created', 'installation.uninstalled',
    ]);
    expect(await typesSeenBy(user.token)).toEqual(['version.published', 'installation.created', 'installation.uninstalled']);
    expect(await typesSeenBy(otherDeveloper.token)).toEqual(['version.published']);
  });

  it('shows a stranger only public release events, never anyone else\'s private ones', async () => {
    const stranger = await buildUser(t);
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page: any = await t.gql(`query($a: String) { events(first: 100, after: $a) { pageInfo { hasNextPage endCursor } edges { node { type } } } }`, { a: after }, stranger.token);
      for (const edge of page.data.events.edges) seen.add(edge.node.type);
      if (!page.data.events.pageInfo.hasNextPage) break;
      after = page.data.events.pageInfo.endCursor;
    }
    const ownTypes = ['account.user_created'];
    const publicTypes = ['version.published', 'version.deprecated', 'version.sunset'];
    expect([...seen].filter(type => !publicTypes.includes(type) && !ownTypes.includes(type))).toEqual([]);
    expect(seen.has('version.published')).toBe(true);
  });

  // Runs last: by now this file has installed, uninstalled, staged, installed for organizations,
  // moved installations in rollouts and given system apps to every user.
  it('keeps every extension\'s install counter equal to its active, non-staging installations, through every writer above', async () => {
    const drift = await t.sql(
      `SELECT coalesce(c.extension_id, r.extension_id) AS extension_id, c.active_count, r.n
         FROM extension_install_counts c
         FULL JOIN (SELECT extension_id, count(*)::int AS n FROM installations WHERE status = 'ACTIVE' AND source <> 'STAGING' GROUP BY 1) r
           ON r.extension_id = c.extension_id
        WHERE coalesce(c.active_count, 0) <> coalesce(r.n, 0)`,
    );
    expect(drift).toEqual([]);
    const [{ counters, sources }] = await t.sql(
      `SELECT (SELECT count(*)::int FROM extension_install_counts WHERE active_count > 0) AS counters,
              (SELECT count(DISTINCT source)::int FROM installations) AS sources`,
    );
    expect(counters).toBeGreaterThan(3);
    expect(sources).toBe(3); // USER, STAGING and AUTO_SYSTEM rows were all written
    // The INSTALLS sort reads the same counters as installCount.
    const sorted = await t.gql(`{ marketplace(sort: INSTALLS, first: 50) { edges { node { installCount } } } }`);
    const counts = sorted.data!.marketplace.edges.map((e: { node: { installCount: number } }) => e.node.installCount);
    expect(counts.length).toBeGreaterThan(3);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(counts[0]).toBeGreaterThan(0);
  });

  it('lowers the install counter when installations are deleted (a user\'s deletion cascades to them)', async () => {
    const { appId } = await extension();
    const users = [await buildUser(t), await buildUser(t)];
    for (const user of users) await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, user.token);
    const countOf = async () => (await t.gql(`query($a: String!) { extension(appId: $a) { installCount } }`, { a: appId })).data!.extension.installCount;
    expect(await countOf()).toBe(2);
    await t.sql(`DELETE FROM users WHERE id = $1`, [users[0].id]); // cascades to the installation
    expect(await countOf()).toBe(1);
    const [{ id }] = await t.sql(`SELECT id FROM extensions WHERE app_id = $1`, [appId]);
    await t.sql(`DELETE FROM installations WHERE extension_id = $1`, [id]);
    expect(await t.sql(`SELECT active_count FROM extension_install_counts WHERE extension_id = $1`, [id])).toEqual([{ active_count: 0 }]);
  });
});
