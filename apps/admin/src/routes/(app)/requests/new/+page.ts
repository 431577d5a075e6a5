import { loadQuery } from '#lib/graphql/load.ts';
import { NewRequestQuery, RequestKindsQuery, RequestQuery } from '#lib/graphql/requests.graphql.ts';
import { loadRefs } from '../refs.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { viewer } = await event.parent();
  const fromId = event.url.searchParams.get('from');
  const data = await loadQuery(event, NewRequestQuery, {}, 'cache-first');
  const systems = data.systems.edges.map((edge) => edge.node);
  const refs = await loadRefs(event.fetch, systems);

  // Correcting a returned request: its kind as the rulebook governing it defines the form.
  let returned = null;
  let kinds = data.requestKinds;
  if (fromId) {
    const { request } = await loadQuery(event, RequestQuery, { id: fromId });
    if (request && request.status === 'RETURNED' && request.requester.id === viewer.staffId) {
      returned = request;
      kinds = (await loadQuery(event, RequestKindsQuery, { rulebookId: request.rulebookId }, 'cache-first')).requestKinds;
    }
  }

  return {
    kinds,
    rulebookIds: data.rulebooks.map((rulebook) => rulebook.id),
    refs,
    kindKey: returned?.kindKey ?? event.url.searchParams.get('kind'),
    systemId: returned?.system?.id ?? event.url.searchParams.get('system') ?? '',
    returned,
  };
};
