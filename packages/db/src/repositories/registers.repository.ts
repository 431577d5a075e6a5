import type { RuleId } from '@tsukasa/domain';
// The registers of operations (SPEC §6): processing plans (ARK-8), system documents (MNT-13-9,
// ARK-5, ARK-11), contract clauses (ARK-6-1), inspections and check sheets (ARK-29, KWO-5-3),
// findings (KWW-10-2, KWO-3-3) and the form ledger (KWO-5-2).
import { exec, one, rows, type Db } from './sql.ts';

/** An org unit as people name it: its parent's name first (川崎区役所 区民課, 区民生活部 戸籍住民課). */
const unitLabel = (alias: string) => `(select coalesce(pp.name || ' ', '') || uu.name from org_unit uu left join org_unit pp on pp.id = uu.parent_id where uu.id = ${alias})`;
const staffName = (alias: string) => `(select ss.family_name || ' ' || ss.given_name from staff ss where ss.id = ${alias})`;

// ---- systems and their sections ------------------------------------------------------------------

export interface SystemFactRow {
  id: string;
  name: string;
  rulebook_id: string | null;
  management_type: string;
  managing_org_unit_id: string;
  lifecycle_status: string;
  contractor_id: string | null;
  contractor_name: string | null;
  using_org_unit_ids: string[];
}

/** Systems (of a rulebook, or by id) with their using sections: what the due lists are computed from. */
export async function systemFacts(db: Db, filter: { rulebookId?: string | null; ids?: readonly string[] | null }): Promise<SystemFactRow[]> {
  return rows(db, `select s.id, s.name, s.rulebook_id, s.management_type, s.managing_org_unit_id, s.lifecycle_status, s.contractor_id, c.name as contractor_name,
      array(select u.org_unit_id::text from system_using_org_unit u where u.system_id = s.id order by u.sort_order) as using_org_unit_ids
    from system s left join contractor c on c.id = s.contractor_id
    where ($1::text is null or s.rulebook_id = $1) and ($2::uuid[] is null or s.id = any($2::uuid[]))
    order by s.name, s.id`, [filter.rulebookId ?? null, filter.ids ?? null]);
}

export async function orgUnitLabels(db: Db, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return rows(db, `select u.id, ${unitLabel('u.id')} as label from org_unit u where u.id = any($1::uuid[])`, [ids]);
}

// ---- processing plans (ARK-8) ----------------------------------------------------------------------

export interface PlanRow {
  id: string;
  system_id: string;
  system_name: string;
  org_unit_id: string;
  org_unit_name: string;
  month: string;
  submitted_at: Date | string;
  submitted_by_id: string;
  submitted_by_name: string;
  on_behalf_of_id: string | null;
  rule_ids: RuleId[];
}

const PLAN_COLUMNS = `p.id, p.system_id, s.name as system_name, p.org_unit_id, ${unitLabel('p.org_unit_id')} as org_unit_name, p.month, p.submitted_at,
  p.submitted_by_id, ${staffName('p.submitted_by_id')} as submitted_by_name, p.on_behalf_of_id, p.rule_ids`;

export async function plans(db: Db, filter: { months?: readonly string[] | null; systemId?: string | null; orgUnitId?: string | null }): Promise<PlanRow[]> {
  return rows(db, `select ${PLAN_COLUMNS} from processing_plan p join system s on s.id = p.system_id
    where ($1::text[] is null or p.month = any($1::text[])) and ($2::uuid is null or p.system_id = $2) and ($3::uuid is null or p.org_unit_id = $3)
    order by p.month desc, s.name, p.org_unit_id`, [filter.months ?? null, filter.systemId ?? null, filter.orgUnitId ?? null]);
}

export async function planById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<PlanRow | undefined> {
  return one(db, `select ${PLAN_COLUMNS} from processing_plan p join system s on s.id = p.system_id where p.id = $1${opts.lock ? ' for update of p' : ''}`, [id]);
}

