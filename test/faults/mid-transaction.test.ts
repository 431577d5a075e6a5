// Database connections cut in the middle of a request — of an approval (decideStep), of a committee
// decision (recordDecision), of a filing (submitRequest) — with the real embedded PostgreSQL and the
// real gateway over HTTP. What the client may see: a typed INTERNAL error with the request id to
// quote. What must never be: half a decision. Afterwards the request's steps, status, audit events,
// inbox, notices and mail are either all there or none of them, and a retry (with the same
// idempotency key) completes the work exactly once.
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { appLoginUrl, createOrm, verifyAuditChains, withDatabase } from '@tsukasa/db';
import { startTestGateway, type GqlResult, type TestGateway } from '@tsukasa/gateway/testing';
import { faultInjector, startFaultCluster, type FaultCluster } from './fault-cluster.ts';
import { testCalendar } from '@tsukasa/domain/testing';

let cluster: FaultCluster;
let gw: TestGateway;
let faults: ReturnType<typeof faultInjector>;
/** The gateway's error log (JSON lines on stderr), kept for assertions instead of printed. */
const errorLog: Record<string, unknown>[] = [];
let stderr: MockInstance | undefined;

beforeAll(async () => {
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      try {
        errorLog.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        errorLog.push({ text: line });
      }
    }
    return true;
  });
  cluster = await startFaultCluster();
  gw = await startTestGateway(cluster.adminUrl);
  faults = faultInjector((pid) => gw.admin.query('select pg_terminate_backend($1, 5000)', [pid]));
});
afterAll(async () => {
  faults?.restore();
  stderr?.mockRestore();
  await gw?.stop();
  await cluster?.stop();
});

const STEP = 'id key kind status decision';
const SUBMIT = `mutation($i: RequestInput!, $k: String) { submitRequest(input: $i, idempotencyKey: $k) { id number status steps { ${STEP} } } }`;
const DECIDE = `mutation($i: DecideStepInput!) { decideStep(input: $i) { id number status steps { ${STEP} } } }`;
type Step = { id: string; key: string; kind: string; status: string; decision: string | null };
type Req = { id: string; number: string; status: string; steps: Step[] };

const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await gw.admin.query(sql, params)).rows as T[];

/** The current holder of a demo position, signed in (demo data signs in only a few people). */
async function holder(code: string, positionKey: string): Promise<{ token: string; staffId: string }> {
  const [row] = await q<{ staff_id: string }>(
    `select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.key = $1 and t.valid_to is null`,
    [positionKey],
  );
  await gw.admin.query(
    `update staff set username = coalesce(username, $2),
       password_hash = (select password_hash from staff where username = 'admin' and municipality_id = (select id from municipality where code = $3))
     where id = $1`,
    [row!.staff_id, `u.${positionKey}`, code],
  );
  const [s] = await q<{ username: string }>('select username from staff where id = $1', [row!.staff_id]);
  return { token: await gw.signIn(code, s!.username), staffId: row!.staff_id };
}

/** The typed error a client gets for a cut connection: INTERNAL, with the request id it can quote. */
function expectInternal(r: GqlResult) {
  expect(r.errors, JSON.stringify(r.data)).toBeDefined();
  const e = r.errors![0]!;
  expect(e.extensions?.code).toBe('INTERNAL');
  expect(e.extensions?.requestId).toBe(r.headers.get('x-request-id'));
  expect(e.message).toContain(String(e.extensions?.requestId));
  expect(e.extensions?.messageJa).toContain(String(e.extensions?.requestId));
  // Nothing of the database's own words reaches the client; the operator finds them in the log
  // under the reference the client quotes.
  expect(JSON.stringify(r.errors)).not.toMatch(/terminat|connection|postgres|sql/i);
  const logged = errorLog.filter((l) => l.requestId === e.extensions!.requestId);
  expect(logged.length).toBeGreaterThan(0);
  expect(logged.every((l) => l.level === 'error' && typeof l.error === 'string')).toBe(true);
  return String(e.extensions!.requestId);
}

/**
 * Everything a decision on a request writes, in one comparable shape: status, steps, audit events
 * of the request and its steps, inbox entries, notices and mail. Events and rows are reduced to what
 * makes them the same decision (not their ids or times).
 */
