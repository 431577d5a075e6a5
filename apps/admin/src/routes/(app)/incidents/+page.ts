import { loadQuery } from '#lib/graphql/load.ts';
import { SystemOptionsQuery } from '#lib/graphql/access.graphql.ts';
import { IncidentsQuery } from '#lib/graphql/incidents.graphql.ts';
import type { PageLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageLoad = async (event) => {
  const openOnly = event.url.searchParams.get('open') === '1';
  const systemParam = event.url.searchParams.get('system') ?? '';
  const systemId = UUID.test(systemParam) ? systemParam : null;
  const [{ incidents }, { systems }] = await Promise.all([
    loadQuery(event, IncidentsQuery, { filter: { openOnly, systemId, limit: 200 } }),
    loadQuery(event, SystemOptionsQuery, {}, 'cache-first'),
  ]);
  return { incidents, systems: systems.edges.map((edge) => edge.node), openOnly, systemId };
};
