import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import type { PackageFiles } from '../types';
import { CallArg, callArgs, childrenOf, DecoratorInfo, keyword, Param, positional, SourceText, stringValue, unescapeLiteral, unwrapParens, attributeOf } from './py-syntax';
import { ClassInfo, FunctionInfo, markErrors, PyModule, readModule, Scope } from './py-module';

/**
 * The code model: what the SDK builds at import time (the `Extension` object, its ChatExtensions
 * and every decorated function), built statically from the package's Python sources. Nothing is
 * executed. Values are resolved from literals, module-level constants, names imported from other
 * package files, `+` concatenation and implicit string joins; anything else is "unresolved" and
 * reported, never guessed. See docs/validation.md ("The code model").
 */

/** A value the model could not compute: where it is and its source text. */
export interface Unresolved {
  unresolved: true;
  file: string;
  line: number;
  text: string;
}

export type Value =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'none' }
  | { k: 'list'; items: Value[] }
  | { k: 'dict' }
  | { k: 'module'; name: string }
  | { k: 'external'; path: string }
  | { k: 'class'; cls: ClassInfo }
  | { k: 'generic'; origin: Value; args: Value[] }
  | { k: 'ext'; id: string }
  | { k: 'chat'; id: string }
  | { k: 'function' }
  | { k: 'unknown'; at: Unresolved };

/** A field read from the code: its value, or why it has none. */
export type Field<T> = T | Unresolved;
export const isUnresolved = (v: unknown): v is Unresolved => typeof v === 'object' && v !== null && (v as Unresolved).unresolved === true;

export interface ExtensionModel {
  file: string;
  line: number;
  appId: Field<string>;
  version: Field<string>;
  displayName: Field<string>;
  description: Field<string>;
  icon: Field<string>;
  actionsExplicit: Field<boolean>;
  system: Field<boolean>;
  capabilities: Field<string[]>;
}

export interface ChatExtensionModel {
  toolName: Field<string> | null;
  description: Field<string>;
  file: string;
  line: number;
}

export interface ChatFunctionModel {
  name: Field<string>;
  funcName: string;
  chatTool: string;
  file: string;
  /** The decorator's line (registration); `defLine` is the def statement. */
  line: number;
  defLine: number;
  description: Field<string>;
  actionType: Field<string>;
  chainCallable: Field<boolean>;
  effects: Field<string[]>;
  event: Field<string>;
  scopes: Field<string[]>;
  uiBuilder: Field<boolean>;
  hasDocstring: boolean;
  /** The pydantic params model the decorator detects (null: none; explicit `params=` skips detection). */
  paramsModel: string | null;
  /** The declared return shape: data_model=, `-> Model` or `-> ActionResult[Model]` (null: none). */
  returnModel: string | null;
  /** V18: the return annotation is ActionResult-like or a pydantic model, or a return model exists. */
  typedReturn: boolean;
}

export interface ToolModel {
  name: string;
  kind: 'tool' | 'skeleton' | 'panel' | 'webhook' | 'tray' | 'menu' | 'widget';
  scopes: Field<string[]>;
  file: string;
  line: number;
}

export interface HookModel {
  /** on_install, on_uninstall, on_enable, on_disable, health_check, or `on_upgrade:<version>` (null when the version is not static). */
  key: string | null;
  funcName: string;
  file: string;
  line: number;
  params: Param[];
}

export interface DecoratedModel {
  /** The decorator's attribute: schedule, signal, on_event, emits, expose, secret, cache_model, … */
  kind: string;
  funcName: string;
  file: string;
  line: number;
  args: Record<string, Field<unknown>>;
}

export interface CodeModel {
  ext: ExtensionModel;
  chats: ChatExtensionModel[];
  functions: ChatFunctionModel[];
  tools: ToolModel[];
  hooks: HookModel[];
  decorated: DecoratedModel[];
  /** Values the rules would need but that are not static, each once (INFO issues). */
  unresolved: { what: string; at: Unresolved }[];
  /** Some registration's name is not static, or a module imports by computed name: absence is unprovable. */
  incomplete: boolean;
  /** Files the model read that have syntax errors (their registrations may be partial). */
  damaged: string[];
}

export interface ModelResult {
  modules: PyModule[];
  /** Null when no `Extension(...)` instance is reachable from main.py. */
  model: CodeModel | null;
  /** Why there is no model (for the INFO issue), when there are Python files. */
  missing: string | null;
}

