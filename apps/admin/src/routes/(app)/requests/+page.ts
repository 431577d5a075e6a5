import { loadQuery } from '#lib/graphql/load.ts';
import { RequestsQuery, RequestKindsQuery, REQUEST_STATUSES } from '#lib/graphql/requests.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const statusParam = event.url.searchParams.get('status') ?? '';
  const status = (REQUEST_STATUSES as readonly string[]).includes(statusParam) ? statusParam : null;
  const kindKey = event.url.searchParams.get('kind') || null;
  const [{ requests }, { requestKinds }] = await Promise.all([
    loadQuery(event, RequestsQuery, { status, kindKey, first: 200 }),
    loadQuery(event, RequestKindsQuery, { rulebookId: null }, 'cache-first'),
  ]);
  return { requests, kinds: requestKinds, status, kindKey };
};
