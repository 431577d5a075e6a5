import { AssetsPageQuery } from '#lib/graphql/assets.graphql.ts';
import { loadQuery } from '#lib/graphql/load.ts';
import { readCursorState } from '#lib/paging.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const cursor = readCursorState(event.url.searchParams);
  const data = await loadQuery(event, AssetsPageQuery, { first: cursor.size, after: cursor.after });
  return { ...data, cursor };
};
