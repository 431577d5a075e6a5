import { loadQuery } from '#lib/graphql/load.ts';
import { ViewerQuery } from '#lib/graphql/viewer.graphql.ts';
import type { LayoutLoad } from './$types';

// Convenience guard only: without a session the gateway answers UNAUTHENTICATED and
// loadQuery sends the user to /signin; every query is authorized by the gateway itself.
export const load: LayoutLoad = async (event) => {
  const { viewer } = await loadQuery(event, ViewerQuery, {}, 'cache-first');
  return { viewer };
};
