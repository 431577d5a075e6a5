// Monthly processing plans (ARK-8): each section using a system デジタル推進課 manages reports next
// month's plan, sends the input data, gets it back and checks the output. The decisions are the
// domain's (decidePlanSubmission, decidePlanItemStep); this loads, persists, audits and notifies.
import { randomUUID } from 'node:crypto';
import { registersRepo, requestRepo, toDate, type Db } from '@tsukasa/db';
import {
  PROCESSING_PLAN_RULE_IDS,
  addMonths,
  decidePlanItemStep,
  decidePlanSubmission,
  localDateAt,
  monthFilterErrors,
  monthOf,
  planAlreadyReported,
  planItemStepNotice,
  planItemStepRecorded,
  planSubmittedNotice,
  processingPlanObligations,
  processingPlanStatus,
  type OutputResult,
  type PlanItemStep,
  type PlanSystemFact,
  type ProcessingPlanStatus,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, notFound, refusalError } from '../../graphql/errors.ts';
import { actorOf, allowedOrThrow, audit, idOrThrow, labelsOf, notifyPositions, roleHolderPositions, systemOrThrow, todayOf } from './register-support.ts';

export interface PlanOut {
  plan: registersRepo.PlanRow;
  items: registersRepo.PlanItemRow[];
}

export async function plansOut(db: Db, list: registersRepo.PlanRow[]): Promise<PlanOut[]> {
  const items = list.length
    ? await registersRepo.itemsOfPlans(
        db,
        list.map((p) => p.id),
      )
    : [];
  return list.map((plan) => ({ plan, items: items.filter((i) => i.plan_id === plan.id) }));
}

const monthOrThrow = (month: string | null | undefined) => {
  const errors = monthFilterErrors(month);
  if (errors.length) throw badInput(errors);
};

export async function processingPlans(ctx: Context, filter: { month?: string | null; systemId?: string | null }): Promise<PlanOut[]> {
  monthOrThrow(filter.month);
  if (filter.systemId) idOrThrow(filter.systemId, ['systemId']);
  const db = await ctx.db.em();
  return plansOut(db, await registersRepo.plans(db, { months: filter.month ? [filter.month] : null, systemId: filter.systemId }));
}

export interface PlanDueOut extends ProcessingPlanStatus {
  systemName: string;
  orgUnitName: string;
  planId: string | null;
}

const planSystem = (s: registersRepo.SystemFactRow): PlanSystemFact => ({
  id: s.id,
  rulebookId: s.rulebook_id,
  managementType: s.management_type,
  managingOrgUnitId: s.managing_org_unit_id,
  lifecycleStatus: s.lifecycle_status,
  usingOrgUnitIds: s.using_org_unit_ids,
});

/** Every (system, using section) pair owing a plan for each month, and where it stands today. */
export async function planStatuses(db: Db, months: string[], today: string): Promise<PlanDueOut[]> {
  const systems = await registersRepo.systemFacts(db, { rulebookId: 'ARK' });
  const obligations = processingPlanObligations(systems.map(planSystem));
  if (obligations.length === 0) return [];
  const [submitted, labels] = await Promise.all([
    registersRepo.plans(db, { months }),
    labelsOf(
      db,
      obligations.map((o) => o.orgUnitId),
    ),
  ]);
  const names = new Map(systems.map((s) => [s.id, s.name]));
  return months.flatMap((month) =>
    obligations.map((o) => {
      const plan = submitted.find((p) => p.month === month && p.system_id === o.systemId && p.org_unit_id === o.orgUnitId);
      return {
        ...processingPlanStatus(o, month, today, plan ? localDateAt(toDate(plan.submitted_at)) : null),
        systemName: names.get(o.systemId) ?? '',
        orgUnitName: labels.get(o.orgUnitId) ?? '',
        planId: plan?.id ?? null,
      };
    }),
  );
}

/** ARK-8-1: the plans of a month (default: next month) — reported, due or overdue. */
export async function processingPlansDue(ctx: Context, month: string | null): Promise<PlanDueOut[]> {
  monthOrThrow(month);
  const today = todayOf(ctx);
  return planStatuses(await ctx.db.em(), [month ?? addMonths(monthOf(today), 1)], today);
}

export interface PlanInput {
  systemId: string;
  orgUnitId: string;
  month: string;
  items: { job: string; scheduledOn: string; scheduledTime?: string | null; inputData?: string | null }[];
}

