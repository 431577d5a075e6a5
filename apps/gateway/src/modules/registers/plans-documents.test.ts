// Arakawa's and Minato's registers through the API: monthly processing plans with their due dates
// (ARK-8), system documents going stale when a modification is approved and current again with a
// new version (MNT-13-9, ARK-5-2, ARK-11-2), and the ARK-6-1 contract-clause checklist.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatWareki, formatWarekiFiscalYear } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type GqlResult, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type RequestTools } from '../requests/requests.testing.ts';

// The plans' story starts today (Japan time) at 10:00: next month's plans are due on the last day of
// this month, and the clock then moves to that day's last minute and the first minute of next month.
const cal = testCalendar();
const storyAt = cal.at(cal.today, '10:00');
const monthOf = (firstDay: string) => firstDay.slice(0, 7);
const dueOn = cal.monthEnd(0);
const month = monthOf(cal.monthStart(1)); // the month the plans are for
const following = monthOf(cal.monthStart(2));
const over = monthOf(cal.monthStart(-1)); // a month already over
/** 令和8年12月: a 和暦 month, as a version label names one. */
const warekiMonth = (date: string) => formatWareki(date).replace(/\d+日$/, '');

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  // The story moves the clock up to a month ahead of sign-in: staff sign in for 90 days.
  gw = await startTestGateway(inject('pgAdminUrl'), { sessionTtlHours: 24 * 90 });
  t = requestTools(gw);
});
afterAll(() => gw.stop());
const count = async (table: string) => (await t.q<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const orgUnitId = async (key: string) => (await t.q<{ id: string }>('select id from org_unit where key = $1', [key]))[0]!.id;
const fieldPaths = (r: GqlResult) => ((r.errors?.[0]?.extensions?.fieldErrors ?? []) as { path: (string | number)[] }[]).map((e) => e.path.join('.'));
function ok<T>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

interface PlanItem {
  id: string;
  seq: number;
  job: string;
  inputSentAt: string | null;
  inputReturnedAt: string | null;
  outputCheckedAt: string | null;
  outputResult: string | null;
  outputNote: string | null;
}
interface Plan {
  id: string;
  month: string;
  dueOn: string;
  late: boolean;
  orgUnitName: string;
  systemName: string;
  submittedBy: string;
  items: PlanItem[];
  ruleIds: string[];
}
interface PlanDue {
  systemId: string;
  orgUnitId: string;
  month: string;
  dueOn: string;
  state: string;
  stateLabel: { ja: string };
  planId: string | null;
  message: { ja: string; en: string };
  ruleIds: string[];
}
const PLAN =
  'id month dueOn late orgUnitName systemName submittedBy ruleIds items { id seq job inputSentAt inputReturnedAt outputCheckedAt outputResult outputNote }';
const SUBMIT = `mutation($i: ProcessingPlanInput!) { submitProcessingPlan(input: $i) { ${PLAN} } }`;
const DUE = 'query($m: String) { processingPlansDue(month: $m) { systemId orgUnitId month dueOn state stateLabel { ja } planId message { ja en } ruleIds } }';
const HANDOVER = `mutation($id: ID!, $n: String) { recordInputHandover(itemId: $id, note: $n) { ${PLAN} } }`;
const RETURN = `mutation($id: ID!) { recordInputReturn(itemId: $id) { ${PLAN} } }`;
const CHECK = `mutation($id: ID!, $r: OutputCheckResult!, $n: String) { recordOutputCheck(itemId: $id, result: $r, note: $n) { ${PLAN} } }`;
const OPS = `query($at: String) { operationsDue(at: $at) {
  at summary { key due overdue ruleIds }
  processingPlans { systemId orgUnitId month state ruleIds }
  staleDocuments { systemId kind orgUnitId stale ruleIds }
  systemsMissingContractClauses { systemId missingClauses ruleIds } } }`;

describe('monthly processing plans (ARK-8)', () => {
  let koseki: Person;
  let kumin: Person;
  let digital: Person;
  let staff1: string;
  let residentRecord: string;
  let kosekiUnit: string;
  let kuminUnit: string;
  const items = [
    { job: '住民票コード付番処理', scheduledOn: cal.plusDays(cal.monthStart(1), 2), scheduledTime: '18:00', inputData: '異動届（写し）' },
    { job: '印鑑登録者一覧の出力', scheduledOn: cal.plusDays(cal.monthStart(1), 14), inputData: '' },
  ];
  beforeAll(async () => {
    gw.setNow(storyAt);
    koseki = await t.holder('arakawa', 'ark.kumin.koseki.chief');
    kumin = await t.holder('arakawa', 'ark.kumin.kumin.chief');
    digital = await t.holder('arakawa', 'ark.kanri.digital.chief');
    staff1 = await gw.signIn('arakawa', 'staff1');
    residentRecord = await t.systemId('ark.sys.resident-record');
    kosekiUnit = await orgUnitId('ark.kumin.koseki');
    kuminUnit = await orgUnitId('ark.kumin.kumin');
  });
  afterAll(() => gw.setNow(null));

  const due = async (token: string, month?: string) =>
    ok(await gw.gql<{ processingPlansDue: PlanDue[] }>(DUE, { m: month ?? null }, { token })).processingPlansDue;
  const pair = (list: PlanDue[], unit: string) => list.find((p) => p.systemId === residentRecord && p.orgUnitId === unit);

  it('lists each section using a system デジタル推進課 manages, due on the last day of the month before', async () => {
    const list = await due(staff1);
    expect(list.every((p) => p.month === month && p.dueOn === dueOn)).toBe(true);
    expect(pair(list, kosekiUnit)).toMatchObject({ state: 'DUE', stateLabel: { ja: '期限内（未了）' }, planId: null, ruleIds: ['ARK-8-1'] });
    expect(pair(list, kuminUnit)!.message.ja).toContain(`${dueOn}までにデジタル推進課長へ報告`);
    // デジタル推進課 does not report to itself; systems of a システム管理課 (ARK-9) are not listed.
    const digitalUnit = await orgUnitId('ark.kanri.digital');
    expect(list.filter((p) => p.orgUnitId === digitalUnit)).toEqual([]);
    const longTermCare = await t.systemId('ark.sys.long-term-care');
    expect(list.filter((p) => p.systemId === longTermCare)).toEqual([]);
  });

  it('refuses who does not head the using section, a system デジタル推進課 does not manage, and a malformed plan — creating nothing', async () => {
    const before = await count('processing_plan');
    const other = await gw.gql(SUBMIT, { i: { systemId: residentRecord, orgUnitId: kosekiUnit, month, items } }, { token: kumin.token });
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(other.errors![0]!.extensions).toMatchObject({ ruleIds: ['ARK-8-1'], messageJa: expect.stringContaining('利用する課の長') });
    expect(errorCode(await gw.gql(SUBMIT, { i: { systemId: residentRecord, orgUnitId: kosekiUnit, month, items } }, { token: staff1 }))).toBe('FORBIDDEN');
    const longTermCare = await gw.gql(
      SUBMIT,
      { i: { systemId: await t.systemId('ark.sys.long-term-care'), orgUnitId: kosekiUnit, month, items } },
      { token: koseki.token },
    );
    expect(fieldPaths(longTermCare)).toEqual(['input.systemId']);
    const bad = await gw.gql(
      SUBMIT,
      {
        i: {
          systemId: residentRecord,
          orgUnitId: kosekiUnit,
          month,
          items: [items[0], { job: ' ', scheduledOn: cal.plusDays(cal.monthStart(2), 3), scheduledTime: '9時' }],
        },
      },
      { token: koseki.token },
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(fieldPaths(bad)).toEqual(['input.items.1.job', 'input.items.1.scheduledOn', 'input.items.1.scheduledTime']);
    const past = await gw.gql(
      SUBMIT,
      { i: { systemId: residentRecord, orgUnitId: kosekiUnit, month: over, items: [{ job: 'x', scheduledOn: cal.monthStart(-1) }] } },
      { token: koseki.token },
    );
    expect(fieldPaths(past)).toEqual(['input.month']);
    expect(await count('processing_plan')).toBe(before);
  });

  let plan: Plan;
  it('the using section chief reports the plan; デジタル推進課長 is told; the pair is reported on time', async () => {
    plan = ok(
      await gw.gql<{ submitProcessingPlan: Plan }>(SUBMIT, { i: { systemId: residentRecord, orgUnitId: kosekiUnit, month, items } }, { token: koseki.token }),
    ).submitProcessingPlan;
    expect(plan).toMatchObject({
      month,
      dueOn,
      late: false,
      orgUnitName: '区民生活部 戸籍住民課',
      systemName: '住民記録システム',
      submittedBy: koseki.name,
      ruleIds: ['ARK-8-1'],
    });
    expect(plan.items.map((i) => [i.seq, i.job])).toEqual([
      [1, '住民票コード付番処理'],
      [2, '印鑑登録者一覧の出力'],
    ]);
    expect(pair(await due(staff1), kosekiUnit)).toMatchObject({ state: 'DONE', planId: plan.id });
    const notes = await t.q<{ recipient_id: string; rule_ids: string[] }>(
      `select recipient_id, rule_ids from notification where kind = 'processing_plan.submitted' and target_id = $1`,
      [plan.id],
    );
    expect(notes).toEqual([{ recipient_id: digital.staffId, rule_ids: ['ARK-8-1'] }]);
    const [event] = await t.q<{ rule_ids: string[]; actor_staff_id: string }>(
      `select rule_ids, actor_staff_id from audit_event where action = 'processing_plan.submit' and target_id = $1`,
      [plan.id],
    );
    expect(event).toEqual({ rule_ids: ['ARK-8-1'], actor_staff_id: koseki.staffId });
    const again = await gw.gql(SUBMIT, { i: { systemId: residentRecord, orgUnitId: kosekiUnit, month, items } }, { token: koseki.token });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions!.ruleIds).toEqual(['ARK-8-2', 'ARK-8-6']);
  });

  it('is due until the last day of the month (JST) and overdue from the first day of the next', async () => {
    gw.setNow(cal.at(dueOn, '23:59'));
    expect(pair(await due(staff1), kuminUnit)!.state).toBe('DUE');
    const before = ok(
      await gw.gql<{ operationsDue: { processingPlans: { systemId: string; orgUnitId: string; month: string; state: string }[] } }>(OPS, {}, { token: staff1 }),
    ).operationsDue;
    expect(before.processingPlans).toContainEqual(expect.objectContaining({ systemId: residentRecord, orgUnitId: kuminUnit, month, state: 'DUE' }));
    gw.setNow(cal.at(cal.monthStart(1), '00:01')); // still the last day of the month before in UTC
    expect(pair(await due(staff1, month), kuminUnit)).toMatchObject({
      state: 'OVERDUE',
      message: { ja: expect.stringContaining('過ぎても報告されていません') },
    });
    const ops = ok(
      await gw.gql<{
        operationsDue: {
          at: string;
          summary: { key: string; overdue: number; ruleIds: string[] }[];
          processingPlans: { systemId: string; orgUnitId: string; month: string; state: string; ruleIds: string[] }[];
        };
      }>(OPS, {}, { token: staff1 }),
    ).operationsDue;
    expect(ops.at).toBe(cal.monthStart(1));
    expect(ops.processingPlans).toContainEqual({ systemId: residentRecord, orgUnitId: kuminUnit, month, state: 'OVERDUE', ruleIds: ['ARK-8-1'] });
    // Next month's plans are now due; the one reported on time is not listed.
    expect(ops.processingPlans).toContainEqual(expect.objectContaining({ systemId: residentRecord, orgUnitId: kosekiUnit, month: following, state: 'DUE' }));
    expect(ops.processingPlans.find((p) => p.systemId === residentRecord && p.orgUnitId === kosekiUnit && p.month === month)).toBeUndefined();
    expect(ops.summary.find((s) => s.key === 'processing_plans')).toMatchObject({ ruleIds: ['ARK-8-1'], overdue: expect.any(Number) });
    expect(ops.summary.find((s) => s.key === 'processing_plans')!.overdue).toBeGreaterThan(0);
    // Reported late: done, flagged late.
    const late = ok(
      await gw.gql<{ submitProcessingPlan: Plan }>(
        SUBMIT,
        { i: { systemId: residentRecord, orgUnitId: kuminUnit, month, items: [items[1]] } },
        { token: kumin.token },
      ),
    ).submitProcessingPlan;
    expect(late.late).toBe(true);
    expect(pair(await due(staff1, month), kuminUnit)!.state).toBe('DONE_LATE');
    gw.setNow(storyAt);
  });

  it('an integrator token reads the due list but records nothing: the duty is a person’s', async () => {
    const admin = await gw.signIn('arakawa', 'admin');
    const created = await gw.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "ダッシュボード連携", scopes: ["registry:read"] }) { token } }',
      {},
      { token: admin },
    );
    const token = ok(created).createApiToken.token;
    expect((await due(token)).length).toBeGreaterThan(0);
    const before = await count('processing_plan');
    const r = await gw.gql(SUBMIT, { i: { systemId: residentRecord, orgUnitId: kuminUnit, month: following, items } }, { token });
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(await count('processing_plan')).toBe(before);
  });

  it('input data is sent (ARK-8-3), returned by デジタル推進課長 (ARK-8-4), and the output checked and reported (ARK-8-5)', async () => {
    const [first, second] = plan.items;
    const returnFirst = await gw.gql(RETURN, { id: first!.id }, { token: digital.token });
    expect(errorCode(returnFirst)).toBe('CONFLICT');
    expect(returnFirst.errors![0]!.extensions!.ruleIds).toEqual(['ARK-8-4']);
    const sent = ok(await gw.gql<{ recordInputHandover: Plan }>(HANDOVER, { id: first!.id, n: '送付書 第12号' }, { token: koseki.token })).recordInputHandover;
    expect(sent.items[0]!.inputSentAt).not.toBeNull();
    expect(errorCode(await gw.gql(HANDOVER, { id: first!.id }, { token: koseki.token }))).toBe('CONFLICT');
    // Only デジタル推進課長 returns; the using section cannot mark its own data returned.
    const notDigital = await gw.gql(RETURN, { id: first!.id }, { token: koseki.token });
    expect(errorCode(notDigital)).toBe('FORBIDDEN');
    expect(notDigital.errors![0]!.extensions!.ruleIds).toEqual(['ARK-8-4']);
    const returned = ok(await gw.gql<{ recordInputReturn: Plan }>(RETURN, { id: first!.id }, { token: digital.token })).recordInputReturn;
    expect(returned.items[0]!.inputReturnedAt).not.toBeNull();
    // An abnormal output needs the action taken.
    const mails = await count('mail_outbox');
    const noNote = await gw.gql(CHECK, { id: first!.id, r: 'ABNORMAL', n: ' ' }, { token: koseki.token });
    expect(errorCode(noNote)).toBe('BAD_USER_INPUT');
    expect(noNote.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ path: ['note'], ruleIds: ['ARK-8-5'] })]);
    expect(errorCode(await gw.gql(CHECK, { id: first!.id, r: 'NORMAL' }, { token: kumin.token }))).toBe('FORBIDDEN');
    const checked = ok(
      await gw.gql<{ recordOutputCheck: Plan }>(
        CHECK,
        { id: first!.id, r: 'ABNORMAL', n: '付番結果一覧に重複2件。再処理を依頼済み。' },
        { token: koseki.token },
      ),
    ).recordOutputCheck;
    expect(checked.items[0]).toMatchObject({ outputResult: 'ABNORMAL', outputNote: '付番結果一覧に重複2件。再処理を依頼済み。' });
    expect(await count('mail_outbox')).toBe(mails + 1);
    expect(errorCode(await gw.gql(CHECK, { id: first!.id, r: 'NORMAL' }, { token: koseki.token }))).toBe('CONFLICT');
    // The output of a job whose input was never sent cannot be checked.
    expect(errorCode(await gw.gql(CHECK, { id: second!.id, r: 'NORMAL' }, { token: koseki.token }))).toBe('CONFLICT');
    const events = await t.q<{ action: string; rule_ids: string[] }>(`select action, rule_ids from audit_event where target_id = $1 order by seq`, [first!.id]);
    expect(events).toEqual([
      { action: 'processing_plan.input_sent', rule_ids: ['ARK-8-3', 'ARK-8-1'] },
      { action: 'processing_plan.input_returned', rule_ids: ['ARK-8-4'] },
      { action: 'processing_plan.output_checked', rule_ids: ['ARK-8-5', 'ARK-8-1'] },
    ]);
  });
});

