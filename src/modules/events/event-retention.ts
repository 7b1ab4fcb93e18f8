import type { RequestContext } from '../../context';
import { withTransaction } from '../../db/transaction';
import { defineQueue, type JobQueue } from '../../jobs/job-queue';
import type { Clock } from '../../shared/clock';
import { SAFE_ID_SQL } from './event-log';

/** The hourly retention pass (docs/events.md, "Retention"). */
export const eventRetentionQueue = defineQueue<Record<string, never>>('event-retention', {
  expireInSeconds: 600,
  retryLimit: 2,
  retryDelaySeconds: 60,
  retryBackoff: false,
});

/**
 * Work a higher module does in the transaction that drops the events with ids in (from, upto]:
 * it removes its own rows that reference them (the webhooks module, its deliveries).
 */
export type EventDropHandler = (tx: RequestContext, range: { from: string; upto: string }) => Promise<void>;

export interface RetentionSettings {
  /** PLAZA_EVENT_RETENTION_DAYS: events older than this are dropped; 0 keeps every event. */
  days: number;
  /** Events per batch, each batch one short transaction. */
  batch: number;
  /** Batches per pass at most, so one pass stays bounded; the next pass goes on. */
  maxBatches: number;
}

/**
 * Retention of the event log by time, as batched deletes of the oldest ids (not partitions):
 * each batch drops a prefix of the log, older than the window by `occurred_at`, in one
 * transaction that also raises the floor (platform_event_floor). The log is read by id, so a
 * prefix keeps "the oldest cursor still served" one number, and a cursor below it gets
 * CURSOR_EXPIRED instead of a silent gap. Why not time partitions: the primary key and every
 * reader go by id, a time-partitioned table would need (id, occurred_at) keys and a scan of
 * every partition per page; the upgrade path at hundreds of millions of rows is id-range
 * partitions dropped whole once their newest event is past the window (docs/events.md).
 */
export class EventRetention {
  private readonly dropHandlers: EventDropHandler[] = [];

  constructor(
    private readonly settings: RetentionSettings,
    private readonly clock: Clock,
    jobs: JobQueue,
  ) {
    if (settings.days > 0) {
      jobs.handle(
        eventRetentionQueue,
        async ctx => {
          const { dropped, floor } = await this.runOnce(ctx);
          if (dropped) ctx.logger.info({ dropped, floor }, 'event retention dropped old events');
        },
        { schedule: '17 * * * *' },
      );
    }
  }

  /** Registers work to do in each drop transaction (rows of a higher module that reference events). */
  onDrop(handler: EventDropHandler): void {
    this.dropHandlers.push(handler);
  }

  /**
   * One pass: drops, batch after batch, every event older than the window that has no younger
   * event below it (a prefix of the log), and never one at or above the safe id (a writer still
   * open below it could commit there). Returns how many events it dropped and the floor.
   */
  async runOnce(ctx: RequestContext): Promise<{ dropped: number; floor: string }> {
    let dropped = 0;
    let floor = '0';
    if (this.settings.days <= 0) return { dropped, floor };
    const cutoff = new Date(this.clock.now().getTime() - this.settings.days * 86_400_000);
    for (let i = 0; i < this.settings.maxBatches; i++) {
      const batch = await this.dropBatch(ctx, cutoff);
      if (!batch) break;
      dropped += batch.dropped;
      floor = batch.floor;
      if (!batch.more) break;
    }
    if (!dropped) {
      const [row] = await ctx.manager.query(`SELECT floor_id::text AS floor FROM platform_event_floor WHERE id = 1`);
      floor = row?.floor ?? '0';
    }
    return { dropped, floor };
  }

  private async dropBatch(ctx: RequestContext, cutoff: Date): Promise<{ dropped: number; floor: string; more: boolean } | null> {
    return withTransaction(ctx, async tx => {
      // One pass at a time across processes: the others skip.
      const [current] = await tx.manager.query(`SELECT floor_id::text AS floor FROM platform_event_floor WHERE id = 1 FOR NO KEY UPDATE SKIP LOCKED`);
      if (!current) return null;
      const [{ safe }] = await tx.manager.query(SAFE_ID_SQL);
      const [{ upto, n }] = await tx.manager.query(
        `WITH batch AS (
           SELECT id, occurred_at FROM platform_events WHERE id > $1::bigint AND id <= $2::bigint ORDER BY id LIMIT $3
         ), young AS (SELECT min(id) AS y FROM batch WHERE occurred_at >= $4)
         SELECT max(b.id)::text AS upto, count(*)::int AS n
           FROM batch b, young WHERE young.y IS NULL OR b.id < young.y`,
        [current.floor, safe, this.settings.batch, cutoff],
      );
      if (!upto) return null;
      const range = { from: current.floor as string, upto: upto as string };
      for (const handler of this.dropHandlers) await handler(tx, range);
      await tx.manager.query(`DELETE FROM platform_events WHERE id > $1::bigint AND id <= $2::bigint`, [range.from, range.upto]);
      await tx.manager.query(`UPDATE platform_event_floor SET floor_id = $1::bigint, updated_at = now() WHERE id = 1`, [range.upto]);
      return { dropped: n as number, floor: range.upto, more: n === this.settings.batch };
    });
  }
}
