import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { ExtensionVersion } from '../versions/versions.types';
import type { RecommendationsService } from './recommendations.service';
import { UpgradeRecommendation } from './recommendations.types';
import { Installation } from './installs.types';

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
    return Promise.all(
      recommendations.map(async r =>
        Object.assign(new UpgradeRecommendation(), {
          installation: Installation.from(r.installation),
          currentVersion: (await ExtensionVersion.visible(ctx, r.current))!,
          recommendedVersion: await ExtensionVersion.visible(ctx, r.recommended),
          needsConsent: r.newScopes.length > 0,
          newScopes: r.newScopes,
          sunsetAt: r.sunsetAt,
        }),
      ),
    );
  }
}
