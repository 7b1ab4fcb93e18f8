import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { ManualClock } from '../../src/shared/clock';
import type { RuleSet } from '../../src/modules/trust/rescans.service';
import { RULESET_VERSION } from '../../src/modules/validation/ruleset';
import { issue } from '../../src/modules/validation/types';
import { validatePackage } from '../../src/modules/validation/validate-package';
import { graphql } from '../generated';
import { cyclonedxSbom, dsseEnvelope, slsaStatement, spdxSbom } from '../utils/attestations';
import { expectCode } from '../utils/expect-code';
import { buildAdmin, buildUser, TestUser } from '../utils/factories';
import { buildReviewer, must, publishedExtension } from '../utils/scenarios';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * Security rescans after publish and attestations (docs/trust.md). One server; the rescans are
 * driven through the service the scheduled job calls, with rule sets that stand for the next
 * release's validator, under an injected clock.
 */
const TRUST = graphql(`
  query TrustOfVersion($id: ID!) {
    version: extensionVersion(id: $id) {
      id
      status
      ruleSetVersion
      securityFindings { id rule level message file line firstSeenRuleSetVersion lastSeenRuleSetVersion reviewCaseId foundAt }
      attestations { id kind sha256 sizeBytes document summary { format } }
      attestationSummaries { attestationId kind format componentCount licenses describes predicateType builderId sourceRepository subjectMatchesPackage envelope signatureCount }
    }
  }
`);
const ATTACH = graphql(`
  mutation TrustAttach($v: ID!, $d: String!) {
    attachAttestation(versionId: $v, document: $d) { id kind sha256 summary { format componentCount licenses subjectMatchesPackage builderId } }
  }
`);
const REMOVE = graphql(`mutation TrustRemove($id: ID!) { removeAttestation(id: $id) }`);
const RESCAN = graphql(`query TrustRescan { securityRescan { ruleSetVersion startedAt finishedAt scannedCount findingCount failedCount } }`);
const CASE = graphql(`query TrustCase($id: ID!) { reviewCase(id: $id) { id kind state triggers { kind value reason } version { id status } } }`);
const CLAIM = graphql(`mutation TrustClaim($id: ID!) { claimReview(caseId: $id) { id state } }`);
const DECIDE = graphql(`mutation TrustDecide($id: ID!, $r: String!) { decideReview(caseId: $id, decision: REJECT, reason: $r) { id state version { status } } }`);

/** A rule set standing for the next validator: the real rules plus what `extra` adds to each package. */
function nextRuleSet(version: string, extra: ReturnType<typeof issue>[]): RuleSet {
  return {
    version,
    judge: (files, options, issues) => {
      const report = validatePackage(files, options, issues);
      report.issues.push(...extra);
      return report;
    },
  };
}

const EVAL = issue('SEC-EVAL', 'ERROR', 'Tool handler passes its input to eval()', 'Parse the input instead of evaluating it.', { file: 'main.py', line: 12, source: 'code' });
const PIN = issue('SEC-PIN', 'WARN', 'requirements.txt does not pin versions', 'Pin every dependency.', { file: 'requirements.txt' });
const SHELL = issue('SEC-SHELL', 'ERROR', 'Tool handler runs a shell with its input', 'Call the program without a shell.', { file: 'main.py', line: 20, source: 'code' });

