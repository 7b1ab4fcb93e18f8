import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../context';
import { type LatestHealth, RuntimeReports, type RuntimeRates } from './runtime-reports.service';

/**
 * Per-request loaders of the runtime module: a list of versions asking for `runtime` costs one
 * query per distinct span, not one per version. Keys are `versionId|fromISO|toISO`.
 */
export function createRuntimeLoaders(manager: EntityManager) {
  const ctx = { manager } as RequestContext;
  return {
    runtimeRatesByVersionSpan: new DataLoader<string, RuntimeRates>(async keys => {
      const bySpan = new Map<string, string[]>();
      for (const key of keys) {
        const [versionId, from, to] = key.split('|');
        bySpan.set(`${from}|${to}`, [...(bySpan.get(`${from}|${to}`) ?? []), versionId]);
      }
      const found = new Map<string, RuntimeRates>();
      for (const [span, versionIds] of bySpan) {
        const [from, to] = span.split('|');
        const rates = await RuntimeReports.ratesOf(ctx, versionIds, new Date(from), new Date(to));
        for (const [versionId, r] of rates) found.set(`${versionId}|${span}`, r);
      }
      return keys.map(key => found.get(key)!);
    }),
    latestRuntimeHealthByVersion: new DataLoader<string, LatestHealth | null>(async ids => {
      const latest = await RuntimeReports.latestHealthOf(ctx, ids);
      return ids.map(id => latest.get(id) ?? null);
    }),
  };
}

declare module '../../context' {
  interface Loaders extends ReturnType<typeof createRuntimeLoaders> {}
}
