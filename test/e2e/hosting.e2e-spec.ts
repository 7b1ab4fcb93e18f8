import { expectCode } from '../utils/expect-code';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';

/** Shapes of the GraphQL answers this file reads. */
type ReportIssue = { rule: string; level: string };
type QueueEdge = { node: { id: string; version: { id: string } } };
type Money = { amountMinor: number; currency: string };

/**
 * Managed hosting end to end (docs/hosting.md): the tier table, a managed version's hosting and
 * cost, cost consent at install and at a dearer upgrade, tier-change notices, the org's hosting
 * cost, and the deployment manifests (schema-valid, egress exactly as declared, private).
 */
const SCOPES = ['store:read', 'task-board:read', 'task-board:write'];
const INSTALL = `mutation($i: InstallInput!) { install(input: $i) { id version { version } } }`;
const HOSTING = `query($id: ID!) { extensionVersion(id: $id) { id hosting { tier managed egress healthPath webhookPath monthlyCost { amountMinor currency } } } }`;
const DEPLOYMENT = `query($id: ID!) { extensionVersion(id: $id) { id deployment { yaml kinds allowedEgress } } }`;
const EGRESS = ['api.slack.com', '*.googleapis.com', 'münchen.de'];
const SCHEMAS = path.resolve(__dirname, '../fixtures/k8s-schemas');

function managedPackage(appId: string, overrides: { tier?: string; egress?: string[]; version?: string; dockerfile?: boolean } = {}) {
  const files = packageFor(appId, 'Hosted App', {
    version: overrides.version ?? '1.0.0',
    marketplace: { egress: overrides.egress ?? EGRESS, hosting: { tier: overrides.tier ?? 'minimal', managed: true, webhook_path: '/webhook', health_path: '/healthz' } },
  });
  if (overrides.dockerfile !== false) files.set('Dockerfile', Buffer.from('FROM python:3.12-slim\nUSER 10001\nCMD ["python", "main.py"]\n'));
  return files;
}