export async function planOf(db: Db, systemId: string, orgUnitId: string, month: string): Promise<{ id: string } | undefined> {
  return one(db, 'select id from processing_plan where system_id = $1 and org_unit_id = $2 and month = $3', [systemId, orgUnitId, month]);
}

export async function insertPlan(db: Db, p: { id: string; municipalityId: string; systemId: string; orgUnitId: string; month: string; by: string; onBehalfOf: string | null; at: Date; ruleIds: readonly RuleId[] }): Promise<void> {
  await exec(db, `insert into processing_plan (id, municipality_id, system_id, org_unit_id, month, submitted_at, submitted_by_id, on_behalf_of_id, rule_ids)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [p.id, p.municipalityId, p.systemId, p.orgUnitId, p.month, p.at, p.by, p.onBehalfOf, p.ruleIds]);
}

export interface PlanItemRow {
  id: string;
  plan_id: string;
  seq: number;
  job: string;
  scheduled_on: string;
  scheduled_time: string | null;
  input_data: string;
  input_sent_at: Date | string | null;
  input_sent_by_name: string | null;
  input_note: string | null;
  input_returned_at: Date | string | null;
  input_returned_by_name: string | null;
  output_checked_at: Date | string | null;
  output_checked_by_name: string | null;
  output_result: 'normal' | 'abnormal' | null;
  output_note: string | null;
}

const ITEM_COLUMNS = `i.id, i.plan_id, i.seq, i.job, to_char(i.scheduled_on, 'YYYY-MM-DD') as scheduled_on, i.scheduled_time, i.input_data,
  i.input_sent_at, ${staffName('i.input_sent_by_id')} as input_sent_by_name, i.input_note, i.input_returned_at, ${staffName('i.input_returned_by_id')} as input_returned_by_name,
  i.output_checked_at, ${staffName('i.output_checked_by_id')} as output_checked_by_name, i.output_result, i.output_note`;

export async function itemsOfPlans(db: Db, planIds: readonly string[]): Promise<PlanItemRow[]> {
  return rows(db, `select ${ITEM_COLUMNS} from processing_plan_item i where i.plan_id = any($1::uuid[]) order by i.plan_id, i.seq`, [planIds]);
}

export async function planItemById(db: Db, id: string): Promise<PlanItemRow | undefined> {
  return one(db, `select ${ITEM_COLUMNS} from processing_plan_item i where i.id = $1`, [id]);
}

export async function insertPlanItems(db: Db, municipalityId: string, planId: string, items: { id: string; seq: number; job: string; scheduledOn: string; scheduledTime: string | null; inputData: string }[]): Promise<void> {
  await exec(db, `insert into processing_plan_item (id, municipality_id, plan_id, seq, job, scheduled_on, scheduled_time, input_data)
    select x.id, $1, $2, x.seq, x.job, x.scheduled_on, x.scheduled_time, x.input_data
      from jsonb_to_recordset($3::jsonb) as x(id uuid, seq int, job text, scheduled_on date, scheduled_time text, input_data text)`,
  [municipalityId, planId, JSON.stringify(items.map((i) => ({ id: i.id, seq: i.seq, job: i.job, scheduled_on: i.scheduledOn, scheduled_time: i.scheduledTime, input_data: i.inputData })))]);
}

/** Records one step of an item once: false when it was already recorded (a concurrent call). */
export async function recordPlanItemStep(db: Db, id: string, step: 'handover' | 'return' | 'output_check', r: { by: string; at: Date; note?: string | null; result?: string | null }): Promise<boolean> {
  const done =
    step === 'handover'
      ? await rows(db, `update processing_plan_item set input_sent_at = $2, input_sent_by_id = $3, input_note = $4 where id = $1 and input_sent_at is null returning id`, [id, r.at, r.by, r.note ?? null])
      : step === 'return'
        ? await rows(db, `update processing_plan_item set input_returned_at = $2, input_returned_by_id = $3 where id = $1 and input_sent_at is not null and input_returned_at is null returning id`, [id, r.at, r.by])
        : await rows(db, `update processing_plan_item set output_checked_at = $2, output_checked_by_id = $3, output_note = $4, output_result = $5 where id = $1 and output_checked_at is null returning id`,
          [id, r.at, r.by, r.note ?? null, r.result ?? null]);
  return done.length === 1;
}

// ---- system documents (MNT-13-9, MNT-21, ARK-5, ARK-11) --------------------------------------------

export interface DocumentVersionRow {
  id: string;
  system_id: string;
  system_name: string;
  rulebook_id: string | null;
  kind: 'design' | 'manual' | 'operating_manual' | 'other';
  org_unit_id: string | null;
  org_unit_name: string | null;
  title: string;
  version_label: string;
  note: string | null;
  registered_at: Date | string;
  registered_by_id: string;
  registered_by_name: string;
  rule_ids: RuleId[];
}

/** Every version of the documents of the given systems (all systems: null), newest first within a document. */
export async function documentVersions(db: Db, systemIds: readonly string[] | null): Promise<DocumentVersionRow[]> {
  return rows(db, `select d.id, d.system_id, s.name as system_name, s.rulebook_id, d.kind, d.org_unit_id, case when d.org_unit_id is null then null else ${unitLabel('d.org_unit_id')} end as org_unit_name,
      d.title, d.version_label, d.note, d.registered_at, d.registered_by_id, ${staffName('d.registered_by_id')} as registered_by_name, d.rule_ids
    from system_document_version d join system s on s.id = d.system_id
    where ($1::uuid[] is null or d.system_id = any($1::uuid[]))
    order by s.name, d.system_id, d.kind, d.org_unit_id nulls first, d.registered_at desc, d.id`, [systemIds]);
}

export async function documentVersionExists(db: Db, k: { systemId: string; kind: string; orgUnitId: string | null; versionLabel: string }): Promise<boolean> {
  return !!(await one(db, `select 1 from system_document_version where system_id = $1 and kind = $2 and org_unit_id is not distinct from $3::uuid and version_label = $4`,
    [k.systemId, k.kind, k.orgUnitId, k.versionLabel]));
}

export async function insertDocumentVersion(db: Db, d: { id: string; municipalityId: string; systemId: string; kind: string; orgUnitId: string | null; title: string; versionLabel: string; note: string | null; by: string; onBehalfOf: string | null; at: Date; ruleIds: readonly RuleId[] }): Promise<void> {
  await exec(db, `insert into system_document_version (id, municipality_id, system_id, kind, org_unit_id, title, version_label, note, registered_at, registered_by_id, on_behalf_of_id, rule_ids)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
  [d.id, d.municipalityId, d.systemId, d.kind, d.orgUnitId, d.title, d.versionLabel, d.note, d.at, d.by, d.onBehalfOf, d.ruleIds]);
}

