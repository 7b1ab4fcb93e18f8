import {
  DocumentNode,
  GraphQLError,
  FragmentDefinitionNode,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getOperationAST,
  visit,
  BREAK,
} from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './pagination';
import { BadUserInputError, QueryTooComplexError } from './errors';

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

/**
 * One walk over a JSON value, without recursion: how deep lists and objects nest (a scalar is
 * 0), and the dotted path of the first string or key holding U+0000, if any.
 */
export function inspectJson(value: unknown): { depth: number; nulAt: string | null } {
  // Each entry keeps its parent link instead of a path string: the path is built only for the
  // one string that needs it, so a value 100,000 levels deep costs one pass and no string work.
  interface Entry { value: unknown; level: number; key: string; parent: Entry | null }
  const pathOf = (entry: Entry): string => {
    const keys: string[] = [];
    for (let e: Entry | null = entry; e && e.parent; e = e.parent) keys.push(e.key);
    return keys.reverse().join('.');
  };
  let depth = 0;
  let nulAt: string | null = null;
  const stack: Entry[] = [{ value, level: 0, key: '', parent: null }];
  while (stack.length) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === 'string') {
      if (nulAt === null && current.includes('\u0000')) nulAt = pathOf(entry);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (entry.level + 1 > depth) depth = entry.level + 1;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push({ value: current[i], level: entry.level + 1, key: String(i), parent: entry });
      continue;
    }
    for (const key of Object.keys(current)) {
      const child: Entry = { value: (current as Record<string, unknown>)[key], level: entry.level + 1, key, parent: entry };
      if (nulAt === null && key.includes('\u0000')) nulAt = pathOf(child);
      stack.push(child);
    }
  }
  return { depth, nulAt };
}

export function jsonDepth(value: unknown): number {
  return inspectJson(value).depth;
}

const NUL_MESSAGE = 'Text may not contain the NUL character (U+0000)';

/**
 * Checks an operation's variables before anything walks them recursively or sends them to
 * PostgreSQL: nested deeper than MAX_VARIABLE_DEPTH is QUERY_TOO_COMPLEX; a string holding
 * U+0000 (which PostgreSQL cannot store, so it would fail as an internal error) is
 * BAD_USER_INPUT naming the variable.
 */
export function checkVariables(variables: Record<string, unknown> | null | undefined): void {
  if (!variables) return;
  const { depth: measured, nulAt } = inspectJson(variables);
  const depth = measured - 1;
  if (depth > MAX_VARIABLE_DEPTH) {
    throw new QueryTooComplexError(`Variables nest ${depth} levels deep; the limit is ${MAX_VARIABLE_DEPTH}`, {
      measure: 'variableDepth',
      limit: MAX_VARIABLE_DEPTH,
      actual: depth,
    });
  }
  if (nulAt !== null) throw BadUserInputError.field(`$${nulAt}`, NUL_MESSAGE);
}

/** U+0000 in a string literal of the document (`"a\u0000b"`): BAD_USER_INPUT, as in variables. */
function checkLiterals(document: DocumentNode): void {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) {
        found = true;
        return BREAK;
      }
    },
  });
  if (found) throw new BadUserInputError(NUL_MESSAGE);
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
  checkVariables(variables);
  // A document seen before with these limits passed the document-only checks; its cost is reused
  // when no variable can change it (see costReadsVariables).
  const key = `${operationName ?? ''}\u0000${limits.maxDepth}\u0000${limits.maxAliases}\u0000${limits.maxPageSize}`;
  let bySchema = passedDocuments.get(schema);
  if (!bySchema) passedDocuments.set(schema, (bySchema = new WeakMap()));
  const known = bySchema.get(document)?.get(key);
  if (known !== undefined) {
    if (known.cost !== null) return assertCost(known.cost, limits);
    const cost = costOf(schema, document, operationName, variables, limits);
    if (cost !== null) assertCost(cost, limits);
    return;
  }
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return; // graphql-js reports the missing operation itself
  checkLiterals(document);
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
  const cost = costOf(schema, document, operationName, variables, limits);
  // Remembered once the cost could be computed (variables that do not coerce leave it unknown):
  // with the cost when no variable can change it, else as "passed the document checks" only.
  if (cost !== null) {
    let byOperation = bySchema.get(document);
    if (!byOperation) bySchema.set(document, (byOperation = new Map()));
    byOperation.set(key, { cost: costReadsVariables(document) ? null : cost });
    assertCost(cost, limits);
  }
}

/**
 * Documents that passed the depth, alias and literal checks, per schema, parsed document (Apollo's
 * document store and graphql-ws hand out one DocumentNode per query text, so the entries go with
 * them) and operation plus limits; with their cost when no variable can change it. Walking the
 * document and estimating its cost on every request was about 3% of an install's server CPU.
 */
const passedDocuments = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, { cost: number | null }>>>();

/**
 * Whether a variable can change the document's cost: one used in a `first` argument (the
 * connection estimator reads it) or in a directive (`@include(if: $x)` decides what is counted).
 */
function costReadsVariables(document: DocumentNode): boolean {
  let reads = false;
  visit(document, {
    Argument(node, _key, _parent, _path, ancestors) {
      const inDirective = ancestors.some(a => (a as { kind?: string }).kind === Kind.DIRECTIVE);
      if (!inDirective && node.name.value !== 'first') return;
      let usesVariable = false;
      visit(node.value, { Variable: () => void (usesVariable = true) });
      if (usesVariable) {
        reads = true;
        return BREAK;
      }
    },
  });
  return reads;
}

/** The operation's cost, or null when its variables do not coerce (execution then rejects them with BAD_USER_INPUT). */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [connectionEstimator(limits.maxPageSize), fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

function assertCost(cost: number, limits: OperationLimits): void {
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
