import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { HostingTierEntity } from './hosting.entities';

/** The tier table, read once per request however many versions show their hosting cost. */
export function createHostingLoaders(manager: EntityManager) {
  return {
    hostingTierTable: new DataLoader<'all', HostingTierEntity[]>(async keys => {
      const tiers = await manager.getRepository(HostingTierEntity).find();
      return keys.map(() => tiers);
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createHostingLoaders> {}
}
