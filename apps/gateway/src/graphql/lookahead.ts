import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks, under the field being resolved, for the fields of `path` (each under the
 * one before, through fragments too; @skip/@include are not evaluated — at worst a join loads rows
 * nobody reads). Lets a resolver load the levels below it in the same statement when they will be
 * wanted.
 */
export function selects(info: GraphQLResolveInfo, ...path: string[]): boolean {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    const visit = (set: SelectionSetNode | undefined) => {
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value === name && s.selectionSet) next.push(s.selectionSet);
          else if (s.name.value === name) next.push({ kind: Kind.SELECTION_SET, selections: [] });
        } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
        else visit(info.fragments[s.name.value]?.selectionSet);
      }
    };
    sets.forEach(visit);
    if (next.length === 0) return false;
    sets = next;
  }
  return true;
}
