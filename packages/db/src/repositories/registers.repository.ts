import type { RuleId } from '@tsukasa/domain';
// The registers of operations (SPEC §6): processing plans (ARK-8), system documents (MNT-13-9,
// ARK-5, ARK-11), contract clauses (ARK-6-1), inspections and check sheets (ARK-29, KWO-5-3),
// findings (KWW-10-2, KWO-3-3) and the form ledger (KWO-5-2).
import { sql as raw, type Expression, type InferResult, type NotNull } from 'kysely';
import { anyOf, exec, first, run, tables, type Db, type Stored } from './sql.ts';

/** The name of a nullable reference's row is itself nullable. */
type NameOf<Id> = string | (null extends Id ? null : never);

/** An org unit as people name it: its parent's name first (川崎区役所 区民課, 区民生活部 戸籍住民課). */
const unitLabel = <Id extends string | null>(unitId: Expression<Id>) =>
  tables
    .selectFrom('org_unit as uu')
    .leftJoin('org_unit as pp', 'pp.id', 'uu.parent_id')
    .select((eb) => raw<string>`coalesce(${eb.ref('pp.name')} || ' ', '') || ${eb.ref('uu.name')}`.as('label'))
    .where('uu.id', '=', unitId as Expression<string>)
    .$asScalar()
    .$castTo<NameOf<Id>>();

/** A staff member as people name them, family name first. */
const staffName = <Id extends string | null>(staffId: Expression<Id>) =>
  tables
    .selectFrom('staff as ss')
    .select((eb) => raw<string>`${eb.ref('ss.family_name')} || ' ' || ${eb.ref('ss.given_name')}`.as('name'))
    .where('ss.id', '=', staffId as Expression<string>)
    .$asScalar()
    .$castTo<NameOf<Id>>();

/** A date column as 'YYYY-MM-DD', whatever the pool's type parsers make of dates. */
const isoDay = <Day extends string | null>(day: Expression<Day>) => raw<Day>`to_char(${day}, 'YYYY-MM-DD')`;

// ---- systems and their sections ------------------------------------------------------------------

const systems = () =>
  tables
    .selectFrom('system as s')
    .leftJoin('contractor as c', 'c.id', 's.contractor_id')
    .select((eb) => [
      's.id',
      's.name',
      's.rulebook_id',
      's.management_type',
      's.managing_org_unit_id',
      's.lifecycle_status',
      's.contractor_id',
      'c.name as contractor_name',
      raw<string[]>`array(${eb
        .selectFrom('system_using_org_unit as u')
        .select((u) => u.cast<string>('u.org_unit_id', 'text').as('org_unit_id'))
        .whereRef('u.system_id', '=', 's.id')
        .orderBy('u.sort_order')})`.as('using_org_unit_ids'),
    ]);

/** A system with its using sections, typed from the entities. */
export type SystemFactRow = Stored<InferResult<ReturnType<typeof systems>>[number]>;

/** Systems (of a rulebook, or by id) with their using sections: what the due lists are computed from. */
export async function systemFacts(db: Db, filter: { rulebookId?: string | null; ids?: readonly string[] | null }): Promise<SystemFactRow[]> {
  return run(
    db,
    systems()
      .$if(filter.rulebookId != null, (q) => q.where('s.rulebook_id', '=', filter.rulebookId!))
      .$if(filter.ids != null, (q) => q.where('s.id', '=', anyOf(filter.ids!, 'uuid')))
      .orderBy('s.name')
      .orderBy('s.id'),
  );
}

export async function orgUnitLabels(db: Db, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return run(
    db,
    tables
      .selectFrom('org_unit as u')
      .select((eb) => ['u.id', unitLabel(eb.ref('u.id')).as('label')])
      .where('u.id', '=', anyOf(ids, 'uuid')),
  );
}

// ---- processing plans (ARK-8) ----------------------------------------------------------------------

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

// ---- system documents (MNT-13-9, MNT-21, ARK-5, ARK-11) --------------------------------------------

const documents = () =>
  tables
    .selectFrom('system_document_version as d')
    .innerJoin('system as s', 's.id', 'd.system_id')
    .select((eb) => [
      'd.id',
      'd.system_id',
      's.name as system_name',
      's.rulebook_id',
      'd.kind',
      'd.org_unit_id',
      unitLabel(eb.ref('d.org_unit_id')).as('org_unit_name'),
      'd.title',
      'd.version_label',
      'd.note',
      'd.registered_at',
      'd.registered_by_id',
      staffName(eb.ref('d.registered_by_id')).as('registered_by_name'),
      'd.rule_ids',
    ]);

