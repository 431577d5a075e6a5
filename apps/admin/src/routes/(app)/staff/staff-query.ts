import type { StaffFilter } from '#lib/graphql/people.graphql.ts';
import { readCursorState, writeCursorState, type CursorState } from '#lib/paging.ts';

/** The state of the staff list in the URL (`?q=…&org=…&after=…&size=…`). */
export interface StaffQuery {
  text: string;
  orgUnitId: string;
  cursor: CursorState;
}

type ReadableParams = Pick<URLSearchParams, 'get' | 'getAll'>;

export function readStaffQuery(params: ReadableParams): StaffQuery {
  return {
    text: (params.get('q') ?? '').trim(),
    orgUnitId: params.get('org') ?? '',
    cursor: readCursorState(params),
  };
}

export function staffHref(query: StaffQuery): string {
  const params = new URLSearchParams();
  if (query.text) params.set('q', query.text);
  if (query.orgUnitId) params.set('org', query.orgUnitId);
  writeCursorState(params, query.cursor);
  const search = params.toString();
  return search ? `/staff?${search}` : '/staff';
}

export function toStaffFilter(query: StaffQuery): StaffFilter {
  return { text: query.text || null, orgUnitId: query.orgUnitId || null };
}
