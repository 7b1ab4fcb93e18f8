import { InternalEventTypes } from '../events/event-types';
import { isEmail } from 'class-validator';
import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { OrganizationEntity, OrganizationInvitationEntity, OrganizationMemberEntity } from './accounts.entities';
import { normalizeEmail } from './auth.service';
import { OrgRole, Role, UpgradePolicy } from '../../shared/auth/roles';
import { canAdministerOrganization, OrganizationAccess, organizationAccess } from './organization.policy';


/**
 * Organizations and their members. Record-level rules: only an organization's OWNER or ADMIN
 * (or a platform ADMIN) manages it, only an OWNER adds another OWNER, and a non-member learns
 * nothing about an organization (NOT_FOUND).
 */
export class OrganizationsService {
  constructor(
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  async create(ctx: AuthedContext, name: string): Promise<OrganizationEntity> {
    const actor = ctx.actor;
    if (name.trim().length < 2 || name.trim().length > 100) {
      throw BadUserInputError.field('name', 'name must be 2 to 100 characters');
    }
    return withTransaction(ctx, async tx => {
      const org = await repo(tx, OrganizationEntity).save(
        repo(tx, OrganizationEntity).create({ name: name.trim(), createdById: actor.userId }),
      );
      await repo(tx, OrganizationMemberEntity).insert({ organizationId: org.id, userId: actor.userId, role: OrgRole.OWNER });
      await this.events.append(tx, InternalEventTypes.ORGANIZATION_CREATED, {
        subjectType: 'Organization',
        subjectId: org.id,
        audienceUserId: actor.userId,
        data: { name: org.name },
      });
      await this.audit.record(tx, { action: 'organization.create', targetType: 'Organization', targetId: org.id });
      return org;
    });
  }

  /**
   * Invites someone by email (organization OWNER or ADMIN). A registered and an unknown email
   * get the same answer and the same row, so inviting cannot be used to learn who has an
   * account; the person joins with `acceptInvitation`. Only the account that held the email when
   * the invitation was made may accept it (emails are not verified, so an address signed up for
   * later could be anyone's); inviting again, once the person has an account, addresses it to
   * them. Inviting an email that is already invited updates the role.
   */
  async invite(ctx: AuthedContext, organizationId: string, email: string, role: OrgRole): Promise<OrganizationEntity> {
    if (!isEmail(email)) throw BadUserInputError.field('email', 'email must be an email address');
    const normalized = normalizeEmail(email);
    return withTransaction(ctx, async tx => {
      const { org, callerRole } = await this.loadForManagement(tx, organizationId);
      if (role === OrgRole.OWNER && callerRole !== OrgRole.OWNER && !tx.actor.roles.has(Role.ADMIN)) {
        throw new ForbiddenError('Only an owner can invite another owner');
      }
      // Members are colleagues: the manager already sees their emails, so this tells nothing new.
      const member = await tx.manager.query(
        `SELECT 1 FROM organization_members m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email = $2`,
        [org.id, normalized],
      );
      if (member.length) throw new ConflictError('This email already belongs to a member of the organization');
      await tx.manager.query(
        `INSERT INTO organization_invitations (organization_id, email, role, invited_by_id, invitee_user_id)
         VALUES ($1, $2, $3, $4, (SELECT id FROM users WHERE email = $2))
         ON CONFLICT (organization_id, email) DO UPDATE SET role = EXCLUDED.role, invitee_user_id = EXCLUDED.invitee_user_id`,
        [org.id, normalized, role, tx.actor.userId],
      );
      await this.audit.record(tx, { action: 'organization.invite', targetType: 'Organization', targetId: org.id, data: { email: normalized, role } });
      return org;
    });
  }

  /** Joins an organization the caller's account was invited to; NOT_FOUND without an invitation. */
  async acceptInvitation(ctx: AuthedContext, organizationId: string): Promise<OrganizationEntity> {
    const actor = ctx.actor;
    if (!isUuid(organizationId)) throw new NotFoundError('Invitation');
    return withTransaction(ctx, async tx => {
      const invitations = repo(tx, OrganizationInvitationEntity);
      const invitation = await invitations.findOne({ where: { organizationId, inviteeUserId: actor.userId }, lock: { mode: 'for_no_key_update' } });
      if (!invitation) throw new NotFoundError('Invitation');
      const org = await repo(tx, OrganizationEntity).findOneByOrFail({ id: organizationId });
      await invitations.delete(invitation.id);
      await tx.manager.query(
        `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [org.id, actor.userId, invitation.role],
      );
      await this.events.append(tx, InternalEventTypes.ORGANIZATION_MEMBER_ADDED, {
        subjectType: 'Organization',
        subjectId: org.id,
        audienceUserId: actor.userId,
        data: { userId: actor.userId, role: invitation.role },
      });
      await this.audit.record(tx, { action: 'organization.add_member', targetType: 'Organization', targetId: org.id, data: { userId: actor.userId, role: invitation.role } });
      return org;
    });
  }

  /** Invitations waiting for the caller's account, with the organizations' names. */
  async invitationsFor(ctx: AuthedContext): Promise<{ invitation: OrganizationInvitationEntity; organizationName: string }[]> {
    const invitations = await repo(ctx, OrganizationInvitationEntity).find({ where: { inviteeUserId: ctx.actor.userId }, order: { createdAt: 'ASC' } });
    const orgs = await Promise.all(invitations.map(i => ctx.loaders.organizationById.load(i.organizationId)));
    return invitations.map((invitation, i) => ({ invitation, organizationName: orgs[i]!.name }));
  }

  /** Pending invitations of an organization, for its OWNER and ADMINs (and platform admins); empty for others. */
  async pendingInvitations(ctx: RequestContext, organizationId: string): Promise<OrganizationInvitationEntity[]> {
    if (!(await this.canManage(ctx, organizationId))) return [];
    return repo(ctx, OrganizationInvitationEntity).find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  /** May the caller manage this organization (its OWNER/ADMIN, or a platform ADMIN)? */
  async canManage(ctx: RequestContext, organizationId: string): Promise<boolean> {
    if (!ctx.actor) return false;
    return canAdministerOrganization(ctx.actor, await this.roleOf(ctx, organizationId, ctx.actor.userId));
  }

  async setUpgradePolicy(ctx: AuthedContext, organizationId: string, policy: UpgradePolicy): Promise<OrganizationEntity> {
    return withTransaction(ctx, async tx => {
      const { org } = await this.loadForManagement(tx, organizationId);
      if (org.upgradePolicy === policy) return org;
      const previous = org.upgradePolicy;
      org.upgradePolicy = policy;
      await repo(tx, OrganizationEntity).update(org.id, { upgradePolicy: policy });
      await this.events.append(tx, InternalEventTypes.ORGANIZATION_UPGRADE_POLICY_CHANGED, {
        subjectType: 'Organization',
        subjectId: org.id,
        // Private to the one who changed it: organization settings are not public events.
        audienceUserId: tx.actor.userId,
        data: { from: previous, to: policy },
      });
      await this.audit.record(tx, {
        action: 'organization.set_upgrade_policy',
        targetType: 'Organization',
        targetId: org.id,
        data: { from: previous, to: policy },
      });
      return org;
    });
  }

  /** The caller's organizations, oldest membership first. */
  listForUser(ctx: RequestContext, userId: string): Promise<OrganizationEntity[]> {
    return repo(ctx, OrganizationEntity)
      .createQueryBuilder('o')
      .innerJoin(OrganizationMemberEntity, 'm', 'm.organization_id = o.id AND m.user_id = :userId', { userId })
      .orderBy('m.created_at', 'ASC')
      .getMany();
  }

  /** Role of `userId` in the organization, or null when not a member. */
  async roleOf(ctx: RequestContext, organizationId: string, userId: string): Promise<OrgRole | null> {
    if (!isUuid(organizationId)) return null;
    const member = await repo(ctx, OrganizationMemberEntity).findOneBy({ organizationId, userId });
    return member?.role ?? null;
  }

  private async loadForManagement(tx: AuthedContext, organizationId: string) {
    const actor = tx.actor;
    if (!isUuid(organizationId)) throw new NotFoundError('Organization');
    const org = await repo(tx, OrganizationEntity).findOne({ where: { id: organizationId }, lock: { mode: 'for_no_key_update' } });
    const callerRole = org ? await this.roleOf(tx, org.id, actor.userId) : null;
    const access = organizationAccess(actor, callerRole);
    if (!org || access === OrganizationAccess.NONE) throw new NotFoundError('Organization');
    if (access !== OrganizationAccess.ADMINISTER) throw new ForbiddenError('Only an owner or admin of the organization can do this');
    return { org, callerRole };
  }
}
