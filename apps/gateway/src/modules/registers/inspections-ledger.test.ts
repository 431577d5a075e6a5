// Inspections and what follows from them through the API: Kawasaki's quarterly check sheets
// (KWO-5-3, four a year per using place, overdue ones flagged), Arakawa's audits and
// self-inspections (ARK-29), findings and improvement requests followed up to closure (KWW-10-2,
// KWO-3-3), and the form ledger with its retention periods (KWO-5-2, KWO-9).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearOf, formatWareki, formatWarekiFiscalYear } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type GqlResult, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type RequestTools } from '../requests/requests.testing.ts';

// The story is set in the third quarter of a fiscal year, 40 days before the coming 31 December, at
// 10:00 Japan time: the first two quarters' check sheets are overdue, the third's is due. The clock
// then crosses that year end, and what is due after the fiscal year end is asked for.
const cal = testCalendar();
const yearEnd = cal.nextMonthDay('12-31');
const storyDay = cal.plusDays(yearEnd, -40);
const storyAt = cal.at(storyDay, '10:00');
const day = (n: number) => cal.plusDays(storyDay, n);
const fy = fiscalYearOf(storyDay);
// The last days of the fiscal year's quarters: June, September, December and March.
const q1End = cal.lastMonthDay('06-30', storyDay);
const q2End = cal.lastMonthDay('09-30', storyDay);
const q4End = cal.nextMonthDay('03-31', yearEnd);
/** 12月1日: a date as a note writes it. */
const monthDay = (date: string) => formatWareki(date).replace(/^.+?年/, '');

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  // The story moves the clock six weeks ahead of sign-in: staff sign in for 90 days.
  gw = await startTestGateway(inject('pgAdminUrl'), { sessionTtlHours: 24 * 90 });
  t = requestTools(gw);
});
afterAll(() => gw.stop());
const count = async (table: string) => (await t.q<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const orgUnitId = async (key: string) => (await t.q<{ id: string }>('select id from org_unit where key = $1', [key]))[0]!.id;
const positionId = async (key: string) => (await t.q<{ id: string }>('select id from position where key = $1', [key]))[0]!.id;
const fieldErrors = (r: GqlResult) => (r.errors?.[0]?.extensions?.fieldErrors ?? []) as { path: (string | number)[]; ruleIds?: string[] }[];
const fieldPaths = (r: GqlResult) => fieldErrors(r).map((e) => e.path.join('.'));
function ok<T>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

interface Slot {
  orgUnitId: string;
  orgUnitName: string;
  fiscalYear: number;
  quarter: number;
  dueOn: string;
  state: string;
  checkedOn: string | null;
  inspectionId: string | null;
  ruleIds: string[];
  message: { ja: string };
}
interface Insp {
  id: string;
  kind: string;
  orgUnitName: string | null;
  conductedOn: string;
  fiscalYear: number;
  quarter: number | null;
  result: string;
  summary: string | null;
  recordedBy: string;
  ruleIds: string[];
}
const SLOT = 'orgUnitId orgUnitName fiscalYear quarter dueOn state checkedOn inspectionId ruleIds message { ja }';
const INSP = 'id kind orgUnitName conductedOn fiscalYear quarter result summary recordedBy ruleIds';
const SHEETS = `query($fy: Int) { checkSheetsDue(fiscalYear: $fy) { ${SLOT} } }`;
const SHEET = `mutation($i: CheckSheetInput!) { recordCheckSheet(input: $i) { ${INSP} } }`;
const INSPECT = `mutation($i: InspectionInput!) { recordInspection(input: $i) { ${INSP} } }`;
const OPS = `query($at: String) { operationsDue(at: $at) {
  at summary { key due overdue ruleIds }
  checkSheets { ${SLOT} }
  findings { id overdue status ruleIds }
  ledgerEntriesPastRetention { id pastRetention ruleIds } } }`;

describe('quarterly check sheets (KWO-5-3: 年4回)', () => {
  let saiwai: Person;
  let nakahara: Person;
  let saiwaiUnit: string;
  let nakaharaUnit: string;
  beforeAll(async () => {
    gw.setNow(storyAt);
    saiwai = await t.holder('kawasaki', 'kaw.ward.saiwai.kumin.chief');
    nakahara = await t.holder('kawasaki', 'kaw.ward.nakahara.kumin.chief');
    saiwaiUnit = await orgUnitId('kaw.ward.saiwai.kumin');
    nakaharaUnit = await orgUnitId('kaw.ward.nakahara.kumin');
  });
  afterAll(() => gw.setNow(null));

  const slots = async (token: string, place: string, fy?: number) =>
    ok(await gw.gql<{ checkSheetsDue: Slot[] }>(SHEETS, { fy: fy ?? null }, { token })).checkSheetsDue.filter((s) => s.orgUnitId === place);
  const sheet = (q: number, checkedOn: string, extra: Record<string, unknown> = {}) => ({
    orgUnitId: saiwaiUnit,
    fiscalYear: fy,
    quarter: q,
    checkedOn,
    result: 'SATISFACTORY',
    ...extra,
  });

  it('four a year for every using place, due on the last day of each quarter of the fiscal year', async () => {
    const list = ok(await gw.gql<{ checkSheetsDue: Slot[] }>(SHEETS, {}, { token: saiwai.token })).checkSheetsDue;
    expect(new Set(list.map((s) => s.orgUnitId)).size).toBe(10); // 7 区民課, 2 支所区民センター, 日吉出張所
    const mine = list.filter((s) => s.orgUnitId === saiwaiUnit);
    expect(mine.map((s) => [s.quarter, s.dueOn, s.state])).toEqual([
      [1, q1End, 'OVERDUE'],
      [2, q2End, 'OVERDUE'],
      [3, yearEnd, 'DUE'],
      [4, q4End, 'UPCOMING'],
    ]);
    expect(mine[0]).toMatchObject({
      orgUnitName: '幸区役所 区民課',
      ruleIds: ['KWO-5-3'],
      message: { ja: expect.stringContaining(`期限（${q1End}）を過ぎても`) },
    });
  });

  it('refuses another place’s chief, a section that is not a using place, and a malformed sheet — recording nothing', async () => {
    const before = await count('inspection');
    const other = await gw.gql(SHEET, { i: sheet(3, day(-1)) }, { token: nakahara.token });
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(other.errors![0]!.extensions).toMatchObject({ ruleIds: ['KWO-5-3'], messageJa: expect.stringContaining('システム利用責任者') });
    const notPlace = await gw.gql(SHEET, { i: { ...sheet(3, day(-1)), orgUnitId: await orgUnitId('kaw.shimin.seikatsu.koseki') } }, { token: saiwai.token });
    expect(fieldErrors(notPlace)).toEqual([expect.objectContaining({ path: ['input', 'orgUnitId'], ruleIds: ['KWO-2-4', 'KWO-5-3'] })]);
    expect(fieldPaths(await gw.gql(SHEET, { i: sheet(4, day(-1)) }, { token: saiwai.token }))).toEqual(['input.checkedOn']);
    expect(fieldPaths(await gw.gql(SHEET, { i: sheet(3, day(1)) }, { token: saiwai.token }))).toEqual(['input.checkedOn']);
    expect(fieldPaths(await gw.gql(SHEET, { i: sheet(5, day(-1), { result: 'NEEDS_IMPROVEMENT' }) }, { token: saiwai.token }))).toEqual([
      'input.quarter',
      'input.measures',
    ]);
    expect(await count('inspection')).toBe(before);
  });

  let q1: Insp;
  it('the システム利用責任者 records the sheets: late for Q1, on time for Q2 and Q3; a quarter is checked once', async () => {
    q1 = ok(
      await gw.gql<{ recordCheckSheet: Insp }>(
        SHEET,
        { i: sheet(1, day(-1), { result: 'NEEDS_IMPROVEMENT', measures: '帳票保管庫の施錠漏れ1件。施錠手順を係内に周知。' }) },
        { token: saiwai.token },
      ),
    ).recordCheckSheet;
    expect(q1).toMatchObject({ kind: 'CHECK_SHEET', fiscalYear: fy, quarter: 1, result: 'NEEDS_IMPROVEMENT', recordedBy: saiwai.name, ruleIds: ['KWO-5-3'] });
    ok(await gw.gql(SHEET, { i: sheet(2, q2End) }, { token: saiwai.token }));
    ok(await gw.gql(SHEET, { i: sheet(3, storyDay) }, { token: saiwai.token }));
    const dup = await gw.gql(SHEET, { i: sheet(1, storyDay) }, { token: saiwai.token });
    expect(errorCode(dup)).toBe('CONFLICT');
    expect(dup.errors![0]!.extensions!.ruleIds).toEqual(['KWO-5-3']);
    expect((await slots(saiwai.token, saiwaiUnit)).map((s) => [s.quarter, s.state, s.checkedOn])).toEqual([
      [1, 'DONE_LATE', day(-1)],
      [2, 'DONE', q2End],
      [3, 'DONE', storyDay],
      [4, 'UPCOMING', null],
    ]);
    const [event] = await t.q<{ rule_ids: string[]; after: { late: boolean } }>(
      `select rule_ids, after from audit_event where action = 'inspection.check_sheet' and target_id = $1`,
      [q1.id],
    );
    expect(event).toEqual({ rule_ids: ['KWO-5-3'], after: expect.objectContaining({ late: true }) });
  });

  it('flags the quarter overdue from the first day after it (JST), across the year end and the fiscal year end', async () => {
    gw.setNow(cal.at(yearEnd, '23:59'));
    expect((await slots(nakahara.token, nakaharaUnit)).map((s) => s.state)).toEqual(['OVERDUE', 'OVERDUE', 'DUE', 'UPCOMING']);
    gw.setNow(cal.at(cal.plusDays(yearEnd, 1), '00:01')); // 31 December in UTC
    expect((await slots(nakahara.token, nakaharaUnit)).map((s) => s.state)).toEqual(['OVERDUE', 'OVERDUE', 'OVERDUE', 'DUE']);
    const ops = ok(
      await gw.gql<{ operationsDue: { at: string; checkSheets: Slot[]; summary: { key: string; due: number; overdue: number; ruleIds: string[] }[] } }>(
        OPS,
        {},
        { token: nakahara.token },
      ),
    ).operationsDue;
    expect(ops.at).toBe(cal.plusDays(yearEnd, 1));
    expect(ops.checkSheets.filter((s) => s.orgUnitId === nakaharaUnit).map((s) => [s.fiscalYear, s.quarter, s.state])).toEqual([
      [fy, 1, 'OVERDUE'],
      [fy, 2, 'OVERDUE'],
      [fy, 3, 'OVERDUE'],
      [fy, 4, 'DUE'],
    ]);
    expect(ops.checkSheets.filter((s) => s.orgUnitId === saiwaiUnit).map((s) => [s.quarter, s.state])).toEqual([[4, 'DUE']]);
    expect(ops.summary.find((s) => s.key === 'check_sheets')).toMatchObject({ ruleIds: ['KWO-5-3'] });
    // Only the registers Kawasaki's rulebooks (KWW, KWO) keep; Minato (MNT) sees only its documents.
    expect(ops.summary.map((s) => s.key)).toEqual(['check_sheets', 'findings', 'form_ledger']);
    const minato = ok(await gw.gql<{ operationsDue: { summary: { key: string }[] } }>(OPS, {}, { token: await gw.signIn('minato', 'staff1') })).operationsDue;
    expect(minato.summary.map((s) => s.key)).toEqual(['stale_documents']);
    // A rolling year: on the first day of the next fiscal year the last quarter of this one is still shown overdue.
    const april = ok(await gw.gql<{ operationsDue: { checkSheets: Slot[] } }>(OPS, { at: cal.plusDays(q4End, 1) }, { token: nakahara.token })).operationsDue;
    expect(april.checkSheets.filter((s) => s.orgUnitId === saiwaiUnit).map((s) => [s.fiscalYear, s.quarter, s.state])).toEqual([
      [fy, 4, 'OVERDUE'],
      [fy + 1, 1, 'DUE'],
    ]);
    expect(errorCode(await gw.gql(OPS, { at: `${q4End.slice(0, 4)}-02-30` }, { token: nakahara.token }))).toBe('BAD_USER_INPUT');
    gw.setNow(storyAt);
  });
});

describe('audits and self-inspections (ARK-29)', () => {
  it('the セキュリティ委員会 records audits; each chief inspects their own section; others are refused', async () => {
    gw.setNow(storyAt);
    const cio = await t.holder('arakawa', 'ark.kanri.director');
    const koseki = await t.holder('arakawa', 'ark.kumin.koseki.chief');
    const staff1 = await gw.signIn('arakawa', 'staff1');
    const kosekiUnit = await orgUnitId('ark.kumin.koseki');
    const before = await count('inspection');
    const audit = {
      kind: 'AUDIT',
      scope: '住民記録システムの情報セキュリティポリシー遵守状況',
      conductedOn: day(-11),
      result: 'NEEDS_IMPROVEMENT',
      summary: '',
    };
    const noSummary = await gw.gql(INSPECT, { i: audit }, { token: cio.token });
    expect(fieldErrors(noSummary)).toEqual([expect.objectContaining({ path: ['input', 'summary'], ruleIds: ['ARK-29-1'] })]);
    const refused = await gw.gql(INSPECT, { i: { ...audit, summary: 'x' } }, { token: staff1 });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions!.ruleIds).toEqual(['ARK-29-1', 'ARK-24-3']);
    const future = await gw.gql(INSPECT, { i: { ...audit, summary: 'x', conductedOn: day(10) } }, { token: cio.token });
    expect(fieldPaths(future)).toEqual(['input.conductedOn']);
    const otherSection = await gw.gql(
      INSPECT,
      { i: { kind: 'SELF_INSPECTION', orgUnitId: await orgUnitId('ark.kumin.kumin'), scope: '端末の操作権限', conductedOn: day(-20), result: 'SATISFACTORY' } },
      { token: koseki.token },
    );
    expect(errorCode(otherSection)).toBe('FORBIDDEN');
    expect(otherSection.errors![0]!.extensions!.ruleIds).toEqual(['ARK-29-2']);
    const kawasakiAdmin = await gw.signIn('kawasaki', 'admin');
    expect(fieldPaths(await gw.gql(INSPECT, { i: { ...audit, summary: 'x' } }, { token: kawasakiAdmin }))).toEqual(['input.kind']);
    expect(await count('inspection')).toBe(before);

    const a = ok(
      await gw.gql<{ recordInspection: Insp }>(INSPECT, { i: { ...audit, summary: 'アクセスログの定期確認が未実施。' } }, { token: cio.token }),
    ).recordInspection;
    expect(a).toMatchObject({ kind: 'AUDIT', fiscalYear: fy, quarter: null, ruleIds: ['ARK-29-1'] });
    const self = ok(
      await gw.gql<{ recordInspection: Insp }>(
        INSPECT,
        { i: { kind: 'SELF_INSPECTION', orgUnitId: kosekiUnit, scope: '端末の操作権限', conductedOn: day(-20), result: 'SATISFACTORY' } },
        { token: koseki.token },
      ),
    ).recordInspection;
    expect(self).toMatchObject({ kind: 'SELF_INSPECTION', orgUnitName: '区民生活部 戸籍住民課', ruleIds: ['ARK-29-2'] });
    const list = ok(
      await gw.gql<{ inspections: Insp[] }>('query($fy: Int) { inspections(fiscalYear: $fy) { id kind } }', { fy }, { token: staff1 }),
    ).inspections;
    expect(list.map((i) => i.id)).toEqual([a.id, self.id]);
  });
});

