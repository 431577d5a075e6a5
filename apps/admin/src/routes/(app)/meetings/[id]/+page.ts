import { error } from '@sveltejs/kit';
import { loadQuery } from '#lib/graphql/load.ts';
import { MeetingQuery } from '#lib/graphql/committees.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { meeting } = await loadQuery(event, MeetingQuery, { id: event.params.id });
  if (!meeting) error(404, { message: 'Meeting not found', code: 'NOT_FOUND' });
  return { meeting, created: event.url.searchParams.has('created') };
};