async function footprint(requestId: string) {
  const [request] = await q<{ status: string; round: number; number: string }>('select status, round, number from request where id = $1', [requestId]);
  const steps = await q<{ key: string; status: string; decision: string | null }>(
    'select key, status, decision from request_step where request_id = $1 order by round, seq',
    [requestId],
  );
  const audit = await q<{ action: string; n: number }>(
    `select action, count(*)::int as n from audit_event
      where target_id = $1::text or target_id in (select id::text from request_step where request_id = $1::uuid) or after->>'requestUuid' = $1::text
      group by action order by action`,
    [requestId],
  );
  const [inbox] = await q<{ n: number }>(
    'select count(*)::int as n from request_inbox_entry where step_id in (select id from request_step where request_id = $1)',
    [requestId],
  );
  const notices = await q<{ kind: string; n: number }>('select kind, count(*)::int as n from notification where target_id = $1 group by kind order by kind', [
    requestId,
  ]);
  const [mail] = await q<{ n: number }>('select count(*)::int as n from mail_outbox where subject like $1', [`%${request!.number}%`]);
  return { status: request!.status, round: request!.round, steps, audit, inbox: inbox!.n, notices, mail: mail!.n };
}

const auditOfRequestId = async (requestId: string) =>
  (await q<{ n: number }>('select count(*)::int as n from audit_event where request_id = $1', [requestId]))[0]!.n;

