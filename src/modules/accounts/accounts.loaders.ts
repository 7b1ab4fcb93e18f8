import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { DeveloperProfileEntity, OrganizationEntity, OrganizationMemberEntity, UserEntity } from './accounts.entities';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map(r => [keyOf(r), r]));
  return keys.map(k => map.get(k) ?? null);
}

function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map(k => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map(k => map.get(k) ?? []);
}

/** Per-request batch loaders of the accounts module (one query per batch, never per row). */
export function createAccountsLoaders(manager: EntityManager) {
  return {
    userById: new DataLoader<string, UserEntity | null>(async ids =>
      byKey(ids, await manager.findBy(UserEntity, { id: In([...ids]) }), u => u.id),
    ),
    developerProfileByUserId: new DataLoader<string, DeveloperProfileEntity | null>(async ids =>
      byKey(ids, await manager.findBy(DeveloperProfileEntity, { userId: In([...ids]) }), p => p.userId),
    ),
    organizationById: new DataLoader<string, OrganizationEntity | null>(async ids =>
      byKey(ids, await manager.findBy(OrganizationEntity, { id: In([...ids]) }), o => o.id),
    ),
    membersByOrganizationId: new DataLoader<string, OrganizationMemberEntity[]>(async ids =>
      groupByKey(
        ids,
        await manager.find(OrganizationMemberEntity, { where: { organizationId: In([...ids]) }, order: { createdAt: 'ASC' } }),
        m => m.organizationId,
      ),
    ),
  };
}
