import { error } from '@sveltejs/kit';
import { query } from '#lib/graphql/client.ts';
import { loadQuery } from '#lib/graphql/load.ts';
import { RequestKindsQuery, RequestQuery } from '#lib/graphql/requests.graphql.ts';
import { SystemOptionsQuery } from '#lib/graphql/access.graphql.ts';
import { loadRefs } from '../../refs.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { request } = await loadQuery(event, RequestQuery, { id: event.params.id });
  if (!request) error(404, { message: 'Request not found', code: 'NOT_FOUND' });
  const [kinds, systems] = await Promise.all([
    query(RequestKindsQuery, { rulebookId: request.rulebookId }, { fetch: event.fetch, requestPolicy: 'cache-first' })
      .then((r) => r.requestKinds)
      .catch(() => []),
    query(SystemOptionsQuery, {}, { fetch: event.fetch, requestPolicy: 'cache-first' })
      .then((r) => r.systems.edges.map((edge) => ({ ...edge.node, rulebook: null })))
      .catch(() => []),
  ]);
  return {
    request,
    kind: kinds.find((kind) => kind.key === request.kindKey) ?? null,
    refs: await loadRefs(event.fetch, systems),
  };
};
