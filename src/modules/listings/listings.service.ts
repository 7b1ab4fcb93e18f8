import { EventTypes, InternalEventTypes } from '../events/event-types';
import { createHash } from 'node:crypto';
import { isEmail, isURL } from 'class-validator';
import type { PackagesService } from '../packages/packages.service';
import { checkSvgBytes } from '../validation/icon/svg-icon';
import { In } from 'typeorm';
import type { RequestContext } from '../../context';
import { repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, FieldError, InvalidStateError } from '../../shared/errors';
import { decodeCursor, encodeCursor, Page } from '../../shared/pagination';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { CategoryEntity, ExtensionEntity } from '../extensions/extensions.entities';
import type { ExtensionsService } from '../extensions/extensions.service';
import type { Manifest } from '../validation/manifest-layer';
import { declaredScopes, toolsOf } from '../validation/manifest-rules';
import { ExtensionVersionEntity, LIVE_STATUSES, VersionStatus } from '../versions/version.entity';
import { ListingEntity } from './listing.entity';
import type { VersionLifecycle } from '../versions/version-lifecycle';
import { newestVersion } from '../versions/semver-order';
import { isKiketManifest, kiketIconPath } from '../validation/kiket/kiket-adapter';

export interface ListingChanges {
  title?: string | null;
  shortDescription?: string | null;
  fullDescription?: string | null;
  categories?: string[] | null;
  screenshots?: string[] | null;
  supportedLanguages?: string[] | null;
  privacyPolicyUrl?: string | null;
  supportContact?: string | null;
  supportResponseHours?: number | null;
}

export enum MarketplaceSort {
  RELEVANCE = 'RELEVANCE',
  INSTALLS = 'INSTALLS',
  NEWEST = 'NEWEST',
  /** Bayesian average of visible ratings (docs/ratings.md, "The RATING sort"), then rating count. */
  RATING = 'RATING',
}

const PLACEHOLDER = /\b(todo|tbd|fixme|lorem ipsum|description here|placeholder|insert (a )?description)\b/i;

/** The version a listing describes: newest published, else the newest with a manifest. */
async function describedVersion(ctx: RequestContext, extensionId: string): Promise<ExtensionVersionEntity | null> {
  const versions = await repo(ctx, ExtensionVersionEntity).find({ where: { extensionId } });
  const withManifest = versions.filter(v => v.manifest);
  return (
    newestVersion(withManifest.filter(v => LIVE_STATUSES.includes(v.status))) ??
    newestVersion(withManifest.filter(v => v.status !== VersionStatus.VALIDATION_FAILED))
  );
}

/** Privacy policy is required for write/destructive tools or any scope beyond read (docs/marketplace.md, "Listing"). */
export function needsPrivacyPolicy(manifest: Manifest | null): boolean {
  if (!manifest) return false;
  const mutating = toolsOf(manifest).some(t => t.action_type === 'write' || t.action_type === 'destructive');
  const beyondRead = declaredScopes(manifest).some(s => !/[.:]read$/.test(s));
  return mutating || beyondRead;
}

/**
 * Marketplace listings: editing with field-level refusals of boilerplate, publishing an approved
 * version (the first publish needs a complete listing), and the marketplace reads. System apps
 * never appear in a marketplace read (I-MARKETPLACE-HIDES-SYSTEM).
 */
