import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { decodeCursor } from '../../shared/pagination';
import type { Logger } from '../../shared/logger';
import { DEFAULT_DB_TIMEOUTS, DbTimeouts, pgTimeoutOptions, TimeoutAwareClient } from '../../db/timeouts';
import { EVENTS_CHANNEL, eventCursor, EventFilter, EventLog, matchesFilter } from './event-log';
import type { PlatformEventEntity } from './event.entity';

export interface StreamOptions {
  filter: EventFilter;
  /** Resume after this cursor; null starts at the end of the log. */
  after: string | null;
  /** Checked before each batch of events: a revoked credential ends the stream. */
  isStillAllowed: () => Promise<boolean>;
}

/** A subscriber that has caught up and now takes its events from the shared feed. */
interface LiveTail {
  filter: EventFilter;
  /** The id of the last event this tail has queued or yielded. */
  lastId: bigint;
  queue: PlatformEventEntity[];
  wake: () => void;
}

/** Events a live tail may have queued before it is considered slow and reads on its own again. */
const MAX_LIVE_QUEUE = 500;
/** Events the shared feed reads per query. */
const FEED_PAGE = 500;

/**
 * Live tails of the event log for subscriptions, with no gap and no duplicate.
 *
 * One LISTEN connection per process hears every commit, from any process (NOTIFY carries only
 * the id).
 * - A tail that is behind (a resume, or a burst it fell behind on) reads the log from its own
 *   cursor, with its filter in SQL.
 * - Once a tail has caught up, it joins the process's shared feed. On each wake-up the feed
 *   reads the new events once, for every caught-up tail, and hands each tail the events its
 *   filter and the visibility rule allow (`matchesFilter`). So a commit costs one query per
 *   process rather than one per subscriber.
 * - A tail whose queue grows past MAX_LIVE_QUEUE leaves the feed and reads on its own again
 *   from its last cursor.
 * - Every read stops at the log's safe id (EventLog.safeId: no open transaction can still commit
 *   an event below it), so a cursor comparison decides exactly which events a tail still needs.
 * - A slow poll covers a missed notification.
 */
