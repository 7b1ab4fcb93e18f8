import type { RequestContext } from '../../context';
import type { Logger } from '../../shared/logger';
import type { EventStream } from '../events/event-stream';
import type { WebhooksService } from './webhooks.service';

/**
 * Runs `WebhooksService.dispatch` whenever any process commits events (the event stream's
 * LISTEN wake-up) and on a slow poll, one pass at a time per process. Every worker process
 * runs one; the dispatch cursor's row lock makes them take turns.
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
      try {
        while (!this.stopped && (await this.webhooks.dispatch(this.context())) > 0) this.onDispatched();
      } catch (error) {
        this.logger.error({ err: error }, 'webhook dispatch failed; retrying on the next wake-up');
        return;
      }
    } while (this.again && !this.stopped);
  }
}
