import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks, directly under the field being resolved, for a field of this name
 * (through fragments too; @skip/@include are not evaluated — at worst a join loads rows nobody
 * reads). Lets a resolver load the next level in the same statement when it will be wanted.
 */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) =>
      s.kind === Kind.FIELD ? s.name.value === name : s.kind === Kind.INLINE_FRAGMENT ? visit(s.selectionSet) : visit(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((f) => visit(f.selectionSet));
}
