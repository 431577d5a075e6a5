import { loadQuery } from '#lib/graphql/load.ts';
import { OrgUnitsQuery } from '#lib/graphql/systems.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { orgUnits } = await loadQuery(event, OrgUnitsQuery, {}, 'cache-first');
  return { orgUnits };
};
