import type http from 'node:http';
import { ErrorCode } from '../shared/errors';

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
  internal: (requestId: string | undefined) => refusal(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId }),
  /** A batch longer than `maxBatch` operations, or null. */
  batch: (body: unknown, maxBatch: number): Refusal | null =>
    Array.isArray(body) && body.length > maxBatch
      ? refusal(400, ErrorCode.QUERY_TOO_COMPLEX, `A batch may hold at most ${maxBatch} operations`, { measure: 'batch', limit: maxBatch, actual: body.length })
      : null,
};

export function sendRefusal(res: http.ServerResponse, { status, body }: Refusal): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
