import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { PlazaConfig } from './config';
import type { RequestContext, ResolverContainer } from './context';
import { createDataSource, runMigrations } from './db/data-source';
import { isDatabaseUnavailable } from './shared/outage';
import { dbTimeoutsOf, trackConnections } from './db/timeouts';
import { DatabaseProbe } from './db/probe';
import { HealthMonitor, PoolLike } from './shared/health';
import { createLoaders } from './loaders';
import { buildPlazaSchema } from './schema';
import { createResolverContainer, createServices, Services } from './services';
import { DomainError, ErrorCode, formatError, QueryTooComplexError, ServiceUnavailableError } from './shared/errors';
import { checkOperationLimits, checkVariables, OperationLimits } from './shared/limits';
import { createLogger, Logger } from './shared/logger';
import { Metrics } from './shared/metrics';
import { currentRequestId, newScope, RequestScope, requestScope } from './shared/request-scope';
import { explorerAssets, explorerPage, wantsExplorer } from './http/explorer';
import { LRUCache } from 'lru-cache';
import { jitExecutionGateway } from './http/jit-executor';
import { graphqlPostHandler, isGraphQLJsonPost } from './http/graphql-post';
import { refusals, sendRefusal } from './http/refusals';
import { graphqlStatusPlugin } from './http/graphql-status';
import { attachWebSocketServer } from './http/websocket';
import { uploadRoutes } from './http/uploads';
import { iconRoutes } from './http/icons';
import { listingMediaRoutes } from './http/listing-media';
import { analyticsChartRoutes } from './http/analytics-chart';
import { gitHookRoutes } from './http/git-hooks';
import { billingRoutes } from './http/billing-statements';
import { startJobs } from './jobs/workers';
import type { Clock } from './shared/clock';
import { RuntimeTokensService } from './modules/runtime/runtime-tokens.service';

export interface AppOptions {
  config: PlazaConfig;
  databaseUrl: string;
  logger?: Logger;
  /** Apply pending migrations at start-up (the default). */
  migrate?: boolean;
  /** The time policies read (docs/architecture.md, "Time"); the system clock unless a test injects one. */
  clock?: Clock;
}

export interface PlazaApp {
  config: PlazaConfig;
  httpServer: http.Server;
  dataSource: DataSource;
  services: Services;
  schema: GraphQLSchema;
  metrics: Metrics;
  logger: Logger;
  container: ResolverContainer;
  listen(port?: number, host?: string): Promise<string>;
  /** Graceful stop: refuse new connections, drain in-flight requests, close the pool. */
  close(): Promise<void>;
}

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
  }
}

