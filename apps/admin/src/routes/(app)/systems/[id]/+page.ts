import { error } from '@sveltejs/kit';
import { loadPartialQuery, loadQuery } from '#lib/graphql/load.ts';
import { SystemAccessQuery } from '#lib/graphql/access.graphql.ts';
import { SystemDetailQuery } from '#lib/graphql/systems.graphql.ts';
import type { PageLoad } from './$types';

const TABS = ['overview', 'accounts', 'security'] as const;
type Tab = (typeof TABS)[number];

export const load: PageLoad = async (event) => {
  const tabParam = event.url.searchParams.get('tab') ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(tabParam) ? (tabParam as Tab) : 'overview';
  const [{ system }, access] = await Promise.all([
    loadQuery(event, SystemDetailQuery, { id: event.params.id }),
    loadPartialQuery(event, SystemAccessQuery, { id: event.params.id, first: 200 }),
  ]);
  if (!system || !access.data.system) error(404, { message: 'System not found', code: 'NOT_FOUND' });
  return {
    system,
    tab,
    security: access.data.system,
    accounts: access.data.accounts,
    forbidden: access.forbidden,
  };
};
