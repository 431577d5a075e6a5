// Inspections (ARK-29, KWO-5-3): audits, self-inspections and the quarterly check sheets.
import type { RuleId } from '@tsukasa/domain';
import type { InferResult } from 'kysely';
import { first, run, tables, type Db, type Stored } from '../sql.ts';
import { isoDay, staffName, unitLabel } from './names.ts';

const inspectionRows = () =>
  tables
    .selectFrom('inspection as i')
    .leftJoin('system as s', 's.id', 'i.system_id')
    .select((eb) => [
      'i.id',
      'i.kind',
      'i.rulebook_id',
      'i.org_unit_id',
      unitLabel(eb.ref('i.org_unit_id')).as('org_unit_name'),
      'i.system_id',
      's.name as system_name',
      'i.scope',
      isoDay(eb.ref('i.conducted_on')).as('conducted_on'),
      'i.fiscal_year',
      'i.quarter',
      'i.result',
      'i.summary',
      staffName(eb.ref('i.recorded_by_id')).as('recorded_by_name'),
      'i.recorded_at',
      'i.rule_ids',
    ]);

/** An audit, a self-inspection or a check sheet, with the names it is shown with. */
export type InspectionRow = Stored<InferResult<ReturnType<typeof inspectionRows>>[number]>;

export async function inspections(
  db: Db,
  filter: { kind?: InspectionRow['kind'] | null; fiscalYear?: number | null; orgUnitId?: string | null },
): Promise<InspectionRow[]> {
  return run(
    db,
    inspectionRows()
      .$if(filter.kind != null, (q) => q.where('i.kind', '=', filter.kind!))
      .$if(filter.fiscalYear != null, (q) => q.where('i.fiscal_year', '=', filter.fiscalYear!))
      .$if(filter.orgUnitId != null, (q) => q.where('i.org_unit_id', '=', filter.orgUnitId!))
      .orderBy('i.conducted_on', 'desc')
      .orderBy('i.recorded_at', 'desc'),
  );
}

export async function inspectionById(db: Db, id: string): Promise<InspectionRow | undefined> {
  return first(db, inspectionRows().where('i.id', '=', id));
}

export async function checkSheetOf(db: Db, orgUnitId: string, fiscalYear: number, quarter: number): Promise<{ id: string } | undefined> {
  return first(
    db,
    tables
      .selectFrom('inspection')
      .select('id')
      .where('kind', '=', 'check_sheet')
      .where('org_unit_id', '=', orgUnitId)
      .where('fiscal_year', '=', fiscalYear)
      .where('quarter', '=', quarter),
  );
}

export async function insertInspection(
  db: Db,
  i: {
    id: string;
    municipalityId: string;
    kind: InspectionRow['kind'];
    rulebookId: string;
    orgUnitId: string | null;
    systemId: string | null;
    scope: string;
    conductedOn: string;
    fiscalYear: number;
    quarter: number | null;
    result: InspectionRow['result'];
    summary: string | null;
    by: string;
    onBehalfOf: string | null;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('inspection').values({
      id: i.id,
      municipality_id: i.municipalityId,
      kind: i.kind,
      rulebook_id: i.rulebookId,
      org_unit_id: i.orgUnitId,
      system_id: i.systemId,
      scope: i.scope,
      conducted_on: i.conductedOn,
      fiscal_year: i.fiscalYear,
      quarter: i.quarter,
      result: i.result,
      summary: i.summary,
      recorded_by_id: i.by,
      on_behalf_of_id: i.onBehalfOf,
      recorded_at: i.at,
      rule_ids: [...i.ruleIds],
    }),
  );
}
