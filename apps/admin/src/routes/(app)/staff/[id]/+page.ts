import { error } from '@sveltejs/kit';
import { query } from '#lib/graphql/client.ts';
import { loadPartialQuery, loadQuery } from '#lib/graphql/load.ts';
import { PositionAbsencesQuery, PositionsQuery, StaffBriefQuery, StaffDetailQuery, type PositionAbsences } from '#lib/graphql/people.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const [{ data, forbidden }, { positions }] = await Promise.all([
    loadPartialQuery(event, StaffDetailQuery, { id: event.params.id }),
    loadQuery(event, PositionsQuery, {}, 'cache-first'),
  ]);
  const staff = data.staffMember;
  if (!staff) error(404, { message: 'Staff member not found', code: 'NOT_FOUND' });

  // Deputies act on behalf of a role holder: name that person.
  const principalIds = [...new Set(staff.roles.map((role) => role.onBehalfOfStaffId).filter((id): id is string => !!id))];
  const principals = await Promise.all(
    principalIds.map((id) =>
      query(StaffBriefQuery, { id }, { fetch: event.fetch, requestPolicy: 'cache-first' })
        .then((result) => result.staffMember)
        .catch(() => null),
    ),
  );
  const principalNames: Record<string, string> = {};
  for (const principal of principals) if (principal) principalNames[principal.id] = principal.displayName;

  // KTM-3-6: a post whose deputy acts only while its holder is absent shows the declared absences.
  const absences = (
    await Promise.all(
      staff.positions.map((position) =>
        query(PositionAbsencesQuery, { positionId: position.id }, { fetch: event.fetch, requestPolicy: 'network-only' })
          .then((result) => result.positionAbsences)
          .catch(() => null),
      ),
    )
  ).filter((a): a is PositionAbsences => !!a && a.deputyOnlyWhenAbsent);
  const absenceStaffIds = [...new Set(absences.flatMap((a) => [...a.deputyStaffIds, ...a.absences.map((x) => x.declaredById)]))];
  const absenceNames: Record<string, string> = {};
  await Promise.all(
    absenceStaffIds.map((id) =>
      query(StaffBriefQuery, { id }, { fetch: event.fetch, requestPolicy: 'cache-first' })
        .then((result) => {
          if (result.staffMember) absenceNames[id] = result.staffMember.displayName;
        })
        .catch(() => undefined),
    ),
  );

  return { staff, forbidden, positions, principalNames, absences, absenceNames };
};
