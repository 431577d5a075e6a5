import type { AuditFilter } from '#lib/graphql/audit.graphql.ts';
import { dateInputToIso } from '#lib/dates.ts';
import { readCursorState, writeCursorState, type CursorState } from '#lib/paging.ts';

/**
 * The state of the audit log screen in the URL:
 * `?action=read&actor=<staff id>&ttype=staff&tid=…&from=2026-11-01&to=2026-11-30&western=1&after=…`.
 */
export interface AuditQuery {
  action: string;
  actorStaffId: string;
  targetType: string;
  targetId: string;
  /** Days in Japan (YYYY-MM-DD), both inclusive. */
  from: string;
  to: string;
  western: boolean;
  cursor: CursorState;
}

type ReadableParams = Pick<URLSearchParams, 'get' | 'getAll'>;

const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

export function readAuditQuery(params: ReadableParams): AuditQuery {
  return {
    action: (params.get('action') ?? '').trim(),
    actorStaffId: params.get('actor') ?? '',
    targetType: (params.get('ttype') ?? '').trim(),
    targetId: (params.get('tid') ?? '').trim(),
    from: day(params.get('from')),
    to: day(params.get('to')),
    western: params.get('western') === '1',
    cursor: readCursorState(params),
  };
}

export function auditHref(query: AuditQuery): string {
  const params = new URLSearchParams();
  if (query.action) params.set('action', query.action);
  if (query.actorStaffId) params.set('actor', query.actorStaffId);
  if (query.targetType) params.set('ttype', query.targetType);
  if (query.targetId) params.set('tid', query.targetId);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.western) params.set('western', '1');
  writeCursorState(params, query.cursor);
  const search = params.toString();
  return search ? `/audit?${search}` : '/audit';
}

function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function toAuditFilter(query: AuditQuery): AuditFilter {
  return {
    action: query.action || null,
    actorStaffId: query.actorStaffId || null,
    targetType: query.targetType || null,
    targetId: query.targetId || null,
    from: query.from ? dateInputToIso(query.from) : null,
    // The chosen last day is included: up to the start of the day after it.
    to: query.to ? dateInputToIso(nextDay(query.to)) : null,
  };
}
