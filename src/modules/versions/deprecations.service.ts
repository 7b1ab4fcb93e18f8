import { In } from 'typeorm';
import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { EventTypes } from '../events/event-types';
import { canManageExtension } from '../extensions/extension.policy';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import { DeprecationEntity } from './deprecation.entity';
import type { VersionLifecycle } from './version-lifecycle';
import { ExtensionVersionEntity, VersionStatus } from './version.entity';

/** The sunset announcer, every minute; the next run redoes the work. */
/** SQL: true when version `versionIdSql` is deprecated with a sunset that has passed (it cannot be installed). */
export const sunsetPassedSql = (versionIdSql: string) => `EXISTS (SELECT 1 FROM deprecations d WHERE d.version_id = ${versionIdSql} AND d.sunset_at <= now())`;

export const announceSunsetsQueue = defineQueue<Record<string, never>>('announce-sunsets', { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 10, retryBackoff: false });

/**
 * Deprecations with sunset dates (docs/marketplace.md, "Deprecations and sunsets"): a deprecated
 * version stays installable until its sunset; the sunset job announces the end once.
 */
export class DeprecationsService {
  constructor(
    private readonly lifecycle: VersionLifecycle,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
    jobs: JobQueue,
  ) {
    jobs.handle(
      announceSunsetsQueue,
      async ctx => {
        const announced = await this.announceSunsets(ctx);
        if (announced) ctx.logger.info({ announced }, 'sunsets announced');
      },
      { schedule: '* * * * *' },
    );
  }

  async deprecate(ctx: AuthedContext, input: { versionId: string; reason: string; sunsetAt?: Date | null }): Promise<DeprecationEntity> {
    const reason = input.reason.trim();
    if (!reason || reason.length > 1000) throw BadUserInputError.field('reason', 'reason must be 1 to 1,000 characters');
    if (input.sunsetAt && input.sunsetAt.getTime() <= Date.now()) throw BadUserInputError.field('sunsetAt', 'sunsetAt must be in the future');
    if (!isUuid(input.versionId)) throw new NotFoundError('Version');
    return withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: input.versionId }, lock: { mode: 'for_no_key_update' } });
      const extension = version && (await repo(tx, ExtensionEntity).findOneBy({ id: version.extensionId }));
      if (!version || !extension || !canManageExtension(tx.actor, extension)) throw new NotFoundError('Version');
      if (version.status !== VersionStatus.PUBLISHED) throw new InvalidStateError(`Only a PUBLISHED version can be deprecated; this one is ${version.status}`);
      const deprecation = await repo(tx, DeprecationEntity).save(
        repo(tx, DeprecationEntity).create({ versionId: version.id, reason, sunsetAt: input.sunsetAt ?? null, deprecatedById: tx.actor.userId }),
      );
      await this.audit.record(tx, { action: 'version.deprecate', targetType: 'ExtensionVersion', targetId: version.id, data: { reason } });
      await this.lifecycle.transition(tx, version, VersionStatus.DEPRECATED, 'deprecating it', {
        event: {
          type: EventTypes.VERSION_DEPRECATED,
          subjectType: 'ExtensionVersion',
          subjectId: version.id,
          appId: extension.appId,
          version: version.version,
          data: { reason, sunsetAt: deprecation.sunsetAt?.toISOString() ?? null },
        },
      });
      return deprecation;
    });
  }

  /** The scheduled sunset: every deprecation past its date is announced once (set-based). */
  async announceSunsets(ctx: RequestContext): Promise<number> {
    return withTransaction(ctx, async tx => {
      const rows = returnedRows<{ version_id: string }>(
        await tx.manager.query(
          `UPDATE deprecations SET sunset_announced_at = now()
            WHERE sunset_at <= now() AND sunset_announced_at IS NULL RETURNING version_id`,
        ),
      );
      if (!rows.length) return 0;
      const versions = await repo(tx, ExtensionVersionEntity).find({ where: { id: In(rows.map(r => r.version_id)) }, relations: { extension: true } });
      for (const v of versions) {
        await this.events.append(tx, EventTypes.VERSION_SUNSET, {
          subjectType: 'ExtensionVersion',
          subjectId: v.id,
          appId: v.extension!.appId,
          version: v.version,
          data: { installable: false },
        });
      }
      return versions.length;
    });
  }


  async forVersion(ctx: RequestContext, versionId: string): Promise<DeprecationEntity | null> {
    return repo(ctx, DeprecationEntity).findOneBy({ versionId });
  }
}
