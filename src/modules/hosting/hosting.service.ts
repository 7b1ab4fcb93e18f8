import { In } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { OrganizationsService } from '../accounts/organizations.service';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { EventTypes } from '../events/event-types';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ReviewCaseEntity, ReviewCaseKind } from '../review/review.entities';
import type { ReviewService } from '../review/review.service';
import { hostingOf, HostingDeclaration } from '../validation/hosting/hosting-rules';
import { ExtensionVersionEntity, LIVE_STATUSES, VersionStatus } from '../versions/version.entity';
import { OrganizationAccess, organizationAccess } from '../accounts/organization.policy';
import { UrlPolicy, WebhookUrlRefused } from '../webhooks/url-guard';
import { deploymentObjects, deploymentYaml } from './deployment';
import { healthUrl, probe } from './health-probe';
import { HostingPrice, priceOf, pricer, pricerFrom } from './hosting-cost';
import { HealthCheckEntity, HealthCheckStatus, HostingConsentEntity, HostingTierEntity } from './hosting.entities';

/**
 * The health check retries its HTTP call itself (3 retries under one deadline each) and records a
 * final result; a job retry only covers a crash before the result was written.
 */
export const healthCheckQueue = defineQueue<{ checkId: string }>('hosting-health-check', { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 5, retryBackoff: false });

export interface HostingOptions {
  policy: UrlPolicy;
  healthCheckTimeoutMs: number;
  healthCheckRetryDelayMs: number;
  /** 3: the check calls once and retries up to three times. */
  healthCheckRetries: number;
}

/** Versions whose health may still be checked for review (not yet decided). */
const CHECKABLE = [VersionStatus.SUBMITTED, VersionStatus.VALIDATING, VersionStatus.PENDING_REVIEW, VersionStatus.IN_REVIEW];
const IN_REVIEW = [VersionStatus.PENDING_REVIEW, VersionStatus.IN_REVIEW];

/** One managed installation's monthly cost. */
export interface CostLine {
  installationId: string;
  appId: string;
  version: string | null;
  price: HostingPrice;
}

export interface TierChange {
  fromTier: string | null;
  toTier: string | null;
  from: HostingPrice | null;
  to: HostingPrice | null;
}

/**
 * Managed hosting (docs/hosting.md): the tier table, what a version declares and costs, the
 * deployment manifests of a published managed version, the review's health check, and an
 * organization's hosting cost.
 */
