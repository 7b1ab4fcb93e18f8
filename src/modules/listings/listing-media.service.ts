import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { Role } from '../../shared/auth/roles';
import type { AuditTrail } from '../audit/audit-trail';
import { InternalEventTypes } from '../events/event-types';
import type { EventLog } from '../events/event-log';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { canManageExtension } from '../extensions/extension.policy';
import type { ExtensionsService } from '../extensions/extensions.service';
import { ListingEntity } from './listing.entity';
import { ListingMediaEntity, ListingMediaKind } from './listing-media.entity';
import { checkPdf, checkScreenshot, SCREENSHOT_LIMITS } from './media-checks';

export const COMPLIANCE_KINDS = [ListingMediaKind.SECURITY_REVIEW, ListingMediaKind.DATA_HANDLING] as const;
export type ComplianceKind = (typeof COMPLIANCE_KINDS)[number];

/** The URL path segment of each compliance kind (docs/http.md). */
export const COMPLIANCE_SLUGS: Record<string, ComplianceKind> = {
  'security-review': ListingMediaKind.SECURITY_REVIEW,
  'data-handling': ListingMediaKind.DATA_HANDLING,
};

export interface StoredMedia {
  bytes: Buffer;
  contentType: string;
  sha256: string;
}

/**
 * Screenshots and compliance documents of a listing (docs/marketplace.md, "Screenshots and
 * compliance documents"). Every write is the owner's (canManageExtension), checked from the bytes
 * before anything is stored, and made under a per-extension lock so slots never race.
 */
export class ListingMediaService {
  constructor(
    private readonly extensions: ExtensionsService,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  /** Stores a screenshot at slot 1..8, replacing the one there. */
  async putScreenshot(ctx: AuthedContext, appId: string, slot: number, body: Buffer): Promise<ListingMediaEntity> {
    const extension = await this.extensions.getOwned(ctx, appId);
    if (!Number.isInteger(slot) || slot < 1 || slot > SCREENSHOT_LIMITS.maxCount) {
      throw BadUserInputError.field('slot', `slot must be 1 to ${SCREENSHOT_LIMITS.maxCount}`);
    }
    const checked = await checkScreenshot(body);
    return this.store(ctx, extension, ListingMediaKind.SCREENSHOT, slot, { ...checked });
  }

  /** Stores (or replaces) a compliance PDF of one kind. */
  async putComplianceDocument(ctx: AuthedContext, appId: string, kind: ComplianceKind, body: Buffer): Promise<ListingMediaEntity> {
    const extension = await this.extensions.getOwned(ctx, appId);
    const checked = checkPdf(body);
    return this.store(ctx, extension, kind, 0, { ...checked, width: null, height: null });
  }

  private async store(
    ctx: AuthedContext,
    extension: ExtensionEntity,
    kind: ListingMediaKind,
    position: number,
    media: StoredMedia & { width: number | null; height: number | null },
  ): Promise<ListingMediaEntity> {
    return withTransaction(ctx, async tx => {
      await this.lock(tx, extension.id);
      const rows = repo(tx, ListingMediaEntity);
      await rows.delete({ extensionId: extension.id, kind, position });
      const saved = await rows.save(rows.create({ extensionId: extension.id, kind, position, sizeBytes: media.bytes.length, ...media }));
      await this.changed(tx, extension, kind === ListingMediaKind.SCREENSHOT ? 'listing.screenshot.put' : 'listing.compliance.put', { kind, position, sha256: media.sha256 });
      return saved;
    });
  }

  /** Removes one screenshot; the rest close up to 1..n in their order. */
  async removeScreenshot(ctx: AuthedContext, appId: string, id: string): Promise<ListingMediaEntity[]> {
    const extension = await this.extensions.getOwned(ctx, appId);
    return withTransaction(ctx, async tx => {
      await this.lock(tx, extension.id);
      const current = await this.screenshotRows(tx, extension.id);
      const gone = current.find(s => s.id === id);
      if (!gone) throw new NotFoundError('Screenshot');
      await repo(tx, ListingMediaEntity).delete({ id });
      const order = current.filter(s => s.id !== id).map(s => s.id);
      await this.renumber(tx, extension.id, order);
      await this.changed(tx, extension, 'listing.screenshot.remove', { sha256: gone.sha256 });
      return this.screenshotRows(tx, extension.id);
    });
  }

  /** Puts the screenshots in the given order: `ids` must name each current screenshot exactly once. */
  async reorderScreenshots(ctx: AuthedContext, appId: string, ids: string[]): Promise<ListingMediaEntity[]> {
    const extension = await this.extensions.getOwned(ctx, appId);
    return withTransaction(ctx, async tx => {
      await this.lock(tx, extension.id);
      const current = new Set((await this.screenshotRows(tx, extension.id)).map(s => s.id));
      if (ids.length !== current.size || new Set(ids).size !== ids.length || ids.some(id => !current.has(id))) {
        throw BadUserInputError.field('ids', 'ids must name every screenshot of the listing exactly once');
      }
      await this.renumber(tx, extension.id, ids);
      await this.changed(tx, extension, 'listing.screenshot.reorder', { ids });
      return this.screenshotRows(tx, extension.id);
    });
  }

  async removeComplianceDocument(ctx: AuthedContext, appId: string, kind: ComplianceKind): Promise<boolean> {
    const extension = await this.extensions.getOwned(ctx, appId);
    return withTransaction(ctx, async tx => {
      await this.lock(tx, extension.id);
      const result = await repo(tx, ListingMediaEntity).delete({ extensionId: extension.id, kind, position: 0 });
      if (!result.affected) throw new NotFoundError('Compliance document');
      await this.changed(tx, extension, 'listing.compliance.remove', { kind });
      return true;
    });
  }

  /** A screenshot by the hash of its bytes, when its listing is on the marketplace; null otherwise. */
  async publicScreenshot(ctx: RequestContext, sha256: string): Promise<StoredMedia | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const rows: StoredMedia[] = await ctx.manager.query(
      `SELECT m.bytes, m.content_type AS "contentType", m.sha256 FROM listing_media m
         JOIN listings l ON l.extension_id = m.extension_id AND l.published_at IS NOT NULL
         JOIN extensions e ON e.id = m.extension_id AND e.system = false
        WHERE m.sha256 = $1 AND m.kind = 'SCREENSHOT' LIMIT 1`,
      [sha256],
    );
    return rows[0] ?? null;
  }

