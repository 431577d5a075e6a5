import type { RequestStatus, RouteResult, RuleId, StepKind } from '@tsukasa/domain';
import { sql, type InferResult } from 'kysely';
import { jsonBuildObject } from 'kysely/helpers/postgres';
import { anyOf, first, jsonb, nowOf, run, tables, type Db, type ScopeOf, type Stored } from './sql.ts';

// ---- requests and their steps -------------------------------------------------------------------

const REQUEST_COLUMNS = [
  'request.id',
  'request.number',
  'request.kind_key',
  'request.rulebook_id',
  'request.system_id',
  'request.requester_id',
  'request.on_behalf_of_id',
  'request.status',
  'request.content',
  'request.route_notes',
  'request.rule_ids',
  'request.round',
  'request.idempotency_key',
  'request.filed_at',
  'request.decided_at',
  'request.version',
  'request.updated_at',
] as const;

/** A request's columns, its due date as 'YYYY-MM-DD' (for a select, or an insert's or update's returning). */
const requestColumns = (eb: ScopeOf<ReturnType<typeof requestTable>>) =>
  [...REQUEST_COLUMNS, sql<string | null>`to_char(${eb.ref('request.due_on')}, 'YYYY-MM-DD')`.as('due_on')] as const;

const requestTable = () => tables.selectFrom('request');
const requests = () => requestTable().select(requestColumns);

/** A request (申請) as the repositories read it, typed from the entity. */
export type RequestRow = Stored<InferResult<ReturnType<typeof requests>>[number]>;

const STEP_COLUMNS = [
  'request_step.id',
  'request_step.request_id',
  'request_step.round',
  'request_step.seq',
  'request_step.stage',
  'request_step.key',
  'request_step.kind',
  'request_step.actor',
  'request_step.subject_id',
  'request_step.label_ja',
  'request_step.label_en',
  'request_step.rule_ids',
  'request_step.status',
  'request_step.actor_position_ids',
  'request_step.actor_staff_ids',
  'request_step.actor_contractor_id',
  'request_step.actor_committee_id',
  'request_step.decision',
  'request_step.decided_by_id',
  'request_step.on_behalf_of_id',
  'request_step.decided_at',
  'request_step.comment',
  'request_step.record',
  'request_step.idempotency_key',
  'request_step.opened_at',
] as const;

const steps = () => tables.selectFrom('request_step').select(STEP_COLUMNS);

/** A step of a request's route as the repositories read it, typed from the entity. */
export type StepRow = Stored<InferResult<ReturnType<typeof steps>>[number]>;

/** R8-000123: per municipality and fiscal year (令和8年度), gapless under concurrency (row lock). */
export async function nextRequestNumber(db: Db, municipalityId: string, fiscalYear: number, reiwaYear: number): Promise<string> {
  const row = await first(
    db,
    tables
      .insertInto('request_counter')
      .values({ municipality_id: municipalityId, fiscal_year: fiscalYear, last: 1 })
      .onConflict((oc) => oc.columns(['municipality_id', 'fiscal_year']).doUpdateSet((eb) => ({ last: eb(eb.ref('request_counter.last'), '+', 1) })))
      .returning('last'),
  );
  return `R${reiwaYear}-${String(row!.last).padStart(6, '0')}`;
}

/**
 * Holds the requester's idempotency key until the transaction ends: a second filing with the same key
 * waits here until the first has committed (or rolled back), then finds its request instead of
 * colliding with it on the unique key.
 */
export async function lockIdempotencyKey(db: Db, requesterId: string, key: string): Promise<void> {
  await run(
    db,
    tables.selectNoFrom(
      sql<string>`pg_advisory_xact_lock(hashtextextended('request.idempotency_key:' || ${requesterId} || ':' || ${key}, 0))::text`.as('locked'),
    ),
  );
}

export async function requestByIdempotencyKey(db: Db, requesterId: string, key: string): Promise<RequestRow | undefined> {
  return first(db, requests().where('request.requester_id', '=', requesterId).where('request.idempotency_key', '=', key));
}