export class ListingsService {
  constructor(
    private readonly extensions: ExtensionsService,
    private readonly packages: PackagesService,
    lifecycle: VersionLifecycle,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {
    // The first publish needs a complete listing; INVALID_STATE names what is missing.
    lifecycle.guard(VersionStatus.PUBLISHED, async (tx, version) => {
      const listing = await repo(tx, ListingEntity).findOneBy({ extensionId: version.extensionId });
      const missing = this.missingFields(listing, version.manifest as Manifest | null);
      if (missing.length) throw new InvalidStateError(`The listing is incomplete: ${missing.join(', ')}`, { missingFields: missing });
    });
    // A published version puts its listing on the marketplace and its tools into search.
    events.on(EventTypes.VERSION_PUBLISHED, async (tx, event) => {
      await repo(tx, ListingEntity).update(event.data.extensionId, { publishedAt: () => 'coalesce(published_at, now())' } as never);
      await this.refreshSearch(tx, event.data.extensionId);
    });
  }

  async update(ctx: RequestContext, appId: string, input: ListingChanges): Promise<ListingEntity> {
    const extension = await this.extensions.getOwned(ctx, appId);
    const fields: FieldError[] = [];
    const text = (path: keyof ListingChanges, value: string | null | undefined, min: number, max: number) => {
      if (value === undefined || value === null) return;
      const v = value.trim();
      if (v.length < min || v.length > max) fields.push({ path, message: `${path} must be ${min} to ${max} characters` });
      else if (v.toLowerCase() === appId) fields.push({ path, message: `${path} must not be the app id` });
      else if (PLACEHOLDER.test(v)) fields.push({ path, message: `${path} looks like placeholder text` });
    };
    text('title', input.title, 3, 80);
    text('shortDescription', input.shortDescription, 20, 160);
    text('fullDescription', input.fullDescription, 40, 2000);
    if (input.categories) {
      const known = await repo(ctx, CategoryEntity).countBy({ slug: In(input.categories) });
      if (!input.categories.length) fields.push({ path: 'categories', message: 'choose at least one category' });
      else if (known !== new Set(input.categories).size) fields.push({ path: 'categories', message: 'categories must come from the categories query' });
    }
    if (input.privacyPolicyUrl && !isURL(input.privacyPolicyUrl, { protocols: ['https'], require_protocol: true })) {
      fields.push({ path: 'privacyPolicyUrl', message: 'privacyPolicyUrl must be an https:// URL' });
    }
    if (input.supportContact && !isEmail(input.supportContact) && !isURL(input.supportContact, { protocols: ['https'], require_protocol: true })) {
      fields.push({ path: 'supportContact', message: 'supportContact must be an email address or an https:// URL' });
    }
    for (const [i, url] of (input.screenshots ?? []).entries()) {
      if (!isURL(url, { protocols: ['https'], require_protocol: true })) fields.push({ path: `screenshots.${i}`, message: 'screenshots must be https:// URLs' });
    }
    if (input.fullDescription && fields.every(f => f.path !== 'fullDescription')) {
      const copied = await repo(ctx, ListingEntity)
        .createQueryBuilder('l')
        .where('l.extension_id <> :id AND lower(trim(l.full_description)) = lower(trim(:text))', { id: extension.id, text: input.fullDescription })
        .getExists();
      if (copied) fields.push({ path: 'fullDescription', message: 'fullDescription is copied from another listing' });
    }
    if (fields.length) throw new BadUserInputError('The listing was refused', fields);
    return withTransaction(ctx, async tx => {
      const listings = repo(tx, ListingEntity);
      const listing = (await listings.findOne({ where: { extensionId: extension.id }, lock: { mode: 'for_no_key_update' } })) ?? listings.create({ extensionId: extension.id });
      for (const key of Object.keys(input) as (keyof ListingChanges)[]) {
        const value = input[key];
        if (value === undefined) continue;
        (listing as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value ?? (Array.isArray(listing[key]) ? [] : null);
      }
      const saved = await listings.save(listing);
      await this.refreshSearch(tx, extension.id);
      await this.audit.record(tx, { action: 'listing.update', targetType: 'Extension', targetId: extension.id, data: { fields: Object.keys(input) } });
      await this.events.append(tx, InternalEventTypes.LISTING_UPDATED, { subjectType: 'Extension', subjectId: extension.id, appId, audienceUserId: extension.ownerId, data: {} });
      return saved;
    });
  }

  missingFields(listing: ListingEntity | null, manifest: Manifest | null): string[] {
    const missing: string[] = [];
    if (!listing?.title) missing.push('title');
    if (!listing?.shortDescription) missing.push('shortDescription');
    if (!listing?.fullDescription) missing.push('fullDescription');
    if (!listing?.categories.length) missing.push('categories');
    if (!listing?.supportContact) missing.push('supportContact');
    if (!listing?.privacyPolicyUrl && needsPrivacyPolicy(manifest)) missing.push('privacyPolicyUrl');
    return missing;
  }

  /** Rebuilds the search document from the listing text and the described version's tools. */
  private async refreshSearch(ctx: RequestContext, extensionId: string): Promise<void> {
    const version = await describedVersion(ctx, extensionId);
    const tools = version?.manifest ? toolsOf(version.manifest as Manifest).map(t => `${t.name.replace(/_/g, ' ')} ${t.description ?? ''}`).join(' ') : '';
    await ctx.manager.query(
      `UPDATE listings l SET search_document =
         setweight(to_tsvector('english', coalesce(l.title, '') || ' ' || e.display_name || ' ' || e.app_id), 'A') ||
         setweight(to_tsvector('english', coalesce(l.short_description, '')), 'B') ||
         setweight(to_tsvector('english', coalesce(l.full_description, '')), 'C') ||
         setweight(to_tsvector('english', $2), 'D')
       FROM extensions e WHERE e.id = l.extension_id AND l.extension_id = $1`,
      [extensionId, tools],
    );
  }

  async getListing(ctx: RequestContext, extensionId: string): Promise<ListingEntity | null> {
    return repo(ctx, ListingEntity).findOneBy({ extensionId });
  }

  /**
   * The marketplace: published, non-system extensions; full-text search ranked with an exact
   * name match first; category filter; sort by relevance, installs, newest or rating. Offset cursors:
   * relevance order has no stable key to seek on.
   */
  async marketplace(
    ctx: RequestContext,
    options: { query?: string | null; category?: string | null; sort?: MarketplaceSort | null },
    first: number,
    after?: string | null,
  ): Promise<Page<ExtensionEntity>> {
    const offset = after ? Number(decodeCursor(after, 'mp', 1)[0]) + 1 : 0;
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    // Only LISTED extensions: paused, suspended and delisted ones are off the marketplace (docs/runtime.md).
    const extensionWhere = ['e.system = false', `e.availability = 'LISTED'`];
    const listingWhere = ['l.published_at IS NOT NULL'];
    // Containment, so the GIN index on categories serves a category page.
    if (options.category) listingWhere.push(`l.categories @> ARRAY[${p(options.category)}::text]`);
    const q = options.query?.trim();
    // `m`: the published listings on offer (extension_id, published_at, score). A search scores
    // its matches where it finds them: text matches (ix_listings_search) with their rank, plus
    // 1000 for an exact app id or title (the lower-case indexes, looked up once). Exact-only
    // matches are a second branch. Ranking inside the listings scan keeps the plan from joining
    // the listings a second time for each match: a broad term ("invoice", half the catalogue)
    // cost 32 ms of PostgreSQL time that way, 12.5 ms this way (docs/benchmarks.md).
    const listed = listingWhere.join(' AND ');
    let m = `(SELECT l.extension_id, l.published_at, 0 AS score FROM listings l WHERE ${listed}) m`;
    if (q) {
      const term = p(q);
      m = `(WITH s AS MATERIALIZED (
              SELECT websearch_to_tsquery('english', ${term}) AS tsq,
                     ARRAY(SELECT id FROM extensions WHERE lower(app_id) = lower(${term})
                           UNION SELECT extension_id FROM listings WHERE lower(title) = lower(${term})) AS exact)
            SELECT l.extension_id, l.published_at,
                   ts_rank(l.search_document, s.tsq) + CASE WHEN l.extension_id = ANY(s.exact) THEN 1000 ELSE 0 END AS score
              FROM listings l, s WHERE l.search_document @@ s.tsq AND ${listed}
            UNION ALL
            SELECT l.extension_id, l.published_at, 1000 FROM listings l, s
             WHERE l.extension_id = ANY(s.exact) AND (l.search_document @@ s.tsq) IS NOT TRUE AND ${listed}) m`;
    }
    const sort = options.sort ?? (q ? MarketplaceSort.RELEVANCE : MarketplaceSort.NEWEST);
    const order =
      sort === MarketplaceSort.RELEVANCE
        ? `m.score DESC, m.published_at DESC, e.id`
        : sort === MarketplaceSort.INSTALLS
          ? `install_count DESC, m.published_at DESC, e.id`
          : sort === MarketplaceSort.RATING
            ? `rs.bayesian_average DESC, rs.rating_count DESC, m.published_at DESC, e.id`
            : `m.published_at DESC, e.id`;
    // The RATING sort reads the ratings module's `extension_rating_scores` view (one row per
    // extension, its Bayesian average computed there); listings never imports the ratings module
    // (docs/architecture.md, "Module graph").
    const ratingJoin = sort === MarketplaceSort.RATING ? ' JOIN extension_rating_scores rs ON rs.extension_id = e.id' : '';
    // The INSTALLS sort reads the installs module's per-extension counters (kept by triggers on
    // installations) rather than counting millions of installation rows on each page.
    const installsJoin = sort === MarketplaceSort.INSTALLS ? ' LEFT JOIN extension_install_counts ic ON ic.extension_id = e.id' : '';
    const from = `FROM ${m} JOIN extensions e ON e.id = m.extension_id${ratingJoin}${installsJoin} WHERE ${extensionWhere.join(' AND ')}`;
    // The install count is read only when it orders the page (Extension.installCount has its own loader).
    const installCount = sort === MarketplaceSort.INSTALLS ? `, coalesce(ic.active_count, 0) AS install_count` : '';
    // The window that counts the matches and the top-N sort carry only the id and the sort keys;
    // the page's rows are read by primary key afterwards. Carrying whole extension rows through
    // the count of every listed extension cost about 40% of the page (docs/benchmarks.md,
    // "Catalogue of millions"). `pos` keeps the sorted subquery's order: a window with an empty
    // OVER () numbers rows in the order its input delivers them.
    const rows: (Record<string, unknown> & { total: number })[] = await ctx.manager.query(
      `SELECT e.*, page.total FROM (
         SELECT p.page_id, p.total, row_number() OVER () AS pos FROM (
           SELECT e.id AS page_id${installCount}, count(*) OVER () AS total ${from} ORDER BY ${order} OFFSET ${offset} LIMIT ${first + 1}
         ) p
       ) page JOIN extensions e ON e.id = page.page_id ORDER BY page.pos`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : Number((await ctx.manager.query(`SELECT count(*)::int AS n ${from}`, params))[0].n);
    const items = rows.slice(0, first).map(r =>
      Object.assign(new ExtensionEntity(), {
        id: r.id,
        appId: r.app_id,
        displayName: r.display_name,
        category: r.category,
        ownerId: r.owner_id,
        system: r.system,
        format: r.format,
        createdAt: r.created_at,
        availability: r.availability,
        availabilityReason: r.availability_reason,
        availabilityChangedAt: r.availability_changed_at,
      }),
    );
    const positions = new Map(items.map((item, i) => [item.id, offset + i]));
    return { items, hasNextPage: rows.length > first, totalCount: total, cursorOf: e => encodeCursor('mp', positions.get(e.id) ?? 0) };
  }

  /**
   * The icon of a published, non-system extension's newest version, re-checked (V21) before it
   * is served; null when there is none.
   */
  async icon(ctx: RequestContext, appId: string): Promise<{ svg: Buffer; etag: string } | null> {
    const extension = await repo(ctx, ExtensionEntity).findOneBy({ appId });
    const listing = extension && !extension.system ? await repo(ctx, ListingEntity).findOneBy({ extensionId: extension.id }) : null;
    if (!extension || !listing?.publishedAt) return null;
    const versions = await repo(ctx, ExtensionVersionEntity).find({ where: { extensionId: extension.id, status: In(LIVE_STATUSES) } });
    const latest = newestVersion(versions);
    const manifest = latest?.manifest;
    // A Kiket manifest names its icon under extension.assets; either way it is re-checked (V21) below.
    const iconPath = isKiketManifest(manifest) ? kiketIconPath(manifest) : typeof manifest?.icon === 'string' ? manifest.icon.replace(/^\.\//, '') : null;
    if (!latest || !iconPath) return null;
    const checked = await this.packages.openBlob(latest.packageSha256, path => path === iconPath);
    const svg = checked.files.get(iconPath);
    if (!svg || checkSvgBytes(iconPath, svg).length) return null;
    return { svg, etag: `"${createHash('sha256').update(svg).digest('hex')}"` };
  }

  describedVersion(ctx: RequestContext, extensionId: string) {
    return describedVersion(ctx, extensionId);
  }
}