interface Doc {
  systemId: string;
  kind: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  stale: boolean;
  staleSince: string | null;
  staleReason: { ja: string; en: string } | null;
  pendingModifications: { requestNumber: string }[];
  latest: { versionLabel: string; registeredBy: string };
  versions: { versionLabel: string }[];
  ruleIds: string[];
}
const DOC =
  'systemId kind orgUnitId orgUnitName stale staleSince staleReason { ja en } pendingModifications { requestNumber } latest { versionLabel registeredBy } versions { versionLabel } ruleIds';
const REGISTER = `mutation($i: SystemDocumentInput!) { registerSystemDocument(input: $i) { ${DOC} } }`;
const DOCS = `query($s: ID!) { systemDocuments(systemId: $s) { ${DOC} } }`;
const STALE = `{ staleDocuments { ${DOC} } }`;

describe('documents kept current after every modification', () => {
  it('MNT-13-9: the 保健福祉課長 registers; an approved modification makes the manual stale until a new version is registered', async () => {
    gw.setNow(null); // the clock runs: a modification decided after a version was registered makes it stale
    const filer = await t.holder('minato', 'mnt.shiba.kumin.chief');
    const chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    const coordinator = await t.holder('minato', 'mnt.hoken.fukushi.kanri.coordinator');
    const welfare = await t.systemId('mnt.welfare');
    const manual = {
      systemId: welfare,
      kind: 'MANUAL',
      title: '福祉総合システム 取扱説明書',
      versionLabel: '第4版',
      note: `${formatWarekiFiscalYear(cal.today)}当初版`,
    };

    const before = await count('system_document_version');
    const refused = await gw.gql(REGISTER, { i: manual }, { token: filer.token });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions).toMatchObject({ ruleIds: ['MNT-4-1-2', 'MNT-21-1'], messageJa: expect.stringContaining('保健福祉課長') });
    const missing = await gw.gql(REGISTER, { i: { ...manual, title: '', versionLabel: '' } }, { token: chief.token });
    expect(fieldPaths(missing)).toEqual(['input.title', 'input.versionLabel']);
    const perSection = await gw.gql(REGISTER, { i: { ...manual, orgUnitId: await orgUnitId('mnt.shiba.kumin') } }, { token: chief.token });
    expect(fieldPaths(perSection)).toEqual(['input.orgUnitId']);
    expect(await count('system_document_version')).toBe(before);

    const v4 = ok(await gw.gql<{ registerSystemDocument: Doc }>(REGISTER, { i: manual }, { token: chief.token })).registerSystemDocument;
    expect(v4).toMatchObject({ kind: 'MANUAL', stale: false, latest: { versionLabel: '第4版', registeredBy: chief.name }, ruleIds: ['MNT-13-9', 'MNT-21-2'] });

    // A modification for a change of law, walked to approval as the MNT-13 route has it.
    const content = {
      lawChangeSummary: '介護保険法施行規則の改正',
      referenceMaterials: '厚生労働省 事務連絡',
      costly: false,
      changeManagementApprovalNeeded: false,
    };
    const r = await t.submit(filer, 'system_modification', 'mnt.welfare', content);
    const { request } = await t.walk(r, (s) => (s.key === 'modify' ? coordinator : chief), {
      record: (s) => (s.kind === 'PERFORM' ? { 内容: s.key } : undefined),
    });
    expect(request.status).toBe('APPROVED');
    const [decided] = await t.q<{ decided_at: Date }>('select decided_at from request where id = $1', [request.id]);

    const docs = ok(await gw.gql<{ systemDocuments: Doc[] }>(DOCS, { s: welfare }, { token: filer.token })).systemDocuments;
    const stale = docs.find((d) => d.kind === 'MANUAL')!;
    expect(stale).toMatchObject({ stale: true, pendingModifications: [{ requestNumber: request.number }], ruleIds: ['MNT-13-9', 'MNT-21-2'] });
    expect(new Date(stale.staleSince!).getTime()).toBe(decided!.decided_at.getTime());
    expect(stale.staleReason!.ja).toContain(request.number);
    expect(stale.staleReason!.ja).toContain('第4版');
    const listed = ok(await gw.gql<{ staleDocuments: Doc[] }>(STALE, {}, { token: filer.token })).staleDocuments;
    expect(listed).toContainEqual(expect.objectContaining({ systemId: welfare, kind: 'MANUAL', stale: true }));
    const ops = ok(
      await gw.gql<{ operationsDue: { staleDocuments: Doc[]; summary: { key: string; overdue: number; ruleIds: string[] }[] } }>(
        OPS,
        {},
        { token: filer.token },
      ),
    ).operationsDue;
    expect(ops.staleDocuments).toContainEqual(expect.objectContaining({ systemId: welfare, kind: 'MANUAL', ruleIds: ['MNT-13-9', 'MNT-21-2'] }));
    expect(ops.summary.find((s) => s.key === 'stale_documents')!.ruleIds).toContain('MNT-13-9');

    const dup = await gw.gql(REGISTER, { i: manual }, { token: chief.token });
    expect(dup.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ path: ['input', 'versionLabel'], code: 'DUPLICATE' })]);
    const v5 = ok(
      await gw.gql<{ registerSystemDocument: Doc }>(
        REGISTER,
        { i: { ...manual, versionLabel: '第5版', note: `${request.number}の改修を反映` } },
        { token: chief.token },
      ),
    ).registerSystemDocument;
    expect(v5).toMatchObject({ stale: false, staleSince: null, pendingModifications: [], latest: { versionLabel: '第5版' } });
    expect(v5.versions.map((v) => v.versionLabel)).toEqual(['第5版', '第4版']);
    const after = ok(await gw.gql<{ staleDocuments: Doc[] }>(STALE, {}, { token: filer.token })).staleDocuments;
    expect(after.find((d) => d.systemId === welfare && d.kind === 'MANUAL')).toBeUndefined();
    const [event] = await t.q<{ rule_ids: string[] }>(`select rule_ids from audit_event where action = 'document.register' order by seq desc limit 1`);
    expect(event!.rule_ids).toEqual(['MNT-4-1-2', 'MNT-21-1', 'MNT-13-9', 'MNT-21-2']);
  });

  it('ARK-5 and ARK-11: the managing chief keeps the design document, each using section its own operating manual; a minor change (ARK-13) makes both stale', async () => {
    gw.setNow(null);
    const digital = await t.holder('arakawa', 'ark.kanri.digital.chief');
    const koseki = await t.holder('arakawa', 'ark.kumin.koseki.chief');
    const kumin = await t.holder('arakawa', 'ark.kumin.kumin.chief');
    const kaigo = await t.holder('arakawa', 'ark.fukushi.kaigo.chief');
    const rr = await t.systemId('ark.sys.resident-record');
    const kosekiUnit = await orgUnitId('ark.kumin.koseki');
    const design = { systemId: rr, kind: 'DESIGN', title: '住民記録システム 基本設計書', versionLabel: 'v3.0' };
    const manual = {
      systemId: rr,
      kind: 'OPERATING_MANUAL',
      orgUnitId: kosekiUnit,
      title: '戸籍住民課 住民記録システム操作手引書',
      versionLabel: `${warekiMonth(cal.monthStart(-1))}版`,
    };

    const notManaging = await gw.gql(REGISTER, { i: design }, { token: kaigo.token });
    expect(errorCode(notManaging)).toBe('FORBIDDEN');
    expect(notManaging.errors![0]!.extensions!.ruleIds).toEqual(['ARK-5-1']);
    expect(fieldPaths(await gw.gql(REGISTER, { i: { ...manual, orgUnitId: null } }, { token: koseki.token }))).toEqual(['input.orgUnitId']);
    const othersManual = await gw.gql(REGISTER, { i: manual }, { token: kumin.token });
    expect(errorCode(othersManual)).toBe('FORBIDDEN');
    expect(othersManual.errors![0]!.extensions!.ruleIds).toEqual(['ARK-11-1']);

    expect(ok(await gw.gql<{ registerSystemDocument: Doc }>(REGISTER, { i: design }, { token: digital.token })).registerSystemDocument).toMatchObject({
      stale: false,
      ruleIds: ['ARK-5-2'],
    });
    expect(ok(await gw.gql<{ registerSystemDocument: Doc }>(REGISTER, { i: manual }, { token: koseki.token })).registerSystemDocument).toMatchObject({
      orgUnitId: kosekiUnit,
      orgUnitName: '区民生活部 戸籍住民課',
      stale: false,
      ruleIds: ['ARK-11-2'],
    });

    const minor = await t.submit(kumin, 'system_modification', 'ark.sys.resident-record', { summary: '住民票の写しの様式変更', minor: true });
    const { request } = await t.walk(minor, () => digital);
    expect(request.status).toBe('APPROVED');
    const docs = ok(await gw.gql<{ systemDocuments: Doc[] }>(DOCS, { s: rr }, { token: kumin.token })).systemDocuments;
    expect(docs.map((d) => [d.kind, d.stale, d.ruleIds, d.pendingModifications.map((m) => m.requestNumber)])).toEqual([
      ['DESIGN', true, ['ARK-5-2'], [request.number]],
      ['OPERATING_MANUAL', true, ['ARK-11-2'], [request.number]],
    ]);
    // The using section brings its manual up to date; the design document stays stale.
    ok(await gw.gql(REGISTER, { i: { ...manual, versionLabel: `${warekiMonth(cal.today)}版` } }, { token: koseki.token }));
    const now = ok(await gw.gql<{ systemDocuments: Doc[] }>(DOCS, { s: rr }, { token: kumin.token })).systemDocuments;
    expect(now.map((d) => [d.kind, d.stale])).toEqual([
      ['DESIGN', true],
      ['OPERATING_MANUAL', false],
    ]);
  });

  it('another municipality’s system is not found (RLS)', async () => {
    const kawasaki = await gw.signIn('kawasaki', 'admin');
    const r = await gw.gql(DOCS, { s: await t.systemId('mnt.welfare') }, { token: kawasaki });
    expect(errorCode(r)).toBe('NOT_FOUND');
  });
});

