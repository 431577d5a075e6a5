// 実施記録 through the API: duties performed outside the software recorded by their performer (KTM-14-3,
// MNT-19-2, ARK-30-1 …), listed, due again by the municipality's setting, on the operations summary;
// anyone else is refused and nothing changes.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addMonthsToDate } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type GqlResult, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type RequestTools } from '../requests/requests.testing.ts';

const cal = testCalendar();

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
});
afterAll(() => gw.stop());

const count = async () => (await t.q<{ n: number }>('select count(*)::int as n from duty_record'))[0]!.n;
const auditCount = async () => (await t.q<{ n: number }>(`select count(*)::int as n from audit_event where action = 'duty_record.add'`))[0]!.n;
const orgUnitId = async (key: string) => (await t.q<{ id: string }>('select id from org_unit where key = $1', [key]))[0]!.id;
const fieldPaths = (r: GqlResult) => ((r.errors?.[0]?.extensions?.fieldErrors ?? []) as { path: (string | number)[] }[]).map((e) => e.path.join('.'));
function ok<T>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

interface Duty {
  key: string;
  ruleIds: string[];
  performedBy: { ja: string };
  when: { ja: string };
  cadence: { months: number; since: string; source: { ja: string } } | null;
  orgUnitId: string | null;
  lastDoneOn: string | null;
  nextDueOn: string | null;
  state: string | null;
}
interface Rec {
  id: string;
  dutyKey: string;
  orgUnitId: string | null;
  doneOn: string;
  note: string;
  evidence: string | null;
  nextDueOn: string | null;
  recordedBy: string;
  ruleIds: string[];
}
const DUTY = 'key ruleIds performedBy { ja } when { ja } cadence { months since source { ja } } orgUnitId lastDoneOn nextDueOn state';
const REC = 'id dutyKey orgUnitId doneOn note evidence nextDueOn recordedBy ruleIds';
const DUTIES = `{ duties { ${DUTY} } }`;
const RECORDS = `query($k: DutyKey, $o: ID) { dutyRecords(dutyKey: $k, orgUnitId: $o) { ${REC} } }`;
const RECORD = `mutation($i: DutyRecordInput!) { recordDuty(input: $i) { ${REC} } }`;
const OPS = `{ operationsDue { summary { key } dutyRecords { key due overdue ruleIds } dutiesDue { key state nextDueOn } } }`;

