import semver from 'semver';
import { In } from 'typeorm';
import type { AuthedContext } from '../../context';
import { repo } from '../../db/transaction';
import { TierNotice, tierNotices } from '../hosting/hosting-cost';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes } from '../validation/manifest-rules';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
import { DeprecationEntity } from '../versions/deprecation.entity';
import { InstallationEntity } from './installation.entity';
import { rolledBackSql } from './rolled-back';
import { newestFirst } from '../versions/semver-order';
import type { InstallsService } from './installs.service';

export interface Recommendation {
  installation: InstallationEntity;
  current: ExtensionVersionEntity;
  recommended: ExtensionVersionEntity | null;
  newScopes: string[];
  sunsetAt: Date | null;
  /** The recommended version runs on another hosting tier (docs/hosting.md). */
  hostingNotice: TierNotice | null;
  /** Moving needs new scopes granted or a dearer hosting cost acknowledged. */
  needsConsent: boolean;
}

/**
 * Upgrade recommendations (docs/marketplace.md, "Deprecations and sunsets"): each of the
 * caller's installations on a deprecated version is pointed at the newest supported one, same
 * major when there is one. The versions module deprecates; this module reads what it recorded.
 */
export class RecommendationsService {
  constructor(private readonly installs: InstallsService) {}

  /**
   * Every recommendation for the caller's (or an organization's) installations: one per
   * installation on a deprecated version, with a tier-change notice when its target runs on
   * another tier; and one per other installation whose newer version changes tier.
   */
  async recommendations(ctx: AuthedContext, organizationId?: string | null): Promise<Recommendation[]> {
    const installations = await this.installs.listMine(ctx, organizationId);
    const notices = new Map((await tierNotices(ctx, installations)).map(n => [n.installationId, n]));
    const deprecated = (await this.forDeprecated(ctx, installations)).map(r => {
      const hostingNotice = notices.get(r.installation.id) ?? null;
      return { ...r, hostingNotice, needsConsent: r.newScopes.length > 0 || !!hostingNotice?.needsConsent };
    });
    const covered = new Set(deprecated.map(r => r.installation.id));
    const tierOnly = [...notices.values()].filter(n => !covered.has(n.installationId));
    if (!tierOnly.length) return deprecated;
    const versions = new Map(
      (await repo(ctx, ExtensionVersionEntity).findBy({ id: In([...new Set(tierOnly.flatMap(n => [n.currentVersionId, n.recommendedVersionId]))]) })).map(v => [v.id, v]),
    );
    const byId = new Map(installations.map(i => [i.id, i]));
    const rest = tierOnly.flatMap((notice): Recommendation[] => {
      const installation = byId.get(notice.installationId);
      const current = versions.get(notice.currentVersionId);
      if (!installation || !current) return [];
      const recommended = versions.get(notice.recommendedVersionId) ?? null;
      return [{ installation, current, recommended, newScopes: [], sunsetAt: null, hostingNotice: notice, needsConsent: notice.needsConsent }];
    });
    return [...deprecated, ...rest];
  }

  /** Installations on a deprecated version, each pointed at the newest supported one. */
  private async forDeprecated(ctx: AuthedContext, installations: InstallationEntity[]): Promise<Omit<Recommendation, 'hostingNotice' | 'needsConsent'>[]> {
    const versionIds = [...new Set(installations.map(i => i.versionId))];
    const current = await repo(ctx, ExtensionVersionEntity).findBy({ id: In(versionIds), status: VersionStatus.DEPRECATED });
    if (!current.length) return [];
    const currentById = new Map(current.map(v => [v.id, v]));
    const deprecations = new Map((await repo(ctx, DeprecationEntity).findBy({ versionId: In(current.map(v => v.id)) })).map(d => [d.versionId, d]));
    // Never a version that was rolled back (rolled-back.ts).
    const candidates = await repo(ctx, ExtensionVersionEntity)
      .createQueryBuilder('v')
      .where('v.extension_id IN (:...ids) AND v.status = :published', { ids: [...new Set(current.map(v => v.extensionId))], published: VersionStatus.PUBLISHED })
      .andWhere(`NOT ${rolledBackSql('v.id')}`)
      .getMany();
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
}
