import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { byKey } from '../../shared/batch';
import { ExtensionEntity } from './extensions.entities';

/** Per-request loaders of the extensions module (one query per batch). */
export function createExtensionsLoaders(manager: EntityManager) {
  return {
    extensionById: new DataLoader<string, ExtensionEntity | null>(async ids =>
      byKey(ids, await manager.findBy(ExtensionEntity, { id: In([...ids]) }), r => r.id),
    ),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createExtensionsLoaders> {}
}