const BUILTINS = new Set([
  'str', 'int', 'float', 'bool', 'bytes', 'dict', 'list', 'tuple', 'set', 'frozenset', 'object', 'type', 'None',
  'complex', 'bytearray', 'memoryview', 'range', 'slice', 'Exception', 'BaseException', 'ValueError', 'TypeError',
  'KeyError', 'RuntimeError', 'callable', 'property', 'classmethod', 'staticmethod', 'len', 'print', 'isinstance',
]);
const SYNTHETIC = { panel: '__panel__', webhook: '__webhook__', tray: '__tray__', menu_item: '__menu__', widget: '__widget__' } as const;
const LIFECYCLE = new Set(['on_install', 'on_uninstall', 'on_enable', 'on_disable', 'health_check']);
const OTHER_DECORATORS = new Set(['schedule', 'signal', 'on_event', 'emits', 'expose', 'secret', 'cache_model', 'oauth', 'file_sink']);

const SKIPPED_DIRS = new Set(['venv', '.venv', '__pycache__', '.git', 'node_modules', 'dist', 'build', '.pytest_cache', '.mypy_cache', '.ruff_cache']);

export function isWalkedPythonFile(path: string): boolean {
  if (!path.endsWith('.py')) return false;
  return path.split('/').slice(0, -1).every(dir => !SKIPPED_DIRS.has(dir));
}

function isTestModule(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  return parts.slice(0, -1).some(d => d === 'tests' || d === 'test') || base.startsWith('test_') || base.endsWith('_test.py') || base === 'conftest.py';
}

/**
 * Reads every walked .py file of the package once. `markSyntaxErrors: false` when the caller's
 * file-local scan (which walks every node anyway) fills `errorLine` instead. `trees`: files already
 * parsed (parallel-parse.ts), by path; the rest are parsed here.
 */
export function readModules(files: PackageFiles, markSyntaxErrors = true, trees?: ReadonlyMap<string, Tree>): PyModule[] {
  const out: PyModule[] = [];
  for (const path of [...files.keys()].filter(isWalkedPythonFile).sort()) {
    const mod = readModule(path, files.get(path) as Buffer, trees?.get(path));
    if (!mod) continue;
    if (markSyntaxErrors) markErrors(mod);
    out.push(mod);
  }
  return out;
}

export function buildCodeModel(modules: PyModule[]): ModelResult {
  if (modules.length === 0) return { modules, model: null, missing: null };
  const builder = new ModelBuilder(modules);
  return builder.build();
}

interface CallSite {
  mod: PyModule;
  node: SyntaxNode;
  args: CallArg[];
  scope: Scope | null;
}

class ModelBuilder {
  private readonly byName = new Map<string, PyModule>();
  private readonly prefixes = new Set<string>();
  private readonly extCalls = new Map<string, CallSite>();
  private readonly chatCalls = new Map<string, CallSite>();
  private readonly lookupMemo = new Map<string, Value>();
  private readonly visiting = new Set<string>();
  private readonly pydanticMemo = new Map<ClassInfo, boolean>();
  private readonly unresolved: { what: string; at: Unresolved }[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly modules: PyModule[]) {
    for (const m of modules) {
      this.byName.set(m.name, m);
      const parts = m.name.split('.');
      for (let i = 1; i < parts.length; i++) this.prefixes.add(parts.slice(0, i).join('.'));
    }
  }

  private isPackageModule(name: string): boolean {
    return this.byName.has(name) || this.prefixes.has(name);
  }

