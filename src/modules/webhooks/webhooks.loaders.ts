import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { groupByKey } from '../../shared/batch';
import { WebhookAttemptEntity, WebhookDeliveryEntity } from './webhook.entities';

/** Per-request loaders for webhook endpoints' deliveries and their attempts (one query per batch). */
export function createWebhooksLoaders(manager: EntityManager) {
  const recentByPageSize = new Map<number, DataLoader<string, WebhookDeliveryEntity[]>>();
  return {
    /** The newest `first` deliveries of each endpoint, newest first: one query for all endpoints. */
    recentWebhookDeliveries(first: number): DataLoader<string, WebhookDeliveryEntity[]> {
      let loader = recentByPageSize.get(first);
      if (!loader) {
        loader = new DataLoader(async endpointIds => {
          const rows = await manager
            .getRepository(WebhookDeliveryEntity)
            .createQueryBuilder('d')
            .where(
              `d.id IN (SELECT r.id FROM (SELECT id, row_number() OVER (PARTITION BY endpoint_id ORDER BY created_at DESC, event_id DESC) AS n
                                             FROM webhook_deliveries WHERE endpoint_id = ANY(:ids)) r WHERE r.n <= :first)`,
              { ids: [...endpointIds], first },
            )
            .orderBy('d.created_at', 'DESC')
            .addOrderBy('d.event_id', 'DESC')
            .getMany();
          return groupByKey(endpointIds, rows, r => r.endpointId);
        });
        recentByPageSize.set(first, loader);
      }
      return loader;
    },
    /** Every attempt of each delivery, oldest first. */
    webhookAttemptsByDeliveryId: new DataLoader<string, WebhookAttemptEntity[]>(async deliveryIds =>
      groupByKey(
        deliveryIds,
        await manager.find(WebhookAttemptEntity, { where: { deliveryId: In([...deliveryIds]) }, order: { attemptedAt: 'ASC' } }),
        r => r.deliveryId,
      ),
    ),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createWebhooksLoaders> {}
}
