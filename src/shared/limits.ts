import {
  DocumentNode,
  GraphQLError,
  FragmentDefinitionNode,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getOperationAST,
} from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './pagination';
import { QueryTooComplexError } from './errors';

export interface OperationLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  /** Connection fields are costed at `min(first, maxPageSize)` items. */
  maxPageSize: number;
}

/**
 * Cost of fields marked `@Extensions({ connection: true })`: their children count once per item
 * of the page the server will actually serve (the requested size, capped).
 */
function connectionEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (!field.extensions?.connection) return undefined;
    const first = typeof args.first === 'number' && args.first >= 0 ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + Math.min(first, maxPageSize) * Math.max(childComplexity, 1);
  };
}

/**
 * Deepest nesting of lists and objects allowed in an operation's variables. Plaza's deepest
 * input is far shallower (and JSON arguments are bounded by their own rules); a value nested
 * thousands deep only serves to overflow the stack of whatever walks it recursively, such as
 * JSON.stringify, which is a server failure (500) for what is the client's mistake.
 */
export const MAX_VARIABLE_DEPTH = 64;

/** How deep lists and objects nest in a JSON value (a scalar is 0), measured without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses variables nested deeper than MAX_VARIABLE_DEPTH with QUERY_TOO_COMPLEX. */
export function checkVariableDepth(variables: Record<string, unknown> | null | undefined): void {
  if (!variables) return;
  const depth = jsonDepth(variables) - 1;
  if (depth > MAX_VARIABLE_DEPTH) {
    throw new QueryTooComplexError(`Variables nest ${depth} levels deep; the limit is ${MAX_VARIABLE_DEPTH}`, {
      measure: 'variableDepth',
      limit: MAX_VARIABLE_DEPTH,
      actual: depth,
    });
  }
}

/**
 * Checks one validated operation against the limits that protect the server: selection depth,
 * number of aliases and cost (list fields multiply their children by the capped page size).
 * HTTP (an Apollo plugin) and WebSocket (graphql-ws onSubscribe) both call this, so the two
 * transports enforce the same limits. Throws QUERY_TOO_COMPLEX.
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): void {
  checkVariableDepth(variables);
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return; // graphql-js reports the missing operation itself
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const { depth, aliases } = measure(operation, fragments);
  if (depth > limits.maxDepth) {
    throw new QueryTooComplexError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, {
      measure: 'depth',
      limit: limits.maxDepth,
      actual: depth,
    });
  }
  if (aliases > limits.maxAliases) {
    throw new QueryTooComplexError(`Query uses ${aliases} aliases; the limit is ${limits.maxAliases}`, {
      measure: 'aliases',
      limit: limits.maxAliases,
      actual: aliases,
    });
  }
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [connectionEstimator(limits.maxPageSize), fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Variables that do not coerce: execution rejects them with BAD_USER_INPUT right after.
    if (error instanceof GraphQLError) return;
    throw error;
  }
  if (cost > limits.maxCost) {
    throw new QueryTooComplexError(`Query cost ${cost} exceeds the limit of ${limits.maxCost}`, {
      measure: 'cost',
      limit: limits.maxCost,
      actual: cost,
    });
  }
}

function measure(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): { depth: number; aliases: number } {
  let aliases = 0;
  const countedFragments = new Set<string>();
  // Depth of a selection set; fragments are inlined, and a fragment already on the current
  // path is not followed again (cycles are a validation error reported elsewhere).
  const depthOf = (set: SelectionSetNode, path: Set<string>, countAliases: boolean): number => {
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (countAliases && sel.alias) aliases++;
        // Introspection (`__schema`, `__type`) is as deep as the type references it unwraps
        // (GraphiQL's query nests 15 levels) and bounded by the schema itself: not counted.
        if (sel.name.value === '__schema' || sel.name.value === '__type') {
          max = Math.max(max, 1);
          continue;
        }
        const below = sel.selectionSet ? depthOf(sel.selectionSet, path, countAliases) : 0;
        max = Math.max(max, 1 + below);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(sel.selectionSet, path, countAliases));
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        if (!fragment || path.has(name)) continue;
        // A fragment's aliases count once however often it is spread: the cost estimate
        // already accounts for repetition.
        const first = !countedFragments.has(name);
        countedFragments.add(name);
        max = Math.max(max, depthOf(fragment.selectionSet, new Set(path).add(name), countAliases && first));
      }
    }
    return max;
  };
  const depth = depthOf(operation.selectionSet, new Set(), true);
  return { depth, aliases };
}
