import type { SyntaxNode, Tree, TreeCursor } from '@lezer/common';
import { parser } from '@lezer/python';
import {
  CallArg,
  callArgs,
  childrenOf,
  decodeUtf8,
  decoratorName,
  DecoratorInfo,
  decoratorsOf,
  dottedName,
  attributeOf,
  intValue,
  keyword,
  Param,
  paramsOf,
  positional,
  readDecorator,
  referencedName,
  SourceText,
  stringValue,
  typeDefValue,
  unwrapParens,
} from './py-syntax';

/**
 * One pass over one Python file: the facts the package-wide rules need (classes, chat functions,
 * tool names, hooks) and the findings that are decidable inside the file alone. Each file is parsed
 * once and its tree walked once, so the cost is linear in the source size.
 */

/** A finding decided inside one file; the rule layer turns it into a ValidationIssue. */
export interface Finding {
  rule: string;
  line: number;
  message: string;
  fix: string;
}

/** A `@<x>.function(...)` registration (one per such decorator on a function). */
export interface ChatDecl {
  /** Tool name: first positional str, else `name=` str, else the Python name; null when not a literal. */
  toolName: string | null;
  /** What messages call the function: the tool name, or the Python name when the tool name is unknown. */
  label: string;
  decoratorLine: number;
  defLine: number;
  hasDataModel: boolean;
  params: Param[];
  /** Class the parameter annotations name, per parameter (null when not a plain class reference). */
  paramTypes: (string | null)[];
  /** Source text of the return annotation; null when there is none. */
  returnText: string | null;
  returnType: string | null;
  hasDocstring: boolean;
  /** Lines (within the function, nested defs included) that access `ctx.skeleton`. */
  skeletonLines: Set<number>;
}

export interface ClassDecl {
  name: string;
  /** Names of the base classes (`pkg.Base[int]` → 'Base'); keyword arguments left out. */
  bases: string[];
  cacheModel: boolean;
}

export interface UpgradeHook {
  /** `on_upgrade:<version>` as the SDK keys it, or null when the version is not a literal. */
  key: string | null;
  funcName: string;
  line: number;
  acceptsFromVersion: boolean;
}

export interface CacheRef {
  method: string;
  model: string;
  line: number;
}

export interface FileScan {
  path: string;
  /** The tree has error nodes: lezer recovered from a syntax error somewhere in the file. */
  damaged: boolean;
  /** The line of the first error node (null when the file parsed clean). */
  errorLine: number | null;
  classes: ClassDecl[];
  chat: ChatDecl[];
  hooks: UpgradeHook[];
  cacheRefs: CacheRef[];
  /** Findings decided in the file (V7, SKEL-GUARD-*, CACHE-TTL-1, PANEL-SLOT-1, MANIFEST-SKELETON-1). */
  findings: Finding[];
  /** Names registered by `.function("x")` calls that are not decorators (`chat.function("x")(f)`). */
  chatCallNames: string[];
  /** Plain tool names this file defines: `@x.tool("n")`, `@x.skeleton("s")` → skeleton_refresh_s, … */
  plainToolNames: string[];
  /** Some chat registration's name is not a literal, so "no source defines tool X" cannot be proven. */
  dynamicChatNames: boolean;
  /** Same for plain tools (`@x.tool(NAME)`, `ChatExtension(ext, tool_name=VAR)`, …). */
  dynamicToolNames: boolean;
}

export const PANEL_SLOTS = ['center', 'left', 'right', 'overlay', 'bottom', 'chat-sidebar'];
const SLOT_SET = new Set(PANEL_SLOTS);
const LLM_SDKS = new Set(['openai', 'anthropic']);

interface Frame {
  name: string;
  skeleton: boolean;
  chat: ChatDecl[];
}

/** Parses and scans one file; null when the bytes are not UTF-8. */
export function scanFile(path: string, bytes: Buffer): FileScan | null {
  const text = decodeUtf8(bytes);
  if (text === null) return null;
  return new FileScanner(path, new SourceText(text), parser.parse(text)).run();
}

/** Scans a file the code model already parsed (each file is parsed once per validation). */
export function scanParsed(path: string, src: SourceText, tree: Tree): FileScan {
  return new FileScanner(path, src, tree).run();
}

class FileScanner {
  private readonly scan: FileScan;
  private readonly stack: Frame[] = [];

  constructor(path: string, private readonly src: SourceText, private readonly tree: Tree) {
    this.scan = {
      path,
      damaged: false,
      errorLine: null,
      classes: [],
      chat: [],
      hooks: [],
      cacheRefs: [],
      findings: [],
      chatCallNames: [],
      plainToolNames: [],
      dynamicChatNames: false,
      dynamicToolNames: false,
    };
  }

