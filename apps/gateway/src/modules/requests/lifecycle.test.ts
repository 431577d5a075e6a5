// The life of a request through the API: the inbox, deputies, withdrawal, return for correction and
// resubmission (a new round), final decisions and idempotent filing and deciding.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearEnd, fiscalYearStart } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, REQUEST_FIELDS, type Person, type Req, type RequestTools } from './requests.testing.ts';

/** Application dates counted from the day the tests run: from the start of this fiscal year to the end of the next. */
const T = testCalendar();
const FROM = fiscalYearStart(T.fiscalYear);
const UNTIL = fiscalYearEnd(T.fiscalYear + 1);

let gw: TestGateway;
let t: RequestTools;
let filer: Person;
let otherFiler: Person;
let chief: Person;
let coordinator: Person;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
  filer = await t.holder('minato', 'mnt.shiba.kumin.chief');
  otherFiler = await t.holder('minato', 'mnt.azabu.kumin.chief');
  chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
  coordinator = await t.holder('minato', 'mnt.hoken.fukushi.kanri.coordinator'); // deputy of the 保健福祉課長 (MNT-6-4)
});
afterAll(() => gw.stop());

const INBOX = `{ inbox { awaitingMe { step { id key } request { id status } } filedByMe { id } } }`;
type Inbox = { inbox: { awaitingMe: { step: { id: string; key: string }; request: { id: string; status: string } }[]; filedByMe: { id: string }[] } };
async function inbox(who: Person) {
  const r = await gw.gql<Inbox>(INBOX, {}, { token: who.token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.inbox;
}
const awaiting = async (who: Person) => (await inbox(who)).awaitingMe.map((i) => i.step.id).sort();

const taken = new Set<string>();
async function someone(withAccount: boolean): Promise<string> {
  const rows = await t.q<{ id: string }>(
    `select s.id from staff s join position_tenure t on t.staff_id = s.id and t.valid_to is null
      where s.municipality_id = (select id from municipality where code = 'minato')
        and ${withAccount ? '' : 'not '}exists (select 1 from account a join system y on y.id = a.system_id where a.staff_id = s.id and y.key = 'mnt.welfare' and a.ended_at is null and a.suspended_at is null)
      order by s.employee_number`,
  );
  const id = rows.map((r) => r.id).find((x) => !taken.has(x))!;
  taken.add(id);
  return id;
}
const addition = async (who = filer, key?: string) =>
  t.submit(who, 'user_addition', 'mnt.welfare', { staffId: await someone(false), authorityProfile: '照会', validFrom: FROM, reason: '配属' }, key);
const RESUBMIT = `mutation($id: ID!, $c: JSONObject!) { resubmitRequest(id: $id, content: $c) { ${REQUEST_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawRequest(id: $id) { ${REQUEST_FIELDS} } }`;

describe('the inbox', () => {
  it('lists exactly the open steps the viewer may act on, in person or as a deputy — not those of withdrawn, returned or decided requests', async () => {
    expect(await awaiting(chief)).toEqual([]);
    const a = await addition();
    const b = await addition(otherFiler);
    const c = await addition();
    const d = await addition(otherFiler);
    const judge = (r: Req) => t.step(r, 'judge').id;
    expect(await awaiting(chief)).toEqual([judge(a), judge(b), judge(c), judge(d)].sort());
    // The deputy sees the same steps; the filers see none of them, only what they filed.
    expect(await awaiting(coordinator)).toEqual([judge(a), judge(b), judge(c), judge(d)].sort());
    expect(await awaiting(filer)).toEqual([]);
    expect((await inbox(filer)).filedByMe.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());

    // Withdrawn, returned, rejected, moved on: each leaves the inbox.
    expect((await gw.gql(WITHDRAW, { id: b.id }, { token: otherFiler.token })).errors).toBeUndefined();
    await t.decide(chief, t.step(c, 'judge'), 'RETURNED');
    await t.decide(chief, t.step(d, 'judge'), 'REJECTED');
    const moved = await t.decide(chief, t.step(a, 'judge'));
    expect(await awaiting(chief)).toEqual([t.step(moved, 'create').id]);
    expect(await awaiting(coordinator)).toEqual([t.step(moved, 'create').id]);
    await t.decide(coordinator, t.step(moved, 'create'));
    expect(await awaiting(chief)).toEqual([]);
  });

  it('leaves out a step the viewer holds but may not take: the requester’s own approval, the author’s own confirmation', async () => {
    // The 保健福祉課長 files a modification as a using section chief: the need is judged by their deputy, not by them.
    const own = await t.submit(chief, 'system_modification', 'mnt.welfare', { lawChangeSummary: '様式の変更', referenceMaterials: '通知' });
    expect(await awaiting(chief)).toEqual([]);
    expect(await awaiting(coordinator)).toEqual([t.step(own, 'need').id]);
    await t.expectForbidden(chief, t.step(own, 'need'));
    expect((await gw.gql(WITHDRAW, { id: own.id }, { token: chief.token })).errors).toBeUndefined();

    // The work is recorded by the 保健福祉課長: the cross-check is for someone else (KWO-8-1-2).
    const work = await t.submit(filer, 'work_request', 'mnt.welfare', {
      workDescription: 'データ抽出',
      desiredCompletionDate: UNTIL,
      changeManagementApprovalNeeded: false,
    });
    const performed = await t.decide(chief, t.step(work, 'perform'), 'PERFORMED', { record: { 対応内容: '抽出', 完了日: T.today } });
    expect(await awaiting(filer)).toEqual([t.step(performed, 'confirm').id]);
    const confirmed = await t.decide(filer, t.step(performed, 'confirm'));
    expect(await awaiting(chief)).toEqual([]);
    expect(await awaiting(coordinator)).toEqual([t.step(confirmed, 'cross_check').id]);
    expect((await t.decide(coordinator, t.step(confirmed, 'cross_check'))).status).toBe('APPROVED');
  });
});

describe('deputies (MNT-6-4, KTM-3-6)', () => {
  it('records a deputy’s decision with both people: on the step and in the audit trail', async () => {
    const r = await addition();
    const judged = await t.decide(coordinator, t.step(r, 'judge'), 'APPROVED', { comment: '課長不在のため代理で判断' });
    expect(t.step(judged, 'judge')).toMatchObject({
      decidedById: coordinator.staffId,
      decidedByName: coordinator.name,
      onBehalfOfId: chief.staffId,
      onBehalfOfName: chief.name,
    });
    const [audit] = await t.q<{ actor_staff_id: string; on_behalf_of_staff_id: string; rule_ids: string[] }>(
      `select actor_staff_id, on_behalf_of_staff_id, rule_ids from audit_event where target_id = $1 and action = 'request.step.approved'`,
      [t.step(r, 'judge').id],
    );
    expect(audit).toEqual({ actor_staff_id: coordinator.staffId, on_behalf_of_staff_id: chief.staffId, rule_ids: ['MNT-10-2'] });
    // The role holder acting in person is recorded alone.
    const created = await t.decide(chief, t.step(judged, 'create'));
    expect(t.step(created, 'create')).toMatchObject({ decidedByName: chief.name, onBehalfOfName: null });
  });

  it('lets the 副統括管理者 register for the 統括管理者 in Kitami', async () => {
    const head = await t.holder('kitami', 'ktm.fukushi.kaigo.chief');
    const gm = await t.holder('kitami', 'ktm.shimin.director');
    const deputy = await t.holder('kitami', 'ktm.shimin.madoguchi.chief');
    const staffId = (
      await t.q<{ id: string }>(`select s.id from staff s join position_tenure t on t.staff_id = s.id and t.valid_to is null
      where s.municipality_id = (select id from municipality where code = 'kitami') and not exists (select 1 from account a where a.staff_id = s.id) order by s.employee_number limit 1`)
    )[0]!.id;
    const r = await t.submit(head, 'user_addition', 'ktm.counter', { staffId, authorityProfile: '受付', validFrom: FROM, reason: '配属' });
    expect(await awaiting(deputy)).toContain(t.step(r, 'register').id);
    const done = await t.decide(deputy, t.step(r, 'register'));
    expect(done.status).toBe('APPROVED');
    expect(t.step(done, 'register')).toMatchObject({ decidedByName: deputy.name, onBehalfOfName: gm.name });
    const [audit] = await t.q<{ on_behalf_of_staff_id: string }>(
      `select on_behalf_of_staff_id from audit_event where target_id = $1 and action = 'request.step.performed'`,
      [t.step(r, 'register').id],
    );
    expect(audit!.on_behalf_of_staff_id).toBe(gm.staffId);
  });
});

describe('withdrawing, returning and resubmitting', () => {
  it('withdraws: only the requester, only while undecided; its open steps can no longer be decided', async () => {
    const r = await addition();
    expect(errorCode(await gw.gql(WITHDRAW, { id: r.id }, { token: chief.token }))).toBe('FORBIDDEN');
    const w = await gw.gql<{ withdrawRequest: Req }>(WITHDRAW, { id: r.id }, { token: filer.token });
    expect(w.data!.withdrawRequest.status).toBe('WITHDRAWN');
    expect(errorCode(await t.tryDecide(chief, t.step(r, 'judge')))).toBe('CONFLICT');
    expect(errorCode(await gw.gql(WITHDRAW, { id: r.id }, { token: filer.token }))).toBe('CONFLICT');
    const [audit] = await t.q<{ actor_staff_id: string }>(`select actor_staff_id from audit_event where target_id = $1 and action = 'request.withdraw'`, [
      r.id,
    ]);
    expect(audit!.actor_staff_id).toBe(filer.staffId);
  });

  it('returns for correction and resubmits: a new round whose steps are recomputed from the corrected content', async () => {
    const kawChief = await t.holder('kawasaki', 'kaw.ward.kawasaki.kumin.chief');
    const assetManager = await t.holder('kawasaki', 'kaw.shimin.seikatsu.koseki.chief');
    const staffId = (
      await t.q<{ id: string }>(`select s.id from staff s join position_tenure t on t.staff_id = s.id and t.valid_to is null
      where s.municipality_id = (select id from municipality where code = 'kawasaki')
        and not exists (select 1 from account a join system y on y.id = a.system_id where a.staff_id = s.id and y.key = 'kwo.ward-office') order by s.employee_number limit 1`)
    )[0]!.id;
    const content = { staffId, authorityProfile: '住民票照会', validFrom: FROM, outsideSupervision: true, reason: '応援' };
    const r = await t.submit(kawChief, 'user_addition', 'kwo.ward-office', content);
    expect(r.steps.map((s) => s.key)).toEqual(['prior_permission', 'designate']);
    // Only a returned request is resubmitted, and only by its requester.
    expect(errorCode(await gw.gql(RESUBMIT, { id: r.id, c: content }, { token: kawChief.token }))).toBe('CONFLICT');
    const returned = await t.decide(assetManager, t.step(r, 'prior_permission'), 'RETURNED', { comment: '所属職員であれば許可は不要です。' });
    expect(returned).toMatchObject({ status: 'RETURNED', round: 1 });
    expect(errorCode(await gw.gql(RESUBMIT, { id: r.id, c: content }, { token: assetManager.token }))).toBe('FORBIDDEN');

    const again = await gw.gql<{ resubmitRequest: Req }>(RESUBMIT, { id: r.id, c: { ...content, outsideSupervision: false } }, { token: kawChief.token });
    expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
    const round2 = again.data!.resubmitRequest;
    expect(round2).toMatchObject({ id: r.id, status: 'IN_PROGRESS', round: 2, content: { outsideSupervision: false } });
    expect(round2.steps.map((s) => [s.key, s.status])).toEqual([['designate', 'OPEN']]);
    expect(round2.steps[0]!.id).not.toBe(t.step(r, 'designate').id);
    // The first round's steps are history: deciding them is refused.
    expect(errorCode(await t.tryDecide(assetManager, t.step(r, 'prior_permission')))).toBe('CONFLICT');
    const done = await t.decide(kawChief, round2.steps[0]!);
    expect(done.status).toBe('APPROVED');
    const [audit] = await t.q<{ after: { round: number } }>(`select after from audit_event where target_id = $1 and action = 'request.resubmit'`, [r.id]);
    expect(audit!.after.round).toBe(2);
  });

  it('withdraws a request returned for correction', async () => {
    const r = await addition();
    await t.decide(chief, t.step(r, 'judge'), 'RETURNED');
    const w = await gw.gql<{ withdrawRequest: Req }>(WITHDRAW, { id: r.id }, { token: filer.token });
    expect(w.data!.withdrawRequest.status).toBe('WITHDRAWN');
    expect(errorCode(await gw.gql(RESUBMIT, { id: r.id, c: r.content }, { token: filer.token }))).toBe('CONFLICT');
  });
});

describe('final decisions and idempotency', () => {
  it('refuses a second decision on a done step with CONFLICT, unless it is the same person repeating the same idempotency key', async () => {
    const r = await addition();
    const judge = t.step(r, 'judge');
    const first = await t.decide(chief, judge, 'APPROVED', { idempotencyKey: 'judge-once' });
    // The same click again (a retry): the request as it stands, nothing decided twice.
    const retry = await t.tryDecide(chief, judge, 'APPROVED', { idempotencyKey: 'judge-once' });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.decideStep).toMatchObject({ id: r.id, status: first.status });
    expect(t.step(retry.data!.decideStep, 'create').status).toBe('OPEN');
    // Anything else is a second decision: refused.
    expect(errorCode(await t.tryDecide(chief, judge, 'REJECTED', { idempotencyKey: 'judge-twice' }))).toBe('CONFLICT');
    expect(errorCode(await t.tryDecide(chief, judge, 'REJECTED'))).toBe('CONFLICT');
    expect(errorCode(await t.tryDecide(coordinator, judge, 'APPROVED', { idempotencyKey: 'judge-once' }))).toBe('CONFLICT');
    const audits = await t.q(`select 1 from audit_event where target_id = $1 and action like 'request.step.%'`, [judge.id]);
    expect(audits).toHaveLength(1);
    // A decided request takes no more decisions either.
    const done = await t.decide(chief, t.step(first, 'create'));
    expect(done.status).toBe('APPROVED');
    expect(errorCode(await t.tryDecide(chief, t.step(done, 'create')))).toBe('CONFLICT');
  });

  it('files once per idempotency key: the same key returns the first request', async () => {
    const staffId = await someone(false);
    const content = { staffId, authorityProfile: '照会', validFrom: FROM, reason: '配属' };
    const first = await t.submit(filer, 'user_addition', 'mnt.welfare', content, 'form-1-2026-001');
    const again = await t.submit(filer, 'user_addition', 'mnt.welfare', content, 'form-1-2026-001');
    expect(again.id).toBe(first.id);
    expect(again.number).toBe(first.number);
    const rows = await t.q(`select id from request where idempotency_key = 'form-1-2026-001'`);
    expect(rows).toHaveLength(1);
    // The key is the requester's: another requester using it files their own.
    const other = await t.submit(otherFiler, 'user_addition', 'mnt.welfare', { ...content, staffId: await someone(false) }, 'form-1-2026-001');
    expect(other.id).not.toBe(first.id);
  });

  it('files once when the same idempotency key arrives many times at once: every answer is the first request', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
    const content = { staffId: await someone(false), authorityProfile: '照会', validFrom: today, reason: '配属' };
    const key = `concurrent-${Date.now()}`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.trySubmit(filer, 'user_addition', 'mnt.welfare', content, key)));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const ids = [...new Set(answers.map((a) => a.data!.submitRequest.id))];
    expect(ids).toHaveLength(1);
    expect(new Set(answers.map((a) => a.data!.submitRequest.number)).size).toBe(1);
    expect(await t.q(`select id from request where idempotency_key = $1`, [key])).toEqual([{ id: ids[0] }]);
    expect(await t.q(`select 1 from audit_event where action = 'request.submit' and target_id = $1`, [ids[0]])).toHaveLength(1);
  });
});

