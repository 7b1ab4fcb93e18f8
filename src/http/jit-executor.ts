import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { BREAK, type DocumentNode, execute, type ExecutionResult, getVariableValues, GraphQLError, type GraphQLSchema, Kind, printSchema, visit } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Executes operations with graphql-jit instead of graphql-js (the marketplace throughput budget, docs/benchmarks.md).
 *
 * Measured on the marketplace page (50 listings with listing, version and tools), graphql-js
 * execution was the largest share of the request's CPU after row parsing: a generic walk that
 * completes every field through promise checks. graphql-jit compiles each operation once into
 * a function specialised for its selection, with the same resolvers, validation and error
 * semantics. Apollo still parses, validates and runs every plugin (limits, metrics); only the
 * execution step changes, through Apollo's documented gateway executor hook.
 *
 * Compiled operations are cached per parsed document (Apollo's document store keeps one
 * DocumentNode per query text), so the cache is released with that store's entries; only
 * documents used at least twice are compiled. Subscriptions do not come here: graphql-ws runs
 * them with graphql-js.
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

/**
 * graphql-jit turns a variable that was left out inside an input-object or list literal
 * (`input: { title: $title, url: $url }` without `$url`) into null, where graphql-js leaves the
 * field out (upstream graphql-jit issue 91): an update would then clear a field the client never
 * named. Documents with a variable inside such a literal run on graphql-js.
 */
export function hasVariableInsideLiteral(document: DocumentNode): boolean {
  let depth = 0;
  let found = false;
  visit(document, {
    ObjectValue: { enter: () => void depth++, leave: () => void depth-- },
    ListValue: { enter: () => void depth++, leave: () => void depth-- },
    Variable(node, _key, parent) {
      // The variable's own definition (`$x: Int`) is not a use.
      if ((parent as { kind?: string } | undefined)?.kind === Kind.VARIABLE_DEFINITION) return;
      if (depth > 0) {
        found = true;
        return BREAK;
      }
    },
  });
  return found;
}

type Plan = { kind: 'graphql-js' } | { kind: 'jit'; compiled: CompiledQuery | ExecutionResult };

export function jitExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  // Per parsed document (Apollo's document store hands out one DocumentNode per query text):
  // the first execution runs on graphql-js, a document seen again is compiled, so a flood of
  // one-off queries costs no compilation.
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();
  const seen = new WeakSet<DocumentNode>();
  const planFor = (document: DocumentNode, operationName: string | null): Plan => {
    if (!seen.has(document)) {
      seen.add(document);
      return { kind: 'graphql-js' };
    }
    let byOperation = plans.get(document);
    if (!byOperation) plans.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let plan = byOperation.get(key);
    if (!plan) {
      plan = hasVariableInsideLiteral(document) ? { kind: 'graphql-js' } : { kind: 'jit', compiled: compileQuery(schema, document, operationName ?? undefined) };
      byOperation.set(key, plan);
    }
    return plan;
  };
  const executor: GatewayExecutor = async ({ document, operationName, operation, request, context }) => {
    const variables = request.variables ?? {};
    const plan = operation ? planFor(document, operationName) : ({ kind: 'graphql-js' } as Plan);
    if (plan.kind === 'graphql-js') {
      // Also the path for an operation that cannot be resolved: graphql-js reports it. That
      // needs the name the client sent: Apollo's resolved `operationName` is null there, and
      // with it graphql-js would run a one-operation document instead of refusing the name.
      return execute({ schema, document, operationName: operation ? operationName : request.operationName, variableValues: variables, contextValue: context });
    }
    // Variables are coerced by graphql-js first, so a bad variable gets graphql-js's error
    // (with the variable's node), which Apollo turns into BAD_USER_INPUT as before.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    if (!isCompiledQuery(plan.compiled)) return plan.compiled;
    const result = await plan.compiled.query(undefined, context, variables);
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
