import type { DataSource } from 'typeorm';
import type { PlazaConfig } from '../config';
import { ResolverContainer, systemContext } from '../context';
import { createLoaders } from '../loaders';
import type { Services } from '../services';
import type { Logger } from '../shared/logger';
import { VALIDATE_VERSION_QUEUE } from '../modules/versions/versions.service';
import { ROLLOUT_QUEUE } from '../modules/installs/upgrades.service';
import { DeliveryJob, WEBHOOK_DELIVERY_QUEUE } from '../modules/webhooks/webhooks.service';
import { WebhookDispatcher } from '../modules/webhooks/webhook-dispatcher';

export const CLEANUP_UPLOADS_QUEUE = 'cleanup-uploads';
export const SUNSET_QUEUE = 'announce-sunsets';
export const WEBHOOK_SWEEP_QUEUE = 'webhook-sweep';

/** Starts the queue and, unless PLAZA_RUN_WORKERS=0, this process's workers and schedules. */
export async function startJobs(
  services: Services,
  config: PlazaConfig,
  dataSource: DataSource,
  logger: Logger,
  container: ResolverContainer,
): Promise<{ stop(): Promise<void> }> {
  await services.jobs.start([VALIDATE_VERSION_QUEUE, CLEANUP_UPLOADS_QUEUE, SUNSET_QUEUE, ROLLOUT_QUEUE, WEBHOOK_DELIVERY_QUEUE, WEBHOOK_SWEEP_QUEUE]);
  if (!config.runWorkers) return { stop: async () => undefined };
  const ctx = (jobId: string) => systemContext(dataSource.manager, logger.child({ jobId }), createLoaders(dataSource.manager), container, `job:${jobId}`);
  await services.jobs.work<{ versionId: string }>(VALIDATE_VERSION_QUEUE, (data, jobId) => services.versions.validate(ctx(jobId), data.versionId));
  await services.jobs.work<{ versionId: string }>(ROLLOUT_QUEUE, async (data, jobId) => {
    const result = await services.upgrades.rollout(ctx(jobId), data.versionId);
    logger.info({ ...result, versionId: data.versionId }, 'rollout done');
  });
  await services.jobs.work<object>(CLEANUP_UPLOADS_QUEUE, async (_data, jobId) => {
    const result = await services.packages.cleanupExpired(ctx(jobId));
    logger.info(result, 'expired uploads cleaned up');
  });
  await services.jobs.schedule(CLEANUP_UPLOADS_QUEUE, '*/10 * * * *');
  await services.jobs.work<object>(SUNSET_QUEUE, async (_data, jobId) => {
    const announced = await services.deprecations.announceSunsets(ctx(jobId));
    if (announced) logger.info({ announced }, 'sunsets announced');
  });
  await services.jobs.schedule(SUNSET_QUEUE, '* * * * *');
  await services.jobs.workConcurrently<DeliveryJob>(WEBHOOK_DELIVERY_QUEUE, config.webhookConcurrency, (data, jobId) => services.webhooks.deliver(ctx(jobId), data));
  await services.jobs.work<object>(WEBHOOK_SWEEP_QUEUE, async (_data, jobId) => {
    const requeued = await services.webhooks.sweep(ctx(jobId));
    if (requeued) logger.warn({ requeued }, 'overdue webhook deliveries re-enqueued');
  });
  await services.jobs.schedule(WEBHOOK_SWEEP_QUEUE, '*/5 * * * *');
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