describe('the inbox index', () => {
  it('holds exactly one entry per actor of every open step of a request in progress, in its round — after all of the above', async () => {
    // request_inbox_entry is kept by triggers (migration …-inbox); the inbox reads only it. Derive the
    // same set from the steps themselves and compare, across everything this file filed and decided.
    const derived = await t.q<{ key: string }>(
      `select distinct k.key || ' ' || s.id || ' ' || s.opened_at as key from request_step s
         join request r on r.id = s.request_id and r.round = s.round and r.status = 'in_progress'
         cross join lateral (select 'p:' || unnest(coalesce(s.actor_position_ids, '{}')) union all select 's:' || unnest(coalesce(s.actor_staff_ids, '{}'))) k(key)
        where s.status = 'open' order by 1`,
    );
    const held = await t.q<{ key: string }>(`select actor_key || ' ' || step_id || ' ' || opened_at as key from request_inbox_entry order by 1`);
    expect(derived.length).toBeGreaterThan(0);
    expect(held).toEqual(derived);
    // Steps of withdrawn, returned and decided requests were left open; none of them has an entry.
    const stale = await t.q<{ n: number }>(
      `select count(*)::int as n from request_inbox_entry e join request_step s on s.id = e.step_id join request r on r.id = s.request_id
        where r.status <> 'in_progress' or r.round <> s.round`,
    );
    expect(stale[0]!.n).toBe(0);
  });
});
