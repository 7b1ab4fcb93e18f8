import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { ExtensionVersion } from '../versions/versions.types';
import type { RecommendationsService } from './recommendations.service';
import { UpgradeRecommendation } from './recommendations.types';
import type { TierNotice } from '../hosting/hosting-cost';
import { HostingChange, Money } from '../hosting/hosting.types';
import { Installation } from './installs.types';

function hostingChangeOf(notice: TierNotice | null): HostingChange | null {
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
    const recommendations = await this.recommendations.recommendations(authed(ctx), organizationId);
    const out = await Promise.all(
      recommendations.map(async r => {
        const currentVersion = await ExtensionVersion.visible(ctx, r.current);
        return (
          currentVersion &&
          Object.assign(new UpgradeRecommendation(), {
            installation: Installation.from(r.installation),
            currentVersion,
            recommendedVersion: await ExtensionVersion.visible(ctx, r.recommended),
            needsConsent: r.needsConsent,
            newScopes: r.newScopes,
            sunsetAt: r.sunsetAt,
            hostingChange: hostingChangeOf(r.hostingNotice),
          })
        );
      }),
    );
    return out.filter((r): r is UpgradeRecommendation => r !== null);
  }
}
