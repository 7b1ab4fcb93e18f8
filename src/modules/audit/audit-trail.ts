import { prepared } from '../../db/prepared';
import type { RequestContext } from '../../context';
import { assertInTransaction } from '../../db/transaction';
import { encodeCursor, decodeCursor, Page } from '../../shared/pagination';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  /** `<noun>.<verb>`, for example `api_token.revoke`. */
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
}

const CURSOR_TAG = 'au';

/** Who did what, written in the acting transaction; read newest first by admins. */
export class AuditTrail {
  async record(ctx: RequestContext, entry: AuditRecord): Promise<void> {
    assertInTransaction(ctx, 'An audit entry');
    // Plain SQL: every write records an entry, and TypeORM's insert rebuilt this statement each time.
    await ctx.manager.query(
      prepared(`INSERT INTO audit_entries (actor_id, action, target_type, target_id, data, request_id) VALUES ($1, $2, $3, $4, $5, $6)`),
      [ctx.actor?.userId ?? null, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.data ?? {}), ctx.requestId],
    );
  }

  async list(ctx: RequestContext, first: number, after?: string | null): Promise<Page<AuditEntryEntity>> {
    const qb = ctx.manager.getRepository(AuditEntryEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(first + 1);
    if (after) qb.where('a.id < :id', { id: decodeCursor(after, CURSOR_TAG, 1)[0] });
    const [rows, totalCount] = await Promise.all([qb.getMany(), ctx.manager.getRepository(AuditEntryEntity).count()]);
    return {
      items: rows.slice(0, first),
      hasNextPage: rows.length > first,
      totalCount,
      cursorOf: entry => encodeCursor(CURSOR_TAG, entry.id),
    };
  }
}
