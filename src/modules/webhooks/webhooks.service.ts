import type { LookupFunction } from 'node:net';
import type { AuthedContext, RequestContext } from '../../context';
import { isUuid, repo, returnedRows, withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../shared/errors';
import type { SecretBox } from '../../shared/secret-box';
import type { AuditTrail } from '../audit/audit-trail';
import { eventEnvelope, EventLog, SAFE_ID_SQL } from '../events/event-log';
import { PlatformEventEntity } from '../events/event.entity';
import { EventTypes } from '../events/event-types';
import { visibleTo } from '../events/event-visibility';
import { signedHeaders, newSigningSecret } from './signature';
import { checkWebhookUrl, guardedLookup, parseWebhookUrl, UrlPolicy, WebhookUrlRefused } from './url-guard';
import { DeliveryStatus, EndpointStatus, WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entities';
import { postWebhook, SendResult } from './webhook-sender';

/**
 * The handler records an attempt's failure itself and schedules the next one (up to 3 days): a
 * job retry only covers a crash between claiming and recording.
 */
export const webhookDeliveryQueue = defineQueue<DeliveryJob>('webhook-deliver', { expireInSeconds: 30, retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true });
/** The periodic sweep re-enqueues overdue deliveries; the next run redoes the work. */
export const webhookSweepQueue = defineQueue<Record<string, never>>('webhook-sweep', { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 30, retryBackoff: false });

export interface WebhookSettings extends UrlPolicy {
  /** First retry delay; each later one doubles (with jitter) up to `retryMaxDelayMs`. */
  retryBaseMs: number;
  retryMaxDelayMs: number;
  /** Retries continue until this long after the first attempt. */
  retryWindowMs: number;
  /** An endpoint failing without a success for this long is disabled. */
  disableAfterMs: number;
  timeoutMs: number;
  /** Events fanned out per dispatch transaction. */
  dispatchBatch: number;
  /** Deliveries one process sends at once. */
  concurrency: number;
}

export interface NewEndpoint {
  url: string;
  eventTypes?: string[] | null;
  appIds?: string[] | null;
  description?: string | null;
}

/**
 * One attempt to run. A job runs only while the delivery is still at this generation and
 * attempt count, so a duplicate job (a pg-boss retry after a crash, a retry scheduled before a
 * manual redelivery) stands down instead of sending twice.
 */
export interface DeliveryJob {
  deliveryId: string;
  generation: number;
  attempt: number;
}

/** At most this many endpoints per owner: each one multiplies outgoing requests. */
export const MAX_ENDPOINTS_PER_OWNER = 20;

/** Statuses worth retrying: the receiver may recover (docs/events.md: 5xx and 429; not other 4xx). */
function isRetryable(result: SendResult): boolean {
  if (result.statusCode === null) return !result.error?.startsWith('refused:');
  return result.statusCode >= 500 || result.statusCode === 429;
}

function isSuccess(result: SendResult): boolean {
  return result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
}

/** Exponential backoff with ±25% jitter, so receivers coming back are not hit in lockstep. */
export function retryDelayMs(attempt: number, settings: Pick<WebhookSettings, 'retryBaseMs' | 'retryMaxDelayMs'>, random = Math.random): number {
  const exponential = Math.min(settings.retryMaxDelayMs, settings.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

/**
 * Signed webhooks (docs/events.md, "Webhooks"): endpoints, the fan-out of committed events into deliveries, and
 * delivery attempts as durable pg-boss jobs with their own backoff schedule. Every delivery
 * and attempt is recorded; the endpoint owner sees them through `webhookEndpoints`.
 */
export class WebhooksService {
  private readonly lookup: LookupFunction;

  constructor(
    private readonly settings: WebhookSettings,
    private readonly secrets: SecretBox,
    private readonly jobs: JobQueue,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
    lookup?: LookupFunction,
  ) {
    this.lookup = lookup ?? guardedLookup(settings);
    jobs.handle(webhookDeliveryQueue, (ctx, data) => this.deliver(ctx, data), { concurrency: settings.concurrency });
    jobs.handle(
      webhookSweepQueue,
      async ctx => {
        const requeued = await this.sweep(ctx);
        if (requeued) ctx.logger.warn({ requeued }, 'overdue webhook deliveries re-enqueued');
      },
      { schedule: '*/5 * * * *' },
    );
  }

  async create(ctx: AuthedContext, input: NewEndpoint): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    const url = await this.checkUrl(input.url);
    const eventTypes = [...new Set(input.eventTypes ?? [])];
    const known = new Set<string>(Object.values(EventTypes));
    const unknown = eventTypes.filter(type => !known.has(type));
    if (unknown.length) {
      throw new BadUserInputError(`Unknown event types: ${unknown.join(', ')} (see docs/events.md)`, [{ path: 'eventTypes', message: `unknown: ${unknown.join(', ')}` }]);
    }
    const secret = newSigningSecret();
    return withTransaction(ctx, async tx => {
      const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM webhook_endpoints WHERE owner_user_id = $1`, [tx.actor.userId]);
      if (n >= MAX_ENDPOINTS_PER_OWNER) throw new InvalidStateError(`At most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints per account; delete one first`);
      // Holding the dispatch cursor (the dispatcher skips it meanwhile) while reading the head:
      // every event after the head is dispatched after this endpoint is visible, none is missed.
      // The head is the log's safe id: every event at or below it is final (EventLog.safeId).
      await tx.manager.query(`SELECT 1 FROM webhook_dispatch_cursor WHERE id = 1 FOR SHARE`);
      const [{ safe: head }] = await tx.manager.query(SAFE_ID_SQL);
      const endpoints = repo(tx, WebhookEndpointEntity);
      const endpoint = await endpoints.save(
        endpoints.create({
          ownerUserId: tx.actor.userId,
          url: url.toString(),
          description: input.description ?? null,
          eventTypes,
          appIds: [...new Set(input.appIds ?? [])],
          secretSealed: this.secrets.seal(secret),
          startsAfterEventId: head,
        }),
      );
      await this.audit.record(tx, { action: 'webhook.create', targetType: 'WebhookEndpoint', targetId: endpoint.id, data: { url: endpoint.url } });
      return { endpoint, secret };
    });
  }

  list(ctx: AuthedContext): Promise<WebhookEndpointEntity[]> {
    return repo(ctx, WebhookEndpointEntity).find({ where: { ownerUserId: ctx.actor.userId }, order: { createdAt: 'ASC' } });
  }

  /** A new secret, returned once; the old one keeps signing (alongside) for `overlapSeconds`. */
  async rotateSecret(ctx: RequestContext, endpointId: string, overlapSeconds: number): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > 7 * 86400) {
      throw new BadUserInputError('overlapSeconds must be between 0 and 604800 (7 days)', [{ path: 'overlapSeconds', message: 'between 0 and 604800' }]);
    }
    const secret = newSigningSecret();
    return withTransaction(ctx, async tx => {
      const endpoint = await this.ownEndpoint(tx, endpointId, true);
      endpoint.previousSecretSealed = overlapSeconds > 0 ? endpoint.secretSealed : null;
      endpoint.previousSecretExpiresAt = overlapSeconds > 0 ? new Date(Date.now() + overlapSeconds * 1000) : null;
      endpoint.secretSealed = this.secrets.seal(secret);
      await repo(tx, WebhookEndpointEntity).save(endpoint);
      await this.audit.record(tx, { action: 'webhook.rotate_secret', targetType: 'WebhookEndpoint', targetId: endpoint.id, data: { overlapSeconds } });
      return { endpoint, secret };
    });
  }

  /** Enabling clears the failure run; disabling stops new deliveries (pending ones fail). */
  async setEnabled(ctx: RequestContext, endpointId: string, enabled: boolean): Promise<WebhookEndpointEntity> {
    return withTransaction(ctx, async tx => {
      const endpoint = await this.ownEndpoint(tx, endpointId, true);
      endpoint.status = enabled ? EndpointStatus.ACTIVE : EndpointStatus.DISABLED;
      endpoint.disabledReason = enabled ? null : 'Disabled by its owner';
      endpoint.failingSince = null;
      await repo(tx, WebhookEndpointEntity).save(endpoint);
      await this.audit.record(tx, { action: enabled ? 'webhook.enable' : 'webhook.disable', targetType: 'WebhookEndpoint', targetId: endpoint.id });
      return endpoint;
    });
  }

  async delete(ctx: RequestContext, endpointId: string): Promise<boolean> {
    return withTransaction(ctx, async tx => {
      const endpoint = await this.ownEndpoint(tx, endpointId, true);
      await repo(tx, WebhookEndpointEntity).delete(endpoint.id);
      await this.audit.record(tx, { action: 'webhook.delete', targetType: 'WebhookEndpoint', targetId: endpoint.id, data: { url: endpoint.url } });
      return true;
    });
  }

  /**
   * Sends a delivery again now, whatever its state, with a fresh retry window. Jobs of the
   * earlier generation stand down, so a scheduled retry does not double it.
   */
  async redeliver(ctx: RequestContext, deliveryId: string): Promise<WebhookDeliveryEntity> {
    if (!isUuid(deliveryId)) throw new NotFoundError('Webhook delivery');
    return withTransaction(ctx, async tx => {
      const delivery = await repo(tx, WebhookDeliveryEntity).findOne({ where: { id: deliveryId }, lock: { mode: 'for_no_key_update' } });
      if (!delivery) throw new NotFoundError('Webhook delivery');
      const endpoint = await this.ownEndpoint(tx, delivery.endpointId, false);
      if (endpoint.status !== EndpointStatus.ACTIVE) throw new InvalidStateError('The endpoint is disabled; enable it before redelivering');
      delivery.status = DeliveryStatus.PENDING;
      delivery.generation += 1;
      delivery.nextAttemptAt = new Date();
      delivery.retryUntil = null;
      await repo(tx, WebhookDeliveryEntity).save(delivery);
      await this.jobs.sendInTransaction(tx, webhookDeliveryQueue, { deliveryId: delivery.id, generation: delivery.generation, attempt: delivery.attempts });
      await this.audit.record(tx, { action: 'webhook.redeliver', targetType: 'WebhookDelivery', targetId: delivery.id });
      return delivery;
    });
  }

  /** Events one dispatch pass reads at most; a pass that consumed fewer reached the safe id. */
  get dispatchBatchSize(): number {
    return this.settings.dispatchBatch;
  }

  /**
   * Fans committed events out to matching active endpoints: one delivery row and one job per
   * (endpoint, event), written with the dispatcher's cursor in one transaction. The cursor row
   * is locked with SKIP LOCKED, so of several processes one dispatches and the others return.
   * It reads only up to the log's safe id (EventLog.safeId: no open transaction can still commit
   * an event below it), so the cursor never passes a late commit.
   * If retention dropped events the cursor had not reached (the dispatcher was stopped for longer
   * than the retention window), it moves on from the floor and logs what it skipped
   * (docs/events.md, "Retention").
   * Returns how many events were consumed (0: nothing new, or another process holds the lock).
   */
  async dispatch(ctx: RequestContext): Promise<number> {
    return (await this.dispatchPass(ctx)).consumed;
  }

  /** `dispatch`, also telling how many deliveries the pass created (none: no worker needs waking). */
  async dispatchPass(ctx: RequestContext): Promise<{ consumed: number; deliveries: number }> {
    return withTransaction(ctx, async tx => {
      const [cursor] = await tx.manager.query(`SELECT last_event_id::text AS last FROM webhook_dispatch_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED`);
      if (!cursor) return { consumed: 0, deliveries: 0 };
      const [{ safe }] = await tx.manager.query(SAFE_ID_SQL);
      const [{ upto, consumed, floor }] = await tx.manager.query(
        `SELECT max(id)::text AS upto, count(*)::int AS consumed, (SELECT floor_id::text FROM platform_event_floor WHERE id = 1) AS floor
           FROM (SELECT id FROM platform_events WHERE id > $1 AND id <= $3 ORDER BY id LIMIT $2) batch`,
        [cursor.last, this.settings.dispatchBatch, safe],
      );
      if (floor && BigInt(cursor.last) < BigInt(floor)) {
        ctx.logger.warn({ cursor: cursor.last, floor }, 'webhook dispatch cursor was below the event retention floor; the dropped events are not delivered');
      }
      if (!consumed) return { consumed: 0, deliveries: 0 };
      const deliveries: { id: string }[] = await tx.manager.query(
        `INSERT INTO webhook_deliveries (endpoint_id, event_id, next_attempt_at)
         SELECT w.id, e.id, now()
           FROM platform_events e
           JOIN webhook_endpoints w ON w.status = 'ACTIVE' AND e.id > w.starts_after_event_id
                AND (cardinality(w.event_types) = 0 OR e.type = ANY(w.event_types))
                AND (cardinality(w.app_ids) = 0 OR e.app_id = ANY(w.app_ids))
           JOIN users u ON u.id = w.owner_user_id
          WHERE e.id > $1 AND e.id <= $2
            AND ${visibleTo('e', { userId: 'w.owner_user_id', isAdmin: `'ADMIN' = ANY(u.roles)` })}
          ORDER BY e.id
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [cursor.last, upto],
      );
      if (deliveries.length) {
        await this.jobs.insertInTransaction(tx, webhookDeliveryQueue, deliveries.map(d => ({ deliveryId: d.id, generation: 0, attempt: 0 })));
      }
      await tx.manager.query(`UPDATE webhook_dispatch_cursor SET last_event_id = $1 WHERE id = 1`, [upto]);
      return { consumed, deliveries: deliveries.length };
    });
  }

  /**
   * Removes the deliveries of events the log's retention drops (ids in (from, upto]), in the
   * drop's transaction (docs/events.md, "Retention"). Those events are older than the retention
   * window, far past the retry window, so their deliveries are final.
   */
  async dropDeliveriesOf(tx: RequestContext, range: { from: string; upto: string }): Promise<void> {
    await tx.manager.query(`DELETE FROM webhook_deliveries WHERE event_id > $1::bigint AND event_id <= $2::bigint`, [range.from, range.upto]);
  }

  /**
   * One attempt of one delivery (a pg-boss job). Never throws: deliveries run in concurrent
   * batches and one failing job must not make pg-boss retry its neighbours. A delivery left
   * behind by an unexpected error is picked up again by `sweep`.
   */
  async deliver(ctx: RequestContext, job: DeliveryJob): Promise<void> {
    try {
      await this.attempt(ctx, job);
    } catch (error) {
      ctx.logger.error({ err: error, deliveryId: job.deliveryId }, 'webhook delivery failed unexpectedly; the sweep will retry it');
    }
  }

  /** Re-enqueues PENDING deliveries whose attempt is long overdue (their job was lost). */
  async sweep(ctx: RequestContext): Promise<number> {
    return withTransaction(ctx, async tx => {
      const rows = returnedRows<{ id: string; generation: number; attempts: number }>(
        await tx.manager.query(
          `UPDATE webhook_deliveries SET generation = generation + 1, next_attempt_at = now()
            WHERE status = 'PENDING' AND next_attempt_at < now() - interval '10 minutes'
            RETURNING id, generation, attempts`,
        ),
      );
      if (rows.length) {
        await this.jobs.insertInTransaction(tx, webhookDeliveryQueue, rows.map(r => ({ deliveryId: r.id, generation: r.generation, attempt: r.attempts })));
      }
      return rows.length;
    });
  }

  private async attempt(ctx: RequestContext, job: DeliveryJob): Promise<void> {
    const delivery = await repo(ctx, WebhookDeliveryEntity).findOneBy({ id: job.deliveryId });
    if (!delivery || delivery.generation !== job.generation || delivery.attempts !== job.attempt || delivery.status !== DeliveryStatus.PENDING) return;
    const endpoint = await repo(ctx, WebhookEndpointEntity).findOneBy({ id: delivery.endpointId });
    if (!endpoint) return;
    if (endpoint.status !== EndpointStatus.ACTIVE) {
      await this.finish(ctx, delivery, job, { status: DeliveryStatus.FAILED, error: 'endpoint disabled' });
      return;
    }
    // The visibility rule again: the owner may have lost the extension or a role since dispatch.
    const [row] = await ctx.manager.query(
      `SELECT e.id, 'ADMIN' = ANY(u.roles) AS is_admin FROM platform_events e JOIN users u ON u.id = $2
        WHERE e.id = $1 AND ${visibleTo('e', { userId: '$2::uuid', isAdmin: `'ADMIN' = ANY(u.roles)` })}`,
      [delivery.eventId, endpoint.ownerUserId],
    );
    if (!row) {
      await this.finish(ctx, delivery, job, { status: DeliveryStatus.FAILED, error: 'the endpoint owner may no longer see this event' });
      return;
    }
    const event = await repo(ctx, PlatformEventEntity).findOneByOrFail({ id: delivery.eventId });
    // The payload as the endpoint's owner may read it, exactly as the GraphQL API gives it to them.
    const body = JSON.stringify(eventEnvelope(event, { userId: endpoint.ownerUserId, isAdmin: row.is_admin }));
    const secrets = [this.secrets.open(endpoint.secretSealed)];
    if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()) {
      secrets.push(this.secrets.open(endpoint.previousSecretSealed));
    }
    const attemptedAt = new Date();
    const headers = signedHeaders(secrets, `msg_${delivery.id}`, Math.floor(attemptedAt.getTime() / 1000), body);
    let result: SendResult;
    try {
      // Re-checked at every delivery: the URL's shape here, its addresses in the lookup.
      result = await postWebhook(await this.checkUrl(endpoint.url, false), headers, body, { timeoutMs: this.settings.timeoutMs, lookup: this.lookup });
    } catch (error) {
      result = { statusCode: null, latencyMs: 0, error: `refused: ${(error as Error).message}`, responseExcerpt: null };
    }
    await withTransaction(ctx, async tx => {
      // Text columns cannot hold NUL bytes (a gzip or binary body would fail the insert).
      const responseExcerpt = result.responseExcerpt?.replace(/\u0000/g, '') ?? null;
      await repo(tx, WebhookAttemptEntity).insert({ deliveryId: delivery.id, attemptedAt, ...result, responseExcerpt });
      const retryUntil = delivery.retryUntil ?? new Date(attemptedAt.getTime() + this.settings.retryWindowMs);
      const attempts = delivery.attempts + 1;
      if (isSuccess(result)) {
        if (await this.finish(tx, delivery, job, { status: DeliveryStatus.SUCCEEDED, result, attempts, retryUntil })) {
          await tx.manager.query(`UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [endpoint.id]);
        }
        return;
      }
      const now = Date.now();
      const next = new Date(Math.min(now + retryDelayMs(attempts, this.settings), retryUntil.getTime()));
      const retry = isRetryable(result) && now < retryUntil.getTime();
      const updated = await this.finish(tx, delivery, job, {
        status: retry ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
        result,
        attempts,
        retryUntil,
        nextAttemptAt: retry ? next : null,
      });
      if (!updated) return; // a redelivery or a duplicate job took over
      if (retry) await this.jobs.sendInTransaction(tx, webhookDeliveryQueue, { ...job, attempt: attempts }, { startAfter: next });
      await this.recordFailure(tx, endpoint.id);
    });
  }

  /** Writes the delivery's new state unless a redelivery or another job moved it on meanwhile. */
  private async finish(
    ctx: RequestContext,
    delivery: WebhookDeliveryEntity,
    job: DeliveryJob,
    change: { status: DeliveryStatus; result?: SendResult; attempts?: number; retryUntil?: Date; nextAttemptAt?: Date | null; error?: string },
  ): Promise<boolean> {
    const rows = returnedRows(
      await ctx.manager.query(
        `UPDATE webhook_deliveries
            SET status = $3, attempts = coalesce($4, attempts), retry_until = coalesce($5, retry_until), next_attempt_at = $6,
                last_status_code = coalesce($7, last_status_code), last_error = $8,
                delivered_at = CASE WHEN $3 = 'SUCCEEDED' THEN now() ELSE delivered_at END
          WHERE id = $1 AND generation = $2 AND attempts = $9
          RETURNING id`,
        [
          delivery.id,
          job.generation,
          change.status,
          change.attempts ?? null,
          change.retryUntil ?? null,
          change.nextAttemptAt ?? null,
          change.result?.statusCode ?? null,
          change.error ?? change.result?.error ?? null,
          job.attempt,
        ],
      ),
    );
    return rows.length > 0;
  }

  /** Starts or extends the endpoint's failure run; a run as long as `disableAfterMs` disables it and tells its owner. */
  private async recordFailure(tx: RequestContext, endpointId: string): Promise<void> {
    const [endpoint] = returnedRows<{ id: string; owner_user_id: string; url: string; failing_since: Date }>(
      await tx.manager.query(
        `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now())
          WHERE id = $1 AND status = 'ACTIVE' RETURNING id, owner_user_id, url, failing_since`,
        [endpointId],
      ),
    );
    if (!endpoint || Date.now() - new Date(endpoint.failing_since).getTime() < this.settings.disableAfterMs) return;
    const reason = `Every delivery failed since ${new Date(endpoint.failing_since).toISOString()}`;
    await tx.manager.query(`UPDATE webhook_endpoints SET status = 'DISABLED', disabled_reason = $2 WHERE id = $1`, [endpoint.id, reason]);
    await this.events.append(tx, EventTypes.WEBHOOK_ENDPOINT_DISABLED, {
      subjectType: 'WebhookEndpoint',
      subjectId: endpoint.id,
      audienceUserId: endpoint.owner_user_id,
      data: { endpointId: endpoint.id, url: endpoint.url, failingSince: new Date(endpoint.failing_since).toISOString(), reason },
    });
  }

  private async ownEndpoint(ctx: RequestContext, endpointId: string, lock: boolean): Promise<WebhookEndpointEntity> {
    if (!isUuid(endpointId)) throw new NotFoundError('Webhook endpoint');
    const endpoint = await repo(ctx, WebhookEndpointEntity).findOne({ where: { id: endpointId }, ...(lock ? { lock: { mode: 'for_no_key_update' as const } } : {}) });
    if (!endpoint || endpoint.ownerUserId !== ctx.actor?.userId) throw new NotFoundError('Webhook endpoint');
    return endpoint;
  }

  /** The URL check, as a field error at creation; at delivery the refusal becomes the attempt's error. */
  private async checkUrl(url: string, asInputError = true): Promise<URL> {
    try {
      // At delivery, the shape and literal addresses are checked here (Node skips the lookup
      // for an IP literal) and resolved names in the guarded lookup.
      return asInputError ? await checkWebhookUrl(url, this.settings) : parseWebhookUrl(url, this.settings);
    } catch (error) {
      if (!(error instanceof WebhookUrlRefused) || !asInputError) throw error;
      throw new BadUserInputError(`The webhook URL ${error.message}`, [{ path: 'url', message: error.message }]);
    }
  }
}
