import { parse } from 'graphql';
import { hasVariableInsideLiteral } from './jit-executor';

describe('hasVariableInsideLiteral (documents graphql-jit would get wrong run on graphql-js)', () => {
  it('finds a variable inside an input object or list literal', () => {
    expect(hasVariableInsideLiteral(parse(`mutation($t: String) { update(input: { title: $t }) { id } }`))).toBe(true);
    expect(hasVariableInsideLiteral(parse(`query($a: String) { f(ids: ["x", $a]) }`))).toBe(true);
    expect(hasVariableInsideLiteral(parse(`query($a: String) { f(input: { nested: { deep: [$a] } }) }`))).toBe(true);
  });

  it('ignores variables passed whole, in directives, and their own definitions with defaults', () => {
    expect(hasVariableInsideLiteral(parse(`query($n: Int = 5, $i: In = { a: 1 }) { f(first: $n, input: $i) @include(if: true) { id } }`))).toBe(false);
    expect(hasVariableInsideLiteral(parse(`query($s: Boolean!) { f(input: { a: 1 }) @skip(if: $s) }`))).toBe(false);
  });
});