  /** A screenshot the caller manages (a draft listing's preview), by hash. */
  async ownScreenshot(ctx: AuthedContext, sha256: string): Promise<StoredMedia | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const rows = await repo(ctx, ListingMediaEntity)
      .createQueryBuilder('m')
      .addSelect('m.bytes')
      .innerJoinAndSelect('m.extension', 'e')
      .where('m.sha256 = :sha256 AND m.kind = :kind', { sha256, kind: ListingMediaKind.SCREENSHOT })
      .getMany();
    return rows.find(m => m.extension && canManageExtension(ctx.actor, m.extension)) ?? null;
  }

  /** A compliance document's bytes, for a caller `mayReadCompliance` lets see it; null otherwise. */
  async complianceDocument(ctx: RequestContext, id: string): Promise<(StoredMedia & { kind: ListingMediaKind; appId: string }) | null> {
    if (!isUuid(id)) return null;
    const media = await repo(ctx, ListingMediaEntity)
      .createQueryBuilder('m')
      .addSelect('m.bytes')
      .innerJoinAndSelect('m.extension', 'e')
      .where('m.id = :id AND m.kind <> :kind', { id, kind: ListingMediaKind.SCREENSHOT })
      .getOne();
    if (!media?.extension) return null;
    const listing = await repo(ctx, ListingEntity).findOneBy({ extensionId: media.extensionId });
    if (!(await this.mayReadCompliance(ctx, media.extension, !!listing?.publishedAt))) return null;
    return { bytes: media.bytes, contentType: media.contentType, sha256: media.sha256, kind: media.kind, appId: media.extension.appId };
  }

  /**
   * Compliance documents are never public (docs/marketplace.md): the owner and platform admins,
   * reviewers, and, once the listing is on the marketplace, administrators of any organization
   * (who decide about installing it) see them. Anonymous callers and other users do not.
   */
  async mayReadCompliance(ctx: RequestContext, extension: { id: string; ownerId: string; system: boolean }, published: boolean): Promise<boolean> {
    const actor = ctx.actor;
    if (!actor) return false;
    if (canManageExtension(actor, extension) || actor.roles.has(Role.REVIEWER)) return true;
    if (!published || extension.system) return false;
    return ctx.loaders.administersAnOrganization.load(actor.userId);
  }

  private async screenshotRows(ctx: RequestContext, extensionId: string): Promise<ListingMediaEntity[]> {
    return repo(ctx, ListingMediaEntity).find({ where: { extensionId, kind: ListingMediaKind.SCREENSHOT }, order: { position: 'ASC' } });
  }

  /** Positions 1..n in the given order (through negative positions: the slot index is unique per row). */
  private async renumber(ctx: RequestContext, extensionId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await ctx.manager.query(`UPDATE listing_media SET position = -position WHERE extension_id = $1 AND kind = 'SCREENSHOT'`, [extensionId]);
    await ctx.manager.query(
      `UPDATE listing_media m SET position = o.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE m.id = o.id AND m.extension_id = $1`,
      [extensionId, ids],
    );
  }

  private async lock(ctx: RequestContext, extensionId: string): Promise<void> {
    await ctx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('listing_media'), hashtext($1))`, [extensionId]);
  }

  private async changed(tx: RequestContext, extension: ExtensionEntity, action: string, data: Record<string, unknown>): Promise<void> {
    await this.audit.record(tx, { action, targetType: 'Extension', targetId: extension.id, data });
    await this.events.append(tx, InternalEventTypes.LISTING_UPDATED, { subjectType: 'Extension', subjectId: extension.id, appId: extension.appId, audienceUserId: extension.ownerId, data: {} });
  }
}
