import type { PackageFiles, ValidationIssue } from '../types';
import { issue } from '../types';
import { jsonLines, JsonLines } from './json-lines';
import { ChatDecl, FileScan, scanFile } from './py-scan';

/**
 * The Python-source layer of the validator: the reference's source-AST rules (SKEL-GUARD-1/2/3,
 * CACHE-MODEL-1, CACHE-TTL-1, PANEL-SLOT-1, MANIFEST-SKELETON-1), the runtime rules it decides by
 * importing the code but that the source answers statically (V5, V6, V7, V11, V18, V22, V24-AST),
 * and Plaza's MANIFEST-DRIFT between imperal.json and the code. Plaza never imports or runs the
 * extension: every file is parsed with @lezer/python, and each file is parsed and walked once.
 *
 * Syntax errors: lezer always yields a tree, recovering around errors with `⚠` nodes. A file whose
 * tree has such nodes is "damaged". Its ERROR findings are dropped, because a recovered tree may
 * misplace code and an ERROR blocks publishing; its WARN findings (V6, V11) are kept. Its facts
 * (classes, registered tool names) are still used, since they only clear findings elsewhere, and
 * any damaged file turns off the imperal.json → source direction of MANIFEST-DRIFT (absence of a
 * definition cannot be proven from a partial tree). Files that are not UTF-8 are skipped.
 */

export interface ManifestToolLike {
  name: string;
  action_type?: string;
}

export interface PythonManifestView {
  app_id?: string;
  tools?: ManifestToolLike[];
  lifecycle?: { on_upgrade?: string[] } & Record<string, unknown>;
  lifecycle_hooks?: Record<string, { signature?: string }>;
}

const MANIFEST_FILE = 'imperal.json';
const SKIPPED_DIRS = new Set([
  'venv', '.venv', '__pycache__', '.git', 'node_modules', 'dist', 'build',
  '.pytest_cache', '.mypy_cache', '.ruff_cache',
]);
const PYDANTIC_ROOTS = new Set(['BaseModel', 'RootModel']);
const DRIFT_FIX = 'Run `imperal build` to regenerate imperal.json from the source and ship the result.';

/** True for the `*.py` files the source rules read (the reference's pruned directories left out). */
export function isWalkedPythonFile(path: string): boolean {
  if (!path.endsWith('.py')) return false;
  const parts = path.split('/');
  return parts.slice(0, -1).every(dir => !SKIPPED_DIRS.has(dir));
}

/** Test modules define throwaway chat functions that `imperal build` (which imports main.py) never sees. */
function isTestFile(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  return (
    parts.slice(0, -1).some(dir => dir === 'tests' || dir === 'test') ||
    base.startsWith('test_') ||
    base.endsWith('_test.py') ||
    base === 'conftest.py'
  );
}

function scanPackage(files: PackageFiles): FileScan[] {
  const paths = [...files.keys()].filter(isWalkedPythonFile).sort();
  const scans: FileScan[] = [];
  for (const path of paths) {
    const scan = scanFile(path, files.get(path) as Buffer);
    if (scan) scans.push(scan);
  }
  return scans;
}

/**
 * Every `@<x>.function(...)`-decorated function in the package: its tool name (the Python name
 * when the decorator's name argument is not a literal), file, and the decorator's line. Files with
 * syntax errors contribute what lezer recovered.
 */
export function collectChatFunctions(files: PackageFiles): { name: string; file: string; line: number }[] {
  return scanPackage(files).flatMap(s => s.chat.map(c => ({ name: c.label, file: s.path, line: c.decoratorLine })));
}

