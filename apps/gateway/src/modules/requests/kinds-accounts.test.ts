// Every account kind walked through the API under each rulebook that defines it: the steps that
// open in order, who may act, the rules cited, the final status and the effect of the final decision.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearEnd, fiscalYearStart } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type RequestTools } from './requests.testing.ts';

/** Application dates counted from the day the tests run: from the start of this fiscal year to the end of the next. */
const T = testCalendar();
const FROM = fiscalYearStart(T.fiscalYear);
const UNTIL = fiscalYearEnd(T.fiscalYear + 1);
/** The instant use ends under an end date: the next day begins in Japan (MNT-11-1). */
const UNTIL_ENDS_AT = T.at(T.plusDays(UNTIL, 1), '00:00').toISOString();

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
});
afterAll(() => gw.stop());

type Account = {
  id: string;
  authority_profile: string;
  valid_to: Date | null;
  ended_at: Date | null;
  end_reason: string | null;
  suspended_at: Date | null;
  duty_position_id: string | null;
  purpose: string | null;
};
const accountOf = async (staffId: string, systemKey: string) =>
  (
    await t.q<Account>(
      `select a.* from account a join system s on s.id = a.system_id where a.staff_id = $1 and s.key = $2 order by a.created_at desc limit 1`,
      [staffId, systemKey],
    )
  )[0];

const taken = new Set<string>();
/** Someone of the municipality with a current position and no account on the system, not used by another test. */
async function newcomer(code: string, systemKey: string): Promise<string> {
  const rows = await t.q<{ id: string }>(
    `select s.id from staff s join position_tenure t on t.staff_id = s.id and t.valid_to is null
      where s.municipality_id = (select id from municipality where code = $1)
        and not exists (select 1 from account a join system y on y.id = a.system_id where a.staff_id = s.id and y.key = $2)
      order by s.employee_number`,
    [code, systemKey],
  );
  const id = rows.map((r) => r.id).find((x) => !taken.has(x))!;
  taken.add(id);
  return id;
}
/** Someone with an open, unsuspended account on the system, not used by another test. */
async function accountHolder(systemKey: string): Promise<string> {
  const rows = await t.q<{ staff_id: string }>(
    `select a.staff_id from account a join system y on y.id = a.system_id join position_tenure t on t.staff_id = a.staff_id and t.valid_to is null
      where y.key = $1 and a.ended_at is null and a.suspended_at is null and (a.valid_to is null or a.valid_to > now()) order by a.created_at, a.staff_id`,
    [systemKey],
  );
  const id = rows.map((r) => r.staff_id).find((x) => !taken.has(x))!;
  taken.add(id);
  return id;
}

const ACCESS = `query($s: ID!, $y: ID!, $at: DateTimeISO) { accessDecision(staffId: $s, systemId: $y, at: $at) { allowed reasons { code ruleIds } } }`;

