import type { IncidentStatus, RuleId } from '@tsukasa/domain';
// Operations (SPEC §6): maintenance windows of systems and incidents — the 障害等対応連絡票 record,
// its log and the continuation notices to the using sections (MNT-22-4).
import { sql as raw, type InferResult, type Updateable } from 'kysely';
import type { Database } from '../entities/kysely.types.ts';
import { anyOf, exec, first, rows, run, tables, type Db, type Stored } from './sql.ts';

// ---- maintenance windows ------------------------------------------------------------------------------

/** A window's columns; the access decision's one statement reads them too (access.repository.ts decisionFacts). */
export const WINDOW_COLUMNS = [
  'w.id', 'w.system_id', 'w.kind', 'w.starts_at', 'w.ends_at', 'w.reason', 'w.reason_en', 'w.planned_by_id', 'w.planned_on_behalf_of_id', 'w.planned_at',
  'w.announced_at', 'w.announced_by_id', 'w.cancelled_at', 'w.cancelled_by_id', 'w.cancel_reason', 'w.rule_ids', 'w.version',
] as const;

const windows = () => tables.selectFrom('maintenance_window as w').select(WINDOW_COLUMNS);

/** A maintenance window (計画停止・臨時稼働) as the repositories read it, typed from the entity. */
export type MaintenanceWindowRow = Stored<InferResult<ReturnType<typeof windows>>[number]>;

export async function insertMaintenanceWindow(
  db: Db,
  w: { id: string; municipalityId: string; systemId: string; kind: MaintenanceWindowRow['kind']; from: Date; to: Date; reason: string; reasonEn: string | null; plannedBy: string; onBehalfOf: string | null; at: Date; ruleIds: readonly RuleId[] },
): Promise<void> {
  await run(
    db,
    tables.insertInto('maintenance_window').values({
      id: w.id, municipality_id: w.municipalityId, system_id: w.systemId, kind: w.kind, starts_at: w.from, ends_at: w.to, reason: w.reason, reason_en: w.reasonEn,
      planned_by_id: w.plannedBy, planned_on_behalf_of_id: w.onBehalfOf, planned_at: w.at, rule_ids: [...w.ruleIds],
    }),
  );
}

export async function maintenanceWindowById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<MaintenanceWindowRow | undefined> {
  return first(db, windows().where('w.id', '=', id).$if(opts.lock === true, (q) => q.forUpdate()));
}

/** Every window of a system (planned, announced, cancelled) meeting [from, to), by start. */
export async function maintenanceWindowsOfSystem(db: Db, systemId: string, range: { from?: Date | null; to?: Date | null } = {}): Promise<MaintenanceWindowRow[]> {
  return run(
    db,
    windows()
      .where('w.system_id', '=', systemId)
      .$if(Boolean(range.from), (q) => q.where('w.ends_at', '>', range.from!))
      .$if(Boolean(range.to), (q) => q.where('w.starts_at', '<', range.to!))
      .orderBy('w.starts_at')
      .orderBy('w.id'),
  );
}

/** Announced, not cancelled windows of systems ending after an instant: the calendar exceptions in force. */
export async function windowsInForce(db: Db, systemIds: readonly string[], after: Date): Promise<MaintenanceWindowRow[]> {
  return run(
    db,
    windows()
      .where('w.system_id', '=', anyOf(systemIds, 'uuid'))
      .where('w.announced_at', 'is not', null)
      .where('w.cancelled_at', 'is', null)
      .where('w.ends_at', '>', after)
      .orderBy('w.starts_at')
      .orderBy('w.id'),
  );
}

/** Stops in force at an instant, with their systems, by system name. */
export async function stopsAt(db: Db, at: Date): Promise<MaintenanceWindowRow[]> {
  return run(
    db,
    windows()
      .innerJoin('system as s', 's.id', 'w.system_id')
      .where('w.kind', '=', 'closed')
      .where('w.announced_at', 'is not', null)
      .where('w.cancelled_at', 'is', null)
      .where('w.starts_at', '<=', at)
      .where('w.ends_at', '>', at)
      .orderBy('s.name')
      .orderBy('w.starts_at'),
  );
}

export async function announceWindow(db: Db, id: string, by: string, at: Date, ruleIds: readonly RuleId[]): Promise<MaintenanceWindowRow | undefined> {
  return first(
    db,
    tables
      .updateTable('maintenance_window as w')
      .set({ announced_at: at, announced_by_id: by, rule_ids: [...ruleIds], version: (eb) => eb(eb.ref('w.version'), '+', 1) })
      .where('w.id', '=', id)
      .where('w.announced_at', 'is', null)
      .where('w.cancelled_at', 'is', null)
      .returning(WINDOW_COLUMNS),
  );
}