/** Builds the whole server (HTTP + WebSocket on one port) over the given database. */
export async function createApp(options: AppOptions): Promise<PlazaApp> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const dataSource = createDataSource(options.databaseUrl, { poolSize: config.dbPoolSize, timeouts: dbTimeoutsOf(config), preparedStatements: config.dbPreparedStatements });
  await dataSource.initialize();
  const pool = (dataSource.driver as unknown as { master: PoolLike & { on(event: 'error', listener: (error: Error) => void): unknown } }).master;
  // An idle pooled connection that fails (the database restarted) is dropped by the pool; an
  // 'error' without a listener would take the process down.
  pool.on('error', error => logger.warn({ err: error }, 'idle database connection lost'));
  if (options.migrate !== false) {
    const applied = await runMigrations(dataSource, config.dbLongStatementTimeoutMs);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  }
  const health = new HealthMonitor(pool, { maxLoopDelayMs: config.healthzMaxLoopDelayMs, poolStallSeconds: config.healthzPoolStallSeconds });
  health.start();
  const connections = trackConnections(pool as unknown as Parameters<typeof trackConnections>[0]);
  const probe = new DatabaseProbe(
    options.databaseUrl,
    dbTimeoutsOf(config),
    {
      intervalMs: config.dbProbeIntervalMs,
      timeoutMs: config.dbProbeTimeoutMs,
      failuresToTrip: 2,
      onTrip: () => logger.warn({ dropped: connections.dropAll() }, 'database pool connections dropped'),
    },
    logger.child({ component: 'database-probe' }),
  );
  probe.start();
  const unavailableError = () => {
    const unavailable = new ServiceUnavailableError(config.retryAfterSeconds);
    return new GraphQLError(unavailable.message, {
      extensions: { ...unavailable.extensions, code: unavailable.code, http: unavailableHttp(config.retryAfterSeconds) },
    });
  };

  const services = createServices(config, dataSource, options.databaseUrl, logger, options.clock);
  const container = createResolverContainer(services, config);
  const schema = await buildPlazaSchema(container);
  const metrics = new Metrics();
  const limits: OperationLimits = {
    maxDepth: config.maxQueryDepth,
    maxCost: config.maxQueryCost,
    maxAliases: config.maxAliases,
    maxPageSize: config.maxPageSize,
  };
  const exposeInternal = config.nodeEnv === 'development';
  // Production hides the schema: introspection off (Apollo's default there, and the WebSocket
  // path's own rule) and no field suggestions in any error message.
  const hideSchemaDetails = config.nodeEnv === 'production';
  const onInternalError = (error: unknown) => logger.error({ err: error, requestId: currentRequestId() }, 'internal error');
  const onUnavailable = (error: unknown) => logger.warn({ err: error, requestId: currentRequestId() }, 'database unavailable');
  const format = (formatted: Parameters<typeof formatError>[0], error: unknown) =>
    formatError(formatted, error, currentRequestId(), { exposeInternal, onInternalError, hideSchemaDetails, onUnavailable, retryAfterSeconds: config.retryAfterSeconds });

  const app = express();
  app.disable('x-powered-by');
  // GraphQL responses are not cached by ETag (and hashing every body cost measurable CPU).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  // POST /graphql JSON requests skip Express (see graphql-post.ts); everything else uses it.
  let graphqlPost: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
  const httpServer = http.createServer((req, res) => (graphqlPost && isGraphQLJsonPost(req) ? graphqlPost(req, res) : app(req, res)));

  const baseContext = (requestId: string, log: Logger, address: string, origin = ''): Omit<RequestContext, 'actor'> => ({
    requestId,
    address,
    origin,
    logger: log,
    manager: dataSource.manager,
    loaders: createLoaders(dataSource.manager),
    container,
  });

  const ws = attachWebSocketServer({ httpServer, schema, config, limits, services, logger, metrics, baseContext, format });

  const apollo = new ApolloServer<RequestContext>({
    // The schema, executed by graphql-jit (see jit-executor.ts).
    gateway: jitExecutionGateway(schema),
    csrfPrevention: true,
    // main.ts owns SIGTERM: it drains HTTP, WebSocket, the event stream and the pool in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: hideSchemaDetails,
    introspection: !hideSchemaDetails,
    formatError: format,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
      { async serverWillStart() { return { drainServer: () => ws.dispose() }; } },
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of GraphQL responses here: skip the per-field cache-policy bookkeeping.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(limits),
      // Last: the HTTP status of every response, from its errors (graphql-status.ts).
      graphqlStatusPlugin<RequestContext>(),
      observabilityPlugin(metrics, !config.isProduction),
      unavailablePlugin(config.retryAfterSeconds),
    ],
  });
  await apollo.start();

  // Request id, structured request log and HTTP metrics for every request (both paths).
  const beginRequest = (req: http.IncomingMessage & { id?: string; log?: Logger }, res: http.ServerResponse): RequestScope => {
    const header = req.headers['x-request-id'];
    const id = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
    const log = logger.child({ requestId: id });
    req.id = id;
    req.log = log;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    const scope = newScope(id);
    const path = ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];
    res.on('finish', () => {
      const route = routeLabel(path);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequests.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method ?? 'GET', route }, seconds);
      metrics.dbQueriesPerRequest.observe({ route }, scope.queries);
      log.info({ method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000), queries: scope.queries }, 'request');
    });
    return scope;
  };
  app.use((req: Request, res: Response, next: NextFunction) => requestScope.run(beginRequest(req, res), next));

  /** The GraphQL context of one HTTP request: who is calling, and the per-request loaders. */
  const graphqlContext = async (req: http.IncomingMessage & { id?: string; log?: Logger }, address: string, origin: string): Promise<RequestContext> => {
    // While the probe finds the database down, answer at once instead of waiting out timeouts.
    if (!probe.available) throw unavailableError();
    const base = baseContext(req.id!, req.log!, address, origin);
    try {
      const credential = req.headers.authorization;
      // A runtime token (docs/runtime.md) is a principal of its own, never a user: the request
      // runs as anonymous with `runtime` set, which only the report mutations accept.
      if (RuntimeTokensService.isRuntimeCredential(credential)) {
        return { ...base, actor: null, runtime: await services.runtimeTokens.authenticate(credential!) };
      }
      return { ...base, actor: await services.auth.authenticate(credential) };
    } catch (error) {
      if (error instanceof DomainError) {
        throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.httpStatus } } });
      }
      if (isDatabaseUnavailable(error)) {
        // Authenticating needs the database: an outage here is a 503 like anywhere else.
        onUnavailable(error);
        throw unavailableError();
      }
      throw error;
    }
  };
  const handlePost = graphqlPostHandler({
    apollo,
    maxBodyBytes: config.maxBodyBytes,
    maxBatch: config.maxBatch,
    trustProxy: config.trustProxy,
    context: graphqlContext,
    onError: (req, error) => (req as { log?: Logger }).log?.error({ err: error }, 'unhandled HTTP error'),
    requestIdOf: req => (req as { id?: string }).id,
  });
  graphqlPost = (req, res) => requestScope.run(beginRequest(req, res), () => handlePost(req, res));

  app.get('/healthz', (_req, res) => {
    const verdict = health.verdict();
    if (verdict.healthy) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unhealthy', reasons: verdict.reasons });
  });
  app.get('/readyz', async (_req, res) => {
    if (!probe.available) {
      res.status(503).set('Retry-After', String(config.retryAfterSeconds)).json({ status: 'not ready', reason: 'database unavailable' });
      return;
    }
    // Answered within the deadline whatever the database does: a probe that hangs tells nothing.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>(resolve => (timer = setTimeout(() => resolve('late'), config.readyzTimeoutMs)));
    const check = (async () => {
      await dataSource.query('SELECT 1');
      return (await dataSource.showMigrations()) ? ('pending' as const) : ('ready' as const);
    })().catch(() => 'unreachable' as const);
    const outcome = await Promise.race([check, deadline]);
    clearTimeout(timer);
    if (outcome === 'ready') res.json({ status: 'ready' });
    else {
      const reason = { pending: 'migrations pending', unreachable: 'database unreachable', late: `database did not answer within ${config.readyzTimeoutMs} ms` }[outcome];
      res.status(503).set('Retry-After', String(config.retryAfterSeconds)).json({ status: 'not ready', reason });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(explorerAssets());

  app.use(iconRoutes(services, req => ({ ...baseContext(req.id, req.log, req.ip ?? 'unknown'), actor: null })));
  app.use(gitHookRoutes(services, req => ({ ...baseContext(req.id, req.log, req.ip ?? 'unknown'), actor: null })));
  app.use(listingMediaRoutes(services, (req, actor) => ({ ...baseContext(req.id, req.log, req.ip ?? 'unknown'), actor })));
  app.use(billingRoutes(services, (req, actor) => ({ ...baseContext(req.id, req.log, req.ip ?? 'unknown'), actor })));
  app.use(analyticsChartRoutes(services, (req, actor) => ({ ...baseContext(req.id, req.log, req.ip ?? 'unknown'), actor })));
  app.use(uploadRoutes(services, (req, actor) => ({ ...baseContext(req.id, req.log, req.ip ?? 'unknown'), actor })));

  app.get('/graphql', (req, res, next) => {
    if (!wantsExplorer(req.method, req.headers.accept, req.query as Record<string, unknown>)) return next();
    res.type('html').send(explorerPage());
  });
  app.use(
    '/graphql',
    express.json({ limit: config.maxBodyBytes, type: ['application/json', 'application/*+json'] }),
    (req: Request, res: Response, next: NextFunction) => {
      const tooMany = refusals.batch(req.body, config.maxBatch);
      if (tooMany) return sendRefusal(res, tooMany, req.headers.accept);
      next();
    },
    expressMiddleware(apollo, {
      context: ({ req }) => graphqlContext(req, req.ip ?? 'unknown', `${req.protocol}://${req.get('host')}`),
    }),
  );

  // Body-parser and other HTTP-level failures, in the GraphQL error shape.
  app.use((error: { type?: string; status?: number; message?: string }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large') return sendRefusal(res, refusals.tooLarge(config.maxBodyBytes), req.headers.accept);
    if (error.type === 'entity.parse.failed') return sendRefusal(res, refusals.invalidJson(), req.headers.accept);
    // body-parser's other refusals are the client's too (an unsupported charset or
    // Content-Encoding is 415, a malformed or aborted body 400): their status, never a 500.
    const status = error.status ?? 0;
    if (status >= 400 && status < 500) return sendRefusal(res, refusals.badRequest(status, error.message ?? 'Bad request'), req.headers.accept);
    req.log.error({ err: error }, 'unhandled HTTP error');
    sendRefusal(res, refusals.internal(req.id), req.headers.accept);
  });

  await services.eventStream.start();
  const workers = await startJobs(services, config, dataSource, logger, container);

  let closing: Promise<void> | null = null;
  return {
    config,
    httpServer,
    dataSource,
    services,
    schema,
    metrics,
    logger,
    container,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    close() {
      closing ??= (async () => {
        // apollo.stop() runs the drain plugins: the HTTP server stops accepting and waits for
        // in-flight requests, and the WebSocket server closes its sockets.
        if (httpServer.listening) await apollo.stop();
        else await ws.dispose();
        await workers.stop();
        await services.eventStream.stop();
        await services.jobs.stop();
        await services.packages.close();
        health.stop();
        await probe.stop();
        await dataSource.destroy();
      })();
      return closing;
    },
  };
}

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
function routeLabel(path: string): string {
  if (ROUTES.has(path)) return path;
  if (path.startsWith('/marketplace/apps/')) return '/marketplace/apps/:appId/icon.svg';
  if (path.startsWith('/uploads/')) return '/uploads/:id';
  if (path.startsWith('/hooks/git/')) return '/hooks/git/:appId';
  if (path.startsWith('/explorer/')) return '/explorer';
  return 'other';
}

/** Depth, alias and cost limits on every HTTP operation, after validation. */
function limitsPlugin(limits: OperationLimits): ApolloServerPlugin<RequestContext> {
  // The verdict depends only on the query text, the operation and its declared variables:
  // remember it (bounded, least recently used first out) instead of walking the document on
  // every request. Undeclared variables are left out of the key, so they cannot bloat it.
  const verdicts = new LRUCache<string, { refusal: QueryTooComplexError | null }>({ max: 10_000, maxSize: 8 * 1024 * 1024, sizeCalculation: (_v, key) => key.length + 64 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, operation, request, queryHash }) {
          const declared: Record<string, unknown> = {};
          for (const definition of operation?.variableDefinitions ?? []) {
            const name = definition.variable.name.value;
            if (request.variables && name in request.variables) declared[name] = request.variables[name];
          }
          // Before the key, and before a cached verdict: JSON.stringify of a value nested
          // thousands deep overflows the stack, and PostgreSQL cannot store U+0000.
          checkVariables(declared);
          const key = `${queryHash}\u0000${operationName ?? ''}\u0000${JSON.stringify(declared)}`;
          const known = verdicts.get(key);
          if (known) {
            // A fresh error per request (errors are not shared between responses).
            if (known.refusal) throw new QueryTooComplexError(known.refusal.message, known.refusal.extensions as ConstructorParameters<typeof QueryTooComplexError>[1]);
            return;
          }
          let refusal: QueryTooComplexError | null = null;
          try {
            checkOperationLimits(schema, document, operationName, request.variables, limits);
          } catch (error) {
            if (!(error instanceof QueryTooComplexError)) throw error;
            refusal = error;
          }
          verdicts.set(key, { refusal });
          if (refusal) throw refusal;
        },
      };
    },
  };
}

