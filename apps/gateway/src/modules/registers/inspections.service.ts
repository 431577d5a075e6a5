// ARK-29 audits and self-inspections: recorded by the セキュリティ委員会 and by each chief of their
// own section (decideInspection).
import { randomUUID } from 'node:crypto';
import { registersRepo } from '@tsukasa/db';
import { decideInspection, inspectionTargetRefusal, type InspectionKind, type InspectionResult } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { throwRefusal } from '../../graphql/errors.ts';
import { actorOf, allowedOrThrow, audit, municipalityRulebooks, systemOrThrow, todayOf } from './register-support.ts';

export async function inspections(ctx: Context, filter: { kind?: InspectionKind | null; fiscalYear?: number | null }): Promise<registersRepo.InspectionRow[]> {
  return registersRepo.inspections(await ctx.db.em(), filter);
}

export interface InspectionInput {
  kind: 'audit' | 'self_inspection';
  orgUnitId?: string | null;
  systemId?: string | null;
  scope: string;
  conductedOn: string;
  result: InspectionResult;
  summary?: string | null;
}

/** ARK-29-1 audits (the セキュリティ委員会) and ARK-29-2 self-inspections (each chief, of their own section). */
export async function recordInspection(ctx: Context, input: InspectionInput): Promise<registersRepo.InspectionRow> {
  const db = await ctx.db.em();
  const rulebookIds = await municipalityRulebooks(ctx, db);
  const orgUnitId = input.orgUnitId || null;
  const orgUnitIdMalformed = orgUnitId !== null && !isUuid(orgUnitId);
  const orgUnitFound = !orgUnitId || orgUnitIdMalformed || (await registersRepo.orgUnitLabels(db, [orgUnitId])).length > 0;
  const entry = { ...input, rulebookIds, orgUnitId, orgUnitIdMalformed, orgUnitFound };
  throwRefusal(inspectionTargetRefusal(entry));
  if (input.systemId) await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const d = allowedOrThrow(decideInspection(entry, await actorOf(ctx, db), todayOf(ctx)));
  const id = randomUUID();
  await registersRepo.insertInspection(db, {
    id,
    municipalityId: ctx.viewer!.municipalityId,
    kind: input.kind,
    rulebookId: d.rulebookId,
    orgUnitId,
    systemId: input.systemId || null,
    scope: input.scope.trim(),
    conductedOn: input.conductedOn,
    fiscalYear: d.fiscalYear,
    quarter: null,
    result: input.result,
    summary: input.summary?.trim() || null,
    by: ctx.viewer!.staffId,
    onBehalfOf: d.onBehalfOfStaffId,
    at: ctx.now(),
    ruleIds: d.ruleIds,
  });
  await audit(ctx, db, 'inspection', id, d.audit);
  return (await registersRepo.inspectionById(db, id))!;
}