  build(): ModelResult {
    const main = this.byName.get('main');
    if (!main) return { modules: this.modules, model: null, missing: 'the package has no main.py' };
    const reachable = this.reachable(main);
    const extValue = this.findExtension(main);
    if (!extValue) return { modules: this.modules, model: null, missing: 'main.py reaches no Extension(...) instance' };
    const site = this.extCalls.get(extValue.id) as CallSite;
    const ext = this.extensionModel(site);
    const model: CodeModel = { ext, chats: [], functions: [], tools: [], hooks: [], decorated: [], unresolved: this.unresolved, incomplete: false, damaged: [] };

    // ChatExtension(ext, ...) objects attached to this extension, in the modules that run.
    const chatTools = new Map<string, string>();
    for (const mod of reachable) {
      if (mod.errorLine !== null) model.damaged.push(mod.path);
      if (mod.dynamicImports || mod.callRegistrations) model.incomplete = true;
    }
    const registered = (id: string) => {
      const site = this.chatCalls.get(id);
      if (!site) return null;
      const arg = positional(site.args, 0) ?? keyword(site.args, 'ext');
      const target = arg?.value ? this.evaluate(site.mod, arg.value, site.scope) : null;
      if (target?.k !== 'ext' || target.id !== extValue.id) return null;
      let name = chatTools.get(id);
      if (name === undefined) {
        const toolArg = positional(site.args, 1) ?? keyword(site.args, 'tool_name');
        const tn = toolArg?.value ? this.field(site.mod, toolArg.value, site.scope, 'ChatExtension(tool_name=...)', asString) : null;
        const appId = typeof ext.appId === 'string' ? ext.appId : '?';
        name = typeof tn === 'string' && tn ? tn : `tool_${appId}_chat`;
        chatTools.set(id, name);
        const descArg = positional(site.args, 2) ?? keyword(site.args, 'description');
        model.chats.push({
          toolName: tn,
          description: descArg?.value ? this.field(site.mod, descArg.value, site.scope, 'ChatExtension(description=...)', asString) : '',
          file: site.mod.path,
          line: site.mod.src.lineAt(site.node.from),
        });
      }
      return name;
    };

    for (const mod of reachable) {
      for (const fn of mod.functions) {
        for (const dec of fn.decorators) {
          if (!dec.parts || dec.parts.length < 2) continue;
          const attr = dec.parts[dec.parts.length - 1];
          const receiver = this.dotted(mod, dec.parts.slice(0, -1), fn.scope);
          if (receiver.k === 'chat' && attr === 'function') {
            const tool = registered(receiver.id);
            if (tool !== null && dec.args) model.functions.push(this.chatFunction(fn, dec, tool, model));
          } else if (receiver.k === 'ext' && receiver.id === extValue.id) {
            this.extDecorator(fn, dec, attr, model);
          }
        }
      }
    }
    // ChatExtensions with no function still count for V3: evaluate every module-level
    // `x = ChatExtension(...)` of the modules that run.
    for (const mod of reachable) {
      for (const [name, b] of mod.bindings) {
        if (b.kind === 'value' && b.node.name === 'CallExpression' && mod.src.of(b.node).includes('ChatExtension')) this.lookup(mod, name);
      }
    }
    for (const id of this.chatCalls.keys()) registered(id);
    return { modules: this.modules, model, missing: null };
  }

  /** Modules that run when main.py is imported: its imports, transitively (parent packages too). */
  private reachable(main: PyModule): PyModule[] {
    const seen = new Set<PyModule>([main]);
    const queue = [main];
    const add = (name: string) => {
      const parts = name.split('.');
      for (let i = 1; i <= parts.length; i++) {
        const m = this.byName.get(parts.slice(0, i).join('.'));
        if (m && !seen.has(m)) {
          seen.add(m);
          queue.push(m);
        }
      }
    };
    let dynamic = false;
    while (queue.length) {
      const mod = queue.shift() as PyModule;
      dynamic ||= mod.dynamicImports;
      for (const imp of mod.imports) {
        add(imp.module);
        for (const n of imp.names) {
          const sub = imp.module ? `${imp.module}.${n}` : n;
          if (this.byName.has(sub)) add(sub);
        }
      }
    }
    // A module that imports by computed name may load any of the package's modules: count them all.
    if (dynamic) for (const m of this.modules) if (!isTestModule(m.path)) seen.add(m);
    return this.modules.filter(m => seen.has(m));
  }

  /** `from main import ext` as `imperal validate` does; else the first Extension among main's names. */
  private findExtension(main: PyModule): { k: 'ext'; id: string } | null {
    const direct = this.lookup(main, 'ext'); // bound in main.py, or through `from app import *`
    if (direct?.k === 'ext') return direct;
    for (const name of main.bindings.keys()) {
      const v = this.lookup(main, name);
      if (v.k === 'ext') return v;
    }
    return null;
  }

  // ---- evaluation -------------------------------------------------------------------------

  private unknown(mod: PyModule, node: SyntaxNode): Value {
    return { k: 'unknown', at: { unresolved: true, file: mod.path, line: mod.src.lineAt(node.from), text: mod.src.of(node).slice(0, 80) } };
  }

  /** A module-scope name of `mod`, following imports across the package. */
  lookup(from: PyModule, name: string): Value {
    // A parsed string annotation evaluates in a copy of its module; bindings live in the original.
    const mod = this.byName.get(from.name) ?? from;
    const key = `${mod.name}\0${name}`;
    const memo = this.lookupMemo.get(key);
    if (memo) return memo;
    if (this.visiting.has(key)) return { k: 'unknown', at: { unresolved: true, file: mod.path, line: 0, text: name } };
    this.visiting.add(key);
    const value = this.lookupUncached(mod, name);
    this.visiting.delete(key);
    this.lookupMemo.set(key, value);
    return value;
  }

