import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import {
  childrenOf,
  decodeUtf8,
  DecoratorInfo,
  decoratorsOf,
  Param,
  paramsOf,
  SourceText,
  stringValue,
  typeDefValue,
} from './py-syntax';

/**
 * One Python file of the package, read for the code model: what its module scope binds (imports,
 * assignments, classes, functions) and every function definition with its decorators. Only
 * statements are walked here; expressions are evaluated on demand by the model.
 */

export type Binding =
  | { kind: 'value'; node: SyntaxNode; line: number }
  | { kind: 'class'; cls: ClassInfo; line: number }
  | { kind: 'function'; line: number }
  /** `import a.b as s` binds s to module a.b; `import a.b` binds a to module a. */
  | { kind: 'module'; module: string; line: number }
  /** `from m import n` (n an attribute of module m, or its submodule m.n). */
  | { kind: 'from'; module: string; name: string; line: number };

/** A lexical scope: a function body's local classes and names, chained to the enclosing one. */
export interface Scope {
  classes: Map<string, ClassInfo>;
  parent: Scope | null;
}

export interface ClassInfo {
  name: string;
  node: SyntaxNode;
  module: PyModule;
  /** Base class expressions (keyword arguments such as metaclass= left out). */
  bases: SyntaxNode[];
  /** The scope the class statement runs in (null: module scope). */
  scope: Scope | null;
  line: number;
}

export interface FunctionInfo {
  name: string;
  node: SyntaxNode;
  module: PyModule;
  decorators: DecoratorInfo[];
  params: Param[];
  /** The return annotation expression, null when there is none. */
  returns: SyntaxNode | null;
  /** `func.__doc__`: the body's leading str literal; null when there is none. */
  docstring: string | null;
  /** The scope the def statement runs in (decorators and eager annotations evaluate there). */
  scope: Scope | null;
  line: number;
}

export interface ImportRef {
  /** Absolute dotted module name (may be outside the package). */
  module: string;
  /** For `from m import a, b`: the imported names (a submodule m.a is imported too when it exists). */
  names: string[];
}

export interface PyModule {
  path: string;
  /** Dotted module name relative to the package root (`pkg/__init__.py` → 'pkg'). */
  name: string;
  isPackage: boolean;
  src: SourceText;
  tree: Tree;
  /** `from __future__ import annotations`: every annotation is a string, resolved lazily. */
  future: boolean;
  /** Module-scope names, in first-binding order (the last binding of a name wins, as at import). */
  bindings: Map<string, Binding>;
  /** Names bound only under `if TYPE_CHECKING:` (absent at run time). */
  typeCheckingOnly: Set<string>;
  /** External modules star-imported (`from imperal_sdk import *`). */
  starImports: string[];
  /** Module-scope imports (run when the module is imported). */
  imports: ImportRef[];
  functions: FunctionInfo[];
  /** Calls that import modules by computed name (importlib.import_module, __import__, pkgutil walks). */
  dynamicImports: boolean;
  /** A registration made by calling a decorator factory directly (`chat.function("x")(handler)`). */
  callRegistrations: boolean;
  /**
   * 1-based line of the first syntax error lezer recovered from; null for a clean parse. Filled by
   * markErrors(), or by the file-local scan, which walks every node anyway.
   */
  errorLine: number | null;
}

export function moduleNameOf(path: string): { name: string; isPackage: boolean } {
  const parts = path.slice(0, -3).split('/');
  const isPackage = parts[parts.length - 1] === '__init__';
  if (isPackage) parts.pop();
  return { name: parts.join('.'), isPackage };
}

/** Parses one file (or takes its tree, parsed from the same bytes elsewhere); null when the bytes are not UTF-8. */
export function readModule(path: string, bytes: Buffer, parsed?: Tree): PyModule | null {
  const text = decodeUtf8(bytes);
  if (text === null) return null;
  const src = new SourceText(text);
  const tree = parsed ?? parser.parse(text);
  const { name, isPackage } = moduleNameOf(path);
  const mod: PyModule = {
    path,
    name,
    isPackage,
    src,
    tree,
    future: false,
    bindings: new Map(),
    typeCheckingOnly: new Set(),
    starImports: [],
    imports: [],
    functions: [],
    dynamicImports: text.includes('import_module(') || text.includes('__import__(') || text.includes('walk_packages('),
    callRegistrations: false,
    errorLine: null,
  };
  new ModuleReader(mod).read();
  return mod;
}

/** Sets `errorLine` by walking the tree (when no scan of the file ran). */
export function markErrors(mod: PyModule): void {
  const cur = mod.tree.cursor();
  do {
    if (cur.type.isError) {
      mod.errorLine = mod.src.lineAt(cur.from);
      return;
    }
  } while (cur.next());
}

