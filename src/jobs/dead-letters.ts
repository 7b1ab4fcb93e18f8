import type { RequestContext } from '../context';
import { isUuid, withTransaction } from '../db/transaction';
import type { AuditTrail } from '../modules/audit/audit-trail';
import { NotFoundError } from '../shared/errors';
import type { JobQueue } from './job-queue';

/** A job that failed every attempt it was allowed: what the dead-letter view shows. */
export interface FailedJob {
  id: string;
  queue: string;
  /** What the job was about, named from its payload (`versionId` → ExtensionVersion). */
  subjectType: string | null;
  subjectId: string | null;
  error: string;
  /** Attempts made, the failed last one included. */
  attempts: number;
  retryLimit: number;
  createdAt: Date;
  startedAt: Date | null;
  failedAt: Date | null;
}

/** Payload keys that name a job's subject, by subject type. */
const SUBJECT_KEYS: [key: string, type: string][] = [
  ['versionId', 'ExtensionVersion'],
  ['deliveryId', 'WebhookDelivery'],
];

const COLUMNS = 'id, name, data, output, retry_count, retry_limit, created_on, started_on, completed_on';

/**
 * Jobs that ended in the `failed` state of the queue (pg-boss keeps them in its job table for
 * two weeks, see JobQueue): listed for admins with their error and subject, and retried one at
 * a time. A retry gives the job one more attempt and is recorded in the audit trail.
 */
export class DeadLetters {
  constructor(
    private readonly jobs: JobQueue,
    private readonly audit: AuditTrail,
  ) {}

  /** Most recently failed first, at most `first`. */
  async list(ctx: RequestContext, first: number, queue?: string | null): Promise<{ items: FailedJob[]; totalCount: number }> {
    const rows: FailedJobRow[] = await ctx.manager.query(
      `SELECT ${COLUMNS} FROM pgboss.job
        WHERE state = 'failed' AND ($2::text IS NULL OR name = $2)
        ORDER BY completed_on DESC NULLS LAST, id LIMIT $1`,
      [first, queue ?? null],
    );
    const [{ count }] = await ctx.manager.query(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE state = 'failed' AND ($1::text IS NULL OR name = $1)`,
      [queue ?? null],
    );
    return { items: rows.map(failedJobOf), totalCount: count };
  }

  /** NOT_FOUND unless `id` is a job that is failed right now. */
  async retry(ctx: RequestContext, id: string): Promise<FailedJob> {
    if (!isUuid(id)) throw new NotFoundError('Failed job');
    const job = await withTransaction(ctx, async tx => {
      const rows: FailedJobRow[] = await tx.manager.query(`SELECT ${COLUMNS} FROM pgboss.job WHERE id = $1 AND state = 'failed' FOR UPDATE`, [id]);
      if (!rows.length) throw new NotFoundError('Failed job');
      // One more attempt, now; its outcome is recorded as any attempt's.
      await tx.manager.query(
        `UPDATE pgboss.job SET state = 'retry', retry_limit = retry_count + 1, start_after = now(), completed_on = NULL
          WHERE name = $1 AND id = $2`,
        [rows[0].name, id],
      );
      const failed = failedJobOf(rows[0]);
      await this.audit.record(tx, {
        action: 'job.retry',
        targetType: 'Job',
        targetId: id,
        data: { queue: failed.queue, subjectType: failed.subjectType, subjectId: failed.subjectId, error: failed.error },
      });
      return failed;
    });
    this.jobs.wake(job.queue);
    return job;
  }
}

interface FailedJobRow {
  id: string;
  name: string;
  data: Record<string, unknown> | null;
  output: { message?: string; value?: { message?: string } } | null;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

function failedJobOf(row: FailedJobRow): FailedJob {
  const output = row.output ?? {};
  const data = row.data ?? {};
  const subject = SUBJECT_KEYS.find(([key]) => typeof data[key] === 'string');
  return {
    id: row.id,
    queue: row.name,
    subjectType: subject ? subject[1] : null,
    subjectId: subject ? String(data[subject[0]]) : null,
    error: output.message ?? output.value?.message ?? JSON.stringify(output),
    // retry_count counts the retries already started; the first attempt is one more.
    attempts: row.retry_count + 1,
    retryLimit: row.retry_limit,
    createdAt: row.created_on,
    startedAt: row.started_on,
    failedAt: row.completed_on,
  };
}
