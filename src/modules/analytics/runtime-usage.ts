/**
 * The one input of the rollup that comes from the runtime (docs/analytics.md, "Actions and
 * errors"): a SQL subquery with one row per (version_id uuid, day date, actions bigint,
 * errors bigint) for reports whose window falls in [from, to) (`from`/`to` are the statement's
 * parameter placeholders).
 *
 * Runtime reports (module runtime) are not in this branch yet: until they are, no version has
 * reported usage and the subquery is empty, so actions and errors are 0 everywhere.
 */
export function runtimeUsageSql(from: string, to: string): string {
  void from;
  void to;
  return `SELECT NULL::uuid AS version_id, NULL::date AS day, 0::bigint AS actions, 0::bigint AS errors WHERE false`;
}
