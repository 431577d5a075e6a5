import type { RuleId } from '@tsukasa/domain';
// 行政手続の定義 of the counter support system (KTM-7) and their history (versions, reviews under KTM-5-1-1).
import { exec, likePattern, one, rows, type Db } from './sql.ts';

export interface RoutingPatternRow {
  /** An org unit id, or "*" for any other staff member. */
  authority: string;
  action: 'handle' | 'accept_and_hand_over' | 'refer';
  /** An org unit id (null: the handling section). */
  to: string | null;
  note: string | null;
}

export interface ProcedureDefinitionRow {
  id: string;
  name: string;
  name_key: string;
  category: 'address_name_household' | 'related' | 'frequent' | 'certificate' | 'other';
  overview: string;
  conditions_text: string;
  condition_rules: unknown;
  routing_text: string;
  routing_patterns: RoutingPatternRow[];
  handling_org_unit_id: string;
  managing_org_unit_id: string;
  confirmation_items: string[];
  output_forms: { name: string; printedFields: string[] }[];
  other: string | null;
  display_order: number;
  rule_ids: RuleId[];
  version: number;
  reviewed_on: string;
  request_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = `d.id, d.name, d.name_key, d.category, d.overview, d.conditions_text, d.condition_rules, d.routing_text, d.routing_patterns, d.handling_org_unit_id,
  d.managing_org_unit_id, d.confirmation_items, d.output_forms, d.other, d.display_order, d.rule_ids, d.version, to_char(d.reviewed_on, 'YYYY-MM-DD') as reviewed_on,
  d.request_id, d.created_at, d.updated_at`;

const ORDER = `case d.category when 'address_name_household' then 1 when 'related' then 2 when 'frequent' then 3 when 'certificate' then 4 else 5 end, d.display_order, d.name`;

export interface DefinitionFilter {
  category?: string | null;
  /** The managing or the handling section. */
  sectionId?: string | null;
  /** Free text over the name and the overview (NFKC-normalised, case-insensitive). */
  text?: string | null;
  /** Due for review on `today` (not reviewed for over a year, KTM-5-1-1), or not due. */
  reviewDue?: { today: string; due: boolean; intervalYears: number } | null;
  limit: number;
}

export async function definitions(db: Db, f: DefinitionFilter): Promise<ProcedureDefinitionRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.category) where.push(`d.category = $${params.push(f.category)}`);
  if (f.sectionId) {
    const p = `$${params.push(f.sectionId)}`;
    where.push(`(d.managing_org_unit_id = ${p}::uuid or d.handling_org_unit_id = ${p}::uuid)`);
  }
  if (f.text?.trim()) {
    const p = `$${params.push(likePattern(f.text.trim()))}`;
    where.push(`(lower(normalize(d.name, NFKC)) like ${p} or lower(normalize(d.overview, NFKC)) like ${p})`);
  }
  if (f.reviewDue) {
    const years = `$${params.push(f.reviewDue.intervalYears)}::int`;
    where.push(`(d.reviewed_on + make_interval(years => ${years}))::date ${f.reviewDue.due ? '<' : '>='} $${params.push(f.reviewDue.today)}::date`);
  }
  return rows(db, `select ${COLUMNS} from procedure_definition d ${where.length ? `where ${where.join(' and ')}` : ''} order by ${ORDER} limit $${params.push(f.limit)}`, params);
}

/** Every definition the system may propose by itself (one with structured conditions). */
export async function definitionsWithConditions(db: Db): Promise<ProcedureDefinitionRow[]> {
  return rows(db, `select ${COLUMNS} from procedure_definition d where d.condition_rules is not null order by ${ORDER}`);
}

export async function definitionById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<ProcedureDefinitionRow | undefined> {
  return one(db, `select ${COLUMNS} from procedure_definition d where d.id = $1${opts.lock ? ' for update' : ''}`, [id]);
}

export async function definitionByNameKey(db: Db, nameKey: string, opts: { lock?: boolean } = {}): Promise<ProcedureDefinitionRow | undefined> {
  return one(db, `select ${COLUMNS} from procedure_definition d where d.name_key = $1${opts.lock ? ' for update' : ''}`, [nameKey]);
}

