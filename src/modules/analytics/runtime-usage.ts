import { RuntimeCountKind } from '../runtime/runtime.entities';

/**
 * The one input of the rollup that comes from the runtime (docs/analytics.md, "Actions and
 * errors"): a SQL subquery with one row per (version_id uuid, day date, actions bigint,
 * errors bigint) for the reports whose window began in [from, to) (`from`/`to` are the
 * statement's parameter placeholders). It reads the runtime module's `runtime_counts` by SQL,
 * with the rule of its read API (`RuntimeReports.daily`): a window counts, whole, on the UTC day
 * it began, and a re-sent report for a window has replaced the earlier count (one row per window).
 */
export function runtimeUsageSql(from: string, to: string): string {
  return `SELECT rc.version_id, (rc.window_start AT TIME ZONE 'UTC')::date AS day,
                 coalesce(sum(rc.count) FILTER (WHERE rc.kind = '${RuntimeCountKind.ACTIONS}'), 0)::bigint AS actions,
                 coalesce(sum(rc.count) FILTER (WHERE rc.kind = '${RuntimeCountKind.ERRORS}'), 0)::bigint AS errors
            FROM runtime_counts rc
           WHERE rc.window_start >= ${from} AND rc.window_start < ${to}
           GROUP BY 1, 2`;
}
