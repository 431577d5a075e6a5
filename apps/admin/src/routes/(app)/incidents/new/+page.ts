import { loadQuery } from '#lib/graphql/load.ts';
import { SystemOptionsQuery } from '#lib/graphql/access.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { systems } = await loadQuery(event, SystemOptionsQuery, {}, 'cache-first');
  const list = systems.edges.map((edge) => edge.node);
  const wanted = event.url.searchParams.get('system');
  return { systems: list, systemId: list.some((system) => system.id === wanted) ? wanted : null };
};
