import { createHash } from 'node:crypto';
import { ruleIdSet, type RuleId } from '@tsukasa/domain';
import { sql, type Compilable, type Expression, type InferResult, type SqlBool } from 'kysely';
import { first, jsonb, nowOf, recordedRows, run, tables, type Db, type ScopeOf, type Stored } from './sql.ts';

export interface AuditEventInput {
  actorStaffId: string | null;
  actorTokenId?: string | null;
  onBehalfOfStaffId?: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** A read of several records of one kind is one event naming them all. */
  targetIds?: string[] | null;
  fields?: string[] | null;
  before?: unknown;
  after?: unknown;
  ruleIds: readonly RuleId[];
  requestId?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Deterministic JSON: object keys sorted at every depth, Dates as ISO strings. */
export function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(norm(value) ?? null);
}

export interface ChainedFields {
  municipalityId: string;
  seq: string;
  occurredAt: string;
  actorStaffId: string | null;
  actorTokenId: string | null;
  onBehalfOfStaffId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  fields: string[] | null;
  before: unknown;
  after: unknown;
  /** As recorded: the chain hashes the rules an event cited when it happened. */
  ruleIds: readonly string[];
  requestId: string | null;
}

export function chainHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(e)).digest('hex');
}

const toJson = (v: unknown): unknown => (v === undefined ? null : JSON.parse(canonicalJson(v)));

/** What hash version 2 digests: the event without its position in the chain. */
export interface DigestFields extends Omit<ChainedFields, 'seq'> {
  targetIds: string[] | null;
}

export function eventDigest(e: DigestFields): string {
  return createHash('sha256').update(canonicalJson(e)).digest('hex');
}

/** Version 2 link, as the database computes it in append_audit_events(). */
export function chainHashV2(prevHash: string, seq: string, digest: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${digest}`).digest('hex');
}

/**
 * Appends events to the municipality's chain in the caller's transaction, in one round trip: the
 * database function locks the chain head (concurrent appends serialise, the sequence has no gaps),
 * links each event to the previous hash and moves the head. If this fails, the caller's
 * transaction fails with it — a change (or a protected read) is never without its audit record.
 */
export async function appendAuditEvents(db: Db, municipalityId: string, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  // The request's clock: the product's one source of time (sql.ts nowOf).
  const occurredAt = nowOf(db).toISOString();
  const payload = events.map((e) => {
    const fields: DigestFields = {
      municipalityId,
      occurredAt,
      actorStaffId: e.actorStaffId,
      actorTokenId: e.actorTokenId ?? null,
      onBehalfOfStaffId: e.onBehalfOfStaffId ?? null,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      targetIds: e.targetIds ?? null,
      fields: e.fields ?? null,
      before: toJson(e.before),
      after: toJson(e.after),
      // Each rule once, however the caller joined its lists (the chain records the set).
      ruleIds: ruleIdSet(e.ruleIds),
      requestId: e.requestId ?? null,
    };
    return { ...fields, digest: eventDigest(fields) };
  });
  await run(db, tables.selectNoFrom(sql<unknown>`append_audit_events(${municipalityId}, ${jsonb(payload)})`.as('appended')));
}

const auditEvents = () =>
  tables.selectFrom('audit_event').select((eb) => [
    // bigint as text (what the driver hands over for int8 anyway).
    sql<string>`${eb.ref('id')}::text`.as('id'),
    sql<string>`${eb.ref('seq')}::text`.as('seq'),
    'occurred_at',
    'actor_staff_id',
    'actor_token_id',
    'on_behalf_of_staff_id',
    'action',
    'target_type',
    'target_id',
    'target_ids',
    'fields',
    'before',
    'after',
    // The rules the event cited when it happened, as recorded (never re-read against amended rulebooks): text, not RuleId.
    eb.ref('rule_ids').$castTo<string[]>().as('rule_ids'),
    'request_id',
    'prev_hash',
    'hash',
  ]);

/** An audit event as recorded, typed from the entity. */
export type AuditEventRow = Stored<InferResult<ReturnType<typeof auditEvents>>[number]>;

/** Runs a typed query on the audit log through `recordedRows`: its rule IDs as recorded, unchecked. */
async function recorded<Row>(db: Db, query: Compilable<Row>): Promise<Stored<Row>[]> {
  const compiled = query.compile();
  return recordedRows<Stored<Row>>(db, compiled.sql, compiled.parameters);
}

export async function auditEventsForTarget(db: Db, targetType: string, targetId: string): Promise<AuditEventRow[]> {
  return recorded(db, auditEvents().where('target_type', '=', targetType).where('target_id', '=', targetId).orderBy('audit_event.seq'));
}

export interface AuditFilter {
  action?: string | null;
  actorStaffId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

function auditWhere(f: AuditFilter) {
  return (eb: ScopeOf<ReturnType<typeof auditEvents>>): Expression<SqlBool> => {
    const where: Expression<SqlBool>[] = [];
    if (f.action) where.push(eb('action', 'like', `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    if (f.actorStaffId) where.push(eb.or([eb('actor_staff_id', '=', f.actorStaffId), eb('on_behalf_of_staff_id', '=', f.actorStaffId)]));
    if (f.targetType) where.push(eb('target_type', '=', f.targetType));
    if (f.targetId) where.push(eb.or([eb('target_id', '=', f.targetId), eb('target_ids', '@>', sql<string[]>`array[${f.targetId}]::text[]`)]));
    if (f.from) where.push(eb('occurred_at', '>=', f.from));
    if (f.to) where.push(eb('occurred_at', '<', f.to));
    return eb.and(where);
  };
}

/** Newest first, keyset on seq. */
export async function searchAuditEvents(
  db: Db,
  f: AuditFilter,
  limit: number,
  beforeSeq: string | null,
): Promise<{ rows: AuditEventRow[]; totalCount: number }> {
  const filter = auditWhere(f);
  const page = await recorded(
    db,
    auditEvents()
      .where(filter)
      .$if(Boolean(beforeSeq), (q) => q.where('audit_event.seq', '<', sql<bigint>`${beforeSeq}::bigint`))
      .orderBy('audit_event.seq', 'desc')
      .limit(limit),
  );
  const total = await first(
    db,
    tables
      .selectFrom('audit_event')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(filter),
  );
  return { rows: page, totalCount: total?.n ?? 0 };
}
