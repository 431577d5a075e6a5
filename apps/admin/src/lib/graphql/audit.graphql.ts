import { gql } from '@urql/core';
import type { DateTime, ID } from './types.ts';

export interface AuditPerson {
  id: ID;
  displayName: string;
  employeeNumber: string;
}

export interface AuditEvent {
  seq: string;
  occurredAt: DateTime;
  actorStaffId: ID | null;
  actorTokenId: ID | null;
  onBehalfOfStaffId: ID | null;
  actor: AuditPerson | null;
  /** When a deputy acted: the role holder acted for. */
  onBehalfOf: AuditPerson | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** A read of several records names them all. */
  targetIds: string[] | null;
  fields: string[] | null;
  /** JSON text. */
  before: string | null;
  /** JSON text. */
  after: string | null;
  ruleIds: string[];
  requestId: string | null;
  hash: string;
}

export interface AuditFilter {
  action?: string | null;
  actorStaffId?: ID | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: DateTime | null;
  to?: DateTime | null;
}

export interface AuditEventsData {
  auditEvents: {
    totalCount: number;
    hasNextPage: boolean;
    endCursor: string | null;
    nodes: AuditEvent[];
  };
}

export const AuditEventsQuery = gql<
  AuditEventsData,
  { filter: AuditFilter; first: number; after: string | null }
>`
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
`;

/** CSV of the filtered log (UTF-8, no BOM: the client prepends it for Excel). */
export const AuditEventsCsvQuery = gql<{ auditEventsCsv: string }, { filter: AuditFilter }>`
  query AuditEventsCsv($filter: AuditFilter) {
    auditEventsCsv(filter: $filter)
  }
`;
