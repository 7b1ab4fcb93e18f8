import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { byKey, groupByKey } from '../../shared/batch';
import { DeveloperProfileEntity, OrganizationEntity, OrganizationMemberEntity, UserEntity } from './accounts.entities';

/** Per-request batch loaders of the accounts module (one query per batch, never per row). */
export function createAccountsLoaders(manager: EntityManager) {
  return {
    userById: new DataLoader<string, UserEntity | null>(async ids =>
      byKey(ids, await manager.findBy(UserEntity, { id: In([...ids]) }), u => u.id),
    ),
    developerProfileByUserId: new DataLoader<string, DeveloperProfileEntity | null>(async ids =>
      byKey(ids, await manager.findBy(DeveloperProfileEntity, { userId: In([...ids]) }), p => p.userId),
    ),
    /** Do two accounts share an organization? Keyed `${viewerId}\n${userId}`; one query per batch. */
    sharesOrganization: new DataLoader<string, boolean>(async keys => {
      const pairs = keys.map(k => k.split('\n'));
      const rows: { a: string; b: string }[] = await manager.query(
        `SELECT DISTINCT p.a, p.b FROM unnest($1::uuid[], $2::uuid[]) AS p(a, b)
           JOIN organization_members ma ON ma.user_id = p.a
           JOIN organization_members mb ON mb.user_id = p.b AND mb.organization_id = ma.organization_id`,
        [pairs.map(p => p[0]), pairs.map(p => p[1])],
      );
      const shared = new Set(rows.map(r => `${r.a}\n${r.b}`));
      return keys.map(k => shared.has(k));
    }),
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

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createAccountsLoaders> {}
}
