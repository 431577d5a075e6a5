import type pg from 'pg';
import { GENESIS_HASH, chainHash, chainHashV2, eventDigest, type ChainedFields } from '../repositories/audit.repository.ts';
import { countOf } from '@tsukasa/domain';

export interface ChainReport {
  municipalityId: string;
  code: string;
  /** Events verified in the database (after the newest anchor, when months have been archived). */
  events: number;
  ok: boolean;
  /** The newest month archived by `npm run audit:archive` (YYYY-MM): the chain in the database starts at its anchor. */
  archivedThrough?: string;
  /** With an archive directory (`--archive`): the archived events verified against the anchors. */
  archivedEvents?: number;
  /** The first problem found, in words an auditor can act on. */
  problem?: { seq: string | null; kind: 'edited' | 'deleted' | 'reordered' | 'head_mismatch'; detail: string };
}

export type ChainProblem = NonNullable<ChainReport['problem']>;

export interface VerifyProgress {
  municipalityId: string;
  code: string;
  /** Events of this municipality verified so far. */
  events: number;
  /** Events of all municipalities verified so far in this run. */
  totalEvents: number;
  done: boolean;
}

export interface VerifyOptions {
  /** Events read per query (keyset pagination on the chain's sequence); memory does not grow with the chain. */
  batchSize?: number;
  /** Called after every batch and when a municipality's chain is done. */
  onProgress?: (p: VerifyProgress) => void;
}

export const DEFAULT_VERIFY_BATCH = 10_000;

/** One event of a chain as the verifier needs it: from the database or from an archive file. */
export interface ChainEvent {
  seq: string;
  /** ISO 8601 in UTC with milliseconds, as the application hashed it. */
  occurredAt: string;
  actorStaffId: string | null;
  actorTokenId: string | null;
  onBehalfOfStaffId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetIds: string[] | null;
  fields: string[] | null;
  before: unknown;
  after: unknown;
  ruleIds: string[];
  requestId: string | null;
  prevHash: string;
  hash: string;
  hashVersion: number;
}

/** A row of audit_event (as node-postgres or row_to_json hands it over) as a ChainEvent. */
export function chainEventOf(e: Record<string, unknown>): ChainEvent {
  const at = e.occurred_at;
  return {
    seq: String(e.seq),
    occurredAt: (at instanceof Date ? at : new Date(at as string)).toISOString(),
    actorStaffId: (e.actor_staff_id as string | null) ?? null,
    actorTokenId: (e.actor_token_id as string | null) ?? null,
    onBehalfOfStaffId: (e.on_behalf_of_staff_id as string | null) ?? null,
    action: e.action as string,
    targetType: e.target_type as string,
    targetId: (e.target_id as string | null) ?? null,
    targetIds: (e.target_ids as string[] | null) ?? null,
    fields: (e.fields as string[] | null) ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    ruleIds: e.rule_ids as string[],
    requestId: (e.request_id as string | null) ?? null,
    prevHash: e.prev_hash as string,
    hash: e.hash as string,
    hashVersion: Number(e.hash_version),
  };
}

/**
 * Walks one municipality's chain event by event, holding only the previous link: from the genesis
 * hash, or from an anchor (the last event of an archived month: the next event is anchor.seq + 1
 * and links to anchor.hash). An edited event no longer matches its hash; a deleted one leaves a gap
 * in the sequence; reordering (or a number appearing twice) breaks the link to the predecessor.
 */
export class ChainWalker {
  prev: string;
  lastSeq: bigint;
  /** Events accepted. */
  count = 0;
  problem: ChainProblem | undefined;

  constructor(
    readonly municipalityId: string,
    start?: { seq: string; hash: string } | null,
  ) {
    this.prev = start?.hash ?? GENESIS_HASH;
    this.lastSeq = start ? BigInt(start.seq) : 0n;
  }

  /** Checks the next event; false (and `problem` set) when the chain breaks there. */
  push(e: ChainEvent): boolean {
    if (this.problem) return false;
    const seq = e.seq;
    const expectedSeq = this.lastSeq + 1n;
    if (BigInt(seq) > expectedSeq) {
      this.problem = { seq, kind: 'deleted', detail: `event ${expectedSeq} is missing (next is ${seq})` };
      return false;
    }
    if (BigInt(seq) < expectedSeq) {
      this.problem = { seq, kind: 'reordered', detail: `event ${seq} appears again after event ${this.lastSeq}` };
      return false;
    }
    if (e.prevHash !== this.prev) {
      this.problem = { seq, kind: 'reordered', detail: `event ${seq} does not follow the event before it` };
      return false;
    }
    const fields: ChainedFields = {
      municipalityId: this.municipalityId,
      seq,
      occurredAt: e.occurredAt,
      actorStaffId: e.actorStaffId,
      actorTokenId: e.actorTokenId,
      onBehalfOfStaffId: e.onBehalfOfStaffId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      fields: e.fields,
      before: e.before,
      after: e.after,
      ruleIds: e.ruleIds,
      requestId: e.requestId,
    };
    // Version 1 hashed the whole event with its sequence; version 2 links a digest of the event.
    const { seq: _seq, ...rest } = fields;
    const expected = e.hashVersion === 1 ? chainHash(this.prev, fields) : chainHashV2(this.prev, seq, eventDigest({ ...rest, targetIds: e.targetIds }));
    if (expected !== e.hash) {
      this.problem = { seq, kind: 'edited', detail: `event ${seq} was changed after it was written` };
      return false;
    }
    this.prev = e.hash;
    this.lastSeq = BigInt(seq);
    this.count++;
    return true;
  }
}

