import type { ApolloServerPlugin, HTTPGraphQLHead } from '@apollo/server';
import Negotiator from 'negotiator';
import { ErrorCode } from '../shared/errors';

/**
 * The HTTP status of every GraphQL response, decided in one place (docs/http.md has the table).
 *
 * The rule, from the GraphQL-over-HTTP spec:
 * - A client's mistake is never 5xx. A request that fails before execution (parse, validation,
 *   variable coercion, unknown operation, the depth/alias/cost/variable limits, U+0000 in
 *   text) answers 200 under
 *   `application/json` (the spec's SHOULD for every well-formed request) and 400 under
 *   `application/graphql-response+json` (its MUST: no `data`, so 4xx).
 * - An executed operation answers 200 whatever its field errors (domain errors such as
 *   UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT): the body has `data`.
 * - A server failure answers its 5xx when the response holds no usable data (`data` absent or
 *   null); the error carries the request id and was logged with it (formatError).
 * - A malformed request (no `query`, `variables` not an object; code BAD_REQUEST) is 400.
 * - Protocol refusals Apollo decides itself keep their status: 405 (GET for a mutation), 406
 *   (no acceptable media type), 415 (GET with a body type), and so do automatic persisted
 *   queries' answers.
 *
 * Two kinds of answer never reach this plugin: refusals of the HTTP layer (body limit, bad
 * JSON, batch limit: refusals.ts) and a failure to build the request's context (a bad
 * credential is 401; its status is `extensions.http.status`, set in app.ts graphqlContext).
 */

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';
export type GraphQLMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON;

/**
 * Server-side failures and their status. A code listed here is the server's fault, never the
 * client's; a retryable outage code belongs here too (with its status and Retry-After header).
 */
export const SERVER_FAILURE_STATUS: Readonly<Record<string, number>> = {
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
  // A database outage (db/outage.ts): retryable, with Retry-After (app.ts, unavailablePlugin).
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Statuses Apollo sets for the HTTP exchange itself rather than for the operation. */
const PROTOCOL_STATUSES = new Set([405, 406, 415]);

/**
 * A request that is not a well-formed GraphQL-over-HTTP request (no `query`, `variables` not an
 * object): 400 under either media type, as the spec asks.
 */
const MALFORMED_REQUEST = 'BAD_REQUEST';

/** Automatic persisted queries answer 200 by their own protocol (the client then sends the text). */
const PERSISTED_QUERY_CODES = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

export interface GraphQLResponseShape {
  mediaType: GraphQLMediaType;
  /** `absent`: the request failed before execution; `null`: executed, nothing usable. */
  data: 'absent' | 'null' | 'present';
  /** `extensions.code` of each formatted error. */
  codes: readonly (string | undefined)[];
  /** The status Apollo chose, if any. */
  current?: number;
}

export function graphqlResponseStatus({ mediaType, data, codes, current }: GraphQLResponseShape): number {
  if (current !== undefined && PROTOCOL_STATUSES.has(current)) return current;
  if (data !== 'present') {
    const failure = Math.max(0, ...codes.map(code => (code && SERVER_FAILURE_STATUS[code]) || 0));
    if (failure) return failure;
  }
  if (data !== 'absent' || codes.length === 0) return 200;
  if (codes.includes(MALFORMED_REQUEST)) return 400;
  if (current !== undefined && codes.every(code => code && PERSISTED_QUERY_CODES.has(code))) return current;
  return mediaType === GRAPHQL_RESPONSE_JSON ? 400 : 200;
}

// The candidates in Apollo's own order (chooseContentTypeForSingleResultResponse), so the same
// Accept header picks the same media type here as in Apollo.
const APOLLO_CANDIDATES = ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

/** The media type a response to this Accept header takes; null when none is acceptable (406). */
export function negotiateMediaType(accept: string | undefined): { mediaType: GraphQLMediaType; contentType: string } | null {
  if (!accept) return { mediaType: APPLICATION_JSON, contentType: APOLLO_CANDIDATES[0] };
  const preferred = new Negotiator({ headers: { accept } }).mediaType(APOLLO_CANDIDATES);
  if (!preferred) return null;
  return { mediaType: preferred.startsWith(GRAPHQL_RESPONSE_JSON) ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON, contentType: preferred };
}

/**
 * Applies graphqlResponseStatus to every HTTP operation. It runs in `willSendResponse`, which
 * Apollo calls for executed operations and for requests refused in parsing, validation or a
 * plugin (the limits) alike. The content type is fixed here too, so the status is always
 * decided for the media type the client actually gets.
 */
export function graphqlStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  // The operations of one batched request share one response head: the batch answers the
  // highest status any of its operations asked for.
  const batchStatus = new WeakMap<HTTPGraphQLHead, number>();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (!request.http || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // The common case, a clean result: Apollo's 200 and content type stand (no negotiation
          // on the hot path).
          if (!result.errors?.length && result.data !== undefined && response.http.status === undefined) return;
          const negotiated = negotiateMediaType(request.http.headers.get('accept'));
          if (!negotiated) return; // Apollo answers 406 itself
          if (!response.http.headers.get('content-type')) response.http.headers.set('content-type', negotiated.contentType);
          const status = graphqlResponseStatus({
            mediaType: negotiated.mediaType,
            data: result.data === undefined ? 'absent' : result.data === null ? 'null' : 'present',
            codes: (result.errors ?? []).map(error => error.extensions?.code as string | undefined),
            current: response.http.status,
          });
          const decided = Math.max(batchStatus.get(response.http) ?? 0, status);
          batchStatus.set(response.http, decided);
          response.http.status = decided;
        },
      };
    },
  };
}
