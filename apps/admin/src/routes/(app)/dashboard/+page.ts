import { loadQuery } from '#lib/graphql/load.ts';
import { DashboardQuery } from '#lib/graphql/dashboard.graphql.ts';
import { OrgUnitsQuery } from '#lib/graphql/systems.graphql.ts';
import { loadUpcomingStops } from '#lib/maintenance/upcoming-stops.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  // Registers, incidents and windows change all the time: always the latest.
  const [dashboard, { orgUnits }] = await Promise.all([loadQuery(event, DashboardQuery, { meetings: 50 }), loadQuery(event, OrgUnitsQuery, {}, 'cache-first')]);
  // Not awaited: the page shows while the stops of every system are gathered.
  return { ...dashboard, orgUnits, upcomingStops: loadUpcomingStops() };
};
