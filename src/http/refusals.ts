import type http from 'node:http';
import { ErrorCode } from '../shared/errors';
import { negotiateMediaType } from './graphql-status';

/** An HTTP-level refusal of a GraphQL request, in the GraphQL error shape. */
export interface Refusal {
  status: number;
  body: { errors: { message: string; extensions: Record<string, unknown> }[] };
}

export function refusal(status: number, code: string, message: string, extensions: Record<string, unknown> = {}): Refusal {
  return { status, body: { errors: [{ message, extensions: { code, ...extensions } }] } };
}

/**
 * The refusals both GraphQL HTTP paths share (the node:http JSON POST path and the Express
 * route), so the two answer a bad request identically.
 */
export const refusals = {
  tooLarge: (limitBytes: number) => refusal(413, ErrorCode.PAYLOAD_TOO_LARGE, `Request body exceeds ${limitBytes} bytes`, { limitBytes }),
  invalidJson: () => refusal(400, 'BAD_REQUEST', 'Request body is not valid JSON'),
  /** Any other request the HTTP layer cannot read (status 400 or 415, from body-parser). */
  badRequest: (status: number, message: string) => refusal(status, 'BAD_REQUEST', message),
  internal: (requestId: string | undefined) => refusal(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId }),
  /** A batch longer than `maxBatch` operations, or null. */
  batch: (body: unknown, maxBatch: number): Refusal | null =>
    Array.isArray(body) && body.length > maxBatch
      ? refusal(400, ErrorCode.QUERY_TOO_COMPLEX, `A batch may hold at most ${maxBatch} operations`, { measure: 'batch', limit: maxBatch, actual: body.length })
      : null,
};

/**
 * Sends a refusal in the media type the client asked for (`application/graphql-response+json`
 * when preferred, as Apollo's own answers do). Every refusal here is 4xx or, for the server's
 * own failure, 500: none of them has `data`.
 */
export function sendRefusal(res: http.ServerResponse, { status, body }: Refusal, accept?: string): void {
  const contentType = negotiateMediaType(accept)?.contentType ?? 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': contentType }).end(JSON.stringify(body));
}