interface Fnd {
  id: string;
  source: string;
  addressee: string;
  status: string;
  overdue: boolean;
  dueOn: string;
  response: string | null;
  closedBy: string | null;
  notes: { author: string; body: string }[];
  ruleIds: string[];
}
const FND = 'id source addressee status overdue dueOn response closedBy notes { author body } ruleIds';
const RAISE = `mutation($i: FindingInput!) { raiseFinding(input: $i) { ${FND} } }`;
const RESPOND = `mutation($id: ID!, $r: String!) { respondToFinding(id: $id, response: $r) { ${FND} } }`;
const CLOSE = `mutation($id: ID!, $n: String) { closeFinding(id: $id, note: $n) { ${FND} } }`;
const NOTE = `mutation($id: ID!, $b: String!) { addFindingNote(id: $id, body: $b) { ${FND} } }`;

describe('findings and improvement requests (KWW-10-2, KWO-3-3)', () => {
  let administrator: Person; // システム管理者: acts for the システム総括者 (KWW-4-1)
  let owner: Person;
  let assetManager: Person;
  let saiwai: Person;
  let bystander: Person;
  beforeAll(async () => {
    gw.setNow(storyAt);
    administrator = await t.holder('kawasaki', 'kaw.kenko.somu.system.chief');
    owner = await t.holder('kawasaki', 'kaw.kenko.choju.kaigo.chief');
    assetManager = await t.holder('kawasaki', 'kaw.shimin.seikatsu.koseki.chief');
    saiwai = await t.holder('kawasaki', 'kaw.ward.saiwai.kumin.chief');
    bystander = await t.holder('kawasaki', 'kaw.ward.nakahara.kumin.chief');
  });
  afterAll(() => gw.setNow(null));

  let kww: Fnd;
  let kwo: Fnd;
  it('who may ask whom: refusals cite the rule and record nothing', async () => {
    const owned = await positionId('kaw.kenko.choju.kaigo.chief');
    const before = await count('finding');
    const notRaiser = await gw.gql(RAISE, { i: { addresseePositionId: owned, title: 'x', detail: 'x', dueOn: day(19) } }, { token: owner.token });
    expect(errorCode(notRaiser)).toBe('FORBIDDEN');
    expect(notRaiser.errors![0]!.extensions!.ruleIds).toEqual(['KWW-10-2', 'KWO-3-3']);
    // The 情報資産管理責任者 asks a システム利用責任者, not a KWW owner.
    const wrongAddressee = await gw.gql(RAISE, { i: { addresseePositionId: owned, title: 'x', detail: 'x', dueOn: day(19) } }, { token: assetManager.token });
    expect(fieldErrors(wrongAddressee)).toEqual([expect.objectContaining({ path: ['input', 'addresseePositionId'], ruleIds: ['KWO-3-3'] })]);
    const past = await gw.gql(RAISE, { i: { addresseePositionId: owned, title: '', detail: 'x', dueOn: day(-1) } }, { token: administrator.token });
    expect(fieldPaths(past)).toEqual(['input.title', 'input.dueOn']);
    expect(await count('finding')).toBe(before);
  });

  it('an improvement request reaches its addressee, in the app and by mail', async () => {
    const mails = await count('mail_outbox');
    kww = ok(
      await gw.gql<{ raiseFinding: Fnd }>(
        RAISE,
        {
          i: {
            addresseePositionId: await positionId('kaw.kenko.choju.kaigo.chief'),
            systemId: await t.systemId('kww.welfare'),
            title: '共用IDの利用停止',
            detail: '介護保険課で共用IDによるログインが確認された。個人IDへの切替えを求める。',
            dueOn: day(19),
          },
        },
        { token: administrator.token },
      ),
    ).raiseFinding;
    // The システム管理者 acts as the システム総括者's deputy (KWW-4-1); the request is the 総括者's.
    expect(kww).toMatchObject({
      source: 'IMPROVEMENT_REQUEST',
      addressee: '介護保険課長',
      status: 'OPEN',
      overdue: false,
      ruleIds: ['KWW-10-2', 'KWW-3-1', 'KWW-4-1'],
    });
    const supervisor = await t.staffOf('kaw.kenko.somu.director');
    expect((await t.q('select raised_on_behalf_of_id from finding where id = $1', [kww.id]))[0]).toEqual({ raised_on_behalf_of_id: supervisor });
    expect(await count('mail_outbox')).toBe(mails + 1);
    const [n] = await t.q<{ recipient_id: string }>(`select recipient_id from notification where kind = 'finding.raised' and target_id = $1`, [kww.id]);
    expect(n!.recipient_id).toBe(owner.staffId);
    kwo = ok(
      await gw.gql<{ raiseFinding: Fnd }>(
        RAISE,
        {
          i: {
            addresseePositionId: await positionId('kaw.ward.saiwai.kumin.chief'),
            title: '画面のハードコピーの保管',
            detail: '業務上不要なハードコピーが保管されていた（KWO-8-1-1）。',
            dueOn: day(9),
          },
        },
        { token: assetManager.token },
      ),
    ).raiseFinding;
    expect(kwo).toMatchObject({ addressee: '区民課長', ruleIds: ['KWO-3-3'] });
  });

  it('open → responded → closed, with follow-up notes; each side does its part only', async () => {
    expect(errorCode(await gw.gql(RESPOND, { id: kww.id, r: '対応済み' }, { token: bystander.token }))).toBe('FORBIDDEN');
    expect(errorCode(await gw.gql(CLOSE, { id: kww.id }, { token: administrator.token }))).toBe('CONFLICT');
    const plan = `${monthDay(day(10))}に切替作業を予定。`;
    const noted = ok(await gw.gql<{ addFindingNote: Fnd }>(NOTE, { id: kww.id, b: plan }, { token: owner.token })).addFindingNote;
    expect(noted.notes).toEqual([{ author: owner.name, body: plan }]);
    expect(errorCode(await gw.gql(NOTE, { id: kww.id, b: '横から' }, { token: bystander.token }))).toBe('FORBIDDEN');
    const answered = ok(
      await gw.gql<{ respondToFinding: Fnd }>(RESPOND, { id: kww.id, r: '個人IDへ切替え、共用IDを廃止した。' }, { token: owner.token }),
    ).respondToFinding;
    expect(answered.status).toBe('RESPONDED');
    expect(errorCode(await gw.gql(RESPOND, { id: kww.id, r: '再回答' }, { token: owner.token }))).toBe('CONFLICT');
    const [told] = await t.q<{ recipient_id: string }>(`select recipient_id from notification where kind = 'finding.responded' and target_id = $1`, [kww.id]);
    expect(told!.recipient_id).toBe(administrator.staffId);
    // The addressee does not close its own finding.
    const selfClose = await gw.gql(CLOSE, { id: kww.id }, { token: owner.token });
    expect(errorCode(selfClose)).toBe('FORBIDDEN');
    expect(selfClose.errors![0]!.extensions!.ruleIds).toEqual(['KWW-10-2', 'KWW-3-1', 'KWW-4-1']);
    const closed = ok(await gw.gql<{ closeFinding: Fnd }>(CLOSE, { id: kww.id, n: '現地確認済み' }, { token: administrator.token })).closeFinding;
    expect(closed).toMatchObject({ status: 'CLOSED', closedBy: administrator.name });
    expect(errorCode(await gw.gql(NOTE, { id: kww.id, b: '追記' }, { token: owner.token }))).toBe('CONFLICT');
    const actions = (await t.q<{ action: string }>(`select action from audit_event where target_id = $1 order by seq`, [kww.id])).map((e) => e.action);
    expect(actions).toEqual(['finding.raise', 'finding.note', 'finding.respond', 'finding.close']);
  });

  it('an unanswered finding is overdue the day after its due date', async () => {
    const overdue = async () =>
      ok(await gw.gql<{ findings: Fnd[] }>('{ findings(overdueOnly: true) { id overdue } }', {}, { token: bystander.token })).findings.map((f) => f.id);
    gw.setNow(cal.at(day(9), '23:59'));
    expect(await overdue()).not.toContain(kwo.id);
    gw.setNow(cal.at(day(10), '00:01'));
    expect(await overdue()).toContain(kwo.id);
    const ops = ok(
      await gw.gql<{ operationsDue: { findings: Fnd[]; summary: { key: string; overdue: number; ruleIds: string[] }[] } }>(OPS, {}, { token: bystander.token }),
    ).operationsDue;
    expect(ops.findings.find((f) => f.id === kwo.id)).toMatchObject({ overdue: true, status: 'OPEN', ruleIds: ['KWO-3-3'] });
    expect(ops.findings.find((f) => f.id === kww.id)).toBeUndefined(); // closed
    expect(ops.summary.find((s) => s.key === 'findings')!.overdue).toBeGreaterThanOrEqual(1);
    // Answered late: no longer overdue, awaiting the raiser.
    ok(await gw.gql(RESPOND, { id: kwo.id, r: 'ハードコピーを廃棄し、出力を禁止した。' }, { token: saiwai.token }));
    expect(await overdue()).not.toContain(kwo.id);
    gw.setNow(storyAt);
  });

  it('a finding of a check sheet is raised by whoever records the sheet', async () => {
    const saiwaiUnit = await orgUnitId('kaw.ward.saiwai.kumin');
    // The first-quarter sheet recorded above found something to improve.
    const [sheet] = await t.q<{ id: string }>(
      `select id from inspection where kind = 'check_sheet' and org_unit_id = $1 and fiscal_year = $2 and quarter = 1`,
      [saiwaiUnit, fy],
    );
    const input = {
      inspectionId: sheet!.id,
      addresseePositionId: await positionId('kaw.ward.saiwai.kumin.chief'),
      title: '一時保管場所の変更',
      detail: '施錠できる書庫へ移す（KWO-9-2）。',
      dueOn: day(34),
    };
    expect(errorCode(await gw.gql(RAISE, { i: input }, { token: bystander.token }))).toBe('FORBIDDEN');
    const f = ok(await gw.gql<{ raiseFinding: Fnd }>(RAISE, { i: input }, { token: saiwai.token })).raiseFinding;
    expect(f).toMatchObject({ source: 'CHECK_SHEET', ruleIds: ['KWO-5-3'] });
  });
});

