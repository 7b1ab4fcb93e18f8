/** The counters of a pg Pool that tell whether it is wedged. */
export interface PoolLike {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  on(event: 'release', listener: (...args: unknown[]) => void): unknown;
}

export interface HealthOptions {
  /** The loop is wedged when every delay sample of the window exceeds this. */
  maxLoopDelayMs: number;
  /** The pool is wedged when requests have waited this long and no connection came back. */
  poolStallSeconds: number;
  /** Window of event-loop samples considered. */
  windowMs?: number;
  /** How often the loop delay is sampled. */
  sampleMs?: number;
}

export interface HealthVerdict {
  healthy: boolean;
  reasons: string[];
}

/**
 * Liveness for /healthz: is this process still able to serve? Two wedges are detected, both
 * judged over a sustained period so that normal load (a GC pause, a burst that fills the pool)
 * never makes the probe flap:
 * - the event loop: a timer measures how late it fires; the loop counts as wedged only when
 *   every sample in the window (10 s) is later than the limit. A loop blocked outright answers
 *   nothing at all, which a probe's own timeout reports.
 * - the pool: requests are waiting for a connection and not one connection has been returned
 *   for `poolStallSeconds` (a busy pool returns connections constantly).
 */
export class HealthMonitor {
  private readonly samples: { at: number; delayMs: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private releases = 0;
  private seenReleases = 0;
  private stalledSince: number | null = null;
  private readonly windowMs: number;
  private readonly sampleMs: number;

  constructor(
    private readonly pool: PoolLike | null,
    private readonly options: HealthOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowMs = options.windowMs ?? 10_000;
    this.sampleMs = options.sampleMs ?? 500;
    pool?.on('release', () => this.releases++);
  }

  start(): void {
    if (this.timer) return;
    let expected = this.now() + this.sampleMs;
    this.timer = setInterval(() => {
      const at = this.now();
      this.recordLoopDelay(Math.max(0, at - expected), at);
      expected = at + this.sampleMs;
      this.samplePool(at);
    }, this.sampleMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  recordLoopDelay(delayMs: number, at = this.now()): void {
    this.samples.push({ at, delayMs });
    while (this.samples.length && this.samples[0].at < at - this.windowMs) this.samples.shift();
  }

  private samplePool(at: number): void {
    if (!this.pool) return;
    const returned = this.releases !== this.seenReleases;
    this.seenReleases = this.releases;
    if (this.pool.waitingCount === 0 || returned) this.stalledSince = null;
    else this.stalledSince ??= at;
  }

  verdict(at = this.now()): HealthVerdict {
    const reasons: string[] = [];
    const recent = this.samples.filter(s => s.at >= at - this.windowMs);
    if (recent.length && recent.every(s => s.delayMs > this.options.maxLoopDelayMs)) {
      const least = Math.min(...recent.map(s => s.delayMs));
      reasons.push(`event loop delayed at least ${Math.round(least)} ms for ${Math.round(this.windowMs / 1000)} s`);
    }
    if (this.pool && this.stalledSince !== null && at - this.stalledSince >= this.options.poolStallSeconds * 1000) {
      reasons.push(
        `database pool wedged: ${this.pool.waitingCount} waiting, ${this.pool.totalCount - this.pool.idleCount} busy, none returned for ${Math.round((at - this.stalledSince) / 1000)} s`,
      );
    }
    return { healthy: reasons.length === 0, reasons };
  }
}