export interface ModificationRow {
  system_id: string;
  number: string;
  decided_at: Date | string;
}

/** Modifications completed: approved 改修 requests (system_modification), by system. */
export async function completedModifications(db: Db, systemIds: readonly string[] | null): Promise<ModificationRow[]> {
  return rows(db, `select r.system_id, r.number, r.decided_at from request r
    where r.kind_key = 'system_modification' and r.status = 'approved' and r.decided_at is not null and r.system_id is not null
      and ($1::uuid[] is null or r.system_id = any($1::uuid[]))
    order by r.decided_at`, [systemIds]);
}

// ---- contract clauses (ARK-6-1) -------------------------------------------------------------------------

export interface ContractCheckRow {
  system_id: string;
  clause_rule_id: RuleId;
  checked: boolean;
  note: string | null;
  recorded_by_name: string;
  recorded_at: Date | string;
}

export async function contractChecks(db: Db, systemIds: readonly string[]): Promise<ContractCheckRow[]> {
  return rows(db, `select c.system_id, c.clause_rule_id, c.checked, c.note, ${staffName('c.recorded_by_id')} as recorded_by_name, c.recorded_at
    from contract_clause_check c where c.system_id = any($1::uuid[])`, [systemIds]);
}

export async function upsertContractCheck(db: Db, c: { municipalityId: string; systemId: string; clause: RuleId; checked: boolean; note: string | null; by: string; at: Date }): Promise<void> {
  await exec(db, `insert into contract_clause_check (system_id, clause_rule_id, municipality_id, checked, note, recorded_by_id, recorded_at) values ($1, $2, $3, $4, $5, $6, $7)
    on conflict (system_id, clause_rule_id, municipality_id) do update set checked = excluded.checked, note = excluded.note, recorded_by_id = excluded.recorded_by_id, recorded_at = excluded.recorded_at`,
  [c.systemId, c.clause, c.municipalityId, c.checked, c.note, c.by, c.at]);
}

