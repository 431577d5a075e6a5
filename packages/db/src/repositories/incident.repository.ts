import type { IncidentStatus, RuleId } from '@tsukasa/domain';
// Incidents (SPEC §6): the 障害等対応連絡票 record of a system, its log and the continuation notices
// to the using sections (MNT-22-4).
import { sql as raw, type InferResult, type Updateable } from 'kysely';
import type { Database } from '../entities/kysely.types.ts';
import { anyOf, exec, first, run, tables, type Db, type Stored } from './sql.ts';

// ---- incidents ----------------------------------------------------------------------------------------------

export type { IncidentStatus };

const INCIDENT_COLUMNS = [
  'i.id',
  'i.system_id',
  'i.fiscal_year',
  'i.number',
  'i.title',
  'i.description',
  'i.occurred_at',
  'i.detected_at',
  'i.reported_by_id',
  'i.reported_on_behalf_of_id',
  'i.reported_at',
  'i.severity',
  'i.residents_affected',
  'i.degraded_operation',
  'i.status',
  'i.cause',
  'i.recovery_eta',
  'i.resolved_at',
  'i.resolved_by_id',
  'i.resolution_recorded_at',
  'i.analysis',
  'i.preventive_measures',
  'i.analysis_by_id',
  'i.analysis_recorded_at',
  'i.confirmed_by_id',
  'i.confirmed_on_behalf_of_id',
  'i.confirmed_at',
  'i.escalated_at',
  'i.rule_ids',
  'i.version',
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
      id: i.id,
      municipality_id: i.municipalityId,
      system_id: i.systemId,
      fiscal_year: i.fiscalYear,
      number: i.number,
      title: i.title,
      description: i.description,
      occurred_at: i.occurredAt,
      detected_at: i.detectedAt,
      reported_by_id: i.reportedBy,
      reported_on_behalf_of_id: i.onBehalfOf,
      reported_at: i.reportedAt,
      severity: i.severity,
      residents_affected: i.residentsAffected,
      degraded_operation: i.degradedOperation,
      status: 'reported',
      cause: i.cause,
      recovery_eta: i.recoveryEta,
      rule_ids: [...i.ruleIds],
    }),
  );
}

export async function incidentById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<IncidentRow | undefined> {
  return first(
    db,
    incidents()
      .where('i.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate()),
  );
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
  Pick<
    Updateable<Database['incident']>,
    | 'status'
    | 'cause'
    | 'degraded_operation'
    | 'analysis'
    | 'preventive_measures'
    | 'analysis_by_id'
    | 'resolved_by_id'
    | 'confirmed_by_id'
    | 'confirmed_on_behalf_of_id'
    | 'recovery_eta'
    | 'resolved_at'
    | 'resolution_recorded_at'
    | 'analysis_recorded_at'
    | 'confirmed_at'
    | 'escalated_at'
  >
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

const INCIDENT_UPDATE_COLUMNS = [
  'id',
  'incident_id',
  'seq',
  'at',
  'by_id',
  'on_behalf_of_id',
  'kind',
  'status',
  'recovery_eta',
  'cause',
  'degraded_operation',
  'note',
  'rule_ids',
] as const;

const incidentUpdates = () => tables.selectFrom('incident_update').select(INCIDENT_UPDATE_COLUMNS);

/** An entry of an incident's log. */
export type IncidentUpdateRow = Stored<InferResult<ReturnType<typeof incidentUpdates>>[number]>;

/** Appends to an incident's log (call with the incident row locked: seq follows the last). */
export async function appendIncidentUpdate(
  db: Db,
  municipalityId: string,
  u: {
    incidentId: string;
    at: Date;
    by: string;
    onBehalfOf: string | null;
    kind: IncidentUpdateRow['kind'];
    status: IncidentStatus | null;
    recoveryEta?: Date | null;
    cause?: string | null;
    degradedOperation?: string | null;
    note?: string | null;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('incident_update').values((eb) => ({
      id: eb.fn<string>('gen_random_uuid'),
      municipality_id: municipalityId,
      incident_id: u.incidentId,
      seq: eb
        .selectFrom('incident_update')
        .select((s) => s(s.fn.coalesce(s.fn.max('seq'), s.lit(0)), '+', 1).as('next'))
        .where('incident_id', '=', u.incidentId),
      at: u.at,
      by_id: u.by,
      on_behalf_of_id: u.onBehalfOf,
      kind: u.kind,
      status: u.status,
      recovery_eta: u.recoveryEta ?? null,
      cause: u.cause ?? null,
      degraded_operation: u.degradedOperation ?? null,
      note: u.note ?? null,
      rule_ids: [...u.ruleIds],
    })),
  );
}

export async function updatesOfIncidents(db: Db, incidentIds: readonly string[]): Promise<IncidentUpdateRow[]> {
  return run(db, incidentUpdates().where('incident_id', '=', anyOf(incidentIds, 'uuid')).orderBy('incident_id').orderBy('seq'));
}

export async function insertIncidentNotices(
  db: Db,
  municipalityId: string,
  notices: {
    incidentId: string;
    orgUnitId: string;
    kind: 'occurrence' | 'resolution';
    positionId: string | null;
    staffIds: string[];
    sentAt: Date | null;
    ruleIds: readonly RuleId[];
  }[],
): Promise<void> {
  if (!notices.length) return;
  await exec(
    db,
    `insert into incident_notice (id, municipality_id, incident_id, org_unit_id, kind, recipient_position_id, recipient_staff_ids, sent_at, rule_ids)
    select gen_random_uuid(), $1, (n->>'incidentId')::uuid, (n->>'orgUnitId')::uuid, n->>'kind', (n->>'positionId')::uuid,
      array(select jsonb_array_elements_text(n->'staffIds'))::uuid[], (n->>'sentAt')::timestamptz, array(select jsonb_array_elements_text(n->'ruleIds'))
    from jsonb_array_elements($2::jsonb) n`,
    [municipalityId, JSON.stringify(notices)],
  );
}

const incidentNotices = (incidentIds: readonly string[]) =>
  tables
    .selectFrom('incident_notice as n')
    .innerJoin('org_unit as o', 'o.id', 'n.org_unit_id')
    .leftJoin('org_unit as par', 'par.id', 'o.parent_id')
    .leftJoin('position as p', 'p.id', 'n.recipient_position_id')
    .leftJoin('system_using_org_unit as u', (join) =>
      join
        .onRef('u.org_unit_id', '=', 'n.org_unit_id')
        .on('u.system_id', '=', (eb) => eb.selectFrom('incident').select('incident.system_id').whereRef('incident.id', '=', 'n.incident_id')),
    )
    .select([
      'n.id',
      'n.incident_id',
      'n.org_unit_id',
      'o.name as org_unit_name',
      'par.name as parent_name',
      'n.kind',
      'n.recipient_position_id',
      'p.name as recipient_position_name',
      raw<string[]>`n.recipient_staff_ids::text[]`.as('recipient_staff_ids'),
      'n.sent_at',
      'n.rule_ids',
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
