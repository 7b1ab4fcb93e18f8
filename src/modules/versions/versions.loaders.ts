import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { byKey, groupByKey } from '../../shared/batch';
import { ExtensionVersionEntity, VersionStatus } from './version.entity';
import { semverDescSql } from './semver-order';

/** Per-request loaders of the versions module (one query per batch). */
export function createVersionsLoaders(manager: EntityManager) {
  return {
    versionById: new DataLoader<string, ExtensionVersionEntity | null>(async ids =>
      byKey(ids, await manager.findBy(ExtensionVersionEntity, { id: In([...ids]) }), r => r.id),
    ),
    latestPublishedByExtensionId: new DataLoader<string, ExtensionVersionEntity | null>(ids => latestPublishedOf(manager, ids)),
    /** The same batches without DataLoader's per-key promises, for a list resolver loading a whole page. */
    latestPublishedOf: (ids: readonly string[]) => latestPublishedOf(manager, ids),
    versionsByExtensionId: new DataLoader<string, ExtensionVersionEntity[]>(async ids =>
      groupByKey(
        ids,
        await manager.find(ExtensionVersionEntity, { where: { extensionId: In([...ids]) }, order: { submittedAt: 'DESC' } }),
        r => r.extensionId,
      ),
    ),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createVersionsLoaders> {}
}

/**
 * The newest published (or deprecated) version of each extension, in key order. The hot path of
 * every marketplace page: one indexed query, one row per extension, mapped by hand (measured:
 * TypeORM's entity mapping cost more than the query).
 */
async function latestPublishedOf(manager: EntityManager, ids: readonly string[]): Promise<(ExtensionVersionEntity | null)[]> {
  // One probe of ix_extension_versions_live_semver per extension (its order is semverDescSql's),
  // rather than reading and sorting every live version: a popular extension has hundreds.
  const raw: Record<string, unknown>[] = await manager.query(
    `SELECT v.* FROM unnest($1::uuid[]) AS k(extension_id)
       CROSS JOIN LATERAL (SELECT * FROM extension_versions v
                            WHERE v.extension_id = k.extension_id AND v.status IN ('PUBLISHED', 'DEPRECATED')
                            ORDER BY ${semverDescSql('v.version')} LIMIT 1) v`,
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
