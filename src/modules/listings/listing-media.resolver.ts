import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import type { ListingMediaService } from './listing-media.service';
import { ComplianceDocument, ComplianceDocumentKind, Listing, ListingScreenshot, screenshotUrl } from './listings.types';
import { ListingMediaKind } from './listing-media.entity';

/** Screenshots and compliance documents on `Listing`, and the owner's mutations for them. */
@Resolver(() => Listing)
export class ListingMediaResolver {
  constructor(private readonly media: ListingMediaService) {}

  @FieldResolver(() => [String], { description: 'URLs of the uploaded screenshots in display order, then any linked https:// URLs' })
  async screenshots(@Root() listing: Listing, @Ctx() ctx: RequestContext): Promise<string[]> {
    const uploaded = await ctx.loaders.screenshotsByExtensionId.load(listing.extensionId);
    return [...uploaded.map(screenshotUrl), ...(listing.screenshots ?? [])];
  }

  @FieldResolver(() => [ListingScreenshot], { description: 'Uploaded screenshots (PUT /listings/:appId/screenshots/:slot), in display order' })
  async screenshotImages(@Root() listing: Listing, @Ctx() ctx: RequestContext): Promise<ListingScreenshot[]> {
    return (await ctx.loaders.screenshotsByExtensionId.load(listing.extensionId)).map(ListingScreenshot.from);
  }

  @FieldResolver(() => [ComplianceDocument], {
    nullable: true,
    description: 'Security review and data-handling PDFs: for the owner, reviewers and organization admins (once published); null for everyone else',
  })
  async complianceDocuments(@Root() listing: Listing, @Ctx() ctx: RequestContext): Promise<ComplianceDocument[] | null> {
    if (!ctx.actor) return null;
    const extension = await ctx.loaders.extensionById.load(listing.extensionId);
    if (!extension || !(await this.media.mayReadCompliance(ctx, extension, !!listing.publishedAt))) return null;
    return (await ctx.loaders.complianceDocumentsByExtensionId.load(listing.extensionId)).map(ComplianceDocument.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => [ListingScreenshot], { description: "Puts the listing's screenshots in this order (every screenshot id exactly once)" })
  async reorderListingScreenshots(
    @Arg('appId') appId: string,
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<ListingScreenshot[]> {
    return (await this.media.reorderScreenshots(authed(ctx), appId, ids)).map(ListingScreenshot.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => [ListingScreenshot], { description: 'Removes one screenshot; the remaining ones keep their order' })
  async removeListingScreenshot(@Arg('appId') appId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ListingScreenshot[]> {
    return (await this.media.removeScreenshot(authed(ctx), appId, id)).map(ListingScreenshot.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => Boolean, { description: 'Removes the compliance document of this kind' })
  async removeComplianceDocument(
    @Arg('appId') appId: string,
    @Arg('kind', () => ComplianceDocumentKind) kind: ComplianceDocumentKind,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return this.media.removeComplianceDocument(authed(ctx), appId, kind === ComplianceDocumentKind.SECURITY_REVIEW ? ListingMediaKind.SECURITY_REVIEW : ListingMediaKind.DATA_HANDLING);
  }
}
