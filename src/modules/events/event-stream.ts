import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../shared/logger';
import { EVENTS_CHANNEL, EventFilter, EventLog } from './event-log';
import type { PlatformEventEntity } from './event.entity';

export interface StreamOptions {
  filter: EventFilter;
  /** Resume after this cursor; null starts at the end of the log. */
  after: string | null;
  /** Checked before each event: a revoked credential ends the stream. */
  isStillAllowed: () => Promise<boolean>;
}

/**
 * Live tails of the event log for subscriptions. One LISTEN connection per process wakes the
 * tails when any process commits an event (NOTIFY carries only the id); each tail then reads
 * the log from its own cursor, so a missed notification or a late commit never loses an event.
 * A slow poll covers events withheld until older transactions finish.
 */
export class EventStream {
  private readonly wakers = new Set<() => void>();
  private client: Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly dataSource: DataSource,
    private readonly log: EventLog,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const wake of this.wakers) wake();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'plaza-listen' });
    client.on('notification', () => this.wakeAll());
    client.on('error', error => {
      this.logger.warn({ err: error }, 'event LISTEN connection failed; reconnecting');
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.client?.end().catch(() => undefined);
    this.client = null;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch(() => this.scheduleReconnect());
    }, 1000);
  }

  /** Calls `listener` whenever some process commits events; returns the unsubscribe. */
  onCommit(listener: () => void): () => void {
    this.wakers.add(listener);
    return () => this.wakers.delete(listener);
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** A stream of events matching the filter, in log order, until the consumer returns. */
  tail(options: StreamOptions): AsyncIterableIterator<PlatformEventEntity> {
    let closed = false;
    let wake: () => void = () => undefined;
    const waker = () => wake();
    this.wakers.add(waker);
    const stream = this;

    const generator = (async function* () {
      try {
        let cursor = options.after ?? (await stream.log.headCursor(stream.dataSource.manager));
        while (!closed && !stream.stopped) {
          const page = await stream.log.readAfter(stream.dataSource.manager, cursor, 100, options.filter, { countTotal: false });
          for (const event of page.items) {
            if (closed) return;
            if (!(await options.isStillAllowed())) return;
            cursor = page.cursorOf(event);
            yield event;
          }
          if (page.hasNextPage) continue;
          await new Promise<void>(resolve => {
            const timer = setTimeout(resolve, stream.pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      } finally {
        stream.wakers.delete(waker);
      }
    })();

    return {
      next: () => generator.next(),
      async return(value?: unknown) {
        closed = true;
        wake();
        stream.wakers.delete(waker);
        return generator.return(value as undefined);
      },
      throw: (error?: unknown) => generator.throw(error),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
