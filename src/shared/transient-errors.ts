/**
 * Which errors are worth retrying: the database was unreachable, restarting, overloaded, or a
 * statement/lock timed out or lost a serialization race. Everything else (a bug, a hostile
 * package, a constraint the data breaks) fails the same way on every attempt, so a job that
 * meets one must end its subject in a final state instead of retrying (docs/validation.md).
 */

/** SQLSTATE classes: 08 connection exception, 53 insufficient resources. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53'];
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '57014', // query_canceled (statement_timeout)
  '55P03', // lock_not_available (lock_timeout)
  '25P03', // idle_in_transaction_session_timeout
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/** node-postgres reports a lost or unobtainable connection in plain Errors without a code. */
const TRANSIENT_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /connection error and is not queryable/i, /terminating connection/i, /Connection is not established/i];

export function isTransientDatabaseError(error: unknown): boolean {
  // TypeORM wraps the driver's error (QueryFailedError.driverError); pg-pool may set `cause`.
  const seen = new Set<unknown>();
  for (let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined; e && !seen.has(e); ) {
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    if (code.length === 5 && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2)))) return true;
    if (TRANSIENT_SOCKET_CODES.has(code)) return true;
    if (typeof e.message === 'string' && TRANSIENT_MESSAGES.some(re => re.test(e!.message as string))) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