/** Runs every source rule over the package's *.py files. `manifest` is null when imperal.json is missing/invalid. */
export function checkPythonSources(files: PackageFiles, manifest: PythonManifestView | null): ValidationIssue[] {
  const scans = scanPackage(files);
  const isModel = pydanticIndex(scans);
  const cacheModels = new Set(scans.flatMap(s => s.classes.filter(c => c.cacheModel).map(c => c.name)));
  const issues: ValidationIssue[] = [];
  const reportedHooks = new Set<string>();

  for (const scan of scans) {
    const at = (line: number) => ({ file: scan.path, line });
    const errors = !scan.damaged;
    if (errors) {
      for (const f of scan.findings) issues.push(issue(f.rule, 'ERROR', f.message, f.fix, at(f.line)));
    }
    for (const decl of scan.chat) issues.push(...chatFunctionIssues(decl, isModel, errors, scan.path));
    if (errors) {
      for (const hook of scan.hooks) {
        if (hook.acceptsFromVersion) continue;
        if (hook.key) reportedHooks.add(hook.key);
        issues.push(
          issue(
            'V22',
            'ERROR',
            `Lifecycle hook '${hook.key ?? 'on_upgrade'}' missing required kwargs: ['from_version'].`,
            `Add a \`from_version: str = ''\` parameter (or **kwargs) to ${hook.funcName}().`,
            at(hook.line),
          ),
        );
      }
    }
    if (errors && cacheModels.size > 0) {
      for (const ref of scan.cacheRefs) {
        if (cacheModels.has(ref.model)) continue;
        issues.push(
          issue(
            'CACHE-MODEL-1',
            'ERROR',
            `ctx.cache.${ref.method}(...) references model '${ref.model}' which is not registered via ` +
              '@<ext>.cache_model(...). Register it or use a known class.',
            `Decorate ${ref.model} with @ext.cache_model('<name>') or cache an instance of a registered class.`,
            at(ref.line),
          ),
        );
      }
    }
  }

  let manifestLines: JsonLines | undefined;
  const lines = () => {
    const bytes = files.get(MANIFEST_FILE);
    manifestLines ??= jsonLines(bytes ? bytes.toString('utf8') : '');
    return manifestLines;
  };
  if (manifest) {
    issues.push(...manifestHookIssues(manifest, reportedHooks, lines));
    if (scans.length > 0) issues.push(...driftIssues(manifest, scans, lines));
  }
  return issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

const FIX = {
  V5: 'Annotate the function `-> ActionResult` and return ActionResult.success(...) or ActionResult.error(...).',
  V6: 'Take the arguments as one parameter typed with a package BaseModel subclass, e.g. `params: MyParams`.',
  V11: 'Add a docstring saying what the function does.',
  V18: 'Annotate the return as `-> ActionResult` (or a Pydantic model), or pass data_model= to @chat.function.',
  V24: 'Read the data from ctx.store or your API; only @ext.skeleton refresh functions may touch the skeleton.',
};

function chatFunctionIssues(
  decl: ChatDecl,
  isModel: (name: string | null) => boolean,
  errors: boolean,
  file: string,
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const fn = `@chat.function '${decl.label}'`;
  const at = { file, line: decl.defLine };
  const actionResult = decl.returnText !== null && decl.returnText.includes('ActionResult');
  const internal = decl.label.startsWith('__');
  if (errors && !actionResult) out.push(issue('V5', 'ERROR', `${fn} must return ActionResult`, FIX.V5, at));
  const others = decl.params.filter(p => p.name !== 'ctx' && p.name !== 'self');
  if (others.length > 0 && !decl.paramTypes.some(isModel)) {
    out.push(issue('V6', 'WARN', `${fn} params should be a Pydantic BaseModel subclass`, FIX.V6, at));
  }
  if (!decl.hasDocstring) out.push(issue('V11', 'WARN', `${fn} missing docstring`, FIX.V11, at));
  if (errors && !internal && !decl.hasDataModel && !actionResult && !isModel(decl.returnType)) {
    const message = `${fn} must declare a typed return annotation: \`\`-> ActionResult\`\` (or subclass / Pydantic model)`;
    out.push(issue('V18', 'ERROR', message, FIX.V18, at));
  }
  if (errors && !internal) {
    for (const line of [...decl.skeletonLines].sort((a, b) => a - b)) {
      const message =
        `${fn} accesses ctx.skeleton at line(s) [${line}] — forbidden. ` +
        'Skeleton is the LLM context cache, not a data source for chat functions.';
      out.push(issue('V24-AST', 'ERROR', message, FIX.V24, { file, line }));
    }
  }
  return out;
}

/** `name` is a package class that subclasses pydantic's BaseModel, directly or through package classes. */
function pydanticIndex(scans: FileScan[]): (name: string | null) => boolean {
  const bases = new Map<string, string[]>();
  for (const scan of scans) {
    for (const cls of scan.classes) {
      const known = bases.get(cls.name);
      // Same class name in several files: any definition that is a model makes the name a model.
      if (known) known.push(...cls.bases);
      else bases.set(cls.name, [...cls.bases]);
    }
  }
  const memo = new Map<string, boolean>();
  const resolve = (name: string): boolean => {
    const cached = memo.get(name);
    if (cached !== undefined) return cached;
    memo.set(name, false); // cycle guard: `class A(B)` / `class B(A)` is not a model
    const result = (bases.get(name) ?? []).some(b => PYDANTIC_ROOTS.has(b) || (bases.has(b) && resolve(b)));
    memo.set(name, result);
    return result;
  };
  return name => name !== null && bases.has(name) && resolve(name);
}

/** V22 from `lifecycle_hooks`: what the generator recorded, for hooks the source did not already answer. */
function manifestHookIssues(
  manifest: PythonManifestView,
  reportedHooks: ReadonlySet<string>,
  lines: () => JsonLines,
): ValidationIssue[] {
  const hooks: unknown = manifest.lifecycle_hooks;
  if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks)) return [];
  const out: ValidationIssue[] = [];
  for (const [key, entry] of Object.entries(hooks as Record<string, unknown>)) {
    if (!key.startsWith('on_upgrade') || reportedHooks.has(key)) continue;
    const signature = typeof entry === 'object' && entry !== null ? (entry as { signature?: unknown }).signature : null;
    if (typeof signature !== 'string' || signature.includes('from_version') || signature.includes('**')) continue;
    out.push(
      issue(
        'V22',
        'ERROR',
        `Lifecycle hook '${key}' missing required kwargs: ['from_version'].`,
        `imperal.json records the signature ${signature}: give the hook a \`from_version: str = ''\` parameter ` +
          '(or **kwargs), then run `imperal build`.',
        { file: MANIFEST_FILE, line: lines().lineOf(['lifecycle_hooks', key]) },
      ),
    );
  }
  return out;
}