// ---- inspections (ARK-29, KWO-5-3) ----------------------------------------------------------------------

export interface InspectionRow {
  id: string;
  kind: 'audit' | 'self_inspection' | 'check_sheet';
  rulebook_id: string;
  org_unit_id: string | null;
  org_unit_name: string | null;
  system_id: string | null;
  system_name: string | null;
  scope: string;
  conducted_on: string;
  fiscal_year: number;
  quarter: number | null;
  result: 'satisfactory' | 'needs_improvement';
  summary: string | null;
  recorded_by_name: string;
  recorded_at: Date | string;
  rule_ids: RuleId[];
}

const INSPECTION_COLUMNS = `i.id, i.kind, i.rulebook_id, i.org_unit_id, case when i.org_unit_id is null then null else ${unitLabel('i.org_unit_id')} end as org_unit_name,
  i.system_id, s.name as system_name, i.scope, to_char(i.conducted_on, 'YYYY-MM-DD') as conducted_on, i.fiscal_year, i.quarter, i.result, i.summary,
  ${staffName('i.recorded_by_id')} as recorded_by_name, i.recorded_at, i.rule_ids`;

export async function inspections(db: Db, filter: { kind?: string | null; fiscalYear?: number | null; orgUnitId?: string | null }): Promise<InspectionRow[]> {
  return rows(db, `select ${INSPECTION_COLUMNS} from inspection i left join system s on s.id = i.system_id
    where ($1::text is null or i.kind = $1) and ($2::int is null or i.fiscal_year = $2) and ($3::uuid is null or i.org_unit_id = $3)
    order by i.conducted_on desc, i.recorded_at desc`, [filter.kind ?? null, filter.fiscalYear ?? null, filter.orgUnitId ?? null]);
}

export async function inspectionById(db: Db, id: string): Promise<InspectionRow | undefined> {
  return one(db, `select ${INSPECTION_COLUMNS} from inspection i left join system s on s.id = i.system_id where i.id = $1`, [id]);
}

export async function checkSheetOf(db: Db, orgUnitId: string, fiscalYear: number, quarter: number): Promise<{ id: string } | undefined> {
  return one(db, `select id from inspection where kind = 'check_sheet' and org_unit_id = $1 and fiscal_year = $2 and quarter = $3`, [orgUnitId, fiscalYear, quarter]);
}