interface Entry {
  id: string;
  orgUnitName: string;
  formName: string;
  retentionYears: number | null;
  retentionEndsOn: string | null;
  pastRetention: boolean;
  disposalMethod: string | null;
  disposedOn: string | null;
  disposedBy: string | null;
  message: { ja: string } | null;
  ruleIds: string[];
}
const ENTRY = 'id orgUnitName formName retentionYears retentionEndsOn pastRetention disposalMethod disposedOn disposedBy message { ja } ruleIds';
const ADD = `mutation($i: FormLedgerEntryInput!) { addFormLedgerEntry(input: $i) { ${ENTRY} } }`;
const DISPOSE = `mutation($i: FormDisposalInput!) { recordFormDisposal(input: $i) { ${ENTRY} } }`;
const LEDGER = `query($o: ID) { formLedger(orgUnitId: $o) { ${ENTRY} } }`;

describe('the form ledger (KWO-5-2, 第1号様式)', () => {
  it('entries per using place; past retention flagged until disposed of; disposal not before the retention ends', async () => {
    gw.setNow(storyAt);
    const saiwai = await t.holder('kawasaki', 'kaw.ward.saiwai.kumin.chief');
    const nakahara = await t.holder('kawasaki', 'kaw.ward.nakahara.kumin.chief');
    const place = await orgUnitId('kaw.ward.saiwai.kumin');
    // Forms of this fiscal year and of the one two years before (kept one year: past it since the last
    // 31 March), and a standing manual made six years before.
    const fyStart = cal.lastMonthDay('04-01', storyDay);
    const oldOn = cal.yearsAfter(cal.lastMonthDay('06-01', storyDay), -2);
    const oldName = `住民票の写し等交付請求書（${formatWarekiFiscalYear(oldOn)}分）`;
    const currentName = `印鑑登録申請書（${formatWarekiFiscalYear(fyStart)}分）`;
    const old = {
      orgUnitId: place,
      formName: oldName,
      information: '請求者の氏名・住所・請求事由',
      storagePlace: '区民課 書庫A（施錠）',
      createdOn: oldOn,
      retentionYears: 1,
    };
    const before = await count('form_ledger_entry');
    const refused = await gw.gql(ADD, { i: old }, { token: nakahara.token });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions!.ruleIds).toEqual(['KWO-5-2']);
    expect(fieldPaths(await gw.gql(ADD, { i: { ...old, storagePlace: ' ', retentionYears: 0 } }, { token: saiwai.token }))).toEqual([
      'input.storagePlace',
      'input.retentionYears',
    ]);
    expect(await count('form_ledger_entry')).toBe(before);

    const past = ok(await gw.gql<{ addFormLedgerEntry: Entry }>(ADD, { i: old }, { token: saiwai.token })).addFormLedgerEntry;
    expect(past).toMatchObject({
      orgUnitName: '幸区役所 区民課',
      retentionEndsOn: cal.lastMonthDay('03-31', storyDay),
      pastRetention: true,
      ruleIds: ['KWO-5-2', 'KWO-9-3', 'KWO-9-4'],
    });
    expect(past.message!.ja).toContain('保存期間');
    const current = ok(
      await gw.gql<{ addFormLedgerEntry: Entry }>(
        ADD,
        { i: { ...old, formName: currentName, createdOn: fyStart, retentionYears: 5 } },
        { token: saiwai.token },
      ),
    ).addFormLedgerEntry;
    // Five years counted from the next fiscal year: until the 31 March five years after this fiscal year's.
    expect(current).toMatchObject({ retentionEndsOn: cal.yearsAfter(cal.nextMonthDay('03-31', fyStart), 5), pastRetention: false, ruleIds: ['KWO-5-2'] });
    const standing = ok(
      await gw.gql<{ addFormLedgerEntry: Entry }>(
        ADD,
        { i: { ...old, formName: '窓口事務手順書', createdOn: cal.yearsAfter(fyStart, -6), retentionYears: null } },
        { token: saiwai.token },
      ),
    ).addFormLedgerEntry;
    expect(standing).toMatchObject({ retentionYears: null, retentionEndsOn: null, pastRetention: false });

    const ops = ok(await gw.gql<{ operationsDue: { ledgerEntriesPastRetention: Entry[] } }>(OPS, {}, { token: nakahara.token })).operationsDue;
    expect(ops.ledgerEntriesPastRetention.map((e) => e.id)).toContain(past.id);
    expect(ops.ledgerEntriesPastRetention.map((e) => e.id)).not.toContain(current.id);

    const early = await gw.gql(DISPOSE, { i: { entryId: current.id, method: 'SHREDDING', disposedOn: day(-1) } }, { token: saiwai.token });
    expect(fieldErrors(early)).toEqual([expect.objectContaining({ path: ['input', 'disposedOn'], ruleIds: ['KWO-9-4'] })]);
    const how = await gw.gql(DISPOSE, { i: { entryId: past.id, method: 'OTHER', disposedOn: day(-1) } }, { token: saiwai.token });
    expect(fieldErrors(how)).toEqual([expect.objectContaining({ path: ['input', 'note'], ruleIds: ['KWO-9-3'] })]);
    expect(errorCode(await gw.gql(DISPOSE, { i: { entryId: past.id, method: 'SHREDDING', disposedOn: day(-1) } }, { token: nakahara.token }))).toBe(
      'FORBIDDEN',
    );
    const disposed = ok(
      await gw.gql<{ recordFormDisposal: Entry }>(DISPOSE, { i: { entryId: past.id, method: 'DISSOLVING', disposedOn: day(-1) } }, { token: saiwai.token }),
    ).recordFormDisposal;
    expect(disposed).toMatchObject({ disposalMethod: 'DISSOLVING', disposedOn: day(-1), disposedBy: saiwai.name, pastRetention: false });
    expect(errorCode(await gw.gql(DISPOSE, { i: { entryId: past.id, method: 'SHREDDING', disposedOn: storyDay } }, { token: saiwai.token }))).toBe('CONFLICT');
    const ledger = ok(await gw.gql<{ formLedger: Entry[] }>(LEDGER, { o: place }, { token: nakahara.token })).formLedger;
    expect(ledger.map((e) => e.formName)).toEqual(['窓口事務手順書', oldName, currentName]);
    const [event] = await t.q<{ rule_ids: string[] }>(`select rule_ids from audit_event where action = 'form_ledger.dispose' and target_id = $1`, [past.id]);
    expect(event!.rule_ids).toEqual(['KWO-5-2', 'KWO-9-3']);
    gw.setNow(null);
  });
});
