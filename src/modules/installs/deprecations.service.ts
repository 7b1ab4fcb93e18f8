import semver from 'semver';
import { In } from 'typeorm';
import type { RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { ExtensionEntity } from '../extensions/extensions.entities';
import type { ExtensionsService } from '../extensions/extensions.service';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes } from '../validation/manifest-rules';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
import { DeprecationEntity } from './deprecation.entity';
import { InstallationEntity } from './installation.entity';
import { newestFirst } from '../versions/semver-order';
import type { InstallsService } from './installs.service';

export interface Recommendation {
  installation: InstallationEntity;
  current: ExtensionVersionEntity;
  recommended: ExtensionVersionEntity | null;
  newScopes: string[];
  sunsetAt: Date | null;
}

/**
 * Deprecations with sunset dates and upgrade recommendations (seed 003): a deprecated version
 * stays installable until its sunset; the sunset job announces the end once; recommendations
 * point each installation on a deprecated version at the newest supported one, same major when
 * there is one.
 */
export class DeprecationsService {
  constructor(
    private readonly extensions: ExtensionsService,
    private readonly installs: InstallsService,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  async deprecate(ctx: RequestContext, input: { versionId: string; reason: string; sunsetAt?: Date | null }): Promise<DeprecationEntity> {
    const reason = input.reason.trim();
    if (!reason || reason.length > 1000) throw BadUserInputError.field('reason', 'reason must be 1 to 1,000 characters');
    if (input.sunsetAt && input.sunsetAt.getTime() <= Date.now()) throw BadUserInputError.field('sunsetAt', 'sunsetAt must be in the future');
    if (!isUuid(input.versionId)) throw new NotFoundError('Version');
    return withTransaction(ctx, async tx => {
      const version = await repo(tx, ExtensionVersionEntity).findOne({ where: { id: input.versionId }, lock: { mode: 'for_no_key_update' } });
      const extension = version && (await repo(tx, ExtensionEntity).findOneBy({ id: version.extensionId }));
      if (!version || !extension || !this.extensions.canManage(tx, extension)) throw new NotFoundError('Version');
      if (version.status !== VersionStatus.PUBLISHED) throw new InvalidStateError(`Only a PUBLISHED version can be deprecated; this one is ${version.status}`);
      await repo(tx, ExtensionVersionEntity).update(version.id, { status: VersionStatus.DEPRECATED });
      const deprecation = await repo(tx, DeprecationEntity).save(
        repo(tx, DeprecationEntity).create({ versionId: version.id, reason, sunsetAt: input.sunsetAt ?? null, deprecatedById: tx.actor!.userId }),
      );
      await this.audit.record(tx, { action: 'version.deprecate', targetType: 'ExtensionVersion', targetId: version.id, data: { reason } });
      await this.events.append(tx, {
        type: 'version.deprecated',
        subjectType: 'ExtensionVersion',
        subjectId: version.id,
        appId: extension.appId,
        version: version.version,
        data: { reason, sunsetAt: deprecation.sunsetAt?.toISOString() ?? null },
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
        await this.events.append(tx, {
          type: 'version.sunset',
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

  async recommendations(ctx: RequestContext, organizationId?: string | null): Promise<Recommendation[]> {
    const installations = await this.installs.listMine(ctx, organizationId);
    const versionIds = [...new Set(installations.map(i => i.versionId))];
    const current = await repo(ctx, ExtensionVersionEntity).findBy({ id: In(versionIds), status: VersionStatus.DEPRECATED });
    if (!current.length) return [];
    const currentById = new Map(current.map(v => [v.id, v]));
    const deprecations = new Map((await repo(ctx, DeprecationEntity).findBy({ versionId: In(current.map(v => v.id)) })).map(d => [d.versionId, d]));
    const candidates = await repo(ctx, ExtensionVersionEntity).findBy({
      extensionId: In([...new Set(current.map(v => v.extensionId))]),
      status: VersionStatus.PUBLISHED,
    });
    return installations
      .filter(i => currentById.has(i.versionId))
      .map(installation => {
        const from = currentById.get(installation.versionId)!;
        const supported = newestFirst(candidates.filter(c => c.extensionId === from.extensionId)).filter(c => semver.gt(c.version!, from.version!));
        const sameMajor = supported.find(c => semver.major(c.version!) === semver.major(from.version!));
        const recommended = sameMajor ?? supported[0] ?? null;
        const granted = new Set(installation.grantedScopes);
        const newScopes = recommended ? declaredScopes((recommended.manifest ?? {}) as Manifest).filter(s => !granted.has(s)) : [];
        return { installation, current: from, recommended, newScopes, sunsetAt: deprecations.get(from.id)?.sunsetAt ?? null };
      });
  }

  /** The caller's (or an organization's) active installations, as `recommendations` reads them. */
  installationsOf(ctx: RequestContext, organizationId?: string | null): Promise<InstallationEntity[]> {
    return this.installs.listMine(ctx, organizationId);
  }

  async forVersion(ctx: RequestContext, versionId: string): Promise<DeprecationEntity | null> {
    return repo(ctx, DeprecationEntity).findOneBy({ versionId });
  }
}
