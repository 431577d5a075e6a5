import type { RuleId } from '@tsukasa/domain';
// Maintenance windows (SPEC §6) of systems — stops and temporary extensions of their operating hours —
// and the using sections told of them and of incidents, with who heads them (MNT-15-2, KTM-15-2, MNT-22-4).
import type { InferResult } from 'kysely';
import { anyOf, first, rows, run, tables, type Db, type Stored } from './sql.ts';

// ---- maintenance windows ------------------------------------------------------------------------------

/** A window's columns; the access decision's one statement reads them too (access/facts.repository.ts decisionFacts). */
export const WINDOW_COLUMNS = [
  'w.id',
  'w.system_id',
  'w.kind',
  'w.starts_at',
  'w.ends_at',
  'w.reason',
  'w.reason_en',
  'w.planned_by_id',
  'w.planned_on_behalf_of_id',
  'w.planned_at',
  'w.announced_at',
  'w.announced_by_id',
  'w.cancelled_at',
  'w.cancelled_by_id',
  'w.cancel_reason',
  'w.rule_ids',
  'w.version',
] as const;

const windows = () => tables.selectFrom('maintenance_window as w').select(WINDOW_COLUMNS);

/** A maintenance window (計画停止・臨時稼働) as the repositories read it, typed from the entity. */
export type MaintenanceWindowRow = Stored<InferResult<ReturnType<typeof windows>>[number]>;

export async function insertMaintenanceWindow(
  db: Db,
  w: {
    id: string;
    municipalityId: string;
    systemId: string;
    kind: MaintenanceWindowRow['kind'];
    from: Date;
    to: Date;
    reason: string;
    reasonEn: string | null;
    plannedBy: string;
    onBehalfOf: string | null;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('maintenance_window').values({
      id: w.id,
      municipality_id: w.municipalityId,
      system_id: w.systemId,
      kind: w.kind,
      starts_at: w.from,
      ends_at: w.to,
      reason: w.reason,
      reason_en: w.reasonEn,
      planned_by_id: w.plannedBy,
      planned_on_behalf_of_id: w.onBehalfOf,
      planned_at: w.at,
      rule_ids: [...w.ruleIds],
    }),
  );
}

export async function maintenanceWindowById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<MaintenanceWindowRow | undefined> {
  return first(
    db,
    windows()
      .where('w.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate()),
  );
}

/** Every window of a system (planned, announced, cancelled) meeting [from, to), by start. */
export async function maintenanceWindowsOfSystem(
  db: Db,
  systemId: string,
  range: { from?: Date | null; to?: Date | null } = {},
): Promise<MaintenanceWindowRow[]> {
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
  return rows(
    db,
    `with recursive up(section_id, unit_id, parent_id, depth) as (
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
    where u.system_id = $1 order by u.sort_order, o.sort_order, o.id`,
    [systemId, on],
  );
}

/** Current holders of the positions bound to roles of a rulebook (escalation recipients). */
export async function holdersOfRoles(
  db: Db,
  rulebookId: string,
  roleKeys: readonly string[],
  on: string,
): Promise<{ role_key: string; position_id: string; position_name: string; staff_id: string }[]> {
  return rows(
    db,
    `select distinct b.role_key, p.id as position_id, p.name as position_name, t.staff_id
      from role_binding b join position p on p.id = b.position_id
      join position_tenure t on t.position_id = p.id and t.valid_from <= $3::date and (t.valid_to is null or t.valid_to > $3::date)
    where b.rulebook_id = $1 and b.role_key = any($2::text[]) order by b.role_key, p.name, t.staff_id`,
    [rulebookId, roleKeys, on],
  );
}
