import PgBoss from 'pg-boss';
import type { RequestContext } from '../context';
import { assertInTransaction } from '../db/transaction';
import type { Logger } from '../shared/logger';

export type JobHandler<T> = (data: T, jobId: string) => Promise<void>;

/**
 * Durable background work on PostgreSQL (pg-boss), shared by every server process. Jobs are
 * enqueued inside the caller's transaction (`sendInTransaction`), so a job exists exactly when
 * the state that asks for it committed; handlers must be idempotent because a job whose worker
 * died is retried.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;
  private readonly workerIds = new Map<string, string[]>();

  constructor(
    databaseUrl: string,
    private readonly logger: Logger,
    private readonly pollingIntervalSeconds = 0.5,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: 'plaza-jobs',
    });
    this.boss.on('error', error => this.logger.error({ err: error }, 'job queue error'));
  }

  async start(queues: string[]): Promise<void> {
    await this.boss.start();
    for (const name of queues) await this.boss.createQueue(name, { name, retryLimit: 5, retryDelay: 2, retryBackoff: true });
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000, wait: true });
  }

  /** Registers a worker for `queue` in this process. */
  async work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void> {
    await this.boss.work<T>(queue, { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: 1 }, async jobs => {
      for (const job of jobs) {
        try {
          await handler(job.data, job.id);
        } catch (error) {
          this.logger.error({ err: error, queue, jobId: job.id }, 'job failed; pg-boss will retry');
          throw error;
        }
      }
    });
  }

  /** Enqueues in the caller's transaction: the job is visible only if that transaction commits. */
  async sendInTransaction<T extends object>(ctx: RequestContext, queue: string, data: T, options: PgBoss.SendOptions = {}): Promise<void> {
    assertInTransaction(ctx, 'A job');
    const db: PgBoss.Db = {
      executeSql: async (text, values) => ({ rows: await ctx.manager.query(text, values) }),
    };
    await this.boss.send(queue, data, { ...options, db });
  }

  /** Many jobs in one statement, in the caller's transaction. */
  async insertInTransaction<T extends object>(ctx: RequestContext, queue: string, items: T[], options: Omit<PgBoss.JobInsert, 'name' | 'data'> = {}): Promise<void> {
    assertInTransaction(ctx, 'A job');
    const db: PgBoss.Db = {
      executeSql: async (text, values) => ({ rows: await ctx.manager.query(text, values) }),
    };
    await this.boss.insert(items.map(data => ({ ...options, name: queue, data })), { db });
  }

  /**
   * Like `work`, but takes up to `batchSize` jobs per fetch and runs them concurrently. For
   * handlers that record their own failures and never throw (webhook deliveries): a thrown
   * error fails, and so retries, the whole batch.
   */
  async workConcurrently<T extends object>(queue: string, batchSize: number, handler: JobHandler<T>): Promise<void> {
    let workerId = '';
    workerId = await this.boss.work<T>(queue, { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize }, async jobs => {
      const results = await Promise.allSettled(jobs.map(job => handler(job.data, job.id)));
      // A full batch means more may be waiting: fetch again at once instead of after the polling interval.
      if (jobs.length === batchSize) this.boss.notifyWorker(workerId);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        this.logger.error({ err: failed.reason, queue }, 'job batch failed; pg-boss will retry it');
        throw failed.reason;
      }
    });
    this.workerIds.set(queue, [...(this.workerIds.get(queue) ?? []), workerId]);
  }

  /** Wakes this process's workers of `queue` now (after committing jobs for them). */
  wake(queue: string): void {
    for (const id of this.workerIds.get(queue) ?? []) this.boss.notifyWorker(id);
  }

  async schedule(queue: string, cron: string): Promise<void> {
    await this.boss.schedule(queue, cron, {}, { singletonKey: queue });
  }
}
