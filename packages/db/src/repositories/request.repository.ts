import type { RequestStatus, RuleId, StepKind, StepStatus } from '@tsukasa/domain';
import { exec, nowOf, one, rows, type Db } from './sql.ts';

export interface RequestRow {
  id: string;
  number: string;
  kind_key: string;
  rulebook_id: string;
  system_id: string | null;
  requester_id: string;
  on_behalf_of_id: string | null;
  status: RequestStatus;
  content: Record<string, unknown>;
  route_notes: { message: { ja: string; en: string }; ruleIds: RuleId[] }[];
  rule_ids: RuleId[];
  due_on: string | null;
  round: number;
  idempotency_key: string | null;
  filed_at: Date | string;
  decided_at: Date | string | null;
  version: number;
  updated_at: Date | string;
}

export interface StepRow {
  id: string;
  request_id: string;
  round: number;
  seq: number;
  stage: number;
  key: string;
  kind: StepKind;
  actor: Record<string, unknown>;
  subject_id: string | null;
  label_ja: string;
  label_en: string;
  rule_ids: RuleId[];
  status: Exclude<StepStatus, 'planned'>;
  actor_position_ids: string[] | null;
  actor_staff_ids: string[] | null;
  actor_contractor_id: string | null;
  actor_committee_id: string | null;
  decision: string | null;
  decided_by_id: string | null;
  on_behalf_of_id: string | null;
  decided_at: Date | string | null;
  comment: string | null;
  record: Record<string, unknown> | null;
  idempotency_key: string | null;
  opened_at: Date | string | null;
}

const REQUEST_COLUMNS = `r.id, r.number, r.kind_key, r.rulebook_id, r.system_id, r.requester_id, r.on_behalf_of_id, r.status, r.content, r.route_notes, r.rule_ids,
  to_char(r.due_on, 'YYYY-MM-DD') as due_on, r.round, r.idempotency_key, r.filed_at, r.decided_at, r.version, r.updated_at`;
const STEP_COLUMNS = `s.id, s.request_id, s.round, s.seq, s.stage, s.key, s.kind, s.actor, s.subject_id, s.label_ja, s.label_en, s.rule_ids, s.status,
  s.actor_position_ids, s.actor_staff_ids, s.actor_contractor_id, s.actor_committee_id, s.decision, s.decided_by_id, s.on_behalf_of_id, s.decided_at,
  s.comment, s.record, s.idempotency_key, s.opened_at`;

/** R8-000123: per municipality and fiscal year (令和8年度), gapless under concurrency (row lock). */
export async function nextRequestNumber(db: Db, municipalityId: string, fiscalYear: number, reiwaYear: number): Promise<string> {
  const row = await one<{ last: number }>(
    db,
    `insert into request_counter as c (municipality_id, fiscal_year, last) values ($1, $2, 1)
     on conflict (municipality_id, fiscal_year) do update set last = c.last + 1 returning last`,
    [municipalityId, fiscalYear],
  );
  return `R${reiwaYear}-${String(row!.last).padStart(6, '0')}`;
}

/**
 * Holds the requester's idempotency key until the transaction ends: a second filing with the same key
 * waits here until the first has committed (or rolled back), then finds its request instead of
 * colliding with it on the unique key.
 */
export async function lockIdempotencyKey(db: Db, requesterId: string, key: string): Promise<void> {
  await one(db, `select pg_advisory_xact_lock(hashtextextended('request.idempotency_key:' || $1 || ':' || $2, 0))::text as locked`, [requesterId, key]);
}

export async function requestByIdempotencyKey(db: Db, requesterId: string, key: string): Promise<RequestRow | undefined> {
  return one<RequestRow>(db, `select ${REQUEST_COLUMNS} from request r where r.requester_id = $1 and r.idempotency_key = $2`, [requesterId, key]);
}

