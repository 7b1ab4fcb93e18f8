import type { ErrorObject, ValidateFunction } from 'ajv';
import { issue, PackageFiles, ValidationIssue } from './types';
import { validate as generatedValidate } from './manifest-validator.generated';
import { scanJsonText } from './json-bounds';

export const MANIFEST_FILE = 'imperal.json';
export type Manifest = Record<string, unknown>;

// MANIFEST_SCHEMA (manifest-schema.ts) compiled ahead of time by ajv's standalone code
// (`npm run manifest:validator`): compiling it on every `plaza validate` start cost more than the
// rest of the CLI's start-up (docs/benchmarks.md). manifest-validator.spec.ts proves it is current.
const validateSchema = generatedValidate as unknown as ValidateFunction;

const at = { file: MANIFEST_FILE };
const REBUILD = 'Run `imperal build .` to regenerate imperal.json from the code instead of editing it by hand.';

/** Hints for the two manifest mistakes the Imperal documentation calls out by name. */
const KNOWN_WRONG_KEYS: Record<string, string> = {
  schema_version: 'The top-level version field is manifest_schema_version, not schema_version.',
  functions: 'Chat function entries go in tools[], not functions[].',
};

function dotted(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (extra !== undefined) parts.push(extra);
  return parts.length ? parts.join('.') : 'root';
}

/**
 * Ajv reports every branch of an anyOf; keep the most specific error per path so a bad value
 * gives one issue, as pydantic does.
 */
function schemaIssues(errors: ErrorObject[]): ValidationIssue[] {
  const byPath = new Map<string, ValidationIssue>();
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    if (e.keyword === 'required') {
      const path = dotted(e.instancePath, (e.params as { missingProperty: string }).missingProperty);
      byPath.set(`M2 ${path}`, issue('M2', 'ERROR', `[${path}] Field required`, `Add the required field '${path}'. ${REBUILD}`, at));
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const path = dotted(e.instancePath, key);
      const hint = e.instancePath === '' ? KNOWN_WRONG_KEYS[key] : undefined;
      byPath.set(
        `M3 ${path}`,
        issue('M3', 'ERROR', `[${path}] Extra inputs are not permitted${hint ? ` (${hint})` : ''}`, hint ?? `Remove '${path}'. ${REBUILD}`, at),
      );
      continue;
    }
    const path = dotted(e.instancePath);
    const rule = /^(tools|signals|schedules)\./.test(`${path}.`) && path !== 'tools' && path !== 'signals' && path !== 'schedules' ? 'M5' : 'M4';
    const key = `${rule} ${path}`;
    const existing = byPath.get(key);
    // Prefer a pattern/enum message over a bare type message for the same path.
    if (existing && e.keyword === 'type') continue;
    const message = e.keyword === 'enum' ? `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}` : e.message ?? 'is invalid';
    byPath.set(key, issue(rule, 'ERROR', `[${path}] ${message}`, `Fix the value of '${path}'. ${REBUILD}`, at));
  }
  return [...byPath.values()];
}

/** Line (1-based) of a JSON.parse error, from V8's "at position N" message. */
function jsonErrorLine(text: string, error: Error): number {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return 0;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function sdkVersionIssue(manifest: Manifest): ValidationIssue | null {
  const raw = manifest.sdk_version;
  if (raw === undefined || raw === null) {
    return issue(
      'SDK-VERSION-1',
      'ERROR',
      "imperal.json missing 'sdk_version'. The platform requires sdk_version >= 5.0.0 and rejects extensions without it.",
      'Rebuild with imperal-sdk >= 5.0.0 (`imperal build .`) so the generator writes sdk_version.',
      at,
    );
  }
  const parts = String(raw).split('-')[0].split('.').filter(p => /^\d+$/.test(p)).map(Number);
  const floor = [5, 0, 0];
  let below = parts.length < 3;
  for (let i = 0; i < 3 && !below; i++) {
    if (parts[i] !== floor[i]) {
      below = parts[i] < floor[i];
      break;
    }
  }
  if (!below) return null;
  return issue(
    'SDK-VERSION-1',
    'ERROR',
    `imperal.json declares sdk_version='${String(raw)}', but the platform hard-rejects anything < 5.0.0 at load (the legacy LLM-router removal boundary).`,
    'Upgrade to imperal-sdk >= 5.0.0 and rebuild the manifest.',
    at,
  );
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** M6.3, M7.3, M8.2 (the reference raises; Plaza reports them as ERROR issues) and V25. */
function semanticIssues(manifest: Manifest): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const appId = String(manifest.app_id ?? '');
  const webhooks = (manifest.webhooks as { path: string }[] | undefined) ?? [];
  const dupPaths = duplicates(webhooks.map(w => w.path));
  if (dupPaths.length) {
    out.push(issue('M6.3', 'ERROR', `webhooks[].path duplicate — paths must be unique: ${JSON.stringify(dupPaths)}`, 'Give every @ext.webhook its own path.', at));
  }
  const emits = ((manifest.events as { emits?: { type: string }[] } | undefined)?.emits ?? []).map(e => e.type);
  for (const type of emits) {
    if (!type.startsWith(`${appId}.`)) {
      out.push(
        issue('M7.3', 'ERROR', `events.emits[].type '${type}' must be prefixed by app_id '${appId}' (cross-namespace block)`, `Rename the event to '${appId}.${type}'.`, at),
      );
    }
  }
  const exposed = ((manifest.exposed as { name: string }[] | undefined) ?? []).map(e => e.name);
  const dupExposed = duplicates(exposed);
  if (dupExposed.length) {
    out.push(issue('M8.2', 'ERROR', `exposed[].name duplicate — names must be unique: ${JSON.stringify(dupExposed)}`, 'Expose each method once.', at));
  }
  for (const tool of (manifest.tools as { name: string }[] | undefined) ?? []) {
    if (/^tool_.+_chat$/.test(tool.name)) {
      out.push(
        issue(
          'V25',
          'ERROR',
          `manifest contains orchestrator-tool '${tool.name}' — this was emitted by ChatExtension LLM router (SDK <5.0.0). Rebuild against imperal-sdk>=5.0.0 to remove.`,
          'Rebuild against imperal-sdk >= 5.0.0.',
          at,
        ),
      );
    }
  }
  return out;
}

/**
 * Reads a JSON file of the package: the data bounds first (JSON-DEPTH, JSON-SIZE, JSON-STRING,
 * JSON-CHAR, see json-bounds.ts), then JSON.parse (M0). Every JSON file Plaza reads from a
 * package goes through here, so nothing downstream ever sees an unbounded value.
 */
export function readPackageJson(bytes: Buffer, file: string): { value: unknown } | { issue: ValidationIssue } {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const breach = scanJsonText(text, file);
  if (breach) return { issue: issue(breach.rule, 'ERROR', breach.message, breach.fix, { file, line: breach.line }) };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const err = error as Error;
    return { issue: issue('M0', 'ERROR', `${file} is not valid JSON: ${err.message}`, 'Regenerate it with `imperal build .`.', { file, line: jsonErrorLine(text, err) }) };
  }
}

