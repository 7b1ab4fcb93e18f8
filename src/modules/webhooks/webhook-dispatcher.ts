import type { RequestContext } from '../../context';
import type { Logger } from '../../shared/logger';
import type { EventStream } from '../events/event-stream';
import type { WebhooksService } from './webhooks.service';

/**
 * Runs `WebhooksService.dispatch` whenever any process commits events (the event stream's
 * LISTEN wake-up) and on a slow poll, one pass at a time per process. Every worker process
 * runs one; the dispatch cursor's row lock makes them take turns.
 *
 * Under a steady stream of commits, wake-ups that arrive during a pass are folded into one
 * more pass, started `gatherMs` after the last one began: one dispatch transaction then fans out
 * every event committed meanwhile, instead of one transaction (six statements) per event, which
 * doubled the database's statements under install load (docs/benchmarks.md, "Event writes").
 */
export class WebhookDispatcher {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly webhooks: WebhooksService,
    private readonly stream: EventStream,
    private readonly context: () => RequestContext,
    private readonly logger: Logger,
    /** Called after each committed dispatch pass (wakes the local delivery workers). */
    private readonly onDispatched: () => void,
    private readonly pollMs = 1000,
    /** The least time between the starts of two passes while commits keep arriving. */
    private readonly gatherMs = 25,
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
      this.again = false;
      const started = Date.now();
      try {
        // A full batch means more events may be waiting; a short one means the pass reached the
        // safe id, and the next commit's wake-up starts the next pass.
        for (;;) {
          if (this.stopped) return;
          const consumed = await this.webhooks.dispatch(this.context());
          if (consumed > 0) this.onDispatched();
          if (consumed < this.webhooks.dispatchBatchSize) break;
        }
      } catch (error) {
        this.logger.error({ err: error }, 'webhook dispatch failed; retrying on the next wake-up');
        return;
      }
      const wait = this.gatherMs - (Date.now() - started);
      if (this.again && !this.stopped && wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
    } while (this.again && !this.stopped);
  }
}