export async function insertRequest(
  db: Db,
  r: { municipalityId: string; number: string; kindKey: string; rulebookId: string; systemId: string | null; requesterId: string; onBehalfOfId: string | null; content: unknown; routeNotes: unknown; ruleIds: readonly RuleId[]; dueOn: string | null; idempotencyKey: string | null; filedAt: Date },
): Promise<RequestRow> {
  return (await one<RequestRow>(
    db,
    `insert into request as r (id, municipality_id, number, kind_key, rulebook_id, system_id, requester_id, on_behalf_of_id, status, content, route_notes, rule_ids, due_on, round, idempotency_key, filed_at, version, updated_at)
     values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 'in_progress', $8, $9, $10, $11, 1, $12, $13, 1, $14)
     returning ${REQUEST_COLUMNS}`,
    [r.municipalityId, r.number, r.kindKey, r.rulebookId, r.systemId, r.requesterId, r.onBehalfOfId, JSON.stringify(r.content), JSON.stringify(r.routeNotes), r.ruleIds, r.dueOn, r.idempotencyKey, r.filedAt, nowOf(db)],
  ))!;
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

export async function insertSteps(db: Db, municipalityId: string, requestId: string, steps: NewStep[]): Promise<void> {
  if (!steps.length) return;
  await exec(
    db,
    `insert into request_step (id, municipality_id, request_id, round, seq, stage, key, kind, actor, subject_id, label_ja, label_en, rule_ids, status)
     select gen_random_uuid(), $1, $2, x.round, x.seq, x.stage, x.key, x.kind, x.actor, x.subject_id, x.label_ja, x.label_en,
            array(select jsonb_array_elements_text(x.rule_ids)), 'waiting'
       from jsonb_to_recordset($3::jsonb) as x(round int, seq int, stage int, key text, kind text, actor jsonb, subject_id text, label_ja text, label_en text, rule_ids jsonb)`,
    [municipalityId, requestId, JSON.stringify(steps.map((s) => ({ round: s.round, seq: s.seq, stage: s.stage, key: s.key, kind: s.kind, actor: s.actor, subject_id: s.subjectId, label_ja: s.labelJa, label_en: s.labelEn, rule_ids: s.ruleIds })))],
  );
}

/** Serialises every decision on one request: the route advances once per decision. */
export async function lockRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  return one<RequestRow>(db, `select ${REQUEST_COLUMNS} from request r where r.id = $1 for update`, [id]);
}

export async function requestsByIds(db: Db, ids: readonly string[]): Promise<RequestRow[]> {
  return rows<RequestRow>(db, `select ${REQUEST_COLUMNS} from request r where r.id = any($1::uuid[])`, [ids]);
}

export async function stepsOfRequests(db: Db, ids: readonly string[]): Promise<StepRow[]> {
  return rows<StepRow>(db, `select ${STEP_COLUMNS} from request_step s join request r on r.id = s.request_id and s.round = r.round where s.request_id = any($1::uuid[]) order by s.seq`, [ids]);
}

export async function stepById(db: Db, id: string): Promise<StepRow | undefined> {
  return one<StepRow>(db, `select ${STEP_COLUMNS} from request_step s where s.id = $1`, [id]);
}

/** Opens a step at `at` (default: the request's clock). */
export async function openStep(db: Db, id: string, actors: { positionIds: string[] | null; staffIds: string[] | null; contractorId: string | null; committeeId: string | null }, at?: Date): Promise<void> {
  await exec(
    db,
    `update request_step set status = 'open', opened_at = $6, actor_position_ids = $2, actor_staff_ids = $3, actor_contractor_id = $4, actor_committee_id = $5
      where id = $1 and status = 'waiting'`,
    [id, actors.positionIds, actors.staffIds, actors.contractorId, actors.committeeId, at ?? nowOf(db)],
  );
}

/**
 * Takes a step's decision exactly once: the update applies only while the step is open, so of two
 * people deciding at the same instant one wins and the other finds it decided.
 */