describe('the maintenance contact network (KTM-14-3)', () => {
  it('KTM-14-3: seeded overdue; the 統括管理者 records it: listed, due again by the municipality’s setting, audited', async () => {
    const gm = await t.holder('kitami', 'ktm.shimin.director');
    const duties = ok(await gw.gql<{ duties: Duty[] }>(DUTIES, {}, { token: gm.token })).duties;
    expect(duties.map((d) => d.key)).toEqual(['KTM_MAINTENANCE_CONTACT_NETWORK']);
    const [before] = duties;
    // The article sets no time: the cadence is the municipality's setting, shown as such.
    expect(before).toMatchObject({ ruleIds: ['KTM-14-3'], orgUnitId: null, state: 'OVERDUE', cadence: { source: { ja: '団体の設定' } } });
    expect(before!.performedBy.ja).toContain('統括管理者');
    expect(before!.when.ja).toContain('団体の設定');
    type Line = { key: string; due: number; overdue: number; ruleIds: string[] };
    type Ops = { operationsDue: { summary: { key: string }[]; dutyRecords: Line | null; dutiesDue: { key: string }[] } };
    const ops = ok(await gw.gql<Ops>(OPS, {}, { token: gm.token })).operationsDue;
    // Beside the summary's lines, not among them.
    expect(ops.dutyRecords).toEqual({ key: 'duty_records', due: 0, overdue: 1, ruleIds: ['KTM-14-3'] });
    expect(ops.summary.map((l) => l.key)).not.toContain('duty_records');
    expect(ops.dutiesDue.map((d) => d.key)).toEqual(['KTM_MAINTENANCE_CONTACT_NETWORK']);

    const doneOn = cal.day(-1);
    const input = {
      dutyKey: 'KTM_MAINTENANCE_CONTACT_NETWORK',
      doneOn,
      note: '保守事業者の連絡先を確認し、連絡体制表を更新した。',
      evidence: '保守連絡体制表（第4版）',
    };
    const recorded = ok(await gw.gql<{ recordDuty: Rec }>(RECORD, { i: input }, { token: gm.token })).recordDuty;
    const months = before!.cadence!.months;
    expect(recorded).toMatchObject({
      doneOn,
      nextDueOn: addMonthsToDate(doneOn, months),
      recordedBy: gm.name,
      evidence: '保守連絡体制表（第4版）',
      ruleIds: ['KTM-14-3'],
    });

    const listed = ok(await gw.gql<{ dutyRecords: Rec[] }>(RECORDS, { k: 'KTM_MAINTENANCE_CONTACT_NETWORK' }, { token: gm.token })).dutyRecords;
    expect(listed[0]).toEqual(recorded);
    const [after] = ok(await gw.gql<{ duties: Duty[] }>(DUTIES, {}, { token: gm.token })).duties;
    expect(after).toMatchObject({ lastDoneOn: doneOn, nextDueOn: addMonthsToDate(doneOn, months), state: 'UPCOMING' });
    expect(ok(await gw.gql<Ops>(OPS, {}, { token: gm.token })).operationsDue).toMatchObject({ dutyRecords: { due: 0, overdue: 0 }, dutiesDue: [] });

    const [event] = await t.q<{ actor_staff_id: string; rule_ids: string[]; after: { duty: string; nextDueOn: string } }>(
      `select actor_staff_id, rule_ids, after from audit_event where action = 'duty_record.add' and target_id = $1`,
      [recorded.id],
    );
    expect(event).toMatchObject({
      actor_staff_id: gm.staffId,
      rule_ids: ['KTM-14-3'],
      after: { duty: 'ktm_maintenance_contact_network', nextDueOn: addMonthsToDate(doneOn, months) },
    });
  });

  it('KTM-14-3: a system user is refused, naming the 統括管理者, and bad input gets field errors; nothing is recorded', async () => {
    const user = await t.holder('kitami', 'ktm.shimin.madoguchi.uketsuke.staff1');
    const gm = await t.holder('kitami', 'ktm.shimin.director');
    const [records, audits] = [await count(), await auditCount()];
    const input = { dutyKey: 'KTM_MAINTENANCE_CONTACT_NETWORK', doneOn: cal.day(-1), note: '確認した。' };
    const refused = await gw.gql(RECORD, { i: input }, { token: user.token });
    expect(errorCode(refused), JSON.stringify(refused.errors)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions).toMatchObject({ ruleIds: ['KTM-14-3'] });
    expect(String(refused.errors![0]!.extensions!.messageJa)).toContain('統括管理者');
    expect(refused.errors![0]!.message).toContain('general manager');
    const bad = await gw.gql(RECORD, { i: { ...input, doneOn: cal.day(1), note: ' ' } }, { token: gm.token });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(fieldPaths(bad)).toEqual(['input.doneOn', 'input.note']);
    // A duty of another municipality's rulebook is not Kitami's.
    expect(fieldPaths(await gw.gql(RECORD, { i: { ...input, dutyKey: 'MNT_USER_TRAINING' } }, { token: gm.token }))).toEqual(['input.dutyKey']);
    expect([await count(), await auditCount()]).toEqual([records, audits]);
  });
});

