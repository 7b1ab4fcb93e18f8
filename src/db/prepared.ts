/**
 * Statements PostgreSQL keeps prepared on each connection (docs/architecture.md, "Prepared
 * statements").
 *
 * An unnamed statement is parsed, analysed and planned on every execution. For the short
 * statements of the write path (a row by its key, an insert, the event append) that is most of
 * the database's CPU: naming them cut PostgreSQL's CPU per install or uninstall from about 1.5 to
 * 0.9 ms (docs/benchmarks.md, "Writes"). A statement is named only when its call site asks for it
 * with `prepared(sql)`: those are lookups by key, where the plan cannot depend on the values, so
 * PostgreSQL's cached (generic) plan is the right one. Catalogue reads whose best plan depends on
 * the search term or category stay unnamed and are planned for their values each time.
 *
 * Names come from one registry per process, so no two texts share a name on a connection. The
 * registry is bounded: past MAX_PREPARED texts, statements run unnamed (a call site building
 * unbounded variations of its text by mistake costs memory on no connection).
 */
const MAX_PREPARED = 256;
const names = new Map<string, string>();

/** Marks `sql` as a statement to keep prepared; returns it unchanged. */
export function prepared(sql: string): string {
  if (!names.has(sql) && names.size < MAX_PREPARED) names.set(sql, `plaza_${names.size + 1}`);
  return sql;
}

/** The statement name of a text marked with `prepared`, if any. */
export function preparedNameOf(sql: string): string | undefined {
  return names.get(sql);
}
