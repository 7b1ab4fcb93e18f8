import type { DataSource } from 'typeorm';
import type { SecretBox } from './secret-box';

/** Every column that holds a SecretBox value, with its table's key column. */
export const SEALED_COLUMNS: readonly { table: string; key: string; column: string }[] = [
  { table: 'extension_versions', key: 'id', column: 'git_token_sealed' },
  { table: 'extension_git_sources', key: 'extension_id', column: 'token_sealed' },
  { table: 'extension_git_sources', key: 'extension_id', column: 'webhook_secret_sealed' },
  { table: 'webhook_endpoints', key: 'id', column: 'secret_sealed' },
  { table: 'webhook_endpoints', key: 'id', column: 'previous_secret_sealed' },
];

export interface ResealResult {
  /** Values sealed anew under the current key, per `table.column`. */
  resealed: Record<string, number>;
  /** Values already under the current key. */
  current: number;
  /** Values no configured key opens (left as they were; named by table, column and row key). */
  unreadable: string[];
}

/**
 * Seals every stored secret under the current PLAZA_ENCRYPTION_KEY (`plaza secrets reseal`).
 * Online and safe to rerun: rows are read in batches by key, and each one is written only if it
 * still holds the value that was read (a value rotated meanwhile is left to its newer writer).
 * Values sealed under the current key are skipped, so a second run changes nothing.
 */
export async function resealAll(dataSource: DataSource, box: SecretBox, batchSize = 500): Promise<ResealResult> {
  const result: ResealResult = { resealed: {}, current: 0, unreadable: [] };
  for (const { table, key, column } of SEALED_COLUMNS) {
    const name = `${table}.${column}`;
    result.resealed[name] = 0;
    let after: string | null = null;
    for (;;) {
      const rows: { k: string; v: string }[] = await dataSource.query(
        `SELECT ${key}::text AS k, ${column} AS v FROM ${table}
          WHERE ${column} IS NOT NULL ${after === null ? '' : `AND ${key}::text > $2`}
          ORDER BY ${key}::text LIMIT $1`,
        after === null ? [batchSize] : [batchSize, after],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].k;
      for (const row of rows) {
        if (box.isCurrent(row.v)) {
          result.current++;
          continue;
        }
        let resealed: string;
        try {
          resealed = box.reseal(row.v);
        } catch {
          result.unreadable.push(`${name} ${row.k}`);
          continue;
        }
        const updated: unknown = await dataSource.query(`UPDATE ${table} SET ${column} = $1 WHERE ${key}::text = $2 AND ${column} = $3`, [resealed, row.k, row.v]);
        // pg returns [rows, count] for UPDATE through TypeORM's query().
        const count = Array.isArray(updated) && typeof updated[1] === 'number' ? updated[1] : 1;
        result.resealed[name] += count;
      }
    }
  }
  return result;
}
