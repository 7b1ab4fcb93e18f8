import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';
import { buildAdmin, buildUser, TestUser, uniqueEmail } from './factories';
import { approvedVersion, installationOf, publishApproved, publishedExtension } from './scenarios';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { ManualClock } from '../../src/shared/clock';
import { startReceiver } from './webhook-receiver';
import { minimalPdf } from './images';
import { spdxSbom } from './attestations';
import { packageFor, submitZip, waitForValidation, zipOf } from './packages';

/**
 * A seeded world full of private data, for the visibility sweep: every private value is a
 * unique "canary" string, and the world records who may see each one. A response that contains
 * a canary for a caller outside its audience is a leak, whichever field carried it.
 */
export type Viewer = 'anonymous' | 'stranger' | 'owner' | 'admin';

export interface Canary {
  what: string;
  value: string;
  /** Who may see it (admins see everything an admin query returns, so they are listed where they do). */
  audience: Viewer[];
}

export interface World {
  appId: string;
  users: Record<'owner' | 'stranger' | 'admin' | 'reviewer' | 'tester' | 'installer' | 'orgAdmin' | 'orgMember', TestUser>;
  tokens: Record<Viewer, string | undefined>;
  organizationId: string;
  versionIds: Record<string, string>;
  caseIds: string[];
  /** Ids for root fields that take an id, by argument name. */
  ids: Record<string, (string | null)[]>;
  canaries: Canary[];
  receiver: Awaited<ReturnType<typeof startReceiver>>;
}

