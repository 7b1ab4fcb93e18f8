/**
 * Line numbers inside imperal.json, so manifest-side findings can point at the entry they are
 * about. A small JSON reader that records, for every value down to `maxDepth`, the 1-based line
 * where it starts, keyed by its path (`tools/3/name`, `lifecycle_hooks/on_upgrade:2.0.0`). It is
 * tolerant: on malformed input it returns what it read so far.
 */
export interface JsonLines {
  /** Line where the value at `path` starts; 0 when unknown. */
  lineOf(path: readonly (string | number)[]): number;
  /** The string value at `path`, when it is a string. */
  stringAt(path: readonly (string | number)[]): string | undefined;
}

class Malformed extends Error {}

export function jsonLines(text: string, maxDepth = 3): JsonLines {
  const lines = new Map<string, number>();
  const strings = new Map<string, string>();
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  const skipWs = () => {
    for (; pos < text.length; pos++) {
      const ch = text[pos];
      if (ch === '\n') line++;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r') break;
    }
  };
  const readString = (): string => {
    if (text[pos] !== '"') throw new Malformed();
    const start = pos;
    for (pos++; pos < text.length && text[pos] !== '"'; pos++) {
      if (text[pos] === '\\') pos++;
      else if (text[pos] === '\n') throw new Malformed();
    }
    pos++;
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      throw new Malformed();
    }
  };
  const readValue = (path: string[]): void => {
    skipWs();
    const key = path.join('/');
    if (path.length <= maxDepth) lines.set(key, line);
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      skipWs();
      if (text[pos] === '}') return void pos++;
      for (;;) {
        skipWs();
        const name = readString();
        skipWs();
        if (text[pos++] !== ':') throw new Malformed();
        readValue([...path, name]);
        skipWs();
        if (text[pos] === ',') pos++;
        else if (text[pos++] === '}') return;
        else throw new Malformed();
      }
    } else if (ch === '[') {
      pos++;
      skipWs();
      if (text[pos] === ']') return void pos++;
      for (let i = 0; ; i++) {
        readValue([...path, String(i)]);
        skipWs();
        if (text[pos] === ',') pos++;
        else if (text[pos++] === ']') return;
        else throw new Malformed();
      }
    } else if (ch === '"') {
      const value = readString();
      if (path.length <= maxDepth) strings.set(key, value);
    } else {
      const start = pos;
      while (pos < text.length && !',]} \t\r\n'.includes(text[pos])) pos++;
      if (pos === start) throw new Malformed();
    }
  };

  try {
    readValue([]);
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
  }
  const keyOf = (path: readonly (string | number)[]) => path.map(String).join('/');
  return {
    lineOf: path => lines.get(keyOf(path)) ?? 0,
    stringAt: path => strings.get(keyOf(path)),
  };
}