export async function cancelWindow(db: Db, id: string, by: string, at: Date, reason: string): Promise<MaintenanceWindowRow | undefined> {
  return first(
    db,
    tables
      .updateTable('maintenance_window as w')
      .set({ cancelled_at: at, cancelled_by_id: by, cancel_reason: reason, version: (eb) => eb(eb.ref('w.version'), '+', 1) })
      .where('w.id', '=', id)
      .where('w.cancelled_at', 'is', null)
      .returning(WINDOW_COLUMNS),
  );
}

// ---- using sections and who heads them ------------------------------------------------------------------

export interface UsingSectionHeadRow {
  org_unit_id: string;
  org_unit_name: string;
  parent_name: string | null;
  /** The head position told: the section's own, or (when it has none held) the nearest one above. */
  position_id: string | null;
  position_name: string | null;
  /** Current holders of that position on the date. */
  staff_ids: string[];
}

/**
 * Every using section (system_using_org_unit) of a system, with the holders of its head position on
 * a date (課長, 室長, 所長 …). A section whose head position is vacant falls back to the nearest head
 * above it, so that somebody is always told.
 */
export async function usingSectionHeads(db: Db, systemId: string, on: string): Promise<UsingSectionHeadRow[]> {
  return rows(db, `with recursive up(section_id, unit_id, parent_id, depth) as (
      select u.org_unit_id, o.id, o.parent_id, 0 from system_using_org_unit u join org_unit o on o.id = u.org_unit_id where u.system_id = $1
      union all select up.section_id, o.id, o.parent_id, up.depth + 1 from up join org_unit o on o.id = up.parent_id where up.depth < 12),
    heads as (
      select distinct on (up.section_id) up.section_id, p.id as position_id, p.name as position_name
        from up join position p on p.org_unit_id = up.unit_id and p.kind = 'head'
        where exists (select 1 from position_tenure t where t.position_id = p.id and t.valid_from <= $2::date and (t.valid_to is null or t.valid_to > $2::date))
        order by up.section_id, up.depth, p.sort_order, p.id)
    select u.org_unit_id, o.name as org_unit_name, par.name as parent_name, h.position_id, h.position_name,
      coalesce(array(select t.staff_id::text from position_tenure t where t.position_id = h.position_id and t.valid_from <= $2::date and (t.valid_to is null or t.valid_to > $2::date) order by t.valid_from, t.staff_id), '{}') as staff_ids
    from system_using_org_unit u join org_unit o on o.id = u.org_unit_id left join org_unit par on par.id = o.parent_id
      left join heads h on h.section_id = u.org_unit_id
    where u.system_id = $1 order by u.sort_order, o.sort_order, o.id`, [systemId, on]);
}

/** Current holders of the positions bound to roles of a rulebook (escalation recipients). */
export async function holdersOfRoles(db: Db, rulebookId: string, roleKeys: readonly string[], on: string): Promise<{ role_key: string; position_id: string; position_name: string; staff_id: string }[]> {
  return rows(db, `select distinct b.role_key, p.id as position_id, p.name as position_name, t.staff_id
      from role_binding b join position p on p.id = b.position_id
      join position_tenure t on t.position_id = p.id and t.valid_from <= $3::date and (t.valid_to is null or t.valid_to > $3::date)
    where b.rulebook_id = $1 and b.role_key = any($2::text[]) order by b.role_key, p.name, t.staff_id`, [rulebookId, roleKeys, on]);
}

// ---- incidents ----------------------------------------------------------------------------------------------

export type { IncidentStatus };

const INCIDENT_COLUMNS = [
  'i.id', 'i.system_id', 'i.fiscal_year', 'i.number', 'i.title', 'i.description', 'i.occurred_at', 'i.detected_at', 'i.reported_by_id', 'i.reported_on_behalf_of_id',
  'i.reported_at', 'i.severity', 'i.residents_affected', 'i.degraded_operation', 'i.status', 'i.cause', 'i.recovery_eta', 'i.resolved_at', 'i.resolved_by_id',
  'i.resolution_recorded_at', 'i.analysis', 'i.preventive_measures', 'i.analysis_by_id', 'i.analysis_recorded_at', 'i.confirmed_by_id', 'i.confirmed_on_behalf_of_id',
  'i.confirmed_at', 'i.escalated_at', 'i.rule_ids', 'i.version',
] as const;

