// Scalars of the GraphQL contract (apps/gateway/schema.graphql) that the documents not yet typed
// from the schema still use.

export type ID = string;
/** ISO 8601 timestamp in UTC (scalar DateTimeISO). */
export type DateTime = string;