/** ARK-8-1: the using section chief reports next month's plan to デジタル推進課長. */
export async function submitProcessingPlan(ctx: Context, input: PlanInput): Promise<PlanOut> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  idOrThrow(input.orgUnitId, ['input', 'orgUnitId']);
  const today = todayOf(ctx);
  const d = allowedOrThrow(
    decidePlanSubmission({ system: planSystem(system), orgUnitId: input.orgUnitId, month: input.month, items: input.items }, await actorOf(ctx, db), today),
  );
  if (await registersRepo.planOf(db, system.id, input.orgUnitId, input.month)) throw refusalError(planAlreadyReported());
  const id = randomUUID();
  const v = ctx.viewer!;
  await registersRepo.insertPlan(db, {
    id,
    municipalityId: v.municipalityId,
    systemId: system.id,
    orgUnitId: input.orgUnitId,
    month: input.month,
    by: v.staffId,
    onBehalfOf: d.onBehalfOfStaffId,
    at: ctx.now(),
    ruleIds: PROCESSING_PLAN_RULE_IDS,
  });
  await registersRepo.insertPlanItems(
    db,
    v.municipalityId,
    id,
    input.items.map((i, n) => ({
      id: randomUUID(),
      seq: n + 1,
      job: i.job.trim(),
      scheduledOn: i.scheduledOn,
      scheduledTime: i.scheduledTime || null,
      inputData: i.inputData?.trim() ?? '',
    })),
  );
  await audit(ctx, db, 'processing_plan', id, d.audit);
  const plan = (await registersRepo.planById(db, id))!;
  const notice = planSubmittedNotice({ systemName: system.name, orgUnitName: plan.org_unit_name, month: input.month, items: input.items.length, late: d.late });
  await notifyPositions(ctx, db, await roleHolderPositions(db, 'ARK', 'digital_section_chief'), notice, {
    targetType: 'processing_plan',
    targetId: id,
    ruleIds: PROCESSING_PLAN_RULE_IDS,
  });
  return (await plansOut(db, [plan]))[0]!;
}

/** ARK-8-3 (handover), ARK-8-4 (return), ARK-8-5 (output check) of one job of a plan. */
export async function recordPlanItemStep(
  ctx: Context,
  itemId: string,
  step: PlanItemStep,
  extra: { note?: string | null; result?: OutputResult } = {},
): Promise<PlanOut> {
  idOrThrow(itemId, ['itemId']);
  const db = await ctx.db.em();
  const peek = await registersRepo.planItemById(db, itemId);
  if (!peek) throw notFound('Plan item', ['itemId']);
  const plan = (await registersRepo.planById(db, peek.plan_id, { lock: true }))!;
  const actor = await actorOf(ctx, db);
  const item = (await registersRepo.planItemById(db, itemId))!;
  const at = (x: Date | string | null) => (x ? toDate(x).toISOString() : null);
  const d = allowedOrThrow(
    decidePlanItemStep(
      {
        planId: plan.id,
        orgUnitId: plan.org_unit_id,
        job: item.job,
        step,
        note: extra.note,
        result: extra.result,
        progress: { inputSentAt: at(item.input_sent_at), inputReturnedAt: at(item.input_returned_at), outputCheckedAt: at(item.output_checked_at) },
      },
      actor,
    ),
  );
  if (!(await registersRepo.recordPlanItemStep(db, itemId, step, { by: ctx.viewer!.staffId, at: ctx.now(), note: d.note, result: extra.result ?? null }))) {
    throw refusalError(planItemStepRecorded(step));
  }
  await audit(ctx, db, 'processing_plan_item', itemId, d.audit);
  const notice = planItemStepNotice(step, {
    systemName: plan.system_name,
    orgUnitName: plan.org_unit_name,
    month: plan.month,
    job: item.job,
    note: d.note,
    result: extra.result ?? null,
  });
  const to =
    notice.to === 'section_head'
      ? (await requestRepo.headPositionsOfUnits(db, [plan.org_unit_id])).map((h) => h.id)
      : await roleHolderPositions(db, 'ARK', 'digital_section_chief');
  await notifyPositions(ctx, db, to, notice, { targetType: 'processing_plan', targetId: plan.id, ruleIds: d.ruleIds });
  return (await plansOut(db, [(await registersRepo.planById(db, plan.id))!]))[0]!;
}
