import { laxTrue, SCOPE_PATTERN } from './manifest-schema';
import type { Manifest } from './manifest-layer';
import { MANIFEST_FILE } from './manifest-layer';
import { issue, ValidationIssue } from './types';
import { isKiketManifest, kiketScopes, kiketTools } from './kiket/kiket-adapter';

/**
 * The reference's runtime rules (V1–V35), decided from imperal.json: the reference imports the
 * extension to learn these facts, Plaza reads what the SDK generator wrote into the manifest
 * (reference section 2.1, "check from" column). Rule ids, levels and message shapes follow the
 * reference.
 */

export interface ManifestTool {
  name: string;
  description?: string | null;
  action_type?: string | null;
  chain_callable?: unknown;
  effects?: string[] | null;
  params_schema?: Record<string, unknown> | null;
  return_schema?: Record<string, unknown> | null;
  event?: string | null;
  scopes?: string[];
}

export interface AuthorIdentity {
  /** The submitting developer's author id (server) or IMPERAL_AUTHOR_ID / PLAZA_AUTHOR_ID (CLI). */
  authorId?: string | null;
  email?: string | null;
}

export interface ManifestRuleOptions {
  author?: AuthorIdentity;
  /** Author ids or account emails allowed to publish system apps (PLAZA_FIRST_PARTY_AUTHOR_IDS). */
  firstPartyAllowlist?: readonly string[];
  /** Platform scopes (the seeded registry); an extension's own `<app_id>:<action>` is always valid. */
  platformScopes?: ReadonlySet<string>;
}

/**
 * The rules the reference decides on the Extension object. With a code model they run on the code
 * (python/code-rules.ts); these manifest versions are the fallback for a package whose Python
 * sources reach no Extension(...) instance.
 */
export const CODE_RULES = ['V3', 'V4', 'V9', 'V10', 'V11', 'V12', 'V13', 'V14', 'V15', 'V16', 'V17', 'V18', 'V19', 'V20', 'V22', 'V23', 'V24'];

const ACTION_TYPES = new Set(['read', 'write', 'destructive']);
const SYNTHETIC_PREFIXES = ['__panel__', '__widget__', '__tray__', '__menu__', '__webhook__'];
const PLACEHOLDER = /^(todo|tbd|fixme|xxx|lorem ipsum.*|description( here)?|placeholder|n\/a|\.\.\.)$/i;
const at = { file: MANIFEST_FILE };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyObject = (v: unknown) => isObject(v) && Object.keys(v).length > 0;

export function toolsOf(manifest: Manifest): ManifestTool[] {
  if (isKiketManifest(manifest)) return kiketTools(manifest);
  return Array.isArray(manifest.tools)
    ? (manifest.tools.filter(t => isObject(t) && typeof t.name === 'string') as unknown as ManifestTool[])
    : [];
}

/** Chat functions are the typed-dispatch entries: the generator writes action_type for them. */
export function isChatFunction(tool: ManifestTool): boolean {
  return tool.action_type !== undefined && tool.action_type !== null;
}

export function isSyntheticTool(name: string): boolean {
  return SYNTHETIC_PREFIXES.some(p => name.startsWith(p));
}

/** Every scope-pattern string the manifest declares (what an installer must grant). */
export function declaredScopes(manifest: Manifest): string[] {
  if (isKiketManifest(manifest)) return kiketScopes(manifest);
  const pattern = new RegExp(SCOPE_PATTERN);
  const all = [
    ...(Array.isArray(manifest.capabilities) ? manifest.capabilities : []),
    ...(Array.isArray(manifest.required_scopes) ? manifest.required_scopes : []),
    ...toolsOf(manifest).flatMap(t => (Array.isArray(t.scopes) ? t.scopes : [])),
  ].filter((s): s is string => typeof s === 'string' && pattern.test(s.trim()));
  return [...new Set(all.map(s => s.trim()))].sort();
}

/** `store.read` and `store:read` name the same scope; the registry keeps the colon form. */
const canonicalScope = (scope: string) => scope.replace('.', ':');