export interface DefinitionValues {
  name: string;
  nameKey: string;
  category: string;
  overview: string;
  conditionsText: string;
  conditionRules: unknown;
  routingText: string;
  routingPatterns: RoutingPatternRow[];
  handlingOrgUnitId: string;
  managingOrgUnitId: string;
  confirmationItems: string[];
  outputForms: { name: string; printedFields: string[] }[];
  other: string | null;
  displayOrder: number;
  ruleIds: readonly RuleId[];
  reviewedOn: string;
  requestId: string | null;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** Inserts a new definition; false when one of the same name appeared meanwhile (two approvals at once). */
export async function insertDefinition(db: Db, municipalityId: string, id: string, v: DefinitionValues, now: Date): Promise<boolean> {
  const r = await rows(db, `insert into procedure_definition (id, municipality_id, name, name_key, category, overview, conditions_text, condition_rules, routing_text, routing_patterns,
      handling_org_unit_id, managing_org_unit_id, confirmation_items, output_forms, other, display_order, rule_ids, version, reviewed_on, request_id, created_at, updated_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $19, $20, $20)
    on conflict (municipality_id, name_key) do nothing returning id`,
  [id, municipalityId, v.name, v.nameKey, v.category, v.overview, v.conditionsText, json(v.conditionRules), v.routingText, json(v.routingPatterns),
    v.handlingOrgUnitId, v.managingOrgUnitId, json(v.confirmationItems), json(v.outputForms), v.other, v.displayOrder, v.ruleIds, v.reviewedOn, v.requestId, now]);
  return r.length === 1;
}

/** A new version of a definition: every content column replaced, the version moved on. Returns the new version. */
export async function updateDefinition(db: Db, id: string, v: DefinitionValues, now: Date): Promise<number> {
  const r = await one<{ version: number }>(db, `update procedure_definition set name = $2, name_key = $3, category = $4, overview = $5, conditions_text = $6, condition_rules = $7,
      routing_text = $8, routing_patterns = $9, handling_org_unit_id = $10, managing_org_unit_id = $11, confirmation_items = $12, output_forms = $13, other = $14,
      display_order = $15, rule_ids = $16, reviewed_on = $17, request_id = $18, version = version + 1, updated_at = $19
    where id = $1 returning version`,
  [id, v.name, v.nameKey, v.category, v.overview, v.conditionsText, json(v.conditionRules), v.routingText, json(v.routingPatterns), v.handlingOrgUnitId, v.managingOrgUnitId,
    json(v.confirmationItems), json(v.outputForms), v.other, v.displayOrder, v.ruleIds, v.reviewedOn, v.requestId, now]);
  return r!.version;
}

/** KTM-5-1-1: reviewed without a change; the content and its version stay. */
export async function markReviewed(db: Db, id: string, reviewedOn: string, now: Date): Promise<void> {
  await exec(db, `update procedure_definition set reviewed_on = $2, updated_at = $3 where id = $1`, [id, reviewedOn, now]);
}

export interface HistoryEntry {
  id: string;
  definitionId: string;
  version: number;
  change: 'defined' | 'updated' | 'reviewed';
  snapshot: unknown;
  requestId: string | null;
  changedById: string | null;
  changedAt: Date;
  note: string | null;
  ruleIds: readonly RuleId[];
}

export async function insertHistory(db: Db, municipalityId: string, e: HistoryEntry): Promise<void> {
  await exec(db, `insert into procedure_definition_history (id, municipality_id, definition_id, version, change, snapshot, request_id, changed_by_id, changed_at, note, rule_ids)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
  [e.id, municipalityId, e.definitionId, e.version, e.change, json(e.snapshot), e.requestId, e.changedById, e.changedAt, e.note, e.ruleIds]);
}

export interface HistoryRow {
  id: string;
  definition_id: string;
  version: number;
  change: 'defined' | 'updated' | 'reviewed';
  request_id: string | null;
  request_number: string | null;
  changed_by_id: string | null;
  changed_by_name: string | null;
  changed_at: Date | string;
  note: string | null;
  rule_ids: RuleId[];
}

export async function historyOf(db: Db, definitionIds: readonly string[]): Promise<HistoryRow[]> {
  return rows(db, `select h.id, h.definition_id, h.version, h.change, h.request_id, r.number as request_number, h.changed_by_id,
      s.family_name || ' ' || s.given_name as changed_by_name, h.changed_at, h.note, h.rule_ids
    from procedure_definition_history h left join request r on r.id = h.request_id left join staff s on s.id = h.changed_by_id
    where h.definition_id = any($1::uuid[]) order by h.definition_id, h.changed_at desc, h.version desc`, [definitionIds]);
}

export interface SectionRow {
  id: string;
  key: string;
  name: string;
  name_en: string;
  level: string;
  parent_id: string | null;
}

/** The municipality's org units, to resolve sections named by key or name and to walk up the tree. */
export async function sections(db: Db): Promise<SectionRow[]> {
  return rows(db, `select id, key, name, name_en, level, parent_id from org_unit order by sort_order, key`);
}

/** The org units of the positions a staff member holds on a date (YYYY-MM-DD, the municipality's): their sections. */
export async function unitsOfStaffOn(db: Db, staffId: string, on: string): Promise<string[]> {
  const r = await rows<{ org_unit_id: string }>(db, `select p.org_unit_id from position_tenure t join position p on p.id = t.position_id
    where t.staff_id = $1 and t.valid_from <= $2::date and (t.valid_to is null or t.valid_to > $2::date) order by t.valid_from desc, p.sort_order`, [staffId, on]);
  return [...new Set(r.map((x) => x.org_unit_id))];
}

/** Who heads each of these org units on a date (課長 …), to tell the sections a definition concerns (KTM-5-1-2). */
export async function unitHeadsOn(db: Db, unitIds: readonly string[], on: string): Promise<{ org_unit_id: string; staff_id: string; email: string }[]> {
  return rows(db, `select distinct on (p.org_unit_id, t.staff_id) p.org_unit_id, t.staff_id, s.email from position p
      join position_tenure t on t.position_id = p.id and t.valid_from <= $2::date and (t.valid_to is null or t.valid_to > $2::date)
      join staff s on s.id = t.staff_id
    where p.org_unit_id = any($1::uuid[]) and p.kind = 'head' order by p.org_unit_id, t.staff_id`, [unitIds, on]);
}
