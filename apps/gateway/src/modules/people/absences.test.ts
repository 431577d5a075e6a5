// KTM-3-6: the 副統括管理者 acts for the 統括管理者 only 「事故があるとき」. The absence is declared —
// from which day to which day, why, by whom — recorded and audited, and the deputy's authority follows
// it: outside a declared absence the deputy is refused (FORBIDDEN citing KTM-3-6) and nothing changes.
// The demo declares the 統括管理者 absent from the start of this month to the end of the month after
// next; these tests move the clock past it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';

const T = testCalendar();
/** A day past the demo's declared absence, and two days later. */
const AFTER = T.monthStart(4);
const LATER = T.plusDays(AFTER, 2);

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

const one = async (sql: string, params: unknown[] = []) => (await gw.admin.query(sql, params)).rows[0];
const SUSPEND = `mutation($id: ID!, $v: Int!, $g: SuspensionGround) { suspendAccount(id: $id, version: $v, reason: "所属長からの申出", ground: $g) { id version status suspensionRuleIds } }`;
const ABSENCES = `query($p: ID!) { positionAbsences(positionId: $p) { deputyOnlyWhenAbsent deputyStaffIds viewerMayDeclare ruleIds current { id from to } absences { id from to reason declaredById } } }`;
const DECLARE = `mutation($i: DeclareAbsenceInput!) { declareAbsence(input: $i) { id positionId absentStaffId from to reason declaredById ruleIds } }`;

type Absences = {
  positionAbsences: {
    deputyOnlyWhenAbsent: boolean;
    deputyStaffIds: string[];
    viewerMayDeclare: boolean;
    ruleIds: string[];
    current: { id: string; from: string; to: string } | null;
    absences: { id: string; from: string; to: string; reason: string; declaredById: string }[];
  };
};

