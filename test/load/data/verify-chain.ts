// A streaming check of one municipality's audit chain, for chains too long to hold in memory (the
// large city's ten million events): the events come through COPY … TO STDOUT in sequence order and
// are recomputed with the product's own hash functions (auditRepo.eventDigest, chainHashV2,
// chainHash), exactly as packages/db/src/audit/verify.ts does for `npm run audit:verify`.
import { StringDecoder } from 'node:string_decoder';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { auditRepo } from '@tsukasa/db';

export interface StreamedChainReport {
  events: number;
  ok: boolean;
  problem?: string;
  ms: number;
}

/** COPY's text format escapes backslashes and control characters; the JSON comes back as written. */
const unescapeCopy = (line: string): string =>
  line.includes('\\') ? line.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c)) : line;

export async function verifyChainStreaming(client: pg.ClientBase, municipalityId: string): Promise<StreamedChainReport> {
  const started = performance.now();
  const head = (
    await client.query<{ last_seq: string; last_hash: string }>('select last_seq::text, last_hash from audit_chain_head where municipality_id = $1', [
      municipalityId,
    ])
  ).rows[0];
  // One JSON document per event; occurred_at as verify.ts reads it (a Date, then toISOString: UTC, milliseconds).
  const stream = client.query(
    copyTo(`copy (select json_build_object(
      'seq', seq::text, 'occurredAt', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'actorStaffId', actor_staff_id,
      'actorTokenId', actor_token_id, 'onBehalfOfStaffId', on_behalf_of_staff_id, 'action', action, 'targetType', target_type, 'targetId', target_id,
      'targetIds', target_ids, 'fields', fields, 'before', before, 'after', after, 'ruleIds', rule_ids, 'requestId', request_id,
      'prevHash', prev_hash, 'hash', hash, 'hashVersion', hash_version)
    from audit_event where municipality_id = '${municipalityId.replace(/[^0-9a-f-]/gi, '')}' order by seq) to stdout`),
  );
  let prev = auditRepo.GENESIS_HASH;
  let expected = 1n;
  let problem: string | undefined;
  let rest = '';
  const utf8 = new StringDecoder('utf8'); // a character may be split between two chunks
  const check = (line: string) => {
    const e = JSON.parse(unescapeCopy(line)) as Record<string, unknown>;
    const seq = e.seq as string;
    if (BigInt(seq) !== expected) return `event ${expected} is missing (next is ${seq})`;
    if (e.prevHash !== prev) return `event ${seq} does not follow the event before it`;
    const fields = {
      municipalityId,
      occurredAt: e.occurredAt as string,
      actorStaffId: (e.actorStaffId as string | null) ?? null,
      actorTokenId: (e.actorTokenId as string | null) ?? null,
      onBehalfOfStaffId: (e.onBehalfOfStaffId as string | null) ?? null,
      action: e.action as string,
      targetType: e.targetType as string,
      targetId: (e.targetId as string | null) ?? null,
      fields: (e.fields as string[] | null) ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      ruleIds: e.ruleIds as string[],
      requestId: (e.requestId as string | null) ?? null,
    };
    const hash =
      e.hashVersion === 1
        ? auditRepo.chainHash(prev, { ...fields, seq })
        : auditRepo.chainHashV2(prev, seq, auditRepo.eventDigest({ ...fields, targetIds: (e.targetIds as string[] | null) ?? null }));
    if (hash !== e.hash) return `event ${seq} was changed after it was written`;
    prev = hash;
    expected += 1n;
    return undefined;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (problem) continue; // drain the rest of the COPY
    const lines = (rest + utf8.write(chunk)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      problem = check(line);
      if (problem) break;
    }
  }
  const events = Number(expected - 1n);
  if (!problem && head && (head.last_seq !== String(events) || head.last_hash !== prev))
    problem = `the chain head records ${head.last_seq} events, the log holds ${events}`;
  return { events, ok: !problem, ...(problem ? { problem } : {}), ms: performance.now() - started };
}