/**
 * MANIFEST-DRIFT: imperal.json is generated from the code (`imperal build`), so a chat tool on one
 * side only means the manifest is stale. Plain tools (no action_type) are also checked, counting as
 * defined by `@x.tool("name")`, `@x.skeleton("s")` (skeleton_refresh_s / skeleton_alert_s) and a
 * `ChatExtension(..., tool_name="x")` entry tool; synthetic `__*` names are never checked. Chat
 * functions in test modules are not required to be in the manifest (they still count as definitions,
 * which can only clear a finding).
 */
function driftIssues(manifest: PythonManifestView, scans: FileScan[], lines: () => JsonLines): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const tools = (Array.isArray(manifest.tools) ? manifest.tools : []).filter(
    (t): t is ManifestToolLike => typeof t === 'object' && t !== null && typeof t.name === 'string',
  );
  const inManifest = new Set(tools.map(t => t.name));
  const chatNames = new Set<string>();
  const plainNames = new Set<string>();
  let damaged = false;
  let dynamicChat = false;
  let dynamicTool = false;
  for (const scan of scans) {
    for (const decl of scan.chat) if (decl.toolName !== null) chatNames.add(decl.toolName);
    for (const name of scan.chatCallNames) chatNames.add(name);
    for (const name of scan.plainToolNames) plainNames.add(name);
    damaged ||= scan.damaged;
    dynamicChat ||= scan.dynamicChatNames;
    dynamicTool ||= scan.dynamicToolNames;
  }

  for (const scan of scans) {
    if (scan.damaged || isTestFile(scan.path)) continue;
    for (const decl of scan.chat) {
      if (decl.toolName === null || inManifest.has(decl.toolName)) continue;
      out.push(
        issue(
          'MANIFEST-DRIFT',
          'ERROR',
          `@chat.function '${decl.toolName}' is not in imperal.json tools[] — ` +
            'run `imperal build` to regenerate the manifest',
          DRIFT_FIX,
          { file: scan.path, line: decl.decoratorLine },
        ),
      );
    }
  }

  if (damaged) return out;
  tools.forEach((tool, index) => {
    const chatEntry = tool.action_type !== undefined && tool.action_type !== null;
    const name = tool.name;
    const defined = chatEntry
      ? dynamicChat || chatNames.has(name)
      : name.startsWith('__') || dynamicChat || dynamicTool || plainNames.has(name) || chatNames.has(name);
    if (defined) return;
    const decorator = chatEntry ? '@chat.function' : '@ext.tool';
    out.push(
      issue(
        'MANIFEST-DRIFT',
        'ERROR',
        `Tool '${name}' is in imperal.json but no ${decorator} defines it — ` +
          'run `imperal build` to regenerate the manifest',
        DRIFT_FIX,
        { file: MANIFEST_FILE, line: toolLine(lines(), index, tool.name) },
      ),
    );
  });
  return out;
}

/** The line of `tools[index].name`, when the file on disk agrees with the parsed manifest. */
function toolLine(lines: JsonLines, index: number, name: string): number {
  const path = ['tools', index, 'name'];
  return lines.stringAt(path) === name ? lines.lineOf(path) : 0;
}
