import { graphql, type ResultOf, type VariablesOf } from './graphql.ts';

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      hasNextPage
      endCursor
      nodes {
        seq
        occurredAt
        actorStaffId
        actorTokenId
        onBehalfOfStaffId
        actor {
          id
          displayName
          employeeNumber
        }
        onBehalfOf {
          id
          displayName
          employeeNumber
        }
        action
        targetType
        targetId
        targetIds
        fields
        before
        after
        ruleIds
        requestId
        hash
      }
    }
  }
`);

export type AuditEvent = ResultOf<typeof AuditEventsQuery>['auditEvents']['nodes'][number];
/** The actor of an event, or the role holder a deputy acted for. */
export type AuditPerson = NonNullable<AuditEvent['actor']>;
export type AuditFilter = NonNullable<VariablesOf<typeof AuditEventsQuery>['filter']>;

/** CSV of the filtered log (UTF-8, no BOM: the client prepends it for Excel). */
export const AuditEventsCsvQuery = graphql(`
  query AuditEventsCsv($filter: AuditFilter) {
    auditEventsCsv(filter: $filter)
  }
`);
