import { query } from '#lib/graphql/client.ts';
import { loadQuery } from '#lib/graphql/load.ts';
import { AuditEventsQuery } from '#lib/graphql/audit.graphql.ts';
import { StaffBriefQuery, type StaffBrief } from '#lib/graphql/people.graphql.ts';
import type { PageLoad } from './$types';
import { readAuditQuery, toAuditFilter } from './audit-query.ts';

export const load: PageLoad = async (event) => {
  const auditQuery = readAuditQuery(event.url.searchParams);
  const { auditEvents } = await loadQuery(event, AuditEventsQuery, {
    filter: toAuditFilter(auditQuery),
    first: auditQuery.cursor.size,
    after: auditQuery.cursor.after,
  });

  // The log keeps staff ids; name the people on this page (and the actor filtered on).
  const ids = new Set<string>();
  for (const node of auditEvents.nodes) {
    if (node.actorStaffId) ids.add(node.actorStaffId);
    if (node.onBehalfOfStaffId) ids.add(node.onBehalfOfStaffId);
  }
  if (auditQuery.actorStaffId) ids.add(auditQuery.actorStaffId);
  const people = await Promise.all(
    [...ids].map((id) =>
      query(StaffBriefQuery, { id }, { fetch: event.fetch, requestPolicy: 'cache-first' })
        .then((r) => r.staffMember)
        .catch(() => null),
    ),
  );
  const staff: Record<string, StaffBrief> = {};
  for (const person of people) if (person) staff[person.id] = person;

  return { auditEvents, auditQuery, staff };
};
