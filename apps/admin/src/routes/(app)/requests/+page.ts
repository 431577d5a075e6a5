import { loadQuery } from '#lib/graphql/load.ts';
import { RequestsQuery, RequestKindsQuery, REQUEST_STATUSES, type RequestStatus } from '#lib/graphql/requests.graphql.ts';
import { readCursorState } from '#lib/paging.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const statusParam = event.url.searchParams.get('status') ?? '';
  const status = (REQUEST_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as RequestStatus) : null;
  const kindKey = event.url.searchParams.get('kind') || null;
  const cursor = readCursorState(event.url.searchParams);
  const [{ requests }, { requestKinds }] = await Promise.all([
    loadQuery(event, RequestsQuery, { status, kindKey, first: cursor.size, after: cursor.after }),
    loadQuery(event, RequestKindsQuery, { rulebookId: null }, 'cache-first'),
  ]);
  return { requests, kinds: requestKinds, status, kindKey, cursor };
};
