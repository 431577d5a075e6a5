import { loadQuery } from '#lib/graphql/load.ts';
import { StaffPageQuery } from '#lib/graphql/people.graphql.ts';
import type { PageLoad } from './$types';
import { readStaffQuery, toStaffFilter } from './staff-query.ts';

export const load: PageLoad = async (event) => {
  const staffQuery = readStaffQuery(event.url.searchParams);
  const data = await loadQuery(event, StaffPageQuery, {
    first: staffQuery.cursor.size,
    after: staffQuery.cursor.after,
    filter: toStaffFilter(staffQuery),
  });
  return { ...data, staffQuery };
};