describe('managed hosting', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  let admin: TestUser;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    dev = await buildDeveloper(t);
    admin = await buildAdmin(t);
    reviewer = await buildUser(t);
    await t.gql(`mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`, { id: reviewer.id }, admin.token);
  });
  afterAll(() => t.close());

  const ctx = () => systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container);

  /** Claim, submit the managed package, review, list, publish. */
  async function publishedManaged(options: { tier?: string; egress?: string[] } = {}) {
    const appId = `hosted-app-${++n}`;
    await t.gql(`mutation { claimExtension(input: { appId: "${appId}", displayName: "Hosted App", category: "productivity" }) { id } }`, {}, dev.token);
    const res = await submitZip(t, dev.token, appId, await zipOf(managedPackage(appId, options)));
    const version = await waitForValidation(t, dev.token, res.data!.submitVersion.id);
    expect(version.validationReport.issues.filter((i: ReportIssue) => i.level === 'ERROR')).toEqual([]);
    const queue = await t.gql(`{ reviewQueue(first: 100) { edges { node { id version { id } } } } }`, {}, reviewer.token);
    const caseId = queue.data!.reviewQueue.edges.find((e: QueueEdge) => e.node.version.id === version.id).node.id;
    await t.gql(`mutation($id: ID!) { claimReview(caseId: $id) { id } }`, { id: caseId }, reviewer.token);
    await t.gql(`mutation($id: ID!) { decideReview(caseId: $id, decision: APPROVE, reason: "ok") { id } }`, { id: caseId }, reviewer.token);
    await t.gql(
      `mutation($a: String!) { updateListing(appId: $a, input: { title: "Hosted App ${n}", shortDescription: "Plan and track tasks from chat with reminders.",
        fullDescription: "A hosted board the assistant can read and update, number ${n}, with reminders.", categories: ["productivity"],
        supportContact: "s@example.test", privacyPolicyUrl: "https://example.test/p" }) { title } }`,
      { a: appId },
      dev.token,
    );
    const published = await t.gql(`mutation($id: ID!) { publishVersion(id: $id) { status } }`, { id: version.id }, dev.token);
    expect(published.data!.publishVersion.status).toBe('PUBLISHED');
    const [{ id: extensionId }] = await t.sql(`SELECT id FROM extensions WHERE app_id = $1`, [appId]);
    return { appId, versionId: version.id as string, extensionId: extensionId as string };
  }

  /** A later published version with another hosting tier, inserted as the publish step leaves it. */
  async function publishedNext(extensionId: string, fromVersionId: string, version: string, tier: string | null): Promise<string> {
    const [v] = await t.sql(`SELECT * FROM extension_versions WHERE id = $1`, [fromVersionId]);
    const manifest = { ...v.manifest, version, marketplace: tier ? { ...v.manifest.marketplace, hosting: { ...v.manifest.marketplace.hosting, tier } } : { egress: [] } };
    const [{ id }] = await t.sql(
      `INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id, published_at)
       VALUES ($1, $2, 'PUBLISHED', 'UPLOAD', $3, $4, $5, now()) RETURNING id`,
      [extensionId, version, v.package_sha256, manifest, dev.id],
    );
    return id;
  }

  it('lists the tiers from the table, to anyone', async () => {
    const res = await t.gql(`{ hostingTiers { name cpu memory cpuMillicores memoryMib monthlyCost { amountMinor currency } useCase } }`);
    expect(res.data!.hostingTiers.map((x: { name: string; cpu: number; memory: number; monthlyCost: Money }) => [x.name, x.cpu, x.memory, x.monthlyCost.amountMinor, x.monthlyCost.currency])).toEqual([
      ['minimal', '250m', '256Mi', 500, 'USD'],
      ['standard', '1', '512Mi', 1500, 'USD'],
      ['compute', '2', '1Gi', 3500, 'USD'],
      ['memory', '1', '2Gi', 3000, 'USD'],
    ]);
    // Data, not constants: a changed price is what the API answers.
    await t.sql(`UPDATE hosting_tiers SET monthly_cost_minor = 550 WHERE name = 'minimal'`);
    const after = await t.gql(`{ hostingTiers { name monthlyCost { amountMinor } } }`);
    expect(after.data!.hostingTiers[0]).toEqual({ name: 'minimal', monthlyCost: { amountMinor: 550 } });
    await t.sql(`UPDATE hosting_tiers SET monthly_cost_minor = 500 WHERE name = 'minimal'`);
  });

  it('refuses a managed package without a Dockerfile (HOST-3) or with an unknown tier (HOST-2) at validation', async () => {
    const appId = `hosted-bad-${++n}`;
    await t.gql(`mutation { claimExtension(input: { appId: "${appId}", displayName: "Hosted App", category: "productivity" }) { id } }`, {}, dev.token);
    const noDocker = await submitZip(t, dev.token, appId, await zipOf(managedPackage(appId, { dockerfile: false })));
    const v1 = await waitForValidation(t, dev.token, noDocker.data!.submitVersion.id);
    expect(v1.status).toBe('VALIDATION_FAILED');
    expect(v1.validationReport.issues.filter((i: ReportIssue) => i.level === 'ERROR').map((i: ReportIssue) => i.rule)).toEqual(['HOST-3']);
    const badTier = await submitZip(t, dev.token, appId, await zipOf(managedPackage(appId, { tier: 'gigantic' })));
    const v2 = await waitForValidation(t, dev.token, badTier.data!.submitVersion.id);
    expect(v2.validationReport.issues.filter((i: ReportIssue) => i.level === 'ERROR').map((i: ReportIssue) => i.rule)).toEqual(['HOST-2']);
    // A tier an operator adds to the table is accepted by the next validation.
    await t.sql(`INSERT INTO hosting_tiers (name, cpu_millicores, memory_mib, monthly_cost_minor, currency, position) VALUES ('gigantic', 4000, 8192, 9900, 'USD', 9)`);
    try {
      const again = await submitZip(t, dev.token, appId, await zipOf(managedPackage(appId, { tier: 'gigantic' })));
      const v3 = await waitForValidation(t, dev.token, again.data!.submitVersion.id);
      expect(v3.validationReport.issues.filter((i: ReportIssue) => i.level === 'ERROR')).toEqual([]);
    } finally {
      await t.sql(`DELETE FROM hosting_tiers WHERE name = 'gigantic'`);
    }
  });

  it('shows the tier and monthly cost on the version (install consent) and requires them to install', async () => {
    const { appId, versionId } = await publishedManaged();
    const hosting = (await t.gql(HOSTING, { id: versionId })).data!.extensionVersion.hosting;
    expect(hosting).toEqual({
      tier: 'minimal',
      managed: true,
      egress: ['*.googleapis.com', 'api.slack.com', 'xn--mnchen-3ya.de'],
      healthPath: '/healthz',
      webhookPath: '/webhook',
      monthlyCost: { amountMinor: 500, currency: 'USD' },
    });
    const owner = await buildUser(t);
    const org = (await t.gql(`mutation { createOrganization(name: "Hosting Org") { id } }`, {}, owner.token)).data!.createOrganization;

    const missing = await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, organizationId: org.id } }, owner.token);
    expect(expectCode(missing, 'CONSENT_REQUIRED').extensions).toMatchObject({ code: 'CONSENT_REQUIRED', missingScopes: [], missingHostingCost: { tier: 'minimal', monthlyCostMinor: 500, currency: 'USD' } });
    expect(missing.errors?.[0]?.message).toContain('tier minimal, 5.00 USD per month');
    // Scopes and cost missing together are listed together.
    const both = await t.gql(INSTALL, { i: { appId, grantedScopes: [], organizationId: org.id } }, owner.token);
    expect(expectCode(both, 'CONSENT_REQUIRED').extensions).toMatchObject({ code: 'CONSENT_REQUIRED', missingScopes: SCOPES, missingHostingCost: { tier: 'minimal' } });
    // An acknowledgement of another price is no acknowledgement.
    for (const hostingCost of [
      { tier: 'minimal', monthlyCostMinor: 400, currency: 'USD' },
      { tier: 'standard', monthlyCostMinor: 500, currency: 'USD' },
      { tier: 'minimal', monthlyCostMinor: 500, currency: 'EUR' },
    ]) {
      const wrong = await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, organizationId: org.id, hostingCost } }, owner.token);
      expectCode(wrong, 'CONSENT_REQUIRED');
    }
    const invalid = await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, organizationId: org.id, hostingCost: { tier: 'minimal', monthlyCostMinor: -1, currency: 'usd' } } }, owner.token);
    expectCode(invalid, 'BAD_USER_INPUT');
    expect(await t.sql(`SELECT 1 FROM installations WHERE organization_id = $1`, [org.id])).toHaveLength(0);
    expect(await t.sql(`SELECT 1 FROM installation_hosting_consents c JOIN installations i ON i.id = c.installation_id WHERE i.organization_id = $1`, [org.id])).toHaveLength(0);

    const ok = await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, organizationId: org.id, hostingCost: { tier: 'minimal', monthlyCostMinor: 500, currency: 'USD' } } }, owner.token);
    expect(ok.errors).toBeUndefined();
    const [consent] = await t.sql(`SELECT tier, monthly_cost_minor, currency, acknowledged_by_id FROM installation_hosting_consents WHERE installation_id = $1`, [ok.data!.install.id]);
    expect(consent).toEqual({ tier: 'minimal', monthly_cost_minor: 500, currency: 'USD', acknowledged_by_id: owner.id });
  });

  it('an organization’s hosting cost: lines and totals for members; NOT_FOUND for strangers, UNAUTHENTICATED anonymously', async () => {
    const a = await publishedManaged({ tier: 'minimal' });
    const b = await publishedManaged({ tier: 'compute' });
    const owner = await buildUser(t);
    const org = (await t.gql(`mutation { createOrganization(name: "Cost Org") { id } }`, {}, owner.token)).data!.createOrganization;
    await t.gql(INSTALL, { i: { appId: a.appId, grantedScopes: SCOPES, organizationId: org.id, hostingCost: { tier: 'minimal', monthlyCostMinor: 500, currency: 'USD' } } }, owner.token);
    await t.gql(INSTALL, { i: { appId: b.appId, grantedScopes: SCOPES, organizationId: org.id, hostingCost: { tier: 'compute', monthlyCostMinor: 3500, currency: 'USD' } } }, owner.token);
    const COST = `query($o: ID) { hostingCost(organizationId: $o) { organizationId lines { appId version tier monthlyCost { amountMinor currency } } totals { amountMinor currency } } }`;
    const cost = (await t.gql(COST, { o: org.id }, owner.token)).data!.hostingCost;
    expect(cost.lines.map((l: { appId: string; tier: string; monthlyCost: Money }) => [l.appId, l.tier, l.monthlyCost.amountMinor])).toEqual([
      [a.appId, 'minimal', 500],
      [b.appId, 'compute', 3500],
    ]);
    expect(cost.totals).toEqual([{ amountMinor: 4000, currency: 'USD' }]);
    const stranger = await buildUser(t);
    expectCode((await t.gql(COST, { o: org.id }, stranger.token)), 'NOT_FOUND');
    expectCode((await t.gql(COST, { o: org.id })), 'UNAUTHENTICATED');
    expectCode((await t.gql(COST, { o: 'not-a-uuid' }, owner.token)), 'NOT_FOUND');
    // Without an organization: the caller's personal installations only.
    const personal = await t.gql(`{ hostingCost { organizationId lines { appId } totals { amountMinor } } }`, {}, owner.token);
    expect(personal.data!.hostingCost).toEqual({ organizationId: null, lines: [], totals: [] });
    const user = await buildUser(t);
    await t.gql(INSTALL, { i: { appId: b.appId, grantedScopes: SCOPES, hostingCost: { tier: 'compute', monthlyCostMinor: 3500, currency: 'USD' } } }, user.token);
    const mine = await t.gql(`{ hostingCost { lines { appId tier } totals { amountMinor currency } } }`, {}, user.token);
    expect(mine.data!.hostingCost).toEqual({ lines: [{ appId: b.appId, tier: 'compute' }], totals: [{ amountMinor: 3500, currency: 'USD' }] });
  });

  it('a dearer tier notifies every installation and waits for the cost to be acknowledged; a cheaper one moves', async () => {
    const { appId, versionId, extensionId } = await publishedManaged({ tier: 'minimal' });
    const owner = await buildUser(t);
    const orgA = (await t.gql(`mutation { createOrganization(name: "Tier Org A") { id } }`, {}, owner.token)).data!.createOrganization;
    const orgB = (await t.gql(`mutation { createOrganization(name: "Tier Org B") { id } }`, {}, owner.token)).data!.createOrganization;
    const ack = { tier: 'minimal', monthlyCostMinor: 500, currency: 'USD' };
    const instA = (await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, organizationId: orgA.id, hostingCost: ack } }, owner.token)).data!.install;
    const instB = (await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, organizationId: orgB.id, hostingCost: ack } }, owner.token)).data!.install;

    // 1.1.0 runs on standard ($15 > $5): nobody moves, everyone is told and offered.
    const dearer = await publishedNext(extensionId, versionId, '1.1.0', 'standard');
    expect(await t.app.services.upgrades.rollout(ctx(), dearer)).toEqual({ moved: 0, offered: 2 });
    const events = await t.sql(`SELECT subject_id, audience_user_id, data FROM platform_events WHERE type = 'hosting.tier_changed' AND app_id = $1 ORDER BY id`, [appId]);
    expect(events.map(e => e.subject_id).sort()).toEqual([instA.id, instB.id].sort());
    expect(events[0].audience_user_id).toBe(owner.id);
    expect(events[0].data).toMatchObject({
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      fromTier: 'minimal',
      toTier: 'standard',
      fromMonthlyCost: { amountMinor: 500, currency: 'USD' },
      toMonthlyCost: { amountMinor: 1500, currency: 'USD' },
      needsConsent: true,
    });
    expect([orgA.id, orgB.id]).toContain(events[0].data.organizationId);
    // The developer sees the event without the organization (AUDIENCE_ONLY_FIELDS).
    const devEvents = await t.gql(`{ events(first: 100) { edges { node { type data } } } }`, {}, dev.token);
    const seenByDev = devEvents.data!.events.edges.map((e: { node: { type: string; data: Record<string, unknown> } }) => e.node).filter((e: { type: string }) => e.type === 'hosting.tier_changed');
    expect(seenByDev.length).toBeGreaterThan(0);
    for (const e of seenByDev) expect(e.data.organizationId).toBeNull();

    // upgradeRecommendations carries the notice.
    const RECS = `query($o: ID) { upgradeRecommendations(organizationId: $o) { installation { id } currentVersion { version } recommendedVersion { version } needsConsent newScopes
      hostingChange { fromTier toTier fromMonthlyCost { amountMinor currency } toMonthlyCost { amountMinor currency } needsConsent } } }`;
    const recs = (await t.gql(RECS, { o: orgA.id }, owner.token)).data!.upgradeRecommendations;
    expect(recs).toEqual([
      {
        installation: { id: instA.id },
        currentVersion: { version: '1.0.0' },
        recommendedVersion: { version: '1.1.0' },
        needsConsent: true,
        newScopes: [],
        hostingChange: { fromTier: 'minimal', toTier: 'standard', fromMonthlyCost: { amountMinor: 500, currency: 'USD' }, toMonthlyCost: { amountMinor: 1500, currency: 'USD' }, needsConsent: true },
      },
    ]);
    // A stranger sees nothing of another organization's recommendations.
    const stranger = await buildUser(t);
    expectCode((await t.gql(RECS, { o: orgA.id }, stranger.token)), 'NOT_FOUND');

    // Accepting the offer needs the new cost acknowledged, exactly.
    const offers = (await t.gql(`query($o: ID) { upgradeOffers(organizationId: $o) { id newScopes } }`, { o: orgA.id }, owner.token)).data!.upgradeOffers;
    expect(offers).toHaveLength(1);
    const RESPOND = `mutation($id: ID!, $c: HostingCostConsentInput) { respondToUpgradeOffer(offerId: $id, accept: true, hostingCost: $c) { id status } }`;
    const refused = await t.gql(RESPOND, { id: offers[0].id }, owner.token);
    expect(expectCode(refused, 'CONSENT_REQUIRED').extensions).toMatchObject({ code: 'CONSENT_REQUIRED', missingScopes: [], missingHostingCost: { tier: 'standard', monthlyCostMinor: 1500, currency: 'USD' } });
    const stale = await t.gql(RESPOND, { id: offers[0].id, c: ack }, owner.token);
    expectCode(stale, 'CONSENT_REQUIRED');
    const [still] = await t.sql(`SELECT v.version FROM installations i JOIN extension_versions v ON v.id = i.version_id WHERE i.id = $1`, [instA.id]);
    expect(still.version).toBe('1.0.0');
    const accepted = await t.gql(RESPOND, { id: offers[0].id, c: { tier: 'standard', monthlyCostMinor: 1500, currency: 'USD' } }, owner.token);
    expect(accepted.data!.respondToUpgradeOffer.status).toBe('ACCEPTED');
    const [moved] = await t.sql(
      `SELECT v.version, c.tier, c.monthly_cost_minor FROM installations i JOIN extension_versions v ON v.id = i.version_id
         JOIN installation_hosting_consents c ON c.installation_id = i.id WHERE i.id = $1`,
      [instA.id],
    );
    expect(moved).toEqual({ version: '1.1.0', tier: 'standard', monthly_cost_minor: 1500 });

    // 1.1.1 back on minimal: cheaper than what both agreed to, so both move on their own, told without needing consent.
    const cheaper = await publishedNext(extensionId, dearer, '1.1.1', 'minimal');
    expect(await t.app.services.upgrades.rollout(ctx(), cheaper)).toEqual({ moved: 2, offered: 0 });
    const lastA = await t.sql(`SELECT data FROM platform_events WHERE type = 'hosting.tier_changed' AND subject_id = $1 ORDER BY id DESC LIMIT 1`, [instA.id]);
    expect(lastA[0].data).toMatchObject({ fromTier: 'standard', toTier: 'minimal', needsConsent: false });
    // B stayed on 1.0.0 (minimal): 1.1.1 is on its own tier, so it moves without a notice.
    const notices111 = await t.sql(`SELECT subject_id FROM platform_events WHERE type = 'hosting.tier_changed' AND version = '1.1.1' AND app_id = $1`, [appId]);
    expect(notices111).toEqual([{ subject_id: instA.id }]);
    // Re-running announces and moves nothing twice.
    expect(await t.app.services.upgrades.rollout(ctx(), cheaper)).toEqual({ moved: 0, offered: 0 });
    expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = 'hosting.tier_changed' AND version = '1.1.1' AND app_id = $1`, [appId])).toHaveLength(1);
  });

  it('a version that stops being managed moves without consent; one that becomes managed waits for it', async () => {
    const { appId, versionId, extensionId } = await publishedManaged({ tier: 'minimal' });
    const user = await buildUser(t);
    const inst = (await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES, hostingCost: { tier: 'minimal', monthlyCostMinor: 500, currency: 'USD' } } }, user.token)).data!.install;
    const unmanaged = await publishedNext(extensionId, versionId, '1.0.1', null);
    expect(await t.app.services.upgrades.rollout(ctx(), unmanaged)).toEqual({ moved: 1, offered: 0 });
    const [event] = await t.sql(`SELECT data FROM platform_events WHERE type = 'hosting.tier_changed' AND subject_id = $1`, [inst.id]);
    expect(event.data).toMatchObject({ fromTier: 'minimal', toTier: null, toMonthlyCost: null, needsConsent: false });
    // Another user installed the unmanaged version (no cost); 1.0.2 is managed again: they get an offer.
    const other = await buildUser(t);
    const otherInst = (await t.gql(INSTALL, { i: { appId, grantedScopes: SCOPES } }, other.token)).data!.install;
    expect(otherInst.version.version).toBe('1.0.1');
    const managedAgain = await publishedNext(extensionId, versionId, '1.0.2', 'minimal');
    const result = await t.app.services.upgrades.rollout(ctx(), managedAgain);
    // The first installation agreed to $5 before, so it moves; the second never agreed to anything.
    expect(result).toEqual({ moved: 1, offered: 1 });
    const [offer] = await t.sql(`SELECT status FROM upgrade_offers WHERE installation_id = $1`, [otherInst.id]);
    expect(offer.status).toBe('OPEN');
  });

  describe('deployment manifests', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validators = Object.fromEntries(
      (['Deployment', 'Service', 'CiliumNetworkPolicy'] as const).map(kind => {
        const file = { Deployment: 'deployment', Service: 'service', CiliumNetworkPolicy: 'cilium-network-policy' }[kind];
        return [kind, ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, `${file}.schema.json`), 'utf8')))];
      }),
    );

    it('are schema-valid, carry the tier’s resources, probes and a locked-down container, and allow exactly the declared egress plus DNS', async () => {
      const { appId, versionId } = await publishedManaged({ tier: 'compute', egress: EGRESS });
      const res = await t.gql(DEPLOYMENT, { id: versionId }, dev.token);
      const deployment = res.data!.extensionVersion.deployment;
      expect(deployment.kinds).toEqual(['Deployment', 'Service', 'CiliumNetworkPolicy']);
      expect(deployment.allowedEgress).toEqual(['*.googleapis.com', 'api.slack.com', 'xn--mnchen-3ya.de']);
      const docs = parseAllDocuments(deployment.yaml).map(d => d.toJS());
      expect(docs.map(d => d.kind)).toEqual(deployment.kinds);
      for (const doc of docs) {
        const validate = validators[doc.kind];
        expect({ kind: doc.kind, valid: validate(doc), errors: validate.errors ?? null }).toEqual({ kind: doc.kind, valid: true, errors: null });
      }
      const [dep, , policy] = docs;
      const pod = dep.spec.template.spec;
      const [container] = pod.containers;
      expect(container.resources).toEqual({ requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } });
      expect(container.livenessProbe.httpGet).toMatchObject({ path: '/healthz', port: 'http' });
      expect(container.readinessProbe.httpGet).toMatchObject({ path: '/healthz', port: 'http' });
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
      expect(container.securityContext.runAsUser).toBeGreaterThan(0);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(dep.metadata.annotations['plaza.dev/app-id']).toBe(appId);
      expect(dep.spec.selector.matchLabels).toEqual(policy.spec.endpointSelector.matchLabels);

      // Egress: DNS to kube-dns, and HTTPS to exactly the declared hosts; nothing else.
      const rules = policy.spec.egress;
      expect(rules).toHaveLength(2);
      const [dns, fqdn] = rules;
      expect(dns.toEndpoints[0].matchLabels['k8s:k8s-app']).toBe('kube-dns');
      expect(dns.toPorts[0].ports.map((p: { port: string }) => p.port)).toEqual(['53', '53']);
      const declared = (list: { matchName?: string; matchPattern?: string }[]) => list.map(s => s.matchName ?? s.matchPattern).sort();
      expect(declared(dns.toPorts[0].rules.dns)).toEqual(deployment.allowedEgress);
      expect(declared(fqdn.toFQDNs)).toEqual(deployment.allowedEgress);
      expect(fqdn.toFQDNs).toContainEqual({ matchPattern: '*.googleapis.com' });
      expect(fqdn.toFQDNs).toContainEqual({ matchName: 'api.slack.com' });
      expect(fqdn.toPorts).toEqual([{ ports: [{ port: '443', protocol: 'TCP' }] }]);
      expect(Object.keys(fqdn).sort()).toEqual(['toFQDNs', 'toPorts']);
    });

    it('the schemas catch what they should (a test that cannot fail is a defect)', () => {
      const broken = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'Bad_Name' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'x', resources: { limits: { cpu: 'lots' } }, securityContext: { allowPrivilegeEscalaton: false } }] } } } };
      expect(validators.Deployment(broken)).toBe(false);
      const paths = (validators.Deployment.errors ?? []).map(e => e.instancePath);
      expect(paths).toEqual(expect.arrayContaining(['/metadata/name', '/spec/template/spec/containers/0/resources/limits/cpu', '/spec/template/spec/containers/0/securityContext']));
      expect(validators.CiliumNetworkPolicy({ apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name: 'p' }, spec: { endpointSelector: {}, egress: [{ toFQDNs: [{ matchName: 'https://x.com' }] }] } })).toBe(false);
    });

    it('an empty egress list allows DNS only', async () => {
      const { versionId } = await publishedManaged({ tier: 'minimal', egress: [] });
      const deployment = (await t.gql(DEPLOYMENT, { id: versionId }, dev.token)).data!.extensionVersion.deployment;
      const policy = parseAllDocuments(deployment.yaml).map(d => d.toJS())[2];
      expect(policy.spec.egress).toHaveLength(1);
      expect(policy.spec.egress[0].toFQDNs).toBeUndefined();
      expect(deployment.allowedEgress).toEqual([]);
    });

    it('are for the owner, reviewers and admins only; null for anonymous callers and strangers', async () => {
      const { versionId } = await publishedManaged();
      const stranger = await buildUser(t);
      expect((await t.gql(DEPLOYMENT, { id: versionId })).data!.extensionVersion).toEqual({ id: versionId, deployment: null });
      expect((await t.gql(DEPLOYMENT, { id: versionId }, stranger.token)).data!.extensionVersion).toEqual({ id: versionId, deployment: null });
      for (const who of [dev, reviewer, admin]) expect((await t.gql(DEPLOYMENT, { id: versionId }, who.token)).data!.extensionVersion.deployment).not.toBeNull();
    });

    it('none for a version that is not managed or not published', async () => {
      const { versionId, extensionId } = await publishedManaged();
      const unmanaged = await publishedNext(extensionId, versionId, '1.0.1', null);
      expect((await t.gql(DEPLOYMENT, { id: unmanaged }, dev.token)).data!.extensionVersion.deployment).toBeNull();
      await t.sql(`UPDATE extension_versions SET status = 'APPROVED' WHERE id = $1`, [unmanaged]);
      const approved = await publishedNext(extensionId, versionId, '1.0.2', 'minimal');
      await t.sql(`UPDATE extension_versions SET status = 'APPROVED' WHERE id = $1`, [approved]);
      expect((await t.gql(DEPLOYMENT, { id: approved }, dev.token)).data!.extensionVersion.deployment).toBeNull();
    });
  });
});