export async function insertInspection(db: Db, i: {
  id: string; municipalityId: string; kind: string; rulebookId: string; orgUnitId: string | null; systemId: string | null; scope: string; conductedOn: string;
  fiscalYear: number; quarter: number | null; result: string; summary: string | null; by: string; onBehalfOf: string | null; at: Date; ruleIds: readonly RuleId[];
}): Promise<void> {
  await exec(db, `insert into inspection (id, municipality_id, kind, rulebook_id, org_unit_id, system_id, scope, conducted_on, fiscal_year, quarter, result, summary, recorded_by_id, on_behalf_of_id, recorded_at, rule_ids)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
  [i.id, i.municipalityId, i.kind, i.rulebookId, i.orgUnitId, i.systemId, i.scope, i.conductedOn, i.fiscalYear, i.quarter, i.result, i.summary, i.by, i.onBehalfOf, i.at, i.ruleIds]);
}

// ---- findings (KWW-10-2, KWO-3-3, ARK-29) -----------------------------------------------------------------

export interface FindingRow {
  id: string;
  rulebook_id: string;
  source: 'improvement_request' | 'audit' | 'self_inspection' | 'check_sheet';
  inspection_id: string | null;
  system_id: string | null;
  system_name: string | null;
  addressee_position_id: string;
  addressee_position_name: string;
  addressee_org_unit_id: string;
  title: string;
  detail: string;
  due_on: string;
  status: 'open' | 'responded' | 'closed';
  raised_by_id: string;
  raised_by_name: string;
  raised_at: Date | string;
  response: string | null;
  responded_at: Date | string | null;
  responded_by_name: string | null;
  closed_at: Date | string | null;
  closed_by_name: string | null;
  close_note: string | null;
  rule_ids: RuleId[];
  version: number;
}

const FINDING_COLUMNS = `f.id, f.rulebook_id, f.source, f.inspection_id, f.system_id, s.name as system_name, f.addressee_position_id, ap.name as addressee_position_name,
  ap.org_unit_id as addressee_org_unit_id, f.title, f.detail, to_char(f.due_on, 'YYYY-MM-DD') as due_on, f.status, f.raised_by_id, ${staffName('f.raised_by_id')} as raised_by_name, f.raised_at,
  f.response, f.responded_at, ${staffName('f.responded_by_id')} as responded_by_name, f.closed_at, ${staffName('f.closed_by_id')} as closed_by_name, f.close_note, f.rule_ids, f.version`;
const FINDING_FROM = 'finding f join position ap on ap.id = f.addressee_position_id left join system s on s.id = f.system_id';

export async function findings(db: Db, filter: { statuses?: readonly string[] | null }): Promise<FindingRow[]> {
  return rows(db, `select ${FINDING_COLUMNS} from ${FINDING_FROM} where ($1::text[] is null or f.status = any($1::text[])) order by f.due_on, f.raised_at`, [filter.statuses ?? null]);
}

export async function findingById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<FindingRow | undefined> {
  return one(db, `select ${FINDING_COLUMNS} from ${FINDING_FROM} where f.id = $1${opts.lock ? ' for update of f' : ''}`, [id]);
}

export async function insertFinding(db: Db, f: {
  id: string; municipalityId: string; rulebookId: string; source: string; inspectionId: string | null; systemId: string | null; addresseePositionId: string;
  title: string; detail: string; dueOn: string; by: string; onBehalfOf: string | null; at: Date; ruleIds: readonly RuleId[];
}): Promise<void> {
  await exec(db, `insert into finding (id, municipality_id, rulebook_id, source, inspection_id, system_id, addressee_position_id, title, detail, due_on, status, raised_by_id, raised_on_behalf_of_id, raised_at, rule_ids)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12, $13, $14)`,
  [f.id, f.municipalityId, f.rulebookId, f.source, f.inspectionId, f.systemId, f.addresseePositionId, f.title, f.detail, f.dueOn, f.by, f.onBehalfOf, f.at, f.ruleIds]);
}

export async function respondToFinding(db: Db, id: string, r: { response: string; by: string; at: Date }): Promise<void> {
  await exec(db, `update finding set status = 'responded', response = $2, responded_by_id = $3, responded_at = $4, version = version + 1 where id = $1`, [id, r.response, r.by, r.at]);
}

export async function closeFinding(db: Db, id: string, c: { note: string | null; by: string; at: Date }): Promise<void> {
  await exec(db, `update finding set status = 'closed', close_note = $2, closed_by_id = $3, closed_at = $4, version = version + 1 where id = $1`, [id, c.note, c.by, c.at]);
}

export interface FindingNoteRow {
  id: string;
  finding_id: string;
  author_name: string;
  body: string;
  created_at: Date | string;
}

export async function notesOfFindings(db: Db, findingIds: readonly string[]): Promise<FindingNoteRow[]> {
  return rows(db, `select n.id, n.finding_id, ${staffName('n.author_id')} as author_name, n.body, n.created_at from finding_note n
    where n.finding_id = any($1::uuid[]) order by n.finding_id, n.created_at, n.id`, [findingIds]);
}

export async function insertFindingNote(db: Db, n: { municipalityId: string; findingId: string; by: string; body: string; at: Date }): Promise<void> {
  await exec(db, `insert into finding_note (id, municipality_id, finding_id, author_id, body, created_at) values (gen_random_uuid(), $1, $2, $3, $4, $5)`,
    [n.municipalityId, n.findingId, n.by, n.body, n.at]);
  await exec(db, 'update finding set version = version + 1 where id = $1', [n.findingId]);
}

// ---- the form ledger (KWO-5-2) -----------------------------------------------------------------------------

export interface LedgerEntryRow {
  id: string;
  org_unit_id: string;
  org_unit_name: string;
  form_name: string;
  information: string;
  storage_place: string;
  created_on: string;
  retention_years: number | null;
  disposal_method: 'shredding' | 'dissolving' | 'incineration' | 'other' | null;
  disposal_note: string | null;
  disposed_on: string | null;
  disposed_by_name: string | null;
  recorded_by_name: string;
  recorded_at: Date | string;
  rule_ids: RuleId[];
  version: number;
}

const LEDGER_COLUMNS = `e.id, e.org_unit_id, ${unitLabel('e.org_unit_id')} as org_unit_name, e.form_name, e.information, e.storage_place, to_char(e.created_on, 'YYYY-MM-DD') as created_on,
  e.retention_years, e.disposal_method, e.disposal_note, to_char(e.disposed_on, 'YYYY-MM-DD') as disposed_on, ${staffName('e.disposed_by_id')} as disposed_by_name,
  ${staffName('e.recorded_by_id')} as recorded_by_name, e.recorded_at, e.rule_ids, e.version`;

export async function ledgerEntries(db: Db, filter: { orgUnitId?: string | null; undisposedOnly?: boolean }): Promise<LedgerEntryRow[]> {
  return rows(db, `select ${LEDGER_COLUMNS} from form_ledger_entry e
    where ($1::uuid is null or e.org_unit_id = $1) and (not $2::boolean or e.disposed_on is null)
    order by e.org_unit_id, e.created_on, e.form_name`, [filter.orgUnitId ?? null, filter.undisposedOnly ?? false]);
}

export async function ledgerEntryById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<LedgerEntryRow | undefined> {
  return one(db, `select ${LEDGER_COLUMNS} from form_ledger_entry e where e.id = $1${opts.lock ? ' for update' : ''}`, [id]);
}

export async function insertLedgerEntry(db: Db, e: {
  id: string; municipalityId: string; orgUnitId: string; formName: string; information: string; storagePlace: string; createdOn: string; retentionYears: number | null; by: string; at: Date; ruleIds: readonly RuleId[];
}): Promise<void> {
  await exec(db, `insert into form_ledger_entry (id, municipality_id, org_unit_id, form_name, information, storage_place, created_on, retention_years, recorded_by_id, recorded_at, rule_ids)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
  [e.id, e.municipalityId, e.orgUnitId, e.formName, e.information, e.storagePlace, e.createdOn, e.retentionYears, e.by, e.at, e.ruleIds]);
}

export async function recordDisposal(db: Db, id: string, d: { method: string; note: string | null; disposedOn: string; by: string }): Promise<void> {
  await exec(db, `update form_ledger_entry set disposal_method = $2, disposal_note = $3, disposed_on = $4, disposed_by_id = $5, version = version + 1 where id = $1`,
    [id, d.method, d.note, d.disposedOn, d.by]);
}
