import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Public } from '../../shared/auth/auth-checker';
import { pageSize, toConnection } from '../../shared/pagination';
import { Role } from '../../shared/auth/roles';
import { Category, Extension } from '../extensions/extensions.types';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes, toolsOf } from '../validation/manifest-rules';
import { ExtensionDocsType, ExtensionVersion } from '../versions/versions.types';
import { versionViewWithoutLookup, VersionView } from '../versions/version.policy';
import type { ListingsService } from './listings.service';
import type { ListingEntity } from './listing.entity';
import type { ExtensionVersionEntity } from '../versions/version.entity';
import { selectsAny } from '../../shared/selection';
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
  async marketplace(@Args() args: MarketplaceArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ExtensionConnection> {
    const page = await this.listings.marketplace(ctx, { query: args.query, category: args.category, sort: args.sort }, pageSize(args.first, this.maxPageSize), args.after);
    const connection = toConnection(page, Extension.from);
    // A page of cards reads every row's listing and newest version: load both batches here (the
    // same two statements the loaders send) so the nested fields resolve without a promise each.
    const nodes = connection.edges.map(edge => edge.node);
    const wantsListing = selectsAny(info, ['edges', 'node'], ['listing']);
    const wantsVersion = selectsAny(info, ['edges', 'node'], ['latestVersion', 'tools', 'docs', 'scopes']);
    const ids = nodes.map(node => node.id);
    if (!ids.length) return connection;
    const [listings, versions] = await Promise.all([
      wantsListing ? ctx.loaders.listingsOf(ids) : null,
      wantsVersion ? ctx.loaders.latestPublishedOf(ids) : null,
    ]);
    nodes.forEach((node, i) => {
      preloaded.set(node, { listing: listings ? listings[i] : undefined, version: versions ? versions[i] : undefined });
    });
    return connection;
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => Listing, { description: 'Edit the marketplace listing; boilerplate is refused per field' })
  async updateListing(@Arg('appId') appId: string, @Arg('input') input: ListingInput, @Ctx() ctx: RequestContext): Promise<Listing> {
    return Listing.from(await this.listings.update(ctx, appId, input));
  }

  @FieldResolver(() => Listing, { nullable: true })
  listing(@Root() extension: Extension, @Ctx() ctx: RequestContext): MaybePromise<Listing | null> {
    const toListing = (listing: ListingEntity | null) => listing && Listing.from(listing);
    const listing = preloaded.get(extension)?.listing;
    if (listing !== undefined) return toListing(listing);
    return ctx.loaders.listingByExtensionId.load(extension.id).then(toListing);
  }

  @FieldResolver(() => ExtensionVersion, { nullable: true, description: 'The newest published version' })
  latestVersion(@Root() extension: Extension, @Ctx() ctx: RequestContext): MaybePromise<ExtensionVersion | null> {
    // Published or deprecated, so the policy answers without a lookup (PUBLIC, or FULL for the owner and staff).
    return then(latestOf(extension, ctx), version => version && ExtensionVersion.from(version, versionViewWithoutLookup(ctx, version, extension.ownerId) === VersionView.FULL ? VersionView.FULL : VersionView.PUBLIC));
  }

  @FieldResolver(() => [ToolSummary], { description: 'Tools of the newest published version' })
  tools(@Root() extension: Extension, @Ctx() ctx: RequestContext): MaybePromise<ToolSummary[]> {
    return then(latestOf(extension, ctx), version =>
      version?.manifest
        ? toolsOf(version.manifest as Manifest).map((t): ToolSummary => ({ name: t.name, description: t.description ?? '', actionType: t.action_type ?? null }))
        : [],
    );
  }

  @FieldResolver(() => ExtensionDocsType, {
    nullable: true,
    description: 'Docs of the newest published version, or those a later push to its git repository synced (README "Publish a Kiket extension")',
  })
  async docs(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<ExtensionDocsType | null> {
    return then(latestOf(extension, ctx), async (version): Promise<ExtensionDocsType | null> => {
      if (!version) return null;
      const published = ExtensionVersion.from(version, VersionView.PUBLIC).docs;
      // Docs re-sync on every push (docs/marketplace.md, "Listing"): newer than the publication, a push's docs win.
      const synced = await ctx.loaders.syncedDocsByExtensionId.load(extension.id);
      return synced && (!version.publishedAt || synced.syncedAt > version.publishedAt) ? (synced.docs as unknown as ExtensionDocsType) : published;
    });
  }

  @FieldResolver(() => Int, { description: 'Active installations (staging installs excluded)' })
  async installCount(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.installCountByExtensionId.load(extension.id);
  }

  @FieldResolver(() => [String], { description: 'Scopes an installer must grant (newest published version)' })
  scopes(@Root() extension: Extension, @Ctx() ctx: RequestContext): MaybePromise<string[]> {
    return then(latestOf(extension, ctx), version => (version?.manifest ? declaredScopes(version.manifest as Manifest) : []));
  }
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Rows a list resolver loaded for a whole page at once (undefined: not loaded, null: none), so
 * nested fields answer without a loader call each. Held beside the page's `Extension` objects,
 * which belong to the extensions module and do not know listings or versions.
 */
const preloaded = new WeakMap<Extension, { listing?: ListingEntity | null; version?: ExtensionVersionEntity | null }>();

/** Applies `f` now to a plain value, or later to a promise's. */
function then<T, R>(value: MaybePromise<T>, f: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** The extension's newest published version: preloaded with its page, else through the loader. */
function latestOf(extension: Extension, ctx: RequestContext): MaybePromise<ExtensionVersionEntity | null> {
  const version = preloaded.get(extension)?.version;
  return version !== undefined ? version : ctx.loaders.latestPublishedByExtensionId.load(extension.id);
}