/** A registered version of a system's document, with the names it is shown with. */
export type DocumentVersionRow = Stored<InferResult<ReturnType<typeof documents>>[number]>;

/** Every version of the documents of the given systems (all systems: null), newest first within a document. */
export async function documentVersions(db: Db, systemIds: readonly string[] | null): Promise<DocumentVersionRow[]> {
  return run(
    db,
    documents()
      .$if(systemIds != null, (q) => q.where('d.system_id', '=', anyOf(systemIds!, 'uuid')))
      .orderBy('s.name')
      .orderBy('d.system_id')
      .orderBy('d.kind')
      .orderBy('d.org_unit_id', (o) => o.asc().nullsFirst())
      .orderBy('d.registered_at', 'desc')
      .orderBy('d.id'),
  );
}

export async function documentVersionExists(
  db: Db,
  k: { systemId: string; kind: DocumentVersionRow['kind']; orgUnitId: string | null; versionLabel: string },
): Promise<boolean> {
  return !!(await first(
    db,
    tables
      .selectFrom('system_document_version')
      .select((eb) => eb.lit(1).as('found'))
      .where('system_id', '=', k.systemId)
      .where('kind', '=', k.kind)
      .where('org_unit_id', 'is not distinct from', raw<string | null>`${k.orgUnitId}::uuid`)
      .where('version_label', '=', k.versionLabel),
  ));
}

export async function insertDocumentVersion(
  db: Db,
  d: {
    id: string;
    municipalityId: string;
    systemId: string;
    kind: DocumentVersionRow['kind'];
    orgUnitId: string | null;
    title: string;
    versionLabel: string;
    note: string | null;
    by: string;
    onBehalfOf: string | null;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('system_document_version').values({
      id: d.id,
      municipality_id: d.municipalityId,
      system_id: d.systemId,
      kind: d.kind,
      org_unit_id: d.orgUnitId,
      title: d.title,
      version_label: d.versionLabel,
      note: d.note,
      registered_at: d.at,
      registered_by_id: d.by,
      on_behalf_of_id: d.onBehalfOf,
      rule_ids: [...d.ruleIds],
    }),
  );
}

const modifications = () =>
  tables
    .selectFrom('request as r')
    .select(['r.system_id', 'r.number', 'r.decided_at'])
    .where('r.kind_key', '=', 'system_modification')
    .where('r.status', '=', 'approved')
    .where('r.decided_at', 'is not', null)
    .where('r.system_id', 'is not', null)
    .$narrowType<{ system_id: NotNull; decided_at: NotNull }>();

/** A completed modification of a system: its approved 改修 request. */
export type ModificationRow = Stored<InferResult<ReturnType<typeof modifications>>[number]>;

/** Modifications completed: approved 改修 requests (system_modification), by system. */
export async function completedModifications(db: Db, systemIds: readonly string[] | null): Promise<ModificationRow[]> {
  return run(
    db,
    modifications()
      .$if(systemIds != null, (q) => q.where('r.system_id', '=', anyOf(systemIds!, 'uuid')))
      .orderBy('r.decided_at'),
  );
}

// ---- contract clauses (ARK-6-1) -------------------------------------------------------------------------

const contractClauseChecks = () =>
  tables
    .selectFrom('contract_clause_check as c')
    .select((eb) => ['c.system_id', 'c.clause_rule_id', 'c.checked', 'c.note', staffName(eb.ref('c.recorded_by_id')).as('recorded_by_name'), 'c.recorded_at']);

/** A clause of the ARK-6-1 checklist as checked for a system's contract. */
export type ContractCheckRow = Stored<InferResult<ReturnType<typeof contractClauseChecks>>[number]>;

export async function contractChecks(db: Db, systemIds: readonly string[]): Promise<ContractCheckRow[]> {
  return run(db, contractClauseChecks().where('c.system_id', '=', anyOf(systemIds, 'uuid')));
}

