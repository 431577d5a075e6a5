import { query } from '#lib/graphql/client.ts';
import { loadQuery } from '#lib/graphql/load.ts';
import { GrantsPageQuery, GRANT_STATES, type GrantState } from '#lib/graphql/access.graphql.ts';
import { HeldPostsQuery } from '#lib/graphql/people.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { viewer } = await event.parent();
  const stateParam = event.url.searchParams.get('state') ?? '';
  const state = (GRANT_STATES as readonly string[]).includes(stateParam) ? (stateParam as GrantState) : null;

  const [data, me] = await Promise.all([
    loadQuery(event, GrantsPageQuery, {}),
    // The viewer's posts, held or deputised: an owner suspends, reinstates and revokes for the
    // position they hold (the API says who may approve, not who may do these).
    query(HeldPostsQuery, { id: viewer.staffId }, { fetch: event.fetch, requestPolicy: 'network-only' })
      .then((r) => r.staffMember)
      .catch(() => null),
  ]);
  const heldPositionIds = [
    ...(me?.positions.map((position) => position.id) ?? []),
    ...(me?.roles.filter((role) => role.via === 'DEPUTY').map((role) => role.positionId) ?? []),
  ];

  return {
    grants: data.grants,
    assets: data.informationAssets.edges.map((edge) => edge.node),
    positions: data.positions,
    heldPositionIds,
    state,
  };
};
