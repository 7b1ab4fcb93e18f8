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
