import semver from 'semver';

/** Versions by semver, newest first, ignoring rows whose number is missing or not semver. */
export function newestFirst<V extends { version: string | null }>(versions: V[]): V[] {
  return versions.filter(v => v.version && semver.valid(v.version)).sort((a, b) => semver.rcompare(a.version!, b.version!));
}

export function newestVersion<V extends { version: string | null }>(versions: V[]): V | null {
  return newestFirst(versions)[0] ?? null;
}

/** The numeric core of a semver column as int[] (comparable in SQL; build metadata ignored). */
export const semverCoreSql = (column: string) => `string_to_array(split_part(split_part(${column}, '+', 1), '-', 1), '.')::int[]`;

/** ORDER BY terms putting the newest semver first (a release before its pre-releases). */
export const semverDescSql = (column: string) => `${semverCoreSql(column)} DESC, (position('-' in ${column}) = 0) DESC, ${column} DESC`;
