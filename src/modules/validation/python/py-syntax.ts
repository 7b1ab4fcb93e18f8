import type { SyntaxNode } from '@lezer/common';

/**
 * Small readers over @lezer/python syntax nodes: literal values, dotted names, call arguments,
 * parameter lists and decorators. Everything works on the tree; no regular expressions over code.
 */

/** A parsed source file: its text plus a line index so offsets become 1-based line numbers. */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** 1-based line of a character offset (binary search over line starts). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  of(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes strict UTF-8 (a leading BOM is dropped); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Buffer): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** The node's children, comments left out (they can sit anywhere inside brackets). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

/** `(x)` is the same expression as `x` in Python's own AST. */
export function unwrapParens(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.name === 'ParenthesizedExpression') {
    const inner = childrenOf(n).filter(c => c.name !== '(' && c.name !== ')');
    if (inner.length !== 1) break;
    n = inner[0];
  }
  return n;
}

/** `a.b` → { object: a, property: 'b' }; null for subscripts and anything else. */
export function attributeOf(node: SyntaxNode, src: SourceText): { object: SyntaxNode; property: string } | null {
  if (node.name !== 'MemberExpression') return null;
  const kids = childrenOf(node);
  if (kids.length === 3 && kids[1].name === '.' && kids[2].name === 'PropertyName') {
    return { object: kids[0], property: src.of(kids[2]) };
  }
  return null;
}

/** `ctx.cache.set` → ['ctx', 'cache', 'set']; null when some link is not a plain name. */
export function dottedName(node: SyntaxNode, src: SourceText): string[] | null {
  const n = unwrapParens(node);
  if (n.name === 'VariableName') return [src.of(n)];
  const attr = attributeOf(n, src);
  if (!attr) return null;
  const head = dottedName(attr.object, src);
  return head ? [...head, attr.property] : null;
}

/** The class a type or base expression names: `Foo`, `pkg.Foo`, `Foo[int]` → 'Foo'; `"Foo"` too. */
export function referencedName(node: SyntaxNode, src: SourceText): string | null {
  const n = unwrapParens(node);
  if (n.name === 'VariableName') return src.of(n);
  const attr = attributeOf(n, src);
  if (attr) return attr.property;
  if (n.name === 'MemberExpression') {
    // Subscript: `Foo[int]` names Foo.
    const kids = childrenOf(n);
    return kids.length > 1 && kids[1].name === '[' ? referencedName(kids[0], src) : null;
  }
  if (n.name === 'String' || n.name === 'ContinuedString') {
    const value = stringValue(n, src);
    if (value === null) return null;
    const parts = value.trim().split('.');
    return parts.every(isIdentifier) ? parts[parts.length - 1] : null;
  }
  return null;
}

function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    const alpha = (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch > 127;
    if (!alpha && !(i > 0 && ch >= 48 && ch <= 57)) return false;
  }
  return true;
}

/** The value of a str literal (implicit concatenation included); null for bytes, f-strings, others. */
export function stringValue(node: SyntaxNode, src: SourceText): string | null {
  const n = unwrapParens(node);
  if (n.name === 'ContinuedString') {
    let out = '';
    for (const part of childrenOf(n)) {
      const v = part.name === 'String' ? stringValue(part, src) : null;
      if (v === null) return null;
      out += v;
    }
    return out;
  }
  if (n.name !== 'String') return null;
  const raw = src.of(n);
  let i = 0;
  while (i < raw.length && raw[i] !== '"' && raw[i] !== "'") i++;
  const prefix = raw.slice(0, i).toLowerCase();
  if (prefix.includes('b') || prefix.includes('f')) return null;
  const quote = raw[i];
  const triple = raw.startsWith(quote.repeat(3), i);
  const q = triple ? 3 : 1;
  const body = raw.slice(i + q, raw.length - q);
  return prefix.includes('r') ? body : unescape(body);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Python's backslash escapes in a (non-raw) str literal body; null for a `\N{...}` escape. */
export function unescapeLiteral(body: string): string | null {
  return unescape(body);
}

function unescape(body: string): string | null {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === '\n') continue;
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
    } else if (next >= '0' && next <= '7') {
      let digits = next;
      while (digits.length < 3 && body[i + 1] >= '0' && body[i + 1] <= '7') digits += body[++i];
      out += String.fromCharCode(parseInt(digits, 8));
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const code = parseInt(body.slice(i + 1, i + 1 + width), 16);
      if (!Number.isFinite(code)) return null;
      out += String.fromCodePoint(code);
      i += width;
    } else if (next === 'N') {
      return null; // a named Unicode escape: we do not carry the name table, so the value is unknown
    } else {
      out += '\\' + next;
    }
  }
  return out;
}