interface Checklist {
  systemId: string;
  applies: boolean;
  complete: boolean;
  missingClauses: string[];
  clauses: { ruleId: string; number: number; text: { ja: string; en: string }; checked: boolean; note: string | null; recordedBy: string | null }[];
  ruleIds: string[];
}
const CHECKLIST = 'systemId applies complete missingClauses ruleIds clauses { ruleId number text { ja en } checked note recordedBy }';
const CLAUSES = `query($s: ID!) { contractClauses(systemId: $s) { ${CHECKLIST} } }`;
const SET = `mutation($s: ID!, $c: String!, $v: Boolean!, $n: String) { setContractClause(systemId: $s, clause: $c, checked: $v, note: $n) { ${CHECKLIST} } }`;

describe('ARK-6-1 contract clauses of an outsourced system', () => {
  it('the ten items, checked by the managing chief; a contract lacking one is flagged', async () => {
    const digital = await t.holder('arakawa', 'ark.kanri.digital.chief');
    const kaigo = await t.holder('arakawa', 'ark.fukushi.kaigo.chief');
    const rr = await t.systemId('ark.sys.resident-record');
    const empty = ok(await gw.gql<{ contractClauses: Checklist }>(CLAUSES, { s: rr }, { token: kaigo.token })).contractClauses;
    expect(empty).toMatchObject({ applies: true, complete: false, ruleIds: ['ARK-6-1'] });
    expect(empty.missingClauses).toHaveLength(10);
    expect(empty.clauses[4]).toMatchObject({ ruleId: 'ARK-6-1-5', number: 5, text: { ja: '再委託の禁止又は制限に関すること。' }, checked: false });

    const before = await count('contract_clause_check');
    const refused = await gw.gql(SET, { s: rr, c: 'ARK-6-1-1', v: true }, { token: kaigo.token });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions!.ruleIds).toEqual(['ARK-6-1']);
    expect(fieldPaths(await gw.gql(SET, { s: rr, c: 'ARK-6-1-11', v: true }, { token: digital.token }))).toEqual(['clause']);
    expect(fieldPaths(await gw.gql(SET, { s: await t.systemId('ark.sys.groupware'), c: 'ARK-6-1-1', v: true }, { token: digital.token }))).toEqual([
      'systemId',
    ]);
    expect(await count('contract_clause_check')).toBe(before);

    let list = empty;
    for (let n = 1; n <= 10; n++) {
      if (n === 5) continue;
      list = ok(
        await gw.gql<{ setContractClause: Checklist }>(SET, { s: rr, c: `ARK-6-1-${n}`, v: true, n: `契約書第${n + 3}条` }, { token: digital.token }),
      ).setContractClause;
    }
    expect(list).toMatchObject({ complete: false, missingClauses: ['ARK-6-1-5'] });
    expect(list.clauses[0]).toMatchObject({ checked: true, note: '契約書第4条', recordedBy: digital.name });
    const ops = ok(await gw.gql<{ operationsDue: { systemsMissingContractClauses: Checklist[] } }>(OPS, {}, { token: kaigo.token })).operationsDue;
    expect(ops.systemsMissingContractClauses).toContainEqual({ systemId: rr, missingClauses: ['ARK-6-1-5'], ruleIds: ['ARK-6-1'] });
    // Recorded as not stated, then as stated: complete, no longer flagged.
    expect(
      ok(
        await gw.gql<{ setContractClause: Checklist }>(
          SET,
          { s: rr, c: 'ARK-6-1-5', v: false, n: '再委託条項なし（変更契約で追加予定）' },
          { token: digital.token },
        ),
      ).setContractClause.complete,
    ).toBe(false);
    const done = ok(
      await gw.gql<{ setContractClause: Checklist }>(SET, { s: rr, c: 'ARK-6-1-5', v: true, n: '変更契約第2条' }, { token: digital.token }),
    ).setContractClause;
    expect(done).toMatchObject({ complete: true, missingClauses: [] });
    const after = ok(await gw.gql<{ operationsDue: { systemsMissingContractClauses: Checklist[] } }>(OPS, {}, { token: kaigo.token })).operationsDue;
    expect(after.systemsMissingContractClauses.find((c) => c.systemId === rr)).toBeUndefined();
    const events = await t.q<{ rule_ids: string[] }>(
      `select rule_ids from audit_event where action = 'contract_clause.set' and target_id = $1 order by seq desc limit 1`,
      [rr],
    );
    expect(events[0]!.rule_ids).toEqual(['ARK-6-1-5', 'ARK-6-1']);
  });

  it('a system without a contractor is outside ARK-6-1', async () => {
    const digital = await t.holder('arakawa', 'ark.kanri.digital.chief');
    const c = ok(await gw.gql<{ contractClauses: Checklist }>(CLAUSES, { s: await t.systemId('ark.sys.groupware') }, { token: digital.token })).contractClauses;
    expect(c).toMatchObject({ applies: false, clauses: [], missingClauses: [], complete: false, ruleIds: [] });
  });
});
