import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { ExtensionVersionEntity } from '../versions/version.entity';
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
    versionsByExtensionId: new DataLoader<string, ExtensionVersionEntity[]>(async ids => {
      const rows = await manager.find(ExtensionVersionEntity, { where: { extensionId: In([...ids]) }, order: { submittedAt: 'DESC' } });
      return ids.map(id => rows.filter(r => r.extensionId === id));
    }),
  };
}
