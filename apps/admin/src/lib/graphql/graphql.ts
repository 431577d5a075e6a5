// Every GraphQL document of the app is written with `graphql()` from here, so its result and
// variables types come from apps/gateway/schema.graphql. graphql-env.d.ts is generated from that
// file (`npm run typecheck` regenerates it, then `gql.tada check` validates each document against
// the schema): a field renamed or removed in the API fails the admin's type check.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** An instant as the gateway serializes it: an ISO 8601 string in UTC. */
    DateTimeISO: string;
    JSONObject: Record<string, unknown>;
  };
  // Fragments here share selections between documents; they do not hide data from the screens.
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';

type SchemaTypes = introspection['types'];

/** Names of the schema's enums. */
export type EnumName = {
  [Name in keyof SchemaTypes]: SchemaTypes[Name] extends { enumValues: string } ? Name : never;
}[keyof SchemaTypes];

/** The values of a schema enum as a string union, e.g. `EnumOf<'LifecycleStatus'>`. */
export type EnumOf<Name extends EnumName> = SchemaTypes[Name] extends { enumValues: infer Values extends string } ? Values : never;

/**
 * Every value of an enum, in the order the app shows them. Listing a value the schema does not
 * have, or leaving one out, fails to compile: a new value needs its label and place on screen.
 */
export function enumValues<Name extends EnumName>() {
  return <const List extends readonly EnumOf<Name>[]>(
    values: List & ([Exclude<EnumOf<Name>, List[number]>] extends [never] ? unknown : { missing: Exclude<EnumOf<Name>, List[number]> }),
  ): List => values;
}
