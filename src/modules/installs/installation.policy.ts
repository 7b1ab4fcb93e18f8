import type { Actor } from '../../context';
import { Role } from '../../shared/auth/roles';
import { canAdministerOrganization } from '../accounts/organization.policy';
import type { OrgRole } from '../../shared/auth/roles';

/**
 * Who may manage an installation (uninstall it, answer its upgrade offers): its owner for a
 * personal one; an OWNER or ADMIN of its organization (`orgRole`, the caller's role there) for an
 * organization's; platform admins always.
 */
export function canManageInstallation(actor: Actor | null, installation: { ownerUserId: string | null; organizationId: string | null }, orgRole: OrgRole | null): boolean {
  if (!actor) return false;
  if (actor.roles.has(Role.ADMIN)) return true;
  if (installation.organizationId) return canAdministerOrganization(actor, orgRole);
  return installation.ownerUserId === actor.userId;
}
