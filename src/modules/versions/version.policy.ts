import type { RequestContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import type { ExtensionVersionEntity } from './version.entity';
import { VersionStatus } from './version.entity';

/**
 * Who may see an extension version, and how much of it (docs/security.md, "Versions"). The one
 * home of this rule: every field, list and connection that returns a version presents it
 * through `versionView` (the GraphQL `ExtensionVersion` cannot be built without a view).
 *
 * - FULL: the extension's owner, reviewers and admins see every version with its validation
 *   report, git source, review triggers and change summary.
 * - PUBLIC: everyone sees published, deprecated and suspended versions; an invited staging tester sees the
 *   version they were invited to. Neither sees the private fields above.
 * - NONE: anything else (in review, rejected, withdrawn, …) is not shown at all.
 */
export enum VersionView {
  NONE = 'NONE',
  PUBLIC = 'PUBLIC',
  FULL = 'FULL',
}

/** States whose versions the public may see. */
// A suspended version was published: its installers (and everyone) still see it, with its status.
export const PUBLIC_VERSION_STATES: ReadonlySet<VersionStatus> = new Set([VersionStatus.PUBLISHED, VersionStatus.DEPRECATED, VersionStatus.SUSPENDED]);

type VersionRow = Pick<ExtensionVersionEntity, 'id' | 'status' | 'extensionId'>;

/**
 * The view for callers whose answer needs no lookup (anonymous, staff, or the owner when the
 * extension's owner id is at hand); undefined when a staging invite must be checked.
 */
export function versionViewWithoutLookup(ctx: RequestContext, version: VersionRow, ownerId: string | undefined): VersionView | undefined {
  const actor = ctx.actor;
  if (actor && (actor.roles.has(Role.ADMIN) || actor.roles.has(Role.REVIEWER))) return VersionView.FULL;
  if (actor && ownerId === actor.userId) return VersionView.FULL;
  if (PUBLIC_VERSION_STATES.has(version.status)) return actor && ownerId === undefined ? undefined : VersionView.PUBLIC;
  if (!actor) return VersionView.NONE;
  return undefined;
}

export async function versionView(ctx: RequestContext, version: VersionRow, ownerId?: string): Promise<VersionView> {
  const quick = versionViewWithoutLookup(ctx, version, ownerId);
  if (quick !== undefined) return quick;
  const owner = ownerId ?? (await ctx.loaders.extensionById.load(version.extensionId))?.ownerId;
  const known = versionViewWithoutLookup(ctx, version, owner ?? '');
  if (known !== undefined) return known;
  if (!ctx.actor) return VersionView.NONE;
  const invited = await ctx.loaders.stagingInviteFor.load(`${ctx.actor.email}\n${version.id}`);
  return invited ? VersionView.PUBLIC : VersionView.NONE;
}

/** The versions of a list the caller may see, each with its view, in the list's order. */
export async function visibleVersions<T extends VersionRow>(
  ctx: RequestContext,
  versions: T[],
  ownerId?: string,
): Promise<{ version: T; view: VersionView.PUBLIC | VersionView.FULL }[]> {
  const views = await Promise.all(versions.map(v => versionView(ctx, v, ownerId)));
  const shown: { version: T; view: VersionView.PUBLIC | VersionView.FULL }[] = [];
  versions.forEach((version, i) => {
    const view = views[i];
    if (view !== VersionView.NONE) shown.push({ version, view });
  });
  return shown;
}