describe('external media kept in locked storage (MNT-19-2), per section', () => {
  it('MNT-19-2: listed per section; the 保健福祉課長 records it for the section, another section’s chief is refused', async () => {
    const chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    const [other] = await t.q<{ key: string; org_unit_id: string }>(
      `select p.key, p.org_unit_id from role_binding b join position p on p.id = b.position_id
        where b.rulebook_id = 'MNT' and b.role_key = 'using_section_chief' and p.key <> 'mnt.hoken.fukushi.chief' order by p.key limit 1`,
    );
    const otherChief = await t.holder('minato', other!.key);
    const welfare = await orgUnitId('mnt.hoken.fukushi');
    const media = ok(await gw.gql<{ duties: Duty[] }>(DUTIES, {}, { token: chief.token })).duties.filter((d) => d.key === 'MNT_MEDIA_LOCKED_STORAGE');
    expect(media.map((d) => d.orgUnitId)).toContain(welfare);
    expect(media.map((d) => d.orgUnitId)).toContain(other!.org_unit_id);
    // The seeded check of the welfare section is older than its interval.
    expect(media.find((d) => d.orgUnitId === welfare)).toMatchObject({ state: 'OVERDUE', ruleIds: ['MNT-19-2'] });

    const before = await count();
    const input = { dutyKey: 'MNT_MEDIA_LOCKED_STORAGE', orgUnitId: welfare, doneOn: cal.today, note: '保管庫の施錠と媒体4本を確認した。' };
    const refused = await gw.gql(RECORD, { i: input }, { token: otherChief.token });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions).toMatchObject({ ruleIds: ['MNT-19-2'] });
    expect(fieldPaths(await gw.gql(RECORD, { i: { ...input, orgUnitId: null } }, { token: chief.token }))).toEqual(['input.orgUnitId']);
    expect(await count()).toBe(before);

    const recorded = ok(await gw.gql<{ recordDuty: Rec }>(RECORD, { i: input }, { token: chief.token })).recordDuty;
    expect(recorded).toMatchObject({ orgUnitId: welfare, doneOn: cal.today, ruleIds: ['MNT-19-2'] });
    const again = ok(await gw.gql<{ duties: Duty[] }>(DUTIES, {}, { token: chief.token })).duties.find(
      (d) => d.key === 'MNT_MEDIA_LOCKED_STORAGE' && d.orgUnitId === welfare,
    );
    expect(again).toMatchObject({ lastDoneOn: cal.today, nextDueOn: addMonthsToDate(cal.today, again!.cadence!.months), state: 'UPCOMING' });
    const mine = ok(await gw.gql<{ dutyRecords: Rec[] }>(RECORDS, { o: welfare }, { token: otherChief.token })).dutyRecords;
    expect(mine.map((r) => r.id)).toContain(recorded.id);
    expect(mine.every((r) => r.orgUnitId === welfare)).toBe(true);
  });
});

describe('the policy review after audits (ARK-30-1)', () => {
  it('ARK-30-1: due once an audit is recorded; the committee’s secretariat records the review and it is done', async () => {
    const chair = await t.holder('arakawa', 'ark.kanri.director');
    const secretariat = await t.holder('arakawa', 'ark.kanri.digital.kikaku.chief');
    const review = async () =>
      ok(await gw.gql<{ duties: Duty[] }>(DUTIES, {}, { token: secretariat.token })).duties.find((d) => d.key === 'ARK_POLICY_REVIEW')!;
    const audit = await gw.gql(
      `mutation($i: InspectionInput!) { recordInspection(input: $i) { id } }`,
      { i: { kind: 'AUDIT', scope: '情報セキュリティポリシーの遵守状況', conductedOn: cal.day(-3), result: 'NEEDS_IMPROVEMENT', summary: '端末の施錠漏れ' } },
      { token: chair.token },
    );
    ok(audit);
    const due = await review();
    expect(due).toMatchObject({ state: 'DUE', nextDueOn: addMonthsToDate(cal.day(-3), due.cadence!.months), ruleIds: ['ARK-30-1'] });
    const recorded = ok(
      await gw.gql<{ recordDuty: Rec }>(
        RECORD,
        { i: { dutyKey: 'ARK_POLICY_REVIEW', doneOn: cal.today, note: '監査結果を受け、端末管理の規定を見直した。' } },
        { token: secretariat.token },
      ),
    ).recordDuty;
    expect(recorded).toMatchObject({ nextDueOn: null, ruleIds: ['ARK-30-1', 'ARK-24-3'] });
    expect(await review()).toMatchObject({ state: 'DONE', nextDueOn: null, lastDoneOn: cal.today });
  });
});

