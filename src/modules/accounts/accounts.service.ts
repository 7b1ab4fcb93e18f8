import { InternalEventTypes } from '../events/event-types';
import { randomBytes } from 'node:crypto';
import type { AuthedContext, RequestContext } from '../../context';
import { isUniqueViolation, isUuid, repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, ConflictError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { DeveloperProfileEntity, UserEntity } from './accounts.entities';
import { normalizeEmail } from './auth.service';
import { Role } from '../../shared/auth/roles';

export interface DeveloperProfileData {
  organizationName: string;
  contactEmail: string;
  acceptTerms: boolean;
}

/** Roles granted by an admin; DEVELOPER comes with a profile (becomeDeveloper) instead. */
const GRANTABLE_ROLES = new Set<Role>([Role.REVIEWER, Role.ADMIN]);

/** Author ids look like `au_acme-tools_k3x9q2`: readable, unique and never reassigned. */
function newAuthorId(organizationName: string): string {
  const slug = organizationName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
  const suffix = randomBytes(5).toString('hex').slice(0, 8);
  return `au_${slug || 'dev'}_${suffix}`;
}

/** Developer profiles and role grants. */
export class AccountsService {
  constructor(
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  async becomeDeveloper(ctx: AuthedContext, input: DeveloperProfileData): Promise<DeveloperProfileEntity> {
    const actor = ctx.actor;
    if (input.acceptTerms !== true) {
      throw BadUserInputError.field('acceptTerms', 'acceptTerms must be true to become a developer');
    }
    return withTransaction(ctx, async tx => {
      const user = await repo(tx, UserEntity).findOne({ where: { id: actor.userId }, lock: { mode: 'for_no_key_update' } });
      if (!user) throw new NotFoundError('User');
      const profiles = repo(tx, DeveloperProfileEntity);
      if (await profiles.exist({ where: { userId: user.id } })) {
        throw new ConflictError('This account already has a developer profile');
      }
      let profile: DeveloperProfileEntity;
      try {
        profile = await profiles.save(
          profiles.create({
            userId: user.id,
            authorId: newAuthorId(input.organizationName),
            organizationName: input.organizationName.trim(),
            contactEmail: normalizeEmail(input.contactEmail),
            termsAcceptedAt: new Date(),
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('This account already has a developer profile');
        throw error;
      }
      if (!user.roles.includes(Role.DEVELOPER)) {
        await repo(tx, UserEntity).update(user.id, { roles: [...user.roles, Role.DEVELOPER] });
      }
      await this.events.append(tx, InternalEventTypes.ACCOUNT_DEVELOPER_REGISTERED, {
        subjectType: 'DeveloperProfile',
        subjectId: profile.id,
        audienceUserId: user.id,
        data: { authorId: profile.authorId, organizationName: profile.organizationName },
      });
      await this.audit.record(tx, {
        action: 'developer_profile.create',
        targetType: 'DeveloperProfile',
        targetId: profile.id,
        data: { authorId: profile.authorId },
      });
      return profile;
    });
  }

  /** The developer edits their own profile; NOT_FOUND without one. */
  async updateDeveloperProfile(
    ctx: AuthedContext,
    input: { organizationName?: string | null; contactEmail?: string | null; contactPublic?: boolean | null },
  ): Promise<DeveloperProfileEntity> {
    return withTransaction(ctx, async tx => {
      const profiles = repo(tx, DeveloperProfileEntity);
      const profile = await profiles.findOne({ where: { userId: tx.actor.userId }, lock: { mode: 'for_no_key_update' } });
      if (!profile) throw new NotFoundError('Developer profile');
      const changes: Partial<DeveloperProfileEntity> = {};
      if (input.organizationName != null) changes.organizationName = input.organizationName.trim();
      if (input.contactEmail != null) changes.contactEmail = normalizeEmail(input.contactEmail);
      if (input.contactPublic != null) changes.contactPublic = input.contactPublic;
      if (!Object.keys(changes).length) return profile;
      await profiles.update(profile.id, changes);
      await this.audit.record(tx, { action: 'developer_profile.update', targetType: 'DeveloperProfile', targetId: profile.id, data: { fields: Object.keys(changes) } });
      return Object.assign(profile, changes);
    });
  }

  /** ADMIN grants or removes a developer's verified badge; NOT_FOUND for an account without a profile. */
  async setDeveloperVerified(ctx: RequestContext, userId: string, verified: boolean): Promise<DeveloperProfileEntity> {
    if (!isUuid(userId)) throw new NotFoundError('Developer profile');
    return withTransaction(ctx, async tx => {
      const profiles = repo(tx, DeveloperProfileEntity);
      const profile = await profiles.findOne({ where: { userId }, lock: { mode: 'for_no_key_update' } });
      if (!profile) throw new NotFoundError('Developer profile');
      if (profile.verified === verified) return profile;
      await profiles.update(profile.id, { verified });
      await this.audit.record(tx, { action: 'developer_profile.set_verified', targetType: 'DeveloperProfile', targetId: profile.id, data: { verified } });
      return Object.assign(profile, { verified });
    });
  }

  /** ADMIN grants REVIEWER or ADMIN; granting a role already held changes nothing. */
  async grantRole(ctx: RequestContext, userId: string, role: Role): Promise<UserEntity> {
    if (!GRANTABLE_ROLES.has(role)) {
      throw BadUserInputError.field(
        'role',
        role === Role.USER ? 'Every account holds USER already' : 'DEVELOPER comes with a developer profile (becomeDeveloper)',
      );
    }
    if (!isUuid(userId)) throw new NotFoundError('User');
    return withTransaction(ctx, async tx => {
      const users = repo(tx, UserEntity);
      const user = await users.findOne({ where: { id: userId }, lock: { mode: 'for_no_key_update' } });
      if (!user) throw new NotFoundError('User');
      if (user.roles.includes(role)) return user;
      user.roles = [...user.roles, role];
      await users.update(user.id, { roles: user.roles });
      await this.events.append(tx, InternalEventTypes.ACCOUNT_ROLE_GRANTED, {
        subjectType: 'User',
        subjectId: user.id,
        audienceUserId: user.id,
        data: { role },
      });
      await this.audit.record(tx, { action: 'user.grant_role', targetType: 'User', targetId: user.id, data: { role } });
      return user;
    });
  }
}
