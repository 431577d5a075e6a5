// TypeScript shapes of the GraphQL contract (apps/gateway/schema.graphql), written by hand, that
// the documents not yet typed from the schema still use.

export type ID = string;
/** ISO 8601 timestamp in UTC (scalar DateTimeISO). */
export type DateTime = string;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface OrgUnitRef {
  id: ID;
  name: string;
  nameEn: string;
  path: string;
}

export type { OrgUnitOption } from './systems.graphql.ts';
