import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { RatingSummaryRow, summaryOf } from './ratings.service';

/** Per-request loaders of the ratings module (one query per batch). */
export function createRatingsLoaders(manager: EntityManager) {
  return {
    /** Average, count and 1–5 star histogram of an extension's visible reviews. */
    ratingSummaryByExtensionId: new DataLoader<string, RatingSummaryRow>(async ids => {
      const rows: { extension_id: string; stars: number; n: number }[] = await manager.query(
        `SELECT extension_id, stars, count(*)::int AS n FROM extension_ratings
          WHERE extension_id = ANY($1) AND hidden_at IS NULL GROUP BY extension_id, stars`,
        [[...ids]],
      );
      const byExtension = new Map<string, Map<number, number>>();
      for (const r of rows) {
        if (!byExtension.has(r.extension_id)) byExtension.set(r.extension_id, new Map());
        byExtension.get(r.extension_id)!.set(Number(r.stars), r.n);
      }
      return ids.map(id => summaryOf(byExtension.get(id)));
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createRatingsLoaders> {}
}
