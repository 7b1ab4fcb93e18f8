import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Public } from '../../shared/auth/auth-checker';
import { Role } from '../../shared/auth/roles';
import { ReviewCase } from '../review/review.types';
import { versionView, VersionView } from '../versions/version.policy';
import { ExtensionVersion } from '../versions/versions.types';
import type { HostingService } from './hosting.service';
import { HealthCheck, HostingCost, HostingCostLine, HostingTier, Money, VersionDeployment, VersionHosting } from './hosting.types';

@Resolver()
export class HostingResolver {
  constructor(private readonly hosting: HostingService) {}

  @Public()
  @Query(() => [HostingTier], { description: 'The hosting tiers a managed extension can run on, with their monthly cost (docs/hosting.md)' })
  async hostingTiers(@Ctx() ctx: RequestContext): Promise<HostingTier[]> {
    return (await this.hosting.tiers(ctx)).map(HostingTier.from);
  }

  @Authorized()
  @Query(() => HostingCost, {
    description: 'Managed-hosting cost per month, per installation and in total: an organization’s (members and admins) or, without one, your personal installations’',
  })
  async hostingCost(@Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null, @Ctx() ctx: RequestContext): Promise<HostingCost> {
    const { lines, totals } = await this.hosting.organizationCost(authed(ctx), organizationId ?? null);
    return Object.assign(new HostingCost(), {
      organizationId,
      lines: lines.map(l =>
        Object.assign(new HostingCostLine(), { installationId: l.installationId, appId: l.appId, version: l.version, tier: l.price.tier, monthlyCost: Money.of(l.price.monthlyCostMinor, l.price.currency) }),
      ),
      totals: totals.map(t => Money.of(t.monthlyCostMinor, t.currency)),
    });
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => HealthCheck, {
    description:
      'Name the staging URL where a hosted version under review answers its health path; the check runs when the version is in review (owner only). BAD_USER_INPUT for a URL the webhook guard refuses',
  })
  async requestHealthCheck(@Arg('versionId', () => ID) versionId: string, @Arg('stagingUrl') stagingUrl: string, @Ctx() ctx: RequestContext): Promise<HealthCheck> {
    return HealthCheck.from(await this.hosting.requestHealthCheck(authed(ctx), versionId, stagingUrl));
  }
}

@Resolver(() => ExtensionVersion)
export class HostingVersionResolver {
  constructor(private readonly service: HostingService) {}

  @FieldResolver(() => VersionHosting, { nullable: true, description: 'The hosting the version declares, with its tier’s monthly cost when managed (what install consent shows)' })
  async hosting(@Root() version: ExtensionVersion, @Ctx() ctx: RequestContext): Promise<VersionHosting | null> {
    const declared = await this.service.declaration(ctx, version.manifest);
    if (!declared) return null;
    return Object.assign(new VersionHosting(), {
      tier: declared.tier,
      managed: declared.managed,
      egress: declared.egress,
      healthPath: declared.healthPath,
      webhookPath: declared.webhookPath,
      monthlyCost: declared.price ? Money.of(declared.price.monthlyCostMinor, declared.price.currency) : null,
    });
  }

  @FieldResolver(() => VersionDeployment, {
    nullable: true,
    description: 'Kubernetes manifests for a published managed version (owner, reviewers, admins; null for others and for versions that are not managed)',
  })
  async deployment(@Root() version: ExtensionVersion, @Ctx() ctx: RequestContext): Promise<VersionDeployment | null> {
    const entity = await ctx.loaders.versionById.load(version.id);
    if (!entity || (await versionView(ctx, entity)) !== VersionView.FULL) return null;
    const built = await this.service.deployment(ctx, entity);
    if (!built) return null;
    return Object.assign(new VersionDeployment(), { yaml: built.yaml, kinds: built.objects.map(o => String(o.kind)), allowedEgress: built.egress });
  }
}

@Resolver(() => ReviewCase)
export class HostingReviewResolver {
  constructor(private readonly hosting: HostingService) {}

  @FieldResolver(() => [HealthCheck], { description: 'Health checks of the version’s staging deployment (seen with the case: reviewers and the owner)' })
  async healthChecks(@Root() reviewCase: ReviewCase, @Ctx() ctx: RequestContext): Promise<HealthCheck[]> {
    return (await this.hosting.checksForVersion(ctx, reviewCase.versionId)).map(HealthCheck.from);
  }
}
