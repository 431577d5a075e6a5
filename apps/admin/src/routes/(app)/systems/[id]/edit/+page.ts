import { error } from '@sveltejs/kit';
import { loadQuery } from '#lib/graphql/load.ts';
import { SystemEditQuery } from '#lib/graphql/systems.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { system, orgUnits } = await loadQuery(event, SystemEditQuery, { id: event.params.id });
  if (!system) error(404, { message: 'System not found', code: 'NOT_FOUND' });
  return { system, orgUnits };
};
