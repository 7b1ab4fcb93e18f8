import type { Logger } from '../shared/logger';
import { DbTimeouts, pgTimeoutOptions, TimeoutAwareClient } from './timeouts';

export interface ProbeOptions {
  intervalMs: number;
  /** A probe slower than this counts as a failure. */
  timeoutMs: number;
  /** Consecutive failures before the database counts as unavailable. */
  failuresToTrip: number;
  /**
   * Called when the database starts counting as unavailable: the pool drops its connections,
   * so requests waiting on a query that will not be answered fail now instead of at their
   * read timeout.
   */
  onTrip?: () => void;
}

/**
 * Watches the database on a connection of its own, outside the pool, so that during an outage
 * requests fail at once with SERVICE_UNAVAILABLE instead of each waiting out a connect or read
 * timeout (a circuit breaker). One failed probe is not enough (a slow moment would flap it); a
 * failed probe also drops its connection, so a silently dead one (half-open) is replaced and
 * the next probe tells the truth about new connections. One success closes the breaker again.
 */
export class DatabaseProbe {
  private client: TimeoutAwareClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private running = false;
  private stopped = false;
  available = true;
  /** When the database was last seen unavailable (ms since epoch), for logs and figures. */
  downSince: number | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly timeouts: DbTimeouts,
    private readonly options: ProbeOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.probe(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.drop();
  }

  /** One probe; exposed so tests (and /readyz) need not wait for the interval. */
  async probe(): Promise<boolean> {
    if (this.running || this.stopped) return this.available;
    this.running = true;
    try {
      await this.withDeadline(this.check());
      this.failures = 0;
      if (!this.available) this.logger.warn({ downMs: Date.now() - (this.downSince ?? Date.now()) }, 'database available again');
      this.available = true;
      this.downSince = null;
    } catch (error) {
      await this.drop();
      // Too many connections (53300): the server is up and the pool's own connections still work;
      // tripping would cut them too and turn a busy server into an outage.
      if ((error as { code?: unknown }).code === '53300') return this.available;
      this.failures++;
      if (this.available && this.failures >= this.options.failuresToTrip) {
        this.available = false;
        this.downSince = Date.now();
        this.logger.error({ err: error, failures: this.failures }, 'database unavailable: answering SERVICE_UNAVAILABLE until it is back');
        this.options.onTrip?.();
      }
      // A failure is confirmed (or refuted) at once rather than an interval later.
      if (this.available) setImmediate(() => void this.probe());
    } finally {
      this.running = false;
    }
    return this.available;
  }

  // The deadline is withDeadline's (it gives a stalled loop one I/O turn); pg's own read timeout,
  // which has no such grace, only backs it up.
  private async check(): Promise<void> {
    if (!this.client) {
      const { Client: _client, ...options } = pgTimeoutOptions({ ...this.timeouts, connectMs: this.options.timeoutMs, queryMs: this.options.timeoutMs * 5 });
      const client = new TimeoutAwareClient({ connectionString: this.databaseUrl, application_name: 'plaza-probe', ...options });
      client.on('error', () => {
        if (this.client === client) this.client = null;
      });
      this.client = client;
      await client.connect();
    }
    await this.client.query('SELECT 1');
  }

  private withDeadline<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // When the event loop was busy (a long synchronous validation in this process), the timer
        // and the database's reply are due together: give I/O one turn to deliver the reply before
        // calling it a timeout, so a stalled loop is not mistaken for a database that is down.
        setImmediate(() => {
          if (!settled) reject(new Error('database probe timed out'));
        });
      }, this.options.timeoutMs);
    });
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    // end() waits for the server's goodbye, which a dead connection never sends.
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    void client.end().catch(() => undefined);
  }
}