const incidents = () => tables.selectFrom('incident as i').select(INCIDENT_COLUMNS);

/** An incident (障害等対応連絡票) as the repositories read it: its columns, typed from the entity. */
export type IncidentRow = Stored<InferResult<ReturnType<typeof incidents>>[number]>;

/** The next number of a fiscal year, gapless under concurrency (the counter row is locked by the upsert). */
export async function nextIncidentSeq(db: Db, municipalityId: string, fiscalYear: number): Promise<number> {
  const r = await first(
    db,
    tables
      .insertInto('incident_counter')
      .values({ municipality_id: municipalityId, fiscal_year: fiscalYear, last: 1 })
      .onConflict((oc) => oc.columns(['municipality_id', 'fiscal_year']).doUpdateSet((eb) => ({ last: eb(eb.ref('incident_counter.last'), '+', 1) })))
      .returning('last'),
  );
  return r!.last;
}

export interface NewIncident {
  id: string;
  municipalityId: string;
  systemId: string;
  fiscalYear: number;
  number: string;
  title: string;
  description: string;
  occurredAt: Date;
  detectedAt: Date;
  reportedBy: string;
  onBehalfOf: string | null;
  reportedAt: Date;
  severity: IncidentRow['severity'];
  residentsAffected: boolean;
  degradedOperation: string | null;
  cause: string | null;
  recoveryEta: Date | null;
  ruleIds: readonly RuleId[];
}

export async function insertIncident(db: Db, i: NewIncident): Promise<void> {
  await run(
    db,
    tables.insertInto('incident').values({
      id: i.id, municipality_id: i.municipalityId, system_id: i.systemId, fiscal_year: i.fiscalYear, number: i.number, title: i.title, description: i.description,
      occurred_at: i.occurredAt, detected_at: i.detectedAt, reported_by_id: i.reportedBy, reported_on_behalf_of_id: i.onBehalfOf, reported_at: i.reportedAt,
      severity: i.severity, residents_affected: i.residentsAffected, degraded_operation: i.degradedOperation, status: 'reported', cause: i.cause,
      recovery_eta: i.recoveryEta, rule_ids: [...i.ruleIds],
    }),
  );
}

export async function incidentById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<IncidentRow | undefined> {
  return first(db, incidents().where('i.id', '=', id).$if(opts.lock === true, (q) => q.forUpdate()));
}

export async function incidentsByIds(db: Db, ids: readonly string[]): Promise<IncidentRow[]> {
  return run(db, incidents().where('i.id', '=', anyOf(ids, 'uuid')));
}

export interface IncidentFilter {
  systemId?: string | null;
  statuses?: IncidentStatus[] | null;
  /** Occurred at or after. */
  from?: Date | null;
  /** Occurred before. */
  to?: Date | null;
  limit: number;
}

/** Incidents, latest occurrence first. */
export async function listIncidents(db: Db, f: IncidentFilter): Promise<IncidentRow[]> {
  return run(
    db,
    incidents()
      .$if(Boolean(f.systemId), (q) => q.where('i.system_id', '=', f.systemId!))
      .$if(Boolean(f.statuses?.length), (q) => q.where('i.status', '=', anyOf(f.statuses!, 'text')))
      .$if(Boolean(f.from), (q) => q.where('i.occurred_at', '>=', f.from!))
      .$if(Boolean(f.to), (q) => q.where('i.occurred_at', '<', f.to!))
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.number', 'desc')
      .limit(f.limit),
  );
}

/** What an incident's transitions change (incident.service.ts). */
export type IncidentPatch = Partial<
  Pick<Updateable<Database['incident']>,
    | 'status' | 'cause' | 'degraded_operation' | 'analysis' | 'preventive_measures' | 'analysis_by_id' | 'resolved_by_id' | 'confirmed_by_id'
    | 'confirmed_on_behalf_of_id' | 'recovery_eta' | 'resolved_at' | 'resolution_recorded_at' | 'analysis_recorded_at' | 'confirmed_at' | 'escalated_at'>
>;

export async function updateIncident(db: Db, id: string, patch: IncidentPatch): Promise<IncidentRow> {
  const updated = await first(
    db,
    tables
      .updateTable('incident as i')
      .set({ ...patch, version: (eb) => eb(eb.ref('i.version'), '+', 1) })
      .where('i.id', '=', id)
      .returning(INCIDENT_COLUMNS),
  );
  return updated!;
}

const INCIDENT_UPDATE_COLUMNS = ['id', 'incident_id', 'seq', 'at', 'by_id', 'on_behalf_of_id', 'kind', 'status', 'recovery_eta', 'cause', 'degraded_operation', 'note', 'rule_ids'] as const;

