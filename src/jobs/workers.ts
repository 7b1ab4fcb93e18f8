import type { DataSource } from 'typeorm';
import type { PlazaConfig } from '../config';
import { ResolverContainer, systemContext } from '../context';
import { createLoaders } from '../loaders';
import type { Services } from '../services';
import type { Logger } from '../shared/logger';
import { webhookDeliveryQueue } from '../modules/webhooks/webhooks.service';
import { WebhookDispatcher } from '../modules/webhooks/webhook-dispatcher';

/**
 * Starts the job queue with every queue the modules declared (each module owns its queues, their
 * retry policies and handlers: `defineQueue` and `JobQueue.handle`, docs/reliability.md) and,
 * unless PLAZA_RUN_WORKERS=0, this process's workers, schedules and webhook dispatcher.
 */
export async function startJobs(
  services: Services,
  config: PlazaConfig,
  dataSource: DataSource,
  logger: Logger,
  container: ResolverContainer,
): Promise<{ stop(): Promise<void> }> {
  await services.jobs.start();
  if (!config.runWorkers) return { stop: async () => undefined };
  const ctx = (jobId: string) => systemContext(dataSource.manager, logger.child({ jobId }), createLoaders(dataSource.manager), container, `job:${jobId}`);
  await services.jobs.startWorkers(ctx);
  const dispatcher = new WebhookDispatcher(
    services.webhooks,
    services.eventStream,
    () => ctx('webhook-dispatch'),
    logger.child({ component: 'webhook-dispatcher' }),
    () => services.jobs.wake(webhookDeliveryQueue),
  );
  dispatcher.start();
  return { stop: () => dispatcher.stop() };
}