  run(): FileScan {
    const cur = this.tree.cursor();
    // Iterative pre/post-order walk: enter each node once, leave it after its children.
    outer: for (;;) {
      this.enter(cur);
      if (cur.firstChild()) continue;
      for (;;) {
        if (cur.name === 'FunctionDefinition') this.stack.pop();
        if (cur.nextSibling()) continue outer;
        if (!cur.parent()) break outer;
      }
    }
    return this.scan;
  }

  private line(node: SyntaxNode): number {
    return this.src.lineAt(node.from);
  }

  private enter(cur: TreeCursor): void {
    if (cur.type.isError) {
      if (!this.scan.damaged) this.scan.errorLine = this.src.lineAt(cur.from);
      this.scan.damaged = true;
      return;
    }
    switch (cur.name) {
      case 'FunctionDefinition':
        this.enterFunction(cur.node);
        break;
      case 'ClassDefinition':
        this.enterClass(cur.node);
        break;
      case 'ImportStatement':
        this.checkImport(cur.node);
        break;
      case 'MemberExpression':
        this.checkAttribute(cur.node);
        break;
      case 'CallExpression':
        this.checkCall(cur.node);
        break;
      case 'Decorator': {
        // A decorator call is a Call in Python's AST, so the call rules see it too.
        const dec = readDecorator(cur.node, this.src);
        if (dec.parts && dec.args) this.checkCallParts(dec.parts, dec.parts[dec.parts.length - 1], dec.args, dec.line);
        break;
      }
      default:
        break;
    }
  }

  private enterFunction(node: SyntaxNode): void {
    const src = this.src;
    const nameNode = node.getChild('VariableName');
    const name = nameNode ? src.of(nameNode) : '<unknown>';
    const decorators = decoratorsOf(node, src);
    const paramList = node.getChild('ParamList');
    const params = paramList ? paramsOf(paramList, src) : [];
    const defLine = this.line(node);
    const frame: Frame = { name, skeleton: false, chat: [] };
    for (const dec of decorators) {
      const dn = decoratorName(dec);
      if (decoratorName(dec, true) === 'skeleton') frame.skeleton = true;
      if (dn === 'function' && dec.args) frame.chat.push(this.chatDecl(node, name, dec, dec.args, params, defLine));
      if (decoratorName(dec, true) === 'tool' && dec.args) this.toolDecl(name, dec, dn === 'tool');
      if (decoratorName(dec, true) === 'skeleton' && dec.args) this.skeletonDecl(dec.args);
      if (dn === 'on_upgrade') this.upgradeHook(name, dec, params, defLine);
    }
    this.scan.chat.push(...frame.chat);
    this.stack.push(frame);
  }

  private chatDecl(
    node: SyntaxNode,
    name: string,
    dec: DecoratorInfo,
    args: CallArg[],
    params: Param[],
    defLine: number,
  ): ChatDecl {
    const src = this.src;
    const toolName = registeredName(args, src, name);
    if (toolName === null) this.scan.dynamicChatNames = true;
    const returns = node.getChild('TypeDef');
    const returnNode = returns ? typeDefValue(returns) : null;
    return {
      toolName,
      label: toolName ?? name,
      decoratorLine: dec.line,
      defLine,
      hasDataModel: keyword(args, 'data_model') !== undefined,
      params,
      paramTypes: params.map(p => (p.annotation ? referencedName(p.annotation, src) : null)),
      returnText: returnNode ? src.of(returnNode) : null,
      returnType: returnNode ? referencedName(returnNode, src) : null,
      hasDocstring: hasDocstring(node, src),
      skeletonLines: new Set(),
    };
  }

  private toolDecl(funcName: string, dec: DecoratorInfo, dotted: boolean): void {
    const args = dec.args ?? [];
    const name = registeredName(args, this.src, funcName);
    if (name === null) {
      this.scan.dynamicToolNames = true;
      return;
    }
    this.scan.plainToolNames.push(name);
    const first = positional(args, 0);
    const prefix = 'skeleton_refresh_';
    if (dotted && first?.value && stringValue(first.value, this.src) === name && name.startsWith(prefix)) {
      const section = name.slice(prefix.length);
      this.scan.findings.push({
        rule: 'MANIFEST-SKELETON-1',
        line: dec.line,
        message:
          `Tool '${name}' uses @ext.tool but names a skeleton refresh slot. ` +
          `Use @ext.skeleton('${section}') so the kernel auto-wires section metadata.`,
        fix: `Replace @ext.tool('${name}') with @ext.skeleton('${section}').`,
      });
    }
  }

