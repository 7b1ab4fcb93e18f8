import { LIVE_STATUSES } from '../versions/version.entity';
import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, BadUserInputError } from '../../shared/errors';
import { decodeCursor, encodeCursor, Page } from '../../shared/pagination';
import { OrganizationAccess, organizationAccess } from '../accounts/organization.policy';
import type { OrganizationsService } from '../accounts/organizations.service';
import type { AuditTrail } from '../audit/audit-trail';
import { EventTypes } from '../events/event-types';
import type { EventLog } from '../events/event-log';
import { canManageExtension } from '../extensions/extension.policy';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ExtensionRatingEntity, ModerationDecision } from './ratings.entities';
import { canSeeReview, isModerator } from './rating.policy';
import { REVIEW_LIMITS, reviewText, starsOf } from './review-text';

/**
 * The Bayesian average behind the marketplace's RATING sort (docs/ratings.md, "The RATING sort"):
 * (C·m + sum of stars) / (C + count). C is how many reviews' worth of weight the prior carries, m
 * the prior mean. The `extension_rating_scores` view (migration Ratings) computes the same
 * formula in SQL with the same constants; a test checks that the two agree.
 */
export const RATING_PRIOR_WEIGHT = 10;
export const RATING_PRIOR_MEAN = 3.5;
export function bayesianAverage(sum: number, count: number): number {
  return (RATING_PRIOR_WEIGHT * RATING_PRIOR_MEAN + sum) / (RATING_PRIOR_WEIGHT + count);
}

/** An installation removed this soon after it was made does not entitle its owner to rate. */
export const MIN_HOURS_INSTALLED_BEFORE_UNINSTALL = 1;

export interface RateRequest {
  appId: string;
  stars: number;
  title?: string | null;
  body?: string | null;
  /** Rate for this organization (its admins only) instead of for oneself. */
  organizationId?: string | null;
}

/** A review as the API shows it: the rating, its author's display name and the developer's reply. */
export interface ReviewRow {
  id: string;
  extensionId: string;
  authorUserId: string;
  authorName: string;
  organizationId: string | null;
  stars: number;
  title: string | null;
  body: string | null;
  hiddenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  reply: { body: string; createdAt: Date; updatedAt: Date } | null;
}

export interface ModerationItem {
  review: ReviewRow;
  appId: string;
  openReports: number;
  reasons: string[];
  firstReportedAt: Date;
}

export interface RatingSummaryRow {
  average: number | null;
  count: number;
  /** Counts of 1, 2, 3, 4 and 5 stars, in that order. */
  histogram: number[];
}

const LIVE = `(${LIVE_STATUSES.map(status => `'${status}'`).join(', ')})`;
const REVIEW_SELECT = `SELECT r.id, r.extension_id, r.author_user_id, u.display_name AS author_name, r.organization_id, r.stars, r.title, r.body,
         r.hidden_at, r.created_at, r.updated_at, rp.body AS reply_body, rp.created_at AS reply_created_at, rp.updated_at AS reply_updated_at
    FROM extension_ratings r JOIN users u ON u.id = r.author_user_id LEFT JOIN rating_replies rp ON rp.rating_id = r.id`;

function toReview(r: Record<string, any>): ReviewRow {
  return {
    id: r.id,
    extensionId: r.extension_id,
    authorUserId: r.author_user_id,
    authorName: r.author_name,
    organizationId: r.organization_id,
    stars: Number(r.stars),
    title: r.title,
    body: r.body,
    hiddenAt: r.hidden_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    reply: r.reply_body === null || r.reply_body === undefined ? null : { body: r.reply_body, createdAt: r.reply_created_at, updatedAt: r.reply_updated_at },
  };
}

/**
 * Ratings and reviews (docs/ratings.md): installers rate (one per installer, editable), the
 * developer replies, signed-in users report, moderators hide or keep. Writes only its own tables
 * (extension_ratings, rating_replies, rating_reports); reads installations and versions by SQL.
 */
