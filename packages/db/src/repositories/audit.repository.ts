import { createHash } from 'node:crypto';
import { ruleIdSet, type RuleId } from '@tsukasa/domain';
import { exec, nowOf, one, recordedRows, type Db } from './sql.ts';

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
  await exec(db, 'select append_audit_events($1, $2::jsonb)', [municipalityId, JSON.stringify(payload)]);
}

export interface AuditEventRow {
  id: string;
  seq: string;
  occurred_at: Date;
  actor_staff_id: string | null;
  actor_token_id: string | null;
  on_behalf_of_staff_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  target_ids: string[] | null;
  fields: string[] | null;
  before: unknown;
  after: unknown;
  /** The rules the event cited when it happened, as recorded (never re-read against amended rulebooks). */
  rule_ids: string[];
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export async function auditEventsForTarget(db: Db, targetType: string, targetId: string): Promise<AuditEventRow[]> {
  return recordedRows<AuditEventRow>(
    db,
    'select * from audit_event where target_type = $1 and target_id = $2 order by audit_event.seq',
    [targetType, targetId],
  );
}

export interface AuditFilter {
  action?: string | null;
  actorStaffId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Newest first, keyset on seq. */
export async function searchAuditEvents(db: Db, f: AuditFilter, first: number, beforeSeq: string | null): Promise<{ rows: AuditEventRow[]; totalCount: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.action) where.push(`action like $${params.push(`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.actorStaffId) where.push(`(actor_staff_id = $${params.push(f.actorStaffId)} or on_behalf_of_staff_id = $${params.length})`);
  if (f.targetType) where.push(`target_type = $${params.push(f.targetType)}`);
  if (f.targetId) where.push(`(target_id = $${params.push(f.targetId)} or target_ids @> array[$${params.length}]::text[])`);
  if (f.from) where.push(`occurred_at >= $${params.push(f.from)}`);
  if (f.to) where.push(`occurred_at < $${params.push(f.to)}`);
  const filter = where.join(' and ') || 'true';
  const countParams = [...params];
  const keyset = beforeSeq ? `seq < $${params.push(beforeSeq)}::bigint` : 'true';
  const page = await recordedRows<AuditEventRow>(
    db,
    `select id, seq::text as seq, occurred_at, actor_staff_id, actor_token_id, on_behalf_of_staff_id, action, target_type, target_id, target_ids, fields, before, after,
            rule_ids, request_id, prev_hash, hash
       from audit_event where ${filter} and ${keyset} order by audit_event.seq desc limit $${params.push(first)}`,
    params,
  );
  const total = await one<{ n: number }>(db, `select count(*)::int as n from audit_event where ${filter}`, countParams);
  return { rows: page, totalCount: total?.n ?? 0 };
}