/**
 * `codeModel`: the package's code model exists, so the CODE_RULES are left to it and only the
 * rules that stay on the manifest run (V1, V2, V31, V33, V34, V35, SCOPE-1).
 */
export function checkManifestRules(manifest: Manifest, options: ManifestRuleOptions = {}, codeModel = false): ValidationIssue[] {
  const all = manifestRules(manifest, options);
  return codeModel ? all.filter(i => !CODE_RULES.includes(i.rule)) : [...all, ...manifestHookIssues(manifest)];
}

function manifestRules(manifest: Manifest, options: ManifestRuleOptions): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const appId = str(manifest.app_id);
  const version = str(manifest.version);
  const tools = toolsOf(manifest);
  const chatFunctions = tools.filter(isChatFunction);
  const lifecycle = isObject(manifest.lifecycle) ? manifest.lifecycle : {};

  // V1 / V2
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(appId)) {
    const proposal = appId.toLowerCase().replace(/[\s_]+/g, '-').replace(/[^a-z0-9-]/g, '') || 'my-extension';
    out.push(issue('V1', 'ERROR', `app_id '${appId}' must match [a-z0-9][a-z0-9-]*[a-z0-9] (2+ chars, no uppercase)`, `Use an id like '${proposal}'.`, at));
  }
  if (!/^\d+\.\d+\.\d+/.test(version)) {
    out.push(issue('V2', 'ERROR', `version '${version}' must be valid semver (e.g. '1.0.0')`, "Set version to MAJOR.MINOR.PATCH, for example '1.0.0'.", at));
  }
  // V3
  if (tools.filter(t => !isSyntheticTool(t.name)).length === 0) {
    out.push(issue('V3', 'ERROR', 'Extension must have at least one @ext.tool or ChatExtension', 'Declare at least one @chat.function or @ext.tool and rebuild.', at));
  }
  for (const fn of chatFunctions) {
    const type = str(fn.action_type);
    const internal = fn.name.startsWith('__');
    // V4
    if (!ACTION_TYPES.has(type)) {
      out.push(
        issue('V4', 'ERROR', `@chat.function '${fn.name}' must have explicit action_type ('read', 'write', or 'destructive'), got '${type}'`, "Pass action_type='read', 'write' or 'destructive'.", at),
      );
    }
    const mutating = type === 'write' || type === 'destructive';
    // V10 / V20
    if (mutating && !str(fn.event)) {
      out.push(
        issue('V10', 'WARN', `@chat.function '${fn.name}' (action_type='${type}') has no event=`, `Add event='${appId}.${fn.name.replace(/^fn_/, '')}'.`, at),
      );
    }
    if (mutating && !internal && !(Array.isArray(fn.effects) && fn.effects.length)) {
      out.push(issue('V20', 'WARN', `@chat.function '${fn.name}' (${type}) should declare effects=['create:resource'] etc.`, "Declare effects, e.g. effects=['create:item'].", at));
    }
    if (!internal) {
      // V16
      const description = str(fn.description).trim();
      if (description.length < 20 || PLACEHOLDER.test(description)) {
        out.push(
          issue(
            'V16',
            'ERROR',
            `@chat.function '${fn.name}' description must be ≥20 chars and not a placeholder (got len=${description.length})`,
            'Describe when the assistant should call this tool, in a full sentence.',
            at,
          ),
        );
      }
      // V17
      if (!nonEmptyObject(fn.params_schema)) {
        out.push(issue('V17', 'ERROR', `@chat.function '${fn.name}' must declare a Pydantic BaseModel param (V17 — no **kwargs, no Any)`, 'Take a module-level pydantic BaseModel as the params argument.', at));
      }
      // V19 (per function)
      if (mutating && laxTrue(manifest.actions_explicit) && !laxTrue(fn.chain_callable)) {
        out.push(
          issue('V19', 'ERROR', `@chat.function '${fn.name}' (action_type=${type}) must have chain_callable=True under actions_explicit=True`, 'Pass chain_callable=True.', at),
        );
      }
    }
    // V23 / V24 (data_model)
    if (type === 'read' && !nonEmptyObject(fn.return_schema)) {
      out.push(
        issue(
          'V23',
          'ERROR',
          `@chat.function '${fn.name}' (action_type=read) is missing data_model declaration. Read tools must declare typed return shape`,
          'Declare data_model=YourModel or return ActionResult[YourModel].',
          at,
        ),
      );
    }
    if (mutating && !nonEmptyObject(fn.return_schema)) {
      out.push(issue('V24', 'WARN', `@chat.function '${fn.name}' (action_type=${type}) lacks data_model declaration`, 'Recommended: declare data_model= for typed results.', at));
    }
  }
  // V19 (extension)
  if (!laxTrue(manifest.actions_explicit)) {
    out.push(issue('V19', 'ERROR', `Extension '${appId}' must set actions_explicit=True`, 'Pass actions_explicit=True to Extension(...) and rebuild.', at));
  }
  // V9 / V12
  if (!isObject(lifecycle.health_check)) {
    out.push(issue('V9', 'WARN', 'No @ext.health_check registered', 'Add an @ext.health_check handler.', at));
  }
  if (!laxTrue(lifecycle.on_install)) {
    out.push(issue('V12', 'INFO', 'No @ext.on_install lifecycle hook', 'Add @ext.on_install if each user needs resources provisioned.', at));
  }
  // V13
  for (const tool of tools) {
    if (tool.name.startsWith('refresh_') && !tool.name.startsWith('skeleton_refresh_')) {
      out.push(
        issue('V13', 'WARN', `Tool '${tool.name}' looks like a skeleton refresh but lacks the 'skeleton_refresh_' prefix required by the platform's auto-derive convention`, `Rename it skeleton_${tool.name}.`, at),
      );
    } else if (tool.name.startsWith('alert_') && !tool.name.startsWith('skeleton_alert_')) {
      out.push(issue('V13', 'INFO', `Tool '${tool.name}' looks like a skeleton alert but lacks the 'skeleton_alert_' prefix`, `Rename it skeleton_${tool.name}.`, at));
    }
  }
  // V14 / V15
  const description = str(manifest.description).trim();
  if (description.length < 40 || description === appId) {
    out.push(
      issue(
        'V14',
        'ERROR',
        `Extension '${appId}' description must be ≥40 chars and ≠ app_id (got len=${description.length}, value='${description.slice(0, 40)}')`,
        'Write a description of at least 40 characters saying what the extension does.',
        at,
      ),
    );
  }
  const displayName = str(manifest.name).trim();
  if (displayName.length < 3) {
    out.push(issue('V15', 'ERROR', `Extension '${appId}' display_name must be ≥3 chars (got len=${displayName.length}, value='${displayName}')`, 'Set display_name to a human-readable name.', at));
  } else if (displayName === appId) {
    out.push(
      issue('V15', 'ERROR', `Extension display_name '${displayName}' verbatim equals app_id '${appId}' — provide human-readable name`, 'Set display_name to a human-readable name.', at),
    );
  }
  // V31: checked with the submitting author's identity (server) or the CLI's environment.
  if (laxTrue(manifest.system)) {
    const allow = options.firstPartyAllowlist ?? [];
    const author = options.author ?? {};
    const identities = [author.authorId, author.email?.toLowerCase()].filter((v): v is string => !!v);
    const allowed = identities.some(id => allow.map(a => a.toLowerCase()).includes(id.toLowerCase()));
    if (identities.length && !allowed) {
      out.push(
        issue(
          'V31',
          'ERROR',
          `Extension(system=True) is reserved for first-party platform extensions. Author '${identities[0]}' is not in the first-party allowlist.`,
          'Remove system=True; the marketplace flow is the path for third-party extensions.',
          at,
        ),
      );
    }
  }
  // V33
  for (const tool of tools) {
    const length = appId.length + 2 + tool.name.length;
    if (length > 64) {
      out.push(
        issue('V33', 'WARN', `${tool.name}: LLM-facing name '${appId}__${tool.name}' is ${length} chars — over the 64-char provider cap; the kernel will alias it`, 'Shorten the tool name.', at),
      );
    }
  }
  // V34
  const capabilities = (Array.isArray(manifest.capabilities) ? manifest.capabilities : []).filter(c => typeof c === 'string' && c.trim());
  const toolScopes = tools.flatMap(t => (Array.isArray(t.scopes) ? t.scopes : [])).filter(s => typeof s === 'string' && s.trim());
  if (capabilities.length === 0 && toolScopes.length === 0) {
    const system = laxTrue(manifest.system);
    out.push(
      issue(
        'V34',
        system ? 'ERROR' : 'WARN',
        `'${appId}' declares no capabilities and no per-tool scopes — the kernel falls back to a WILDCARD scope grant${system ? ' (system apps must not ship wildcard)' : ''}`,
        `Declare the scopes the extension needs, e.g. capabilities=['${appId}:read'].`,
        at,
      ),
    );
  }
  // V35
  const toolNames = new Set(tools.filter(t => !isSyntheticTool(t.name)).map(t => t.name));
  for (const sink of Array.isArray(manifest.file_sinks) ? manifest.file_sinks : []) {
    const tool = isObject(sink) ? str(sink.tool) : '';
    if (tool && !toolNames.has(tool)) {
      out.push(issue('V35', 'ERROR', `file_sink references unknown tool '${tool}' — not a tool of this app`, 'Point the file sink at one of the extension’s tools.', at));
    }
  }
  out.push(...scopeRegistryIssues(manifest, appId, options.platformScopes));
  return out;
}