  private skeletonDecl(args: CallArg[]): void {
    const first = positional(args, 0) ?? keyword(args, 'section_name');
    const section = first?.value ? stringValue(first.value, this.src) : null;
    if (section === null) {
      this.scan.dynamicToolNames = true;
      return;
    }
    // The alert twin is registered separately, but counting it here can only clear a drift ERROR.
    this.scan.plainToolNames.push(`skeleton_refresh_${section}`, `skeleton_alert_${section}`);
  }

  private upgradeHook(funcName: string, dec: DecoratorInfo, params: Param[], line: number): void {
    const first = dec.args ? (positional(dec.args, 0) ?? keyword(dec.args, 'version')) : undefined;
    const version = first?.value ? stringValue(first.value, this.src) : null;
    this.scan.hooks.push({
      key: dec.args === null ? 'on_upgrade' : version === null ? null : `on_upgrade:${version}`,
      funcName,
      line,
      acceptsFromVersion: params.some(p => p.name === 'from_version' || p.kind === 'doubleStar'),
    });
  }

  private enterClass(node: SyntaxNode): void {
    const src = this.src;
    const nameNode = node.getChild('VariableName');
    if (!nameNode) return;
    const argList = node.getChild('ArgList');
    const bases: string[] = [];
    for (const arg of argList ? callArgs(argList, src) : []) {
      const base = arg.kind === 'positional' && arg.value ? referencedName(arg.value, src) : null;
      if (base) bases.push(base);
    }
    const cacheModel = decoratorsOf(node, src).some(d => decoratorName(d) === 'cache_model');
    this.scan.classes.push({ name: src.of(nameNode), bases, cacheModel });
  }

  /** V7: the reference intends a scan for direct LLM SDK imports (its own check is dead code). */
  private checkImport(node: SyntaxNode): void {
    const src = this.src;
    const kids = childrenOf(node);
    if (kids.length === 0) return;
    const report = (pattern: string, at: SyntaxNode) =>
      this.scan.findings.push({
        rule: 'V7',
        line: this.line(at),
        message: `Direct '${pattern}' found. Use ctx.ai or get_llm_provider() instead`,
        fix: 'Call the model through ctx.ai (or get_llm_provider()) instead of importing the vendor SDK.',
      });
    if (kids[0].name === 'from') {
      // `from . import openai` / `from .openai import x` are the package's own modules.
      const root = kids[1];
      if (root?.name === 'VariableName' && LLM_SDKS.has(src.of(root))) report(`from ${src.of(root)}`, node);
      return;
    }
    let expectRoot = false;
    for (const c of kids) {
      if (c.name === 'import' || c.name === ',') expectRoot = true;
      else if (c.name === 'VariableName' && expectRoot) {
        expectRoot = false;
        if (LLM_SDKS.has(src.of(c))) report(`import ${src.of(c)}`, node);
      } else expectRoot = false;
    }
  }

  private checkAttribute(node: SyntaxNode): void {
    const attr = attributeOf(node, this.src);
    if (!attr || !isCtx(attr.object, this.src)) return;
    const line = this.line(node);
    if (attr.property === 'skeleton') {
      for (const frame of this.stack) {
        for (const decl of frame.chat) if (!decl.label.startsWith('__')) decl.skeletonLines.add(line);
      }
    } else if (attr.property === 'skeleton_data') {
      this.scan.findings.push({
        rule: 'SKEL-GUARD-2',
        line,
        message: 'ctx.skeleton_data was removed in v1.6.0.',
        fix: 'Read live data from ctx.store or your API instead of ctx.skeleton_data.',
      });
    }
  }

  private checkCall(node: SyntaxNode): void {
    const callee = node.firstChild;
    const argList = node.lastChild;
    if (!callee || !argList || argList.name !== 'ArgList') return;
    const parts = dottedName(callee, this.src);
    const last = attributeOf(unwrapParens(callee), this.src)?.property ?? null;
    const args = callArgs(argList, this.src);
    const line = this.line(node);
    if (parts && parts[parts.length - 1] === 'ChatExtension') this.chatExtension(args);
    if (last === 'function') {
      const name = registeredName(args, this.src, null);
      if (name === null) this.scan.dynamicChatNames = true;
      else this.scan.chatCallNames.push(name);
    } else if (last === 'tool') {
      const name = registeredName(args, this.src, null);
      if (name === null) this.scan.dynamicToolNames = true;
      else this.scan.plainToolNames.push(name);
    } else if (last === 'skeleton' && parts?.[0] !== 'ctx') {
      this.skeletonDecl(args);
    }
    if (parts || last) this.checkCallParts(parts ?? [], last, args, line);
  }

  /** `ChatExtension(ext, tool_name="x")` registers its own entry tool (legacy `tool_*_chat` entries). */
  private chatExtension(args: CallArg[]): void {
    const arg = keyword(args, 'tool_name') ?? positional(args, 1);
    const name = arg?.value ? stringValue(arg.value, this.src) : null;
    if (name === null) this.scan.dynamicToolNames = true;
    else this.scan.plainToolNames.push(name);
  }

