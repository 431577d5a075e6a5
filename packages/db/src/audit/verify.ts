import type pg from 'pg';
import { GENESIS_HASH, chainHash, chainHashV2, eventDigest, type ChainedFields } from '../repositories/audit.repository.ts';

export interface ChainReport {
  municipalityId: string;
  code: string;
  events: number;
  ok: boolean;
  /** The first problem found, in words an auditor can act on. */
  problem?: { seq: string | null; kind: 'edited' | 'deleted' | 'reordered' | 'head_mismatch'; detail: string };
}

/**
 * Recomputes every municipality's hash chain. An edited event no longer matches its hash; a deleted
 * one leaves a gap in the sequence or a chain head that points past the last event; reordering
 * breaks the link from an event to its predecessor's hash.
 */
export async function verifyAuditChains(client: pg.ClientBase): Promise<ChainReport[]> {
  const municipalities = (await client.query<{ id: string; code: string }>('select id, code from municipality order by code')).rows;
  const reports: ChainReport[] = [];
  for (const m of municipalities) {
    const head = (await client.query<{ last_seq: string; last_hash: string }>('select last_seq::text, last_hash from audit_chain_head where municipality_id = $1', [m.id])).rows[0];
    const cursor = await client.query<Record<string, unknown>>(
      `select seq::text as seq, occurred_at, actor_staff_id, actor_token_id, on_behalf_of_staff_id, action, target_type, target_id, target_ids, fields,
              before, after, rule_ids, request_id, prev_hash, hash, hash_version from audit_event where municipality_id = $1 order by audit_event.seq`,
      [m.id],
    );
    let prev = GENESIS_HASH;
    let expectedSeq = 1n;
    let problem: ChainReport['problem'];
    for (const e of cursor.rows) {
      const seq = e.seq as string;
      if (BigInt(seq) !== expectedSeq) {
        problem = { seq, kind: 'deleted', detail: `event ${expectedSeq} is missing (next is ${seq})` };
        break;
      }
      if (e.prev_hash !== prev) {
        problem = { seq, kind: 'reordered', detail: `event ${seq} does not follow the event before it` };
        break;
      }
      const fields: ChainedFields = {
        municipalityId: m.id,
        seq,
        occurredAt: (e.occurred_at as Date).toISOString(),
        actorStaffId: (e.actor_staff_id as string | null) ?? null,
        actorTokenId: (e.actor_token_id as string | null) ?? null,
        onBehalfOfStaffId: (e.on_behalf_of_staff_id as string | null) ?? null,
        action: e.action as string,
        targetType: e.target_type as string,
        targetId: (e.target_id as string | null) ?? null,
        fields: (e.fields as string[] | null) ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
        ruleIds: e.rule_ids as string[],
        requestId: (e.request_id as string | null) ?? null,
      };
      // Version 1 hashed the whole event with its sequence; version 2 links a digest of the event.
      const { seq: _seq, ...rest } = fields;
      const expected = e.hash_version === 1
        ? chainHash(prev, fields)
        : chainHashV2(prev, seq, eventDigest({ ...rest, targetIds: (e.target_ids as string[] | null) ?? null }));
      if (expected !== e.hash) {
        problem = { seq, kind: 'edited', detail: `event ${seq} was changed after it was written` };
        break;
      }
      prev = e.hash as string;
      expectedSeq += 1n;
    }
    const count = cursor.rows.length;
    if (!problem && head && (head.last_seq !== String(count) || head.last_hash !== prev)) {
      problem = { seq: head.last_seq, kind: head.last_seq !== String(count) ? 'deleted' : 'head_mismatch', detail: `the chain head records ${head.last_seq} events, the log holds ${count}` };
    }
    reports.push({ municipalityId: m.id, code: m.code, events: count, ok: !problem, ...(problem ? { problem } : {}) });
  }
  return reports;
}