describe('Minato (MNT): the 保健福祉課長 judges and performs', () => {
  let filer: Person;
  let chief: Person;
  let bystander: Person;
  beforeAll(async () => {
    filer = await t.holder('minato', 'mnt.shiba.kumin.chief');
    chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    bystander = await t.holder('minato', 'mnt.hoken.fukushi.kanri.chief');
  });

  it('user_addition: judged then added with its end date; use ends by itself at that date (MNT-11-1)', async () => {
    const staffId = await newcomer('minato', 'mnt.welfare');
    const r = await t.submit(filer, 'user_addition', 'mnt.welfare', {
      staffId,
      authorityProfile: '照会',
      validFrom: FROM,
      validTo: UNTIL,
      reason: '人事異動による配属',
    });
    expect(r.steps.map((s) => [s.key, s.kind, s.stage, s.status, s.ruleIds])).toEqual([
      ['judge', 'APPROVE', 1, 'OPEN', ['MNT-10-2']],
      ['create', 'PERFORM', 2, 'WAITING', ['MNT-10-2', 'MNT-4-1-3']],
    ]);
    expect(t.step(r, 'judge').actors.map((a) => a.name)).toEqual(['保健福祉課長']);
    // The filing chief may not judge their own application, nor may anyone outside the route.
    await t.expectForbidden(filer, t.step(r, 'judge'));
    const { request, opened } = await t.walk(r, () => chief, { bystander });
    expect(opened).toEqual([['judge'], ['create']]);
    expect(request.status).toBe('APPROVED');
    expect(request.steps.map((s) => [s.decision, s.decidedByName])).toEqual([
      ['APPROVED', chief.name],
      ['PERFORMED', chief.name],
    ]);
    const account = (await accountOf(staffId, 'mnt.welfare'))!;
    expect(account.authority_profile).toBe('照会');
    expect(account.valid_to!.toISOString()).toBe(UNTIL_ENDS_AT);
    expect(await t.effects(request)).toEqual(['effect.create_accounts']);

    // MNT-11: no termination notice needed — the integrators are told the account has expired.
    const admin = await gw.signIn('minato');
    const token = (
      await gw.gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "ログイン認証システム", scopes: ["access:read"] }) { token } }',
        {},
        { token: admin },
      )
    ).data!.createApiToken.token;
    const y = await t.systemId('mnt.welfare');
    const before = await gw.gql<{ accessDecision: { allowed: boolean } }>(ACCESS, { s: staffId, y, at: T.iso(UNTIL, '10:00') }, { token });
    expect(before.data!.accessDecision.allowed).toBe(true);
    const after = await gw.gql<{ accessDecision: { allowed: boolean; reasons: { code: string; ruleIds: string[] }[] } }>(
      ACCESS,
      { s: staffId, y, at: T.iso(T.plusDays(UNTIL, 1), '10:00') },
      { token },
    );
    expect(after.data!.accessDecision).toEqual({ allowed: false, reasons: [{ code: 'EXPIRED', ruleIds: ['MNT-11-1'] }] });
  });

  it('user_addition: rejected at the judgement, no account is created', async () => {
    const staffId = await newcomer('minato', 'mnt.welfare');
    const r = await t.submit(filer, 'user_addition', 'mnt.welfare', { staffId, authorityProfile: '照会・更新', validFrom: FROM, reason: '臨時の応援' });
    const done = await t.decide(chief, t.step(r, 'judge'), 'REJECTED', { comment: '業務上の必要性が認められません。' });
    expect(done.status).toBe('REJECTED');
    expect(t.step(done, 'create').status).toBe('WAITING');
    expect(await accountOf(staffId, 'mnt.welfare')).toBeUndefined();
    expect(await t.effects(done)).toEqual([]);
  });

  it('user_termination: the administrator removes the user; a removal step cannot reject, only return', async () => {
    const staffId = await accountHolder('mnt.welfare');
    const r = await t.submit(filer, 'user_termination', 'mnt.welfare', { staffId, endOn: UNTIL, reason: '異動' });
    expect(r.steps.map((s) => [s.key, s.kind, s.status, s.ruleIds])).toEqual([['remove', 'PERFORM', 'OPEN', ['MNT-11-2', 'MNT-4-1-3']]]);
    const reject = await t.tryDecide(chief, t.step(r, 'remove'), 'REJECTED');
    expect(errorCode(reject)).toBe('BAD_USER_INPUT');
    const { request } = await t.walk(r, () => chief, { bystander });
    expect(request.status).toBe('APPROVED');
    const account = (await accountOf(staffId, 'mnt.welfare'))!;
    expect(account.ended_at).not.toBeNull();
    expect(account.end_reason).toBe(`申請 ${request.number}`);

    const other = await accountHolder('mnt.welfare');
    const r2 = await t.submit(filer, 'user_termination', 'mnt.welfare', { staffId: other, endOn: UNTIL, reason: '異動' });
    const returned = await t.decide(chief, t.step(r2, 'remove'), 'RETURNED', { comment: '使用終了日を確認してください。' });
    expect(returned.status).toBe('RETURNED');
    expect((await accountOf(other, 'mnt.welfare'))!.ended_at).toBeNull();
  });

  it('bulk_user_update: judged and applied together, all or nothing (MNT-12)', async () => {
    const add = await newcomer('minato', 'mnt.welfare');
    const remove = await accountHolder('mnt.welfare');
    const changes = [
      { action: 'add', staffId: add, authorityProfile: '照会', validTo: UNTIL },
      { action: 'remove', staffId: remove },
    ];
    const r = await t.submit(filer, 'bulk_user_update', 'mnt.welfare', { changes, reason: '4月1日付人事異動' });
    expect(r.steps.map((s) => [s.key, s.stage, s.ruleIds])).toEqual([
      ['judge', 1, ['MNT-12-2']],
      ['apply', 2, ['MNT-12-2', 'MNT-4-1-3']],
    ]);
    const { request, opened } = await t.walk(r, () => chief, { bystander });
    expect(opened).toEqual([['judge'], ['apply']]);
    expect(request.status).toBe('APPROVED');
    expect((await accountOf(add, 'mnt.welfare'))!.valid_to!.toISOString()).toBe(UNTIL_ENDS_AT);
    expect((await accountOf(remove, 'mnt.welfare'))!.ended_at).not.toBeNull();
    expect(await t.effects(request)).toEqual(['effect.bulk_update_accounts', 'effect.bulk_update_accounts']);

    // One row that cannot be applied (no account to remove) fails the whole update: nothing changes.
    const add2 = await newcomer('minato', 'mnt.welfare');
    const nobody = await newcomer('minato', 'mnt.welfare');
    const bad = await t.submit(filer, 'bulk_user_update', 'mnt.welfare', {
      changes: [
        { action: 'add', staffId: add2, authorityProfile: '照会' },
        { action: 'remove', staffId: nobody },
      ],
      reason: '人事異動',
    });
    const judged = await t.decide(chief, t.step(bad, 'judge'));
    const fail = await t.tryDecide(chief, t.step(judged, 'apply'));
    expect(errorCode(fail)).toBe('CONFLICT');
    expect(await accountOf(add2, 'mnt.welfare')).toBeUndefined();
    const still = await t.load(chief, bad.id);
    expect([still.status, t.step(still, 'apply').status]).toEqual(['IN_PROGRESS', 'OPEN']);

    const rejected = await t.submit(filer, 'bulk_user_update', 'mnt.welfare', {
      changes: [
        { action: 'add', staffId: add2, authorityProfile: '照会' },
        { action: 'add', staffId: nobody, authorityProfile: '照会' },
      ],
      reason: '人事異動',
    });
    expect((await t.decide(chief, t.step(rejected, 'judge'), 'REJECTED')).status).toBe('REJECTED');
    expect(await accountOf(add2, 'mnt.welfare')).toBeUndefined();
    expect(await accountOf(nobody, 'mnt.welfare')).toBeUndefined();
  });

  it('access_rights_update: judged, updated, the section chief told the result (MNT-17)', async () => {
    const staffId = await accountHolder('mnt.welfare');
    const before = (await accountOf(staffId, 'mnt.welfare'))!.authority_profile;
    const newAuthorityProfile = before === '照会・更新・管理' ? '照会' : '照会・更新・管理';
    const r = await t.submit(filer, 'access_rights_update', 'mnt.welfare', {
      staffId,
      currentAuthorityProfile: before,
      newAuthorityProfile,
      reason: '担当業務の変更',
    });
    expect(r.steps.map((s) => [s.key, s.kind, s.stage, s.ruleIds])).toEqual([
      ['judge', 'APPROVE', 1, ['MNT-17-3']],
      ['update', 'PERFORM', 2, ['MNT-17-3', 'MNT-17-1']],
      ['notify', 'INFORM', 3, ['MNT-17-3']],
    ]);
    const { request, opened } = await t.walk(r, () => chief, { bystander });
    expect(opened).toEqual([['judge'], ['update']]);
    expect(request.status).toBe('APPROVED');
    expect(t.step(request, 'notify')).toMatchObject({ status: 'DONE', decision: 'INFORMED', actors: [{ name: '区民課長' }] });
    expect((await accountOf(staffId, 'mnt.welfare'))!.authority_profile).toBe(newAuthorityProfile);

    const r2 = await t.submit(filer, 'access_rights_update', 'mnt.welfare', { staffId, newAuthorityProfile: '照会・更新・削除', reason: '担当業務の変更' });
    expect((await t.decide(chief, t.step(r2, 'judge'), 'REJECTED')).status).toBe('REJECTED');
    expect((await accountOf(staffId, 'mnt.welfare'))!.authority_profile).toBe(newAuthorityProfile);
  });

  it('licence_count_change: checked, then changed by the 保健福祉課長 (MNT-18)', async () => {
    const section = (await t.q<{ org_unit_id: string }>(`select org_unit_id from position where key = 'mnt.shiba.kumin.chief'`))[0]!.org_unit_id;
    const content = { section, newCount: 1, purchasedTotal: 100, otherSectionsTotal: 80, reason: '窓口体制の見直し' };
    const r = await t.submit(filer, 'licence_count_change', 'mnt.welfare', content);
    expect(r.steps.map((s) => [s.key, s.stage, s.ruleIds])).toEqual([
      ['judge', 1, ['MNT-18-1', 'MNT-18-2']],
      ['apply', 2, ['MNT-18-1']],
    ]);
    const { request, opened } = await t.walk(r, () => chief, { bystander });
    expect(opened).toEqual([['judge'], ['apply']]);
    expect(request.status).toBe('APPROVED');
    const r2 = await t.submit(filer, 'licence_count_change', 'mnt.welfare', content);
    expect((await t.decide(chief, t.step(r2, 'judge'), 'REJECTED')).status).toBe('REJECTED');
  });

  it('usage_suspension and usage_reinstatement: asked by a section chief, judged; decided by the 保健福祉課長 alone (MNT-16)', async () => {
    const staffId = await accountHolder('mnt.welfare');
    const r = await t.submit(filer, 'usage_suspension', 'mnt.welfare', { staffId, reason: '不適切な照会の疑い' });
    expect(r.steps.map((s) => [s.key, s.kind, s.ruleIds])).toEqual([
      ['judge', 'APPROVE', ['MNT-16-1']],
      ['suspend', 'PERFORM', ['MNT-16-1']],
    ]);
    const { request, opened } = await t.walk(r, () => chief, { bystander });
    expect(opened).toEqual([['judge'], ['suspend']]);
    expect(request.status).toBe('APPROVED');
    expect((await accountOf(staffId, 'mnt.welfare'))!.suspended_at).not.toBeNull();

    // Lifting it, asked by the section chief: rejected, the account stays suspended.
    const ask = await t.submit(filer, 'usage_reinstatement', 'mnt.welfare', { staffId, reason: '調査の結果、問題なし' });
    expect((await t.decide(chief, t.step(ask, 'judge'), 'REJECTED')).status).toBe('REJECTED');
    expect((await accountOf(staffId, 'mnt.welfare'))!.suspended_at).not.toBeNull();
    // On the 保健福祉課長's own decision: no judgement step, only the reinstatement.
    const own = await t.submit(chief, 'usage_reinstatement', 'mnt.welfare', { staffId, reason: '調査の結果、問題なし' });
    expect(own.steps.map((s) => [s.key, s.kind, s.ruleIds])).toEqual([['reinstate', 'PERFORM', ['MNT-16-1']]]);
    const back = await t.walk(own, () => chief, { bystander });
    expect(back.request.status).toBe('APPROVED');
    expect((await accountOf(staffId, 'mnt.welfare'))!.suspended_at).toBeNull();

    const other = await accountHolder('mnt.welfare');
    const r2 = await t.submit(filer, 'usage_suspension', 'mnt.welfare', { staffId: other, reason: '念のため' });
    expect((await t.decide(chief, t.step(r2, 'judge'), 'REJECTED')).status).toBe('REJECTED');
    expect((await accountOf(other, 'mnt.welfare'))!.suspended_at).toBeNull();
  });
});

