import type { RuleId } from '@tsukasa/domain';
// 行政手続の定義 of the counter support system (KTM-7) and their history (versions, reviews under KTM-5-1-1).
import { sql as raw, type InferResult } from 'kysely';
import { anyOf, first, jsonb, likePattern, run, tables, type Db, type Stored } from './sql.ts';

const procedureDefinitions = () =>
  tables
    .selectFrom('procedure_definition as d')
    .select((eb) => [
      'd.id',
      'd.name',
      'd.name_key',
      'd.category',
      'd.overview',
      'd.conditions_text',
      'd.condition_rules',
      'd.routing_text',
      'd.routing_patterns',
      'd.handling_org_unit_id',
      'd.managing_org_unit_id',
      'd.confirmation_items',
      'd.output_forms',
      'd.other',
      'd.display_order',
      'd.rule_ids',
      'd.version',
      raw<string>`to_char(${eb.ref('d.reviewed_on')}, 'YYYY-MM-DD')`.as('reviewed_on'),
      'd.request_id',
      'd.created_at',
      'd.updated_at',
    ]);

/** A procedure definition as the repositories read it, typed from the entity. */
export type ProcedureDefinitionRow = Stored<InferResult<ReturnType<typeof procedureDefinitions>>[number]>;

/** A routing pattern as stored: sections as org unit ids, "*" for any other staff member. */
export type RoutingPatternRow = ProcedureDefinitionRow['routing_patterns'][number];

/** The counter's order: by category (KTM-7-1), then the order set within it, then the name. */
const inCounterOrder = (q: ReturnType<typeof procedureDefinitions>) =>
  q
    .orderBy((eb) =>
      eb
        .case('d.category')
        .when('address_name_household')
        .then(eb.lit(1))
        .when('related')
        .then(eb.lit(2))
        .when('frequent')
        .then(eb.lit(3))
        .when('certificate')
        .then(eb.lit(4))
        .else(eb.lit(5))
        .end(),
    )
    .orderBy('d.display_order')
    .orderBy('d.name');

export interface DefinitionFilter {
  category?: ProcedureDefinitionRow['category'] | null;
  /** The managing or the handling section. */
  sectionId?: string | null;
  /** Free text over the name and the overview (NFKC-normalised, case-insensitive). */
  text?: string | null;
  /** Due for review on `today` (not reviewed for over a year, KTM-5-1-1), or not due. */
  reviewDue?: { today: string; due: boolean; intervalYears: number } | null;
  limit: number;
}

export async function definitions(db: Db, f: DefinitionFilter): Promise<ProcedureDefinitionRow[]> {
  const text = f.text?.trim() ? likePattern(f.text.trim()) : null;
  const review = f.reviewDue;
  return run(
    db,
    inCounterOrder(
      procedureDefinitions()
        .$if(Boolean(f.category), (q) => q.where('d.category', '=', f.category!))
        .$if(Boolean(f.sectionId), (q) =>
          q.where((eb) =>
            eb.or([eb('d.managing_org_unit_id', '=', raw<string>`${f.sectionId}::uuid`), eb('d.handling_org_unit_id', '=', raw<string>`${f.sectionId}::uuid`)]),
          ),
        )
        .$if(text !== null, (q) =>
          // normalize(…, NFKC) takes the form as a keyword, which Kysely's function calls cannot pass.
          q.where((eb) =>
            eb.or([
              eb(raw`lower(normalize(${eb.ref('d.name')}, NFKC))`, 'like', text!),
              eb(raw`lower(normalize(${eb.ref('d.overview')}, NFKC))`, 'like', text!),
            ]),
          ),
        )
        .$if(Boolean(review), (q) =>
          q.where((eb) =>
            eb(
              raw`(${eb.ref('d.reviewed_on')} + make_interval(years => ${review!.intervalYears}::int))::date`,
              review!.due ? '<' : '>=',
              raw`${review!.today}::date`,
            ),
          ),
        ),
    ).limit(f.limit),
  );
}

/** Every definition the system may propose by itself (one with structured conditions). */
export async function definitionsWithConditions(db: Db): Promise<ProcedureDefinitionRow[]> {
  return run(db, inCounterOrder(procedureDefinitions().where('d.condition_rules', 'is not', null)));
}