/** The package a relative import starts from, `level` dots up. */
function relativeBase(mod: PyModule, level: number): string | null {
  const parts = mod.name ? mod.name.split('.') : [];
  if (!mod.isPackage) parts.pop();
  for (let i = 1; i < level; i++) {
    if (parts.length === 0) return null;
    parts.pop();
  }
  return parts.join('.');
}

const join = (base: string, rest: string) => (base && rest ? `${base}.${rest}` : base || rest);

class ModuleReader {
  constructor(private readonly mod: PyModule) {}

  read(): void {
    this.statements(this.mod.tree.topNode, null, { typeChecking: false, fallback: false });
  }

  private line(node: SyntaxNode): number {
    return this.mod.src.lineAt(node.from);
  }

  /** Binds a module-scope name (scope === null); later bindings win, except-branch ones never replace. */
  private bind(name: string, binding: Binding, flags: Flags): void {
    const mod = this.mod;
    if (flags.typeChecking) {
      if (!mod.bindings.has(name)) mod.typeCheckingOnly.add(name);
      return;
    }
    if (flags.fallback && mod.bindings.has(name)) return;
    mod.typeCheckingOnly.delete(name);
    mod.bindings.delete(name);
    mod.bindings.set(name, binding);
  }

  /** Walks the statements of a block. `scope` is null at module scope. */
  private statements(block: SyntaxNode, scope: Scope | null, flags: Flags): void {
    for (const stmt of childrenOf(block)) this.statement(stmt, scope, flags);
  }

  private statement(stmt: SyntaxNode, scope: Scope | null, flags: Flags): void {
    switch (stmt.name) {
      case 'ImportStatement':
        if (scope === null) this.importStatement(stmt, flags);
        break;
      case 'AssignStatement':
        if (scope === null) this.assignment(stmt, flags);
        break;
      case 'DecoratedStatement': {
        const def = stmt.getChild('FunctionDefinition') ?? stmt.getChild('ClassDefinition');
        if (def) this.statement(def, scope, flags);
        break;
      }
      case 'FunctionDefinition':
        this.functionDef(stmt, scope, flags);
        break;
      case 'ClassDefinition':
        this.classDef(stmt, scope, flags);
        break;
      case 'IfStatement': {
        const bodies = stmt.getChildren('Body');
        const cond = stmt.firstChild?.nextSibling;
        const guard = cond ? this.mod.src.of(cond) : '';
        const typeChecking = guard === 'TYPE_CHECKING' || guard === 'typing.TYPE_CHECKING';
        bodies.forEach((body, i) => this.statements(body, scope, { ...flags, typeChecking: flags.typeChecking || (typeChecking && i === 0) }));
        break;
      }
      case 'TryStatement': {
        // The try body is what runs; except/else/finally bodies only fill names it left unbound.
        stmt.getChildren('Body').forEach((body, i) => this.statements(body, scope, { ...flags, fallback: flags.fallback || i > 0 }));
        break;
      }
      case 'ExpressionStatement': {
        // `chat.function("x", ...)(handler)` / `ext.tool("x")(handler)`: a call of a call of `.function`/`.tool`.
        const call = stmt.firstChild;
        const inner = call?.name === 'CallExpression' ? call.firstChild : null;
        const callee = inner?.name === 'CallExpression' ? inner.firstChild : null;
        const last = callee?.name === 'MemberExpression' ? callee.lastChild : null;
        if (last?.name === 'PropertyName' && ['function', 'tool', 'skeleton'].includes(this.mod.src.of(last))) this.mod.callRegistrations = true;
        break;
      }
      case 'WithStatement':
      case 'ForStatement':
      case 'WhileStatement': {
        for (const body of stmt.getChildren('Body')) this.statements(body, scope, flags);
        break;
      }
      default:
        break;
    }
  }