export async function insertRequest(
  db: Db,
  r: {
    municipalityId: string;
    number: string;
    kindKey: string;
    rulebookId: string;
    systemId: string | null;
    requesterId: string;
    onBehalfOfId: string | null;
    content: Record<string, unknown>;
    routeNotes: RouteResult['notes'];
    ruleIds: readonly RuleId[];
    dueOn: string | null;
    idempotencyKey: string | null;
    filedAt: Date;
  },
): Promise<RequestRow> {
  const row = await first(
    db,
    tables
      .insertInto('request')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: r.municipalityId,
        number: r.number,
        kind_key: r.kindKey,
        rulebook_id: r.rulebookId,
        system_id: r.systemId,
        requester_id: r.requesterId,
        on_behalf_of_id: r.onBehalfOfId,
        status: 'in_progress',
        content: jsonb(r.content),
        route_notes: jsonb(r.routeNotes),
        rule_ids: [...r.ruleIds],
        due_on: r.dueOn,
        round: 1,
        idempotency_key: r.idempotencyKey,
        filed_at: r.filedAt,
        version: 1,
        updated_at: nowOf(db),
      }))
      .returning(requestColumns),
  );
  return row!;
}

export interface NewStep {
  round: number;
  seq: number;
  stage: number;
  key: string;
  kind: StepKind;
  actor: unknown;
  subjectId: string | null;
  labelJa: string;
  labelEn: string;
  ruleIds: readonly RuleId[];
}

export async function insertSteps(db: Db, municipalityId: string, requestId: string, list: NewStep[]): Promise<void> {
  if (!list.length) return;
  // One jsonb parameter for every step: the statement is the same whatever their number.
  const records = list.map((s) => ({
    round: s.round,
    seq: s.seq,
    stage: s.stage,
    key: s.key,
    kind: s.kind,
    actor: s.actor,
    subject_id: s.subjectId,
    label_ja: s.labelJa,
    label_en: s.labelEn,
    rule_ids: s.ruleIds,
  }));
  const x = sql<{
    round: number;
    seq: number;
    stage: number;
    key: string;
    kind: StepKind;
    actor: Record<string, unknown>;
    subject_id: string | null;
    label_ja: string;
    label_en: string;
    rule_ids: unknown;
  }>`jsonb_to_recordset(${JSON.stringify(records)}::jsonb)`.as<'x'>(
    sql`x(round int, seq int, stage int, key text, kind text, actor jsonb, subject_id text, label_ja text, label_en text, rule_ids jsonb)`,
  );
  await run(
    db,
    tables
      .insertInto('request_step')
      .columns([
        'id',
        'municipality_id',
        'request_id',
        'round',
        'seq',
        'stage',
        'key',
        'kind',
        'actor',
        'subject_id',
        'label_ja',
        'label_en',
        'rule_ids',
        'status',
      ])
      .expression((eb) =>
        eb
          .selectFrom(x)
          .select((e) => [
            e.fn<string>('gen_random_uuid').as('id'),
            e.val(municipalityId).as('municipality_id'),
            e.val(requestId).as('request_id'),
            'x.round',
            'x.seq',
            'x.stage',
            'x.key',
            'x.kind',
            'x.actor',
            'x.subject_id',
            'x.label_ja',
            'x.label_en',
            sql<string[]>`array(select jsonb_array_elements_text(${e.ref('x.rule_ids')}))`.as('rule_ids'),
            sql.lit('waiting').as('status'),
          ]),
      ),
  );
}

/** Serialises every decision on one request: the route advances once per decision. */
export async function lockRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  return first(db, requests().where('request.id', '=', id).forUpdate());
}

export async function requestsByIds(db: Db, ids: readonly string[]): Promise<RequestRow[]> {
  return run(db, requests().where('request.id', '=', anyOf(ids, 'uuid')));
}

export async function stepsOfRequests(db: Db, ids: readonly string[]): Promise<StepRow[]> {
  return run(
    db,
    steps()
      .innerJoin('request', (join) => join.onRef('request.id', '=', 'request_step.request_id').onRef('request_step.round', '=', 'request.round'))
      .where('request_step.request_id', '=', anyOf(ids, 'uuid'))
      .orderBy('request_step.seq'),
  );
}

export async function stepById(db: Db, id: string): Promise<StepRow | undefined> {
  return first(db, steps().where('request_step.id', '=', id));
}