  private lookupUncached(mod: PyModule, name: string): Value {
    const b = mod.bindings.get(name);
    if (!b) {
      if (BUILTINS.has(name)) return { k: 'external', path: `builtins.${name}` };
      const star = mod.starImports.find(s => !this.isPackageModule(s));
      if (star) return { k: 'external', path: `${star}.${name}` };
      for (const s of mod.starImports) {
        const m = this.byName.get(s);
        if (m && m.bindings.has(name)) return this.lookup(m, name);
      }
      return { k: 'unknown', at: { unresolved: true, file: mod.path, line: 0, text: name } };
    }
    switch (b.kind) {
      case 'value':
        return this.evaluate(mod, b.node, null);
      case 'class':
        return { k: 'class', cls: b.cls };
      case 'function':
        return { k: 'function' };
      case 'module':
        return this.isPackageModule(b.module) ? { k: 'module', name: b.module } : { k: 'external', path: b.module };
      case 'from':
        return this.attribute({ k: this.isPackageModule(b.module) ? 'module' : 'external', name: b.module, path: b.module } as Value, b.name);
    }
  }

  /** `value.name`: a module's attribute (or submodule), an external dotted path; else unknown. */
  private attribute(value: Value, name: string): Value {
    if (value.k === 'module') {
      const m = this.byName.get(value.name);
      if (m && m.bindings.has(name)) return this.lookup(m, name);
      const sub = `${value.name}.${name}`;
      if (this.isPackageModule(sub)) return { k: 'module', name: sub };
      if (m) return this.lookup(m, name);
      return { k: 'unknown', at: { unresolved: true, file: '', line: 0, text: sub } };
    }
    if (value.k === 'external') return { k: 'external', path: `${value.path}.${name}` };
    return { k: 'unknown', at: value.k === 'unknown' ? value.at : { unresolved: true, file: '', line: 0, text: name } };
  }

  private dotted(mod: PyModule, parts: string[], scope: Scope | null): Value {
    let v = this.name(mod, parts[0], scope);
    for (const p of parts.slice(1)) v = this.attribute(v, p);
    return v;
  }

  /** A name seen from a scope: enclosing functions' local classes first, then the module. */
  private name(mod: PyModule, name: string, scope: Scope | null): Value {
    for (let s = scope; s; s = s.parent) {
      const cls = s.classes.get(name);
      if (cls) return { k: 'class', cls };
    }
    return this.lookup(mod, name);
  }

  evaluate(mod: PyModule, node: SyntaxNode, scope: Scope | null): Value {
    const src = mod.src;
    const n = unwrapParens(node);
    switch (n.name) {
      case 'String': {
        const s = stringValue(n, src);
        return s === null ? this.unknown(mod, n) : { k: 'str', v: s };
      }
      case 'ContinuedString': {
        // Implicit concatenation; parts may be f-strings.
        let out = '';
        for (const part of childrenOf(n)) {
          const v = this.evaluate(mod, part, scope);
          if (v.k !== 'str') return this.unknown(mod, n);
          out += v.v;
        }
        return { k: 'str', v: out };
      }
      case 'FormatString':
        return this.formatString(mod, n, scope);
      case 'Number': {
        const v = Number(src.of(n).split('_').join(''));
        return Number.isFinite(v) ? { k: 'num', v } : this.unknown(mod, n);
      }
      case 'Boolean':
        return { k: 'bool', v: src.of(n) === 'True' };
      case 'None':
        return { k: 'none' };
      case 'ArrayExpression':
      case 'TupleExpression': {
        const items: Value[] = [];
        for (const c of childrenOf(n)) {
          if (c.name === '[' || c.name === ']' || c.name === '(' || c.name === ')' || c.name === ',') continue;
          items.push(this.evaluate(mod, c, scope));
        }
        return { k: 'list', items };
      }
      case 'DictionaryExpression':
        return { k: 'dict' };
      case 'VariableName':
        return this.name(mod, src.of(n), scope);
      case 'MemberExpression': {
        const attr = attributeOf(n, src);
        if (attr) return this.attribute(this.evaluate(mod, attr.object, scope), attr.property);
        const kids = childrenOf(n);
        if (kids.length > 1 && kids[1].name === '[') {
          const origin = this.evaluate(mod, kids[0], scope);
          const args = kids.slice(2).filter(c => c.name !== ']' && c.name !== ',').map(c => this.evaluate(mod, c, scope));
          return { k: 'generic', origin, args };
        }
        return this.unknown(mod, n);
      }
      case 'BinaryExpression': {
        const kids = childrenOf(n);
        if (kids.length === 3 && kids[1].name === 'ArithOp' && src.of(kids[1]) === '+') {
          const a = this.evaluate(mod, kids[0], scope);
          const b = this.evaluate(mod, kids[2], scope);
          if (a.k === 'str' && b.k === 'str') return { k: 'str', v: a.v + b.v };
          if (a.k === 'list' && b.k === 'list') return { k: 'list', items: [...a.items, ...b.items] };
        }
        return this.unknown(mod, n);
      }
      case 'CallExpression': {
        const callee = n.firstChild;
        const argList = n.lastChild;
        if (!callee || argList?.name !== 'ArgList') return this.unknown(mod, n);
        const fn = this.evaluate(mod, callee, scope);
        const last = fn.k === 'external' ? fn.path.split('.').pop() : null;
        const id = `${mod.path}:${n.from}`;
        if (last === 'Extension' && fn.k === 'external' && fn.path.startsWith('imperal_sdk')) {
          this.extCalls.set(id, { mod, node: n, args: callArgs(argList, src), scope });
          return { k: 'ext', id };
        }
        if (last === 'ChatExtension' && fn.k === 'external' && fn.path.startsWith('imperal_sdk')) {
          this.chatCalls.set(id, { mod, node: n, args: callArgs(argList, src), scope });
          return { k: 'chat', id };
        }
        return this.unknown(mod, n);
      }
      default:
        return this.unknown(mod, n);
    }
  }

