import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { execute, GraphQLError, GraphQLFormattedError, GraphQLSchema, NoSchemaIntrospectionCustomRule, parse, specifiedRules, subscribe, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { PlazaConfig } from '../config';
import type { Actor, RequestContext } from '../context';
import type { AuthService } from '../modules/accounts/auth.service';
import { DomainError, ErrorCode } from '../shared/errors';
import { checkOperationLimits, OperationLimits } from '../shared/limits';
import type { Logger } from '../shared/logger';
import type { Metrics } from '../shared/metrics';
import { newScope, requestScope } from '../shared/request-scope';

type WsExtra = {
  actor?: Actor | null;
  address?: string;
};

export interface WebSocketOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  config: PlazaConfig;
  limits: OperationLimits;
  services: { auth: Pick<AuthService, 'authenticate'> };
  logger: Logger;
  metrics: Metrics;
  baseContext: (requestId: string, log: Logger, address: string) => Omit<RequestContext, 'actor'>;
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** Close code for a subscriber that does not keep up (in the 4000-4999 application range). */
export const SLOW_SUBSCRIBER_CLOSE_CODE = 4008;

class TooManySubscriptionsError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(limit: number) {
    super(`At most ${limit} subscriptions per connection; open another connection`, { limit });
  }
}

/**
 * Bounds what a slow subscriber can make the server hold. Subscriptions pull from the event
 * log and graphql-ws awaits each send, so a subscription holds at most one message; with the
 * per-connection subscription cap that bounds memory, and this check turns a client that stops
 * reading into a closed connection instead of a stuck one: once more than `maxQueuedBytes`
 * wait in the socket's user-space buffer (the kernel's is full), the connection is closed with
 * 4008 and a reason, and the client resumes from the last cursor it received (`after`).
 */
function closeIfTooSlow(socket: WebSocket, maxQueuedBytes: number, logger: Logger): void {
  if (socket.readyState !== socket.OPEN || socket.bufferedAmount <= maxQueuedBytes) return;
  closeSlow(socket, `Too slow: over ${maxQueuedBytes} bytes queued; resume from your last cursor`, logger);
}

function closeSlow(socket: WebSocket, reason: string, logger: Logger): void {
  logger.warn({ bufferedBytes: socket.bufferedAmount, reason }, 'closing a slow subscriber');
  socket.close(SLOW_SUBSCRIBER_CLOSE_CODE, reason);
  // The close frame waits behind the queued bytes; a client that never reads is cut off.
  setTimeout(() => socket.terminate(), 10_000).unref();
}

/**
 * The other half of the bound: a client that stops reading while each subscription holds its
 * one message never crosses the byte cap, so a connection whose unsent bytes have not gone
 * down for `stallMs` is closed the same way (4008, resume from the last cursor).
 */
function watchForStalls(wsServer: WebSocketServer, stallMs: number, logger: Logger): NodeJS.Timeout {
  const seen = new WeakMap<WebSocket, { buffered: number; since: number }>();
  const timer = setInterval(() => {
    const now = Date.now();
    for (const socket of wsServer.clients) {
      const buffered = socket.bufferedAmount;
      const last = seen.get(socket);
      if (buffered === 0 || socket.readyState !== socket.OPEN) {
        seen.delete(socket);
      } else if (!last || buffered < last.buffered) {
        seen.set(socket, { buffered, since: now }); // draining: progress
      } else if (now - last.since >= stallMs) {
        seen.delete(socket);
        closeSlow(socket, `Too slow: nothing sent for ${Math.round(stallMs / 1000)} s; resume from your last cursor`, logger);
      } else {
        last.buffered = buffered;
      }
    }
  }, Math.min(1000, stallMs / 4));
  timer.unref();
  return timer;
}

/** Reads the credential a client put in `connection_init`'s payload. */
function credentialOf(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization ?? params?.token;
  return typeof value === 'string' ? value : undefined;
}

/**
 * graphql-ws on the same port and path as HTTP. The caller authenticates once in
 * `connection_init` (a bad credential closes the socket with 4403); every operation then goes
 * through the same validation, depth, alias and cost limits as HTTP, frames are capped at the
 * HTTP body limit, and errors are shaped by the same formatter.
 */
export function attachWebSocketServer(options: WebSocketOptions): { dispose(): Promise<void> } {
  const { schema, limits, services, logger } = options;
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    maxPayload: options.config.maxBodyBytes,
  });

  // Production: no introspection here either (Apollo turns it off on the HTTP path).
  const validationRules = options.config.nodeEnv === 'production' ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const withCode = (error: GraphQLError, code: string) =>
    new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
  const formatAll = (errors: readonly GraphQLError[]) => errors.map(e => options.format(e.toJSON(), e));
  // graphql-ws sends `error` messages only for GraphQLError instances: rebuild them, formatted.
  const refuse = (errors: readonly GraphQLError[]) =>
    formatAll(errors).map(f => new GraphQLError(f.message, { extensions: f.extensions }));

  const cleanup = useServer<Record<string, unknown> | undefined, WsExtra>(
    {
      schema,
      onConnect: async ctx => {
        try {
          ctx.extra.actor = await services.auth.authenticate(credentialOf(ctx.connectionParams));
          ctx.extra.address = ctx.extra.request.socket.remoteAddress ?? 'unknown';
          return true;
        } catch (error) {
          if (!(error instanceof DomainError)) logger.error({ err: error }, 'websocket authentication failed');
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        // graphql-ws has already registered this operation in `ctx.subscriptions`.
        if (Object.keys(ctx.subscriptions).length > options.config.wsMaxSubscriptions) {
          return refuse([new TooManySubscriptionsError(options.config.wsMaxSubscriptions)]);
        }
        const requestId = randomUUID();
        const log = logger.child({ requestId, transport: 'ws' });
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return refuse([withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')]);
        }
        const validationErrors = validate(schema, document, validationRules);
        // The codes Apollo gives the same refusals over HTTP (else they would pass as internal errors).
        if (validationErrors.length) return refuse(validationErrors.map(e => withCode(e, 'GRAPHQL_VALIDATION_FAILED')));
        try {
          checkOperationLimits(schema, document, payload.operationName, payload.variables ?? undefined, limits);
        } catch (error) {
          if (error instanceof GraphQLError) return refuse([error]);
          throw error;
        }
        const contextValue: RequestContext = {
          ...options.baseContext(requestId, log, ctx.extra.address ?? 'unknown'),
          actor: ctx.extra.actor ?? null,
        };
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      execute: args => requestScope.run(newScope((args.contextValue as RequestContext).requestId), () => execute(args)),
      subscribe: args => requestScope.run(newScope((args.contextValue as RequestContext).requestId), () => subscribe(args)),
      onNext: (ctx, _id, _payload, args, result) => {
        closeIfTooSlow(ctx.extra.socket, options.config.wsMaxQueuedBytes, logger);
        if (!result.errors?.length) return result;
        const requestId = (args.contextValue as RequestContext).requestId;
        return requestScope.run(newScope(requestId), () => ({ ...result, errors: formatAll(result.errors!) as unknown as GraphQLError[] }));
      },
    },
    wsServer,
  );

  const stallTimer = watchForStalls(wsServer, options.config.wsMaxStallSeconds * 1000, logger);

  return {
    async dispose() {
      clearInterval(stallTimer);
      await cleanup.dispose();
      await new Promise<void>(resolve => wsServer.close(() => resolve()));
    },
  };
}