/** Opens a step at `at` (default: the request's clock). */
export async function openStep(
  db: Db,
  id: string,
  actors: { positionIds: string[] | null; staffIds: string[] | null; contractorId: string | null; committeeId: string | null },
  at?: Date,
): Promise<void> {
  await run(
    db,
    tables
      .updateTable('request_step')
      .set({
        status: 'open',
        opened_at: at ?? nowOf(db),
        actor_position_ids: actors.positionIds,
        actor_staff_ids: actors.staffIds,
        actor_contractor_id: actors.contractorId,
        actor_committee_id: actors.committeeId,
      })
      .where('id', '=', id)
      .where('status', '=', sql.lit('waiting')),
  );
}

/**
 * Takes a step's decision exactly once: the update applies only while the step is open, so of two
 * people deciding at the same instant one wins and the other finds it decided.
 */
export async function decideStepIfOpen(
  db: Db,
  id: string,
  d: {
    decision: string;
    decidedBy: string | null;
    onBehalfOf: string | null;
    comment: string | null;
    record: Record<string, unknown> | null;
    idempotencyKey: string | null;
  },
): Promise<StepRow | undefined> {
  return first(
    db,
    tables
      .updateTable('request_step')
      .set({
        status: 'done',
        decision: d.decision,
        decided_by_id: d.decidedBy,
        on_behalf_of_id: d.onBehalfOf,
        decided_at: nowOf(db),
        comment: d.comment,
        record: jsonb(d.record),
        idempotency_key: d.idempotencyKey,
      })
      .where('request_step.id', '=', id)
      .where('request_step.status', '=', sql.lit('open'))
      .returning(STEP_COLUMNS),
  );
}

export async function setRequestStatus(
  db: Db,
  id: string,
  status: RequestStatus,
  opts: { decided?: boolean; content?: Record<string, unknown>; round?: number } = {},
): Promise<RequestRow> {
  const now = nowOf(db);
  const row = await first(
    db,
    tables
      .updateTable('request')
      .set((eb) => ({
        status,
        version: eb(eb.ref('request.version'), '+', 1),
        updated_at: now,
        ...(opts.decided ? { decided_at: now } : {}),
        ...(opts.content !== undefined ? { content: jsonb(opts.content) } : {}),
        ...(opts.round !== undefined ? { round: opts.round } : {}),
      }))
      .where('request.id', '=', id)
      .returning(requestColumns),
  );
  return row!;
}

/**
 * Open steps the viewer may act on (their positions, deputised ones included, or themselves), oldest
 * first: of the current round of requests still in progress — a withdrawn, returned or decided
 * request leaves its undecided steps open but awaiting nobody (its inbox entries are removed).
 */
export async function inbox(
  db: Db,
  positionIds: readonly string[],
  staffId: string,
  limit: number,
  after: { openedAt: Date | string; id: string } | null = null,
): Promise<StepRow[]> {
  // Walks request_inbox_entry (kept by triggers, migration …-inbox) in order for each of the viewer's
  // keys, at most `limit` entries each, so a position with thousands of open steps costs no more than
  // a quiet one. The join re-checks the step and its request as a guard. Whether there is a cursor
  // or not, the statement is the same (`$n is null or …`): one prepared statement, one plan.
  const keys = [...positionIds.map((id) => `p:${id}`), `s:${staffId}`];
  const afterAt = sql<Date>`${after?.openedAt ?? null}::timestamptz`;
  return run(
    db,
    steps()
      .innerJoin('request', (join) =>
        join
          .onRef('request.id', '=', 'request_step.request_id')
          .onRef('request_step.round', '=', 'request.round')
          .on('request.status', '=', sql.lit('in_progress')),
      )
      .where('request_step.status', '=', sql.lit('open'))
      .where('request_step.id', 'in', (eb) =>
        eb
          .selectFrom(sql<{ key: string }>`unnest(${keys}::text[])`.as<'k'>(sql`k(key)`))
          .crossJoinLateral((lateral) =>
            lateral
              .selectFrom('request_inbox_entry as e')
              .select('e.step_id')
              .whereRef('e.actor_key', '=', 'k.key')
              .where((w) =>
                w.or([w(afterAt, 'is', null), w(w.refTuple('e.opened_at', 'e.step_id'), '>', w.tuple(afterAt, sql<string>`${after?.id ?? null}::uuid`))]),
              )
              .orderBy('e.opened_at')
              .orderBy('e.step_id')
              .limit(limit)
              .as('e'),
          )
          .select('e.step_id'),
      )
      .orderBy('request_step.opened_at')
      .orderBy('request_step.id')
      .limit(limit),
  );
}