describe('an approval (decideStep) cut half-way', () => {
  let filer: { token: string };
  let approver: { token: string; staffId: string };
  let systemId: string;
  let someone: string;

  beforeAll(async () => {
    filer = await holder('minato', 'mnt.azabu.kumin.chief');
    approver = await holder('minato', 'mnt.hoken.fukushi.chief');
    systemId = (await q<{ id: string }>(`select id from system where key = 'mnt.welfare'`))[0]!.id;
    someone = (
      await q<{ id: string }>(`select s.id from staff s join municipality m on m.id = s.municipality_id where m.code = 'minato' and s.username = 'staff1'`)
    )[0]!.id;
  });

  /** An access-rights change (MNT 第1号様式 route) whose first step awaits the 保健福祉課長. */
  async function file(key?: string): Promise<{ request: Req; open: Step }> {
    const r = await gw.gql<{ submitRequest: Req }>(
      SUBMIT,
      {
        i: {
          kindKey: 'access_rights_update',
          systemId,
          content: { staffId: someone, currentAuthorityProfile: '照会', newAuthorityProfile: '照会・更新', reason: '担当業務の変更' },
        },
        k: key ?? null,
      },
      { token: filer.token },
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const request = r.data!.submitRequest;
    return { request, open: request.steps.find((s) => s.status === 'OPEN')! };
  }
  const decide = (open: Step, key?: string) =>
    gw.gql<{ decideStep: Req }>(
      DECIDE,
      {
        i: { stepId: open.id, decision: open.kind === 'PERFORM' ? 'PERFORMED' : 'APPROVED', comment: '妥当と認める', ...(key ? { idempotencyKey: key } : {}) },
      },
      { token: approver.token },
    );

  /** The footprint of one approval taken without any fault, to compare the faulted ones with. */
  let clean: Awaited<ReturnType<typeof footprint>>;
  beforeAll(async () => {
    const { request, open } = await file();
    const r = await decide(open);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    clean = await footprint(request.id);
    expect(clean.steps.find((s) => s.status === 'done')?.decision).toBe('approved');
  });

  it('loses the whole decision when the connection dies after the step was written and before its audit event', async () => {
    const { request, open } = await file();
    const before = await footprint(request.id);
    const fault = faults.killBefore(/append_audit_events/);
    const r = await decide(open);
    expect(fault.fired).toHaveLength(1);
    const requestId = expectInternal(r);
    // None of it: the step is open again (its update was rolled back), no event, no notice, no mail.
    expect(await footprint(request.id)).toEqual(before);
    expect(await auditOfRequestId(requestId)).toBe(0);
    // The approver tries again: decided once, audited once — exactly what a decision without a fault leaves.
    const again = await decide(open);
    expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
    expect(await footprint(request.id)).toEqual(clean);
  });

  it('loses the whole decision when the connection dies just before COMMIT', async () => {
    const { request, open } = await file();
    const before = await footprint(request.id);
    const fault = faults.killBefore(/^\s*commit\b/i);
    expectInternal(await decide(open));
    expect(fault.fired).toHaveLength(1);
    expect(await footprint(request.id)).toEqual(before);
    expect((await decide(open)).errors).toBeUndefined();
    expect(await footprint(request.id)).toEqual(clean);
  });

  it('keeps the whole decision when COMMIT went through but its answer was lost; the retry with the same key answers it, without a second decision', async () => {
    const { request, open } = await file();
    faults.loseCommitAck();
    expectInternal(await decide(open, 'approve-once'));
    // All of it: committed as a whole.
    expect(await footprint(request.id)).toEqual(clean);
    const retry = await decide(open, 'approve-once');
    expect(retry.errors, JSON.stringify(retry.errors)).toBeUndefined();
    expect(retry.data!.decideStep.id).toBe(request.id);
    // A retry without the key is told the step is taken (CONFLICT), and changes nothing either.
    const blind = await decide(open);
    expect(blind.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await footprint(request.id)).toEqual(clean);
  });

  it('with every gateway connection cut repeatedly while six approvals run, each request ends decided exactly once', async () => {
    const filed = [];
    for (let i = 0; i < 6; i++) filed.push(await file());
    let stop = false;
    const killer = (async () => {
      for (let round = 0; round < 8 && !stop; round++) {
        await new Promise((ok) => setTimeout(ok, 15));
        await gw.admin.query(`select pg_terminate_backend(pid, 5000) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`);
      }
    })();
    const outcomes = await Promise.all(
      filed.map(async ({ open }, i) => {
        const codes: unknown[] = [];
        for (let attempt = 0; attempt < 12; attempt++) {
          const r = await decide(open, `chaos-${i}`);
          if (!r.errors) return { ok: true, codes };
          codes.push(r.errors[0]!.extensions?.code);
          expectInternal(r);
          await new Promise((ok) => setTimeout(ok, 20));
        }
        return { ok: false, codes };
      }),
    );
    stop = true;
    await killer;
    expect(
      outcomes.every((o) => o.ok),
      JSON.stringify(outcomes),
    ).toBe(true);
    for (const { request } of filed) expect(await footprint(request.id)).toEqual(clean);
    // The hash chain took every event in order: nothing missing, nothing twice.
    const chains = await verifyAuditChains(gw.admin);
    expect(chains.filter((c) => !c.ok)).toEqual([]);
  });
});

describe('a filing (submitRequest) cut half-way, retried with its idempotency key', () => {
  let filer: { token: string; staffId: string };
  let systemId: string;
  const content = (reason: string) => ({ staffId: null as string | null, currentAuthorityProfile: '照会', newAuthorityProfile: '照会・更新', reason });

  beforeAll(async () => {
    filer = await holder('minato', 'mnt.shiba.kumin.chief');
    systemId = (await q<{ id: string }>(`select id from system where key = 'mnt.welfare'`))[0]!.id;
  });
  const submit = async (key: string, reason: string) => {
    const c = content(reason);
    c.staffId = (
      await q<{ id: string }>(`select s.id from staff s join municipality m on m.id = s.municipality_id where m.code = 'minato' and s.username = 'staff1'`)
    )[0]!.id;
    return gw.gql<{ submitRequest: Req }>(SUBMIT, { i: { kindKey: 'access_rights_update', systemId, content: c }, k: key }, { token: filer.token });
  };
  const requestsWithKey = async (key: string) =>
    q<{ id: string }>('select id from request where requester_id = $1 and idempotency_key = $2', [filer.staffId, key]);

  it('a filing that died before COMMIT is not there; the retry files it once', async () => {
    const before = (await q<{ n: number }>('select count(*)::int as n from request'))[0]!.n;
    const fault = faults.killBefore(/append_audit_events/);
    const requestId = expectInternal(await submit('file-1', '担当業務の変更'));
    expect(fault.fired).toHaveLength(1);
    expect(await requestsWithKey('file-1')).toEqual([]);
    expect((await q<{ n: number }>('select count(*)::int as n from request'))[0]!.n).toBe(before);
    expect(await auditOfRequestId(requestId)).toBe(0);
    const retry = await submit('file-1', '担当業務の変更');
    expect(retry.errors, JSON.stringify(retry.errors)).toBeUndefined();
    expect(await requestsWithKey('file-1')).toEqual([{ id: retry.data!.submitRequest.id }]);
  });

  it('a filing whose COMMIT answer was lost is there once; the retry returns it instead of filing a second', async () => {
    faults.loseCommitAck();
    expectInternal(await submit('file-2', '人事異動'));
    const stored = await requestsWithKey('file-2');
    expect(stored).toHaveLength(1);
    const retry = await submit('file-2', '人事異動');
    expect(retry.errors, JSON.stringify(retry.errors)).toBeUndefined();
    expect(retry.data!.submitRequest.id).toBe(stored[0]!.id);
    expect(await requestsWithKey('file-2')).toHaveLength(1);
    const filed = await q<{ n: number }>(`select count(*)::int as n from audit_event where action = 'request.submit' and target_id = $1`, [stored[0]!.id]);
    expect(filed[0]!.n).toBe(1);
  });
});

describe('a committee decision (recordDecision) cut half-way', () => {
  it('leaves the item undecided and the request’s committee step open, and is recorded once when retried (KTM-13-1-2)', async () => {
    const manager = await holder('kitami', 'ktm.fukushi.kaigo.chief');
    const secretary = await gw.signIn('kitami', 'admin'); // 窓口課: the secretariat
    const systemId = (await q<{ id: string }>(`select id from system where key = 'ktm.counter'`))[0]!.id;
    const filed = await gw.gql<{ submitRequest: Req }>(
      SUBMIT,
      { i: { kindKey: 'system_modification', systemId, content: { summary: '転入手続の案内フローの全面改修', major: true, businessChange: true } } },
      { token: manager.token },
    );
    expect(filed.errors, JSON.stringify(filed.errors)).toBeUndefined();
    const request = filed.data!.submitRequest;
    const committees = await gw.gql<{ committees: { id: string; key: string }[] }>('{ committees { id key } }', {}, { token: secretary });
    const committeeId = committees.data!.committees.find((c) => c.key === 'ktm.committee.one-stop')!.id;
    const MEETING = 'id items { id requestId outcome } attendees { id }';
    const call = async <K extends string>(query: string, variables: Record<string, unknown>, field: K) => {
      const r = await gw.gql<Record<K, { id: string; items: { id: string; requestId: string | null; outcome: string | null }[]; attendees: { id: string }[] }>>(
        query,
        variables,
        { token: secretary },
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data![field];
    };
    let m = await call(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { ${MEETING} } }`,
      { i: { committeeId, heldOn: testCalendar().businessDay(2), place: '北見市役所 会議室' } },
      'createMeeting',
    );
    const item = m.items.find((i) => i.requestId === request.id)!;
    m = await call(`mutation($m: ID!) { freezeAgenda(meetingId: $m) { ${MEETING} } }`, { m: m.id }, 'freezeAgenda');
    m = await call(
      `mutation($m: ID!, $p: [ID!]!) { recordAttendance(meetingId: $m, presentIds: $p) { ${MEETING} } }`,
      { m: m.id, p: m.attendees.map((a) => a.id) },
      'recordAttendance',
    );

    const DECISION = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { ${MEETING} } }`;
    const before = await footprint(request.id);
    const itemRow = async () => (await q<{ outcome: string | null }>('select outcome from meeting_item where id = $1', [item.id]))[0]!.outcome;
    // Cut after the meeting's decision and the request's committee step have been written: at the
    // last audit append of the decision's transaction.
    const fault = faults.killBefore(/append_audit_events/, 2);
    const failed = await gw.gql(DECISION, { i: { itemId: item.id, outcome: 'APPROVED' } }, { token: secretary });
    expect(fault.fired).toHaveLength(1);
    const requestId = expectInternal(failed);
    expect(await itemRow()).toBeNull();
    expect(await footprint(request.id)).toEqual(before);
    expect(await auditOfRequestId(requestId)).toBe(0);

    const retried = await call(DECISION, { i: { itemId: item.id, outcome: 'APPROVED' } }, 'recordDecision');
    expect(retried.items.find((i) => i.id === item.id)!.outcome).toBe('APPROVED');
    const after = await footprint(request.id);
    expect(after.steps.find((s) => s.key === 'operations_meeting')).toMatchObject({ status: 'done', decision: 'approved' });
    expect(after.audit.filter((a) => a.action === 'request.step.approved')).toEqual([{ action: 'request.step.approved', n: 1 }]);
    const twice = await gw.gql(DECISION, { i: { itemId: item.id, outcome: 'APPROVED' } }, { token: secretary });
    expect(twice.errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});

describe('the pool after the faults', () => {
  it('gives back the slot of a connection lost inside a transaction: more losses than slots, and it still serves', async () => {
    // Two slots, five transactions whose connection dies before COMMIT (the COMMIT and the ROLLBACK
    // both fail, and Kysely releases nothing): without releaseLostConnections (packages/db orm.ts)
    // the third begin() would wait for a free slot forever.
    const orm = await createOrm({ clientUrl: appLoginUrl(withDatabase(cluster.adminUrl, gw.admin.database!)), as: 'app', poolMax: 2 });
    try {
      const inTime = <T>(p: Promise<T>) =>
        Promise.race([p, new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no free connection: the pool leaked its slots')), 5000))]);
      for (let i = 0; i < 5; i++) {
        const em = orm.em.fork();
        await inTime(em.begin());
        const pid = (await em.getConnection().execute<{ pid: number }[]>('select pg_backend_pid() as pid', [], 'all', em.getTransactionContext()))[0]!.pid;
        await gw.admin.query('select pg_terminate_backend($1, 5000)', [pid]);
        await expect(em.commit()).rejects.toThrow();
        await em.rollback().catch(() => undefined);
      }
      const answer = await inTime(orm.em.fork().getConnection().execute<{ n: number }[]>('select 1 as n'));
      expect(answer).toEqual([{ n: 1 }]);
    } finally {
      await orm.close(true);
    }
  });

  it('the gateway serves on: every connection that was cut has been replaced', async () => {
    const token = await gw.signIn('arakawa');
    const r = await gw.gql<{ systems: { totalCount: number } }>('{ systems(first: 1) { totalCount } }', {}, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.systems.totalCount).toBe(117);
  });
});