export async function upsertContractCheck(
  db: Db,
  c: { municipalityId: string; systemId: string; clause: RuleId; checked: boolean; note: string | null; by: string; at: Date },
): Promise<void> {
  await run(
    db,
    tables
      .insertInto('contract_clause_check')
      .values({
        system_id: c.systemId,
        clause_rule_id: c.clause,
        municipality_id: c.municipalityId,
        checked: c.checked,
        note: c.note,
        recorded_by_id: c.by,
        recorded_at: c.at,
      })
      .onConflict((oc) =>
        oc.columns(['system_id', 'clause_rule_id', 'municipality_id']).doUpdateSet((eb) => ({
          checked: eb.ref('excluded.checked'),
          note: eb.ref('excluded.note'),
          recorded_by_id: eb.ref('excluded.recorded_by_id'),
          recorded_at: eb.ref('excluded.recorded_at'),
        })),
      ),
  );
}

// ---- inspections (ARK-29, KWO-5-3) ----------------------------------------------------------------------

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

// ---- findings (KWW-10-2, KWO-3-3, ARK-29) -----------------------------------------------------------------

const findingRows = () =>
  tables
    .selectFrom('finding as f')
    .innerJoin('position as ap', 'ap.id', 'f.addressee_position_id')
    .leftJoin('system as s', 's.id', 'f.system_id')
    .select((eb) => [
      'f.id',
      'f.rulebook_id',
      'f.source',
      'f.inspection_id',
      'f.system_id',
      's.name as system_name',
      'f.addressee_position_id',
      'ap.name as addressee_position_name',
      'ap.org_unit_id as addressee_org_unit_id',
      'f.title',
      'f.detail',
      isoDay(eb.ref('f.due_on')).as('due_on'),
      'f.status',
      'f.raised_by_id',
      staffName(eb.ref('f.raised_by_id')).as('raised_by_name'),
      'f.raised_at',
      'f.response',
      'f.responded_at',
      staffName(eb.ref('f.responded_by_id')).as('responded_by_name'),
      'f.closed_at',
      staffName(eb.ref('f.closed_by_id')).as('closed_by_name'),
      'f.close_note',
      'f.rule_ids',
      'f.version',
    ]);

/** A finding or an improvement request, with the names it is shown with. */
export type FindingRow = Stored<InferResult<ReturnType<typeof findingRows>>[number]>;

export async function findings(db: Db, filter: { statuses?: readonly FindingRow['status'][] | null }): Promise<FindingRow[]> {
  return run(
    db,
    findingRows()
      .$if(filter.statuses != null, (q) => q.where('f.status', '=', anyOf(filter.statuses!, 'text')))
      .orderBy('f.due_on')
      .orderBy('f.raised_at'),
  );
}

