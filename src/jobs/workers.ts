import type { DataSource } from 'typeorm';
import type { PlazaConfig } from '../config';
import { RequestContext, ResolverContainer, systemContext } from '../context';
import { createLoaders } from '../loaders';
import type { Services } from '../services';
import type { Logger } from '../shared/logger';
import { VALIDATE_VERSION_QUEUE } from '../modules/versions/versions.service';
import { ROLLOUT_QUEUE } from '../modules/installs/upgrades.service';
import { WEBHOOK_DELIVERY_QUEUE } from '../modules/webhooks/webhooks.service';
import { HEALTH_CHECK_QUEUE } from '../modules/hosting/hosting.service';
import { WebhookDispatcher } from '../modules/webhooks/webhook-dispatcher';
import { withTransaction } from '../db/transaction';
import { withLongStatements } from '../db/timeouts';
import type { QueueName, QueuePolicy } from './job-queue';

export const CLEANUP_UPLOADS_QUEUE = 'cleanup-uploads';
export const SUNSET_QUEUE = 'announce-sunsets';
export const WEBHOOK_SWEEP_QUEUE = 'webhook-sweep';

/**
 * Retry policy per queue (docs/reliability.md). Every running job renews its expiry (a
 * heartbeat), so `expireInSeconds` is how soon a job whose worker died is noticed, whatever the
 * job's length: with the 10 s maintenance interval, an interrupted job runs again within about
 * 45 s. Failures are bounded: after `retryLimit` retries a job fails for good (the dead-letter view).
 */
export const QUEUE_POLICIES: Record<QueueName, QueuePolicy> = {
  // A package's validation: a throw is retried a few times (a database blip), then final.
  [VALIDATE_VERSION_QUEUE]: { expireInSeconds: 30, retryLimit: 3, retryDelaySeconds: 2, retryBackoff: true },
  // One set-based transaction; a retry after a crash finds the installations still to move.
  [ROLLOUT_QUEUE]: { expireInSeconds: 30, retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true },
  // The handler records an attempt's failure itself and schedules the next one (up to 3 days):
  // a job retry only covers a crash between claiming and recording.
  [WEBHOOK_DELIVERY_QUEUE]: { expireInSeconds: 30, retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true },
  // Periodic sweeps: the next run redoes the work, so a couple of retries are enough.
  [CLEANUP_UPLOADS_QUEUE]: { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 30, retryBackoff: false },
  [SUNSET_QUEUE]: { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 10, retryBackoff: false },
  [WEBHOOK_SWEEP_QUEUE]: { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 30, retryBackoff: false },
  // The health check retries its HTTP call itself (3 retries under one deadline each) and records
  // a final result; a job retry only covers a crash before the result was written.
  [HEALTH_CHECK_QUEUE]: { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 5, retryBackoff: false },
};

/**
 * A rollout moves every installation in one statement: a million take minutes, so its
 * transaction alone gets the long statement timeout (PLAZA_DB_LONG_STATEMENT_TIMEOUT_MS).
 */
export function runRollout(services: Services, config: PlazaConfig, ctx: RequestContext, versionId: string) {
  return withTransaction(ctx, tx => withLongStatements(tx.manager, config.dbLongStatementTimeoutMs, () => services.upgrades.rollout(tx, versionId)));
}

/** Starts the queue and, unless PLAZA_RUN_WORKERS=0, this process's workers and schedules. */
export async function startJobs(
  services: Services,
  config: PlazaConfig,
  dataSource: DataSource,
  logger: Logger,
  container: ResolverContainer,
): Promise<{ stop(): Promise<void> }> {
  await services.jobs.start(QUEUE_POLICIES);
  if (!config.runWorkers) return { stop: async () => undefined };
  const ctx = (jobId: string) => systemContext(dataSource.manager, logger.child({ jobId }), createLoaders(dataSource.manager), container, `job:${jobId}`);
  await services.jobs.work(VALIDATE_VERSION_QUEUE, (data, jobId, attempt) => services.versions.validate(ctx(jobId), data.versionId, { finalAttempt: attempt.final }));
  await services.jobs.work(ROLLOUT_QUEUE, async (data, jobId) => {
    const result = await runRollout(services, config, ctx(jobId), data.versionId);
    logger.info({ ...result, versionId: data.versionId }, 'rollout done');
  });
  await services.jobs.work(CLEANUP_UPLOADS_QUEUE, async (_data, jobId) => {
    const result = await services.packages.cleanupExpired(ctx(jobId));
    logger.info(result, 'expired uploads cleaned up');
  });
  await services.jobs.schedule(CLEANUP_UPLOADS_QUEUE, '*/10 * * * *');
  await services.jobs.work(SUNSET_QUEUE, async (_data, jobId) => {
    const announced = await services.deprecations.announceSunsets(ctx(jobId));
    if (announced) logger.info({ announced }, 'sunsets announced');
  });
  await services.jobs.schedule(SUNSET_QUEUE, '* * * * *');
  await services.jobs.workConcurrently(WEBHOOK_DELIVERY_QUEUE, config.webhookConcurrency, (data, jobId) => services.webhooks.deliver(ctx(jobId), data));
  await services.jobs.work(WEBHOOK_SWEEP_QUEUE, async (_data, jobId) => {
    const requeued = await services.webhooks.sweep(ctx(jobId));
    if (requeued) logger.warn({ requeued }, 'overdue webhook deliveries re-enqueued');
  });
  await services.jobs.schedule(WEBHOOK_SWEEP_QUEUE, '*/5 * * * *');
  await services.jobs.work(HEALTH_CHECK_QUEUE, (data, jobId) => services.hosting.runHealthCheck(ctx(jobId), data.checkId));
  const dispatcher = new WebhookDispatcher(
    services.webhooks,
    services.eventStream,
    () => ctx('webhook-dispatch'),
    logger.child({ component: 'webhook-dispatcher' }),
    () => services.jobs.wake(WEBHOOK_DELIVERY_QUEUE),
  );
  dispatcher.start();
  return { stop: () => dispatcher.stop() };
}