/** The value of an int literal, `-3` included; null for floats, complex numbers, bools, anything else. */
export function intValue(node: SyntaxNode, src: SourceText): number | null {
  const n = unwrapParens(node);
  if (n.name === 'UnaryExpression') {
    const kids = childrenOf(n);
    if (kids.length !== 2 || kids[0].name !== 'ArithOp') return null;
    const sign = src.of(kids[0]);
    const v = intValue(kids[1], src);
    if (v === null || (sign !== '-' && sign !== '+')) return null;
    return sign === '-' ? -v : v;
  }
  if (n.name !== 'Number') return null;
  const text = src.of(n).split('_').join('').toLowerCase();
  const radix = text.startsWith('0x') || text.startsWith('0o') || text.startsWith('0b');
  if (!radix && (text.includes('.') || text.includes('e') || text.includes('j'))) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

export interface CallArg {
  kind: 'positional' | 'keyword' | 'star' | 'doubleStar';
  /** Keyword name for `kind === 'keyword'`. */
  name?: string;
  /** The argument expression; null when it is not a single expression (a bare generator, …). */
  value: SyntaxNode | null;
}

/** Splits an ArgList into arguments at its top-level commas. */
export function callArgs(argList: SyntaxNode, src: SourceText): CallArg[] {
  const args: CallArg[] = [];
  let segment: SyntaxNode[] = [];
  const flush = () => {
    if (segment.length > 0) args.push(toArg(segment, src));
    segment = [];
  };
  for (const c of childrenOf(argList)) {
    if (c.name === '(' || c.name === ')') continue;
    if (c.name === ',') flush();
    else segment.push(c);
  }
  flush();
  return args;
}

function toArg(seg: SyntaxNode[], src: SourceText): CallArg {
  if (seg[0].name === '*') return { kind: 'star', value: seg.length === 2 ? seg[1] : null };
  if (seg[0].name === '**') return { kind: 'doubleStar', value: seg.length === 2 ? seg[1] : null };
  if (seg.length === 3 && seg[0].name === 'VariableName' && seg[1].name === 'AssignOp' && src.of(seg[1]) === '=') {
    return { kind: 'keyword', name: src.of(seg[0]), value: seg[2] };
  }
  return { kind: 'positional', value: seg.length === 1 ? seg[0] : null };
}

export function positional(args: CallArg[], index: number): CallArg | undefined {
  return args.filter(a => a.kind === 'positional')[index];
}

export function keyword(args: CallArg[], name: string): CallArg | undefined {
  return args.find(a => a.kind === 'keyword' && a.name === name);
}

export interface Param {
  name: string;
  kind: 'plain' | 'star' | 'doubleStar';
  annotation: SyntaxNode | null;
}

/** The named parameters of a ParamList (a bare `*` and the `/` marker carry no name and are left out). */
export function paramsOf(paramList: SyntaxNode, src: SourceText): Param[] {
  const params: Param[] = [];
  let kind: Param['kind'] = 'plain';
  let inDefault = false;
  for (const c of childrenOf(paramList)) {
    switch (c.name) {
      case '(':
      case ')':
        break;
      case ',':
        kind = 'plain';
        inDefault = false;
        break;
      case '*':
        kind = 'star';
        break;
      case '**':
        kind = 'doubleStar';
        break;
      case 'AssignOp':
        inDefault = true;
        break;
      case 'TypeDef': {
        const last = params[params.length - 1];
        if (!inDefault && last) last.annotation = typeDefValue(c);
        break;
      }
      case 'VariableName':
        if (!inDefault) params.push({ name: src.of(c), kind, annotation: null });
        break;
      default:
        break;
    }
  }
  return params;
}

/** The expression of a TypeDef (`: T` or `-> T`). */
export function typeDefValue(typeDef: SyntaxNode): SyntaxNode | null {
  const kids = childrenOf(typeDef).filter(c => c.name !== ':' && c.name !== '->');
  return kids.length === 1 ? kids[0] : null;
}

export interface DecoratorInfo {
  /** `@ext.skeleton("x")` → ['ext', 'skeleton']; null when the expression is not a dotted name. */
  parts: string[] | null;
  /** Arguments when the decorator is a call, else null. */
  args: CallArg[] | null;
  line: number;
}

/** Decorators of a function or class: the Decorator siblings inside its DecoratedStatement. */
export function decoratorsOf(def: SyntaxNode, src: SourceText): DecoratorInfo[] {
  const parent = def.parent;
  if (!parent || parent.name !== 'DecoratedStatement') return [];
  return parent.getChildren('Decorator').map(d => readDecorator(d, src));
}

export function readDecorator(dec: SyntaxNode, src: SourceText): DecoratorInfo {
  const parts: string[] = [];
  let args: CallArg[] | null = null;
  let plain = true;
  for (const c of childrenOf(dec)) {
    if (c.name === 'At' || c.name === '.') continue;
    if (c.name === 'VariableName' && args === null) parts.push(src.of(c));
    else if (c.name === 'ArgList' && args === null) args = callArgs(c, src);
    else plain = false;
  }
  return { parts: plain && parts.length > 0 ? parts : null, args, line: src.lineAt(dec.from) };
}

/**
 * The reference's "decorator name": the last attribute of a dotted decorator (`@ext.skeleton("x")`
 * → 'skeleton'). A bare-name decorator has none unless `allowBare` (used where counting it can
 * only clear an ERROR, never raise one).
 */
export function decoratorName(dec: DecoratorInfo, allowBare = false): string | null {
  if (!dec.parts) return null;
  if (dec.parts.length === 1 && !allowBare) return null;
  return dec.parts[dec.parts.length - 1];
}