export async function definitionById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<ProcedureDefinitionRow | undefined> {
  return first(
    db,
    procedureDefinitions()
      .where('d.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate()),
  );
}

export async function definitionByNameKey(db: Db, nameKey: string, opts: { lock?: boolean } = {}): Promise<ProcedureDefinitionRow | undefined> {
  return first(
    db,
    procedureDefinitions()
      .where('d.name_key', '=', nameKey)
      .$if(opts.lock === true, (q) => q.forUpdate()),
  );
}

export interface DefinitionValues {
  name: string;
  nameKey: string;
  category: ProcedureDefinitionRow['category'];
  overview: string;
  conditionsText: string;
  conditionRules: unknown;
  routingText: string;
  routingPatterns: RoutingPatternRow[];
  handlingOrgUnitId: string;
  managingOrgUnitId: string;
  confirmationItems: ProcedureDefinitionRow['confirmation_items'];
  outputForms: ProcedureDefinitionRow['output_forms'];
  other: string | null;
  displayOrder: number;
  ruleIds: readonly RuleId[];
  reviewedOn: string;
  requestId: string | null;
}

/** The columns a definition's values set, on insert and on a new version alike. */
const contentColumns = (v: DefinitionValues) => ({
  name: v.name,
  name_key: v.nameKey,
  category: v.category,
  overview: v.overview,
  conditions_text: v.conditionsText,
  condition_rules: jsonb(v.conditionRules as Record<string, unknown> | null),
  routing_text: v.routingText,
  routing_patterns: jsonb(v.routingPatterns),
  handling_org_unit_id: v.handlingOrgUnitId,
  managing_org_unit_id: v.managingOrgUnitId,
  confirmation_items: jsonb(v.confirmationItems),
  output_forms: jsonb(v.outputForms),
  other: v.other,
  display_order: v.displayOrder,
  rule_ids: [...v.ruleIds],
  reviewed_on: v.reviewedOn,
  request_id: v.requestId,
});

/** Inserts a new definition; false when one of the same name appeared meanwhile (two approvals at once). */
export async function insertDefinition(db: Db, municipalityId: string, id: string, v: DefinitionValues, now: Date): Promise<boolean> {
  const r = await run(
    db,
    tables
      .insertInto('procedure_definition')
      .values({ id, municipality_id: municipalityId, ...contentColumns(v), version: 1, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['municipality_id', 'name_key']).doNothing())
      .returning('id'),
  );
  return r.length === 1;
}

/** A new version of a definition: every content column replaced, the version moved on. Returns the new version. */
export async function updateDefinition(db: Db, id: string, v: DefinitionValues, now: Date): Promise<number> {
  const r = await first(
    db,
    tables
      .updateTable('procedure_definition as d')
      .set({ ...contentColumns(v), version: (eb) => eb(eb.ref('d.version'), '+', 1), updated_at: now })
      .where('d.id', '=', id)
      .returning('d.version'),
  );
  return r!.version;
}

/** KTM-5-1-1: reviewed without a change; the content and its version stay. */
export async function markReviewed(db: Db, id: string, reviewedOn: string, now: Date): Promise<void> {
  await run(db, tables.updateTable('procedure_definition').set({ reviewed_on: reviewedOn, updated_at: now }).where('id', '=', id));
}

const history = () =>
  tables
    .selectFrom('procedure_definition_history as h')
    .leftJoin('request as r', 'r.id', 'h.request_id')
    .leftJoin('staff as s', 's.id', 'h.changed_by_id')
    .select((eb) => [
      'h.id',
      'h.definition_id',
      'h.version',
      'h.change',
      'h.request_id',
      'r.number as request_number',
      'h.changed_by_id',
      raw<string | null>`${eb.ref('s.family_name')} || ' ' || ${eb.ref('s.given_name')}`.as('changed_by_name'),
      'h.changed_at',
      'h.note',
      'h.rule_ids',
    ]);

/** An entry of a definition's history, with the request and the staff member it names. */
export type HistoryRow = Stored<InferResult<ReturnType<typeof history>>[number]>;

export interface HistoryEntry {
  id: string;
  definitionId: string;
  version: number;
  change: HistoryRow['change'];
  snapshot: unknown;
  requestId: string | null;
  changedById: string | null;
  changedAt: Date;
  note: string | null;
  ruleIds: readonly RuleId[];
}

export async function insertHistory(db: Db, municipalityId: string, e: HistoryEntry): Promise<void> {
  await run(
    db,
    tables.insertInto('procedure_definition_history').values({
      id: e.id,
      municipality_id: municipalityId,
      definition_id: e.definitionId,
      version: e.version,
      change: e.change,
      snapshot: jsonb(e.snapshot as Record<string, unknown>),
      request_id: e.requestId,
      changed_by_id: e.changedById,
      changed_at: e.changedAt,
      note: e.note,
      rule_ids: [...e.ruleIds],
    }),
  );
}

export async function historyOf(db: Db, definitionIds: readonly string[]): Promise<HistoryRow[]> {
  return run(
    db,
    history()
      .where('h.definition_id', '=', anyOf(definitionIds, 'uuid'))
      .orderBy('h.definition_id')
      .orderBy('h.changed_at', 'desc')
      .orderBy('h.version', 'desc'),
  );
}

const orgUnits = () => tables.selectFrom('org_unit').select(['id', 'key', 'name', 'name_en', 'level', 'parent_id']);

/** An org unit as the procedures resolve and walk them. */
export type SectionRow = Stored<InferResult<ReturnType<typeof orgUnits>>[number]>;

/** The municipality's org units, to resolve sections named by key or name and to walk up the tree. */
export async function sections(db: Db): Promise<SectionRow[]> {
  return run(db, orgUnits().orderBy('sort_order').orderBy('key'));
}

/** The org units of the positions a staff member holds on a date (YYYY-MM-DD, the municipality's): their sections. */
export async function unitsOfStaffOn(db: Db, staffId: string, on: string): Promise<string[]> {
  const r = await run(
    db,
    tables
      .selectFrom('position_tenure as t')
      .innerJoin('position as p', 'p.id', 't.position_id')
      .select('p.org_unit_id')
      .where('t.staff_id', '=', staffId)
      .where('t.valid_from', '<=', raw<string>`${on}::date`)
      .where((eb) => eb.or([eb('t.valid_to', 'is', null), eb('t.valid_to', '>', raw<string>`${on}::date`)]))
      .orderBy('t.valid_from', 'desc')
      .orderBy('p.sort_order'),
  );
  return [...new Set(r.map((x) => x.org_unit_id))];
}

/** Who heads each of these org units on a date (課長 …), to tell the sections a definition concerns (KTM-5-1-2). */
export async function unitHeadsOn(db: Db, unitIds: readonly string[], on: string): Promise<{ org_unit_id: string; staff_id: string; email: string }[]> {
  return run(
    db,
    tables
      .selectFrom('position as p')
      .innerJoin('position_tenure as t', (join) =>
        join
          .onRef('t.position_id', '=', 'p.id')
          .on('t.valid_from', '<=', raw<string>`${on}::date`)
          .on((eb) => eb.or([eb('t.valid_to', 'is', null), eb('t.valid_to', '>', raw<string>`${on}::date`)])),
      )
      .innerJoin('staff as s', 's.id', 't.staff_id')
      .distinctOn(['p.org_unit_id', 't.staff_id'])
      .select(['p.org_unit_id', 't.staff_id', 's.email'])
      .where('p.org_unit_id', '=', anyOf(unitIds, 'uuid'))
      .where('p.kind', '=', 'head')
      .orderBy('p.org_unit_id')
      .orderBy('t.staff_id'),
  );
}

// ---- handlings at the counter (KTM-8) --------------------------------------------------------------

const procedureRuns = () =>
  tables
    .selectFrom('procedure_run as r')
    .select([
      'r.id',
      'r.definition_id',
      'r.definition_version',
      'r.started_by_id',
      'r.started_at',
      'r.identity_confirmed_by_id',
      'r.identity_confirmed_at',
      'r.identity_document_kind',
      'r.printed_forms',
      'r.printed_by_id',
      'r.printed_at',
      'r.version',
    ]);

/** One handling of a procedure at the counter: its identity confirmation (KTM-8-3) and the forms printed. */
export type ProcedureRunRow = Stored<InferResult<ReturnType<typeof procedureRuns>>[number]>;

export async function runById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<ProcedureRunRow | undefined> {
  return first(
    db,
    procedureRuns()
      .where('r.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate()),
  );
}

export async function insertRun(
  db: Db,
  municipalityId: string,
  r: { id: string; definitionId: string; definitionVersion: number; startedById: string; startedAt: Date },
): Promise<ProcedureRunRow> {
  await run(
    db,
    tables.insertInto('procedure_run').values({
      id: r.id,
      municipality_id: municipalityId,
      definition_id: r.definitionId,
      definition_version: r.definitionVersion,
      started_by_id: r.startedById,
      started_at: r.startedAt,
      printed_forms: [],
      version: 1,
    }),
  );
  return (await runById(db, r.id))!;
}

/** KTM-8-3: who confirmed the resident's identity, when, and on which document. */
export async function confirmRunIdentity(db: Db, id: string, c: { byId: string; at: Date; documentKind: string }): Promise<ProcedureRunRow | undefined> {
  await run(
    db,
    tables
      .updateTable('procedure_run')
      .set((eb) => ({
        identity_confirmed_by_id: c.byId,
        identity_confirmed_at: c.at,
        identity_document_kind: c.documentKind,
        version: eb(eb.ref('version'), '+', 1),
      }))
      .where('id', '=', id)
      .where('identity_confirmed_at', 'is', null),
  );
  return runById(db, id);
}

/** A form printed (KTM-8-1), appended to those printed before. */
export async function recordRunPrint(db: Db, id: string, p: { byId: string; at: Date; formName: string }): Promise<ProcedureRunRow | undefined> {
  await run(
    db,
    tables
      .updateTable('procedure_run')
      .set((eb) => ({
        printed_forms: raw<string[]>`array_append(${eb.ref('printed_forms')}, ${p.formName}::text)`,
        printed_by_id: p.byId,
        printed_at: p.at,
        version: eb(eb.ref('version'), '+', 1),
      }))
      .where('id', '=', id),
  );
  return runById(db, id);
}
