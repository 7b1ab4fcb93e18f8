import type { RequestContext } from '../../context';
import type { Logger } from '../../shared/logger';
import type { EventStream } from '../events/event-stream';
import type { WebhooksService } from './webhooks.service';

/**
 * Runs `WebhooksService.dispatch` whenever any process commits events (the event stream's
 * LISTEN wake-up) and on a slow poll, one pass at a time per process. Every worker process
 * runs one; the dispatch cursor's row lock makes them take turns.
 *
 * Passes start at most every `gatherMs`: a wake-up that comes sooner waits for the rest of that
 * interval, and every event committed meanwhile goes out in the one pass. One pass per committed
 * event cost a transaction of six statements, a WAL flush and a wake-up fetch of the delivery
 * queue each, about as much database time as the install that committed the event
 * (docs/benchmarks.md, "Event writes"). Webhooks are asynchronous and retried anyway; the delay
 * is at most `gatherMs`. Subscriptions do not wait for this (they follow the event stream).
 */
export class WebhookDispatcher {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastPassAt = 0;
  private sleeping: { timer: NodeJS.Timeout; wake: () => void } | null = null;

  constructor(
    private readonly webhooks: WebhooksService,
    private readonly stream: EventStream,
    private readonly context: () => RequestContext,
    private readonly logger: Logger,
    /** Called after a pass that created deliveries (wakes the local delivery workers). */
    private readonly onDispatched: () => void,
    private readonly pollMs = 1000,
    /** The least time between the starts of two passes. */
    private readonly gatherMs = 50,
  ) {}

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.stream.onCommit(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    if (this.sleeping) {
      clearTimeout(this.sleeping.timer);
      this.sleeping.wake();
    }
    await this.running;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    do {
      const wait = this.lastPassAt + this.gatherMs - Date.now();
      if (wait > 0) await new Promise<void>(wake => (this.sleeping = { timer: setTimeout(wake, wait), wake }));
      this.sleeping = null;
      if (this.stopped) return;
      // The pass reads everything committed before it starts; only wake-ups from here on ask for another.
      this.again = false;
      this.lastPassAt = Date.now();
      try {
        // A full batch means more events may be waiting; a short one means the pass reached the
        // safe id, and the next commit's wake-up starts the next pass.
        for (;;) {
          if (this.stopped) return;
          const { consumed, deliveries } = await this.webhooks.dispatchPass(this.context());
          if (deliveries > 0) this.onDispatched();
          if (consumed < this.webhooks.dispatchBatchSize) break;
        }
      } catch (error) {
        this.logger.error({ err: error }, 'webhook dispatch failed; retrying on the next wake-up');
        return;
      }
    } while (this.again && !this.stopped);
  }
}
