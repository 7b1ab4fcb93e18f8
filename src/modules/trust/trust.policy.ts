import type { RequestContext } from '../../context';
import { LIVE_STATUSES, VersionStatus } from '../versions/version.entity';
import { versionView, VersionView } from '../versions/version.policy';

type VersionRow = { id: string; status: VersionStatus; extensionId: string };

/**
 * Who sees a version's trust data (docs/trust.md, "Who sees what"); the one home of this rule.
 *
 * - Security findings and the raw attestation documents: the version's FULL viewers only (the
 *   extension's owner, reviewers and admins). To everyone else the field is null.
 * - Attestation summaries: the FULL viewers always; everyone who may see the version once it is
 *   live (published or deprecated), anonymous callers included. A staging tester's view of an
 *   unpublished version shows none.
 */
export async function canSeeSecurityData(ctx: RequestContext, version: VersionRow): Promise<boolean> {
  return (await versionView(ctx, version)) === VersionView.FULL;
}

export async function canSeeAttestationSummaries(ctx: RequestContext, version: VersionRow): Promise<boolean> {
  const view = await versionView(ctx, version);
  return view === VersionView.FULL || (view === VersionView.PUBLIC && LIVE_STATUSES.includes(version.status));
}
