import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { ListingMediaEntity, ListingMediaKind } from './listing-media.entity';
import { byKey } from '../../shared/batch';
import { ListingEntity } from './listing.entity';

/** Per-request loaders of the listings module. */
export function createListingsLoaders(manager: EntityManager) {
  return {
    listingByExtensionId: new DataLoader<string, ListingEntity | null>(ids => listingsOf(manager, ids)),
    /** The same batches without DataLoader's per-key promises, for a list resolver loading a whole page. */
    listingsOf: (ids: readonly string[]) => listingsOf(manager, ids),
    /** Published, non-system, LISTED extensions per category slug: one grouped query for all categories. */
    marketplaceCountByCategory: new DataLoader<string, number>(async slugs => {
      const rows: { slug: string; n: number }[] = await manager.query(
        `SELECT c.slug, count(e.id)::int AS n FROM categories c
           LEFT JOIN listings l ON c.slug = ANY(l.categories) AND l.published_at IS NOT NULL
           LEFT JOIN extensions e ON e.id = l.extension_id AND e.system = false AND e.availability = 'LISTED'
          WHERE c.slug = ANY($1) GROUP BY c.slug`,
        [[...slugs]],
      );
      const map = new Map(rows.map(r => [r.slug, r.n]));
      return slugs.map(s => map.get(s) ?? 0);
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createListingsLoaders> {}
}

/** Listings of these extensions, in key order (null where there is none). */
async function listingsOf(manager: EntityManager, ids: readonly string[]): Promise<(ListingEntity | null)[]> {
  // Marketplace hot path as well: plain rows, mapped by hand.
  const raw: Record<string, unknown>[] = await manager.query(
    `SELECT extension_id, title, short_description, full_description, categories, screenshots, supported_languages,
            privacy_policy_url, support_contact, support_response_hours, published_at, updated_at
       FROM listings WHERE extension_id = ANY($1)`,
    [[...ids]],
  );
  // Assigned field by field: one object per row (no intermediate literal), on every page.
  const rows = raw.map(r => {
    const e = new ListingEntity();
    e.extensionId = r.extension_id as string;
    e.title = r.title as string | null;
    e.shortDescription = r.short_description as string | null;
    e.fullDescription = r.full_description as string | null;
    e.categories = r.categories as string[];
    e.screenshots = r.screenshots as string[];
    e.supportedLanguages = r.supported_languages as string[];
    e.privacyPolicyUrl = r.privacy_policy_url as string | null;
    e.supportContact = r.support_contact as string | null;
    e.supportResponseHours = r.support_response_hours as number | null;
    e.publishedAt = r.published_at as Date | null;
    e.updatedAt = r.updated_at as Date;
    return e;
  });
  return byKey(ids, rows, r => r.extensionId);
}

/** Per-request loaders of listing media (screenshots, compliance documents) and of who may see compliance documents. */
export function createListingMediaLoaders(manager: EntityManager) {
  const mediaOf = (kinds: ListingMediaKind[]) =>
    new DataLoader<string, ListingMediaEntity[]>(async ids => {
      const rows = await manager.getRepository(ListingMediaEntity).find({ where: { extensionId: In([...ids]), kind: In(kinds) }, order: { position: 'ASC', kind: 'ASC' } });
      return ids.map(id => rows.filter(r => r.extensionId === id));
    });
  return {
    screenshotsByExtensionId: mediaOf([ListingMediaKind.SCREENSHOT]),
    complianceDocumentsByExtensionId: mediaOf([ListingMediaKind.SECURITY_REVIEW, ListingMediaKind.DATA_HANDLING]),
    /** Whether the user is an OWNER or ADMIN of at least one organization (OrganizationAccess.ADMINISTER). */
    administersAnOrganization: new DataLoader<string, boolean>(async userIds => {
      const rows: { user_id: string }[] = await manager.query(
        `SELECT DISTINCT user_id FROM organization_members WHERE user_id = ANY($1) AND role IN ('OWNER', 'ADMIN')`,
        [[...userIds]],
      );
      const admins = new Set(rows.map(r => r.user_id));
      return userIds.map(id => admins.has(id));
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createListingMediaLoaders> {}
}