export async function findingById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<FindingRow | undefined> {
  return first(
    db,
    findingRows()
      .where('f.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate('f')),
  );
}

export async function insertFinding(
  db: Db,
  f: {
    id: string;
    municipalityId: string;
    rulebookId: string;
    source: FindingRow['source'];
    inspectionId: string | null;
    systemId: string | null;
    addresseePositionId: string;
    title: string;
    detail: string;
    dueOn: string;
    by: string;
    onBehalfOf: string | null;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('finding').values({
      id: f.id,
      municipality_id: f.municipalityId,
      rulebook_id: f.rulebookId,
      source: f.source,
      inspection_id: f.inspectionId,
      system_id: f.systemId,
      addressee_position_id: f.addresseePositionId,
      title: f.title,
      detail: f.detail,
      due_on: f.dueOn,
      status: 'open',
      raised_by_id: f.by,
      raised_on_behalf_of_id: f.onBehalfOf,
      raised_at: f.at,
      rule_ids: [...f.ruleIds],
    }),
  );
}

export async function respondToFinding(db: Db, id: string, r: { response: string; by: string; at: Date }): Promise<void> {
  await run(
    db,
    tables
      .updateTable('finding as f')
      .set({ status: 'responded', response: r.response, responded_by_id: r.by, responded_at: r.at, version: (eb) => eb(eb.ref('f.version'), '+', 1) })
      .where('f.id', '=', id),
  );
}

export async function closeFinding(db: Db, id: string, c: { note: string | null; by: string; at: Date }): Promise<void> {
  await run(
    db,
    tables
      .updateTable('finding as f')
      .set({ status: 'closed', close_note: c.note, closed_by_id: c.by, closed_at: c.at, version: (eb) => eb(eb.ref('f.version'), '+', 1) })
      .where('f.id', '=', id),
  );
}

const findingNotes = () =>
  tables.selectFrom('finding_note as n').select((eb) => ['n.id', 'n.finding_id', staffName(eb.ref('n.author_id')).as('author_name'), 'n.body', 'n.created_at']);

/** A note on a finding, with its author's name. */
export type FindingNoteRow = Stored<InferResult<ReturnType<typeof findingNotes>>[number]>;

export async function notesOfFindings(db: Db, findingIds: readonly string[]): Promise<FindingNoteRow[]> {
  return run(db, findingNotes().where('n.finding_id', '=', anyOf(findingIds, 'uuid')).orderBy('n.finding_id').orderBy('n.created_at').orderBy('n.id'));
}

export async function insertFindingNote(db: Db, n: { municipalityId: string; findingId: string; by: string; body: string; at: Date }): Promise<void> {
  await run(
    db,
    tables.insertInto('finding_note').values((eb) => ({
      id: eb.fn<string>('gen_random_uuid'),
      municipality_id: n.municipalityId,
      finding_id: n.findingId,
      author_id: n.by,
      body: n.body,
      created_at: n.at,
    })),
  );
  await run(
    db,
    tables
      .updateTable('finding as f')
      .set({ version: (eb) => eb(eb.ref('f.version'), '+', 1) })
      .where('f.id', '=', n.findingId),
  );
}

// ---- the form ledger (KWO-5-2) -----------------------------------------------------------------------------

const ledgerRows = () =>
  tables
    .selectFrom('form_ledger_entry as e')
    .select((eb) => [
      'e.id',
      'e.org_unit_id',
      unitLabel(eb.ref('e.org_unit_id')).as('org_unit_name'),
      'e.form_name',
      'e.information',
      'e.storage_place',
      isoDay(eb.ref('e.created_on')).as('created_on'),
      'e.retention_years',
      'e.disposal_method',
      'e.disposal_note',
      isoDay(eb.ref('e.disposed_on')).as('disposed_on'),
      staffName(eb.ref('e.disposed_by_id')).as('disposed_by_name'),
      staffName(eb.ref('e.recorded_by_id')).as('recorded_by_name'),
      'e.recorded_at',
      'e.rule_ids',
      'e.version',
    ]);

/** An entry of the form ledger, with the names it is shown with. */
export type LedgerEntryRow = Stored<InferResult<ReturnType<typeof ledgerRows>>[number]>;

export async function ledgerEntries(db: Db, filter: { orgUnitId?: string | null; undisposedOnly?: boolean }): Promise<LedgerEntryRow[]> {
  return run(
    db,
    ledgerRows()
      .$if(filter.orgUnitId != null, (q) => q.where('e.org_unit_id', '=', filter.orgUnitId!))
      .$if(filter.undisposedOnly === true, (q) => q.where('e.disposed_on', 'is', null))
      .orderBy('e.org_unit_id')
      .orderBy('e.created_on')
      .orderBy('e.form_name'),
  );
}

export async function ledgerEntryById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<LedgerEntryRow | undefined> {
  return first(
    db,
    ledgerRows()
      .where('e.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate()),
  );
}

export async function insertLedgerEntry(
  db: Db,
  e: {
    id: string;
    municipalityId: string;
    orgUnitId: string;
    formName: string;
    information: string;
    storagePlace: string;
    createdOn: string;
    retentionYears: number | null;
    by: string;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('form_ledger_entry').values({
      id: e.id,
      municipality_id: e.municipalityId,
      org_unit_id: e.orgUnitId,
      form_name: e.formName,
      information: e.information,
      storage_place: e.storagePlace,
      created_on: e.createdOn,
      retention_years: e.retentionYears,
      recorded_by_id: e.by,
      recorded_at: e.at,
      rule_ids: [...e.ruleIds],
    }),
  );
}

export async function recordDisposal(
  db: Db,
  id: string,
  d: { method: NonNullable<LedgerEntryRow['disposal_method']>; note: string | null; disposedOn: string; by: string },
): Promise<void> {
  await run(
    db,
    tables
      .updateTable('form_ledger_entry as e')
      .set({
        disposal_method: d.method,
        disposal_note: d.note,
        disposed_on: d.disposedOn,
        disposed_by_id: d.by,
        version: (eb) => eb(eb.ref('e.version'), '+', 1),
      })
      .where('e.id', '=', id),
  );
}
