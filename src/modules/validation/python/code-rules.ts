import type { Manifest } from '../manifest-layer';
import { MANIFEST_FILE } from '../manifest-layer';
import { isSyntheticTool, toolsOf } from '../manifest-rules';
import { issue, ValidationIssue } from '../types';
import { ChatFunctionModel, CodeModel, Field, isUnresolved } from './code-model';
import type { PyModule } from './py-module';

/**
 * The runtime rules the reference decides on the imported `Extension` object (V3, V4, V9–V20,
 * V22, V23/V24), decided here on the static code model with the reference's conditions, levels
 * and messages; and MANIFEST-DRIFT, the code model against imperal.json. Every issue here has
 * source 'code'.
 */

const ACTION_TYPES = new Set(['read', 'write', 'destructive']);
const PLACEHOLDER = /^(todo|tbd|fixme|xxx|lorem ipsum.*|description( here)?|placeholder|n\/a|\.\.\.)$/i;
const DRIFT_FIX = 'Run `imperal build` to regenerate imperal.json from the code and ship the result.';
const MAX_LISTED = 25;

const code = (file: string, line: number) => ({ file, line, source: 'code' as const });
const known = <T>(v: Field<T>): v is T => !isUnresolved(v);
const fnLabel = (fn: ChatFunctionModel) => (known(fn.name) ? fn.name : fn.funcName);

/** PY-SYNTAX: a file that does not parse, at the first error. */
export function syntaxIssues(modules: PyModule[]): ValidationIssue[] {
  return modules
    .filter(m => m.errorLine !== null)
    .map(m =>
      issue(
        'PY-SYNTAX',
        'ERROR',
        `${m.path} does not parse: syntax error at line ${m.errorLine}`,
        'Fix the syntax error (the file must import under Python 3.11+).',
        code(m.path, m.errorLine as number),
      ),
    );
}

