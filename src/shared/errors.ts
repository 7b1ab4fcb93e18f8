// GraphQLError from its own module (the same class `graphql` re-exports), and Apollo and
// type-graphql only when formatError runs: the `plaza validate` CLI throws these errors but must not
// load the GraphQL server stack at start-up (docs/benchmarks.md, cold validate).
import { GraphQLError } from 'graphql/error/GraphQLError';
import type { GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { isDatabaseUnavailable } from './outage';

/** The stable codes a client may branch on (docs/http.md). A code never changes once shipped. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  /** The extension is paused, suspended or delisted: no new installs (docs/runtime.md). */
  EXTENSION_UNAVAILABLE = 'EXTENSION_UNAVAILABLE',
  PACKAGE_REJECTED = 'PACKAGE_REJECTED',
  MEDIA_REJECTED = 'MEDIA_REJECTED',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One problem with one input field: `path` is the dotted field path. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Base of every error a client can act on. It is a GraphQLError so it crosses the resolver
 * boundary unchanged; `extensions.code` is the stable contract and `logLevel` decides how loudly
 * the server records it.
 */
export abstract class DomainError extends GraphQLError {
  abstract readonly code: ErrorCode;
  readonly logLevel: LogLevel = 'info';
  /** HTTP status used when the error is raised outside GraphQL (uploads, webhooks). */
  readonly httpStatus: number = 400;

  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions });
  }

  override toJSON(): GraphQLFormattedError {
    return { ...super.toJSON(), extensions: { ...this.extensions, code: this.code } };
  }
}

/** Anonymous caller on a field that needs an identity, or bad credentials. */
export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  override readonly httpStatus = 401;
  constructor(message = 'Authentication required') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
  override readonly httpStatus = 403;
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
  override readonly httpStatus = 404;
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class BadUserInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(message: string, fields: FieldError[] = []) {
    super(message, { fields });
  }
  static field(path: string, message: string): BadUserInputError {
    return new BadUserInputError(message, [{ path, message }]);
  }
}

export class ConflictError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
  override readonly httpStatus = 409;
}

export class InvalidStateError extends DomainError {
  readonly code = ErrorCode.INVALID_STATE;
  override readonly httpStatus = 409;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = ErrorCode.RATE_LIMITED;
  override readonly httpStatus = 429;
  override readonly logLevel = 'warn';
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { retryAfterSeconds });
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly code = ErrorCode.PAYLOAD_TOO_LARGE;
  override readonly httpStatus = 413;
  constructor(message: string, limitBytes: number) {
    super(message, { limitBytes });
  }
}

/** The caller did not grant every scope the version needs; `missingScopes` lists them. */
/** A managed extension's hosting cost the installer has not acknowledged (docs/hosting.md). */
export interface MissingHostingCost {
  tier: string;
  monthlyCostMinor: number;
  currency: string;
}

export class ConsentRequiredError extends DomainError {
  readonly code = ErrorCode.CONSENT_REQUIRED;
  override readonly httpStatus = 403;
  constructor(
    readonly missingScopes: string[],
    readonly missingHostingCost: MissingHostingCost | null = null,
  ) {
    const parts = [
      ...(missingScopes.length ? [`grant these scopes: ${missingScopes.join(', ')}`] : []),
      ...(missingHostingCost
        ? [`acknowledge the hosting cost: tier ${missingHostingCost.tier}, ${(missingHostingCost.monthlyCostMinor / 100).toFixed(2)} ${missingHostingCost.currency} per month`]
        : []),
    ];
    const message = missingHostingCost ? `To install, ${parts.join('; ')}` : `Grant these scopes to install: ${missingScopes.join(', ')}`;
    super(message, missingHostingCost ? { missingScopes, missingHostingCost } : { missingScopes });
  }
}

/**
 * A new install of an extension that is not LISTED (paused by its developer, suspended by the
 * platform or delisted). A code of its own rather than INVALID_STATE: a client shows "not
 * available right now" and stops, where other INVALID_STATE answers are about the request.
 * `availability` names the state; the reason is the owner's to see, never in this error.
 */
export class ExtensionUnavailableError extends DomainError {
  readonly code = ErrorCode.EXTENSION_UNAVAILABLE;
  override readonly httpStatus = 409;
  constructor(availability: string) {
    super('This extension is not available for new installations right now', { availability });
  }
}

/** An archive or source refused before anything is stored; `reasons` lists every problem found. */
/** A listing screenshot or compliance document refused by its bytes; `reason` is stable (docs/http.md). */
export class MediaRejectedError extends DomainError {
  readonly code = ErrorCode.MEDIA_REJECTED;
  override readonly httpStatus = 422;
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message, { reason });
  }
}

