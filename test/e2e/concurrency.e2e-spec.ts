import { Client } from 'pg';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { buildReviewer, installationOf, publishedExtension } from '../utils/scenarios';

/**
 * Lock order under contention (docs/security.md, "Concurrency"): publish, deprecate, install,
 * uninstall and review decisions on one extension, all at once, for 50 rounds, while the
 * rollouts each publish starts run in the background. Every answer is data or a domain error;
 * a database error (deadlock, serialization, lock timeout) surfaces as INTERNAL_SERVER_ERROR
 * and fails the test, and so does a rollout job that had to be retried.
 */
const ROUNDS = 50;
const SCOPES = ['store:read', 'task-board:read', 'task-board:write'];

describe('concurrent publish, deprecate, install and review on one extension', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  let users: TestUser[];
  let appId: string;
  let extensionId: string;
  let firstVersionId: string;
  let orgAdmin: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    dev = await buildDeveloper(t);
    reviewer = await buildReviewer(t);
    users = await Promise.all(Array.from({ length: 12 }, () => buildUser(t)));
    appId = 'race-app';
    ({ versionId: firstVersionId, extensionId } = await publishedExtension(t, { dev, reviewer, appId, displayName: 'Race App' }));
    // An organization on MANUAL upgrades: every rollout offers it the new version, so rollouts
    // insert offers that reference the version being deprecated in the same round.
    orgAdmin = await buildUser(t);
    organizationId = (await t.gql(`mutation { createOrganization(name: "Manual Org") { id } }`, {}, orgAdmin.token)).data!.createOrganization.id;
    await t.gql(`mutation($o: ID!) { setUpgradePolicy(organizationId: $o, policy: MANUAL) { id } }`, { o: organizationId }, orgAdmin.token);
    await installationOf(t, orgAdmin, { appId }, { grantedScopes: SCOPES, organizationId });
  }, 60_000);

  /** The organization accepts the offer the last rollout made, so it sits on the newest version. */
  async function acceptLatestOffer(versionId: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const offers = await t.gql(`query($o: ID) { upgradeOffers(organizationId: $o) { id toVersion { id } } }`, { o: organizationId }, orgAdmin.token);
      const offer = offers.data?.upgradeOffers.find((o: any) => o.toVersion.id === versionId);
      if (offer) {
        const res = await t.gql(`mutation($id: ID!, $s: [String!]) { respondToUpgradeOffer(offerId: $id, accept: true, grantedScopes: $s) { status } }`, { id: offer.id, s: SCOPES }, orgAdmin.token);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
        return;
      }
      if (Date.now() > deadline) throw new Error(`no offer to ${versionId}: ${JSON.stringify(offers)}`);
      await new Promise(r => setTimeout(r, 50));
    }
  }
  afterAll(() => t.close());

  /** A version in `status` cloned from the first one (the race is about the mutations, not the intake). */
  async function versionIn(status: string, number: string): Promise<string> {
    const [row] = await t.sql(
      `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, report, docs, submitted_by_id, validated_at, declared_bump)
       SELECT extension_id, $2, $3::version_status, source, package_sha256, manifest, report, docs, submitted_by_id, now(), 'MINOR'
         FROM extension_versions WHERE id = $1 RETURNING id`,
      [firstVersionId, number, status],
    );
    return row.id;
  }

  async function caseInReview(versionId: string): Promise<string> {
    const [row] = await t.sql(
      `INSERT INTO review_cases (version_id, extension_id, state, triggers, assignee_id, due_at)
       VALUES ($1, $2, 'IN_REVIEW', '[]', $3, now() + interval '1 day') RETURNING id`,
      [versionId, extensionId, reviewer.id],
    );
    return row.id;
  }

  /**
   * A rollout's lock pattern, held open by hand: the extension's rollout lock first, then the rows
   * it writes (an offer's foreign key takes FOR KEY SHARE on its version; the move updates
   * installation rows). The mutation runs while the "rollout" holds them, and must finish once
   * the rollout commits. With the old global event-append lock, each pair below deadlocked
   * (PostgreSQL aborted one of them); appends no longer lock, and rollouts lock per extension.
   */
  async function againstARollout(mutation: () => Promise<{ errors?: unknown[]; data?: unknown }>, rolloutRows: (c: Client) => Promise<unknown>) {
    const rollout = new Client({ connectionString: t.databaseUrl });
    await rollout.connect();
    try {
      await rollout.query('BEGIN');
      await rollout.query(`SELECT pg_advisory_xact_lock(${0x706c7269}, hashtext($1))`, [extensionId]);
      await rolloutRows(rollout);
      let settled = false;
      const answer = mutation().finally(() => (settled = true));
      // Until the mutation has finished, or waits for a row the rollout holds.
      for (let i = 0; !settled; i++) {
        const waiting = await t.sql(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        if (waiting.length) break;
        if (i > 200) throw new Error('the mutation neither finished nor waited for the rollout');
        await new Promise(r => setTimeout(r, 10));
      }
      // The rollout appends its events while the mutation is in flight (no lock between them).
      await rollout.query(`INSERT INTO platform_events (type, subject_type, subject_id) VALUES ('test.rollout', 'Test', 'rollout')`);
      await rollout.query('COMMIT');
      const res = await answer;
      expect(res.errors).toBeUndefined();
    } finally {
      await rollout.query('ROLLBACK').catch(() => undefined);
      await rollout.end();
    }
  }

  it('deprecateVersion beside a rollout inserting offers that reference the version (the reported deadlock)', async () => {
    const versionId = await versionIn('PUBLISHED', '0.5.0');
    const [installation] = await t.sql(`SELECT id FROM installations WHERE organization_id = $1`, [organizationId]);
    await againstARollout(
      () => t.gql(`mutation($i: DeprecateVersionInput!) { deprecateVersion(input: $i) { versionId } }`, { i: { versionId, reason: 'old' } }, dev.token),
      c =>
        c.query(`INSERT INTO upgrade_offers (installation_id, from_version_id, to_version_id, new_scopes) VALUES ($1, $2, $2, '{}')`, [installation.id, versionId]),
    );
    await t.sql(`DELETE FROM upgrade_offers WHERE from_version_id = $1`, [versionId]);
  });

  it('uninstall beside a rollout moving that installation', async () => {
    const user = await buildUser(t);
    const { id } = await installationOf(t, user, { appId }, { grantedScopes: SCOPES });
    await againstARollout(
      () => t.gql(`mutation($id: ID!) { uninstall(installationId: $id) { id } }`, { id }, user.token),
      c => c.query(`UPDATE installations SET version_id = version_id WHERE id = $1`, [id]),
    );
  });

  it(`runs ${ROUNDS} rounds without a database error`, async () => {
    const failures: string[] = [];
    let toDeprecate = firstVersionId;
    for (let round = 1; round <= ROUNDS; round++) {
      if (round > 1) await acceptLatestOffer(toDeprecate);
      const approved = await versionIn('APPROVED', `1.${round}.0`);
      const reviewed = await versionIn('IN_REVIEW', `1.${round}.1-rc.1`);
      const caseId = await caseInReview(reviewed);
      const installers = [users[round % users.length], users[(round + 5) % users.length]];
      const leaving = users[(round + 9) % users.length];
      const [leavingInstall] = await t.sql(`SELECT id FROM installations WHERE owner_user_id = $1 AND status = 'ACTIVE'`, [leaving.id]);
      const calls: [string, Promise<{ errors?: { extensions: Record<string, unknown>; message: string }[] }>][] = [
        ['publish', t.gql(`mutation($id: ID!) { publishVersion(id: $id) { status } }`, { id: approved }, dev.token)],
        ['deprecate', t.gql(`mutation($i: DeprecateVersionInput!) { deprecateVersion(input: $i) { versionId } }`, { i: { versionId: toDeprecate, reason: `round ${round}` } }, dev.token)],
        ['decide', t.gql(`mutation($id: ID!) { decideReview(caseId: $id, decision: REJECT, reason: "not this one") { id } }`, { id: caseId }, reviewer.token)],
        ...installers.map((u): [string, Promise<any>] => ['install', t.gql(`mutation($i: InstallInput!) { install(input: $i) { id } }`, { i: { appId, grantedScopes: SCOPES } }, u.token)]),
        ...(leavingInstall ? [['uninstall', t.gql(`mutation($id: ID!) { uninstall(installationId: $id) { id } }`, { id: leavingInstall.id }, leaving.token)] as [string, Promise<any>]] : []),
      ];
      const answers = await Promise.all(calls.map(([, p]) => p));
      answers.forEach((res, i) => {
        for (const error of res.errors ?? []) failures.push(`round ${round} ${calls[i][0]}: ${error.extensions.code} ${error.message}`);
      });
      toDeprecate = approved;
    }
    expect(failures).toEqual([]);
    // The rollouts ran beside the mutations: none failed, none needed a retry.
    const deadline = Date.now() + 30_000;
    let jobs: { state: string; retry_count: number; output: unknown }[] = [];
    while (Date.now() < deadline) {
      jobs = await t.sql(`SELECT state, retry_count, output FROM pgboss.job WHERE name = 'rollout-version'`);
      if (jobs.length === ROUNDS + 1 && jobs.every(j => j.state === 'completed')) break;
      await new Promise(r => setTimeout(r, 250));
    }
    expect(jobs.filter(j => j.state !== 'completed' || j.retry_count > 0)).toEqual([]);
    expect(await t.sql(`SELECT 1 FROM extension_versions WHERE extension_id = $1 AND status = 'PUBLISHED'`, [extensionId])).toHaveLength(1);
  }, 240_000);
});