export async function decideStepIfOpen(
  db: Db,
  id: string,
  d: { decision: string; decidedBy: string | null; onBehalfOf: string | null; comment: string | null; record: unknown; idempotencyKey: string | null },
): Promise<StepRow | undefined> {
  return one<StepRow>(
    db,
    `update request_step s set status = 'done', decision = $2, decided_by_id = $3, on_behalf_of_id = $4, decided_at = $8, comment = $5, record = $6, idempotency_key = $7
      where s.id = $1 and s.status = 'open' returning ${STEP_COLUMNS}`,
    [id, d.decision, d.decidedBy, d.onBehalfOf, d.comment, d.record === null ? null : JSON.stringify(d.record), d.idempotencyKey, nowOf(db)],
  );
}

export async function setRequestStatus(db: Db, id: string, status: RequestStatus, opts: { decided?: boolean; content?: unknown; round?: number } = {}): Promise<RequestRow> {
  const sets = ['status = $2', 'version = version + 1', 'updated_at = $3'];
  const params: unknown[] = [id, status, nowOf(db)];
  if (opts.decided) sets.push('decided_at = $3');
  if (opts.content !== undefined) sets.push(`content = $${params.push(JSON.stringify(opts.content))}`);
  if (opts.round !== undefined) sets.push(`round = $${params.push(opts.round)}`);
  return (await one<RequestRow>(db, `update request r set ${sets.join(', ')} where r.id = $1 returning ${REQUEST_COLUMNS}`, params))!;
}

/**
 * Open steps the viewer may act on (their positions, deputised ones included, or themselves), oldest
 * first: of the current round of requests still in progress — a withdrawn, returned or decided
 * request leaves its undecided steps open but awaiting nobody (its inbox entries are removed).
 */
export async function inbox(db: Db, positionIds: readonly string[], staffId: string, first: number, after: { openedAt: Date | string; id: string } | null = null): Promise<StepRow[]> {
  // Walks request_inbox_entry (kept by triggers, migration …-inbox) in order for each of the viewer's
  // keys, at most `first` entries each, so a position with thousands of open steps costs no more than
  // a quiet one. The join re-checks the step and its request as a guard.
  const keys = [...positionIds.map((id) => `p:${id}`), `s:${staffId}`];
  return rows<StepRow>(
    db,
    `select ${STEP_COLUMNS} from request_step s join request r on r.id = s.request_id and s.round = r.round and r.status = 'in_progress'
      where s.status = 'open' and s.id in (
        select e.step_id from unnest($1::text[]) k(key) cross join lateral (
          select e.step_id from request_inbox_entry e where e.actor_key = k.key
            and ($3::timestamptz is null or (e.opened_at, e.step_id) > ($3::timestamptz, $4::uuid))
          order by e.opened_at, e.step_id limit $2) e)
      order by s.opened_at, s.id limit $2`,
    [keys, first, after?.openedAt ?? null, after?.id ?? null],
  );
}

export async function requestsFiledBy(db: Db, staffId: string, first: number): Promise<RequestRow[]> {
  return rows<RequestRow>(db, `select ${REQUEST_COLUMNS} from request r where r.requester_id = $1 order by r.filed_at desc limit $2`, [staffId, first]);
}

export interface RequestFilter {
  status?: RequestStatus | null;
  kindKey?: string | null;
}

function requestFilter(f: RequestFilter, params: unknown[]): string[] {
  const where: string[] = [];
  if (f.status) where.push(`r.status = $${params.push(f.status)}`);
  if (f.kindKey) where.push(`r.kind_key = $${params.push(f.kindKey)}`);
  return where;
}

/** Requests newest filed first (ties by id), after a position of that order: one page of the `requests` connection. */
export async function listRequests(db: Db, f: RequestFilter, first: number, after: { filedAt: string; id: string } | null): Promise<RequestRow[]> {
  const params: unknown[] = [];
  const where = requestFilter(f, params);
  if (after) where.push(`(r.filed_at, r.id) < ($${params.push(after.filedAt)}::timestamptz, $${params.push(after.id)}::uuid)`);
  return rows<RequestRow>(db, `select ${REQUEST_COLUMNS} from request r where ${where.join(' and ') || 'true'} order by r.filed_at desc, r.id desc limit $${params.push(first)}`, params);
}

export async function countRequests(db: Db, f: RequestFilter): Promise<number> {
  const params: unknown[] = [];
  const where = requestFilter(f, params);
  const [row] = await rows<{ n: number }>(db, `select count(*)::int as n from request r where ${where.join(' and ') || 'true'}`, params);
  return row!.n;
}

