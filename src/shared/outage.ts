/**
 * Whether an error means the database is unreachable or did not answer in time, rather than
 * that the request was wrong or the code has a bug: such a failure is the server's, is
 * temporary, and is answered SERVICE_UNAVAILABLE (503, Retry-After) so clients retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as ErrorShape | undefined, depth = 0; e && depth < 5; depth++) {
    if (matches(e)) return true;
    e = e.driverError ?? e.originalError ?? e.cause;
  }
  return false;
}

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  driverError?: ErrorShape;
  originalError?: ErrorShape;
  cause?: ErrorShape;
}

/** PostgreSQL SQLSTATEs of a lost or refused connection, a cancelled statement or a lock wait. */
const SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout: the session was ended under a slow transaction
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections (and the rest of class 53, insufficient resources, below)
]);

/** Socket errors of the connection to the database. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Messages pg and pg-pool give these failures (they carry no code). */
const MESSAGES = [
  /^Query read timeout$/,
  /^timeout exceeded when trying to connect$/i,
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Connection terminated due to connection timeout$/,
  /terminating connection/i,
  /Connection is not established/i,
];

function matches(e: ErrorShape): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (SQLSTATES.has(code) || code.startsWith('08') || code.startsWith('53') || NETWORK_CODES.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return MESSAGES.some(m => m.test(message));
}
