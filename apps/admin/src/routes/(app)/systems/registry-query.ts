import { LIFECYCLE_STATUSES, SYSTEM_SORT_FIELDS, type LifecycleStatus, type SortDirection, type SystemSortField } from '#lib/graphql/enums.ts';
import type { VariablesOf } from '#lib/graphql/graphql.ts';
import type { SystemsPageQuery } from '#lib/graphql/systems.graphql.ts';
import { readCursorState, writeCursorState, type CursorState } from '#lib/paging.ts';

/**
 * The whole state of the registry list, read from and written to the URL
 * (`?q=…&org=…&status=IN_SERVICE,RETIRING&sort=NAME&dir=ASC&after=…&size=…`),
 * so reload, bookmarks and back/forward all show the same list.
 */
export interface RegistryQuery {
  text: string;
  orgUnitId: string;
  statuses: LifecycleStatus[];
  sort: SystemSortField;
  direction: SortDirection;
  cursor: CursorState;
}

type ReadableParams = Pick<URLSearchParams, 'get' | 'getAll'>;
type SystemsPageVariables = VariablesOf<typeof SystemsPageQuery>;

export function readRegistryQuery(params: ReadableParams): RegistryQuery {
  const sortParam = params.get('sort');
  const sort = (SYSTEM_SORT_FIELDS as readonly string[]).includes(sortParam ?? '') ? (sortParam as SystemSortField) : 'NAME';
  const direction: SortDirection = params.get('dir') === 'DESC' ? 'DESC' : 'ASC';
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((value): value is LifecycleStatus => (LIFECYCLE_STATUSES as readonly string[]).includes(value));
  return {
    text: (params.get('q') ?? '').trim(),
    orgUnitId: params.get('org') ?? '',
    statuses,
    sort,
    direction,
    cursor: readCursorState(params),
  };
}

export function registryHref(query: RegistryQuery): string {
  const params = new URLSearchParams();
  if (query.text) params.set('q', query.text);
  if (query.orgUnitId) params.set('org', query.orgUnitId);
  if (query.statuses.length > 0) {
    // Keep the canonical order so equal filters give equal URLs.
    params.set('status', LIFECYCLE_STATUSES.filter((s) => query.statuses.includes(s)).join(','));
  }
  if (query.sort !== 'NAME' || query.direction !== 'ASC') {
    params.set('sort', query.sort);
    params.set('dir', query.direction);
  }
  writeCursorState(params, query.cursor);
  const search = params.toString();
  return search ? `/systems?${search}` : '/systems';
}

export function toFilter(query: RegistryQuery): NonNullable<SystemsPageVariables['filter']> {
  return {
    text: query.text || null,
    managingOrgUnitId: query.orgUnitId || null,
    lifecycleStatus: query.statuses.length > 0 ? query.statuses : null,
  };
}

export function toSort(query: RegistryQuery): NonNullable<SystemsPageVariables['sort']> {
  return { field: query.sort, direction: query.direction };
}
