import { error } from '@sveltejs/kit';
import { loadQuery } from '#lib/graphql/load.ts';
import { SystemDetailQuery } from '#lib/graphql/systems.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { system } = await loadQuery(event, SystemDetailQuery, { id: event.params.id });
  if (!system) error(404, { message: 'System not found', code: 'NOT_FOUND' });
  return { system };
};