describe('the other duties: each recorded by its performer only', () => {
  const cases = [
    // ARK-28-2: デジタル推進課長 for its own section; a using section chief may not.
    {
      rule: 'ARK-28-2',
      code: 'arakawa',
      key: 'ARK_EMERGENCY_MANUAL_REVIEW',
      by: 'ark.kanri.digital.chief',
      wrong: 'ark.kumin.zeimu.chief',
      perUnit: true,
      seeded: null,
    },
    // ARK-26-2-3: the 情報統括責任者 (ARK-27-1); the seeded training is due within the month.
    {
      rule: 'ARK-26-2-3',
      code: 'arakawa',
      key: 'ARK_SECURITY_TRAINING',
      by: 'ark.kanri.director',
      wrong: 'ark.kanri.digital.chief',
      perUnit: false,
      seeded: 'DUE',
    },
    // MNT-4-1-11: the 保健福祉課長; a システム使用課長 may not.
    {
      rule: 'MNT-4-1-11',
      code: 'minato',
      key: 'MNT_USER_TRAINING',
      by: 'mnt.hoken.fukushi.chief',
      wrong: 'mnt.shiba.kumin.chief',
      perUnit: false,
      seeded: 'UPCOMING',
    },
    // KWO-9-1: the システム利用責任者 of the using place; another place's may not.
    {
      rule: 'KWO-9-1',
      code: 'kawasaki',
      key: 'KWO_FORM_OUTPUT_CHECK',
      by: 'kaw.ward.kawasaki.kumin.chief',
      wrong: 'kaw.ward.saiwai.kumin.chief',
      perUnit: true,
      seeded: 'DUE',
    },
  ] as const;

  for (const c of cases) {
    it(`${c.rule}: recorded by its performer, listed and due again; a wrong actor changes nothing`, async () => {
      const performer = await t.holder(c.code, c.by);
      const [position] = await t.q<{ org_unit_id: string }>('select org_unit_id from position where key = $1', [c.by]);
      const unit = c.perUnit ? position!.org_unit_id : null;
      const mine = async () =>
        ok(await gw.gql<{ duties: Duty[] }>(DUTIES, {}, { token: performer.token })).duties.find((d) => d.key === c.key && d.orgUnitId === unit)!;
      const before = await mine();
      expect(before.ruleIds).toEqual([c.rule]);
      if (c.seeded) expect(before.state).toBe(c.seeded);
      const input = { dutyKey: c.key, orgUnitId: unit, doneOn: cal.day(-2), note: '実施した。', evidence: '実施報告書' };
      if (c.wrong) {
        const wrong = await t.holder(c.code, c.wrong);
        const n = await count();
        const refused = await gw.gql(RECORD, { i: input }, { token: wrong.token });
        expect(errorCode(refused), JSON.stringify(refused.errors)).toBe('FORBIDDEN');
        expect((refused.errors![0]!.extensions!.ruleIds as string[])[0]).toBe(c.rule);
        expect(await count()).toBe(n);
      }
      const recorded = ok(await gw.gql<{ recordDuty: Rec }>(RECORD, { i: input }, { token: performer.token })).recordDuty;
      expect(recorded).toMatchObject({ dutyKey: c.key, orgUnitId: unit, doneOn: cal.day(-2), recordedBy: performer.name });
      expect(recorded.ruleIds[0]).toBe(c.rule);
      expect(await mine()).toMatchObject({ lastDoneOn: cal.day(-2), nextDueOn: addMonthsToDate(cal.day(-2), before.cadence!.months), state: 'UPCOMING' });
    });
  }
});
