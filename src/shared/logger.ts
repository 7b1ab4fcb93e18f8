import pino, { Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; every request logs through a child carrying its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'plaza' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', '*.password', '*.token', '*.secret', 'variables.password', 'variables.input.password'],
      censor: '[redacted]',
    },
  });
}