  /**
   * An f-string whose replacement fields are static (`f"max {MAX_GROUPS} groups"` with a module
   * constant): its value. A conversion (`!r`), a format spec (`:>3`), a `=` field or a value that is
   * not a str, int or bool makes it unresolved.
   */
  private formatString(mod: PyModule, n: SyntaxNode, scope: Scope | null): Value {
    const src = mod.src;
    const raw = src.of(n);
    let i = 0;
    while (i < raw.length && raw[i] !== '"' && raw[i] !== "'") i++;
    const prefix = raw.slice(0, i).toLowerCase();
    if (prefix.includes('b')) return this.unknown(mod, n);
    const q = raw.startsWith(raw[i].repeat(3), i) ? 3 : 1;
    const bodyFrom = n.from + i + q;
    const bodyTo = n.to - q;
    const literal = (from: number, to: number): string | null => {
      const text = src.text.slice(from, to).split('{{').join('{').split('}}').join('}');
      return prefix.includes('r') ? text : unescapeLiteral(text);
    };
    let out = '';
    let at = bodyFrom;
    for (const field of childrenOf(n)) {
      if (field.name !== 'FormatReplacement') continue;
      const lit = literal(at, field.from);
      if (lit === null) return this.unknown(mod, n);
      out += lit;
      const inner = childrenOf(field).filter(c => c.name !== '{' && c.name !== '}');
      if (inner.length !== 1 || src.of(field).includes('=')) return this.unknown(mod, n);
      const v = this.evaluate(mod, inner[0], scope);
      if (v.k === 'str') out += v.v;
      else if (v.k === 'num' && Number.isInteger(v.v)) out += String(v.v);
      else if (v.k === 'bool') out += v.v ? 'True' : 'False';
      else return this.unknown(mod, n);
      at = field.to;
    }
    const tail = literal(at, bodyTo);
    if (tail === null) return this.unknown(mod, n);
    return { k: 'str', v: out + tail };
  }

