import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { SecurityFindingEntity, VersionAttestationEntity } from './trust.entities';

function groupBy<T extends { versionId: string }>(ids: readonly string[], rows: T[]): T[][] {
  const byVersion = new Map<string, T[]>();
  for (const row of rows) byVersion.set(row.versionId, [...(byVersion.get(row.versionId) ?? []), row]);
  return ids.map(id => byVersion.get(id) ?? []);
}

/** Per-request loaders of the trust module (one query per batch). */
export function createTrustLoaders(manager: EntityManager) {
  return {
    /** A version's security findings, errors first, then oldest first. */
    securityFindingsByVersionId: new DataLoader<string, SecurityFindingEntity[]>(async ids =>
      groupBy(ids, await manager.getRepository(SecurityFindingEntity).find({ where: { versionId: In([...ids]) }, order: { level: 'ASC', foundAt: 'ASC', id: 'ASC' } })),
    ),
    /** A version's attestations, oldest first. */
    attestationsByVersionId: new DataLoader<string, VersionAttestationEntity[]>(async ids =>
      groupBy(ids, await manager.getRepository(VersionAttestationEntity).find({ where: { versionId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } })),
    ),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createTrustLoaders> {}
}
