import { error } from '@sveltejs/kit';
import { query } from '#lib/graphql/client.ts';
import { loadQuery } from '#lib/graphql/load.ts';
import { InboxStepsQuery, RequestKindsQuery, RequestQuery } from '#lib/graphql/requests.graphql.ts';
import { SystemOptionsQuery } from '#lib/graphql/access.graphql.ts';
import { loadRefs } from '../refs.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { request } = await loadQuery(event, RequestQuery, { id: event.params.id });
  if (!request) error(404, { message: 'Request not found', code: 'NOT_FOUND' });
  const options = { fetch: event.fetch, requestPolicy: 'network-only' as const };
  const [kinds, awaiting, systems] = await Promise.all([
    query(RequestKindsQuery, { rulebookId: request.rulebookId }, { fetch: event.fetch, requestPolicy: 'cache-first' })
      .then((r) => r.requestKinds)
      .catch(() => []),
    // The steps the viewer may take now are those in their inbox (the gateway decides anyway).
    query(InboxStepsQuery, { first: 200 }, options)
      .then((r) => r.inbox.awaitingMe.map((item) => item.step.id))
      .catch(() => [] as string[]),
    query(SystemOptionsQuery, {}, { fetch: event.fetch, requestPolicy: 'cache-first' })
      .then((r) => r.systems.edges.map((edge) => ({ ...edge.node, rulebook: null })))
      .catch(() => []),
  ]);
  const refs = await loadRefs(event.fetch, systems);
  return {
    request,
    kind: kinds.find((kind) => kind.key === request.kindKey) ?? null,
    actionableStepIds: awaiting,
    refs,
    filed: event.url.searchParams.get('filed'),
    resubmitted: event.url.searchParams.has('resubmitted'),
  };
};