/** The manifest as an object, or null when it is missing, out of bounds, not JSON or not an object. */
export function readManifestObject(files: PackageFiles): Manifest | null {
  const bytes = files.get(MANIFEST_FILE);
  if (!bytes) return null;
  const read = readPackageJson(bytes, MANIFEST_FILE);
  if (!('value' in read)) return null;
  const value = read.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Manifest) : null;
}

export interface ManifestLayerResult {
  /** The parsed manifest when it is a JSON object (even if schema issues were found). */
  manifest: Manifest | null;
  /** True when the manifest matched the schema (M1–M5 clean). */
  schemaValid: boolean;
  issues: ValidationIssue[];
}

/**
 * The manifest layer: the data bounds and M0 (JSON), M1 (object root), M2–M5 (schema), then,
 * only on a clean schema, M6.3/M7.3/M8.2/V25; SDK-VERSION-1 whenever the root is an object.
 */
export function checkManifest(files: PackageFiles): ManifestLayerResult {
  const bytes = files.get(MANIFEST_FILE);
  if (!bytes) {
    return {
      manifest: null,
      schemaValid: false,
      issues: [issue('M0', 'ERROR', 'imperal.json is missing from the package root', 'Run `imperal build .` and include imperal.json in the package.', at)],
    };
  }
  const read = readPackageJson(bytes, MANIFEST_FILE);
  if ('issue' in read) return { manifest: null, schemaValid: false, issues: [read.issue] };
  const parsed = read.value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const type = parsed === null ? 'null' : Array.isArray(parsed) ? 'list' : typeof parsed;
    return { manifest: null, schemaValid: false, issues: [issue('M1', 'ERROR', `manifest root must be a JSON object, got ${type}`, REBUILD, at)] };
  }
  const manifest = parsed as Manifest;
  const issues: ValidationIssue[] = [];
  const valid = validateSchema(manifest);
  if (!valid) issues.push(...schemaIssues(validateSchema.errors ?? []));
  if (manifest.hidden_in_sidebar === true && manifest.system !== true) {
    issues.push(issue('M4', 'ERROR', '[root] Value error, hidden_in_sidebar=True requires system=True', 'Remove hidden_in_sidebar: only system apps may hide from the sidebar.', at));
  }
  // The schema has already reported a secrets value of the wrong type (M4); only a list is walked.
  for (const [i, s] of (Array.isArray(manifest.secrets) ? (manifest.secrets as unknown[]) : []).entries()) {
    if (s && typeof s === 'object' && (s as Record<string, unknown>).env_fallback && (s as Record<string, unknown>).scope !== 'app') {
      issues.push(issue('M4', 'ERROR', `[secrets.${i}] Value error, env_fallback is only valid for scope='app'`, "Set scope: 'app' or drop env_fallback.", at));
    }
  }
  const schemaValid = issues.length === 0;
  if (schemaValid) issues.push(...semanticIssues(manifest));
  const sdk = sdkVersionIssue(manifest);
  if (sdk) issues.push(sdk);
  return { manifest, schemaValid, issues };
}