export async function queueMail(db: Db, municipalityId: string, mails: { recipientId: string | null; to: string; subject: string; body: string }[]): Promise<void> {
  if (!mails.length) return;
  await exec(
    db,
    `insert into mail_outbox (id, municipality_id, recipient_id, to_address, subject, body, created_at, attempts)
     select gen_random_uuid(), $1, (m->>'recipientId')::uuid, m->>'to', m->>'subject', m->>'body', $3, 0 from jsonb_array_elements($2::jsonb) m`,
    [municipalityId, JSON.stringify(mails), nowOf(db)],
  );
}

/** Role bindings of a role key in a rulebook: the positions that hold it. */
export async function positionsWithRole(db: Db, rulebookId: string, roleKey: string, scopeKey: string | null): Promise<{ position_id: string; org_unit_id: string }[]> {
  return rows(
    db,
    `select b.position_id, p.org_unit_id from role_binding b join position p on p.id = b.position_id
      where b.rulebook_id = $1 and b.role_key = $2 and ($3::text is null or b.scope_key = $3)`,
    [rulebookId, roleKey, scopeKey],
  );
}

export async function headPositionsOfUnits(db: Db, orgUnitIds: readonly string[]): Promise<{ id: string; org_unit_id: string }[]> {
  return rows(db, `select id, org_unit_id from position where kind = 'head' and org_unit_id = any($1::uuid[])`, [orgUnitIds]);
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
  const pool = await one<{ purchased_total: number }>(db, `select purchased_total from licence_pool where system_id = $1${lock ? ' for update' : ''}`, [systemId]);
  if (!pool) return undefined;
  const sums = await one<{ others: number; current: number }>(
    db,
    `select coalesce(sum(count) filter (where org_unit_id <> $2), 0)::int as others, coalesce(sum(count) filter (where org_unit_id = $2), 0)::int as current
       from licence_allocation where system_id = $1`,
    [systemId, orgUnitId],
  );
  return { purchasedTotal: pool.purchased_total, otherSectionsTotal: sums?.others ?? 0, current: sums?.current ?? 0 };
}

export async function setLicenceAllocation(db: Db, municipalityId: string, systemId: string, orgUnitId: string, count: number): Promise<void> {
  await exec(
    db,
    `insert into licence_allocation (system_id, org_unit_id, municipality_id, count, updated_at) values ($1, $2, $3, $4, $5)
     on conflict (system_id, org_unit_id, municipality_id) do update set count = excluded.count, updated_at = excluded.updated_at`,
    [systemId, orgUnitId, municipalityId, count, nowOf(db)],
  );
}

/** Every system with a licence pool, with its sections' allocations named (MNT-18): the dashboard's licence use. */
export async function licenceUse(db: Db): Promise<{ system_id: string; system_name: string; purchased_total: number; allocations: { orgUnitId: string; orgUnitName: string; count: number }[] }[]> {
  return rows(
    db,
    `select p.system_id, s.name as system_name, p.purchased_total,
            coalesce((select json_agg(json_build_object('orgUnitId', a.org_unit_id, 'orgUnitName', u.name, 'count', a.count) order by a.count desc, u.name)
                        from licence_allocation a join org_unit u on u.id = a.org_unit_id where a.system_id = p.system_id), '[]'::json) as allocations
       from licence_pool p join system s on s.id = p.system_id order by s.name`,
  );
}

export async function licencesOfSystems(db: Db, systemIds: readonly string[]): Promise<{ system_id: string; purchased_total: number; allocations: { orgUnitId: string; count: number }[] }[]> {
  return rows(
    db,
    `select p.system_id, p.purchased_total,
            coalesce((select json_agg(json_build_object('orgUnitId', a.org_unit_id, 'count', a.count) order by a.org_unit_id) from licence_allocation a where a.system_id = p.system_id), '[]'::json) as allocations
       from licence_pool p where p.system_id = any($1::uuid[])`,
    [systemIds],
  );
}
