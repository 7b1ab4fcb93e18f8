/**
 * Bounds on structured data read from a package (docs/validation.md, "Bounds on package data").
 *
 * A package is hostile input. `JSON.parse` itself copes with deep nesting, but everything after
 * it walks the value recursively (`JSON.stringify`, the schema validator, the manifest diff,
 * PostgreSQL's jsonb), so a manifest nested a few thousand levels deep overflows the stack far
 * from where it was read. Huge key counts and multi-megabyte strings do not crash, but they turn
 * into reports with one issue per key or messages quoting megabytes. And jsonb refuses `\u0000`
 * and unpaired surrogates outright. So every JSON text is scanned before it is parsed, and
 * refused with one of these rule ids when it breaks a bound.
 *
 * The scan is a single loop over the characters with counters: it cannot overflow however deep
 * the input goes. `checkValueBounds` applies the same bounds to a value some other parser
 * produced (YAML, later), with an explicit stack and a depth cut-off instead of recursion.
 */

export interface DataBounds {
  /** Bytes of the whole file (UTF-8). */
  maxBytes: number;
  /** Containers (objects/arrays) nested inside each other; the root container is level 1. */
  maxDepth: number;
  /** Values (scalars and containers, object keys not counted). */
  maxValues: number;
  /** Characters in one string, keys included. */
  maxStringLength: number;
}

/**
 * The largest real manifest we know of is 1.3 MB, nests 12 levels, holds about 35,000 values,
 * and its longest string is about 4,400 characters; these leave generous room above that.
 */
export const PACKAGE_DATA_BOUNDS: DataBounds = Object.freeze({ maxBytes: 8 * 1024 * 1024, maxDepth: 64, maxValues: 100_000, maxStringLength: 65_536 });

export type BoundRule = 'JSON-DEPTH' | 'JSON-SIZE' | 'JSON-STRING' | 'JSON-CHAR';

export interface BoundBreach {
  rule: BoundRule;
  /** Says what is wrong and the limit, without quoting the offending data. */
  message: string;
  /** 1-based line of the breach in the text (0 for a parsed value). */
  line: number;
  fix: string;
}

const FIXES: Record<BoundRule, string> = {
  'JSON-DEPTH': 'Flatten the structure: real manifests and JSON Schemas need a dozen levels at most.',
  'JSON-SIZE': 'Remove the generated bulk: a manifest lists tools and their schemas, not data.',
  'JSON-STRING': 'Shorten the string; put long documentation in README.md or docs/ instead.',
  'JSON-CHAR': 'Remove the character: NUL and unpaired UTF-16 surrogates cannot be stored or displayed safely.',
};

const fmt = (n: number) => n.toLocaleString('en-US');
const mib = (bytes: number) => `${fmt(Math.round((bytes / 1024 / 1024) * 10) / 10)} MiB`;

function breach(rule: BoundRule, what: string, line: number, bounds: DataBounds): BoundBreach {
  const where = line > 0 ? ` (line ${line})` : '';
  const message =
    rule === 'JSON-DEPTH'
      ? `${what} nests deeper than ${bounds.maxDepth} levels${where}; the limit is ${bounds.maxDepth}`
      : rule === 'JSON-SIZE'
        ? line < 0
          ? `${what} is larger than ${mib(bounds.maxBytes)}; the limit is ${mib(bounds.maxBytes)}`
          : `${what} holds more than ${fmt(bounds.maxValues)} values; the limit is ${fmt(bounds.maxValues)}`
        : rule === 'JSON-STRING'
          ? `${what} has a string longer than ${fmt(bounds.maxStringLength)} characters${where}; the limit is ${fmt(bounds.maxStringLength)}`
          : '';
  return { rule, message, line: Math.max(line, 0), fix: FIXES[rule] };
}

