// Processing plans (ARK-8): a section's monthly jobs on a system, and who handed over, took back and checked each.
import type { RuleId } from '@tsukasa/domain';
import type { InferResult } from 'kysely';
import { anyOf, exec, first, run, tables, type Db, type Stored } from '../sql.ts';
import { isoDay, staffName, unitLabel } from './names.ts';

const processingPlans = () =>
  tables
    .selectFrom('processing_plan as p')
    .innerJoin('system as s', 's.id', 'p.system_id')
    .select((eb) => [
      'p.id',
      'p.system_id',
      's.name as system_name',
      'p.org_unit_id',
      unitLabel(eb.ref('p.org_unit_id')).as('org_unit_name'),
      'p.month',
      'p.submitted_at',
      'p.submitted_by_id',
      staffName(eb.ref('p.submitted_by_id')).as('submitted_by_name'),
      'p.on_behalf_of_id',
      'p.rule_ids',
    ]);

/** A section's monthly processing plan with the names it is shown with. */
export type PlanRow = Stored<InferResult<ReturnType<typeof processingPlans>>[number]>;

export async function plans(db: Db, filter: { months?: readonly string[] | null; systemId?: string | null; orgUnitId?: string | null }): Promise<PlanRow[]> {
  return run(
    db,
    processingPlans()
      .$if(filter.months != null, (q) => q.where('p.month', '=', anyOf(filter.months!, 'text')))
      .$if(filter.systemId != null, (q) => q.where('p.system_id', '=', filter.systemId!))
      .$if(filter.orgUnitId != null, (q) => q.where('p.org_unit_id', '=', filter.orgUnitId!))
      .orderBy('p.month', 'desc')
      .orderBy('s.name')
      .orderBy('p.org_unit_id'),
  );
}

export async function planById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<PlanRow | undefined> {
  return first(
    db,
    processingPlans()
      .where('p.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate('p')),
  );
}

export async function planOf(db: Db, systemId: string, orgUnitId: string, month: string): Promise<{ id: string } | undefined> {
  return first(
    db,
    tables.selectFrom('processing_plan').select('id').where('system_id', '=', systemId).where('org_unit_id', '=', orgUnitId).where('month', '=', month),
  );
}

export async function insertPlan(
  db: Db,
  p: {
    id: string;
    municipalityId: string;
    systemId: string;
    orgUnitId: string;
    month: string;
    by: string;
    onBehalfOf: string | null;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('processing_plan').values({
      id: p.id,
      municipality_id: p.municipalityId,
      system_id: p.systemId,
      org_unit_id: p.orgUnitId,
      month: p.month,
      submitted_at: p.at,
      submitted_by_id: p.by,
      on_behalf_of_id: p.onBehalfOf,
      rule_ids: [...p.ruleIds],
    }),
  );
}

const planItems = () =>
  tables
    .selectFrom('processing_plan_item as i')
    .select((eb) => [
      'i.id',
      'i.plan_id',
      'i.seq',
      'i.job',
      isoDay(eb.ref('i.scheduled_on')).as('scheduled_on'),
      'i.scheduled_time',
      'i.input_data',
      'i.input_sent_at',
      staffName(eb.ref('i.input_sent_by_id')).as('input_sent_by_name'),
      'i.input_note',
      'i.input_returned_at',
      staffName(eb.ref('i.input_returned_by_id')).as('input_returned_by_name'),
      'i.output_checked_at',
      staffName(eb.ref('i.output_checked_by_id')).as('output_checked_by_name'),
      'i.output_result',
      'i.output_note',
    ]);

/** A job of a processing plan, with who did each step. */
export type PlanItemRow = Stored<InferResult<ReturnType<typeof planItems>>[number]>;

export async function itemsOfPlans(db: Db, planIds: readonly string[]): Promise<PlanItemRow[]> {
  return run(db, planItems().where('i.plan_id', '=', anyOf(planIds, 'uuid')).orderBy('i.plan_id').orderBy('i.seq'));
}

export async function planItemById(db: Db, id: string): Promise<PlanItemRow | undefined> {
  return first(db, planItems().where('i.id', '=', id));
}

export async function insertPlanItems(
  db: Db,
  municipalityId: string,
  planId: string,
  items: { id: string; seq: number; job: string; scheduledOn: string; scheduledTime: string | null; inputData: string }[],
): Promise<void> {
  // One statement whatever the number of items: they travel as one jsonb parameter taken apart by
  // jsonb_to_recordset, whose column definition list Kysely cannot express.
  await exec(
    db,
    `insert into processing_plan_item (id, municipality_id, plan_id, seq, job, scheduled_on, scheduled_time, input_data)
    select x.id, $1, $2, x.seq, x.job, x.scheduled_on, x.scheduled_time, x.input_data
      from jsonb_to_recordset($3::jsonb) as x(id uuid, seq int, job text, scheduled_on date, scheduled_time text, input_data text)`,
    [
      municipalityId,
      planId,
      JSON.stringify(
        items.map((i) => ({ id: i.id, seq: i.seq, job: i.job, scheduled_on: i.scheduledOn, scheduled_time: i.scheduledTime, input_data: i.inputData })),
      ),
    ],
  );
}

/** Records one step of an item once: false when it was already recorded (a concurrent call). */
export async function recordPlanItemStep(
  db: Db,
  id: string,
  step: 'handover' | 'return' | 'output_check',
  r: { by: string; at: Date; note?: string | null; result?: PlanItemRow['output_result'] },
): Promise<boolean> {
  const item = tables.updateTable('processing_plan_item').where('id', '=', id);
  const done =
    step === 'handover'
      ? await run(
          db,
          item
            .set({ input_sent_at: r.at, input_sent_by_id: r.by, input_note: r.note ?? null })
            .where('input_sent_at', 'is', null)
            .returning('id'),
        )
      : step === 'return'
        ? await run(
            db,
            item
              .set({ input_returned_at: r.at, input_returned_by_id: r.by })
              .where('input_sent_at', 'is not', null)
              .where('input_returned_at', 'is', null)
              .returning('id'),
          )
        : await run(
            db,
            item
              .set({ output_checked_at: r.at, output_checked_by_id: r.by, output_note: r.note ?? null, output_result: r.result ?? null })
              .where('output_checked_at', 'is', null)
              .returning('id'),
          );
  return done.length === 1;
}