  private importStatement(stmt: SyntaxNode, flags: Flags): void {
    const src = this.mod.src;
    const kids = childrenOf(stmt);
    const line = this.line(stmt);
    if (kids[0]?.name === 'from') {
      let level = 0;
      let i = 1;
      const path: string[] = [];
      for (; i < kids.length && kids[i].name !== 'import'; i++) {
        const k = kids[i];
        if (k.name === '.') level += path.length === 0 ? 1 : 0;
        else if (k.name === 'Ellipsis') level += 3;
        else if (k.name === 'VariableName') path.push(src.of(k));
      }
      const rest = path.join('.');
      if (rest === '__future__') {
        if (kids.slice(i).some(k => k.name === 'VariableName' && src.of(k) === 'annotations')) this.mod.future = true;
        return;
      }
      let module: string;
      if (level > 0) {
        const base = relativeBase(this.mod, level);
        if (base === null) return;
        module = join(base, rest);
      } else {
        module = rest;
      }
      const names: string[] = [];
      for (i++; i < kids.length; i++) {
        const k = kids[i];
        if (k.name === '*') {
          this.mod.starImports.push(module);
          continue;
        }
        if (k.name !== 'VariableName') continue;
        const name = src.of(k);
        let alias = name;
        if (kids[i + 1]?.name === 'as' && kids[i + 2]?.name === 'VariableName') {
          alias = src.of(kids[i + 2]);
          i += 2;
        }
        names.push(name);
        this.bind(alias, { kind: 'from', module, name, line }, flags);
      }
      if (!flags.typeChecking) this.mod.imports.push({ module, names });
      return;
    }
    // import a.b.c [as x], d
    let dotted: string[] = [];
    const flush = (alias: string | null) => {
      if (dotted.length === 0) return;
      const module = dotted.join('.');
      if (!flags.typeChecking) this.mod.imports.push({ module, names: [] });
      if (alias) this.bind(alias, { kind: 'module', module, line }, flags);
      else this.bind(dotted[0], { kind: 'module', module: dotted[0], line }, flags);
      dotted = [];
    };
    for (let i = 1; i < kids.length; i++) {
      const k = kids[i];
      if (k.name === 'VariableName') dotted.push(src.of(k));
      else if (k.name === 'as' && kids[i + 1]?.name === 'VariableName') {
        flush(src.of(kids[i + 1]));
        i++;
      } else if (k.name === ',') flush(null);
    }
    flush(null);
  }

  private assignment(stmt: SyntaxNode, flags: Flags): void {
    const kids = childrenOf(stmt);
    // Targets are the names before each `=`; the value is the last expression (`a = b = expr`).
    const ops = kids.filter(k => k.name === 'AssignOp');
    if (ops.length === 0 || ops.some(o => this.mod.src.of(o) !== '=')) return;
    const value = kids[kids.length - 1];
    const line = this.line(stmt);
    for (let i = 0; i < kids.length - 1; i++) {
      const k = kids[i];
      const next = kids[i + 1];
      if (k.name === 'VariableName' && (next.name === 'AssignOp' || next.name === 'TypeDef')) {
        this.bind(this.mod.src.of(k), { kind: 'value', node: value, line }, flags);
      }
    }
  }

  private functionDef(node: SyntaxNode, scope: Scope | null, flags: Flags): void {
    const src = this.mod.src;
    const nameNode = node.getChild('VariableName');
    const name = nameNode ? src.of(nameNode) : '<unknown>';
    const paramList = node.getChild('ParamList');
    const returns = node.getChild('TypeDef');
    const info: FunctionInfo = {
      name,
      node,
      module: this.mod,
      decorators: decoratorsOf(node, src),
      params: paramList ? paramsOf(paramList, src) : [],
      returns: returns ? typeDefValue(returns) : null,
      docstring: docstringOf(node, src),
      scope,
      line: this.line(node),
    };
    this.mod.functions.push(info);
    if (scope === null) this.bind(name, { kind: 'function', line: info.line }, flags);
    const body = node.getChild('Body');
    if (body) this.statements(body, { classes: new Map(), parent: scope }, { typeChecking: false, fallback: false });
  }

  private classDef(node: SyntaxNode, scope: Scope | null, flags: Flags): void {
    const src = this.mod.src;
    const nameNode = node.getChild('VariableName');
    if (!nameNode) return;
    const argList = node.getChild('ArgList');
    const bases: SyntaxNode[] = [];
    if (argList) {
      let seg: SyntaxNode[] = [];
      const flush = () => {
        if (seg.length === 1) bases.push(seg[0]);
        seg = [];
      };
      for (const c of childrenOf(argList)) {
        if (c.name === '(' || c.name === ')') continue;
        if (c.name === ',') flush();
        else seg.push(c);
      }
      flush();
    }
    const cls: ClassInfo = { name: src.of(nameNode), node, module: this.mod, bases, scope, line: this.line(node) };
    if (scope === null) this.bind(cls.name, { kind: 'class', cls, line: cls.line }, flags);
    else scope.classes.set(cls.name, cls);
    const body = node.getChild('Body');
    // A class body is not an enclosing scope for the functions inside it (Python's rule), so its
    // methods see the class statement's scope.
    if (body) {
      for (const stmt of childrenOf(body)) {
        if (stmt.name === 'FunctionDefinition' || stmt.name === 'DecoratedStatement' || stmt.name === 'ClassDefinition') {
          this.statement(stmt, scope ?? { classes: new Map(), parent: null }, { typeChecking: false, fallback: false });
        }
      }
    }
  }
}

interface Flags {
  typeChecking: boolean;
  fallback: boolean;
}

/** Python's rule: the body's first statement is a bare str literal (f-strings do not count). */
function docstringOf(def: SyntaxNode, src: SourceText): string | null {
  const body = def.getChild('Body');
  const first = body ? childrenOf(body).find(c => c.name !== ':') : undefined;
  if (!first || first.name !== 'ExpressionStatement') return null;
  const kids = childrenOf(first);
  if (kids.length !== 1) return null;
  return stringValue(kids[0], src);
}