function charBreach(what: string, kind: string, line: number): BoundBreach {
  const where = line > 0 ? ` (line ${line})` : '';
  return { rule: 'JSON-CHAR', message: `${what} contains ${kind} in a string${where}`, line, fix: FIXES['JSON-CHAR'] };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Scans JSON text and returns the first bound it breaks, or null. It does not check the
 * grammar (JSON.parse does that next); on malformed text it still terminates and counts what it
 * saw. `what` names the file in the message (e.g. 'imperal.json').
 */
export function scanJsonText(text: string, what: string, bounds: DataBounds = PACKAGE_DATA_BOUNDS): BoundBreach | null {
  // A UTF-8 byte takes at least a third of a UTF-16 unit, so short texts skip the byte count.
  if (text.length * 3 > bounds.maxBytes && Buffer.byteLength(text, 'utf8') > bounds.maxBytes) return breach('JSON-SIZE', what, -1, bounds);
  let depth = 0;
  let values = 0;
  let line = 1;
  /** One entry per open container: true for an object. Never longer than maxDepth. */
  const objects: boolean[] = [];
  let expectKey = false;
  let inScalar = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      inScalar = false;
      const isKey = expectKey;
      expectKey = false;
      if (!isKey && ++values > bounds.maxValues) return breach('JSON-SIZE', what, line, bounds);
      const startLine = line;
      let chars = 0;
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x22) break;
        if (s === 0x0a) line++; // invalid in JSON, but keeps line numbers honest for the parser's error
        if (s === 0x5c /* \ */) {
          const next = text.charCodeAt(i + 1);
          if (next === 0x75 /* u */) {
            const code = parseInt(text.slice(i + 2, i + 6), 16);
            if (code === 0) return charBreach(what, 'a NUL character (\\u0000)', startLine);
            if (isHigh(code)) {
              const low = text.charCodeAt(i + 6) === 0x5c && text.charCodeAt(i + 7) === 0x75 ? parseInt(text.slice(i + 8, i + 12), 16) : NaN;
              if (!isLow(low)) return charBreach(what, 'an unpaired UTF-16 surrogate', startLine);
              i += 11;
            } else {
              if (isLow(code)) return charBreach(what, 'an unpaired UTF-16 surrogate', startLine);
              i += 5;
            }
          } else {
            i++;
          }
        } else if (s === 0) {
          return charBreach(what, 'a NUL character', startLine);
        } else if (isHigh(s)) {
          if (!isLow(text.charCodeAt(i + 1))) return charBreach(what, 'an unpaired UTF-16 surrogate', startLine);
          i++;
        } else if (isLow(s)) {
          return charBreach(what, 'an unpaired UTF-16 surrogate', startLine);
        }
        if (++chars > bounds.maxStringLength) return breach('JSON-STRING', what, startLine, bounds);
      }
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      inScalar = false;
      expectKey = c === 0x7b;
      if (++depth > bounds.maxDepth) return breach('JSON-DEPTH', what, line, bounds);
      objects.push(c === 0x7b);
      if (++values > bounds.maxValues) return breach('JSON-SIZE', what, line, bounds);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      inScalar = false;
      expectKey = false;
      if (depth > 0) {
        depth--;
        objects.pop();
      }
    } else if (c === 0x2c /* , */) {
      inScalar = false;
      expectKey = objects.length > 0 && objects[objects.length - 1];
    } else if (c === 0x0a) {
      inScalar = false;
      line++;
    } else if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3a /* : */) {
      inScalar = false;
    } else if (!inScalar) {
      // The first character of a number, true, false or null.
      inScalar = true;
      if (++values > bounds.maxValues) return breach('JSON-SIZE', what, line, bounds);
    }
  }
  return null;
}

/**
 * The same bounds over an already parsed value (for formats whose text is not JSON; the caller
 * checks the file's bytes against `maxBytes` before parsing it). Walks with
 * an explicit stack and stops at the first breach, so neither the depth nor the size of the
 * value can make it overflow or run long.
 */
export function checkValueBounds(value: unknown, what: string, bounds: DataBounds = PACKAGE_DATA_BOUNDS): BoundBreach | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let values = 0;
  const checkString = (s: string): BoundBreach | null => {
    if (s.length > bounds.maxStringLength) return breach('JSON-STRING', what, 0, bounds);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0) return charBreach(what, 'a NUL character (\\u0000)', 0);
      if (isHigh(c)) {
        if (!isLow(s.charCodeAt(i + 1))) return charBreach(what, 'an unpaired UTF-16 surrogate', 0);
        i++;
      } else if (isLow(c)) {
        return charBreach(what, 'an unpaired UTF-16 surrogate', 0);
      }
    }
    return null;
  };
  while (stack.length) {
    const { value: v, depth } = stack.pop()!;
    if (++values > bounds.maxValues) return breach('JSON-SIZE', what, 0, bounds);
    if (typeof v === 'string') {
      const found = checkString(v);
      if (found) return found;
    } else if (v !== null && typeof v === 'object') {
      if (depth + 1 > bounds.maxDepth) return breach('JSON-DEPTH', what, 0, bounds);
      if (Array.isArray(v)) {
        for (const item of v) stack.push({ value: item, depth: depth + 1 });
      } else {
        for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
          const found = checkString(key);
          if (found) return found;
          stack.push({ value: item, depth: depth + 1 });
        }
      }
    }
  }
  return null;
}
