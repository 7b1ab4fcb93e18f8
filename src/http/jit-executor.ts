import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type DocumentNode, type ExecutionResult, getVariableValues, GraphQLError, type GraphQLSchema, printSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Executes operations with graphql-jit instead of graphql-js (issue #4's throughput budget).
 *
 * Measured on the marketplace page (50 listings with listing, version and tools), graphql-js
 * execution was the largest share of the request's CPU after row parsing: a generic walk that
 * completes every field through promise checks. graphql-jit compiles each operation once into
 * a function specialised for its selection, with the same resolvers, validation and error
 * semantics. Apollo still parses, validates and runs every plugin (limits, metrics); only the
 * execution step changes, through Apollo's documented gateway executor hook.
 *
 * Compiled operations are cached per parsed document (Apollo's document store keeps one
 * DocumentNode per query text), so the cache is bounded by that store and released with it.
 * Subscriptions do not come here: graphql-ws runs them with graphql-js.
 */
/**
 * graphql-jit reports errors with its own GraphQLError (no `extensions` object, no `nodes`);
 * Apollo's error formatting expects graphql-js's, so each is rebuilt with its path, locations
 * and original error (a DomainError keeps its code through formatError).
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? (error.originalError as GraphQLError | undefined)?.extensions,
  });
  (rebuilt as { locations?: unknown }).locations = error.locations;
  return rebuilt;
}

export function jitExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const compile = (document: DocumentNode, operationName: string | null) => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let entry = byOperation.get(key);
    if (!entry) {
      entry = compileQuery(schema, document, operationName ?? undefined);
      byOperation.set(key, entry);
    }
    return entry;
  };
  const executor: GatewayExecutor = async ({ document, operationName, operation, request, context }) => {
    // Variables are coerced by graphql-js first, so a bad variable gets graphql-js's error
    // (with the variable's node), which Apollo turns into BAD_USER_INPUT as before.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const entry = compile(document, operationName);
    if (!isCompiledQuery(entry)) return entry;
    const result = await entry.query(undefined, context, request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
