import { isDatabaseUnavailable } from './outage';

/**
 * Which errors are worth retrying: the database was unreachable, restarting, overloaded, or a
 * statement/lock timed out (`isDatabaseUnavailable`, the same list that answers clients
 * SERVICE_UNAVAILABLE), or the transaction lost a serialization race or a deadlock. Everything
 * else (a bug, a hostile package, a constraint the data breaks) fails the same way on every
 * attempt, so a job that meets one must end its subject in a final state instead of retrying
 * (docs/validation.md).
 */
const RACE_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

export function isTransientDatabaseError(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  // TypeORM wraps the driver's error (QueryFailedError.driverError); pg-pool may set `cause`.
  const seen = new Set<unknown>();
  for (let e = error as { code?: unknown; driverError?: unknown; cause?: unknown } | undefined; e && !seen.has(e); ) {
    seen.add(e);
    if (typeof e.code === 'string' && RACE_SQLSTATES.has(e.code)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
