import semver from 'semver';
import { In, Not } from 'typeorm';
import type { RequestContext } from '../../context';
import { repo } from '../../db/transaction';
import type { Manifest } from '../validation/manifest-layer';
import { KIKET_MANIFEST_FILE } from '../validation/kiket/format';
import { isKiketManifest } from '../validation/kiket/kiket-adapter';
import { declaredScopes } from '../validation/manifest-rules';
import { issue, ValidationIssue } from '../validation/types';
import { Bump, bumpCovers, ChangeSummary, declaredBump, destructiveTools, diffManifests, egressDomains } from './manifest-diff';
import { ApprovalKind, ExtensionApprovalEntity, ExtensionVersionEntity, VersionStatus } from './version.entity';
import { newestVersion } from './semver-order';

export interface ReviewTrigger {
  /**
   * HEALTH_CHECK_FAILED is added to an open case by the review's health check (docs/hosting.md);
   * SECURITY_FINDING opens (or joins) a rescan case on a published version (docs/validation.md).
   */
  kind: 'FIRST_SUBMISSION' | 'MAJOR_BUMP' | 'NEW_SCOPE' | 'DESTRUCTIVE_TOOL' | 'EGRESS_DOMAIN' | 'HEALTH_CHECK_FAILED' | 'SECURITY_FINDING';
  value: string | null;
  reason: string;
}

export interface VersionAssessment {
  declaredBump: Bump | null;
  requiredBump: Bump | null;
  changeSummary: ChangeSummary;
  issues: ValidationIssue[];
  triggers: ReviewTrigger[];
}

/** Statuses of versions that have been through review (or auto-approval). */
const APPROVED_OR_LATER = [VersionStatus.APPROVED, VersionStatus.PUBLISHED, VersionStatus.DEPRECATED, VersionStatus.SUSPENDED];
// A suspended version was published: a fix must still be numbered above it.
const PUBLISHED = [VersionStatus.PUBLISHED, VersionStatus.DEPRECATED, VersionStatus.SUSPENDED];
/** Where SEMVER-0/1 point: the manifest of the package's format. */
const atManifest = (manifest: Manifest) => ({ file: isKiketManifest(manifest) ? KIKET_MANIFEST_FILE : 'imperal.json' });

/**
 * The version rules that need history (docs/marketplace.md, "Semver discipline" and
 * "Review": monotonic semver, the declared bump and review triggers): compares the submission with the latest
 * published version of its extension and with what review has already approved.
 */
export async function assessVersion(
  ctx: RequestContext,
  version: ExtensionVersionEntity,
  manifest: Manifest,
): Promise<VersionAssessment> {
  const published = await repo(ctx, ExtensionVersionEntity).find({
    where: { extensionId: version.extensionId, status: In(PUBLISHED), id: Not(version.id) },
  });
  const latest = newestVersion(published);
  const { summary, requiredBump } = diffManifests((latest?.manifest as Manifest | undefined) ?? null, manifest);
  const issues: ValidationIssue[] = [];
  const at = atManifest(manifest);
  let declared: Bump | null = null;
  if (latest && version.version) {
    declared = declaredBump(latest.version!, version.version);
    if (!declared) {
      issues.push(
        issue(
          'SEMVER-0',
          'ERROR',
          `version ${version.version} is not greater than the latest published version ${latest.version}`,
          `Bump the version above ${latest.version} (at least the patch number).`,
          at,
        ),
      );
    } else if (!bumpCovers(declared, requiredBump)) {
      issues.push(
        issue(
          'SEMVER-1',
          'ERROR',
          `${latest.version} → ${version.version} is a ${declared} bump but the changes need ${requiredBump}: ${summary.breakingChanges.join('; ') || summary.toolsAdded.map(t => `new tool '${t}'`).join('; ') || 'new optional fields'}`,
          `Release it as ${semver.inc(latest.version!, requiredBump.toLowerCase() as semver.ReleaseType)} or later.`,
          at,
        ),
      );
    }
  }
  return {
    declaredBump: declared,
    requiredBump: latest ? requiredBump : null,
    changeSummary: summary,
    issues,
    triggers: await reviewTriggers(ctx, version, manifest, declared),
  };
}

async function reviewTriggers(ctx: RequestContext, version: ExtensionVersionEntity, manifest: Manifest, declared: Bump | null): Promise<ReviewTrigger[]> {
  const triggers: ReviewTrigger[] = [];
  // A developer's first submission = no version of theirs has been approved before.
  const approvedBefore = await repo(ctx, ExtensionVersionEntity).exist({
    where: { submittedById: version.submittedById, status: In(APPROVED_OR_LATER), id: Not(version.id) },
  });
  if (!approvedBefore) triggers.push({ kind: 'FIRST_SUBMISSION', value: null, reason: 'first submission from this developer account' });
  if (declared === 'MAJOR') triggers.push({ kind: 'MAJOR_BUMP', value: version.version, reason: 'major version bump' });
  const approvals = await repo(ctx, ExtensionApprovalEntity).findBy({ extensionId: version.extensionId });
  const approved = (kind: ApprovalKind) => new Set(approvals.filter(a => a.kind === kind).map(a => a.value));
  const scopes = approved(ApprovalKind.SCOPE);
  for (const scope of declaredScopes(manifest).filter(s => !scopes.has(s))) {
    triggers.push({ kind: 'NEW_SCOPE', value: scope, reason: `capability scope '${scope}' was never approved for this extension` });
  }
  const destructive = approved(ApprovalKind.DESTRUCTIVE_TOOL);
  for (const tool of destructiveTools(manifest).filter(t => !destructive.has(t))) {
    triggers.push({ kind: 'DESTRUCTIVE_TOOL', value: tool, reason: `destructive tool '${tool}' was never approved` });
  }
  const egress = approved(ApprovalKind.EGRESS_DOMAIN);
  for (const domain of egressDomains(manifest).filter(d => !egress.has(d))) {
    triggers.push({ kind: 'EGRESS_DOMAIN', value: domain, reason: `egress to '${domain}' was never approved` });
  }
  return triggers;
}

/** Records what an approval clears (scopes, destructive tools, egress), idempotently. */
export async function recordApprovals(ctx: RequestContext, version: ExtensionVersionEntity, manifest: Manifest): Promise<void> {
  const rows = [
    ...declaredScopes(manifest).map(value => ({ kind: ApprovalKind.SCOPE, value })),
    ...destructiveTools(manifest).map(value => ({ kind: ApprovalKind.DESTRUCTIVE_TOOL, value })),
    ...egressDomains(manifest).map(value => ({ kind: ApprovalKind.EGRESS_DOMAIN, value })),
  ].map(r => ({ ...r, extensionId: version.extensionId, versionId: version.id }));
  if (!rows.length) return;
  await ctx.manager.createQueryBuilder().insert().into(ExtensionApprovalEntity).values(rows).orIgnore().execute();
}
