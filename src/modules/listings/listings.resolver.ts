import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Public } from '../../shared/auth/auth-checker';
import { pageSize, toConnection } from '../../shared/pagination';
import { Role } from '../accounts/roles';
import { Category, Extension } from '../extensions/extensions.types';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes, toolsOf } from '../validation/manifest-rules';
import { ExtensionDocsType, ExtensionVersion } from '../versions/versions.types';
import type { ListingsService } from './listings.service';
import { ExtensionConnection, Listing, ListingInput, MarketplaceArgs, ToolSummary } from './listings.types';

@Resolver(() => Category)
export class CategoryCountResolver {
  @FieldResolver(() => Int, { description: 'Published marketplace extensions in this category (system apps excluded)' })
  async count(@Root() category: Category, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.marketplaceCountByCategory.load(category.slug);
  }
}

@Resolver(() => Extension)
export class ListingsResolver {
  constructor(
    private readonly listings: ListingsService,
    private readonly maxPageSize: number,
  ) {}

  @Public()
  @Extensions({ connection: true })
  @Query(() => ExtensionConnection, { description: 'Published extensions (never system apps): search, category, sort' })
  async marketplace(@Args() args: MarketplaceArgs, @Ctx() ctx: RequestContext): Promise<ExtensionConnection> {
    const page = await this.listings.marketplace(ctx, { query: args.query, category: args.category, sort: args.sort }, pageSize(args.first, this.maxPageSize), args.after);
    return toConnection(page, Extension.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => Listing, { description: 'Edit the marketplace listing; boilerplate is refused per field' })
  async updateListing(@Arg('appId') appId: string, @Arg('input') input: ListingInput, @Ctx() ctx: RequestContext): Promise<Listing> {
    return Listing.from(await this.listings.update(ctx, appId, input));
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => ExtensionVersion, { description: 'APPROVED → PUBLISHED; the first publish needs a complete listing' })
  async publishVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ExtensionVersion> {
    return ExtensionVersion.from(await this.listings.publish(ctx, id));
  }

  @FieldResolver(() => Listing, { nullable: true })
  async listing(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<Listing | null> {
    const listing = await ctx.loaders.listingByExtensionId.load(extension.id);
    return listing && Listing.from(listing);
  }

  @FieldResolver(() => ExtensionVersion, { nullable: true, description: 'The newest published version' })
  async latestVersion(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<ExtensionVersion | null> {
    const version = await ctx.loaders.latestPublishedByExtensionId.load(extension.id);
    return version && ExtensionVersion.from(version);
  }

  @FieldResolver(() => [ToolSummary], { description: 'Tools of the newest published version' })
  async tools(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<ToolSummary[]> {
    const version = await ctx.loaders.latestPublishedByExtensionId.load(extension.id);
    return version?.manifest
      ? toolsOf(version.manifest as Manifest).map(t => Object.assign(new ToolSummary(), { name: t.name, description: t.description ?? '', actionType: t.action_type ?? null }))
      : [];
  }

  @FieldResolver(() => ExtensionDocsType, { nullable: true, description: 'Docs of the newest published version' })
  async docs(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<ExtensionDocsType | null> {
    const version = await ctx.loaders.latestPublishedByExtensionId.load(extension.id);
    return version ? ExtensionVersion.from(version).docs : null;
  }

  @FieldResolver(() => Int, { description: 'Active installations (staging installs excluded)' })
  async installCount(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.installCountByExtensionId.load(extension.id);
  }

  @FieldResolver(() => [String], { description: 'Scopes an installer must grant (newest published version)' })
  async scopes(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<string[]> {
    const version = await ctx.loaders.latestPublishedByExtensionId.load(extension.id);
    return version?.manifest ? declaredScopes(version.manifest as Manifest) : [];
  }
}