function unavailableHttp(retryAfterSeconds: number) {
  return { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) };
}

/**
 * A database outage met by an operation is answered 503 with Retry-After on both POST paths
 * (the errors themselves carry SERVICE_UNAVAILABLE, shaped by formatError), so clients and load
 * balancers see a temporary server failure instead of a 200 or a 500. The status itself is
 * graphql-status.ts's (503 when the response holds no usable data); this adds the header.
 */
function unavailablePlugin(retryAfterSeconds: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.http.status !== 503) return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some(e => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return;
          for (const [key, value] of unavailableHttp(retryAfterSeconds).headers) response.http.headers.set(key, value);
        },
      };
    },
  };
}

/** Operation counts, latencies and error codes for /metrics, plus a log line per failure. */
function observabilityPlugin(metrics: Metrics, exposeQueryCount: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      let type = 'unknown';
      return {
        async didResolveOperation({ operation }) {
          type = operation?.operation ?? 'unknown';
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = error.originalError;
            const code =
              original instanceof DomainError
                ? original.code
                : isDatabaseUnavailable(original)
                  ? ErrorCode.SERVICE_UNAVAILABLE
                  : String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
            metrics.graphqlErrors.inc({ code });
            const level = original instanceof DomainError ? original.logLevel : 'info';
            contextValue?.logger?.[level]({ code, message: error.message, path: error.path }, 'graphql error');
          }
        },
        async willSendResponse({ response }) {
          const scope = requestScope.getStore();
          if (scope && exposeQueryCount) response.http.headers.set('x-plaza-db-queries', String(scope.queries));
          const failed = response.body.kind === 'single' && !!response.body.singleResult.errors?.length;
          metrics.graphqlOperations.inc({ type, outcome: failed ? 'error' : 'ok' });
          end({ type });
        },
      };
    },
  };
}
