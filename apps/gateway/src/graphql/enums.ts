import { registerEnumType } from 'type-graphql';

/** A GraphQL enum over the domain's values: each value's name is the value in capitals (`carried_over` → `CARRIED_OVER`). */
export type GraphqlEnum<V extends string> = { readonly [K in V as Uppercase<K>]: K };

/**
 * Registers a GraphQL enum whose values are the domain's (one list, defined once in
 * `@tsukasa/domain` and used by the entity's column too). Resolvers return the domain value as is;
 * the API shows it in capitals, as every enum of the schema does.
 */
export function graphqlEnum<const V extends string>(values: readonly V[], config: { name: string; description?: string }): GraphqlEnum<V> {
  const e = Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as GraphqlEnum<V>;
  registerEnumType(e, config);
  return e;
}
