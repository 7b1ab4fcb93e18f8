/**
 * The nesting bound for parsed manifest data. Kept in its own module on purpose: the JSON side
 * gets the same bound (64), and one shared helper should replace this one; callers only use
 * `MAX_NESTING_DEPTH` and `measureNesting`.
 */
export const MAX_NESTING_DEPTH = 64;

export type NestingResult = { ok: true } | { ok: false; reason: 'depth'; depth: number } | { ok: false; reason: 'cycle' };

/**
 * Walks a parsed value without recursion (a hostile document must not be able to exhaust the
 * stack of the checker itself) and stops at the first container deeper than `limit`. A value
 * that contains itself (a YAML alias pointing at its own ancestor) is reported as a cycle: it
 * could never be stored as JSON.
 */
export function measureNesting(value: unknown, limit = MAX_NESTING_DEPTH): NestingResult {
  const stack: { node: unknown; depth: number; exit?: true }[] = [{ node: value, depth: 1 }];
  const open = new Set<object>();
  while (stack.length) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (typeof node !== 'object' || node === null) continue;
    if (frame.exit) {
      open.delete(node);
      continue;
    }
    if (open.has(node)) return { ok: false, reason: 'cycle' };
    if (frame.depth > limit) return { ok: false, reason: 'depth', depth: frame.depth };
    open.add(node);
    stack.push({ node, depth: frame.depth, exit: true });
    const children = Array.isArray(node) ? node : node instanceof Map ? [...node.values()] : Object.values(node);
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: frame.depth + 1 });
  }
  return { ok: true };
}
