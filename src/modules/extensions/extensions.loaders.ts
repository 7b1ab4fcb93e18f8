import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import semver from 'semver';
import { byKey, groupByKey } from '../../shared/batch';
import { ListingEntity } from '../listings/listing.entity';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
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
    listingByExtensionId: new DataLoader<string, ListingEntity | null>(async ids =>
      byKey(ids, await manager.findBy(ListingEntity, { extensionId: In([...ids]) }), r => r.extensionId),
    ),
    latestPublishedByExtensionId: new DataLoader<string, ExtensionVersionEntity | null>(async ids => {
      const rows = await manager.find(ExtensionVersionEntity, {
        where: { extensionId: In([...ids]), status: In([VersionStatus.PUBLISHED, VersionStatus.DEPRECATED]) },
      });
      return groupByKey(ids, rows, r => r.extensionId).map(
        list => list.filter(r => r.version && semver.valid(r.version)).sort((a, b) => semver.rcompare(a.version!, b.version!))[0] ?? null,
      );
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
