import { loadInPlace, loadQuery } from '#lib/graphql/load.ts';
import { AccessDecisionQuery, SystemOptionsQuery } from '#lib/graphql/access.graphql.ts';
import { StaffBriefQuery } from '#lib/graphql/people.graphql.ts';
import { readInstant } from '../access-params.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const params = event.url.searchParams;
  const staffId = params.get('staff') ?? '';
  const systemId = params.get('system') ?? '';
  const { at, iso } = readInstant(params);

  const [{ systems }, staff, decision] = await Promise.all([
    loadQuery(event, SystemOptionsQuery, {}, 'cache-first'),
    staffId ? loadQuery(event, StaffBriefQuery, { id: staffId }).then((r) => r.staffMember) : null,
    staffId && systemId ? loadInPlace(event, AccessDecisionQuery, { staffId, systemId, at: iso }) : null,
  ]);
  return {
    systems: systems.edges.map((edge) => edge.node),
    staff,
    systemId,
    at,
    decision,
  };
};
