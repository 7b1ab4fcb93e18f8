import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { ExtensionPricingEntity } from './billing.entities';

/** Per-request loaders of the billing module (one query per batch). */
export function createBillingLoaders(manager: EntityManager) {
  return {
    /** The newest pricing revision of each extension (null: never priced, free). */
    currentPricingByExtensionId: new DataLoader<string, ExtensionPricingEntity | null>(async ids => {
      const rows = await manager
        .getRepository(ExtensionPricingEntity)
        .createQueryBuilder('p')
        .distinctOn(['p.extensionId'])
        .where('p.extensionId IN (:...ids)', { ids: [...ids] })
        .orderBy('p.extensionId')
        .addOrderBy('p.revision', 'DESC')
        .getMany();
      const byExtension = new Map(rows.map(r => [r.extensionId, r]));
      return ids.map(id => byExtension.get(id) ?? null);
    }),
    pricingById: new DataLoader<string, ExtensionPricingEntity | null>(async ids => {
      const rows = await manager.getRepository(ExtensionPricingEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map(r => [r.id, r]));
      return ids.map(id => byId.get(id) ?? null);
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createBillingLoaders> {}
}