  /** Evaluates an argument into a field; an unresolved one is recorded once (INFO) and returned as such. */
  private field<T>(mod: PyModule, node: SyntaxNode, scope: Scope | null, what: string, convert: (v: Value) => T | null): Field<T> {
    const v = this.evaluate(mod, node, scope);
    const out = convert(v);
    if (out !== null) return out;
    const at: Unresolved = { unresolved: true, file: mod.path, line: mod.src.lineAt(node.from), text: mod.src.of(node).slice(0, 80) };
    const key = `${at.file}:${at.line}:${what}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.unresolved.push({ what, at });
    }
    return at;
  }

  private arg<T>(site: { mod: PyModule; args: CallArg[]; scope: Scope | null }, index: number | null, kw: string, what: string, convert: (v: Value) => T | null, fallback: T): Field<T> {
    const a = (index === null ? undefined : positional(site.args, index)) ?? keyword(site.args, kw);
    if (!a) {
      // `Extension(**settings)` / `f(*args)`: the argument may be in the splat; the default is a guess.
      const splat = site.args.find(x => x.kind === 'star' || x.kind === 'doubleStar');
      return splat?.value ? this.field<T>(site.mod, splat.value, site.scope, what, () => null) : fallback;
    }
    if (!a.value) return fallback;
    return this.field(site.mod, a.value, site.scope, what, convert);
  }

  private extensionModel(site: CallSite): ExtensionModel {
    const s = (i: number | null, kw: string, fb: string) => this.arg(site, i, kw, `Extension(${kw}=...)`, asString, fb);
    return {
      file: site.mod.path,
      line: site.mod.src.lineAt(site.node.from),
      appId: s(0, 'app_id', ''),
      version: s(1, 'version', '0.1.0'),
      displayName: s(null, 'display_name', ''),
      description: s(null, 'description', ''),
      icon: s(null, 'icon', ''),
      actionsExplicit: this.arg(site, null, 'actions_explicit', 'Extension(actions_explicit=...)', asTruthy, true),
      system: this.arg(site, null, 'system', 'Extension(system=...)', asTruthy, false),
      capabilities: this.arg(site, 2, 'capabilities', 'Extension(capabilities=...)', asStringList, []),
    };
  }

  private chatFunction(fn: FunctionInfo, dec: DecoratorInfo, chatTool: string, model: CodeModel): ChatFunctionModel {
    const site = { mod: fn.module, args: dec.args ?? [], scope: fn.scope };
    const name = this.arg(site, 0, 'name', '@chat.function(name)', asString, fn.name);
    if (isUnresolved(name)) model.incomplete = true;
    const label = typeof name === 'string' ? name : fn.name;
    const w = (kw: string) => `@chat.function '${label}' ${kw}=`;
    const description = this.arg(site, 1, 'description', w('description'), asString, fn.docstring ?? '');
    const actionType = this.arg(site, 3, 'action_type', w('action_type'), asString, 'read');
    const chainArg = this.arg<boolean | null>(site, null, 'chain_callable', w('chain_callable'), v => (v.k === 'none' ? null : asTruthy(v)), null);
    const explicitParams = (() => {
      const a = positional(site.args, 2) ?? keyword(site.args, 'params');
      return !!a?.value && this.evaluate(fn.module, a.value, fn.scope).k !== 'none';
    })();
    const types = this.types(fn);
    let returnModel = types.returnModel;
    const dm = keyword(site.args, 'data_model');
    if (dm?.value) {
      const v = this.evaluate(fn.module, dm.value, fn.scope);
      if (v.k === 'class' && this.isPydantic(v.cls)) returnModel = v.cls.name;
    }
    return {
      name,
      funcName: fn.name,
      chatTool,
      file: fn.module.path,
      line: dec.line,
      defLine: fn.line,
      description,
      actionType,
      chainCallable: chainArg === null ? true : chainArg,
      effects: this.arg(site, null, 'effects', w('effects'), v => (v.k === 'none' ? [] : asStringList(v)), []),
      event: this.arg(site, 4, 'event', w('event'), asString, ''),
      scopes: this.arg(site, null, 'scopes', w('scopes'), v => (v.k === 'none' ? [] : asStringList(v)), []),
      uiBuilder: this.arg(site, null, 'ui_builder', w('ui_builder'), asTruthy, false),
      hasDocstring: !!fn.docstring,
      paramsModel: explicitParams ? null : types.paramsModel,
      returnModel,
      typedReturn: types.typedReturn || returnModel !== null,
    };
  }

  private extDecorator(fn: FunctionInfo, dec: DecoratorInfo, attr: string, model: CodeModel): void {
    const site = { mod: fn.module, args: dec.args ?? [], scope: fn.scope };
    const where = { file: fn.module.path, line: dec.line };
    if (LIFECYCLE.has(attr)) {
      model.hooks.push({ key: attr, funcName: fn.name, ...where, params: fn.params });
      return;
    }
    if (attr === 'on_upgrade') {
      const v = this.arg<string | null>(site, 0, 'version', `@ext.on_upgrade(version) on ${fn.name}`, asString, null);
      model.hooks.push({ key: typeof v === 'string' ? `on_upgrade:${v}` : dec.args === null ? 'on_upgrade' : null, funcName: fn.name, ...where, params: fn.params });
      return;
    }
    if (attr === 'tool') {
      const name = this.arg<string | null>(site, 0, 'name', `@ext.tool(name) on ${fn.name}`, asString, null);
      if (typeof name !== 'string') {
        model.incomplete = true;
        return;
      }
      const scopes = this.arg(site, 1, 'scopes', `@ext.tool('${name}', scopes=...)`, v => (v.k === 'none' ? [] : asStringList(v)), []);
      model.tools.push({ name, kind: 'tool', scopes, ...where });
      return;
    }
    if (attr === 'skeleton') {
      const section = this.arg<string | null>(site, 0, 'section_name', `@ext.skeleton(section) on ${fn.name}`, asString, null);
      if (typeof section !== 'string') {
        model.incomplete = true;
        return;
      }
      model.tools.push({ name: `skeleton_refresh_${section}`, kind: 'skeleton', scopes: [], ...where });
      return;
    }
    if (attr in SYNTHETIC) {
      const prefix = SYNTHETIC[attr as keyof typeof SYNTHETIC];
      const idKeyword = { panel: 'panel_id', webhook: 'path', tray: 'tray_id', menu_item: 'item_id', widget: 'widget_id' }[attr as keyof typeof SYNTHETIC];
      const id = this.arg<string | null>(site, 0, idKeyword, `@ext.${attr}(...) on ${fn.name}`, asString, null);
      const kind = attr === 'menu_item' ? 'menu' : (attr as ToolModel['kind']);
      model.tools.push({ name: `${prefix}${typeof id === 'string' ? id : fn.name}`, kind, scopes: [], ...where });
      return;
    }
    if (OTHER_DECORATORS.has(attr)) {
      const args: Record<string, Field<unknown>> = {};
      (dec.args ?? []).forEach((a, i) => {
        if (!a.value || (a.kind !== 'positional' && a.kind !== 'keyword')) return;
        const v = this.evaluate(fn.module, a.value, fn.scope);
        args[a.kind === 'keyword' ? (a.name as string) : String(i)] = plain(v);
      });
      model.decorated.push({ kind: attr, funcName: fn.name, ...where, args });
    }
  }

  // ---- types ------------------------------------------------------------------------------

  isPydantic(cls: ClassInfo): boolean {
    const memo = this.pydanticMemo.get(cls);
    if (memo !== undefined) return memo;
    this.pydanticMemo.set(cls, false);
    let result = false;
    for (const base of cls.bases) {
      const v = this.evaluate(cls.module, base, cls.scope);
      const b = v.k === 'generic' ? v.origin : v;
      if (b.k === 'external' && isPydanticRoot(b.path)) result = true;
      else if (b.k === 'class' && this.isPydantic(b.cls)) result = true;
      if (result) break;
    }
    this.pydanticMemo.set(cls, result);
    return result;
  }

  private isActionResult(v: Value): boolean {
    if (v.k === 'external') return v.path.endsWith('.ActionResult');
    if (v.k === 'class') return v.cls.name === 'ActionResult' || v.cls.bases.some(b => this.isActionResult(this.evaluate(v.cls.module, b, v.cls.scope)));
    if (v.k === 'generic') return this.isActionResult(v.origin);
    return false;
  }

  /**
   * What `typing.get_type_hints(func)` gives the SDK: every annotation evaluated against the
   * module's globals (a string annotation, or any annotation under `from __future__ import
   * annotations`), or eagerly in the def's scope. One name that does not resolve (a class nested
   * in a function under PEP 563, a TYPE_CHECKING-only import) makes the whole call fail, and the
   * SDK then detects no return model and, for string annotations, no params model.
   */
  private types(fn: FunctionInfo): { paramsModel: string | null; returnModel: string | null; typedReturn: boolean } {
    const mod = fn.module;
    const annotations = [...fn.params.map(p => p.annotation), fn.returns].filter((a): a is SyntaxNode => a !== null);
    const lazy = (node: SyntaxNode) => mod.future || isStringNode(node);
    const hintsOk = annotations.every(a => (lazy(a) ? this.resolvesInGlobals(mod, a) : this.stringPartsResolve(mod, a)));
    // The annotation's value as get_type_hints (hints) or the raw __annotations__ (no hints) give it.
    const typeOf = (node: SyntaxNode, hints: boolean): Value | null => {
      if (lazy(node)) return hints ? this.evaluateAnnotation(mod, node) : null;
      return this.evaluate(mod, node, fn.scope);
    };
    let paramsModel: string | null = null;
    for (const p of fn.params) {
      if (p.name === 'ctx' || p.name === 'self' || !p.annotation) continue;
      const t = typeOf(p.annotation, hintsOk);
      if (t?.k === 'class' && this.isPydantic(t.cls)) {
        paramsModel = t.cls.name;
        break;
      }
    }
    let returnModel: string | null = null;
    let typedReturn = false;
    if (fn.returns) {
      const ret = hintsOk ? typeOf(fn.returns, true) : null;
      if (ret?.k === 'class' && this.isPydantic(ret.cls)) returnModel = ret.cls.name;
      else if (ret?.k === 'generic' && this.isActionResult(ret.origin)) {
        const t = ret.args[0];
        if (t?.k === 'class' && this.isPydantic(t.cls)) returnModel = t.cls.name;
      }
      const raw = hintsOk ? ret : typeOf(fn.returns, false);
      typedReturn =
        mod.src.of(fn.returns).includes('ActionResult') ||
        (raw !== null && (this.isActionResult(raw) || (raw.k === 'class' && this.isPydantic(raw.cls))));
    }
    return { paramsModel, returnModel, typedReturn };
  }

  /** An annotation evaluated against module globals (PEP 563 / string forward reference). */
  private evaluateAnnotation(mod: PyModule, node: SyntaxNode): Value {
    const inner = this.parsedString(mod, node);
    if (inner) return this.evaluateAnnotation(inner.mod, inner.node);
    return this.evaluate(mod, node, null);
  }

  /** `"Foo[Bar]"` → the expression Foo[Bar], parsed, in a throwaway module sharing `mod`'s names. */
  private parsedString(mod: PyModule, node: SyntaxNode): { mod: PyModule; node: SyntaxNode } | null {
    if (!isStringNode(node)) return null;
    const text = stringValue(unwrapParens(node), mod.src);
    if (text === null) return null;
    const tree = parser.parse(text.trim());
    const stmt = tree.topNode.firstChild;
    const expr = stmt?.name === 'ExpressionStatement' ? stmt.firstChild : null;
    if (!expr || expr.nextSibling) return null;
    return { mod: { ...mod, src: new SourceText(text.trim()), tree }, node: expr };
  }

  private resolvesInGlobals(mod: PyModule, node: SyntaxNode): boolean {
    const inner = this.parsedString(mod, node);
    if (isStringNode(node)) return inner !== null && this.resolvesInGlobals(inner.mod, inner.node);
    return this.namesResolve(mod, node, true);
  }

  /** Eager annotations: only their string parts (`Optional["Foo"]`) are resolved lazily. */
  private stringPartsResolve(mod: PyModule, node: SyntaxNode): boolean {
    return this.namesResolve(mod, node, false);
  }

  private namesResolve(mod: PyModule, node: SyntaxNode, checkNames: boolean): boolean {
    const cur = node.cursor();
    let ok = true;
    const end = node.to;
    do {
      if (cur.from >= end) break;
      if (cur.name === 'String' && cur.from >= node.from) {
        const inner = this.parsedString(mod, cur.node);
        if (!inner || !this.namesResolve(inner.mod, inner.node, true)) ok = false;
      } else if (checkNames && cur.name === 'VariableName') {
        const name = mod.src.of(cur.node);
        const parent = cur.node.parent;
        // Only the head of a dotted name is looked up; `x.attr` fails only when x does.
        if (parent?.name !== 'MemberExpression' || parent.firstChild?.from === cur.from) {
          if (!mod.bindings.has(name) && !BUILTINS.has(name) && mod.starImports.length === 0) ok = false;
        }
      }
    } while (ok && cur.next() && cur.from < end);
    return ok;
  }
}

function isStringNode(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  return n.name === 'String' || n.name === 'ContinuedString';
}

export function isPydanticRoot(path: string): boolean {
  const parts = path.split('.');
  const last = parts[parts.length - 1];
  return (parts[0] === 'pydantic' && (last === 'BaseModel' || last === 'RootModel')) || path === 'sqlmodel.SQLModel';
}

function asString(v: Value): string | null {
  return v.k === 'str' ? v.v : null;
}

/** Python truthiness of a static value (`actions_explicit=1` counts as true, as at run time). */
function asTruthy(v: Value): boolean | null {
  if (v.k === 'bool') return v.v;
  if (v.k === 'none') return false;
  if (v.k === 'num') return v.v !== 0;
  if (v.k === 'str') return v.v.length > 0;
  if (v.k === 'list') return v.items.length > 0;
  return null;
}

function asStringList(v: Value): string[] | null {
  if (v.k === 'none') return [];
  if (v.k !== 'list') return null;
  const out: string[] = [];
  for (const item of v.items) {
    if (item.k !== 'str') return null;
    out.push(item.v);
  }
  return out;
}

function plain(v: Value): Field<unknown> {
  switch (v.k) {
    case 'str':
    case 'num':
    case 'bool':
      return v.v;
    case 'none':
      return null;
    case 'list':
      return v.items.map(plain);
    case 'class':
      return v.cls.name;
    case 'unknown':
      return v.at;
    default:
      return { unresolved: true, file: '', line: 0, text: v.k } as Unresolved;
  }
}
