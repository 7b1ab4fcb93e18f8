import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { ExtensionPricingEntity, InvoiceLineEntity } from './billing.entities';

/** Per-request loaders of the billing module (one query per batch). */
export function createBillingLoaders(manager: EntityManager) {
  return {
    /** The newest pricing revision of each extension (null: never priced, free). */
    currentPricingByExtensionId: new DataLoader<string, ExtensionPricingEntity | null>(async ids => {
      const newest: { id: string }[] = await manager.query(
        `SELECT DISTINCT ON (extension_id) id FROM extension_pricing WHERE extension_id = ANY($1::uuid[]) ORDER BY extension_id, revision DESC`,
        [[...ids]],
      );
      const rows = newest.length ? await manager.getRepository(ExtensionPricingEntity).findBy({ id: In(newest.map(r => r.id)) }) : [];
      const byExtension = new Map(rows.map(r => [r.extensionId, r]));
      return ids.map(id => byExtension.get(id) ?? null);
    }),
    pricingById: new DataLoader<string, ExtensionPricingEntity | null>(async ids => {
      const rows = await manager.getRepository(ExtensionPricingEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map(r => [r.id, r]));
      return ids.map(id => byId.get(id) ?? null);
    }),
    /** Each invoice's lines, in statement order (one query for a whole list of invoices). */
    linesByInvoiceId: new DataLoader<string, InvoiceLineEntity[]>(async ids => {
      const rows = await manager.getRepository(InvoiceLineEntity).find({ where: { invoiceId: In([...ids]) }, order: { kind: 'ASC', description: 'ASC', id: 'ASC' } });
      return ids.map(id => rows.filter(r => r.invoiceId === id));
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createBillingLoaders> {}
}
