import { loadQuery } from '#lib/graphql/load.ts';
import { SystemsPageQuery } from '#lib/graphql/systems.graphql.ts';
import type { PageLoad } from './$types';
import { readRegistryQuery, toFilter, toSort } from './registry-query.ts';

export const load: PageLoad = async (event) => {
  const registryQuery = readRegistryQuery(event.url.searchParams);
  const data = await loadQuery(event, SystemsPageQuery, {
    first: registryQuery.cursor.size,
    after: registryQuery.cursor.after,
    filter: toFilter(registryQuery),
    sort: toSort(registryQuery),
  });
  return { ...data, registryQuery };
};
