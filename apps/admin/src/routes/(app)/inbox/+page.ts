import { loadQuery } from '#lib/graphql/load.ts';
import { InboxQuery } from '#lib/graphql/requests.graphql.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { inbox } = await loadQuery(event, InboxQuery, { first: 100 });
  // Oldest first: what has waited longest comes first.
  const awaitingMe = [...inbox.awaitingMe].sort((a, b) => a.request.filedAt.localeCompare(b.request.filedAt));
  return { awaitingMe, filedByMe: inbox.filedByMe };
};
