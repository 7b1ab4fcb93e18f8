import { EventTypes } from '../events/event-types';
import type { AuthedContext, RequestContext } from '../../context';
import { isUniqueViolation, repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, ConflictError, ForbiddenError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { DeveloperProfileEntity } from '../accounts/accounts.entities';
import { canManageExtension } from './extension.policy';
import { CategoryEntity, ExtensionEntity, PackageFormatKind } from './extensions.entities';
import { type AvailabilityChange, AvailabilityLifecycle, ExtensionAvailability } from './extension-availability';

/** The longest reason an availability change may carry. */
export const AVAILABILITY_REASON_MAX = 1000;

/** V1's app id format: lowercase letters, digits and hyphens, 2+ chars, no leading/trailing hyphen. */
export const APP_ID_FORMAT = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

export interface ClaimInput {
  appId: string;
  displayName: string;
  category: string;
}

/** App id claims and ownership. */
export class ExtensionsService {
  readonly availability: AvailabilityLifecycle;

  constructor(
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {
    this.availability = new AvailabilityLifecycle(events, audit);
  }

  /** The developer unlists their extension (docs/runtime.md, "Availability"): LISTED → PAUSED. */
  pause(ctx: AuthedContext, appId: string): Promise<ExtensionEntity> {
    return this.moveOwned(ctx, appId, ExtensionAvailability.PAUSED, { reason: null, automatic: false, auditAction: 'extension.pause' }, [ExtensionAvailability.LISTED]);
  }

  /** The developer lists their paused extension again: PAUSED → LISTED (a platform suspension is not theirs to lift). */
  resume(ctx: AuthedContext, appId: string): Promise<ExtensionEntity> {
    return this.moveOwned(ctx, appId, ExtensionAvailability.LISTED, { reason: null, automatic: false, auditAction: 'extension.resume' }, [ExtensionAvailability.PAUSED]);
  }

  /** An admin suspends any extension, with a reason (audited). */
  suspend(ctx: AuthedContext, appId: string, reason: string): Promise<ExtensionEntity> {
    return this.moveOwned(ctx, appId, ExtensionAvailability.SUSPENDED, { reason: reasonOf(reason), automatic: false, auditAction: 'extension.suspend' });
  }

  /** An admin lists a suspended or delisted extension again, with a reason (audited). */
  reinstate(ctx: AuthedContext, appId: string, reason: string): Promise<ExtensionEntity> {
    return this.moveOwned(ctx, appId, ExtensionAvailability.LISTED, { reason: reasonOf(reason), automatic: false, auditAction: 'extension.reinstate' }, [
      ExtensionAvailability.SUSPENDED,
      ExtensionAvailability.DELISTED,
    ]);
  }

  /**
   * Moves an extension's availability from inside another module's transaction (automatic
   * suspension, SDK delisting, a publish that lifts them). The row is locked first.
   */
  async setAvailability(tx: RequestContext, extensionId: string, to: ExtensionAvailability, change: AvailabilityChange): Promise<ExtensionEntity> {
    const extension = await repo(tx, ExtensionEntity).findOne({ where: { id: extensionId }, lock: { mode: 'pessimistic_write' } });
    if (!extension) throw new NotFoundError('Extension');
    return this.availability.transition(tx, extension, to, change);
  }

  /** Whether the developer has paused the extension (billing allows price changes only then). */
  async isPaused(ctx: RequestContext, extensionId: string): Promise<boolean> {
    const extension = await repo(ctx, ExtensionEntity).findOneBy({ id: extensionId });
    return extension?.availability === ExtensionAvailability.PAUSED;
  }

  /**
   * The owner's (or an admin's) move of an extension they manage; NOT_FOUND for anyone else.
   * `from` narrows what this action may start from (the table allows more for other actors).
   */
  private async moveOwned(ctx: AuthedContext, appId: string, to: ExtensionAvailability, change: AvailabilityChange, from?: ExtensionAvailability[]): Promise<ExtensionEntity> {
    return withTransaction(ctx, async tx => {
      const extension = await repo(tx, ExtensionEntity).findOne({ where: { appId }, lock: { mode: 'pessimistic_write' } });
      if (!extension || !canManageExtension(ctx.actor, extension)) throw new NotFoundError('Extension');
      if (from && !from.includes(extension.availability)) {
        throw new InvalidStateError(`A ${extension.availability} extension cannot become ${to} this way`, { from: extension.availability, to });
      }
      return this.availability.transition(tx, extension, to, change);
    });
  }

  /**
   * Claims an app id for the calling developer. The id is permanent: a taken id is CONFLICT,
   * worded the same whoever owns it.
   */
  async claim(ctx: AuthedContext, input: ClaimInput): Promise<ExtensionEntity> {
    const actor = ctx.actor;
    const appId = input.appId.trim();
    const displayName = input.displayName.trim();
    const fields = [];
    if (!APP_ID_FORMAT.test(appId) || appId.length > 64) {
      fields.push({ path: 'appId', message: 'appId must match [a-z0-9][a-z0-9-]*[a-z0-9] (V1), at most 64 characters' });
    }
    if (displayName.length < 3 || displayName.length > 80) fields.push({ path: 'displayName', message: 'displayName must be 3 to 80 characters (V15)' });
    else if (displayName === appId) fields.push({ path: 'displayName', message: 'displayName must not equal the app id (V15)' });
    if (fields.length) throw new BadUserInputError('Invalid extension claim', fields);
    return withTransaction(ctx, async tx => {
      const profile = await repo(tx, DeveloperProfileEntity).findOneBy({ userId: actor.userId });
      if (!profile) throw new ForbiddenError('Claiming an app id needs a developer profile (becomeDeveloper)');
      if (!(await repo(tx, CategoryEntity).exist({ where: { slug: input.category } }))) {
        throw BadUserInputError.field('category', `Unknown category '${input.category}'; see the categories query`);
      }
      const extensions = repo(tx, ExtensionEntity);
      if (await extensions.exist({ where: { appId } })) throw this.taken(appId);
      let extension: ExtensionEntity;
      try {
        extension = await extensions.save(extensions.create({ appId, displayName, category: input.category, ownerId: actor.userId }));
      } catch (error) {
        if (isUniqueViolation(error, 'uq_extensions_app_id')) throw this.taken(appId);
        throw error;
      }
      await this.audit.record(tx, { action: 'extension.claim', targetType: 'Extension', targetId: extension.id, data: { appId } });
      await this.events.append(tx, EventTypes.EXTENSION_CLAIMED, {
        subjectType: 'Extension',
        subjectId: extension.id,
        appId,
        audienceUserId: actor.userId,
        data: { displayName, category: input.category },
      });
      return extension;
    });
  }

  /** The extension, for its owner (or an admin); NOT_FOUND for everyone else. */
  async getOwned(ctx: RequestContext, appId: string): Promise<ExtensionEntity> {
    const extension = await repo(ctx, ExtensionEntity).findOneBy({ appId });
    if (!extension || !canManageExtension(ctx.actor, extension)) throw new NotFoundError('Extension');
    return extension;
  }

  /**
   * Visible to everyone once published (system apps excepted: I-MARKETPLACE-HIDES-SYSTEM hides them from every
   * marketplace read); drafts only to their owner and admins.
   */
  async findVisible(ctx: RequestContext, appId: string): Promise<ExtensionEntity | null> {
    const extension = await repo(ctx, ExtensionEntity).findOneBy({ appId });
    if (!extension) return null;
    if (canManageExtension(ctx.actor, extension)) return extension;
    // Not LISTED (paused, suspended, delisted): off the marketplace for everyone but its managers.
    if (extension.availability !== ExtensionAvailability.LISTED) return null;
    const published = await ctx.manager.query(`SELECT 1 FROM listings WHERE extension_id = $1 AND published_at IS NOT NULL`, [extension.id]);
    return published.length && !extension.system ? extension : null;
  }

  listMine(ctx: AuthedContext): Promise<ExtensionEntity[]> {
    return repo(ctx, ExtensionEntity).find({ where: { ownerId: ctx.actor.userId }, order: { createdAt: 'ASC' } });
  }

  listCategories(ctx: RequestContext): Promise<CategoryEntity[]> {
    return repo(ctx, CategoryEntity).find({ order: { sortOrder: 'ASC' } });
  }

  /**
   * Marks an extension a system app: its first valid Imperal package declared `system` and its
   * author passed V31 (the versions module decides; this module owns the row).
   */
  async markSystem(tx: RequestContext, extension: ExtensionEntity): Promise<void> {
    await repo(tx, ExtensionEntity).update(extension.id, { system: true });
    extension.system = true;
  }

  /** Fixes the package format at the first submission (later ones must match it). */
  async fixFormat(tx: RequestContext, extension: ExtensionEntity, format: PackageFormatKind): Promise<void> {
    await repo(tx, ExtensionEntity).update(extension.id, { format });
    extension.format = format;
  }

  private taken(appId: string): ConflictError {
    return new ConflictError(`The app id '${appId}' is already claimed; app ids are permanent, choose another`);
  }
}

/** A platform move's reason: required, trimmed, at most AVAILABILITY_REASON_MAX characters. */
function reasonOf(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed || trimmed.length > AVAILABILITY_REASON_MAX) throw BadUserInputError.field('reason', `reason is required, at most ${AVAILABILITY_REASON_MAX} characters`);
  return trimmed;
}
