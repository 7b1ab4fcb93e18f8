import type * as Yaml from 'yaml';
import { formatBytes } from '../../../shared/bytes';
import { issue, ValidationIssue } from '../types';
import { MAX_NESTING_DEPTH, measureNesting } from './depth';

/** yaml, loaded on first use: an Imperal package has no YAML, so `plaza validate` skips loading it. */
let yamlModule: typeof Yaml | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof Yaml => (yamlModule ??= require('yaml') as typeof Yaml);

/**
 * Hard limits for a YAML manifest. A real `.kiket/manifest.yaml` is under 16 KiB, nests about 8
 * levels and uses no anchors or tags; the limits leave room for growth and none for abuse.
 */
export interface YamlLimits {
  /** KIK-YAML-1: the largest file read at all. */
  maxBytes: number;
  /** KIK-YAML-2: deepest nesting of mappings and sequences. */
  maxDepth: number;
  /** KIK-YAML-3: yaml's alias budget (counts the nodes an alias expands to, so a "billion laughs" document trips it early). */
  maxAliasCount: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxBytes: 256 * 1024, maxDepth: MAX_NESTING_DEPTH, maxAliasCount: 100 };

/** YAML 1.2 core-schema tags: anything else (`!!binary`, `!!set`, `!python/object`, …) is a custom tag (KIK-YAML-5). */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map(t => `tag:yaml.org,2002:${t}`));

/** 1-based line of the value at a path of keys and indexes, 0 when the path is not in the document. */
export type Locate = (path: readonly (string | number)[]) => number;

export type YamlParse = { value: unknown; issues: ValidationIssue[]; locate: Locate } | { value: null; issues: ValidationIssue[]; locate?: undefined };

/**
 * Parses one YAML document under the limits. Every refusal is one ERROR with a KIK-YAML rule id
 * and no value, so nothing of a refused document reaches the database. The order matters:
 * size before parsing, duplicate keys and tags on the parsed tree before anything is built,
 * aliases while building, depth and cycles on the built value.
 */
export function parseLimitedYaml(bytes: Buffer, file: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): YamlParse {
  const at = (line = 0) => ({ file, line });
  const refuse = (rule: string, message: string, fix: string, line = 0): YamlParse => ({ value: null, issues: [issue(rule, 'ERROR', message, fix, at(line))] });

  if (bytes.length > limits.maxBytes) {
    return refuse('KIK-YAML-1', `${file} is ${formatBytes(bytes.length)}; the limit is ${formatBytes(limits.maxBytes)}`, 'A manifest describes the extension; move data and templates into files of their own.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return refuse('KIK-YAML-0', `${file} is not valid UTF-8`, 'Save the manifest as UTF-8.');
  }
  const deepAt = nestingPastLimit(text, limits.maxDepth);
  if (deepAt !== null) {
    return refuse('KIK-YAML-2', `${file} nests more than ${limits.maxDepth} levels`, `Flatten the structure to at most ${limits.maxDepth} levels.`, text.slice(0, deepAt).split('\n').length);
  }
  const { isNode, LineCounter, parseAllDocuments, visit } = yaml();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: true, strict: true, lineCounter });
  if (!Array.isArray(docs) || docs.length !== 1) {
    const count = Array.isArray(docs) ? docs.length : 0;
    return refuse('KIK-YAML-0', `${file} holds ${count} YAML documents; a manifest is exactly one`, 'Keep a single document: remove the `---` separators.');
  }
  const doc = docs[0];
  const lineOf = (linePos?: [{ line: number }, ...unknown[]]) => linePos?.[0]?.line ?? 0;
  const exhausted = doc.errors.find(e => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) {
    // yaml reports the parser's own stack running out this way: only very deep nesting does that.
    return refuse('KIK-YAML-2', `${file} nests too deeply to parse; the limit is ${limits.maxDepth} levels`, `Flatten the structure to at most ${limits.maxDepth} levels.`, lineOf(exhausted.linePos));
  }
  const duplicate = doc.errors.find(e => e.code === 'DUPLICATE_KEY');
  if (duplicate) {
    return refuse(
      'KIK-YAML-4',
      `${file}: the key '${duplicateKey(text, duplicate.pos[0])}' appears twice in one mapping`,
      'Merge the two entries into one: YAML parsers disagree on which duplicate wins, so the manifest is ambiguous.',
      lineOf(duplicate.linePos),
    );
  }
  if (doc.errors.length) {
    const first = doc.errors[0];
    return refuse('KIK-YAML-0', `${file} is not valid YAML: ${first.message.split('\n')[0]}`, 'Fix the YAML syntax (a YAML linter shows the exact spot).', lineOf(first.linePos));
  }
  let tagged: { tag: string; offset: number } | null = null;
  visit(doc, (_key, node) => {
    if (isNode(node) && node.tag && !CORE_TAGS.has(node.tag)) {
      tagged = { tag: node.tag, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    }
    return undefined;
  });
  const unresolved = doc.warnings.find(w => w.code === 'TAG_RESOLVE_FAILED');
  if (tagged || unresolved) {
    const found = tagged as { tag: string; offset: number } | null;
    const line = found ? text.slice(0, found.offset).split('\n').length : lineOf(unresolved?.linePos);
    const name = found ? found.tag.replace('tag:yaml.org,2002:', '!!') : 'an unknown tag';
    return refuse('KIK-YAML-5', `${file} uses the custom tag ${name}; only plain YAML values are read`, 'Remove the tag and write the value as a plain string, number, boolean, list or mapping.', line);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError) {
      return refuse('KIK-YAML-3', `${file}: aliases expand past the limit of ${limits.maxAliasCount} nodes (${error.message})`, 'Write the repeated values out instead of expanding anchors and aliases.');
    }
    // Whatever else stops the build is the document's fault, not the validator's: report it.
    return refuse('KIK-YAML-0', `${file} could not be read: ${(error as Error).message}`, 'Fix the YAML (a YAML linter shows the exact spot).');
  }
  const nesting = measureNesting(value, limits.maxDepth);
  if (!nesting.ok && nesting.reason === 'cycle') {
    return refuse('KIK-YAML-3', `${file}: an alias refers to its own ancestor, so the document never ends`, 'Remove the recursive alias.');
  }
  if (!nesting.ok) {
    return refuse('KIK-YAML-2', `${file} nests more than ${limits.maxDepth} levels`, `Flatten the structure to at most ${limits.maxDepth} levels.`);
  }
  const locate: Locate = path => {
    const node = doc.getIn(path, true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    return offset === undefined ? 0 : lineCounter.linePos(offset).line;
  };
  return { value, issues: [], locate };
}

/**
 * A cheap first look at nesting: yaml's CST parser is iterative and keeps one stack entry per
 * open collection, while building the document recurses once per level (and, deep enough,
 * spends seconds exhausting the stack). Returns the offset where the open collections first
 * outnumber the limit by a margin, or null. The margin covers the parser's own entries (the
 * document, a pending scalar); the exact depth is measured on the built value.
 */
function nestingPastLimit(text: string, maxDepth: number): number | null {
  const { Lexer, Parser } = yaml();
  const parser = new Parser();
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    for (const _token of parser.next(lexeme)) {
      // Top-level tokens (documents) are composed later; only the stack matters here.
    }
    if (parser.stack.length > maxDepth + 4) return offset;
    offset += lexeme.length;
  }
  return null;
}

/** The key a DUPLICATE_KEY error points at (yaml gives the offset of the second occurrence). */
function duplicateKey(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const match = /^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^:\n]+?)\s*:/.exec(rest);
  return (match ? match[1] : rest.split('\n')[0]).trim();
}
