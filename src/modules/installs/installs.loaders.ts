import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { byKey } from '../../shared/batch';
import { InstallationEntity } from './installation.entity';

/** Per-request loaders of the installs module (one query per batch). */
export function createInstallsLoaders(manager: EntityManager) {
  return {
    installationById: new DataLoader<string, InstallationEntity | null>(async ids =>
      byKey(ids, await manager.findBy(InstallationEntity, { id: In([...ids]) }), r => r.id),
    ),
    /**
     * Active installations per extension; staging installs never count (docs/marketplace.md,
     * "Staging"). Read from the counters the installations triggers keep (ExtensionInstallCountEntity).
     */
    installCountByExtensionId: new DataLoader<string, number>(async ids => {
      const rows: { extension_id: string; n: number }[] = await manager.query(
        `SELECT extension_id, active_count AS n FROM extension_install_counts WHERE extension_id = ANY($1)`,
        [[...ids]],
      );
      const map = new Map(rows.map(r => [r.extension_id, r.n]));
      return ids.map(id => map.get(id) ?? 0);
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createInstallsLoaders> {}
}
