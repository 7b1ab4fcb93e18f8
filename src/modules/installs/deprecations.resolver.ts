import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import { ExtensionVersion } from '../versions/versions.types';
import type { DeprecationsService } from './deprecations.service';
import { DeprecateVersionInput, Deprecation, UpgradeRecommendation } from './deprecations.types';
import { Installation } from './installs.types';

@Resolver(() => ExtensionVersion)
export class DeprecationsResolver {
  constructor(private readonly deprecations: DeprecationsService) {}

  @Authorized(Role.DEVELOPER)
  @Mutation(() => Deprecation, { description: 'Deprecate a published version, optionally with a sunset date' })
  async deprecateVersion(@Arg('input') input: DeprecateVersionInput, @Ctx() ctx: RequestContext): Promise<Deprecation> {
    return Deprecation.from(await this.deprecations.deprecate(ctx, input));
  }

  @Authorized()
  @Query(() => [UpgradeRecommendation], { description: 'Your (or an organization’s) installations on deprecated versions, with the recommended target' })
  async upgradeRecommendations(
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<UpgradeRecommendation[]> {
    const recommendations = await this.deprecations.recommendations(ctx, organizationId);
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

  @FieldResolver(() => Deprecation, { nullable: true })
  async deprecation(@Root() version: ExtensionVersion, @Ctx() ctx: RequestContext): Promise<Deprecation | null> {
    const found = await this.deprecations.forVersion(ctx, version.id);
    return found && Deprecation.from(found);
  }
}