/** V22 from `lifecycle_hooks`: the signatures the generator recorded (fallback without a code model). */
function manifestHookIssues(manifest: Manifest): ValidationIssue[] {
  const hooks: unknown = manifest.lifecycle_hooks;
  if (!isObject(hooks)) return [];
  const out: ValidationIssue[] = [];
  for (const [key, entry] of Object.entries(hooks)) {
    if (!key.startsWith('on_upgrade')) continue;
    const signature = isObject(entry) ? entry.signature : null;
    if (typeof signature !== 'string' || signature.includes('from_version') || signature.includes('**')) continue;
    out.push(
      issue(
        'V22',
        'ERROR',
        `Lifecycle hook '${key}' missing required kwargs: ['from_version'].`,
        `imperal.json records the signature ${signature}: give the hook a \`from_version: str = ''\` parameter ` +
          '(or **kwargs), then run `imperal build`.',
        { file: MANIFEST_FILE, line: 0 },
      ),
    );
  }
  return out;
}

/**
 * SCOPE-1 (Plaza): scopes are checked against the platform's capability registry (docs/validation.md,
 * "Runtime rules from the manifest"). An extension's own
 * namespace is always valid. A platform namespace with an unknown action is an ERROR (it can
 * never be granted); a wildcard or another extension's namespace is a WARN reviewers see.
 */