export class PackageRejectedError extends DomainError {
  readonly code = ErrorCode.PACKAGE_REJECTED;
  override readonly httpStatus = 422;
  constructor(
    message: string,
    readonly reasons: string[],
  ) {
    super(message, { reasons });
  }
}

export class QueryTooComplexError extends DomainError {
  readonly code = ErrorCode.QUERY_TOO_COMPLEX;
  override readonly logLevel = 'warn';
  constructor(message: string, details: { limit: number; actual: number; measure: string }) {
    super(message, details);
  }
}

/**
 * The database is unreachable or too slow (docs/reliability.md): temporary and the server's
 * fault, never the client's. `retryable` tells clients to try again after `retryAfterSeconds`;
 * over HTTP it is answered 503 with a Retry-After header.
 */
export class ServiceUnavailableError extends DomainError {
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;
  override readonly httpStatus = 503;
  override readonly logLevel = 'warn';
  constructor(retryAfterSeconds: number) {
    super('The service is temporarily unavailable; retry shortly', { retryable: true, retryAfterSeconds });
  }
}

/** Flattens class-validator errors (nested inputs included) into dotted field paths. */
export function fieldErrorsOf(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap(e => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map(message => ({ path, message }));
    return [...own, ...fieldErrorsOf(e.children ?? [], path)];
  });
}

export interface FormatErrorOptions {
  /** Show unknown errors' messages (development only). */
  exposeInternal: boolean;
  /** Retry-After of SERVICE_UNAVAILABLE (a database outage); 5 s when not given. */
  retryAfterSeconds?: number;
  /** Told of each database outage error (logged as a warning, not as a bug). */
  onUnavailable?: (error: unknown) => void;
  onInternalError: (error: unknown) => void;
  /**
   * Production: no "Did you mean …?" in any message (validation, variable coercion), so the
   * schema cannot be rebuilt from error messages while introspection is off.
   */
  hideSchemaDetails?: boolean;
}

/** graphql-js appends schema suggestions to messages as a last sentence. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/s, '');
}

const PASS_THROUGH_CODES = new Set<string>([
  // Apollo's own request errors (parse, validation, bad request) are safe to show.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode),
]);

/**
 * The single place errors are shaped for clients (Apollo `formatError` and the WebSocket
 * server's `onError`): domain errors pass, validation errors become BAD_USER_INPUT with field
 * details, type-graphql's UNAUTHORIZED becomes FORBIDDEN, and anything unknown is masked as
 * INTERNAL_SERVER_ERROR carrying only the request id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  options: FormatErrorOptions,
): GraphQLFormattedError {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { unwrapResolverError } = require('@apollo/server/errors') as typeof import('@apollo/server/errors');
  const { ArgumentValidationError } = require('type-graphql') as typeof import('type-graphql');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const original = unwrapResolverError(error);
  const message = options.hideSchemaDetails ? withoutSuggestions(formatted.message) : formatted.message;
  const base = { message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { ...original.extensions, code: original.code } };
  }
  if (original instanceof ArgumentValidationError) {
    return {
      ...base,
      message: 'Invalid input',
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields: fieldErrorsOf(original.extensions.validationErrors as ValidationError[]) },
    };
  }
  if (isDatabaseUnavailable(original)) {
    const unavailable = new ServiceUnavailableError(options.retryAfterSeconds ?? 5);
    options.onUnavailable?.(original);
    return { ...base, message: unavailable.message, extensions: { ...unavailable.extensions, code: unavailable.code, requestId } };
  }
  // Apollo's own refusals of a bad request that carry a 4xx status but no code (an automatic
  // persisted query whose hash does not match its text, an unsupported APQ version) are the
  // client's mistake, not an internal error: BAD_REQUEST, with Apollo's message.
  const ownStatus = (original instanceof GraphQLError ? (original.extensions?.http as { status?: unknown } | undefined)?.status : undefined);
  if (original instanceof GraphQLError && !original.extensions?.code && typeof ownStatus === 'number' && ownStatus >= 400 && ownStatus < 500) {
    return { ...base, extensions: { code: 'BAD_REQUEST' } };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code === ErrorCode.SERVICE_UNAVAILABLE) {
    // Raised as a plain GraphQLError where Apollo needs one (context creation): same shape.
    const { retryable, retryAfterSeconds } = formatted.extensions ?? {};
    return { ...base, extensions: { code, retryable, retryAfterSeconds, requestId } };
  }
  if (code === 'UNAUTHORIZED') {
    return { ...base, extensions: { code: ErrorCode.FORBIDDEN } };
  }
  if (code === 'BAD_USER_INPUT') {
    // graphql-js variable coercion errors: the message names the variable, never internals.
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [] } };
  }
  if (code && PASS_THROUGH_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...base, extensions: { code } };
  }
  options.onInternalError(original);
  return {
    message: options.exposeInternal && original instanceof Error ? original.message : 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}
