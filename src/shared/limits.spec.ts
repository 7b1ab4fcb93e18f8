import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { checkOperationLimits, checkVariables, jsonDepth, MAX_VARIABLE_DEPTH } from './limits';

const schema = buildSchema(`
  type Query { node: Node, list(first: Int): [Node!]! }
  type Node { id: ID!, child: Node, name: String }
`);
// Mark `list` as a connection, as @Extensions({ connection: true }) does in the real schema.
(schema.getQueryType()!.getFields().list as { extensions: Record<string, unknown> }).extensions = { connection: true };
const limits = { maxDepth: 4, maxAliases: 2, maxCost: 50, maxPageSize: 10 };
const check = (query: string, variables?: Record<string, unknown>) =>
  checkOperationLimits(schema, parse(query), undefined, variables, limits);
const codeOf = (query: string, variables?: Record<string, unknown>) => {
  try {
    check(query, variables);
    return null;
  } catch (error) {
    return (error as { extensions: { measure: string } }).extensions.measure;
  }
};

describe('checkOperationLimits', () => {
  it('accepts an operation within every limit', () => {
    expect(codeOf(`{ node { child { child { id } } } }`)).toBeNull();
  });

  it('measures depth, including through named and inline fragments', () => {
    expect(codeOf(`{ node { child { child { child { id } } } } }`)).toBe('depth');
    expect(codeOf(`{ node { ...F } } fragment F on Node { child { ... on Node { child { child { id } } } } }`)).toBe('depth');
  });

  it('does not count the depth of introspection (the explorer\'s schema query nests 15 levels)', () => {
    expect(codeOf(getIntrospectionQuery())).not.toBe('depth');
    expect(codeOf(`{ __type(name: "Node") { fields { type { ofType { ofType { ofType { name } } } } } } }`)).toBeNull();
    // A real selection next to it is still measured.
    expect(codeOf(`{ __typename node { child { child { child { id } } } } }`)).toBe('depth');
  });

  it('survives a fragment cycle (graphql validation reports it)', () => {
    expect(() => check(`{ node { ...A } } fragment A on Node { child { ...A } }`)).not.toThrow(RangeError);
  });

  it('counts aliases', () => {
    expect(codeOf(`{ a: node { id } b: node { id } }`)).toBeNull();
    expect(codeOf(`{ a: node { id } b: node { id } c: node { id } }`)).toBe('aliases');
  });

  it('costs connection fields by their page size, capped at the maximum page size', () => {
    const wide = `{ list(first: $n) { id name child { id name child { id } } } }`.replace('$n', '2');
    expect(codeOf(wide)).toBeNull(); // 1 + 2 x 7
    expect(codeOf(wide.replace('first: 2', 'first: 8'))).toBe('cost'); // 1 + 8 x 7
    const narrow = `{ list(first: 100000) { id name child { id } } }`; // capped: 1 + 10 x 4
    expect(codeOf(narrow)).toBeNull();
    expect(codeOf(`query($n: Int) { list(first: $n) { id name child { id name child { id } } } }`, { n: 9 })).toBe('cost');
  });

  describe('on a parsed document seen again (the checks remembered per document)', () => {
    const codeOfParsed = (document: ReturnType<typeof parse>, variables?: Record<string, unknown>) => {
      try {
        checkOperationLimits(schema, document, undefined, variables, limits);
        return null;
      } catch (error) {
        return (error as { extensions: { measure: string } }).extensions.measure;
      }
    };

    it('costs a `first` variable anew on every request', () => {
      const document = parse(`query($n: Int) { list(first: $n) { id name child { id name child { id } } } }`);
      expect(codeOfParsed(document, { n: 2 })).toBeNull();
      expect(codeOfParsed(document, { n: 9 })).toBe('cost');
      expect(codeOfParsed(document, { n: 2 })).toBeNull();
    });

    it('costs a directive variable anew on every request', () => {
      const document = parse(`query($wide: Boolean!) { list(first: 8) { id child @include(if: $wide) { id name child { id name } } } }`);
      expect(codeOfParsed(document, { wide: false })).toBeNull(); // 1 + 8 x 1
      expect(codeOfParsed(document, { wide: true })).toBe('cost'); // 1 + 8 x 7
      expect(codeOfParsed(document, { wide: false })).toBeNull();
    });

    it('refuses an over-limit document every time, and checks the variables of every request', () => {
      const costly = parse(`{ list(first: 8) { id name child { id name child { id } } } }`);
      expect(codeOfParsed(costly)).toBe('cost');
      expect(codeOfParsed(costly)).toBe('cost');
      const fine = parse(`query($x: String) { node { id } }`);
      expect(codeOfParsed(fine, { x: 'a' })).toBeNull();
      expect(() => checkOperationLimits(schema, fine, undefined, { x: 'a\u0000b' }, limits)).toThrow(/NUL/);
    });

    it('keeps limits apart: a document that passed generous limits is still measured against strict ones', () => {
      const document = parse(`{ node { child { child { child { id } } } } }`);
      expect(() => checkOperationLimits(schema, document, undefined, undefined, { ...limits, maxDepth: 10 })).not.toThrow();
      expect(codeOfParsed(document)).toBe('depth');
    });
  });

  it('leaves uncoercible variables to execution', () => {
    expect(codeOf(`query($n: Int) { node { id } }`, { n: 'not a number' })).toBeNull();
  });
});

describe('variable depth', () => {
  const nested = (n: number): unknown => {
    let value: unknown = 'x';
    for (let i = 0; i < n; i++) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('measures nesting without recursion, so a value 100,000 deep is measured, not a stack overflow', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({ a: [1, { b: [] }] })).toBe(4);
    expect(jsonDepth(nested(100_000))).toBe(100_000);
  });

  it('refuses variables nested past the limit with QUERY_TOO_COMPLEX, for HTTP and WebSocket alike', () => {
    expect(codeOf(`query($v: String) { node { id } }`, { v: nested(MAX_VARIABLE_DEPTH) })).toBeNull();
    expect(codeOf(`query($v: String) { node { id } }`, { v: nested(MAX_VARIABLE_DEPTH + 1) })).toBe('variableDepth');
    expect(() => checkVariables({ v: nested(5000) })).toThrow(/5000 levels deep; the limit is 64/);
  });

  it('refuses U+0000 in a variable (value or key, at any depth) and in a string literal with BAD_USER_INPUT', () => {
    const refusal = (run: () => void) => {
      try {
        run();
        return null;
      } catch (error) {
        return (error as { extensions: Record<string, unknown> }).extensions;
      }
    };
    expect(refusal(() => checkVariables({ input: { tags: ['ok', 'a\u0000b'] } }))).toEqual({ fields: [{ path: '$input.tags.1', message: 'Text may not contain the NUL character (U+0000)' }] });
    expect(refusal(() => checkVariables({ input: { ['k\u0000']: 1 } }))).toMatchObject({ fields: [{ path: '$input.k\u0000' }] });
    expect(refusal(() => check(`{ node { name } }`))).toBeNull();
    expect(refusal(() => check(`{ node { name @tag(note: "a\\u0000b") } }`))).toMatchObject({ fields: [] });
    expect(refusal(() => checkVariables({ v: 'plain', w: ['fine', { x: 'ok' }] }))).toBeNull();
  });
});