  /** The call rules; `parts` is the dotted callee ([] when not a dotted name), `last` its last attribute. */
  private checkCallParts(parts: string[], last: string | null, args: CallArg[], line: number): void {
    if (last === 'panel' && parts.length !== 1) this.checkPanelSlot(args, line);
    if (parts.length !== 3 || parts[0] !== 'ctx') return;
    const [, service, method] = parts;
    if (service === 'skeleton' && method === 'get') {
      const frame = this.stack[this.stack.length - 1];
      if (!frame?.skeleton) {
        this.scan.findings.push({
          rule: 'SKEL-GUARD-1',
          line,
          message:
            `ctx.skeleton.get(...) called from '${frame?.name ?? '<module>'}', which is not decorated with ` +
            '@ext.skeleton. Skeleton access is LLM-only in v1.6.0.',
          fix: 'Read the data from ctx.store or your API; only an @ext.skeleton refresh function may read it.',
        });
      }
    } else if (service === 'skeleton' && method === 'update') {
      this.scan.findings.push({
        rule: 'SKEL-GUARD-3',
        line,
        message: 'ctx.skeleton.update() was removed in v1.6.0; kernel is sole writer.',
        fix: 'Remove the call and return the section data from the @ext.skeleton refresh function instead.',
      });
    } else if (service === 'cache') {
      this.checkCache(method, args, line);
    }
  }

  private checkPanelSlot(args: CallArg[], line: number): void {
    const slot = keyword(args, 'slot');
    const value = slot?.value ? stringValue(slot.value, this.src) : null;
    if (value === null || SLOT_SET.has(value)) return;
    this.scan.findings.push({
      rule: 'PANEL-SLOT-1',
      line,
      message:
        `@ext.panel(..., slot='${value}') is not a valid slot. ` +
        `Must be one of [${PANEL_SLOTS.map(s => `'${s}'`).join(', ')}]. ` +
        "Note: 'main' was removed in SDK 3.4.0; use 'center' instead.",
      fix: `Use one of ${PANEL_SLOTS.join(', ')} as the slot ('center' replaces 'main').`,
    });
  }

  private checkCache(method: string, args: CallArg[], line: number): void {
    const src = this.src;
    if (method === 'set') {
      const ttl = keyword(args, 'ttl_seconds');
      const n = ttl?.value ? intValue(ttl.value, src) : null;
      if (n !== null && (n < 5 || n > 300)) {
        this.scan.findings.push({
          rule: 'CACHE-TTL-1',
          line,
          message: `ctx.cache.set(..., ttl_seconds=${n}) is outside [5, 300].`,
          fix: 'Use a ttl_seconds between 5 and 300.',
        });
      }
      // Only `Model(...)` names a model; a bare variable says nothing about its class (the
      // reference's false positive on `ctx.cache.set(k, snap)`).
      const value = positional(args, 1)?.value;
      const call = value ? unwrapParens(value) : null;
      const callee = call?.name === 'CallExpression' ? call.firstChild : null;
      if (callee?.name === 'VariableName') this.scan.cacheRefs.push({ method, model: src.of(callee), line });
    } else if (method === 'get' || method === 'get_or_fetch') {
      const model = keyword(args, 'model')?.value ?? positional(args, 1)?.value;
      const name = model ? unwrapParens(model) : null;
      if (name?.name === 'VariableName') this.scan.cacheRefs.push({ method, model: src.of(name), line });
    }
  }
}

function isCtx(node: SyntaxNode, src: SourceText): boolean {
  const n = unwrapParens(node);
  return n.name === 'VariableName' && src.of(n) === 'ctx';
}

/**
 * The name a registration call gives: its first positional str, else a `name=` str; `fallback`
 * when neither argument is present; null when the name is an expression we cannot evaluate.
 */
function registeredName(args: CallArg[], src: SourceText, fallback: string | null): string | null {
  const arg = positional(args, 0) ?? keyword(args, 'name');
  if (!arg) return fallback;
  return arg.value ? stringValue(arg.value, src) : null;
}

/** Python's rule: the body's first statement is a bare str literal (comments skipped; f-strings do not count). */
function hasDocstring(def: SyntaxNode, src: SourceText): boolean {
  const body = def.getChild('Body');
  const first = body ? childrenOf(body).find(c => c.name !== ':') : undefined;
  if (!first || first.name !== 'ExpressionStatement') return false;
  const kids = childrenOf(first);
  if (kids.length !== 1) return false;
  const value = stringValue(kids[0], src);
  // An empty docstring leaves __doc__ falsy, which the reference treats as missing.
  return value !== null && value.trim().length > 0;
}
