import { query } from '#lib/graphql/client.ts';
import { loadQuery } from '#lib/graphql/load.ts';
import { AuditEventsQuery, type AuditPerson } from '#lib/graphql/audit.graphql.ts';
import { StaffBriefQuery } from '#lib/graphql/people.graphql.ts';
import type { PageLoad } from './$types';
import { readAuditQuery, toAuditFilter } from './audit-query.ts';

export const load: PageLoad = async (event) => {
  const auditQuery = readAuditQuery(event.url.searchParams);
  const { auditEvents } = await loadQuery(event, AuditEventsQuery, {
    filter: toAuditFilter(auditQuery),
    first: auditQuery.cursor.size,
    after: auditQuery.cursor.after,
  });

  // The person filtered on, for the picker: the events name them (as actor or principal); only
  // when none matched is the person looked up.
  let filteredActor: AuditPerson | null = null;
  if (auditQuery.actorStaffId) {
    const id = auditQuery.actorStaffId;
    filteredActor =
      auditEvents.nodes.flatMap((node) => [node.actor, node.onBehalfOf]).find((person) => person?.id === id) ??
      (await query(StaffBriefQuery, { id }, { fetch: event.fetch, requestPolicy: 'cache-first' })
        .then((r) => r.staffMember)
        .catch(() => null));
  }

  return { auditEvents, auditQuery, filteredActor };
};