export class RatingsService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  async rate(ctx: AuthedContext, input: RateRequest): Promise<ReviewRow> {
    // Input first: a bad request writes nothing and says which field.
    const stars = starsOf(input.stars);
    const title = reviewText('title', input.title, REVIEW_LIMITS.title);
    const body = reviewText('body', input.body, REVIEW_LIMITS.body);
    const extension = await this.publishedExtension(ctx, input.appId);
    const organizationId = input.organizationId ?? null;
    if (organizationId) {
      if (!isUuid(organizationId)) throw new NotFoundError('Organization');
      const access = organizationAccess(ctx.actor, await this.organizations.roleOf(ctx, organizationId, ctx.actor.userId));
      if (access === OrganizationAccess.NONE) throw new NotFoundError('Organization');
      if (access !== OrganizationAccess.ADMINISTER) throw new ForbiddenError('Only an owner or admin of the organization can rate for it');
    }
    if (!(await this.hasInstalled(ctx, extension.id, organizationId, ctx.actor.userId))) {
      throw new ForbiddenError(
        `Only ${organizationId ? 'an organization' : 'a user'} with an active installation, or one kept for at least ${MIN_HOURS_INSTALLED_BEFORE_UNINSTALL} hour before uninstalling, can rate this extension`,
      );
    }
    return withTransaction(ctx, async tx => {
      const conflict = organizationId
        ? `(extension_id, organization_id) WHERE organization_id IS NOT NULL`
        : `(extension_id, author_user_id) WHERE organization_id IS NULL`;
      // One per installer: an upsert on the partial unique index, so concurrent first ratings
      // give one row. An edit keeps a moderator's HIDE (editing is no way around moderation).
      const rows = returnedRows<{ id: string; inserted: boolean }>(
        await tx.manager.query(
          `INSERT INTO extension_ratings (extension_id, author_user_id, organization_id, stars, title, body)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT ${conflict}
           DO UPDATE SET author_user_id = EXCLUDED.author_user_id, stars = EXCLUDED.stars, title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()
           RETURNING id, (xmax = 0) AS inserted`,
          [extension.id, ctx.actor.userId, organizationId, stars, title, body],
        ),
      );
      const { id, inserted } = rows[0];
      await this.events.append(tx, EventTypes.RATING_SUBMITTED, {
        subjectType: 'Rating',
        subjectId: id,
        appId: extension.appId,
        audienceUserId: ctx.actor.userId,
        data: { ratingId: id, stars, edited: !inserted, forOrganization: !!organizationId },
      });
      return (await this.reviewById(tx, id))!;
    });
  }

  /** The developer's reply: one per review, a second call edits it. */
  async reply(ctx: AuthedContext, ratingId: string, text: string): Promise<ReviewRow> {
    const body = reviewText('body', text, REVIEW_LIMITS.reply);
    if (!body) throw BadUserInputError.field('body', 'body must not be empty');
    const review = await this.visibleReview(ctx, ratingId);
    const extension = await repo(ctx, ExtensionEntity).findOneByOrFail({ id: review.extensionId });
    if (!canManageExtension(ctx.actor, extension)) throw new ForbiddenError('Only the extension\'s developer can reply to its reviews');
    return withTransaction(ctx, async tx => {
      const rows = returnedRows<{ id: string; inserted: boolean }>(
        await tx.manager.query(
          `INSERT INTO rating_replies (rating_id, author_user_id, body) VALUES ($1, $2, $3)
           ON CONFLICT (rating_id) DO UPDATE SET body = EXCLUDED.body, author_user_id = EXCLUDED.author_user_id, updated_at = now()
           RETURNING id, (xmax = 0) AS inserted`,
          [review.id, ctx.actor.userId, body],
        ),
      );
      await this.events.append(tx, EventTypes.RATING_REPLIED, {
        subjectType: 'Rating',
        subjectId: review.id,
        appId: extension.appId,
        audienceUserId: review.authorUserId,
        data: { ratingId: review.id, replyId: rows[0].id, edited: !rows[0].inserted },
      });
      return (await this.reviewById(tx, review.id))!;
    });
  }

  /** Anyone signed in reports a visible review, once; it enters the moderation queue. */
  async report(ctx: AuthedContext, ratingId: string, reasonText?: string | null): Promise<boolean> {
    const reason = reviewText('reason', reasonText, REVIEW_LIMITS.reportReason);
    const review = await this.visibleReview(ctx, ratingId);
    if (review.hiddenAt) throw new InvalidStateError('This review is already hidden');
    const inserted = returnedRows(
      await ctx.manager.query(
        `INSERT INTO rating_reports (rating_id, reporter_id, reason) VALUES ($1, $2, $3) ON CONFLICT (rating_id, reporter_id) DO NOTHING RETURNING id`,
        [review.id, ctx.actor.userId, reason],
      ),
    );
    if (!inserted.length) throw new ConflictError('You have already reported this review');
    return true;
  }

  /** Reviews with open reports, the longest-waiting first (REVIEWER, ADMIN). */
  async moderationQueue(ctx: AuthedContext, first: number, after?: string | null): Promise<Page<ModerationItem>> {
    if (!isModerator(ctx.actor)) throw new ForbiddenError('This needs the REVIEWER role');
    const offset = after ? Number(decodeCursor(after, 'rq', 1)[0]) + 1 : 0;
    const rows: Record<string, any>[] = await ctx.manager.query(
      `WITH open AS (
         SELECT rating_id, count(*)::int AS open_reports, min(created_at) AS first_reported_at,
                array_remove(array_agg(reason ORDER BY created_at), NULL) AS reasons
           FROM rating_reports WHERE decision IS NULL GROUP BY rating_id)
       SELECT q.*, e.app_id, o.open_reports, o.first_reported_at, o.reasons, count(*) OVER () AS total
         FROM (${REVIEW_SELECT}) q JOIN open o ON o.rating_id = q.id JOIN extensions e ON e.id = q.extension_id
        ORDER BY o.first_reported_at, q.id OFFSET $1 LIMIT $2`,
      [offset, first + 1],
    );
    const items = rows.slice(0, first).map(r => ({ review: toReview(r), appId: r.app_id as string, openReports: r.open_reports, reasons: r.reasons, firstReportedAt: r.first_reported_at }));
    const total = rows.length ? Number(rows[0].total) : Number((await ctx.manager.query(`SELECT count(DISTINCT rating_id)::int AS n FROM rating_reports WHERE decision IS NULL`))[0].n);
    const positions = new Map(items.map((item, i) => [item, offset + i]));
    return { items, hasNextPage: rows.length > first, totalCount: total, cursorOf: item => encodeCursor('rq', positions.get(item) ?? 0) };
  }

  /** HIDE or KEEP a reported review: closes its open reports, audited, with an event. */
  async moderate(ctx: AuthedContext, ratingId: string, decision: ModerationDecision, reasonText: string): Promise<ReviewRow> {
    const reason = reviewText('reason', reasonText, REVIEW_LIMITS.moderationReason);
    if (!reason) throw BadUserInputError.field('reason', 'reason must not be empty: every moderation decision is audited with one');
    if (!isModerator(ctx.actor)) throw new ForbiddenError('This needs the REVIEWER role');
    if (!isUuid(ratingId)) throw new NotFoundError('Review');
    return withTransaction(ctx, async tx => {
      const rating = await repo(tx, ExtensionRatingEntity).findOne({ where: { id: ratingId }, lock: { mode: 'for_no_key_update' } });
      if (!rating) throw new NotFoundError('Review');
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: rating.extensionId });
      if (extension.ownerId === ctx.actor.userId) throw new ForbiddenError('You cannot moderate reviews of your own extension');
      const closed = returnedRows(
        await tx.manager.query(
          `UPDATE rating_reports SET decision = $2, decided_by_id = $3, decided_at = now() WHERE rating_id = $1 AND decision IS NULL RETURNING id`,
          [rating.id, decision, ctx.actor.userId],
        ),
      );
      if (!closed.length) throw new InvalidStateError('This review has no open reports');
      const hidden = decision === ModerationDecision.HIDE;
      await tx.manager.query(`UPDATE extension_ratings SET hidden_at = ${hidden ? 'coalesce(hidden_at, now())' : 'NULL'} WHERE id = $1`, [rating.id]);
      await this.audit.record(tx, {
        action: 'rating.moderate',
        targetType: 'Rating',
        targetId: rating.id,
        data: { decision, reason, appId: extension.appId, reportsClosed: closed.length },
      });
      await this.events.append(tx, EventTypes.RATING_MODERATED, {
        subjectType: 'Rating',
        subjectId: rating.id,
        appId: extension.appId,
        audienceUserId: rating.authorUserId,
        data: { ratingId: rating.id, decision, hidden },
      });
      return (await this.reviewById(tx, rating.id))!;
    });
  }

  /** Visible reviews of an extension, newest first. */
  async reviews(ctx: RequestContext, extensionId: string, first: number, after?: string | null): Promise<Page<ReviewRow>> {
    const offset = after ? Number(decodeCursor(after, 'rv', 1)[0]) + 1 : 0;
    const rows: Record<string, any>[] = await ctx.manager.query(
      `SELECT q.*, count(*) OVER () AS total FROM (${REVIEW_SELECT} WHERE r.extension_id = $1 AND r.hidden_at IS NULL) q
        ORDER BY q.created_at DESC, q.id DESC OFFSET $2 LIMIT $3`,
      [extensionId, offset, first + 1],
    );
    const items = rows.slice(0, first).map(toReview);
    const total = rows.length
      ? Number(rows[0].total)
      : Number((await ctx.manager.query(`SELECT count(*)::int AS n FROM extension_ratings WHERE extension_id = $1 AND hidden_at IS NULL`, [extensionId]))[0].n);
    const positions = new Map(items.map((item, i) => [item.id, offset + i]));
    return { items, hasNextPage: rows.length > first, totalCount: total, cursorOf: item => encodeCursor('rv', positions.get(item.id) ?? 0) };
  }

  /** The caller's own rating of an extension (or their organization's), hidden or not. */
  async mine(ctx: AuthedContext, appId: string, organizationId?: string | null): Promise<ReviewRow | null> {
    const extension = await repo(ctx, ExtensionEntity).findOneBy({ appId });
    if (!extension) return null;
    if (organizationId) {
      if (!isUuid(organizationId)) return null;
      const access = organizationAccess(ctx.actor, await this.organizations.roleOf(ctx, organizationId, ctx.actor.userId));
      if (access === OrganizationAccess.NONE) return null;
      const rows = await ctx.manager.query(`${REVIEW_SELECT} WHERE r.extension_id = $1 AND r.organization_id = $2`, [extension.id, organizationId]);
      return rows.length ? toReview(rows[0]) : null;
    }
    const rows = await ctx.manager.query(`${REVIEW_SELECT} WHERE r.extension_id = $1 AND r.author_user_id = $2 AND r.organization_id IS NULL`, [extension.id, ctx.actor.userId]);
    return rows.length ? toReview(rows[0]) : null;
  }

  async reviewById(ctx: RequestContext, id: string): Promise<ReviewRow | null> {
    const rows = await ctx.manager.query(`${REVIEW_SELECT} WHERE r.id = $1`, [id]);
    return rows.length ? toReview(rows[0]) : null;
  }

  /** A review the caller may see (rating.policy.ts); NOT_FOUND otherwise, never a hint that it exists. */
  private async visibleReview(ctx: AuthedContext, ratingId: string): Promise<ReviewRow> {
    const review = isUuid(ratingId) ? await this.reviewById(ctx, ratingId) : null;
    if (!review || !canSeeReview(ctx.actor, review)) throw new NotFoundError('Review');
    return review;
  }

  /** A published (or deprecated, still listed) extension; anything else is NOT_FOUND. */
  private async publishedExtension(ctx: RequestContext, appId: string): Promise<ExtensionEntity> {
    const extension = await repo(ctx, ExtensionEntity).findOneBy({ appId });
    const live = extension
      ? await ctx.manager.query(`SELECT 1 FROM extension_versions WHERE extension_id = $1 AND status IN ${LIVE} LIMIT 1`, [extension.id])
      : [];
    if (!extension || !live.length) throw new NotFoundError('Extension');
    return extension;
  }

  /**
   * Has the installer (the user personally, or the organization) an active installation, or one
   * it kept at least MIN_HOURS_INSTALLED_BEFORE_UNINSTALL before uninstalling? Staging installs
   * never count (docs/marketplace.md, "Staging").
   */
  private async hasInstalled(ctx: RequestContext, extensionId: string, organizationId: string | null, userId: string): Promise<boolean> {
    const owner = organizationId ? `organization_id = $2` : `owner_user_id = $2 AND organization_id IS NULL`;
    const rows = await ctx.manager.query(
      `SELECT 1 FROM installations
        WHERE extension_id = $1 AND ${owner} AND source <> 'STAGING'
          AND (status = 'ACTIVE' OR uninstalled_at - installed_at >= make_interval(hours => $3))
        LIMIT 1`,
      [extensionId, organizationId ?? userId, MIN_HOURS_INSTALLED_BEFORE_UNINSTALL],
    );
    return rows.length > 0;
  }
}

/** The summary for an extension from its per-star counts (visible reviews only). */
export function summaryOf(counts: Map<number, number> | undefined): RatingSummaryRow {
  const histogram = [1, 2, 3, 4, 5].map(s => counts?.get(s) ?? 0);
  const count = histogram.reduce((a, b) => a + b, 0);
  const sum = histogram.reduce((a, n, i) => a + n * (i + 1), 0);
  return { average: count ? Math.round((sum / count) * 100) / 100 : null, count, histogram };
}
