// The benchmark's audit log: one municipality's events as COPY lines, linked into a valid hash
// chain (version 2, as append_audit_events() links it).
import { hash } from 'node:crypto';
import { auditRepo } from '@tsukasa/db';
import type { Prng } from './prng.ts';

const sha256 = (data: string, encoding: 'hex') => hash('sha256', data, encoding);

/** The authority profiles accounts are created with (the accounts' rows and their audit events). */
export const AUTHORITY = ['参照', '更新', '管理者', '帳票出力'];

const ACTIONS = [
  { action: 'read', targetType: 'staff', weight: 40 },
  { action: 'auth.sign_in', targetType: 'session', weight: 20 },
  { action: 'account.create', targetType: 'account', weight: 10 },
  { action: 'request.submit', targetType: 'request', weight: 10 },
  { action: 'request.approve', targetType: 'request', weight: 10 },
  { action: 'system.update', targetType: 'system', weight: 8 },
  { action: 'information_asset.assign_owners', targetType: 'information_asset', weight: 2 },
];
const ACTION_TABLE = ACTIONS.flatMap((a) => Array.from({ length: a.weight }, () => a));

interface EventFields {
  municipalityId: string;
  occurredAt: string;
  actorStaffId: string | null;
  actorTokenId: string | null;
  onBehalfOfStaffId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetIds: string[] | null;
  fields: string[] | null;
  before: Record<string, string | number> | null;
  after: Record<string, string | number> | null;
  ruleIds: string[];
  requestId: string | null;
}

// Every string in an event is an id, an ISO instant, a rule ID or a fixed ASCII name: JSON and
// COPY need no escaping for them, so both are written directly (ten million events: the general
// functions would dominate the load). Keys are in canonicalJson's order (sorted at every depth;
// the before/after objects are built with sorted keys); the first events are checked against it.
const js = (v: string | null): string => (v === null ? 'null' : `"${v}"`);
const jsList = (v: string[] | null): string => (v === null ? 'null' : `[${v.map((x) => `"${x}"`).join(',')}]`);
const jsObject = (v: EventFields['before']): string => (v === null ? 'null' : JSON.stringify(v));
const pgText = (v: string | null): string => (v === null ? '\\N' : v);
const pgList = (v: string[] | null): string => (v === null ? '\\N' : `{${v.join(',')}}`);
const pgJson = (v: EventFields['before']): string => (v === null ? '\\N' : JSON.stringify(v).replace(/\\/g, '\\\\'));

function canonicalEvent(e: EventFields): string {
  return (
    `{"action":${js(e.action)},"actorStaffId":${js(e.actorStaffId)},"actorTokenId":${js(e.actorTokenId)},"after":${jsObject(e.after)},"before":${jsObject(e.before)},"fields":${jsList(e.fields)},` +
    `"municipalityId":${js(e.municipalityId)},"occurredAt":${js(e.occurredAt)},"onBehalfOfStaffId":${js(e.onBehalfOfStaffId)},"requestId":${js(e.requestId)},"ruleIds":${jsList(e.ruleIds)},` +
    `"targetId":${js(e.targetId)},"targetIds":${jsList(e.targetIds)},"targetType":${js(e.targetType)}}`
  );
}

export interface ChainHead {
  municipalityId: string;
  seq: number;
  hash: string;
}

/**
 * Events of one municipality as COPY lines (columns of COLUMNS.audit_event), linked as
 * append_audit_events() links them: hash version 2, sha256(prev || '\n' || seq || '\n' || digest)
 * with digest = sha256(canonical JSON of the event). Sets `head` when done.
 */
export function* auditChain(
  mid: string,
  count: number,
  from: number,
  to: number,
  rnd: Prng,
  pick: {
    staff: () => string;
    system: () => string;
    ruleIds: (action: string) => string[];
  },
  head: ChainHead,
): Generator<string> {
  let prev = auditRepo.GENESIS_HASH;
  const span = to - from;
  let at = from;
  for (let seq = 1; seq <= count; seq++) {
    // Evenly spread with jitter, never going back in time; millisecond precision as timestamptz keeps it.
    at = Math.max(at + 1, from + Math.floor((span * seq) / (count + 1)) + rnd.int(1000));
    const kind = ACTION_TABLE[rnd.int(ACTION_TABLE.length)]!;
    const actor = pick.staff();
    let targetId: string | null = null;
    let targetIds: string[] | null = null;
    let fields: string[] | null = null;
    let before: EventFields['before'] = null;
    let after: EventFields['after'] = null;
    switch (kind.action) {
      case 'read': {
        // One read event names every record read (audit v2 target_ids).
        const n = rnd.between(1, 5);
        targetIds = [];
        for (let i = 0; i < n; i++) targetIds.push(pick.staff());
        targetIds.sort();
        targetId = n === 1 ? targetIds[0]! : null;
        fields = ['personalPhone'];
        break;
      }
      case 'auth.sign_in':
        targetId = rnd.uuid();
        break;
      case 'account.create':
        targetId = rnd.uuid();
        after = { authorityProfile: AUTHORITY[rnd.int(AUTHORITY.length)]!, staffId: pick.staff(), systemId: pick.system() };
        break;
      case 'request.submit':
        targetId = rnd.uuid();
        after = { kind: 'system_modification', number: `G-${String(rnd.int(10_000_000)).padStart(7, '0')}` };
        break;
      case 'request.approve':
        targetId = rnd.uuid();
        before = { status: 'in_progress' };
        after = { status: 'approved' };
        break;
      case 'system.update':
        targetId = pick.system();
        before = { lifecycleStatus: 'in_service', version: rnd.between(1, 9) };
        after = { lifecycleStatus: 'under_change', version: rnd.between(10, 19) };
        break;
      default:
        targetId = rnd.uuid();
        after = { ownerCount: rnd.between(1, 3) };
    }
    const e: EventFields = {
      municipalityId: mid,
      occurredAt: new Date(at).toISOString(),
      actorStaffId: actor,
      actorTokenId: null,
      onBehalfOfStaffId: rnd.int(100) === 0 ? pick.staff() : null,
      action: kind.action,
      targetType: kind.targetType,
      targetId,
      targetIds,
      fields,
      before,
      after,
      ruleIds: pick.ruleIds(kind.action),
      requestId: rnd.uuid(),
    };
    const canonical = canonicalEvent(e);
    if (seq <= 500 && canonical !== auditRepo.canonicalJson(e))
      throw new Error(`canonical JSON mismatch at event ${seq}:\n${canonical}\n${auditRepo.canonicalJson(e)}`);
    const digest = sha256(canonical, 'hex');
    const link = sha256(`${prev}\n${seq}\n${digest}`, 'hex');
    yield (
      `${mid}\t${seq}\t${e.occurredAt}\t${actor}\t\\N\t${pgText(e.onBehalfOfStaffId)}\t${e.action}\t${e.targetType}\t${pgText(targetId)}\t${pgList(targetIds)}\t${pgList(fields)}\t` +
      `${pgJson(before)}\t${pgJson(after)}\t${pgList(e.ruleIds)}\t${e.requestId}\t${prev}\t${link}\t2`
    );
    prev = link;
  }
  head.municipalityId = mid;
  head.seq = count;
  head.hash = prev;
}
