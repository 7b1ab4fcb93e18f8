import PgBoss from 'pg-boss';
import type { RequestContext } from '../context';
import { DEFAULT_DB_TIMEOUTS, DbTimeouts, pgTimeoutOptions } from '../db/timeouts';
import { assertInTransaction } from '../db/transaction';
import type { Logger } from '../shared/logger';

/**
 * Every queue and the payload its jobs carry: a job is sent and handled with the same type.
 * The names are the queues' stable identifiers in the pgboss schema.
 */
export interface JobPayloads {
  'validate-version': { versionId: string };
  'rollout-version': { versionId: string };
  'webhook-deliver': { deliveryId: string; generation: number; attempt: number };
  'cleanup-uploads': Record<string, never>;
  'announce-sunsets': Record<string, never>;
  'webhook-sweep': Record<string, never>;
  'hosting-health-check': { checkId: string };
}
export type QueueName = keyof JobPayloads;

/** Which try this is: a handler that must leave its subject in a final state does so on the last. */
export interface JobAttempt {
  attempt: number;
  /** No retry follows if this one fails. */
  final: boolean;
}

export type JobHandler<T> = (data: T, jobId: string, attempt: JobAttempt) => Promise<void>;

/**
 * How a queue's jobs are retried. A running job renews its expiry every `expireInSeconds / 3`
 * (a heartbeat), so the expiry only has to cover a dead worker, not the job's length: a job
 * whose process died is failed by the queue's maintenance within `expireInSeconds` plus one
 * maintenance interval, and retried after `retryDelaySeconds` (doubled per attempt with
 * `retryBackoff`). After `retryLimit` retries it fails for good and shows in the dead-letter view.
 */
export interface QueuePolicy {
  expireInSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
}

export interface JobQueueOptions {
  pollingIntervalSeconds?: number;
  timeouts?: DbTimeouts;
  /** How often expired jobs are looked for (pg-boss maintenance). */
  maintenanceIntervalSeconds?: number;
}

/** What a failed job stores as its output: enough for an operator, nothing more. */
function errorOutput(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack?.slice(0, 2000) };
  return { name: 'Error', message: String(error) };
}

