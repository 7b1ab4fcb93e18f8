import { EventTypes } from '../events/event-types';
import semver from 'semver';
import { In } from 'typeorm';
import { authed, type RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { ExtensionEntity } from '../extensions/extensions.entities';
import type { ExtensionsService } from '../extensions/extensions.service';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes } from '../validation/manifest-rules';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
import { DeprecationEntity } from '../versions/deprecation.entity';
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
 * Upgrade recommendations (docs/marketplace.md, "Deprecations and sunsets"): each of the
 * caller's installations on a deprecated version is pointed at the newest supported one, same
 * major when there is one. The versions module deprecates; this module reads what it recorded.
 */
export class RecommendationsService {
  constructor(private readonly installs: InstallsService) {}

  async recommendations(ctx: RequestContext, organizationId?: string | null): Promise<Recommendation[]> {
    const installations = await this.installs.listMine(authed(ctx), organizationId);
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
    return this.installs.listMine(authed(ctx), organizationId);
  }
}
