import { InternalEventTypes } from '../events/event-types';
import { isEmail } from 'class-validator';
import type { AuthedContext, RequestContext } from '../../context';
import { isUniqueViolation, isUuid, repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, ConflictError, InvalidStateError, NotFoundError } from '../../shared/errors';
import { UserEntity } from '../accounts/accounts.entities';
import { normalizeEmail } from '../accounts/auth.service';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { canManageExtension } from '../extensions/extension.policy';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
import { StagingInviteEntity } from './staging.entity';

/** Versions that passed validation and are not dead: they can be staged (docs/marketplace.md, "Staging"). */
export const STAGEABLE = [
  VersionStatus.PENDING_REVIEW,
  VersionStatus.IN_REVIEW,
  VersionStatus.CHANGES_REQUESTED,
  VersionStatus.APPROVED,
];

/**
 * Staging: once validation passes, the developer invites testers by email to a version. (The
 * staging install itself is the installs module's: it accepts the developer and invited
 * testers only, marks the install STAGING, and keeps it out of marketplace counts.)
 */
export class StagingService {
  constructor(
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  async invite(ctx: AuthedContext, versionId: string, emailInput: string): Promise<StagingInviteEntity> {
    const email = normalizeEmail(emailInput);
    if (!isEmail(email)) throw BadUserInputError.field('email', 'email must be an email address');
    if (!isUuid(versionId)) throw new NotFoundError('Version');
    return withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOneBy({ id: versionId });
      const extension = version && (await repo(tx, ExtensionEntity).findOneBy({ id: version.extensionId }));
      if (!version || !extension || !canManageExtension(tx.actor, extension)) throw new NotFoundError('Version');
      if (!STAGEABLE.includes(version.status)) throw new InvalidStateError(`A ${version.status} version cannot be staged`);
      const invites = repo(tx, StagingInviteEntity);
      let invite: StagingInviteEntity;
      try {
        invite = await invites.save(invites.create({ versionId, email, invitedById: tx.actor.userId }));
      } catch (error) {
        if (isUniqueViolation(error, 'uq_staging_invites_version_email')) throw new ConflictError('This tester is already invited to this version');
        throw error;
      }
      const invitee = await repo(tx, UserEntity).findOneBy({ email });
      await this.audit.record(tx, { action: 'staging.invite', targetType: 'ExtensionVersion', targetId: versionId, data: { email } });
      // The developer's record of the invitation reads the same whether or not the email has an
      // account (docs/security.md): it is always addressed to them.
      await this.events.append(tx, InternalEventTypes.STAGING_TESTER_INVITED, {
        subjectType: 'ExtensionVersion',
        subjectId: versionId,
        appId: extension.appId,
        version: version.version,
        audienceUserId: extension.ownerId,
        data: { email },
      });
      // The invitee, when they have an account, is told on their own stream. No app id on this
      // row: the developer reads every event that carries their app id, and would see this one
      // appear only for registered emails.
      if (invitee) {
        await this.events.append(tx, InternalEventTypes.STAGING_INVITATION_RECEIVED, {
          subjectType: 'ExtensionVersion',
          subjectId: versionId,
          audienceUserId: invitee.id,
          data: { appId: extension.appId, version: version.version, displayName: extension.displayName },
        });
      }
      return invite;
    });
  }

  list(ctx: RequestContext, versionId: string): Promise<StagingInviteEntity[]> {
    return repo(ctx, StagingInviteEntity).find({ where: { versionId }, order: { createdAt: 'ASC' } });
  }
}