export interface Anchor {
  municipalityId: string;
  seq: string;
  hash: string;
  /** YYYY-MM */
  month: string;
}

/** Each municipality's newest anchor (audit_chain_anchor, written by `npm run audit:archive`). */
export async function newestAnchors(client: pg.ClientBase): Promise<Map<string, Anchor>> {
  const { rows } = await client.query<{ municipality_id: string; seq: string; hash: string; month: string }>(
    `select distinct on (municipality_id) municipality_id, seq::text as seq, hash, to_char(archived_month, 'YYYY-MM') as month
       from audit_chain_anchor order by municipality_id, audit_chain_anchor.seq desc`,
  );
  return new Map(rows.map((r) => [r.municipality_id, { municipalityId: r.municipality_id, seq: r.seq, hash: r.hash, month: r.month }]));
}

const EVENT_COLUMNS = `seq::text as seq, occurred_at, occurred_at::text as occurred_at_key, actor_staff_id, actor_token_id, on_behalf_of_staff_id, action, target_type,
  target_id, target_ids, fields, before, after, rule_ids, request_id, prev_hash, hash, hash_version`;

/**
 * Recomputes every municipality's hash chain, reading it in batches by keyset on the primary key
 * (municipality_id, seq, occurred_at): memory stays flat however long the chain (a large city's ten
 * million events). Each chain starts at the genesis hash, or at its newest anchor once months have
 * been archived. Events appended while the chain is read are verified too: the chain head is read
 * after the last batch, and reading goes on until it reaches the head.
 */
export async function verifyAuditChains(client: pg.ClientBase, opts: VerifyOptions = {}): Promise<ChainReport[]> {
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_VERIFY_BATCH));
  const municipalities = (await client.query<{ id: string; code: string }>('select id, code from municipality order by code')).rows;
  const anchors = await newestAnchors(client);
  const reports: ChainReport[] = [];
  let totalEvents = 0;
  for (const m of municipalities) {
    const anchor = anchors.get(m.id);
    const walker = new ChainWalker(m.id, anchor);
    // The keyset: (seq, occurred_at) of the last event read, occurred_at as PostgreSQL's own text (microseconds).
    let key: { seq: string; at: string } | undefined;
    let head: { last_seq: string; last_hash: string } | undefined;
    const progress = (done: boolean) => opts.onProgress?.({ municipalityId: m.id, code: m.code, events: walker.count, totalEvents, done });
    for (;;) {
      const from = walker.lastSeq;
      let full = true;
      while (full && !walker.problem) {
        const batch = key
          ? await client.query<Record<string, unknown>>(
              `select ${EVENT_COLUMNS} from audit_event where municipality_id = $1 and (seq, occurred_at) > ($2::bigint, $3::timestamptz)
              order by audit_event.seq, audit_event.occurred_at limit $4`,
              [m.id, key.seq, key.at, batchSize],
            )
          : await client.query<Record<string, unknown>>(
              `select ${EVENT_COLUMNS} from audit_event where municipality_id = $1 order by audit_event.seq, audit_event.occurred_at limit $2`,
              [m.id, batchSize],
            );
        for (const row of batch.rows) {
          if (!walker.push(chainEventOf(row))) break;
          totalEvents++;
        }
        const last = batch.rows.at(-1);
        if (last) key = { seq: last.seq as string, at: last.occurred_at_key as string };
        full = batch.rows.length === batchSize;
        progress(false);
      }
      head = (
        await client.query<{ last_seq: string; last_hash: string }>('select last_seq::text, last_hash from audit_chain_head where municipality_id = $1', [m.id])
      ).rows[0];
      // Appends commit the events with the head: a head past what was read means events written
      // meanwhile — read on, as long as reading finds more (if not, they are missing).
      if (walker.problem || !head || BigInt(head.last_seq) <= walker.lastSeq || walker.lastSeq === from) break;
    }
    let problem = walker.problem;
    const lastSeq = String(walker.lastSeq);
    if (!problem && head && (head.last_seq !== lastSeq || head.last_hash !== walker.prev)) {
      const holds = anchor ? `events up to ${lastSeq} (${walker.count} after the anchor of ${anchor.month})` : String(walker.count);
      problem = {
        seq: head.last_seq,
        kind: head.last_seq !== lastSeq ? 'deleted' : 'head_mismatch',
        detail: `the chain head records ${countOf(Number(head.last_seq), 'event')}, the log holds ${holds}`,
      };
    }
    progress(true);
    reports.push({
      municipalityId: m.id,
      code: m.code,
      events: walker.count,
      ok: !problem,
      ...(anchor ? { archivedThrough: anchor.month } : {}),
      ...(problem ? { problem } : {}),
    });
  }
  return reports;
}
