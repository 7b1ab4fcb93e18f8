import { prepared } from './prepared';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Whole-entity reads and inserts in plain SQL, for the hot paths (authentication, install,
 * uninstall, the audit trail).
 *
 * TypeORM's `findOneBy`/`insert` rebuild their SQL on every call (aliasing every column and
 * rewriting property names with a regular expression per column), which cost about a quarter of
 * the API process's CPU on each install and uninstall (docs/benchmarks.md, "Writes"). Here the
 * column list is built once per entity, the caller writes the clauses after `FROM`, and rows are
 * hydrated with the driver's own per-column conversion, so the entity objects are the same ones
 * TypeORM would return. The statements are kept prepared (prepared.ts): callers write lookups by
 * key here, whose plan does not depend on the values.
 */
interface EntityPlan {
  table: string;
  /** `"col_a", "col_b", …` in metadata order. */
  columnList: string;
  columns: EntityMetadata['columns'];
}

const plans = new WeakMap<EntityMetadata, EntityPlan>();

function planOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): { plan: EntityPlan; metadata: EntityMetadata } {
  const metadata = manager.connection.getMetadata(entity);
  let plan = plans.get(metadata);
  if (!plan) {
    const columns = metadata.columns.filter(c => !c.isVirtual);
    plan = { table: `"${metadata.tableName}"`, columnList: columns.map(c => `"${c.databaseName}"`).join(', '), columns };
    plans.set(metadata, plan);
  }
  return { plan, metadata };
}

function hydrate<E extends ObjectLiteral>(manager: EntityManager, metadata: EntityMetadata, plan: EntityPlan, row: Record<string, unknown>): E {
  const entity = metadata.create() as E;
  const driver = manager.connection.driver;
  for (const column of plan.columns) {
    const value = row[column.databaseName];
    column.setEntityValue(entity, value === undefined ? undefined : driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/**
 * Entities of `entity`'s table: `SELECT <every column> FROM <table> <tail>`, where `tail` holds
 * the WHERE, ORDER BY, LIMIT or locking clauses (with `$n` parameters), unaliased.
 */
export async function selectEntities<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, tail: string, params: unknown[] = []): Promise<E[]> {
  const { plan, metadata } = planOf(manager, entity);
  const rows: Record<string, unknown>[] = await manager.query(prepared(`SELECT ${plan.columnList} FROM ${plan.table} ${tail}`), params);
  return rows.map(row => hydrate<E>(manager, metadata, plan, row));
}

/** The first entity `selectEntities` finds, or null. */
export async function selectEntity<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, tail: string, params: unknown[] = []): Promise<E | null> {
  return (await selectEntities(manager, entity, tail, params))[0] ?? null;
}

/**
 * Inserts one row of `entity`'s table from `values` (property names; the columns left out take
 * their database defaults) and answers the whole stored row as an entity, or null when an
 * `onConflict` clause (for example `ON CONFLICT DO NOTHING`) skipped it.
 */
export async function insertEntity<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, values: Partial<E>, onConflict = ''): Promise<E | null> {
  const { plan, metadata } = planOf(manager, entity);
  const driver = manager.connection.driver;
  const names: string[] = [];
  const params: unknown[] = [];
  for (const column of plan.columns) {
    const value = column.getEntityValue(values);
    if (value === undefined) continue;
    names.push(`"${column.databaseName}"`);
    params.push(driver.preparePersistentValue(value, column));
  }
  const placeholders = params.map((_, i) => `$${i + 1}`).join(', ');
  const rows: Record<string, unknown>[] = await manager.query(
    prepared(`INSERT INTO ${plan.table} (${names.join(', ')}) VALUES (${placeholders}) ${onConflict} RETURNING ${plan.columnList}`),
    params,
  );
  return rows.length ? hydrate<E>(manager, metadata, plan, rows[0]) : null;
}
