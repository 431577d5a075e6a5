import { loadQuery } from '#lib/graphql/load.ts';
import { CommitteesQuery } from '#lib/graphql/committees.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  // Other secretaries hold meetings too: always the latest.
  const { committees, rulebooks } = await loadQuery(event, CommitteesQuery, { limit: 5 });
  return { committees, rulebooks };
};
