import { error } from '@sveltejs/kit';
import { loadPartialQuery, loadQuery } from '#lib/graphql/load.ts';
import { SystemAccessQuery } from '#lib/graphql/access.graphql.ts';
import { SystemDetailQuery } from '#lib/graphql/systems.graphql.ts';
import { SystemMaintenanceQuery } from '#lib/graphql/maintenance.graphql.ts';
import type { PageLoad } from './$types';

const TABS = ['overview', 'accounts', 'security', 'maintenance'] as const;
/** Windows shown on the maintenance tab: those not over a month ago, and all to come. */
const WINDOWS_SINCE_DAYS = 31;
type Tab = (typeof TABS)[number];

export const load: PageLoad = async (event) => {
  const tabParam = event.url.searchParams.get('tab') ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(tabParam) ? (tabParam as Tab) : 'overview';
  const since = new Date(Date.now() - WINDOWS_SINCE_DAYS * 86_400_000).toISOString();
  const [{ system }, access, maintenance] = await Promise.all([
    loadQuery(event, SystemDetailQuery, { id: event.params.id }),
    loadPartialQuery(event, SystemAccessQuery, { id: event.params.id, first: 200 }),
    // The operating calendar and the windows only for their tab.
    tab === 'maintenance' ? loadQuery(event, SystemMaintenanceQuery, { systemId: event.params.id, from: since }) : Promise.resolve(null),
  ]);
  if (!system || !access.data.system) error(404, { message: 'System not found', code: 'NOT_FOUND' });
  return {
    system,
    tab,
    security: access.data.system,
    accounts: access.data.accounts,
    forbidden: access.forbidden,
    maintenance,
  };
};
