import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Does the current field's selection reach any of `names` below `path` (for example
 * ['edges', 'node'] of a connection)? Fragments are followed; a list resolver uses this to load
 * nested data for a whole page up front only when the operation asks for it.
 */
export function selectsAny(info: GraphQLResolveInfo, path: string[], names: string[]): boolean {
  const wanted = new Set(names);
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'InlineFragment') {
        if (visit(selection.selectionSet, depth, seen)) return true;
      } else if (selection.kind === 'FragmentSpread') {
        const fragment = info.fragments[selection.name.value];
        if (fragment && !seen.has(fragment.name.value) && visit(fragment.selectionSet, depth, new Set([...seen, fragment.name.value]))) return true;
      } else if (depth === path.length) {
        if (wanted.has(selection.name.value)) return true;
      } else if (selection.name.value === path[depth]) {
        if (visit((selection as FieldNode).selectionSet, depth + 1, seen)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some(node => visit(node.selectionSet, 0, new Set()));
}