export async function requestsFiledBy(db: Db, staffId: string, limit: number): Promise<RequestRow[]> {
  return run(db, requests().where('request.requester_id', '=', staffId).orderBy('request.filed_at', 'desc').limit(limit));
}

export interface RequestFilter {
  status?: RequestStatus | null;
  kindKey?: string | null;
}

const filtered = (f: RequestFilter) =>
  requestTable()
    .$if(Boolean(f.status), (q) => q.where('request.status', '=', f.status!))
    .$if(Boolean(f.kindKey), (q) => q.where('request.kind_key', '=', f.kindKey!));

/** Requests newest filed first (ties by id), after a position of that order: one page of the `requests` connection. */
export async function listRequests(db: Db, f: RequestFilter, limit: number, after: { filedAt: string; id: string } | null): Promise<RequestRow[]> {
  return run(
    db,
    filtered(f)
      .select(requestColumns)
      // The cursor's instant as the text it was (microseconds and all), read as a timestamp by the server.
      .$if(Boolean(after), (q) => q.where(sql<boolean>`(request.filed_at, request.id) < (${after!.filedAt}::timestamptz, ${after!.id}::uuid)`))
      .orderBy('request.filed_at', 'desc')
      .orderBy('request.id', 'desc')
      .limit(limit),
  );
}

/** How many requests the filter matches, on every page. */
export async function countRequests(db: Db, f: RequestFilter): Promise<number> {
  const row = await first(db, filtered(f).select(sql<number>`count(*)::int`.as('n')));
  return row!.n;
}

export async function queueMail(
  db: Db,
  municipalityId: string,
  mails: { recipientId: string | null; to: string; subject: string; body: string }[],
): Promise<void> {
  if (!mails.length) return;
  // One jsonb parameter for every mail: the statement is the same whatever their number.
  const m = sql<{ recipientId: string | null; to: string; subject: string; body: string }>`jsonb_to_recordset(${JSON.stringify(mails)}::jsonb)`.as<'m'>(
    sql`m("recipientId" uuid, "to" text, subject text, body text)`,
  );
  await run(
    db,
    tables
      .insertInto('mail_outbox')
      .columns(['id', 'municipality_id', 'recipient_id', 'to_address', 'subject', 'body', 'created_at', 'attempts'])
      .expression((eb) =>
        eb
          .selectFrom(m)
          .select((e) => [
            e.fn<string>('gen_random_uuid').as('id'),
            e.val(municipalityId).as('municipality_id'),
            'm.recipientId',
            'm.to',
            'm.subject',
            'm.body',
            e.val(nowOf(db)).as('created_at'),
            e.lit(0).as('attempts'),
          ]),
      ),
  );
}

/** Role bindings of a role key in a rulebook: the positions that hold it. */
export async function positionsWithRole(
  db: Db,
  rulebookId: string,
  roleKey: string,
  scopeKey: string | null,
): Promise<{ position_id: string; org_unit_id: string }[]> {
  return run(
    db,
    tables
      .selectFrom('role_binding as b')
      .innerJoin('position as p', 'p.id', 'b.position_id')
      .select(['b.position_id', 'p.org_unit_id'])
      .where('b.rulebook_id', '=', rulebookId)
      .where('b.role_key', '=', roleKey)
      // With or without a scope, one statement (`$n is null or …`).
      .where((eb) => eb.or([eb(sql<string | null>`${scopeKey}::text`, 'is', null), eb('b.scope_key', '=', scopeKey)])),
  );
}

export async function headPositionsOfUnits(db: Db, orgUnitIds: readonly string[]): Promise<{ id: string; org_unit_id: string }[]> {
  return run(
    db,
    tables.selectFrom('position').select(['id', 'org_unit_id']).where('kind', '=', sql.lit('head')).where('org_unit_id', '=', anyOf(orgUnitIds, 'uuid')),
  );
}

