import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { DateTimeScalar } from '../../shared/scalars';
import { ExtensionVersion } from '../versions/versions.types';
import { OfferStatus, UpgradeOfferEntity } from './upgrade-offer.entity';
import type { UpgradesService } from './upgrades.service';
import { Installation } from './installs.types';
import { HostingCostConsentInput } from '../hosting/hosting.types';

@ObjectType({ simpleResolvers: true })
export class UpgradeOffer {
  @Field(() => ID)
  id: string;

  installationId: string;
  fromVersionId: string;
  toVersionId: string;

  @Field(() => [String], { description: 'Scopes accepting must grant' })
  newScopes: string[];

  @Field(() => OfferStatus)
  status: OfferStatus;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: UpgradeOfferEntity): UpgradeOffer {
    return Object.assign(new UpgradeOffer(), {
      id: e.id,
      installationId: e.installationId,
      fromVersionId: e.fromVersionId,
      toVersionId: e.toVersionId,
      newScopes: e.newScopes,
      status: e.status,
      createdAt: e.createdAt,
    });
  }
}

@Resolver(() => UpgradeOffer)
export class UpgradesResolver {
  constructor(private readonly upgrades: UpgradesService) {}

  @Authorized()
  @Query(() => [UpgradeOffer], { description: 'Open (or declined) upgrade offers for your or an organization’s installations' })
  async upgradeOffers(@Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null, @Ctx() ctx: RequestContext): Promise<UpgradeOffer[]> {
    return (await this.upgrades.offers(ctx, organizationId)).map(UpgradeOffer.from);
  }

  @Authorized()
  @Mutation(() => UpgradeOffer, { description: 'Accept (granting the new scopes: CONSENT_REQUIRED otherwise) or decline; a declined offer can still be accepted' })
  async respondToUpgradeOffer(
    @Arg('offerId', () => ID) offerId: string,
    @Arg('accept') accept: boolean,
    @Arg('grantedScopes', () => [String], { nullable: true }) grantedScopes: string[] | null,
    @Ctx() ctx: RequestContext,
    @Arg('hostingCost', () => HostingCostConsentInput, { nullable: true, description: 'The new tier and monthly cost, when the upgrade raises the hosting cost' })
    hostingCost?: HostingCostConsentInput | null,
  ): Promise<UpgradeOffer> {
    return UpgradeOffer.from(await this.upgrades.respond(authed(ctx), offerId, accept, grantedScopes ?? [], hostingCost ?? null));
  }

  @FieldResolver(() => Installation)
  async installation(@Root() offer: UpgradeOffer, @Ctx() ctx: RequestContext): Promise<Installation> {
    return Installation.from((await ctx.loaders.installationById.load(offer.installationId))!);
  }

  @FieldResolver(() => ExtensionVersion)
  async fromVersion(@Root() offer: UpgradeOffer, @Ctx() ctx: RequestContext): Promise<ExtensionVersion> {
    return (await ExtensionVersion.visible(ctx, await ctx.loaders.versionById.load(offer.fromVersionId)))!;
  }

  @FieldResolver(() => ExtensionVersion)
  async toVersion(@Root() offer: UpgradeOffer, @Ctx() ctx: RequestContext): Promise<ExtensionVersion> {
    return (await ExtensionVersion.visible(ctx, await ctx.loaders.versionById.load(offer.toVersionId)))!;
  }
}