describe('the deputy general manager and the declared absence (KTM-3-6)', () => {
  it('refuses the deputy outside a declared absence, changing nothing; acts once one is declared, on its days only', async () => {
    const director = await one(`select p.id from position p where p.key = 'ktm.shimin.director'`);
    const holder = await one(`select t.staff_id from position_tenure t where t.position_id = $1 and t.valid_to is null`, [director.id]);
    const counter = await one(`select id from system where key = 'ktm.counter'`);
    const target = await one(`select id, version from account where system_id = $1 and suspended_at is null and ended_at is null order by id limit 1`, [
      counter.id,
    ]);

    // The demo's absence is over: the 窓口課長 is only the 副統括管理者 again.
    gw.setNow(new Date(T.iso(AFTER, '10:00')));
    const chief = await gw.signIn('kitami', 'chief');
    const admin = await gw.signIn('kitami');
    const before = await gw.gql<Absences>(ABSENCES, { p: director.id }, { token: admin });
    expect(before.errors).toBeUndefined();
    expect(before.data!.positionAbsences).toMatchObject({ deputyOnlyWhenAbsent: true, viewerMayDeclare: true, ruleIds: ['KTM-3-6'], current: null });
    expect(before.data!.positionAbsences.absences.length).toBeGreaterThan(0);

    const refused = await gw.gql(SUSPEND, { id: target.id, v: target.version }, { token: chief });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: expect.arrayContaining(['KTM-3-6']) });
    expect(refused.errors![0]!.extensions!.messageJa).toContain('事故');
    expect(await one('select version, suspended_at from account where id = $1', [target.id])).toEqual({ version: target.version, suspended_at: null });
    expect((await one(`select count(*)::int as n from audit_event where target_id = $1 and action = 'account.suspend'`, [target.id])).n).toBe(0);

    // Someone who is neither the holder, a deputy nor a registry administrator may not declare it.
    const staff = await gw.signIn('kitami', 'staff1');
    const i = { positionId: director.id, from: AFTER, to: LATER, reason: '入院のため' };
    const notTheirs = await gw.gql(DECLARE, { i }, { token: staff });
    expect(notTheirs.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['KTM-3-6'] });
    const backwards = await gw.gql(DECLARE, { i: { ...i, to: T.plusDays(AFTER, -1) } }, { token: admin });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    // Declared by the registry administrator: recorded, audited.
    const declared = await gw.gql<{ declareAbsence: { id: string; absentStaffId: string; declaredById: string; ruleIds: string[] } }>(
      DECLARE,
      { i },
      { token: admin },
    );
    expect(declared.errors).toBeUndefined();
    const absence = declared.data!.declareAbsence;
    expect(absence).toMatchObject({
      positionId: director.id,
      absentStaffId: holder.staff_id,
      from: AFTER,
      to: LATER,
      reason: '入院のため',
      ruleIds: ['KTM-3-6'],
    });
    const audit = await one(`select actor_staff_id, rule_ids, after from audit_event where target_id = $1 and action = 'absence.declare'`, [absence.id]);
    expect(audit).toMatchObject({ actor_staff_id: absence.declaredById, rule_ids: ['KTM-3-6'], after: { from: AFTER, to: LATER, reason: '入院のため' } });

    // Now the deputy acts for the 統括管理者, recorded on their behalf. The section head asked for it: an ordinary revocation.
    const now = await gw.gql<Absences>(ABSENCES, { p: director.id }, { token: chief });
    expect(now.data!.positionAbsences.current).toMatchObject({ id: absence.id });
    const done = await gw.gql<{ suspendAccount: { status: string; suspensionRuleIds: string[] } }>(
      SUSPEND,
      { id: target.id, v: target.version },
      { token: chief },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.suspendAccount).toMatchObject({ status: 'SUSPENDED', suspensionRuleIds: ['KTM-10-1', 'KTM-10-3'] });
    const acted = await one(`select on_behalf_of_staff_id, rule_ids from audit_event where target_id = $1 and action = 'account.suspend'`, [target.id]);
    expect(acted.on_behalf_of_staff_id).toBe(holder.staff_id);
    expect(acted.rule_ids).toEqual(['KTM-10-1', 'KTM-10-3']);
    expect(acted.rule_ids).not.toContain('KTM-10-4');

    // The day after the declared absence the deputy is refused again.
    gw.setNow(new Date(T.iso(T.plusDays(LATER, 1), '10:00')));
    const back = await gw.signIn('kitami', 'chief');
    const version = (await one('select version from account where id = $1', [target.id])).version;
    const again = await gw.gql(
      `mutation($id: ID!, $v: Int!) { reinstateAccount(id: $id, version: $v) { id } }`,
      { id: target.id, v: version },
      { token: back },
    );
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: expect.arrayContaining(['KTM-3-6']) });
    gw.setNow(null);
  });

  it('cites the ground of a suspension: KTM-10-4 for a privacy-law breach, in the audit and in the access decision', async () => {
    const admin = await gw.signIn('kitami');
    const counter = await one(`select id from system where key = 'ktm.counter'`);
    const target = await one(
      `select a.id, a.version, a.staff_id from account a where a.system_id = $1 and a.suspended_at is null and a.ended_at is null order by a.id desc limit 1`,
      [counter.id],
    );
    const r = await gw.gql<{ suspendAccount: { suspensionRuleIds: string[] } }>(
      SUSPEND,
      { id: target.id, v: target.version, g: 'PRIVACY_BREACH' },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.suspendAccount.suspensionRuleIds).toEqual(['KTM-10-4']);
    expect((await one(`select rule_ids from audit_event where target_id = $1 and action = 'account.suspend'`, [target.id])).rule_ids).toEqual(['KTM-10-4']);
    const token = (
      await gw.gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "連携", scopes: ["access:read"] }) { token } }',
        {},
        { token: admin },
      )
    ).data!.createApiToken.token;
    const d = await gw.gql<{ accessDecision: { reasons: { code: string; ruleIds: string[] }[] } }>(
      `query($s: ID!, $y: ID!) { accessDecision(staffId: $s, systemId: $y) { reasons { code ruleIds } } }`,
      { s: target.staff_id, y: counter.id },
      { token },
    );
    expect(d.data!.accessDecision.reasons.find((x) => x.code === 'SUSPENDED')).toEqual({ code: 'SUSPENDED', ruleIds: ['KTM-10-4'] });
  });
});
