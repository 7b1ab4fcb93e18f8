import type { Actor } from '../../context';
import { OrgRole, Role } from '../../shared/auth/roles';

/** What the caller may do with an organization, given their membership role in it (null: none). */
export enum OrganizationAccess {
  /** Not a member: the organization is NOT_FOUND to them. */
  NONE = 'NONE',
  /** A member: reads the organization, its installations and costs. */
  READ = 'READ',
  /** An OWNER or ADMIN of it, or a platform admin: invites, installs for it, sets its policy. */
  ADMINISTER = 'ADMINISTER',
}

export function organizationAccess(actor: Actor | null, memberRole: OrgRole | null): OrganizationAccess {
  if (!actor) return OrganizationAccess.NONE;
  if (actor.roles.has(Role.ADMIN) || memberRole === OrgRole.OWNER || memberRole === OrgRole.ADMIN) return OrganizationAccess.ADMINISTER;
  return memberRole ? OrganizationAccess.READ : OrganizationAccess.NONE;
}

export function canAdministerOrganization(actor: Actor | null, memberRole: OrgRole | null): boolean {
  return organizationAccess(actor, memberRole) === OrganizationAccess.ADMINISTER;
}
