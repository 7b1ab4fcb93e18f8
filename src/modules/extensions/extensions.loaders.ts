import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { byKey, groupByKey } from '../../shared/batch';
import { ListingEntity } from '../listings/listing.entity';
import { InstallationEntity } from '../installs/installation.entity';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
import { semverDescSql } from '../versions/semver-order';
import { ExtensionEntity } from './extensions.entities';

/** Per-request loaders for extensions and their versions (one query per batch). */
export function createExtensionsLoaders(manager: EntityManager) {
  return {
    extensionById: new DataLoader<string, ExtensionEntity | null>(async ids =>
      byKey(ids, await manager.findBy(ExtensionEntity, { id: In([...ids]) }), r => r.id),
    ),
    versionById: new DataLoader<string, ExtensionVersionEntity | null>(async ids =>
      byKey(ids, await manager.findBy(ExtensionVersionEntity, { id: In([...ids]) }), r => r.id),
    ),
    listingByExtensionId: new DataLoader<string, ListingEntity | null>(ids => listingsOf(manager, ids)),
    latestPublishedByExtensionId: new DataLoader<string, ExtensionVersionEntity | null>(ids => latestPublishedOf(manager, ids)),
    /** The same batches without DataLoader's per-key promises, for a list resolver loading a whole page. */
    listingsOf: (ids: readonly string[]) => listingsOf(manager, ids),
    latestPublishedOf: (ids: readonly string[]) => latestPublishedOf(manager, ids),
    installationById: new DataLoader<string, InstallationEntity | null>(async ids =>
      byKey(ids, await manager.findBy(InstallationEntity, { id: In([...ids]) }), r => r.id),
    ),
    /** Active installations per extension; staging installs never count (docs/marketplace.md, "Staging"). */
    installCountByExtensionId: new DataLoader<string, number>(async ids => {
      const rows: { extension_id: string; n: number }[] = await manager.query(
        `SELECT extension_id, count(*)::int AS n FROM installations
          WHERE extension_id = ANY($1) AND status = 'ACTIVE' AND source <> 'STAGING' GROUP BY extension_id`,
        [[...ids]],
      );
      const map = new Map(rows.map(r => [r.extension_id, r.n]));
      return ids.map(id => map.get(id) ?? 0);
    }),
    versionsByExtensionId: new DataLoader<string, ExtensionVersionEntity[]>(async ids =>
      groupByKey(
        ids,
        await manager.find(ExtensionVersionEntity, { where: { extensionId: In([...ids]) }, order: { submittedAt: 'DESC' } }),
        r => r.extensionId,
      ),
    ),
  };
}

/** Listings of these extensions, in key order (null where there is none). */
async function listingsOf(manager: EntityManager, ids: readonly string[]): Promise<(ListingEntity | null)[]> {
  // Marketplace hot path as well: plain rows, mapped by hand.
  const raw: Record<string, unknown>[] = await manager.query(
    `SELECT extension_id, title, short_description, full_description, categories, screenshots, supported_languages,
            privacy_policy_url, support_contact, published_at, updated_at
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
    e.publishedAt = r.published_at as Date | null;
    e.updatedAt = r.updated_at as Date;
    return e;
  });
  return byKey(ids, rows, r => r.extensionId);
}

/**
 * The newest published (or deprecated) version of each extension, in key order. The hot path of
 * every marketplace page: one indexed query, one row per extension, mapped by hand (measured:
 * TypeORM's entity mapping cost more than the query).
 */
async function latestPublishedOf(manager: EntityManager, ids: readonly string[]): Promise<(ExtensionVersionEntity | null)[]> {
  const raw: Record<string, unknown>[] = await manager.query(
    `SELECT DISTINCT ON (extension_id) * FROM extension_versions
      WHERE extension_id = ANY($1) AND status IN ('PUBLISHED', 'DEPRECATED')
      ORDER BY extension_id, ${semverDescSql('version')}`,
    [[...ids]],
  );
  const rows = raw.map(r => {
    const e = new ExtensionVersionEntity();
    e.id = r.id as string;
    e.extensionId = r.extension_id as string;
    e.version = r.version as string;
    e.status = r.status as VersionStatus;
    e.source = r.source as never;
    e.packageSha256 = r.package_sha256 as string;
    e.gitUrl = r.git_url as string | null;
    e.gitRef = r.git_ref as string | null;
    e.gitCommitSha = r.git_commit_sha as string | null;
    e.manifest = r.manifest as Record<string, unknown> | null;
    e.report = r.report as Record<string, unknown> | null;
    e.declaredBump = r.declared_bump as string | null;
    e.requiredBump = r.required_bump as string | null;
    e.changeSummary = r.change_summary as Record<string, unknown> | null;
    e.reviewTriggers = (r.review_triggers ?? []) as never;
    e.docs = r.docs as Record<string, unknown> | null;
    e.submittedById = r.submitted_by_id as string;
    e.submittedAt = r.submitted_at as Date;
    e.validatedAt = r.validated_at as Date | null;
    e.publishedAt = r.published_at as Date | null;
    return e;
  });
  return byKey(ids, rows, r => r.extensionId);
}