// ---- licences (MNT-18) ----------------------------------------------------------------------

export interface LicenceTotals {
  purchasedTotal: number;
  /** Held by every section but `orgUnitId`. */
  otherSectionsTotal: number;
  current: number;
}

/** Totals for a section's change; `lock` holds the system's pool until the transaction ends (final decision). */
export async function licenceTotals(db: Db, systemId: string, orgUnitId: string, lock = false): Promise<LicenceTotals | undefined> {
  const pool = await first(
    db,
    tables
      .selectFrom('licence_pool')
      .select('purchased_total')
      .where('system_id', '=', systemId)
      .$if(lock, (q) => q.forUpdate()),
  );
  if (!pool) return undefined;
  const sums = await first(
    db,
    tables
      .selectFrom('licence_allocation')
      .select((eb) => [
        sql<number>`coalesce(${eb.fn.sum('count').filterWhere('org_unit_id', '<>', orgUnitId)}, 0)::int`.as('others'),
        sql<number>`coalesce(${eb.fn.sum('count').filterWhere('org_unit_id', '=', orgUnitId)}, 0)::int`.as('current'),
      ])
      .where('system_id', '=', systemId),
  );
  return { purchasedTotal: pool.purchased_total, otherSectionsTotal: sums?.others ?? 0, current: sums?.current ?? 0 };
}

export async function setLicenceAllocation(db: Db, municipalityId: string, systemId: string, orgUnitId: string, count: number): Promise<void> {
  await run(
    db,
    tables
      .insertInto('licence_allocation')
      .values({ system_id: systemId, org_unit_id: orgUnitId, municipality_id: municipalityId, count, updated_at: nowOf(db) })
      .onConflict((oc) =>
        oc
          .columns(['system_id', 'org_unit_id', 'municipality_id'])
          .doUpdateSet((eb) => ({ count: eb.ref('excluded.count'), updated_at: eb.ref('excluded.updated_at') })),
      ),
  );
}

const EMPTY_JSON_ARRAY = sql<[]>`'[]'::json`;

/** Every system with a licence pool, with its sections' allocations named (MNT-18): the dashboard's licence use. */
export async function licenceUse(
  db: Db,
): Promise<{ system_id: string; system_name: string; purchased_total: number; allocations: { orgUnitId: string; orgUnitName: string; count: number }[] }[]> {
  return run(
    db,
    tables
      .selectFrom('licence_pool as p')
      .innerJoin('system as s', 's.id', 'p.system_id')
      .select((eb) => [
        'p.system_id',
        's.name as system_name',
        'p.purchased_total',
        eb.fn
          .coalesce(
            eb
              .selectFrom('licence_allocation as a')
              .innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
              .select((e) =>
                e.fn
                  .jsonAgg(jsonBuildObject({ orgUnitId: e.ref('a.org_unit_id'), orgUnitName: e.ref('u.name'), count: e.ref('a.count') }))
                  .orderBy('a.count', 'desc')
                  .orderBy('u.name')
                  .as('agg'),
              )
              .whereRef('a.system_id', '=', 'p.system_id'),
            EMPTY_JSON_ARRAY,
          )
          .as('allocations'),
      ])
      .orderBy('s.name'),
  );
}

export async function licencesOfSystems(
  db: Db,
  systemIds: readonly string[],
): Promise<{ system_id: string; purchased_total: number; allocations: { orgUnitId: string; count: number }[] }[]> {
  return run(
    db,
    tables
      .selectFrom('licence_pool as p')
      .select((eb) => [
        'p.system_id',
        'p.purchased_total',
        eb.fn
          .coalesce(
            eb
              .selectFrom('licence_allocation as a')
              .select((e) =>
                e.fn
                  .jsonAgg(jsonBuildObject({ orgUnitId: e.ref('a.org_unit_id'), count: e.ref('a.count') }))
                  .orderBy('a.org_unit_id')
                  .as('agg'),
              )
              .whereRef('a.system_id', '=', 'p.system_id'),
            EMPTY_JSON_ARRAY,
          )
          .as('allocations'),
      ])
      .where('p.system_id', '=', anyOf(systemIds, 'uuid')),
  );
}