export class EventStream {
  private readonly wakers = new Set<() => void>();
  private readonly live = new Set<LiveTail>();
  /** The id up to which the shared feed has distributed events (null: not started). */
  private feedId: bigint | null = null;
  private feedRunning = false;
  private feedAgain = false;
  private feedTimer: NodeJS.Timeout | null = null;
  private client: Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly dataSource: DataSource,
    private readonly log: EventLog,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
    private readonly timeouts: DbTimeouts = DEFAULT_DB_TIMEOUTS,
  ) {}
  private pingTimer: NodeJS.Timeout | null = null;

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
    this.feedTimer = setInterval(() => this.live.size && this.runFeed(), this.pollMs);
    this.feedTimer.unref();
    // A LISTEN connection that went silently dead (half-open) raises no error and hears nothing:
    // a periodic query, bounded by the read timeout, finds it and starts a reconnect.
    this.pingTimer = setInterval(() => {
      const client = this.client;
      client?.query('SELECT 1').catch(error => {
        if (this.client !== client) return;
        this.logger.warn({ err: error }, 'event LISTEN connection did not answer; reconnecting');
        this.scheduleReconnect();
      });
    }, this.timeouts.keepAliveMs);
    this.pingTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.feedTimer) clearInterval(this.feedTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    for (const wake of this.wakers) wake();
    for (const tail of this.live) tail.wake();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { Client: _pool, ...options } = pgTimeoutOptions(this.timeouts);
    const client = new TimeoutAwareClient({ connectionString: this.databaseUrl, application_name: 'plaza-listen', ...options });
    client.on('notification', () => this.wakeAll());
    client.on('error', error => {
      // A connection already replaced has nothing left to reconnect.
      if (this.client !== null && this.client !== client) return;
      this.logger.warn({ err: error }, 'event LISTEN connection failed; reconnecting');
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    // Commits made while the connection was down sent notifications nobody heard.
    this.wakeAll();
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
    if (this.live.size) this.runFeed();
  }

  /** One feed read at a time; a wake-up during a read makes it read again. */
  private runFeed(): void {
    if (this.feedRunning) {
      this.feedAgain = true;
      return;
    }
    this.feedRunning = true;
    void (async () => {
      try {
        do {
          this.feedAgain = false;
          let more = true;
          while (more && this.live.size && !this.stopped && this.feedId !== null) {
            const events = await this.log.readFeed(this.dataSource.manager, this.feedId.toString(), FEED_PAGE);
            more = events.length === FEED_PAGE;
            // Distributed synchronously: no tail can join or leave halfway through.
            for (const tail of this.live) {
              // A tail over its cap takes nothing more: it leaves the feed on its next turn and
              // reads the rest itself, so a stuck consumer holds at most MAX_LIVE_QUEUE events.
              if (tail.queue.length > MAX_LIVE_QUEUE) continue;
              let added = false;
              for (const entry of events) {
                const id = BigInt(entry.event.id);
                if (id <= tail.lastId || !matchesFilter(tail.filter, entry)) continue;
                if (tail.queue.length > MAX_LIVE_QUEUE) break;
                tail.queue.push(entry.event);
                tail.lastId = id;
                added = true;
              }
              if (added) tail.wake();
            }
            if (events.length) this.feedId = BigInt(events[events.length - 1].event.id);
          }
        } while (this.feedAgain && !this.stopped);
      } catch (error) {
        this.logger.warn({ err: error }, 'live event feed read failed; retrying on the next wake-up');
      } finally {
        this.feedRunning = false;
      }
    })();
  }

  /**
   * Joins the shared feed when the feed has not distributed anything past `lastId` (events the
   * tail has not read itself); otherwise the tail keeps reading on its own.
   */
  private tryJoin(tail: LiveTail): boolean {
    // With no live tail the feed stops following the log: restart it from this tail's position
    // (never while a read is in flight, whose result it would then skip past).
    if (this.feedId === null || (this.live.size === 0 && !this.feedRunning)) this.feedId = tail.lastId;
    if (this.feedId > tail.lastId) return false;
    this.live.add(tail);
    return true;
  }

  /** A stream of events matching the filter, in log order, until the consumer returns. */
  tail(options: StreamOptions): AsyncIterableIterator<PlatformEventEntity> {
    // A cursor this log did not issue is refused now, as the subscription starts, not later.
    const startId = options.after ? BigInt(decodeCursor(options.after, 'ev', 1)[0]) : null;
    let closed = false;
    let wake: () => void = () => undefined;
    const waker = () => wake();
    this.wakers.add(waker);
    const stream = this;
    const sleep = () =>
      new Promise<void>(resolve => {
        const timer = setTimeout(resolve, stream.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });

    const generator = (async function* () {
      const tail: LiveTail = {
        filter: options.filter,
        lastId: startId ?? BigInt(await stream.log.headId(stream.dataSource.manager)),
        queue: [],
        wake: () => wake(),
      };
      try {
        while (!closed && !stream.stopped) {
          if (stream.live.has(tail)) {
            // Live: take what the shared feed queued, one event at a time.
            if (!tail.queue.length) {
              await sleep();
              continue;
            }
            if (tail.queue.length > MAX_LIVE_QUEUE) {
              // Too far behind for the feed: read on its own, from just before the oldest
              // event it has not yielded yet.
              stream.live.delete(tail);
              tail.lastId = BigInt(tail.queue[0].id) - 1n;
              tail.queue = [];
              continue;
            }
            if (!(await options.isStillAllowed())) return;
            for (let n = tail.queue.length; n > 0 && tail.queue.length && tail.queue.length <= MAX_LIVE_QUEUE; n--) {
              if (closed) return;
              yield tail.queue.shift()!;
            }
            continue;
          }
          // Behind: read on its own, filtered in SQL. The head (the safe id) is read first: every
          // event up to it is final, so once a page comes back short the tail has seen
          // everything up to the head that it may see.
          const head = BigInt(await stream.log.headId(stream.dataSource.manager));
          const page = await stream.log.readAfter(stream.dataSource.manager, eventCursor({ id: tail.lastId.toString() }), 100, options.filter, {
            countTotal: false,
          });
          if (page.items.length && !(await options.isStillAllowed())) return;
          for (const event of page.items) {
            if (closed) return;
            tail.lastId = BigInt(event.id);
            yield event;
          }
          if (page.hasNextPage) continue;
          if (head > tail.lastId) tail.lastId = head;
          if (!stream.tryJoin(tail)) await sleep(); // the feed is ahead: catch up after the next commit or poll
        }
      } finally {
        stream.live.delete(tail);
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