describe('Kitami (KTM): the 統括管理者 registers, the section head is told', () => {
  let head: Person;
  let gm: Person;
  let bystander: Person;
  beforeAll(async () => {
    head = await t.holder('kitami', 'ktm.fukushi.kaigo.chief');
    gm = await t.holder('kitami', 'ktm.shimin.director');
    bystander = await t.holder('kitami', 'ktm.somu.zeimu.chief');
  });

  it('user_addition: registered with its duty (KTM-11), or returned for correction — nothing to reject', async () => {
    const staffId = await newcomer('kitami', 'ktm.counter');
    const r = await t.submit(head, 'user_addition', 'ktm.counter', { staffId, authorityProfile: '受付', validFrom: FROM, reason: '窓口業務の担当' });
    expect(r.steps.map((s) => [s.key, s.kind, s.stage, s.status, s.ruleIds])).toEqual([
      ['register', 'PERFORM', 1, 'OPEN', ['KTM-10-3', 'KTM-3-3-7']],
      ['notify', 'INFORM', 2, 'WAITING', ['KTM-10-3']],
    ]);
    expect(t.step(r, 'register').actors.map((a) => a.name)).toEqual(['市民環境部長']);
    const { request, opened } = await t.walk(r, () => gm, { bystander });
    expect(opened).toEqual([['register']]);
    expect(request.status).toBe('APPROVED');
    expect(t.step(request, 'notify')).toMatchObject({ status: 'DONE', decision: 'INFORMED', actors: [{ name: '介護福祉課長' }] });
    const account = (await accountOf(staffId, 'ktm.counter'))!;
    expect(account.authority_profile).toBe('受付');
    const duty = (await t.q<{ position_id: string }>('select position_id from position_tenure where staff_id = $1 and valid_to is null', [staffId]))[0]!
      .position_id;
    expect(account.duty_position_id).toBe(duty);
    // KTM-12-1: an account the section head asked for is for the holder's own duties, and says so.
    expect(account.purpose).toBe(`所掌する事務の処理（${request.number}）`);

    const other = await newcomer('kitami', 'ktm.counter');
    const r2 = await t.submit(head, 'user_addition', 'ktm.counter', { staffId: other, authorityProfile: '受付', validFrom: FROM, reason: '窓口業務の担当' });
    expect(errorCode(await t.tryDecide(gm, t.step(r2, 'register'), 'REJECTED'))).toBe('BAD_USER_INPUT');
    const returned = await t.decide(gm, t.step(r2, 'register'), 'RETURNED', { comment: '操作権限の指定が不足しています。' });
    expect(returned.status).toBe('RETURNED');
    expect(t.step(returned, 'notify').status).toBe('WAITING');
    expect(await accountOf(other, 'ktm.counter')).toBeUndefined();
  });

  it('user_termination: revoked and notified, or returned', async () => {
    const staffId = await accountHolder('ktm.counter');
    const r = await t.submit(head, 'user_termination', 'ktm.counter', { staffId, endOn: UNTIL, reason: '異動' });
    expect(r.steps.map((s) => [s.key, s.kind, s.ruleIds])).toEqual([
      ['revoke', 'PERFORM', ['KTM-10-3']],
      ['notify', 'INFORM', ['KTM-10-3']],
    ]);
    const { request } = await t.walk(r, () => gm, { bystander });
    expect(request.status).toBe('APPROVED');
    expect((await accountOf(staffId, 'ktm.counter'))!.ended_at).not.toBeNull();

    const other = await accountHolder('ktm.counter');
    const r2 = await t.submit(head, 'user_termination', 'ktm.counter', { staffId: other, endOn: UNTIL, reason: '異動' });
    expect((await t.decide(gm, t.step(r2, 'revoke'), 'RETURNED')).status).toBe('RETURNED');
    expect((await accountOf(other, 'ktm.counter'))!.ended_at).toBeNull();
  });

  it('access_rights_update: registered and notified, or returned', async () => {
    const staffId = await accountHolder('ktm.counter');
    const r = await t.submit(head, 'access_rights_update', 'ktm.counter', { staffId, newAuthorityProfile: '受付・交付', reason: '担当業務の変更' });
    expect(r.steps.map((s) => [s.key, s.kind, s.ruleIds])).toEqual([
      ['register', 'PERFORM', ['KTM-10-3', 'KTM-3-3-7']],
      ['notify', 'INFORM', ['KTM-10-3']],
    ]);
    const { request } = await t.walk(r, () => gm, { bystander });
    expect(request.status).toBe('APPROVED');
    expect((await accountOf(staffId, 'ktm.counter'))!.authority_profile).toBe('受付・交付');
    const r2 = await t.submit(head, 'access_rights_update', 'ktm.counter', { staffId, newAuthorityProfile: '管理', reason: '担当業務の変更' });
    expect((await t.decide(gm, t.step(r2, 'register'), 'RETURNED')).status).toBe('RETURNED');
    expect((await accountOf(staffId, 'ktm.counter'))!.authority_profile).toBe('受付・交付');
  });

  it('usage_suspension on a privacy-law breach is mandatory (KTM-10-4) and the section head is told (KTM-10-5); reinstatement registers again', async () => {
    const staffId = await accountHolder('ktm.counter');
    const r = await t.submit(head, 'usage_suspension', 'ktm.counter', { staffId, privacyBreach: true, reason: '個人情報の目的外照会' });
    expect(r.steps.map((s) => [s.key, s.kind, s.ruleIds])).toEqual([
      ['suspend', 'PERFORM', ['KTM-10-4']],
      ['notify', 'INFORM', ['KTM-10-5']],
    ]);
    const { request } = await t.walk(r, () => gm, { bystander });
    expect(request.status).toBe('APPROVED');
    expect((await accountOf(staffId, 'ktm.counter'))!.suspended_at).not.toBeNull();

    const back = await t.submit(head, 'usage_reinstatement', 'ktm.counter', { staffId, reason: '研修受講済み' });
    expect(back.steps.map((s) => [s.key, s.kind, s.ruleIds])).toEqual([
      ['reinstate', 'PERFORM', ['KTM-10-3']],
      ['notify', 'INFORM', ['KTM-10-3']],
    ]);
    const returned = await t.decide(gm, t.step(back, 'reinstate'), 'RETURNED', { comment: '研修の受講記録を添付してください。' });
    expect(returned.status).toBe('RETURNED');
    expect((await accountOf(staffId, 'ktm.counter'))!.suspended_at).not.toBeNull();
    const again = await t.submit(head, 'usage_reinstatement', 'ktm.counter', { staffId, reason: '研修受講済み（記録添付）' });
    expect((await t.walk(again, () => gm, { bystander })).request.status).toBe('APPROVED');
    expect((await accountOf(staffId, 'ktm.counter'))!.suspended_at).toBeNull();

    const other = await accountHolder('ktm.counter');
    const r2 = await t.submit(head, 'usage_suspension', 'ktm.counter', { staffId: other, reason: '長期休職' });
    expect(t.step(r2, 'suspend').ruleIds).toEqual(['KTM-10-3']);
    expect((await t.decide(gm, t.step(r2, 'suspend'), 'RETURNED')).status).toBe('RETURNED');
    expect((await accountOf(other, 'ktm.counter'))!.suspended_at).toBeNull();
  });

  it('password_reset: only on the user’s own request (KTM-10-6); performed or returned', async () => {
    const user = await t.holder('kitami', 'ktm.shimin.madoguchi.uketsuke.staff1');
    const forOther = await t.trySubmit(user, 'password_reset', 'ktm.counter', { staffId: gm.staffId });
    expect(errorCode(forOther)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(forOther.errors![0]!.extensions!.fieldErrors)).toContain('KTM-10-6');
    const r = await t.submit(user, 'password_reset', 'ktm.counter', { staffId: user.staffId });
    expect(r.steps.map((s) => [s.key, s.kind, s.ruleIds])).toEqual([['reset', 'PERFORM', ['KTM-10-6']]]);
    const { request } = await t.walk(r, () => gm, { bystander });
    expect(request.status).toBe('APPROVED');
    const r2 = await t.submit(user, 'password_reset', 'ktm.counter', { staffId: user.staffId });
    expect((await t.decide(gm, t.step(r2, 'reset'), 'RETURNED')).status).toBe('RETURNED');
  });
});