const PRIVATE_STATES = ['SUBMITTED', 'VALIDATING', 'VALIDATION_FAILED', 'PENDING_REVIEW', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

async function must<T = any>(t: TestApp, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

export async function seedPrivateWorld(t: TestApp): Promise<World> {
  const tag = randomBytes(4).toString('hex');
  const canary = (name: string) => `cnry${name}${tag}`;
  const canaries: Canary[] = [];
  const secret = (what: string, value: string, audience: Viewer[]) => {
    canaries.push({ what, value, audience });
    return value;
  };

  const admin = await buildAdmin(t);
  const reviewer = await buildUser(t, { email: secret('reviewer email', `${canary('rev')}@example.test`, ['admin']) });
  await must(t, `mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`, { id: reviewer.id }, admin.token);
  const owner = await buildUser(t, { email: secret('owner email', `${canary('own')}@example.test`, ['owner', 'admin']), displayName: 'Owner Dev' });
  await must(
    t,
    `mutation($i: DeveloperProfileInput!) { becomeDeveloper(input: $i) { authorId } }`,
    { i: { organizationName: 'Sweep Tools', contactEmail: secret('developer contact email', `${canary('contact')}@example.test`, ['owner', 'admin']), acceptTerms: true } },
    owner.token,
  );
  const stranger = await buildUser(t, { email: secret('stranger email', `${canary('str')}@example.test`, ['stranger', 'admin']) });
  const tester = await buildUser(t, { email: secret('tester email', `${canary('tst')}@example.test`, ['owner', 'admin']) });
  const installer = await buildUser(t, { email: secret('installer email', `${canary('ins')}@example.test`, ['admin']) });
  secret('installer user id', installer.id, ['admin']);
  secret('stranger user id', stranger.id, ['stranger', 'admin']);
  const orgAdmin = await buildUser(t, { email: uniqueEmail('orgadmin') });
  const orgMember = await buildUser(t, { email: secret('organization member email', `${canary('mem')}@example.test`, ['admin']) });

  // The owner's extension: 1.0.0 through the real claim → submit → review → publish loop.
  const appId = `sweep-${tag}`;
  const { versionId: publishedId, caseId } = await publishedExtension(t, {
    dev: owner,
    reviewer,
    appId,
    displayName: 'Sweep App',
    reviewMessage: secret('review message', canary('msg'), ['owner', 'admin']),
  });
  if (!caseId) throw new Error('a first version is always reviewed');
  secret('review case id', caseId, ['owner', 'admin']);
  const published = { id: publishedId };

  // Private fields of the published version (the public may see the version, not these).
  await t.sql(
    `UPDATE extension_versions SET git_url = $2, git_ref = $3, git_commit_sha = $4,
            report = jsonb_set(coalesce(report, '{"issues": []}'::jsonb), '{issues}', coalesce(report->'issues', '[]'::jsonb) || jsonb_build_array(jsonb_build_object('rule', 'V9', 'level', 'WARN', 'message', $5::text, 'file', 'main.py', 'line', 1, 'fix', 'none'))),
            review_triggers = jsonb_build_array(jsonb_build_object('kind', 'FIRST_SUBMISSION', 'value', null, 'reason', $6::text)),
            change_summary = jsonb_build_object('toolsAdded', jsonb_build_array($7::text), 'toolsRemoved', '[]'::jsonb, 'toolsChanged', '[]'::jsonb, 'scopesAdded', '[]'::jsonb,
                                                'scopesRemoved', '[]'::jsonb, 'egressDomainsAdded', '[]'::jsonb, 'schemaChanges', '[]'::jsonb, 'breakingChanges', '[]'::jsonb)
      WHERE id = $1`,
    [
      published.id,
      secret('git url', `https://git.example.test/${canary('repo')}.git`, ['owner', 'admin']),
      secret('git ref', canary('ref'), ['owner', 'admin']),
      secret('git commit sha', canary('sha'), ['owner', 'admin']),
      secret('validation report message', canary('report'), ['owner', 'admin']),
      secret('review trigger reason', canary('trigger'), ['owner', 'admin']),
      secret('change summary', canary('change'), ['owner', 'admin']),
    ],
  );

  // Trust data of the published version (docs/trust.md): a rescan's security finding and an
  // attestation's raw document are the owner's (and reviewers' and admins'); only the attestation's
  // summary is public, and it carries no canary.
  await t.sql(
    `INSERT INTO version_security_findings (version_id, fingerprint, rule, level, message, file, line, fix, first_seen_ruleset_version, last_seen_ruleset_version, found_at)
     VALUES ($1, 'sweep', 'SEC-SWEEP', 'ERROR', $2, 'main.py', 1, $3, 'sweep', 'sweep', now())`,
    [published.id, secret('security finding message', canary('finding'), ['owner', 'admin']), secret('security finding fix', canary('findfix'), ['owner', 'admin'])],
  );
  await must(
    t,
    `mutation($v: ID!, $d: String!) { attachAttestation(versionId: $v, document: $d) { id } }`,
    { v: published.id, d: JSON.stringify({ ...spdxSbom(), comment: secret('attestation document', canary('sbom'), ['owner', 'admin']) }) },
    owner.token,
  );

  // The extension's tracked git repository and its validation history: the owner's (and admins') only.
  // The sealed token and webhook secret are returned to no one (the sweep only tracks values someone
  // may see; test/e2e/git-hooks.e2e-spec.ts greps every response and log line for tokens).
  await t.sql(
    `INSERT INTO extension_git_sources (extension_id, url, ref, token_sealed, webhook_secret_sealed, webhook_secret_created_at, docs_commit_sha)
     SELECT extension_id, $2, $3, $4, $5, now(), $6 FROM extension_versions WHERE id = $1`,
    [
      published.id,
      secret('git source url', `https://git.example.test/${canary('srcrepo')}.git`, ['owner', 'admin']),
      secret('git source ref', canary('srcref'), ['owner', 'admin']),
      canary('sealedtoken'),
      canary('sealedhook'),
      secret('docs commit sha', canary('docssha'), ['owner', 'admin']),
    ],
  );
  await t.sql(
    `INSERT INTO git_revalidations (extension_id, trigger, status, ref, commit_sha, delivery_id, report, error_count, warning_count, message, finished_at)
     SELECT extension_id, 'PUSH', 'INVALID', 'main', $2, $3, jsonb_build_object('issues', jsonb_build_array(jsonb_build_object('message', $4::text))), 1, 0, $5, now()
       FROM extension_versions WHERE id = $1`,
    [
      published.id,
      secret('revalidated commit sha', canary('pushsha'), ['owner', 'admin']),
      secret('push delivery id', canary('delivery'), ['owner', 'admin']),
      secret('revalidation report', canary('pushreport'), ['owner', 'admin']),
      secret('revalidation message', canary('pushmsg'), ['owner', 'admin']),
    ],
  );

  // A compliance document, through the real upload route: never public (docs/marketplace.md). Its
  // hash and id are canaries for the owner and admins (the sweep's stranger administers no organization).
  const compliance = await t
    .http()
    .put(`/listings/${appId}/compliance/security-review`)
    .set('Authorization', `Bearer ${owner.token}`)
    .set('Content-Type', 'application/pdf')
    .send(minimalPdf(`BT (Security review ${canary('pdf')}) Tj ET`));
  if (compliance.status !== 200) throw new Error(`compliance upload failed: ${JSON.stringify(compliance.body)}`);
  secret('compliance document hash', compliance.body.document.sha256, ['owner', 'admin']);
  secret('compliance document id', compliance.body.document.id, ['owner', 'admin']);

  // One version in every other state, cloned from the published row (ids and numbers are canaries).
  const versionIds: Record<string, string> = { PUBLISHED: published.id };
  const states = [...PRIVATE_STATES, 'DEPRECATED'];
  for (const [i, state] of states.entries()) {
    const number = state === 'DEPRECATED' ? '0.9.0' : `0.1.${i}-${canary(`v${i}`)}`;
    const [row] = await t.sql<{ id: string }>(
      `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, report, docs, submitted_at, validated_at, git_url, git_commit_sha, submitted_by_id)
       SELECT extension_id, $2, $3::version_status, source, package_sha256, manifest, report, docs, now(), now(), git_url, git_commit_sha, submitted_by_id
         FROM extension_versions WHERE id = $1 RETURNING id`,
      [published.id, number, state],
    );
    versionIds[state] = row.id;
    if (state !== 'DEPRECATED') {
      secret(`${state} version id`, row.id, ['owner', 'admin']);
      secret(`${state} version number`, number, ['owner', 'admin']);
    }
  }
  await t.sql(`INSERT INTO deprecations (version_id, reason, deprecated_by_id) VALUES ($1, 'old', $2)`, [versionIds.DEPRECATED, owner.id]);
  await must(
    t,
    `mutation($v: ID!, $e: String!) { inviteStagingTester(versionId: $v, email: $e) { id } }`,
    { v: versionIds.APPROVED, e: tester.email },
    owner.token,
  );

  // An organization with a member and an organization install; a personal install.
  const org = await must(t, `mutation($n: String!) { createOrganization(name: $n) { id } }`, { n: secret('organization name', canary('org'), ['admin']) }, orgAdmin.token);
  const organizationId: string = org.createOrganization.id;
  secret('organization id', organizationId, ['admin']);
  await must(t, `mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: MEMBER) { id } }`, { o: organizationId, e: orgMember.email }, orgAdmin.token);
  await must(t, `mutation($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }`, { o: organizationId }, orgMember.token);
  // A pending invitation: its email is for the organization's managers (and admins) only.
  await must(
    t,
    `mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: ADMIN) { id } }`,
    { o: organizationId, e: secret('pending invitation email', `${canary('pending')}@example.test`, ['admin']) },
    orgAdmin.token,
  );
  const scopes = ['store:read', 'task-board:read', 'task-board:write'];
  const personal = await installationOf(t, installer, { appId }, { grantedScopes: scopes });
  secret('personal installation id', personal.id, ['owner', 'admin']);
  await installationOf(t, orgAdmin, { appId }, { grantedScopes: scopes, organizationId });

  // Reviews (docs/ratings.md): the stranger's hidden one (its author and moderators only; the
  // developer never sees it) and an organization's visible one with an open report (its reason:
  // moderators only).
  const rate = `mutation($i: RateExtensionInput!) { rateExtension(input: $i) { id } }`;
  const strangerInstall = await installationOf(t, stranger, { appId }, { grantedScopes: scopes });
  const hiddenReview = await must(t, rate, { i: { appId, stars: 1, body: secret('hidden review body', canary('hidrev'), ['stranger', 'admin']) } }, stranger.token);
  // Uninstalled again: the sweep's webhook test installs for the stranger later to make a new event.
  await must(t, `mutation($id: ID!) { uninstall(installationId: $id) { id } }`, { id: strangerInstall.id }, stranger.token);
  await must(t, `mutation($id: ID!) { reportReview(reviewId: $id, reason: "spam") }`, { id: hiddenReview.rateExtension.id }, orgMember.token);
  await must(
    t,
    `mutation($id: ID!, $r: String!) { moderateReview(reviewId: $id, decision: HIDE, reason: $r) { id } }`,
    { id: hiddenReview.rateExtension.id, r: secret('moderation reason', canary('modreason'), ['admin']) },
    admin.token,
  );
  const orgReview = await must(t, rate, { i: { appId, stars: 4, body: 'Works for our team', organizationId } }, orgAdmin.token);
  await must(t, `mutation($id: ID!, $r: String) { reportReview(reviewId: $id, reason: $r) }`, { id: orgReview.rateExtension.id, r: secret('report reason', canary('repreason'), ['admin']) }, stranger.token);

  // Tokens and webhook endpoints: one's own only.
  await must(t, `mutation($n: String!) { createApiToken(name: $n) { secret } }`, { n: secret('owner token name', canary('tokown'), ['owner', 'admin']) }, owner.token);
  await must(t, `mutation($n: String!) { createApiToken(name: $n) { secret } }`, { n: secret('stranger token name', canary('tokstr'), ['stranger', 'admin']) }, stranger.token);
  // Runtime tokens and reports (docs/runtime.md): the owner's (and admins') only.
  const runtime = await must(
    t,
    `mutation($a: String!, $n: String!) { createRuntimeToken(appId: $a, name: $n) { secret } }`,
    { a: appId, n: secret('runtime token name', canary('rttoken'), ['owner', 'admin']) },
    owner.token,
  );
  const hourAgo = new Date(Date.now() - 3_600_000);
  await must(
    t,
    `mutation($i: ReportHealthInput!) { reportHealth(input: $i) { id } }`,
    { i: { versionId: published.id, status: 'FAILING', detail: secret('runtime health detail', canary('rthealth'), ['owner', 'admin']), window: { start: hourAgo.toISOString(), end: new Date(hourAgo.getTime() + 60_000).toISOString() } } },
    runtime.createRuntimeToken.secret,
  );
  const receiver = await startReceiver();
  await must(
    t,
    `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
    { i: { url: `${receiver.url}/${secret('owner webhook url', canary('hookown'), ['owner', 'admin'])}` } },
    owner.token,
  );
  await must(
    t,
    `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
    { i: { url: `${receiver.url}/${secret('stranger webhook url', canary('hookstr'), ['stranger', 'admin'])}`, appIds: [appId] } },
    stranger.token,
  );

  // Billing (docs/billing.md): the stranger subscribes to the owner's paid extension and a month
  // closes on the app's clock (the sweep starts its app with a ManualClock): the invoice is the
  // stranger's; its line is also the developer's earnings; the payout is the developer's.
  const billingIds: string[] = [];
  const clock = t.app.services.clock;
  if (clock instanceof ManualClock) {
    const paid = await approvedVersion(t, { dev: owner, reviewer, appId: `sweep-paid-${tag}`, displayName: 'Sweep Paid App' });
    const pricing = await must(
      t,
      `mutation($a: String!) { setPricing(appId: $a, input: { model: FLAT, interval: MONTH, priceMinor: 1234, currency: "EUR" }) { id } }`,
      { a: paid.appId },
      owner.token,
    );
    await publishApproved(t, paid);
    await installationOf(t, stranger, { appId: paid.appId }, { price: { pricingId: pricing.setPricing.id } });
    const now = clock.now();
    clock.advance({ days: 40 });
    const ctx = systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container, 'sweep-close');
    await t.app.services.periodClose.closeDuePeriods(ctx);
    clock.set(now);
    const [invoice] = await t.sql<{ id: string; line_id: string; payout_id: string }>(
      `SELECT i.id, l.id AS line_id, (SELECT id FROM billing_payouts WHERE developer_id = $2 LIMIT 1) AS payout_id
         FROM billing_invoices i JOIN billing_invoice_lines l ON l.invoice_id = i.id WHERE i.customer_user_id = $1`,
      [stranger.id, owner.id],
    );
    if (!invoice?.payout_id) throw new Error('the sweep world expected an invoice and a payout');
    secret('invoice id', invoice.id, ['stranger', 'admin']);
    secret('invoice line id', invoice.line_id, ['stranger', 'owner', 'admin']);
    secret('payout id', invoice.payout_id, ['owner', 'admin']);
    billingIds.push(invoice.id);
  }

  // A second extension of the owner's, suspended by an admin: the reason is for the owner and
  // admins (Extension.availabilityReason), even for a user who has it installed.
  const suspended = await approvedVersion(t, { dev: owner, reviewer, appId: `sweep-suspended-${tag}`, displayName: 'Sweep Suspended App' });
  await publishApproved(t, suspended);
  // The stranger installed it before the suspension, so the stranger still reaches the extension
  // (myInstallations → extension) and would see a reason that leaked.
  await installationOf(t, stranger, { appId: suspended.appId }, { grantedScopes: scopes });
  await must(
    t,
    `mutation($a: String!, $r: String!) { suspendExtension(appId: $a, reason: $r) { availability } }`,
    { a: suspended.appId, r: secret('suspension reason', canary('suspreason'), ['owner', 'admin']) },
    admin.token,
  );

  // A third extension of the owner's, whose second version rolls out in stages and is paused by
  // the owner with a reason: the rollout, its history and its rollout.paused event are for the
  // owner and admins. The stranger has the extension installed, so reaches its versions.
  const staged = await approvedVersion(t, { dev: owner, reviewer, appId: `sweep-staged-${tag}`, displayName: 'Sweep Staged App' });
  await publishApproved(t, staged);
  await installationOf(t, stranger, { appId: staged.appId }, { grantedScopes: scopes });
  const next = await submitZip(t, owner.token, staged.appId, await zipOf(packageFor(staged.appId, 'Sweep Staged App', { version: '1.0.1' })));
  const stagedVersionId = (await waitForValidation(t, owner.token, next.data!.submitVersion.id)).id as string;
  await must(t, `mutation($id: ID!) { publishVersion(id: $id, rollout: { percent: 10 }) { status } }`, { id: stagedVersionId }, owner.token);
  await must(
    t,
    `mutation($v: ID!, $r: String) { pauseRollout(versionId: $v, reason: $r) { state } }`,
    { v: stagedVersionId, r: secret('rollout pause reason', canary('pausereason'), ['owner', 'admin']) },
    owner.token,
  );

  return {
    appId,
    users: { owner, stranger, admin, reviewer, tester, installer, orgAdmin, orgMember },
    tokens: { anonymous: undefined, stranger: stranger.token, owner: owner.token, admin: admin.token },
    organizationId,
    versionIds,
    caseIds: [caseId],
    ids: {
      appId: [appId, suspended.appId],
      id: [...Object.values(versionIds), caseId, ...billingIds],
      organizationId: [null, organizationId],
      // extensionAnalytics' range (UTC days): the last week. Its figures are numbers, so they carry
      // no canary; the sweep still asks it as every viewer (analytics.e2e-spec checks who is refused).
      from: [new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10)],
      to: [new Date().toISOString().slice(0, 10)],
      // rollout(versionId): the published version's rollout, and the staged one paused with a
      // reason (owner and admins only).
      versionId: [publishedId, stagedVersionId],
    },
    canaries,
    receiver,
  };
}
