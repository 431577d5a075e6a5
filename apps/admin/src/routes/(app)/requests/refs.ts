import { query } from '#lib/graphql/client.ts';
import { OrgUnitsQuery } from '#lib/graphql/systems.graphql.ts';
import { PositionsQuery } from '#lib/graphql/people.graphql.ts';
import { AssetOptionsQuery } from '#lib/graphql/access.graphql.ts';
import type { RequestSystemOption } from '#lib/graphql/requests.graphql.ts';
import type { FormRefs } from '#lib/components/requests/refs.ts';

/**
 * The reference lists a request's fields choose from or are named from (org units, positions,
 * assets). Each may be refused or fail on its own: the form then offers fewer choices.
 */
export async function loadRefs(fetch: typeof globalThis.fetch, systems: RequestSystemOption[]): Promise<FormRefs> {
  const options = { fetch, requestPolicy: 'cache-first' as const };
  const [orgUnits, positions, assets] = await Promise.all([
    query(OrgUnitsQuery, {}, options)
      .then((r) => r.orgUnits)
      .catch(() => []),
    query(PositionsQuery, {}, options)
      .then((r) => r.positions)
      .catch(() => []),
    query(AssetOptionsQuery, {}, options)
      .then((r) => r.informationAssets.edges.map((edge) => edge.node))
      .catch(() => []),
  ]);
  return { systems, orgUnits, positions, assets };
}
