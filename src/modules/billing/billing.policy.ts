import type { Actor } from '../../context';
import { Role } from '../../shared/auth/roles';
import type { OrgRole } from '../../shared/auth/roles';
import { canAdministerOrganization } from '../accounts/organization.policy';

/**
 * Who sees billing rows (docs/billing.md, "Who sees what"); everyone else gets NOT_FOUND, never a
 * hint that the row exists.
 * - An invoice, its lines and a subscription: the customer (the user, or an OWNER/ADMIN of the
 *   organization; plain members do not see what their organization pays) and platform admins.
 * - Earnings and payout statements: the developer they belong to and platform admins.
 */
export function canSeeCustomerBilling(
  actor: Actor | null,
  row: { customerUserId: string | null; customerOrganizationId: string | null },
  orgRole: OrgRole | null,
): boolean {
  if (!actor) return false;
  if (actor.roles.has(Role.ADMIN)) return true;
  if (row.customerOrganizationId) return canAdministerOrganization(actor, orgRole);
  return row.customerUserId === actor.userId;
}

export function canSeeDeveloperBilling(actor: Actor | null, row: { developerId: string }): boolean {
  return !!actor && (actor.roles.has(Role.ADMIN) || row.developerId === actor.userId);
}
