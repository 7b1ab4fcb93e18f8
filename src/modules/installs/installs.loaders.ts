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
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createInstallsLoaders> {}
}
