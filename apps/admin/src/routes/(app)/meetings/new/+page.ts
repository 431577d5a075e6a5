import { error } from '@sveltejs/kit';
import { loadQuery } from '#lib/graphql/load.ts';
import { CommitteeQuery, CommitteesQuery } from '#lib/graphql/committees.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const committeeId = event.url.searchParams.get('committee');
  if (!committeeId) {
    // No committee chosen yet: offer those whose meetings the viewer keeps.
    const { committees } = await loadQuery(event, CommitteesQuery, { limit: 1 });
    return { committee: null, choices: committees.filter((committee) => committee.viewerMayKeep) };
  }
  const { committee } = await loadQuery(event, CommitteeQuery, { id: committeeId, on: null });
  if (!committee) error(404, { message: 'Committee not found', code: 'NOT_FOUND' });
  return { committee, choices: [] };
};