export function checkCodeModel(model: CodeModel): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const { ext } = model;
  const extAt = code(ext.file, ext.line);
  const appId = known(ext.appId) ? ext.appId : '';

  for (const u of model.unresolved) {
    out.push(
      issue(
        'CODE-UNRESOLVED',
        'INFO',
        `${u.what} is not a static value (\`${u.at.text}\`); the rules that read it were not decided`,
        'Use a literal, a module-level constant or a name imported from another package file.',
        code(u.at.file, u.at.line),
      ),
    );
  }

  // V3
  const realTools = model.tools.filter(t => !isSyntheticTool(t.name));
  if (realTools.length === 0 && model.chats.length === 0) {
    out.push(issue('V3', 'ERROR', 'Extension must have at least one @ext.tool or ChatExtension', 'Add a @ext.tool or create a ChatExtension.', extAt));
  }

  for (const fn of model.functions) {
    const name = fnLabel(fn);
    const at = code(fn.file, fn.defLine);
    const internal = name.startsWith('__');
    const type = known(fn.actionType) ? fn.actionType : null;
    const mutating = type === 'write' || type === 'destructive';
    if (type !== null && !ACTION_TYPES.has(type)) {
      out.push(
        issue(
          'V4',
          'ERROR',
          `@chat.function '${name}' must have explicit action_type ('read', 'write', or 'destructive'), got '${type}'`,
          `Add action_type='read' (or 'write'/'destructive') to @chat.function('${name}').`,
          code(fn.file, fn.line),
        ),
      );
    }
    if (mutating && known(fn.event) && !fn.event) {
      out.push(issue('V10', 'WARN', `@chat.function '${name}' (action_type='${type}') has no event=`, `Add event='${appId}.${name.replace(/^fn_/, '')}' to the decorator.`, code(fn.file, fn.line)));
    }
    if (!fn.hasDocstring) out.push(issue('V11', 'WARN', `@chat.function '${name}' missing docstring`, 'Add a docstring to the function.', at));
    if (!internal) {
      if (known(fn.description)) {
        const d = fn.description.trim();
        if (d.length < 20 || PLACEHOLDER.test(d)) {
          out.push(
            issue(
              'V16',
              'ERROR',
              `@chat.function '${name}' (tool ${fn.chatTool}) description must be ≥20 chars (got len=${d.length})`,
              'Set @chat.function(description=...) to a sentence describing inputs, outputs and when to use it.',
              code(fn.file, fn.line),
            ),
          );
        }
      }
      if (fn.paramsModel === null) {
        out.push(
          issue(
            'V17',
            'ERROR',
            `@chat.function '${name}' must declare a Pydantic BaseModel param (V17 — no **kwargs, no Any)`,
            'Define a module-level `class XParams(BaseModel)` and take it as the typed handler argument: `async def fn(ctx, params: XParams)`.',
            at,
          ),
        );
      }
      if (!fn.typedReturn) {
        out.push(
          issue(
            'V18',
            'ERROR',
            `@chat.function '${name}' must declare a typed return annotation: \`\`-> ActionResult\`\` (or subclass / Pydantic model)`,
            'Annotate the handler return as `-> ActionResult` (or a Pydantic model), or pass data_model= to @chat.function.',
            at,
          ),
        );
      }
      if (mutating && ext.actionsExplicit === true && fn.chainCallable === false) {
        out.push(
          issue('V19', 'ERROR', `@chat.function '${name}' (action_type=${type}) must have chain_callable=True under actions_explicit=True`, 'Drop chain_callable=False (the default is True).', code(fn.file, fn.line)),
        );
      }
      if (mutating && known(fn.effects) && fn.effects.length === 0) {
        out.push(issue('V20', 'WARN', `@chat.function '${name}' (${type}) should declare effects=['create:resource'] etc.`, "Pass effects=['create:note'] or ['delete:folder'] etc.", code(fn.file, fn.line)));
      }
    }
    if (fn.returnModel === null) {
      if (type === 'read' && fn.uiBuilder === false) {
        out.push(
          issue(
            'V23',
            'ERROR',
            `@chat.function '${name}' (action_type=read) is missing data_model declaration. Read tools must declare typed return shape so the platform can validate $REF paths and prevent naming drift.`,
            'Add data_model=YourRecord to the decorator or annotate the return as `-> ActionResult[YourRecord]` (YourRecord a Pydantic BaseModel).',
            at,
          ),
        );
      } else if (mutating) {
        out.push(issue('V24', 'WARN', `@chat.function '${name}' (action_type=${type}) lacks data_model declaration`, 'Recommended: declare data_model= or `-> ActionResult[Model]` for typed results.', at));
      }
    }
  }

  // V19 (extension)
  if (ext.actionsExplicit === false) {
    out.push(issue('V19', 'ERROR', `Extension '${appId}' must set actions_explicit=True`, 'Set Extension(actions_explicit=True).', extAt));
  }
  const hooks = new Set(model.hooks.map(h => h.key));
  if (!hooks.has('health_check')) out.push(issue('V9', 'WARN', 'No @ext.health_check registered', 'Add an @ext.health_check handler.', extAt));
  if (!hooks.has('on_install')) out.push(issue('V12', 'INFO', 'No @ext.on_install lifecycle hook', 'Consider adding @ext.on_install for first-time setup.', extAt));
  for (const tool of model.tools) {
    if (tool.name.startsWith('refresh_') && !tool.name.startsWith('skeleton_refresh_')) {
      out.push(
        issue('V13', 'WARN', `Tool '${tool.name}' looks like a skeleton refresh but lacks the 'skeleton_refresh_' prefix required by the platform's auto-derive convention`, `Use @ext.skeleton('${tool.name.slice(8)}').`, code(tool.file, tool.line)),
      );
    } else if (tool.name.startsWith('alert_') && !tool.name.startsWith('skeleton_alert_')) {
      out.push(issue('V13', 'INFO', `Tool '${tool.name}' looks like a skeleton alert but lacks the 'skeleton_alert_' prefix`, `Rename it skeleton_${tool.name}.`, code(tool.file, tool.line)));
    }
  }
  // V14 / V15
  if (known(ext.description)) {
    const d = ext.description.trim();
    if (d.length < 40 || d === appId) {
      out.push(
        issue(
          'V14',
          'ERROR',
          `Extension '${appId}' description must be ≥40 chars and ≠ app_id (got len=${ext.description.length}, value='${ext.description.slice(0, 40)}')`,
          'Set Extension(description=...) to a sentence of at least 40 characters saying what the extension does.',
          extAt,
        ),
      );
    }
  }
  if (known(ext.displayName)) {
    const n = ext.displayName.trim();
    if (n.length < 3) {
      out.push(issue('V15', 'ERROR', `Extension '${appId}' display_name must be ≥3 chars (got len=${ext.displayName.length}, value='${ext.displayName}')`, "Set Extension(display_name='Notes'): human-readable, not the slug.", extAt));
    } else if (n === appId) {
      out.push(issue('V15', 'ERROR', `Extension display_name '${n}' verbatim equals app_id '${appId}' — provide human-readable name`, "Use 'Notes' instead of 'notes'.", extAt));
    }
  }
  // V22: the reference's check is inert for on_upgrade (hooks are keyed on_upgrade:<version>);
  // Plaza implements the intent: an upgrade hook must accept from_version (or **kwargs).
  for (const hook of model.hooks) {
    if (hook.key === null || !hook.key.startsWith('on_upgrade')) continue;
    if (hook.params.some(p => p.name === 'from_version' || p.kind === 'doubleStar')) continue;
    out.push(
      issue('V22', 'ERROR', `Lifecycle hook '${hook.key}' missing required kwargs: ['from_version'].`, `Add a \`from_version: str = ''\` parameter (or **kwargs) to ${hook.funcName}().`, code(hook.file, hook.line)),
    );
  }
  return out;
}

