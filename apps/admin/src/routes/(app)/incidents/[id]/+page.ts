import { error } from '@sveltejs/kit';
import { loadPartialQuery } from '#lib/graphql/load.ts';
import { IncidentQuery } from '#lib/graphql/incidents.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  // Contact details in the networks may be withheld (FORBIDDEN_FIELD): the rest of the incident stands.
  const { data } = await loadPartialQuery(event, IncidentQuery, { id: event.params.id });
  if (!data.incident) error(404, { message: 'Incident not found', code: 'NOT_FOUND' });
  return { incident: data.incident, reported: event.url.searchParams.has('reported') };
};
