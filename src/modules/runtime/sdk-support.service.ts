import semver from 'semver';
import type { AuthedContext, RequestContext } from '../../context';
import { repo, withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import type { Clock } from '../../shared/clock';
import { BadUserInputError, FieldError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { EventTypes } from '../events/event-types';
import { ExtensionAvailability, availabilityStates } from '../extensions/extension-availability';
import { ExtensionEntity } from '../extensions/extensions.entities';
import type { ExtensionsService } from '../extensions/extensions.service';
import { AVAILABILITY_REASON_MAX } from '../extensions/extensions.service';
import { newestVersion } from '../versions/semver-order';
import { SdkDelistingNoticeEntity, UnsupportedSdkEntity } from './runtime.entities';

/** The scheduled delisting run (hourly, one at a time across processes). */
export const sdkDelistingQueue = defineQueue<Record<string, never>>('sdk-delisting', {
  expireInSeconds: 300,
  retryLimit: 2,
  retryDelaySeconds: 60,
  retryBackoff: false,
  policy: 'stately',
});

interface LiveVersion {
  id: string;
  extension_id: string;
  version: string | null;
  sdk_version: string | null;
}

/** The SDK a manifest declares, as a semver version (`sdk_version: "1.4"` reads as 1.4.0); null when absent or unreadable. */
export function sdkVersionOf(declared: string | null | undefined): string | null {
  if (!declared) return null;
  return semver.valid(declared) ?? semver.coerce(declared)?.version ?? null;
}

/**
 * SDK delisting (docs/runtime.md, after the marketplace's "Updates" policy: extensions that
 * break after a platform SDK upgrade and are not updated within 30 days may be delisted).
 *
 * An admin marks an SDK range unsupported; every extension whose live version (its newest
 * published or deprecated one) declares an `sdk_version` in the range is notified
 * (`extension.sdk_unsupported`, to the owner and so to webhooks). A scheduled job delists, after
 * PLAZA_SDK_DELIST_AFTER_DAYS by the injected clock, those whose live version is still on an
 * unsupported SDK (`extension.delisted`). A version published on a supported SDK settles the
 * notice and lists a delisted extension again.
 */
export class SdkSupportService {
  constructor(
    private readonly delistAfterDays: number,
    private readonly extensions: ExtensionsService,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    jobs: JobQueue,
  ) {
    jobs.handle(sdkDelistingQueue, async ctx => ctx.logger.info({ delisted: await this.enforce(ctx) }, 'sdk delisting enforced'), { schedule: '17 * * * *' });
    events.on(EventTypes.VERSION_PUBLISHED, (tx, event) => this.settleOnPublish(tx, event.data.extensionId, event.subjectId));
  }

  /** Marks a range unsupported and notifies the extensions on it; answers the record and how many were notified. */
  async markUnsupported(ctx: AuthedContext, range: string, reason: string): Promise<{ sdk: UnsupportedSdkEntity; notified: number }> {
    const fields: FieldError[] = [];
    const normalized = semver.validRange(range.trim());
    if (!range.trim() || !normalized) fields.push({ path: 'range', message: 'range must be a semver range such as <2.0.0 or 1.x' });
    const why = reason.trim();
    if (!why || why.length > AVAILABILITY_REASON_MAX) fields.push({ path: 'reason', message: `reason is required, at most ${AVAILABILITY_REASON_MAX} characters` });
    if (fields.length) throw new BadUserInputError('Invalid unsupported SDK', fields);
    const now = this.clock.now();
    return withTransaction(ctx, async tx => {
      const sdks = repo(tx, UnsupportedSdkEntity);
      const sdk = await sdks.save(
        sdks.create({ range: range.trim(), reason: why, markedById: ctx.actor.userId, markedAt: now, delistAfter: new Date(now.getTime() + this.delistAfterDays * 86_400_000) }),
      );
      await this.audit.record(tx, { action: 'sdk.mark_unsupported', targetType: 'UnsupportedSdk', targetId: sdk.id, data: { range: sdk.range, reason: why } });
      let notified = 0;
      for (const live of await this.liveVersions(tx)) {
        const sdkVersion = sdkVersionOf(live.sdk_version);
        if (!sdkVersion || !semver.satisfies(sdkVersion, sdk.range)) continue;
        await this.notify(tx, sdk, live, sdkVersion);
        notified++;
      }
      return { sdk, notified };
    });
  }

  /** The unsupported ranges, newest first (admins). */
  list(ctx: RequestContext): Promise<UnsupportedSdkEntity[]> {
    return repo(ctx, UnsupportedSdkEntity).find({ order: { markedAt: 'DESC' } });
  }

  /**
   * Delists every extension whose notice is past its deadline and whose live version is still on
   * an unsupported SDK (the scheduled job calls this); answers the delisted extension ids.
   */
  async enforce(ctx: RequestContext): Promise<string[]> {
    const due: { id: string }[] = await ctx.manager.query(
      `SELECT id FROM sdk_delisting_notices WHERE delisted_at IS NULL AND resolved_at IS NULL AND deadline <= $1 ORDER BY deadline`,
      [this.clock.now()],
    );
    const delisted: string[] = [];
    for (const { id } of due) {
      const extensionId = await withTransaction(ctx, tx => this.enforceOne(tx, id));
      if (extensionId) delisted.push(extensionId);
    }
    return delisted;
  }

  private async enforceOne(tx: RequestContext, noticeId: string): Promise<string | null> {
    const notice = await repo(tx, SdkDelistingNoticeEntity).findOne({ where: { id: noticeId }, lock: { mode: 'pessimistic_write' } });
    if (!notice || notice.delistedAt || notice.resolvedAt) return null;
    const now = this.clock.now();
    const [live] = await this.liveVersions(tx, notice.extensionId);
    const current = sdkVersionOf(live?.sdk_version);
    if (!live || !current || !(await this.unsupportedRangeOf(tx, current))) {
      // Updated onto a supported SDK (or nothing live is left): nothing to delist.
      await repo(tx, SdkDelistingNoticeEntity).update(notice.id, { resolvedAt: now });
      return null;
    }
    const extension = await repo(tx, ExtensionEntity).findOne({ where: { id: notice.extensionId }, lock: { mode: 'pessimistic_write' } });
    // A suspended extension stays suspended: the notice stays open and is enforced once it is reinstated.
    if (!extension || !availabilityStates.canTransition(extension.availability, ExtensionAvailability.DELISTED)) return null;
    const sdk = await repo(tx, UnsupportedSdkEntity).findOneByOrFail({ id: notice.unsupportedSdkId });
    await this.extensions.availability.transition(tx, extension, ExtensionAvailability.DELISTED, {
      reason: `Built on SDK ${current}, unsupported since ${sdk.markedAt.toISOString().slice(0, 10)} (${sdk.reason}); not updated within ${this.delistAfterDays} days`,
      automatic: true,
      auditAction: 'extension.delist',
      detail: { versionId: live.id, sdkVersion: current },
    });
    await repo(tx, SdkDelistingNoticeEntity).update(notice.id, { delistedAt: now });
    return extension.id;
  }

  /**
   * A version published: when the extension's live version is now on a supported SDK, its open
   * notices are settled and a delisted extension is listed again (in the publishing transaction).
   */
  private async settleOnPublish(tx: RequestContext, extensionId: string, versionId: string): Promise<void> {
    const [{ concerned }] = await tx.manager.query(
      `SELECT EXISTS (SELECT 1 FROM sdk_delisting_notices WHERE extension_id = $1 AND resolved_at IS NULL)
              OR EXISTS (SELECT 1 FROM extensions WHERE id = $1 AND availability = 'DELISTED') AS concerned`,
      [extensionId],
    );
    if (!concerned) return;
    const [live] = await this.liveVersions(tx, extensionId);
    const current = sdkVersionOf(live?.sdk_version);
    if (current && (await this.unsupportedRangeOf(tx, current))) return;
    const now = this.clock.now();
    await tx.manager.query(`UPDATE sdk_delisting_notices SET resolved_at = $2 WHERE extension_id = $1 AND resolved_at IS NULL`, [extensionId, now]);
    const extension = await repo(tx, ExtensionEntity).findOne({ where: { id: extensionId }, lock: { mode: 'pessimistic_write' } });
    if (extension?.availability !== ExtensionAvailability.DELISTED) return;
    await this.extensions.availability.transition(tx, extension, ExtensionAvailability.LISTED, {
      reason: `Version on a supported SDK${current ? ` (${current})` : ''} published`,
      automatic: true,
      auditAction: 'extension.auto_reinstate',
      detail: { versionId, sdkVersion: current },
    });
  }

  private async notify(tx: RequestContext, sdk: UnsupportedSdkEntity, live: LiveVersion, sdkVersion: string): Promise<void> {
    const inserted = await tx.manager.query(
      `INSERT INTO sdk_delisting_notices (extension_id, unsupported_sdk_id, version_id, sdk_version, notified_at, deadline)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (extension_id, unsupported_sdk_id) DO NOTHING RETURNING id`,
      [live.extension_id, sdk.id, live.id, sdkVersion, sdk.markedAt, sdk.delistAfter],
    );
    if (!inserted.length) return;
    const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: live.extension_id });
    await this.events.append(tx, EventTypes.EXTENSION_SDK_UNSUPPORTED, {
      subjectType: 'Extension',
      subjectId: extension.id,
      appId: extension.appId,
      version: live.version,
      audienceUserId: extension.ownerId,
      data: { versionId: live.id, sdkVersion, range: sdk.range, reason: sdk.reason, deadline: sdk.delistAfter.toISOString() },
    });
  }

  /** An unsupported range that covers `sdkVersion`, if any. */
  private async unsupportedRangeOf(tx: RequestContext, sdkVersion: string): Promise<UnsupportedSdkEntity | null> {
    return (await repo(tx, UnsupportedSdkEntity).find()).find(sdk => semver.satisfies(sdkVersion, sdk.range)) ?? null;
  }

  /** Each extension's live version (its newest published or deprecated one), with the SDK it declares; one extension's with `extensionId`. */
  private async liveVersions(ctx: RequestContext, extensionId?: string): Promise<LiveVersion[]> {
    const rows: LiveVersion[] = await ctx.manager.query(
      `SELECT id, extension_id, version, manifest->>'sdk_version' AS sdk_version FROM extension_versions
        WHERE status IN ('PUBLISHED', 'DEPRECATED') ${extensionId ? 'AND extension_id = $1' : ''}`,
      extensionId ? [extensionId] : [],
    );
    const byExtension = new Map<string, LiveVersion[]>();
    for (const row of rows) byExtension.set(row.extension_id, [...(byExtension.get(row.extension_id) ?? []), row]);
    return [...byExtension.values()].map(versions => newestVersion(versions)!).filter(Boolean);
  }
}
