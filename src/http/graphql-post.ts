import { AsyncResource } from 'node:async_hooks';
import type http from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { RequestContext } from '../context';
import { refusals, sendRefusal } from './refusals';

export interface GraphQLPostOptions {
  apollo: ApolloServer<RequestContext>;
  maxBodyBytes: number;
  maxBatch: number;
  trustProxy: boolean;
  /** The request's context (request id, logger, actor), as for every other route. */
  context: (req: http.IncomingMessage, address: string, origin: string) => Promise<RequestContext>;
  onError: (req: http.IncomingMessage, error: unknown) => void;
  requestIdOf: (req: http.IncomingMessage) => string | undefined;
}

/** `POST /graphql` with a JSON body: the API's hot path (everything else goes through Express). */
export function isGraphQLJsonPost(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql' || req.headers['content-encoding']) return false;
  const type = req.headers['content-type'];
  if (typeof type !== 'string' || !/^application\/(json|[\w.+-]+\+json)\s*(;|$)/i.test(type)) return false;
  // This path decodes UTF-8 only; any other declared charset goes to Express, whose body
  // parser decodes it or refuses it with 415.
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1].toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/**
 * Serves `POST /graphql` JSON requests straight from node:http into Apollo, without the Express
 * router, body-parser and response helpers in between (docs/benchmarks.md: measured, that stack was a
 * large share of a marketplace request's CPU). The behaviour is the Express route's: the same
 * body limit (413 PAYLOAD_TOO_LARGE), invalid JSON (400 BAD_REQUEST), batch limit (400
 * QUERY_TOO_COMPLEX), client address and origin (honouring PLAZA_TRUST_PROXY), and context.
 * Apollo still does CSRF prevention, parsing, validation, plugins and error formatting.
 */
export function graphqlPostHandler(options: GraphQLPostOptions) {
  const { apollo, maxBodyBytes, maxBatch, trustProxy } = options;

  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const declared = Number(req.headers['content-length']);
    if (declared > maxBodyBytes) {
      sendRefusal(res, refusals.tooLarge(maxBodyBytes), req.headers.accept);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        sendRefusal(res, refusals.tooLarge(maxBodyBytes), req.headers.accept);
        return;
      }
      chunks.push(chunk);
    });
    // A client that goes away mid-body is not a server error (Express answered these quietly too).
    req.on('error', error => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET' && error.message !== 'aborted') options.onError(req, error);
    });
    // Run in the caller's async context, so the request scope (request id, query counting) is
    // still current when the body has arrived and the operation runs. A plain AsyncResource, not
    // AsyncResource.bind: bind also defines deprecated accessors on every bound function (two
    // util.deprecate wrappers per request, about 2% of a marketplace request's CPU).
    const scope = new AsyncResource('PlazaGraphQLRequestBody');
    req.on('end', () => scope.runInAsyncScope(() => {
      if (refused) return;
      let body: unknown;
      try {
        // A UTF-8 byte-order mark is accepted, as body-parser did.
        body = JSON.parse(Buffer.concat(chunks, size).toString('utf8').replace(/^\uFEFF/, ''));
      } catch {
        sendRefusal(res, refusals.invalidJson(), req.headers.accept);
        return;
      }
      const tooMany = refusals.batch(body, maxBatch);
      if (tooMany) {
        sendRefusal(res, tooMany, req.headers.accept);
        return;
      }
      execute(req, res, body).catch(error => {
        options.onError(req, error);
        if (!res.headersSent) sendRefusal(res, refusals.internal(options.requestIdOf(req)), req.headers.accept);
        else res.end();
      });
    }));
  };

  async function execute(req: http.IncomingMessage, res: http.ServerResponse, body: unknown): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const address = clientAddress(req, trustProxy);
    const origin = `${protocolOf(req, trustProxy)}://${req.headers.host ?? 'localhost'}`;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: () => options.context(req, address, origin),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** The client's address as Express reports it with the same `trust proxy` setting. */
function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0].trim();
  return req.socket.remoteAddress ?? 'unknown';
}

function protocolOf(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-proto'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0].trim();
  return (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
}