export class HostingService {
  constructor(
    private readonly options: HostingOptions,
    private readonly organizations: OrganizationsService,
    private readonly review: ReviewService,
    private readonly jobs: JobQueue,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {
    jobs.handle(healthCheckQueue, (ctx, data) => this.runHealthCheck(ctx, data.checkId));
    // A hosted version's pending health check runs when it enters review.
    events.on(EventTypes.REVIEW_REQUESTED, (tx, event) => this.onReviewOpened(tx, event.data.versionId));
  }

  tiers(ctx: RequestContext): Promise<HostingTierEntity[]> {
    return repo(ctx, HostingTierEntity).find({ order: { position: 'ASC', name: 'ASC' } });
  }

  /** What a version's manifest declares (the default tier filled in for a managed one without `tier`). */
  async declaration(ctx: RequestContext, manifest: unknown): Promise<(HostingDeclaration & { price: HostingPrice | null }) | null> {
    const declared = hostingOf(manifest, null);
    if (!declared) return null;
    // A version list shows many of these: the tier table is read once per request.
    const price = pricerFrom(await ctx.loaders.hostingTierTable.load('all'))(manifest);
    return { ...declared, tier: declared.tier ?? price?.tier ?? null, price };
  }

  /**
   * The manifests for a published (or deprecated) managed version; null for any other version.
   * The caller has already passed the version policy with the FULL view (owner, reviewers, admins).
   */
  async deployment(ctx: RequestContext, version: ExtensionVersionEntity): Promise<{ yaml: string; objects: Record<string, unknown>[]; egress: string[] } | null> {
    if (!LIVE_STATUSES.includes(version.status) || !version.version) return null;
    const declared = hostingOf(version.manifest, null);
    if (!declared?.managed) return null;
    const tier = await repo(ctx, HostingTierEntity).findOneBy(declared.tier ? { name: declared.tier } : { isDefault: true });
    if (!tier) return null;
    const extension = (await ctx.loaders.extensionById.load(version.extensionId))!;
    const objects = deploymentObjects({
      appId: extension.appId,
      version: version.version,
      packageSha256: version.packageSha256,
      hosting: { ...declared, tier: tier.name },
      tier,
    });
    return { yaml: deploymentYaml(objects), objects, egress: declared.egress };
  }

  // ---- Health check in review -------------------------------------------------------------

  /**
   * The author names the staging URL a version's health endpoint answers on. The check runs
   * when the version is in review (now, or when review opens). Owner only; BAD_USER_INPUT for a
   * URL the webhook guard refuses; INVALID_STATE once the version is decided or not hosted.
   */
  async requestHealthCheck(ctx: AuthedContext, versionId: string, stagingUrl: string): Promise<HealthCheckEntity> {
    if (!isUuid(versionId)) throw new NotFoundError('Extension version');
    return withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: versionId }, lock: { mode: 'for_no_key_update' } });
      const extension = version && (await repo(tx, ExtensionEntity).findOneBy({ id: version.extensionId }));
      if (!version || !extension || extension.ownerId !== tx.actor.userId) throw new NotFoundError('Extension version');
      if (!CHECKABLE.includes(version.status)) throw new InvalidStateError(`A ${version.status} version is not checked for review any more`);
      const declared = version.manifest ? hostingOf(version.manifest, null) : null;
      if (version.manifest && !declared) throw new InvalidStateError('This version declares no hosting (extension.hosting / marketplace.hosting); there is no health endpoint to check');
      let url: URL;
      try {
        url = healthUrl(stagingUrl.trim(), declared?.healthPath ?? '/health', this.options.policy);
      } catch (error) {
        if (error instanceof WebhookUrlRefused) throw BadUserInputError.field('stagingUrl', `The staging URL ${error.message}`);
        throw error;
      }
      const checks = repo(tx, HealthCheckEntity);
      // A new URL replaces a pending one: the author corrects a typo before the check runs.
      await checks.delete({ versionId, status: HealthCheckStatus.PENDING });
      const check = await checks.save(checks.create({ versionId, stagingUrl: stagingUrl.trim(), url: url.toString(), requestedById: tx.actor.userId }));
      if (IN_REVIEW.includes(version.status)) await this.jobs.sendInTransaction(tx, healthCheckQueue, { checkId: check.id }, { singletonKey: check.id });
      await this.audit.record(tx, { action: 'hosting.health_check.request', targetType: 'ExtensionVersion', targetId: versionId, data: { url: check.url } });
      return check;
    });
  }

  /** Review opened for a version (in the validation transaction): its pending checks run now. */
  async onReviewOpened(tx: RequestContext, versionId: string): Promise<void> {
    const pending = await repo(tx, HealthCheckEntity).find({ where: { versionId, status: HealthCheckStatus.PENDING }, select: { id: true } });
    for (const { id } of pending) await this.jobs.sendInTransaction(tx, healthCheckQueue, { checkId: id }, { singletonKey: id });
  }

  /**
   * The job: calls the endpoint (outside any transaction, under the probe's deadline and
   * retries), then records the result on the review case. A failure adds a HEALTH_CHECK_FAILED
   * trigger to the case; it never decides it. Idempotent: a finished check is left alone.
   */
  async runHealthCheck(ctx: RequestContext, checkId: string): Promise<void> {
    const check = await repo(ctx, HealthCheckEntity).findOneBy({ id: checkId });
    if (!check || check.status !== HealthCheckStatus.PENDING) return;
    const version = await repo(ctx, ExtensionVersionEntity).findOneByOrFail({ id: check.versionId });
    const declared = hostingOf(version.manifest, null);
    let url: URL;
    try {
      url = healthUrl(check.stagingUrl, declared?.healthPath ?? '/health', this.options.policy);
    } catch (error) {
      return this.record(ctx, check, version, { ok: false, httpStatus: null, latencyMs: 0, bodyExcerpt: null, error: (error as Error).message, attempts: 0 }, check.url);
    }
    const result = await probe(url, {
      policy: this.options.policy,
      timeoutMs: this.options.healthCheckTimeoutMs,
      retries: this.options.healthCheckRetries,
      retryDelayMs: this.options.healthCheckRetryDelayMs,
    });
    await this.record(ctx, check, version, result, url.toString());
  }

  private async record(
    ctx: RequestContext,
    check: HealthCheckEntity,
    version: ExtensionVersionEntity,
    result: { ok: boolean; httpStatus: number | null; latencyMs: number; bodyExcerpt: string | null; error: string | null; attempts: number },
    url: string,
  ): Promise<void> {
    await withTransaction(ctx, async tx => {
      const reviewCase = await repo(tx, ReviewCaseEntity).findOneBy({ versionId: version.id, kind: ReviewCaseKind.SUBMISSION });
      const updated = await tx.manager.query(
        `UPDATE hosting_health_checks
            SET status = $2, http_status = $3, latency_ms = $4, body_excerpt = $5, error = $6, attempts = $7, url = $8,
                review_case_id = $9, finished_at = now()
          WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [
          check.id,
          result.ok ? HealthCheckStatus.PASSED : HealthCheckStatus.FAILED,
          result.httpStatus,
          result.latencyMs,
          result.bodyExcerpt?.replace(/\u0000/g, '') ?? null,
          result.error,
          result.attempts,
          url,
          reviewCase?.id ?? null,
        ],
      );
      if (!returnedRows(updated).length) return;
      if (!result.ok && reviewCase) {
        await this.review.addTrigger(tx, reviewCase.id, {
          kind: 'HEALTH_CHECK_FAILED',
          value: url,
          reason: `health check of ${url} failed after ${result.attempts} attempt(s): ${result.error ?? 'no answer'}`,
        });
      }
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: version.extensionId });
      await this.events.append(tx, EventTypes.HOSTING_HEALTH_CHECKED, {
        subjectType: 'ExtensionVersion',
        subjectId: version.id,
        appId: extension.appId,
        version: version.version,
        audienceUserId: extension.ownerId,
        data: { checkId: check.id, passed: result.ok, httpStatus: result.httpStatus, latencyMs: result.latencyMs, attempts: result.attempts },
      });
    });
  }

  /** The checks recorded on a case (the caller may already see the case: reviewers and its owner). */
  checksForVersion(ctx: RequestContext, versionId: string): Promise<HealthCheckEntity[]> {
    return repo(ctx, HealthCheckEntity).find({ where: { versionId }, order: { createdAt: 'ASC' } });
  }

  // ---- Cost ---------------------------------------------------------------------------------

  /**
   * An organization's managed-hosting lines (members and admins; NOT_FOUND for anyone else), or
   * with no organization the caller's personal installations'.
   */
  async organizationCost(ctx: AuthedContext, organizationId: string | null): Promise<{ lines: CostLine[]; totals: { currency: string; monthlyCostMinor: number }[] }> {
    if (organizationId !== null) {
      if (!isUuid(organizationId)) throw new NotFoundError('Organization');
      const access = organizationAccess(ctx.actor, await this.organizations.roleOf(ctx, organizationId, ctx.actor.userId));
      if (access === OrganizationAccess.NONE) throw new NotFoundError('Organization');
    }
    const rows: { id: string; app_id: string; version_id: string }[] = await ctx.manager.query(
      `SELECT i.id, e.app_id, i.version_id FROM installations i JOIN extensions e ON e.id = i.extension_id
        WHERE i.status = 'ACTIVE' AND ${organizationId === null ? 'i.organization_id IS NULL AND i.owner_user_id = $1' : 'i.organization_id = $1'}
        ORDER BY e.app_id, i.id`,
      [organizationId ?? ctx.actor.userId],
    );
    if (!rows.length) return { lines: [], totals: [] };
    const versions = new Map((await repo(ctx, ExtensionVersionEntity).findBy({ id: In([...new Set(rows.map(r => r.version_id))]) })).map(v => [v.id, v]));
    const price$ = await pricer(ctx);
    const lines: CostLine[] = [];
    for (const row of rows) {
      const version = versions.get(row.version_id);
      const price = version ? price$(version.manifest) : null;
      if (price) lines.push({ installationId: row.id, appId: row.app_id, version: version!.version, price });
    }
    const totals = new Map<string, number>();
    for (const { price } of lines) totals.set(price.currency, (totals.get(price.currency) ?? 0) + price.monthlyCostMinor);
    return { lines, totals: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, monthlyCostMinor]) => ({ currency, monthlyCostMinor })) };
  }

  /** The tier change between two versions' manifests, or null when the tier (and so the price) stays. */
  async tierChange(ctx: RequestContext, fromManifest: unknown, toManifest: unknown): Promise<TierChange | null> {
    const [from, to] = await Promise.all([priceOf(ctx, fromManifest), priceOf(ctx, toManifest)]);
    if ((from?.tier ?? null) === (to?.tier ?? null)) return null;
    return { fromTier: from?.tier ?? null, toTier: to?.tier ?? null, from, to };
  }

  /** What an installation agreed to pay (install consent or an accepted upgrade). */
  agreed(ctx: RequestContext, installationId: string): Promise<HostingConsentEntity | null> {
    return repo(ctx, HostingConsentEntity).findOneBy({ installationId });
  }
}
