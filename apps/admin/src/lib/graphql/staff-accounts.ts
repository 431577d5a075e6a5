import { gql, type TypedDocumentNode } from '@urql/core';
import { print } from 'graphql';
import { query } from './client.ts';
import { ACCOUNT_FIELDS, type Account, type SystemOption } from './access.graphql.ts';
import type { ID } from './types.ts';

type Fetch = typeof fetch;
type Holders = Record<string, { edges: { node: { id: ID; staff: { id: ID } } }[] }>;
type Accounts = Record<string, { edges: { node: Account }[] }>;

/** One aliased `accounts(systemId:)` per system, in a single request. */
function accountsDocument<Data>(name: string, count: number, selection: string, fragment = ''): TypedDocumentNode<Data, Record<string, string>> {
  const variables = Array.from({ length: count }, (_, i) => `$s${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `s${i}: accounts(systemId: $s${i}, first: 200) { edges { node { ${selection} } } }`,
  ).join('\n');
  return gql(`query ${name}(${variables}) {\n${fields}\n}\n${fragment}`) as TypedDocumentNode<Data, Record<string, string>>;
}

function variablesFor(systems: SystemOption[]): Record<string, string> {
  return Object.fromEntries(systems.map((system, i) => [`s${i}`, system.id]));
}

/**
 * The accounts one person holds, across the municipality's systems. The API lists accounts per
 * system only, so this asks every system who holds an account (without the per-account status),
 * then asks the systems where this person does for the full rows.
 */
export async function accountsOfStaff(
  staffId: ID,
  systems: SystemOption[],
  fetch?: Fetch,
): Promise<Account[]> {
  if (systems.length === 0) return [];
  const holders = await query(
    accountsDocument<Holders>('AccountHolders', systems.length, 'id staff { id }'),
    variablesFor(systems),
    { fetch, requestPolicy: 'network-only' },
  );
  const held = systems.filter((_, i) =>
    holders[`s${i}`]?.edges.some((edge) => edge.node.staff.id === staffId),
  );
  if (held.length === 0) return [];
  const accounts = await query(
    accountsDocument<Accounts>(
      'AccountsOfStaff',
      held.length,
      '...AccountFields',
      print(ACCOUNT_FIELDS),
    ),
    variablesFor(held),
    { fetch, requestPolicy: 'network-only' },
  );
  return held.flatMap((_, i) =>
    (accounts[`s${i}`]?.edges ?? [])
      .map((edge) => edge.node)
      .filter((account) => account.staff.id === staffId),
  );
}
