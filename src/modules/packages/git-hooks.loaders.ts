import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { ExtensionGitSourceEntity } from './git-hooks.entities';

/** Docs a push synced, per extension (one query per batch of listings). */
export function createGitHooksLoaders(manager: EntityManager) {
  return {
    /** The tracked git repository per extension (`Extension.gitSource` on a list of extensions). */
    gitSourceByExtensionId: new DataLoader<string, ExtensionGitSourceEntity | null>(async ids => {
      const rows = await manager.getRepository(ExtensionGitSourceEntity).findBy({ extensionId: In([...ids]) });
      const byId = new Map(rows.map(r => [r.extensionId, r]));
      return ids.map(id => byId.get(id) ?? null);
    }),
    syncedDocsByExtensionId: new DataLoader<string, { docs: Record<string, unknown>; syncedAt: Date } | null>(async ids => {
      const rows = await manager.getRepository(ExtensionGitSourceEntity).find({
        where: { extensionId: In([...ids]) },
        select: { extensionId: true, docs: true, docsSyncedAt: true },
      });
      const byId = new Map(rows.filter(r => r.docs && r.docsSyncedAt).map(r => [r.extensionId, { docs: r.docs!, syncedAt: r.docsSyncedAt! }]));
      return ids.map(id => byId.get(id) ?? null);
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createGitHooksLoaders> {}
}