const incidentUpdates = () => tables.selectFrom('incident_update').select(INCIDENT_UPDATE_COLUMNS);

/** An entry of an incident's log. */
export type IncidentUpdateRow = Stored<InferResult<ReturnType<typeof incidentUpdates>>[number]>;

/** Appends to an incident's log (call with the incident row locked: seq follows the last). */
export async function appendIncidentUpdate(
  db: Db,
  municipalityId: string,
  u: { incidentId: string; at: Date; by: string; onBehalfOf: string | null; kind: IncidentUpdateRow['kind']; status: IncidentStatus | null; recoveryEta?: Date | null; cause?: string | null; degradedOperation?: string | null; note?: string | null; ruleIds: readonly RuleId[] },
): Promise<void> {
  await run(
    db,
    tables.insertInto('incident_update').values((eb) => ({
      id: eb.fn<string>('gen_random_uuid'),
      municipality_id: municipalityId,
      incident_id: u.incidentId,
      seq: eb.selectFrom('incident_update').select((s) => s(s.fn.coalesce(s.fn.max('seq'), s.lit(0)), '+', 1).as('next')).where('incident_id', '=', u.incidentId),
      at: u.at, by_id: u.by, on_behalf_of_id: u.onBehalfOf, kind: u.kind, status: u.status, recovery_eta: u.recoveryEta ?? null, cause: u.cause ?? null,
      degraded_operation: u.degradedOperation ?? null, note: u.note ?? null, rule_ids: [...u.ruleIds],
    })),
  );
}

export async function updatesOfIncidents(db: Db, incidentIds: readonly string[]): Promise<IncidentUpdateRow[]> {
  return run(db, incidentUpdates().where('incident_id', '=', anyOf(incidentIds, 'uuid')).orderBy('incident_id').orderBy('seq'));
}

export async function insertIncidentNotices(
  db: Db,
  municipalityId: string,
  notices: { incidentId: string; orgUnitId: string; kind: 'occurrence' | 'resolution'; positionId: string | null; staffIds: string[]; sentAt: Date | null; ruleIds: readonly RuleId[] }[],
): Promise<void> {
  if (!notices.length) return;
  await exec(db, `insert into incident_notice (id, municipality_id, incident_id, org_unit_id, kind, recipient_position_id, recipient_staff_ids, sent_at, rule_ids)
    select gen_random_uuid(), $1, (n->>'incidentId')::uuid, (n->>'orgUnitId')::uuid, n->>'kind', (n->>'positionId')::uuid,
      array(select jsonb_array_elements_text(n->'staffIds'))::uuid[], (n->>'sentAt')::timestamptz, array(select jsonb_array_elements_text(n->'ruleIds'))
    from jsonb_array_elements($2::jsonb) n`, [municipalityId, JSON.stringify(notices)]);
}

const incidentNotices = (incidentIds: readonly string[]) =>
  tables
    .selectFrom('incident_notice as n')
    .innerJoin('org_unit as o', 'o.id', 'n.org_unit_id')
    .leftJoin('org_unit as par', 'par.id', 'o.parent_id')
    .leftJoin('position as p', 'p.id', 'n.recipient_position_id')
    .leftJoin('system_using_org_unit as u', (join) =>
      join.onRef('u.org_unit_id', '=', 'n.org_unit_id').on('u.system_id', '=', (eb) => eb.selectFrom('incident').select('incident.system_id').whereRef('incident.id', '=', 'n.incident_id')),
    )
    .select([
      'n.id', 'n.incident_id', 'n.org_unit_id', 'o.name as org_unit_name', 'par.name as parent_name', 'n.kind', 'n.recipient_position_id',
      'p.name as recipient_position_name', raw<string[]>`n.recipient_staff_ids::text[]`.as('recipient_staff_ids'), 'n.sent_at', 'n.rule_ids',
    ])
    .where('n.incident_id', '=', anyOf(incidentIds, 'uuid'))
    .orderBy('n.incident_id')
    .orderBy('n.kind')
    .orderBy('u.sort_order', (o) => o.asc().nullsLast())
    .orderBy('o.sort_order')
    .orderBy('o.id');

/** A continuation notice to a using section, with the names it is shown with. */
export type IncidentNoticeRow = Stored<InferResult<ReturnType<typeof incidentNotices>>[number]>;

export async function noticesOfIncidents(db: Db, incidentIds: readonly string[]): Promise<IncidentNoticeRow[]> {
  return run(db, incidentNotices(incidentIds));
}
