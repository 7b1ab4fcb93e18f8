import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';

/** Per-request loaders of the listings module. */
export function createListingsLoaders(manager: EntityManager) {
  return {
    /** Published, non-system extensions per category slug: one grouped query for all categories. */
    marketplaceCountByCategory: new DataLoader<string, number>(async slugs => {
      const rows: { slug: string; n: number }[] = await manager.query(
        `SELECT c.slug, count(e.id)::int AS n FROM categories c
           LEFT JOIN listings l ON c.slug = ANY(l.categories) AND l.published_at IS NOT NULL
           LEFT JOIN extensions e ON e.id = l.extension_id AND e.system = false
          WHERE c.slug = ANY($1) GROUP BY c.slug`,
        [[...slugs]],
      );
      const map = new Map(rows.map(r => [r.slug, r.n]));
      return slugs.map(s => map.get(s) ?? 0);
    }),
  };
}