describe('Kawasaki ward offices (KWO): the usage manager designates handlers', () => {
  it('user_addition of someone outside the chief’s staff needs the asset manager’s prior permission first (KWO-6-1)', async () => {
    const chief = await t.holder('kawasaki', 'kaw.ward.kawasaki.kumin.chief');
    const assetManager = await t.holder('kawasaki', 'kaw.shimin.seikatsu.koseki.chief');
    const bystander = await t.holder('kawasaki', 'kaw.ward.saiwai.kumin.chief');
    const staffId = await newcomer('kawasaki', 'kwo.ward-office');
    const content = { staffId, authorityProfile: '住民票照会', validFrom: FROM, outsideSupervision: true, reason: '繁忙期の応援' };
    const r = await t.submit(chief, 'user_addition', 'kwo.ward-office', content);
    expect(r.steps.map((s) => [s.key, s.kind, s.stage, s.status, s.ruleIds])).toEqual([
      ['prior_permission', 'APPROVE', 1, 'OPEN', ['KWO-6-1', 'KWO-3-2']],
      ['designate', 'PERFORM', 2, 'WAITING', ['KWO-6-1', 'KWO-5-1']],
    ]);
    await t.expectForbidden(chief, t.step(r, 'prior_permission'));
    const { request, opened } = await t.walk(r, (s) => (s.key === 'prior_permission' ? assetManager : chief), { bystander });
    expect(opened).toEqual([['prior_permission'], ['designate']]);
    expect(request.status).toBe('APPROVED');
    expect(t.step(request, 'designate').decidedByName).toBe(chief.name);
    expect((await accountOf(staffId, 'kwo.ward-office'))!.authority_profile).toBe('住民票照会');

    const other = await newcomer('kawasaki', 'kwo.ward-office');
    const r2 = await t.submit(chief, 'user_addition', 'kwo.ward-office', { ...content, staffId: other });
    expect((await t.decide(assetManager, t.step(r2, 'prior_permission'), 'REJECTED')).status).toBe('REJECTED');
    expect(await accountOf(other, 'kwo.ward-office')).toBeUndefined();

    // A member of the chief's own staff: designated directly.
    const own = await newcomer('kawasaki', 'kwo.ward-office');
    const r3 = await t.submit(chief, 'user_addition', 'kwo.ward-office', { ...content, staffId: own, outsideSupervision: false });
    expect(r3.steps.map((s) => s.key)).toEqual(['designate']);
    expect((await t.decide(chief, t.step(r3, 'designate'), 'RETURNED')).status).toBe('RETURNED');
    expect(await accountOf(own, 'kwo.ward-office')).toBeUndefined();
  });
});
