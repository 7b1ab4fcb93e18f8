import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import semver from 'semver';
import { ListingEntity } from '../listings/listing.entity';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
import { ExtensionEntity } from './extensions.entities';

/** Per-request loaders for extensions and their versions (one query per batch). */
export function createExtensionsLoaders(manager: EntityManager) {
  return {
    extensionById: new DataLoader<string, ExtensionEntity | null>(async ids => {
      const rows = await manager.findBy(ExtensionEntity, { id: In([...ids]) });
      const map = new Map(rows.map(r => [r.id, r]));
      return ids.map(id => map.get(id) ?? null);
    }),
    versionById: new DataLoader<string, ExtensionVersionEntity | null>(async ids => {
      const rows = await manager.findBy(ExtensionVersionEntity, { id: In([...ids]) });
      const map = new Map(rows.map(r => [r.id, r]));
      return ids.map(id => map.get(id) ?? null);
    }),
    listingByExtensionId: new DataLoader<string, ListingEntity | null>(async ids => {
      const rows = await manager.findBy(ListingEntity, { extensionId: In([...ids]) });
      const map = new Map(rows.map(r => [r.extensionId, r]));
      return ids.map(id => map.get(id) ?? null);
    }),
    latestPublishedByExtensionId: new DataLoader<string, ExtensionVersionEntity | null>(async ids => {
      const rows = await manager.find(ExtensionVersionEntity, {
        where: { extensionId: In([...ids]), status: In([VersionStatus.PUBLISHED, VersionStatus.DEPRECATED]) },
      });
      return ids.map(
        id =>
          rows
            .filter(r => r.extensionId === id && r.version && semver.valid(r.version))
            .sort((a, b) => semver.rcompare(a.version!, b.version!))[0] ?? null,
      );
    }),
    versionsByExtensionId: new DataLoader<string, ExtensionVersionEntity[]>(async ids => {
      const rows = await manager.find(ExtensionVersionEntity, { where: { extensionId: In([...ids]) }, order: { submittedAt: 'DESC' } });
      return ids.map(id => rows.filter(r => r.extensionId === id));
    }),
  };
}