describe('trust: rescans and attestations (docs/trust.md)', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  let owner: TestUser;
  let stranger: TestUser;
  let reviewer: TestUser;
  let admin: TestUser;
  let versionId: string;
  let otherVersionId: string;
  let packageSha256: string;
  const ctx = () => systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container, 'test');
  const viewers = () => ({ owner: owner.token, reviewer: reviewer.token, admin: admin.token, stranger: stranger.token, anonymous: undefined as string | undefined });

  beforeAll(async () => {
    t = await startTestApp({ rescanBatchSize: 1, attestationMaxBytes: 64 * 1024 }, { clock });
    reviewer = await buildReviewer(t);
    const published = await publishedExtension(t, { reviewer });
    owner = published.dev;
    versionId = published.versionId;
    otherVersionId = (await publishedExtension(t, { reviewer })).versionId;
    stranger = await buildUser(t);
    admin = await buildAdmin(t);
    [{ package_sha256: packageSha256 }] = await t.sql(`SELECT package_sha256 FROM extension_versions WHERE id = $1`, [versionId]);
    // Two extensions through the real claim → validate → review → publish loop: slow on a loaded machine.
  }, 180_000);
  afterAll(() => t?.close());

  it('records the rule set that judged a validation, for the owner, reviewers and admins only', async () => {
    for (const [who, token] of Object.entries(viewers())) {
      const res = await must(t, TRUST, { id: versionId }, token);
      expect([who, res.version?.ruleSetVersion]).toEqual([who, ['owner', 'reviewer', 'admin'].includes(who) ? RULESET_VERSION : null]);
    }
  });

  describe('rescans', () => {
    // KNOWN is in the first version's original report (as if its validation had said it then): not new there.
    const KNOWN = issue('SEC-KNOWN', 'WARN', 'Known since submission', 'Nothing new.', { file: 'main.py', line: 2 });
    const first = nextRuleSet('test-next-1', [EVAL, PIN, KNOWN]);

    it('starts once per rule set and rescans in resumable batches; new findings are stored, the version stays published', async () => {
      const rescans = t.app.services.rescans;
      await t.sql(`UPDATE extension_versions SET report = jsonb_set(report, '{issues}', coalesce(report->'issues', '[]'::jsonb) || $2::jsonb) WHERE id = $1`, [
        versionId,
        JSON.stringify([KNOWN]),
      ]);
      expect(await rescans.startIfRuleSetChanged(ctx(), first)).toBe(true);
      expect(await rescans.startIfRuleSetChanged(ctx(), first)).toBe(false);
      // Batches of one: the cursor moves one version at a time.
      const firstInIdOrder = [versionId, otherVersionId].sort()[0];
      const one = await rescans.runBatch(ctx(), first.version, first);
      expect(one).toEqual({ scanned: 1, newFindings: firstInIdOrder === versionId ? 2 : 3, done: false });
      const [run] = await t.sql(`SELECT cursor, scanned_count, finished_at FROM trust_rescan_runs WHERE ruleset_version = $1`, [first.version]);
      expect(run).toMatchObject({ cursor: firstInIdOrder, scanned_count: 1, finished_at: null });
      const rest = await rescans.runToCompletion(ctx(), first);
      expect(rest).toEqual({ scanned: 1, newFindings: firstInIdOrder === versionId ? 3 : 2, done: true });

      const { version } = await must(t, TRUST, { id: versionId }, owner.token);
      expect(version!.status).toBe('PUBLISHED');
      // Only what the original report lacks: the real rules' issues were in it already.
      expect(version!.securityFindings!.map(f => [f.rule, f.level, f.file, f.line])).toEqual([
        ['SEC-EVAL', 'ERROR', 'main.py', 12],
        ['SEC-PIN', 'WARN', 'requirements.txt', 0],
      ]);
      const other = (await must(t, TRUST, { id: otherVersionId }, admin.token)).version!;
      expect(other.securityFindings!.map(f => f.rule).sort()).toEqual(['SEC-EVAL', 'SEC-KNOWN', 'SEC-PIN']);
      expect(version!.securityFindings![0]).toMatchObject({ firstSeenRuleSetVersion: 'test-next-1', lastSeenRuleSetVersion: 'test-next-1', foundAt: clock.now().toISOString() });
      expect(version!.securityFindings![0].reviewCaseId).toEqual(expect.any(String));
      expect(version!.securityFindings![1].reviewCaseId).toBeNull();
    });

    it('is idempotent: a run resumed from before its cursor judges nothing twice', async () => {
      const before = await t.sql(`SELECT (SELECT count(*)::int FROM version_security_findings) AS findings, (SELECT count(*)::int FROM review_cases WHERE kind = 'RESCAN') AS cases,
                                         (SELECT count(*)::int FROM platform_events WHERE type = 'version.security_findings') AS events`);
      // A process that died after its last version but before the run was marked finished.
      await t.sql(`UPDATE trust_rescan_runs SET cursor = NULL, finished_at = NULL WHERE ruleset_version = $1`, [first.version]);
      expect(await t.app.services.rescans.runToCompletion(ctx(), first)).toEqual({ scanned: 0, newFindings: 0, done: true });
      const after = await t.sql(`SELECT (SELECT count(*)::int FROM version_security_findings) AS findings, (SELECT count(*)::int FROM review_cases WHERE kind = 'RESCAN') AS cases,
                                        (SELECT count(*)::int FROM platform_events WHERE type = 'version.security_findings') AS events`);
      expect(after).toEqual(before);
      // A job for a rule set this process does not run does nothing.
      expect(await t.app.services.rescans.runBatch(ctx(), 'some-old-rule-set')).toEqual({ scanned: 0, newFindings: 0, done: true });
    });

    it('opens a RESCAN case for an ERROR, tells the owner, and the case never moves the version', async () => {
      const [finding] = (await must(t, TRUST, { id: versionId }, owner.token)).version!.securityFindings!;
      const caseId = finding.reviewCaseId!;
      const seen = await must(t, CASE, { id: caseId }, reviewer.token);
      expect(seen.reviewCase).toMatchObject({ kind: 'RESCAN', state: 'OPEN', version: { id: versionId, status: 'PUBLISHED' } });
      expect(seen.reviewCase!.triggers).toEqual([{ kind: 'SECURITY_FINDING', value: 'SEC-EVAL', reason: expect.stringContaining('eval()') }]);
      const [due] = await t.sql(`SELECT due_at FROM review_cases WHERE id = $1`, [caseId]);
      expect(new Date(due.due_at).toISOString()).toBe('2026-03-04T09:00:00.000Z'); // two business days after the injected clock
      const events = await t.sql(`SELECT audience_user_id, data FROM platform_events WHERE type = 'version.security_findings' AND subject_id = $1`, [versionId]);
      expect(events).toEqual([
        { audience_user_id: owner.id, data: { versionId, ruleSetVersion: 'test-next-1', findingCount: 2, errorCount: 1, rules: ['SEC-EVAL', 'SEC-PIN'], reviewCaseId: caseId } },
      ]);

      // A later rule set: the known finding only moves `lastSeen`; the new ERROR joins the undecided case.
      clock.advance({ days: 7 });
      const second = nextRuleSet('test-next-2', [EVAL, SHELL]);
      await t.app.services.rescans.startIfRuleSetChanged(ctx(), second);
      expect(await t.app.services.rescans.runToCompletion(ctx(), second)).toEqual({ scanned: 2, newFindings: 2, done: true });
      const findings = (await must(t, TRUST, { id: versionId }, owner.token)).version!.securityFindings!;
      expect(findings.map(f => [f.rule, f.firstSeenRuleSetVersion, f.lastSeenRuleSetVersion])).toEqual([
        ['SEC-EVAL', 'test-next-1', 'test-next-2'],
        ['SEC-SHELL', 'test-next-2', 'test-next-2'],
        ['SEC-PIN', 'test-next-1', 'test-next-1'],
      ]);
      expect(findings[1].reviewCaseId).toBe(caseId);
      expect((await t.sql(`SELECT count(*)::int AS n FROM review_cases WHERE kind = 'RESCAN' AND version_id = $1`, [versionId]))[0].n).toBe(1);

      // The owner cannot review their own version; a reviewer's REJECT is recorded and the version stays published.
      expectCode(await t.gql(CLAIM, { id: caseId }, owner.token), 'FORBIDDEN');
      await must(t, CLAIM, { id: caseId }, reviewer.token);
      const decided = await must(t, DECIDE, { id: caseId, r: 'eval on tool input is exploitable' }, reviewer.token);
      expect(decided.decideReview).toMatchObject({ state: 'REJECTED', version: { status: 'PUBLISHED' } });
      const [row] = await t.sql(`SELECT status FROM extension_versions WHERE id = $1`, [versionId]);
      expect(row.status).toBe('PUBLISHED');
    });

    it('records a version it cannot judge and carries on', async () => {
      const broken: RuleSet = { version: 'test-broken', judge: () => { throw new Error('validator bug'); } };
      await t.app.services.rescans.startIfRuleSetChanged(ctx(), broken);
      expect(await t.app.services.rescans.runToCompletion(ctx(), broken)).toEqual({ scanned: 2, newFindings: 0, done: true });
      const [run] = await t.sql(`SELECT scanned_count, failed_count, finished_at FROM trust_rescan_runs WHERE ruleset_version = 'test-broken'`);
      expect(run).toMatchObject({ scanned_count: 0, failed_count: 2, finished_at: expect.any(Date) });
      const scans = await t.sql(`SELECT error FROM version_security_scans WHERE ruleset_version = 'test-broken'`);
      expect(scans.map(s => s.error)).toEqual(['Error: validator bug', 'Error: validator bug']);
    });

    it('shows findings to the owner, reviewers and admins only; the rescan view to admins only', async () => {
      for (const [who, token] of Object.entries(viewers())) {
        const { version } = await must(t, TRUST, { id: versionId }, token);
        expect([who, version!.securityFindings?.length ?? null]).toEqual([who, ['owner', 'reviewer', 'admin'].includes(who) ? 3 : null]);
      }
      // The current rule set's run (the scheduled check may have started it already).
      await t.app.services.rescans.startIfRuleSetChanged(ctx());
      const { securityRescan } = await must(t, RESCAN, {}, admin.token);
      expect(securityRescan).toMatchObject({ ruleSetVersion: RULESET_VERSION, startedAt: expect.any(String), scannedCount: 0, findingCount: 0 });
      expectCode(await t.gql(RESCAN, {}, owner.token), 'FORBIDDEN');
      expectCode(await t.gql(RESCAN, {}, reviewer.token), 'FORBIDDEN');
      expectCode(await t.gql(RESCAN, {}), 'UNAUTHENTICATED');
      // The queued batch runs on the job workers; every live version was validated by the current
      // rules, so the run ends having judged nothing. Polled with a deadline.
      const deadline = Date.now() + 30_000;
      let finished: { finished_at: Date | null; scanned_count: number } | undefined;
      while (Date.now() < deadline) {
        [finished] = await t.sql(`SELECT finished_at, scanned_count FROM trust_rescan_runs WHERE ruleset_version = $1`, [RULESET_VERSION]);
        if (finished?.finished_at) break;
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      expect(finished).toEqual({ finished_at: expect.any(Date), scanned_count: 0 });
    });
  });

  describe('attestations', () => {
    const count = async () => (await t.sql(`SELECT count(*)::int AS n FROM version_attestations`))[0].n as number;

    it('attaches SBOMs and provenance for the owner, summarised for everyone once published', async () => {
      const cdx = await must(t, ATTACH, { v: versionId, d: JSON.stringify(cyclonedxSbom({ description: 'internal build notes' })) }, owner.token);
      expect(cdx.attachAttestation).toMatchObject({ kind: 'CYCLONEDX', summary: { format: 'CycloneDX 1.5', componentCount: 3, subjectMatchesPackage: null } });
      const spdx = await must(t, ATTACH, { v: versionId, d: JSON.stringify(spdxSbom()) }, owner.token);
      expect(spdx.attachAttestation.summary.licenses).toContain('GPL-2.0-or-later WITH Classpath-exception-2.0');
      const slsa = await must(t, ATTACH, { v: versionId, d: JSON.stringify(dsseEnvelope(slsaStatement(packageSha256))) }, owner.token);
      expect(slsa.attachAttestation.summary).toMatchObject({ subjectMatchesPackage: true, builderId: 'https://github.com/actions/runner/github-hosted' });
      // An admin manages every extension; provenance about another package says so.
      const foreign = await must(t, ATTACH, { v: versionId, d: JSON.stringify(slsaStatement('cd'.repeat(32))) }, admin.token);
      expect(foreign.attachAttestation.summary.subjectMatchesPackage).toBe(false);

      for (const [who, token] of Object.entries(viewers())) {
        const { version } = await must(t, TRUST, { id: versionId }, token);
        expect([who, version!.attestationSummaries.map(s => s.format)]).toEqual([who, ['CycloneDX 1.5', 'SPDX-2.3', 'in-toto Statement v1', 'in-toto Statement v1']]);
        const full = ['owner', 'reviewer', 'admin'].includes(who);
        expect([who, version!.attestations?.length ?? null]).toEqual([who, full ? 4 : null]);
        expect([who, JSON.stringify(version).includes('internal build notes')]).toEqual([who, full]);
      }
      const { version } = await must(t, TRUST, { id: versionId });
      expect(version!.attestationSummaries[2]).toMatchObject({ envelope: 'DSSE', signatureCount: 1, sourceRepository: 'https://github.com/example/task-board', predicateType: 'https://slsa.dev/provenance/v1' });
      const events = await t.sql(`SELECT audience_user_id, data->>'kind' AS kind FROM platform_events WHERE type = 'version.attestation_attached' ORDER BY id`);
      expect(events.map(e => [e.audience_user_id, e.kind])).toEqual([
        [owner.id, 'CYCLONEDX'],
        [owner.id, 'SPDX'],
        [owner.id, 'IN_TOTO'],
        [owner.id, 'IN_TOTO'],
      ]);
    });

    it('refuses strangers, reviewers and anonymous callers as if the version did not exist', async () => {
      const before = await count();
      const doc = JSON.stringify(spdxSbom());
      expectCode(await t.gql(ATTACH, { v: versionId, d: doc }, stranger.token), 'NOT_FOUND');
      expectCode(await t.gql(ATTACH, { v: versionId, d: doc }, reviewer.token), 'NOT_FOUND');
      expectCode(await t.gql(ATTACH, { v: versionId, d: doc }), 'UNAUTHENTICATED');
      expectCode(await t.gql(ATTACH, { v: 'not-a-uuid', d: doc }, owner.token), 'NOT_FOUND');
      expectCode(await t.gql(ATTACH, { v: otherVersionId, d: doc }, owner.token), 'NOT_FOUND');
      // Even a hostile document from a stranger is answered NOT_FOUND, before any parsing.
      expectCode(await t.gql(ATTACH, { v: versionId, d: '{"a":'.repeat(1000) }, stranger.token), 'NOT_FOUND');
      expect(await count()).toBe(before);
    });

    it('refuses bad documents with stable codes and stores nothing', async () => {
      const before = await count();
      const reasonOf = async (d: string) => expectCode(await t.gql(ATTACH, { v: versionId, d }, owner.token), 'ATTESTATION_REJECTED').extensions.reason;
      expect(await reasonOf('not json')).toBe('NOT_JSON');
      expect(await reasonOf(JSON.stringify({ some: 'thing' }))).toBe('UNKNOWN_FORMAT');
      expect(await reasonOf(JSON.stringify({ ...spdxSbom(), dataLicense: 'MIT' }))).toBe('SCHEMA_INVALID');
      expect(await reasonOf(JSON.stringify(cyclonedxSbom({ licenseExpression: 'MIT AND AND' })))).toBe('BAD_LICENSE_EXPRESSION');
      expect(await reasonOf(JSON.stringify({ ...dsseEnvelope(slsaStatement(packageSha256)), payloadType: 'text/html' }))).toBe('BAD_ENVELOPE');
      expect(await reasonOf(`{"x":${'['.repeat(40)}${']'.repeat(40)}}`)).toBe('TOO_DEEP');
      const tooLarge = expectCode(await t.gql(ATTACH, { v: versionId, d: JSON.stringify({ ...spdxSbom(), comment: 'x'.repeat(70 * 1024) }) }, owner.token), 'PAYLOAD_TOO_LARGE');
      expect(tooLarge.extensions.limitBytes).toBe(64 * 1024);
      expectCode(await t.gql(ATTACH, { v: versionId, d: JSON.stringify(spdxSbom()) }, owner.token), 'CONFLICT');
      expect(await count()).toBe(before);
      const [audits] = await t.sql(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'version.attestation_attach'`);
      expect(audits.n).toBe(before);
    });

    it('caps attestations per version and lets the owner remove one', async () => {
      const existing = (await must(t, TRUST, { id: versionId }, owner.token)).version!.attestations!;
      for (let i = existing.length; i < 10; i++) {
        await must(t, ATTACH, { v: versionId, d: JSON.stringify(slsaStatement(`${i}`.padStart(64, 'e'))) }, owner.token);
      }
      expectCode(await t.gql(ATTACH, { v: versionId, d: JSON.stringify(slsaStatement('f'.repeat(64))) }, owner.token), 'INVALID_STATE');
      const id = existing[0].id;
      expectCode(await t.gql(REMOVE, { id }, stranger.token), 'NOT_FOUND');
      expectCode(await t.gql(REMOVE, { id }, reviewer.token), 'NOT_FOUND');
      expectCode(await t.gql(REMOVE, { id }), 'UNAUTHENTICATED');
      expectCode(await t.gql(REMOVE, { id: 'nope' }, owner.token), 'NOT_FOUND');
      expect((await must(t, REMOVE, { id }, owner.token)).removeAttestation).toBe(true);
      expectCode(await t.gql(REMOVE, { id }, owner.token), 'NOT_FOUND');
      await must(t, ATTACH, { v: versionId, d: JSON.stringify(slsaStatement('f'.repeat(64))) }, owner.token);
    });
  });
});
