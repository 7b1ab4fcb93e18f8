import type { PackageFiles, ValidationIssue } from '../types';
import { issue } from '../types';
import { readModules } from './code-model';
import type { PyModule } from './py-module';
import { ChatDecl, FileScan, scanParsed } from './py-scan';

/**
 * The file-local Python-source rules: the reference's source-AST rules (SKEL-GUARD-1/2/3,
 * CACHE-MODEL-1, CACHE-TTL-1, PANEL-SLOT-1, MANIFEST-SKELETON-1) and the runtime rules that read
 * one function's own source (V5 return annotation text, V6 params, V7 direct LLM SDK imports,
 * V24-AST). The rules that read the Extension object (V3, V4, V9–V20, V22, V23) run on the code
 * model (code-rules.ts). Plaza never imports or runs the extension: every file is parsed once with
 * @lezer/python, and the tree is shared with the code model.
 *
 * Syntax errors: lezer always yields a tree, recovering around errors with `⚠` nodes. A file whose
 * tree has such nodes is "damaged" (reported once as PY-SYNTAX by the code rules). Its ERROR findings
 * here are dropped, because a recovered tree may misplace code; its WARN findings (V6) are kept.
 * Its classes still count as models. Files that are not UTF-8 are skipped.
 */

const PYDANTIC_ROOTS = new Set(['BaseModel', 'RootModel']);
const at = (file: string, line: number) => ({ file, line, source: 'code' as const });

/** Walks every parsed file once for the file-local rules, recording each file's first syntax error. */
export function scanModules(modules: PyModule[]): FileScan[] {
  return modules.map(m => {
    const scan = scanParsed(m.path, m.src, m.tree);
    m.errorLine = scan.errorLine;
    return scan;
  });
}

/**
 * Every `@<x>.function(...)`-decorated function in the package: its tool name (the Python name
 * when the decorator's name argument is not a literal), file, and the decorator's line.
 */
export function collectChatFunctions(files: PackageFiles): { name: string; file: string; line: number }[] {
  return scanModules(readModules(files)).flatMap(s => s.chat.map(c => ({ name: c.label, file: s.path, line: c.decoratorLine })));
}

/** The file-local rules over the package's parsed *.py files (`scans`: their scanModules() result, when already made). */
export function checkPythonSources(modules: PyModule[], scans: FileScan[] = scanModules(modules)): ValidationIssue[] {
  const isModel = pydanticIndex(scans);
  const cacheModels = new Set(scans.flatMap(s => s.classes.filter(c => c.cacheModel).map(c => c.name)));
  const issues: ValidationIssue[] = [];
  for (const scan of scans) {
    const where = (line: number) => at(scan.path, line);
    const errors = !scan.damaged;
    if (errors) {
      for (const f of scan.findings) issues.push(issue(f.rule, 'ERROR', f.message, f.fix, where(f.line)));
    }
    for (const decl of scan.chat) issues.push(...chatFunctionIssues(decl, isModel, errors, scan.path));
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
            where(ref.line),
          ),
        );
      }
    }
  }
  return issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

const FIX = {
  V5: 'Annotate the function `-> ActionResult` and return ActionResult.success(...) or ActionResult.error(...).',
  V6: 'Take the arguments as one parameter typed with a package BaseModel subclass, e.g. `params: MyParams`.',
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
  const where = { file, line: decl.defLine, source: 'code' as const };
  const actionResult = decl.returnText !== null && decl.returnText.includes('ActionResult');
  const internal = decl.label.startsWith('__');
  if (errors && !actionResult) out.push(issue('V5', 'ERROR', `${fn} must return ActionResult`, FIX.V5, where));
  const others = decl.params.filter(p => p.name !== 'ctx' && p.name !== 'self');
  if (others.length > 0 && !decl.paramTypes.some(isModel)) {
    out.push(issue('V6', 'WARN', `${fn} params should be a Pydantic BaseModel subclass`, FIX.V6, where));
  }
  if (errors && !internal) {
    for (const line of [...decl.skeletonLines].sort((a, b) => a - b)) {
      const message =
        `${fn} accesses ctx.skeleton at line(s) [${line}] — forbidden. ` +
        'Skeleton is the LLM context cache, not a data source for chat functions.';
      out.push(issue('V24-AST', 'ERROR', message, FIX.V24, { file, line, source: 'code' }));
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