function scopeRegistryIssues(manifest: Manifest, appId: string, registry: ReadonlySet<string> | undefined): ValidationIssue[] {
  if (!registry) return [];
  const out: ValidationIssue[] = [];
  const platformNamespaces = new Set([...registry].map(s => s.split(':')[0]));
  for (const scope of declaredScopes(manifest)) {
    const canonical = canonicalScope(scope);
    const namespace = canonical.split(':')[0];
    if (namespace === appId || registry.has(canonical)) continue;
    if (scope === '*' || canonical.endsWith(':*')) {
      out.push(issue('SCOPE-1', 'WARN', `Scope '${scope}' is a wildcard grant`, 'Name the exact scopes the extension needs.', at));
    } else if (platformNamespaces.has(namespace)) {
      out.push(
        issue(
          'SCOPE-1',
          'ERROR',
          `Scope '${scope}' is not in the platform capability registry`,
          `Use one of: ${[...registry].filter(s => s.startsWith(`${namespace}:`)).join(', ')}.`,
          at,
        ),
      );
    } else {
      out.push(
        issue('SCOPE-1', 'WARN', `Scope '${scope}' belongs to neither this extension ('${appId}') nor the platform registry`, `Use '${appId}:<action>' for the extension's own permissions.`, at),
      );
    }
  }
  return out;
}
