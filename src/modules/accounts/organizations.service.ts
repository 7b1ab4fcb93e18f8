import { isEmail } from 'class-validator';
import type { RequestContext } from '../../context';
import { isUuid, repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { OrganizationEntity, OrganizationMemberEntity, UserEntity } from './accounts.entities';
import { normalizeEmail } from './auth.service';
import { OrgRole, Role, UpgradePolicy } from './roles';

const MANAGERS = new Set([OrgRole.OWNER, OrgRole.ADMIN]);

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

  async create(ctx: RequestContext, name: string): Promise<OrganizationEntity> {
    const actor = ctx.actor!;
    if (name.trim().length < 2 || name.trim().length > 100) {
      throw BadUserInputError.field('name', 'name must be 2 to 100 characters');
    }
    return withTransaction(ctx, async tx => {
      const org = await repo(tx, OrganizationEntity).save(
        repo(tx, OrganizationEntity).create({ name: name.trim(), createdById: actor.userId }),
      );
      await repo(tx, OrganizationMemberEntity).insert({ organizationId: org.id, userId: actor.userId, role: OrgRole.OWNER });
      await this.events.append(tx, {
        type: 'organization.created',
        subjectType: 'Organization',
        subjectId: org.id,
        audienceUserId: actor.userId,
        data: { name: org.name },
      });
      await this.audit.record(tx, { action: 'organization.create', targetType: 'Organization', targetId: org.id });
      return org;
    });
  }

  async addMember(ctx: RequestContext, organizationId: string, email: string, role: OrgRole): Promise<OrganizationEntity> {
    if (!isEmail(email)) throw BadUserInputError.field('email', 'email must be an email address');
    return withTransaction(ctx, async tx => {
      const { org, callerRole } = await this.loadForManagement(tx, organizationId);
      if (role === OrgRole.OWNER && callerRole !== OrgRole.OWNER && !tx.actor!.roles.has(Role.ADMIN)) {
        throw new ForbiddenError('Only an owner can add another owner');
      }
      const user = await repo(tx, UserEntity).findOneBy({ email: normalizeEmail(email) });
      if (!user) throw new NotFoundError('User with this email');
      const members = repo(tx, OrganizationMemberEntity);
      if (await members.exist({ where: { organizationId: org.id, userId: user.id } })) {
        throw new ConflictError('This user is already a member of the organization');
      }
      await members.insert({ organizationId: org.id, userId: user.id, role });
      await this.events.append(tx, {
        type: 'organization.member_added',
        subjectType: 'Organization',
        subjectId: org.id,
        audienceUserId: user.id,
        data: { userId: user.id, role },
      });
      await this.audit.record(tx, {
        action: 'organization.add_member',
        targetType: 'Organization',
        targetId: org.id,
        data: { userId: user.id, role },
      });
      return org;
    });
  }

  async setUpgradePolicy(ctx: RequestContext, organizationId: string, policy: UpgradePolicy): Promise<OrganizationEntity> {
    return withTransaction(ctx, async tx => {
      const { org } = await this.loadForManagement(tx, organizationId);
      if (org.upgradePolicy === policy) return org;
      const previous = org.upgradePolicy;
      org.upgradePolicy = policy;
      await repo(tx, OrganizationEntity).update(org.id, { upgradePolicy: policy });
      await this.events.append(tx, {
        type: 'organization.upgrade_policy_changed',
        subjectType: 'Organization',
        subjectId: org.id,
        // Private to the one who changed it: organization settings are not public events.
        audienceUserId: tx.actor!.userId,
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

  private async loadForManagement(tx: RequestContext, organizationId: string) {
    const actor = tx.actor!;
    if (!isUuid(organizationId)) throw new NotFoundError('Organization');
    const org = await repo(tx, OrganizationEntity).findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
    const callerRole = org ? await this.roleOf(tx, org.id, actor.userId) : null;
    const platformAdmin = actor.roles.has(Role.ADMIN);
    if (!org || (!callerRole && !platformAdmin)) throw new NotFoundError('Organization');
    if (!platformAdmin && !MANAGERS.has(callerRole!)) {
      throw new ForbiddenError('Only an owner or admin of the organization can do this');
    }
    return { org, callerRole };
  }
}
