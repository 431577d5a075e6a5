// KWO-5-3 check sheets (点検シート 第2号様式): four a year at each using place of the ward office
// system, recorded by its システム利用責任者 (decideCheckSheet).
import { randomUUID } from 'node:crypto';
import { registersRepo, type Db } from '@tsukasa/db';
import {
  CHECK_SHEET_RULE_IDS,
  checkSheetPlaces,
  checkSheetRecorded,
  checkSheetSchedule,
  decideCheckSheet,
  fiscalYearErrors,
  fiscalYearOf,
  usingPlaceRefusal,
  type CheckSheetSlot,
  type InspectionResult,
  type RuleId,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, refusalError, throwRefusal } from '../../graphql/errors.ts';
import { actorOf, allowedOrThrow, audit, idOrThrow, labelsOf, todayOf } from './register-support.ts';

async function usingPlaces(db: Db): Promise<string[]> {
  const systems = await registersRepo.systemFacts(db, { rulebookId: 'KWO' });
  return checkSheetPlaces(
    systems.map((s) => ({
      rulebookId: s.rulebook_id,
      managingOrgUnitId: s.managing_org_unit_id,
      lifecycleStatus: s.lifecycle_status,
      usingOrgUnitIds: s.using_org_unit_ids,
    })),
  );
}

/** KWO-2-4: the org unit is a using place of the ward office system. */
export async function placeOrThrow(db: Db, orgUnitId: string, ruleIds: RuleId[]): Promise<void> {
  idOrThrow(orgUnitId, ['input', 'orgUnitId']);
  throwRefusal(usingPlaceRefusal(orgUnitId, await usingPlaces(db), ruleIds));
}

export interface CheckSheetInput {
  orgUnitId: string;
  fiscalYear: number;
  quarter: number;
  checkedOn: string;
  result: InspectionResult;
  measures?: string | null;
}

/** KWO-5-3: the システム利用責任者 records the place's check sheet (第2号様式) of a quarter. */
export async function recordCheckSheet(ctx: Context, input: CheckSheetInput): Promise<registersRepo.InspectionRow> {
  const db = await ctx.db.em();
  await placeOrThrow(db, input.orgUnitId, CHECK_SHEET_RULE_IDS);
  const d = allowedOrThrow(decideCheckSheet(input, await actorOf(ctx, db), todayOf(ctx)));
  if (await registersRepo.checkSheetOf(db, input.orgUnitId, input.fiscalYear, input.quarter))
    throw refusalError(checkSheetRecorded(input.fiscalYear, d.quarter));
  const id = randomUUID();
  await registersRepo.insertInspection(db, {
    id,
    municipalityId: ctx.viewer!.municipalityId,
    kind: 'check_sheet',
    rulebookId: 'KWO',
    orgUnitId: input.orgUnitId,
    systemId: null,
    scope: d.scope,
    conductedOn: input.checkedOn,
    fiscalYear: input.fiscalYear,
    quarter: input.quarter,
    result: input.result,
    summary: input.measures?.trim() || null,
    by: ctx.viewer!.staffId,
    onBehalfOf: d.onBehalfOfStaffId,
    at: ctx.now(),
    ruleIds: d.ruleIds,
  });
  await audit(ctx, db, 'inspection', id, d.audit);
  return (await registersRepo.inspectionById(db, id))!;
}

export interface CheckSheetDueOut extends CheckSheetSlot {
  orgUnitId: string;
  orgUnitName: string;
  inspectionId: string | null;
}

/** The check sheets of the given quarters at every using place, and where each stands today. */
export async function checkSheetSlots(db: Db, quarters: { fiscalYear: number; quarter: number }[], today: string): Promise<CheckSheetDueOut[]> {
  const places = await usingPlaces(db);
  if (places.length === 0) return [];
  const years = [...new Set(quarters.map((q) => q.fiscalYear))].sort((a, b) => a - b);
  const [sheets, labels] = await Promise.all([
    Promise.all(years.map((fiscalYear) => registersRepo.inspections(db, { kind: 'check_sheet', fiscalYear }))).then((l) => l.flat()),
    labelsOf(db, places),
  ]);
  return places.flatMap((place) =>
    years.flatMap((fy) => {
      const mine = sheets.filter((s) => s.org_unit_id === place && s.fiscal_year === fy);
      return checkSheetSchedule(
        fy,
        today,
        mine.map((s) => ({ quarter: s.quarter!, checkedOn: s.conducted_on })),
      )
        .filter((slot) => quarters.some((q) => q.fiscalYear === fy && q.quarter === slot.quarter))
        .map((slot) => ({
          ...slot,
          orgUnitId: place,
          orgUnitName: labels.get(place) ?? '',
          inspectionId: mine.find((s) => s.quarter === slot.quarter)?.id ?? null,
        }));
    }),
  );
}

/** KWO-5-3: the four check sheets of a fiscal year (default: the current one) at every using place. */
export async function checkSheetsDue(ctx: Context, fiscalYear: number | null): Promise<CheckSheetDueOut[]> {
  const today = todayOf(ctx);
  const fy = fiscalYear ?? fiscalYearOf(today);
  const errors = fiscalYearErrors(fy);
  if (errors.length) throw badInput(errors);
  return checkSheetSlots(
    await ctx.db.em(),
    [1, 2, 3, 4].map((quarter) => ({ fiscalYear: fy, quarter })),
    today,
  );
}