const show = (v: unknown) => (v === undefined || v === null ? '(none)' : Array.isArray(v) ? `[${v.map(x => `'${String(x)}'`).join(', ')}]` : `'${String(v)}'`);
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');
const nonEmptyObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;

/**
 * MANIFEST-DRIFT: imperal.json is what the marketplace, consent and the semver diff read, and
 * `imperal build` writes it from the code, so any difference means the manifest is stale. Compared:
 * the tools on each side (chat functions and non-synthetic @ext.tool / @ext.skeleton tools), and for
 * tools on both sides their action_type, scopes and declared return shape. "In the manifest but not
 * in the code" is only claimed when the model is complete (every file parses, every name is static).
 */
export function driftIssues(model: CodeModel, manifest: Manifest): ValidationIssue[] {
  const diffs: string[] = [];
  const manifestTools = toolsOf(manifest);
  const byName = new Map(manifestTools.map(t => [t.name, t]));
  const codeNames = new Set<string>();

  for (const fn of model.functions) {
    if (!known(fn.name)) continue;
    codeNames.add(fn.name);
    const m = byName.get(fn.name);
    if (!m) {
      diffs.push(`tools '${fn.name}': code @chat.function (${fn.file}:${fn.line}), manifest (absent)`);
      continue;
    }
    if (known(fn.actionType) && m.action_type !== fn.actionType) diffs.push(`tools '${fn.name}'.action_type: code '${fn.actionType}', manifest ${show(m.action_type)}`);
    const mScopes = Array.isArray(m.scopes) ? m.scopes : [];
    if (known(fn.scopes) && !sameSet(fn.scopes, mScopes)) diffs.push(`tools '${fn.name}'.scopes: code ${show(fn.scopes)}, manifest ${show(mScopes)}`);
    const mReturn = nonEmptyObject(m.return_schema) ? String((m.return_schema as { title?: unknown }).title ?? 'schema') : null;
    if ((fn.returnModel === null) !== (mReturn === null)) diffs.push(`tools '${fn.name}'.return_schema: code ${show(fn.returnModel)}, manifest ${show(mReturn)}`);
  }
  for (const tool of model.tools) {
    if (tool.name.startsWith('__')) continue;
    codeNames.add(tool.name);
    const m = byName.get(tool.name);
    if (!m) {
      diffs.push(`tools '${tool.name}': code @ext.${tool.kind === 'skeleton' ? 'skeleton' : 'tool'} (${tool.file}:${tool.line}), manifest (absent)`);
      continue;
    }
    const mScopes = Array.isArray(m.scopes) ? m.scopes : [];
    if (known(tool.scopes) && !sameSet(tool.scopes, mScopes)) diffs.push(`tools '${tool.name}'.scopes: code ${show(tool.scopes)}, manifest ${show(mScopes)}`);
  }
  if (!model.incomplete && model.damaged.length === 0) {
    for (const t of manifestTools) {
      if (codeNames.has(t.name) || t.name.startsWith('__')) continue;
      diffs.push(`tools '${t.name}': code (absent), manifest ${t.action_type !== undefined && t.action_type !== null ? `chat function (action_type ${show(t.action_type)})` : 'tool'}`);
    }
  }
  if (diffs.length === 0) return [];
  const listed = diffs.slice(0, MAX_LISTED).join('; ');
  const more = diffs.length > MAX_LISTED ? `; … and ${diffs.length - MAX_LISTED} more` : '';
  return [
    issue(
      'MANIFEST-DRIFT',
      'ERROR',
      `imperal.json does not match the code (${diffs.length} difference${diffs.length === 1 ? '' : 's'}): ${listed}${more} — run \`imperal build\` to regenerate the manifest`,
      DRIFT_FIX,
      { file: MANIFEST_FILE, line: 0, source: 'code' },
    ),
  ];
}
