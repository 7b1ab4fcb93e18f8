import type { EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { RequestContext } from '../context';

/**
 * Runs `work` in a transaction: joins the one `ctx` already carries, or starts one. Services
 * call this around every write so nested service calls share a single commit, and every query
 * inside goes through `repo(tx, Entity)` or `tx.manager`.
 */
export async function withTransaction<T, C extends RequestContext = RequestContext>(ctx: C, work: (tx: C) => Promise<T>): Promise<T> {
  if (isInTransaction(ctx)) return work(ctx);
  return ctx.manager.connection.transaction(manager => work({ ...ctx, manager }));
}

export function isInTransaction(ctx: RequestContext): boolean {
  return ctx.manager.queryRunner?.isTransactionActive === true;
}

/** Writers that must share the caller's commit (event log, audit) assert it. */
export function assertInTransaction(ctx: RequestContext, what: string): void {
  if (!isInTransaction(ctx)) {
    throw new Error(`${what} must be written inside the transaction of the change it records`);
  }
}

export function repo<E extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<E>): Repository<E> {
  return ctx.manager.getRepository(entity);
}

/** True when `error` is PostgreSQL's unique violation (optionally on one constraint/index). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from clients as strings; anything that is not a uuid cannot name a row. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Rows of a raw `UPDATE/DELETE … RETURNING` run through TypeORM: its postgres driver answers
 * those with `[rows, affectedCount]` (and plain SELECT/INSERT with the rows themselves).
 */
export function returnedRows<T>(result: unknown): T[] {
  const value = result as unknown[];
  return (Array.isArray(value[0]) ? value[0] : value) as T[];
}