/**
 * pg-boss still runs one worker of its own, for its cron schedules (the `__pgboss__send-it`
 * queue), and that worker calls `complete()`/`fail()` without awaiting them: during a database
 * blip the rejection went unhandled and took the process down. Every promise these two return
 * is marked handled here; callers that await them (this class) still see the rejection. A job
 * whose outcome could not be recorded expires and is retried.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PgBossManager = require('pg-boss/src/manager') as { prototype: Record<string, (...args: unknown[]) => Promise<unknown>> };
for (const method of ['complete', 'fail']) {
  const original = PgBossManager.prototype[method];
  const handled = function (this: unknown, ...args: unknown[]) {
    const outcome = original.apply(this, args);
    outcome.catch(() => undefined);
    return outcome;
  };
  // PgBoss exposes the manager's methods under their function names.
  Object.defineProperty(handled, 'name', { value: method });
  PgBossManager.prototype[method] = handled;
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms).unref());

/**
 * Durable background work on PostgreSQL (pg-boss), shared by every server process. Jobs are
 * enqueued inside the caller's transaction (`sendInTransaction`), so a job exists exactly when
 * the state that asks for it committed; handlers must be idempotent because a job whose worker
 * died is retried.
 *
 * Workers are this class's own fetch loops rather than pg-boss's `work()`: pg-boss 10 calls
 * `complete()`/`fail()` without awaiting them (a database blip then became an unhandled
 * rejection), races the handler against the job's expiry in memory (a long job would be failed
 * and retried while still running) and has no heartbeat. Here every queue call is awaited and
 * caught, and a running job's expiry is renewed while it runs.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;
  private stopping = false;
  private readonly wakers = new Map<string, Set<() => void>>();
  private readonly loops: Promise<void>[] = [];
  private readonly policies = new Map<string, QueuePolicy>();
  private readonly pollingMs: number;

  constructor(
    databaseUrl: string,
    private readonly logger: Logger,
    options: JobQueueOptions = {},
  ) {
    this.pollingMs = (options.pollingIntervalSeconds ?? 0.5) * 1000;
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: 'plaza-jobs',
      ...pgTimeoutOptions(options.timeouts ?? DEFAULT_DB_TIMEOUTS),
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
      // Failed jobs stay in the job table (where the dead-letter view reads them and a retry can
      // revive them) for two weeks.
      archiveFailedAfterSeconds: 14 * 86400,
    } as PgBoss.ConstructorOptions);
    this.boss.on('error', error => this.logger.error({ err: error }, 'job queue error'));
  }

  async start(queues: Partial<Record<QueueName, QueuePolicy>>): Promise<void> {
    this.stopping = false;
    await this.boss.start();
    for (const [name, policy] of Object.entries(queues) as [QueueName, QueuePolicy][]) {
      const options = {
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: policy.retryBackoff,
        expireInSeconds: policy.expireInSeconds,
      };
      await this.boss.createQueue(name, { name, ...options });
      // createQueue leaves an existing queue as it was: apply today's policy to it.
      await this.boss.updateQueue(name, { name, ...options });
      this.policies.set(name, policy);
    }
    this.started = true;
  }

  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.stopping = true;
    for (const set of this.wakers.values()) for (const wake of set) wake();
    // Jobs still running after the timeout are left active: their heartbeat stops, they expire
    // and another process retries them.
    await Promise.race([Promise.allSettled(this.loops), sleep(timeoutMs)]);
    this.loops.length = 0;
    await this.boss.stop({ graceful: false, wait: true, timeout: timeoutMs });
  }

  /** Registers a worker for `queue` in this process: one job at a time. */
  async work<Q extends QueueName>(queue: Q, handler: JobHandler<JobPayloads[Q]>): Promise<void> {
    this.startLoop(queue, 1, handler);
  }

  /**
   * Like `work`, but takes up to `batchSize` jobs per fetch and runs them concurrently; each job
   * completes or fails on its own.
   */
  async workConcurrently<Q extends QueueName>(queue: Q, batchSize: number, handler: JobHandler<JobPayloads[Q]>): Promise<void> {
    this.startLoop(queue, batchSize, handler);
  }

  private startLoop<T>(queue: string, batchSize: number, handler: JobHandler<T>): void {
    const policy = this.policies.get(queue);
    if (!policy) throw new Error(`Queue ${queue} was not started`);
    const wakers = this.wakers.get(queue) ?? new Set();
    this.wakers.set(queue, wakers);
    let wake = () => undefined as void;
    let woken = false;
    const waker = () => {
      woken = true;
      wake();
    };
    wakers.add(waker);
    const idle = (ms: number) =>
      new Promise<void>(resolve => {
        if (woken || this.stopping) return resolve();
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    const loop = async () => {
      let failures = 0;
      while (!this.stopping) {
        woken = false;
        let jobs: PgBoss.JobWithMetadata<T>[];
        try {
          jobs = (await this.boss.fetch<T>(queue, { batchSize, includeMetadata: true })) ?? [];
          failures = 0;
        } catch (error) {
          // The database is away: wait (longer each time, up to 5 s) and try again.
          failures++;
          if (failures === 1 || failures % 20 === 0) this.logger.warn({ err: error, queue }, 'job fetch failed; retrying');
          await idle(Math.min(5_000, 250 * 2 ** failures));
          continue;
        }
        if (!jobs.length) {
          await idle(this.pollingMs);
          continue;
        }
        await Promise.all(jobs.map(job => this.runOne(queue, policy, job, handler)));
      }
      wakers.delete(waker);
    };
    this.loops.push(loop());
  }

  private async runOne<T>(queue: string, policy: QueuePolicy, job: PgBoss.JobWithMetadata<T>, handler: JobHandler<T>): Promise<void> {
    const heartbeat = setInterval(() => {
      this.renew(queue, job.id, policy.expireInSeconds).catch(error =>
        this.logger.warn({ err: error, queue, jobId: job.id }, 'job heartbeat failed'),
      );
    }, (policy.expireInSeconds * 1000) / 3);
    heartbeat.unref();
    // A retry inherits the expiry the last heartbeat stretched: reset it to the policy's now, so a
    // worker that dies before its first heartbeat is noticed as soon as on a first attempt.
    await this.renew(queue, job.id, policy.expireInSeconds).catch(error => this.logger.warn({ err: error, queue, jobId: job.id }, 'job heartbeat failed'));
    let failure: unknown = null;
    try {
      await handler(job.data, job.id, { attempt: job.retryCount + 1, final: job.retryCount >= job.retryLimit });
    } catch (error) {
      failure = error ?? new Error('job failed');
    } finally {
      clearInterval(heartbeat);
    }
    try {
      if (failure === null) {
        await this.boss.complete(queue, job.id);
        return;
      }
      const terminal = job.retryCount >= job.retryLimit;
      this.logger.error(
        { err: failure, queue, jobId: job.id, attempt: job.retryCount + 1, retryLimit: job.retryLimit },
        terminal ? 'job failed for good; it is in the dead-letter view' : 'job failed; it will be retried',
      );
      await this.boss.fail(queue, job.id, errorOutput(failure));
    } catch (error) {
      // Recording the outcome failed (the database went away): the job stays active, expires
      // and is retried, which idempotent handlers allow.
      this.logger.warn({ err: error, queue, jobId: job.id }, 'could not record a job outcome; it will expire and be retried');
    }
  }

  /** The heartbeat: the job now expires `seconds` from now instead of from when it started. */
  private async renew(queue: string, id: string, seconds: number): Promise<void> {
    await this.boss.getDb().executeSql(
      `UPDATE pgboss.job SET expire_in = (now() - started_on) + make_interval(secs => $3)
        WHERE name = $1 AND id = $2 AND state = 'active'`,
      [queue, id, seconds],
    );
  }

  /** Enqueues in the caller's transaction: the job is visible only if that transaction commits. */
  async sendInTransaction<Q extends QueueName>(ctx: RequestContext, queue: Q, data: JobPayloads[Q], options: PgBoss.SendOptions = {}): Promise<void> {
    assertInTransaction(ctx, 'A job');
    const db: PgBoss.Db = {
      executeSql: async (text, values) => ({ rows: await ctx.manager.query(text, values) }),
    };
    await this.boss.send(queue, data, { ...options, db });
  }

  /** Many jobs in one statement, in the caller's transaction. */
  async insertInTransaction<Q extends QueueName>(ctx: RequestContext, queue: Q, items: JobPayloads[Q][], options: Omit<PgBoss.JobInsert, 'name' | 'data'> = {}): Promise<void> {
    assertInTransaction(ctx, 'A job');
    const db: PgBoss.Db = {
      executeSql: async (text, values) => ({ rows: await ctx.manager.query(text, values) }),
    };
    await this.boss.insert(items.map(data => ({ ...options, name: queue, data })), { db });
  }

  /** Wakes this process's workers of `queue` now (after committing jobs for them). */
  wake(queue: QueueName): void {
    for (const wake of this.wakers.get(queue) ?? []) wake();
  }

  async schedule(queue: QueueName, cron: string): Promise<void> {
    await this.boss.schedule(queue, cron, {}, { singletonKey: queue });
  }
}
