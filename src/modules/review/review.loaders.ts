import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';

/** Per-request loaders of the review module. */
export function createReviewLoaders(manager: EntityManager) {
  return {
    /**
     * Is `email` invited to test version `versionId`? Keyed `${email}\n${versionId}` (the email
     * as stored: lower-cased); one query per batch.
     */
    stagingInviteFor: new DataLoader<string, boolean>(async keys => {
      const pairs = keys.map(k => k.split('\n'));
      const rows: { email: string; version_id: string }[] = await manager.query(
        `SELECT email, version_id FROM staging_invites
          WHERE (email, version_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
        [pairs.map(p => p[0].toLowerCase()), pairs.map(p => p[1])],
      );
      const found = new Set(rows.map(r => `${r.email}\n${r.version_id}`));
      return pairs.map(([email, versionId]) => found.has(`${email.toLowerCase()}\n${versionId}`));
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createReviewLoaders> {}
}
