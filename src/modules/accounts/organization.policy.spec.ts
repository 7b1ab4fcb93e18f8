import type { Actor } from '../../context';
import { OrgRole, Role } from '../../shared/auth/roles';
import { canManageExtension } from '../extensions/extension.policy';
import { canManageInstallation } from '../installs/installation.policy';
import { canAdministerOrganization, OrganizationAccess, organizationAccess } from './organization.policy';

const actor = (userId: string, ...roles: Role[]): Actor => ({ userId, email: `${userId}@x.test`, roles: new Set([Role.USER, ...roles]), via: 'session' });

describe('the per-module policies (docs/architecture.md, "Authorization")', () => {
  it('organizations: members read, owners and admins administer, platform admins do both, others see nothing', () => {
    const u = actor('u');
    expect(organizationAccess(null, OrgRole.OWNER)).toBe(OrganizationAccess.NONE);
    expect(organizationAccess(u, null)).toBe(OrganizationAccess.NONE);
    expect(organizationAccess(u, OrgRole.MEMBER)).toBe(OrganizationAccess.READ);
    expect(organizationAccess(u, OrgRole.ADMIN)).toBe(OrganizationAccess.ADMINISTER);
    expect(organizationAccess(u, OrgRole.OWNER)).toBe(OrganizationAccess.ADMINISTER);
    expect(organizationAccess(actor('a', Role.ADMIN), null)).toBe(OrganizationAccess.ADMINISTER);
    expect(canAdministerOrganization(u, OrgRole.MEMBER)).toBe(false);
  });

  it('extensions: the owner and platform admins; not a reviewer, not anonymous', () => {
    expect(canManageExtension(actor('o'), { ownerId: 'o' })).toBe(true);
    expect(canManageExtension(actor('a', Role.ADMIN), { ownerId: 'o' })).toBe(true);
    expect(canManageExtension(actor('r', Role.REVIEWER), { ownerId: 'o' })).toBe(false);
    expect(canManageExtension(null, { ownerId: 'o' })).toBe(false);
  });

  it("installations: a personal one's owner; an organization's owners and admins, not its members", () => {
    const personal = { ownerUserId: 'o', organizationId: null };
    const orgs = { ownerUserId: null, organizationId: 'org' };
    expect(canManageInstallation(actor('o'), personal, null)).toBe(true);
    expect(canManageInstallation(actor('x'), personal, null)).toBe(false);
    expect(canManageInstallation(actor('m'), orgs, OrgRole.MEMBER)).toBe(false);
    expect(canManageInstallation(actor('m'), orgs, OrgRole.ADMIN)).toBe(true);
    expect(canManageInstallation(actor('a', Role.ADMIN), orgs, null)).toBe(true);
    expect(canManageInstallation(null, personal, null)).toBe(false);
  });
});
