import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { ExtensionVersion } from '../versions/versions.types';
import type { RecommendationsService } from './recommendations.service';
import { UpgradeRecommendation } from './recommendations.types';
import { TierNotice, tierNotices } from '../hosting/hosting-cost';
import { HostingChange, Money } from '../hosting/hosting.types';
import { Installation } from './installs.types';

function hostingChangeOf(notice: TierNotice | undefined): HostingChange | null {
  if (!notice) return null;
  return Object.assign(new HostingChange(), {
    fromTier: notice.fromTier,
    toTier: notice.toTier,
    fromMonthlyCost: notice.from && Money.of(notice.from.monthlyCostMinor, notice.from.currency),
    toMonthlyCost: notice.to && Money.of(notice.to.monthlyCostMinor, notice.to.currency),
    needsConsent: notice.needsConsent,
  });
}

@Resolver()
export class RecommendationsResolver {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Authorized()
  @Query(() => [UpgradeRecommendation], { description: 'Your (or an organization’s) installations on deprecated versions, with the recommended target' })
  async upgradeRecommendations(
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<UpgradeRecommendation[]> {
    const recommendations = await this.recommendations.recommendations(ctx, organizationId);
    // Tier changes (docs/hosting.md): a notice on the recommendation, or one of its own.
    const mine = await this.recommendations.installationsOf(ctx, organizationId);
    const notices = new Map((await tierNotices(ctx, mine)).map(n => [n.installationId, n]));
    const installationsById = new Map(mine.map(i => [i.id, i]));
    const out = await Promise.all(
      recommendations.map(async r =>
        Object.assign(new UpgradeRecommendation(), {
          installation: Installation.from(r.installation),
          currentVersion: (await ExtensionVersion.visible(ctx, r.current))!,
          recommendedVersion: await ExtensionVersion.visible(ctx, r.recommended),
          needsConsent: r.newScopes.length > 0 || !!notices.get(r.installation.id)?.needsConsent,
          newScopes: r.newScopes,
          sunsetAt: r.sunsetAt,
          hostingChange: hostingChangeOf(notices.get(r.installation.id)),
        }),
      ),
    );
    const covered = new Set(recommendations.map(r => r.installation.id));
    // In parallel, so the version loader batches the reads.
    const extra = await Promise.all(
      [...notices.values()]
        .filter(notice => !covered.has(notice.installationId))
        .map(async (notice): Promise<UpgradeRecommendation | null> => {
          const installation = installationsById.get(notice.installationId);
          const [current, recommended] = await Promise.all([ctx.loaders.versionById.load(notice.currentVersionId), ctx.loaders.versionById.load(notice.recommendedVersionId)]);
          const currentVersion = await ExtensionVersion.visible(ctx, current);
          if (!installation || !currentVersion) return null;
          return Object.assign(new UpgradeRecommendation(), {
            installation: Installation.from(installation),
            currentVersion,
            recommendedVersion: await ExtensionVersion.visible(ctx, recommended),
            needsConsent: notice.needsConsent,
            newScopes: [],
            sunsetAt: null,
            hostingChange: hostingChangeOf(notice),
          });
        }),
    );
    return [...out, ...extra.filter((r): r is UpgradeRecommendation => r !== null)];
  }
}
