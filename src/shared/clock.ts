/**
 * The time that policies read (billing periods, suspension windows, delisting deadlines, rollout
 * steps). Services take a `Clock` instead of calling `new Date()` so that tests can move time
 * forward without sleeping: `startTestApp({}, { clock })` with a `ManualClock`. Code that reads
 * the time for its own bookkeeping only (log lines, deadlines on waits) keeps using the system time.
 * SQL that decides a policy passes `clock.now()` as a parameter rather than calling `now()`.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; for tests and benchmarks. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number }): Date {
    this.current +=
      (by.days ?? 0) * 86_400_000 + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000 + (by.seconds ?? 0) * 1000 + (by.ms ?? 0);
    return this.now();
  }
}
