// Committees and meetings through the API, for each committee type: a realistic backlog, the agenda
// the system proposes from it, the secretary's edits, quorum, decisions that move requests, and
// decisions by circulation.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearOf, formatWareki, formatWarekiFiscalYear } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type Req, type RequestTools } from '../requests/requests.testing.ts';

let gw: TestGateway;
let t: RequestTools;
/** Every date of these stories is counted from the day the tests run, in Japan time. */
const T = testCalendar();
/** The nth business day from today (distinct n, distinct days). */
const workday = (n: number) => T.businessDaysAfter(T.today, n);
/** The first meeting of a committee in a fiscal year is its 第1回 (numbering restarts each 1 April). */
const meetingTitle = (heldOn: string, committee: string, number = 1) => `${formatWarekiFiscalYear(heldOn)}第${number}回 ${committee}`;
beforeAll(async () => {
  // The stories run over weeks of the gateway's clock: sessions last through them.
  gw = await startTestGateway(inject('pgAdminUrl'), { sessionTtlHours: 24 * 120 });
  t = requestTools(gw);
});
afterAll(() => gw.stop());

const MEETING = `id title status mode heldOn place number fiscalYear
  items { id number group title presenter source documents { label title } ruleIds figures requestId outcome conditions dissent signoffs { positionTitle vote } }
  removedItems { id title removedReason }
  attendees { id role title name present substituteForId }
  quorum { members present required met message { ja en } ruleIds }
  notProposed { ref title reason { ja en } ruleIds }`;

interface Item {
  id: string;
  number: number;
  group: string;
  title: string;
  presenter: string | null;
  source: string;
  documents: { label: string; title: string }[];
  ruleIds: string[];
  figures: Record<string, unknown> | null;
  requestId: string | null;
  outcome: string | null;
  conditions: string | null;
  dissent: string[];
  signoffs: { positionTitle: string; vote: string }[];
}
interface Meeting {
  id: string;
  title: string;
  status: string;
  mode: string;
  heldOn: string;
  place: string;
  number: number;
  fiscalYear: number;
  items: Item[];
  removedItems: { id: string; title: string; removedReason: string }[];
  attendees: { id: string; role: string; title: string; name: string | null; present: boolean | null; substituteForId: string | null }[];
  quorum: { members: number; present: number; required: number; met: boolean; message: { ja: string; en: string }; ruleIds: string[] };
  notProposed: { ref: string; title: string; reason: { ja: string; en: string }; ruleIds: string[] }[];
}

async function committeeId(key: string, token: string): Promise<string> {
  const r = await gw.gql<{ committees: { id: string; key: string }[] }>('{ committees { id key } }', {}, { token });
  return r.data!.committees.find((c) => c.key === key)!.id;
}

async function call<K extends string>(token: string, query: string, variables: Record<string, unknown>, field: K): Promise<Meeting> {
  const r = await gw.gql<Record<K, Meeting>>(query, variables, { token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data![field];
}
const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { ${MEETING} } }`;
const LOAD = `query($id: ID!) { meeting(id: $id) { ${MEETING} } }`;
const ATTEND = `mutation($m: ID!, $p: [ID!]!) { recordAttendance(meetingId: $m, presentIds: $p) { ${MEETING} } }`;
const DECIDE = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { ${MEETING} } }`;
const FREEZE = `mutation($m: ID!) { freezeAgenda(meetingId: $m) { ${MEETING} } }`;
const SIGN = `mutation($i: SignCirculationInput!) { signCirculation(input: $i) { ${MEETING} } }`;
const load = (token: string, id: string) => call(token, LOAD, { id }, 'meeting');

describe('Arakawa 電子情報システム運営委員会 (ARK-15–19)', () => {
  let digital: Person;
  let cio: Person;
  let secretary: string;
  let staff1: string;
  let steering: string;
  // Applications for the fiscal year after next: on time under ARK-12-2 whenever they are filed.
  const criteria = {
    welfare: true,
    efficiency: true,
    privacy: true,
    targetFiscalYear: T.fiscalYearAfterNext,
    necessity: '来庁者の負担軽減',
    cost: '年額1200万円',
    effect: '待ち時間の短縮',
    alternatives: '既存システムの改修',
  };
  const apps: Req[] = [];
  /** The secretary prepares the meeting on the 8th business day from now; the committee sits on the 20th. */
  const preparedOn = workday(8);
  const heldOn = workday(20);
  const meetingFields = { committeeId: '', heldOn, startTime: '10:00', endTime: '11:30', place: '本庁舎5階 庁議室' };

  /** An application whose papers the CIO has gathered: its committee step is open. */
  async function readyApplication(name: string, on: string): Promise<Req> {
    gw.setNow(T.at(on, '10:00'));
    const r = await t.submit(digital, 'new_system_introduction', null, { systemName: name, summary: `${name}の導入`, ...criteria });
    return t.decide(cio, t.step(r, 'collect_materials'));
  }

  beforeAll(async () => {
    digital = await t.holder('arakawa', 'ark.kanri.digital.chief');
    cio = await t.holder('arakawa', 'ark.kanri.director');
    secretary = await gw.signIn('arakawa', 'admin'); // 管理部デジタル推進課 運用係: the secretariat (ARK-19-3)
    staff1 = await gw.signIn('arakawa', 'staff1');
    steering = await committeeId('ark.committee.steering', secretary);
    meetingFields.committeeId = steering;
    // The backlog, in the order the papers were completed (not the order of filing).
    apps.push(await readyApplication('電子申請受付システム', workday(1)));
    apps.push(await readyApplication('文書管理システム', workday(4)));
    apps.push(await readyApplication('施設予約システム', workday(3)));
    // A paper application registered as received on the last 15 September, after that year's
    // 31 August deadline for the following fiscal year, without a reason of urgency (ARK-12-2).
    const late = await readyApplication('紙で届いた期限後の申請', workday(5));
    const receivedOn = T.lastMonthDay('09-15');
    await gw.admin.query(`update request set filed_at = $2, content = content || jsonb_build_object('targetFiscalYear', $3::int) where id = $1`, [
      late.id,
      T.at(receivedOn, '10:00'),
      Number(receivedOn.slice(0, 4)) + 1,
    ]);
    apps.push(late);
    gw.setNow(T.at(preparedOn, '10:00'));
  });
  afterAll(() => gw.setNow(null));

  let meeting: Meeting;

  it('only the chair and the secretariat create meetings', async () => {
    const r = await gw.gql(CREATE, { i: meetingFields }, { token: staff1 });
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(r.errors![0]!.extensions!.messageJa).toContain('デジタル推進課');
    expect((await t.q('select count(*)::int as n from meeting'))[0]).toEqual({ n: 0 });
  });

  it('refuses a malformed meeting with field paths, and creates nothing', async () => {
    const r = await gw.gql(
      CREATE,
      { i: { committeeId: steering, heldOn: `${T.fiscalYear + 1}-13-40`, startTime: '11:00', endTime: '10:00', place: '' } },
      { token: secretary },
    );
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect((r.errors![0]!.extensions!.fieldErrors as { path: string[] }[]).map((e) => e.path.join('.'))).toEqual([
      'input.heldOn',
      'input.endTime',
      'input.place',
    ]);
    const circ = await gw.gql(CREATE, { i: { committeeId: steering, heldOn, circulation: true } }, { token: secretary });
    expect(JSON.stringify(circ.errors![0]!.extensions!.fieldErrors)).toContain('持回り');
    expect((await t.q('select count(*)::int as n from meeting'))[0]).toEqual({ n: 0 });
  });

  it('proposes the agenda: applications in the order they became ready, the late one left out (ARK-12-2)', async () => {
    meeting = await call(secretary, CREATE, { i: meetingFields }, 'createMeeting');
    expect(meeting).toMatchObject({ title: meetingTitle(heldOn, '電子情報システム運営委員会'), status: 'DRAFT', number: 1, fiscalYear: fiscalYearOf(heldOn) });
    expect(meeting.items.map((i) => [i.number, i.group, i.title])).toEqual([
      [1, 'DELIBERATION', '電子情報システムの導入等の申請（電子申請受付システム）［' + apps[0]!.number + '］'],
      [2, 'DELIBERATION', '電子情報システムの導入等の申請（施設予約システム）［' + apps[2]!.number + '］'],
      [3, 'DELIBERATION', '電子情報システムの導入等の申請（文書管理システム）［' + apps[1]!.number + '］'],
    ]);
    expect(meeting.items[0]).toMatchObject({ presenter: 'デジタル推進課長', ruleIds: ['ARK-12-4', 'ARK-16-1-2'] });
    expect(meeting.items.map((i) => i.documents.map((d) => d.label))).toEqual([
      ['資料1-1', '資料1-2'],
      ['資料2-1', '資料2-2'],
      ['資料3-1', '資料3-2'],
    ]);
    expect(meeting.notProposed).toEqual([expect.objectContaining({ ruleIds: ['ARK-12-2'], title: expect.stringContaining('紙で届いた期限後の申請') })]);
    // Members resolve from the positions of 別表第2 on the meeting date; the chair is the CIO.
    expect(meeting.attendees.filter((a) => a.role === 'chair').map((a) => a.title)).toEqual(['管理部長']);
    expect(meeting.attendees.filter((a) => a.role === 'member')).toHaveLength(6);
    expect(meeting.attendees.filter((a) => a.role === 'secretariat')).toHaveLength(1);
  });

  it('the secretary adds, removes (with a reason) and reorders items; papers are renumbered', async () => {
    // The rules an item cites are checked against the rulebooks: ARK-16-1 has four items.
    const unknownRule = await gw.gql(
      `mutation($m: ID!, $i: AgendaItemInput!) { addAgendaItem(meetingId: $m, input: $i) { id } }`,
      { m: meeting.id, i: { title: '令和9年度電子情報システム関係予算の見積方針', group: 'REPORT', ruleIds: ['ARK-16-1-2', 'ARK-16-1-10'] } },
      { token: secretary },
    );
    expect(errorCode(unknownRule)).toBe('BAD_USER_INPUT');
    expect(unknownRule.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ path: ['input', 'ruleIds', 1], code: 'INVALID_VALUE' })]);
    expect((await load(secretary, meeting.id)).items).toHaveLength(meeting.items.length);
    const add = await call(
      secretary,
      `mutation($m: ID!, $i: AgendaItemInput!) { addAgendaItem(meetingId: $m, input: $i) { ${MEETING} } }`,
      { m: meeting.id, i: { title: '令和9年度電子情報システム関係予算の見積方針', presenter: '財政課長', group: 'REPORT', documents: ['予算見積方針（案）'] } },
      'addAgendaItem',
    );
    expect(add.items.map((i) => i.group)).toEqual(['DELIBERATION', 'DELIBERATION', 'DELIBERATION', 'REPORT']);
    expect(add.items[3]!.documents).toEqual([{ label: '資料4', title: '予算見積方針（案）' }]);
    const noReason = await gw.gql(`mutation($i: ID!) { removeAgendaItem(itemId: $i, reason: "  ") { id } }`, { i: add.items[3]!.id }, { token: secretary });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect((noReason.errors![0]!.extensions!.fieldErrors as { path: string[] }[])[0]!.path).toEqual(['reason']);
    const reordered = await call(
      secretary,
      `mutation($m: ID!, $ids: [ID!]!) { reorderAgenda(meetingId: $m, itemIds: $ids) { ${MEETING} } }`,
      { m: meeting.id, ids: [add.items[2]!.id, add.items[0]!.id, add.items[1]!.id, add.items[3]!.id] },
      'reorderAgenda',
    );
    expect(reordered.items.map((i) => i.title.slice(-18))).toEqual([
      add.items[2]!.title.slice(-18),
      add.items[0]!.title.slice(-18),
      add.items[1]!.title.slice(-18),
      add.items[3]!.title.slice(-18),
    ]);
    expect(reordered.items[0]!.documents[0]!.label).toBe('資料1-1');
    const bad = await gw.gql(
      `mutation($m: ID!, $ids: [ID!]!) { reorderAgenda(meetingId: $m, itemIds: $ids) { id } }`,
      { m: meeting.id, ids: [add.items[0]!.id] },
      { token: secretary },
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const removed = await call(
      secretary,
      `mutation($i: ID!) { removeAgendaItem(itemId: $i, reason: "次回の会議で報告する") { ${MEETING} } }`,
      { i: add.items[3]!.id },
      'removeAgendaItem',
    );
    expect(removed.items).toHaveLength(3);
    expect(removed.removedItems).toEqual([expect.objectContaining({ removedReason: '次回の会議で報告する' })]);
    meeting = removed;
  });

  it('a frozen agenda takes nothing more: business ready after the cut-off goes to the next meeting', async () => {
    meeting = await call(secretary, FREEZE, { m: meeting.id }, 'freezeAgenda');
    expect(meeting.status).toBe('FROZEN');
    apps.push(await readyApplication('議会中継システム', T.businessDaysAfter(preparedOn, 1)));
    gw.setNow(T.at(heldOn, '10:00'));
    const after = await load(secretary, meeting.id);
    expect(after.items).toHaveLength(3);
    expect(after.notProposed.find((n) => n.title.includes('議会中継システム'))!.reason.en).toBe('Ready after the agenda cut-off: goes to the next meeting');
    const refresh = await gw.gql(`mutation($m: ID!) { refreshAgenda(meetingId: $m) { id } }`, { m: meeting.id }, { token: secretary });
    expect(errorCode(refresh)).toBe('CONFLICT');
  });

  it('ARK has no substitutes; an invited non-member does not count towards the quorum', async () => {
    const chair = meeting.attendees.find((a) => a.role === 'chair')!;
    const sub = await gw.gql(
      `mutation($m: ID!, $i: AttendeeInput!) { addAttendee(meetingId: $m, input: $i) { id } }`,
      { m: meeting.id, i: { role: 'SUBSTITUTE', title: '管理部副参事', substituteForId: chair.id } },
      { token: secretary },
    );
    expect(errorCode(sub)).toBe('BAD_USER_INPUT');
    meeting = await call(
      secretary,
      `mutation($m: ID!, $i: AttendeeInput!) { addAttendee(meetingId: $m, input: $i) { ${MEETING} } }`,
      { m: meeting.id, i: { role: 'INVITED', title: '株式会社アラカワ情報 営業部長', name: '町屋 一郎' } },
      'addAttendee',
    );
    expect(meeting.attendees.find((a) => a.role === 'invited')).toMatchObject({ name: '町屋 一郎' });
  });

  it('without a quorum no decision can be recorded (ARK-19-1), and nothing changes', async () => {
    const members = meeting.attendees.filter((a) => a.role === 'chair' || a.role === 'member');
    const invited = meeting.attendees.find((a) => a.role === 'invited')!;
    meeting = await call(secretary, ATTEND, { m: meeting.id, p: [...members.slice(0, 3).map((a) => a.id), invited.id] }, 'recordAttendance');
    expect(meeting.quorum).toMatchObject({ members: 7, present: 3, required: 4, met: false, ruleIds: ['ARK-19-1'] });
    const r = await gw.gql(DECIDE, { i: { itemId: meeting.items[0]!.id, outcome: 'APPROVED' } }, { token: secretary });
    expect(errorCode(r)).toBe('QUORUM_NOT_MET');
    expect(r.errors![0]!.extensions).toMatchObject({ ruleIds: ['ARK-19-1'], quorum: { members: 7, present: 3, required: 4 } });
    expect(r.errors![0]!.extensions!.messageJa).toContain('過半数4名に満たない');
    const again = await load(secretary, meeting.id);
    expect(again.items.map((i) => i.outcome)).toEqual([null, null, null]);
    expect((await t.load(digital, again.items[0]!.requestId!)).status).toBe('IN_PROGRESS');
  });

  it('with a quorum each decision moves its request and tells the applicant (ARK-12-5); dissent is recorded', async () => {
    const members = meeting.attendees.filter((a) => a.role === 'chair' || a.role === 'member');
    meeting = await call(secretary, ATTEND, { m: meeting.id, p: members.slice(0, 5).map((a) => a.id) }, 'recordAttendance');
    expect(meeting.quorum).toMatchObject({ present: 5, required: 4, met: true });
    const [first, second, third] = meeting.items;
    // Two secretaries recording the same item at once: one decision.
    const both = await Promise.all([0, 1].map(() => gw.gql(DECIDE, { i: { itemId: first!.id, outcome: 'APPROVED' } }, { token: secretary })));
    expect(both.map((r) => (r.errors ? errorCode(r) : 'ok')).sort()).toEqual(['CONFLICT', 'ok']);
    const approved = await t.load(digital, first!.requestId!);
    expect(approved.status).toBe('APPROVED');
    expect(t.step(approved, 'steering_committee')).toMatchObject({ decision: 'APPROVED' });
    expect(t.step(approved, 'notify_result')).toMatchObject({ status: 'DONE', decision: 'INFORMED' });
    const told = await t.q<{ subject: string }>(`select subject from notification where recipient_id = $1 and target_id = $2 and kind = 'request.approved'`, [
      digital.staffId,
      first!.requestId,
    ]);
    expect(told).toHaveLength(1);

    const noConditions = await gw.gql(DECIDE, { i: { itemId: second!.id, outcome: 'APPROVED_WITH_CONDITIONS' } }, { token: secretary });
    expect(errorCode(noConditions)).toBe('BAD_USER_INPUT');
    meeting = await call(
      secretary,
      DECIDE,
      { i: { itemId: second!.id, outcome: 'APPROVED_WITH_CONDITIONS', conditions: '個人情報保護審議会への報告を行うこと', dissentIds: [members[2]!.id] } },
      'recordDecision',
    );
    expect(meeting.items[1]).toMatchObject({
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: '個人情報保護審議会への報告を行うこと',
      dissent: [expect.stringContaining(members[2]!.title)],
    });
    expect((await t.load(digital, second!.requestId!)).status).toBe('APPROVED');
    const absent = await gw.gql(DECIDE, { i: { itemId: third!.id, outcome: 'REJECTED', dissentIds: [members[6]!.id] } }, { token: secretary });
    expect(JSON.stringify(absent.errors![0]!.extensions!.fieldErrors)).toContain('dissentIds');
    meeting = await call(secretary, DECIDE, { i: { itemId: third!.id, outcome: 'DEFERRED', note: '費用の精査が必要' } }, 'recordDecision');
    expect((await t.load(digital, third!.requestId!)).status).toBe('IN_PROGRESS');
    const events = await t.q<{ action: string }>(
      `select action from audit_event where target_type = 'meeting_item' and action like 'meeting.item.%' order by seq`,
    );
    expect(events.map((e) => e.action)).toEqual(['meeting.item.approved', 'meeting.item.approved_with_conditions', 'meeting.item.deferred']);
  });

  it('exports the agenda and the minutes (PDF, DOCX, Markdown) and sends the minutes', async () => {
    const doc = await gw.gql<{
      meeting: {
        agenda: { fileName: string; text: string };
        pdf: { fileName: string; mimeType: string; base64: string };
        docx: { fileName: string; base64: string };
      };
    }>(
      `query($id: ID!) { meeting(id: $id) { agenda: document(kind: AGENDA, format: MARKDOWN) { fileName text } pdf: document(kind: MINUTES, format: PDF) { fileName mimeType base64 } docx: document(kind: MINUTES, format: DOCX) { fileName base64 } } }`,
      { id: meeting.id },
      { token: secretary },
    );
    expect(doc.errors).toBeUndefined();
    const m = doc.data!.meeting;
    expect(m.agenda.text).toContain(meetingTitle(heldOn, '電子情報システム運営委員会'));
    expect(m.agenda.text).toContain(formatWareki(heldOn));
    expect(m.agenda.text).toContain('資料1-1');
    expect(Buffer.from(m.pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(m.pdf.mimeType).toBe('application/pdf');
    expect(Buffer.from(m.docx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const closed = await call(secretary, `mutation($m: ID!) { sendMinutes(meetingId: $m) { ${MEETING} } }`, { m: meeting.id }, 'sendMinutes');
    expect(closed.status).toBe('CLOSED');
    const mails = await t.q<{ n: number }>(`select count(*)::int as n from notification where kind = 'meeting.minutes' and target_id = $1`, [meeting.id]);
    expect(mails[0]!.n).toBeGreaterThanOrEqual(7);
  });

  it('reads a meeting’s agenda once, however many of its lists a query asks for', async () => {
    const count = async (q: string) => {
      await gw.gql(q, { id: meeting.id }, { token: secretary }); // who the token is: remembered after the first request
      return (await gw.countStatements(() => gw.gql(q, { id: meeting.id }, { token: secretary }))).statements.length;
    };
    const one = await count('query($id: ID!) { meeting(id: $id) { items { id } committee { name } } }');
    const both = await count('query($id: ID!) { meeting(id: $id) { items { id } removedItems { id } committee { name } quorum { met } } }');
    // quorum adds its attendance read; the second list and the committee come from what was loaded.
    expect(both).toBe(one + 1);
  });

  it('the next meeting carries the deferred item over and takes what came after the cut-off', async () => {
    const nextOn = T.businessDaysAfter(heldOn, 15);
    const next = await call(secretary, CREATE, { i: { committeeId: steering, heldOn: nextOn, place: '本庁舎5階 庁議室' } }, 'createMeeting');
    // 第2回 in the same fiscal year; 第1回 of the new one when 1 April came in between.
    expect(next.number).toBe(fiscalYearOf(nextOn) === fiscalYearOf(heldOn) ? 2 : 1);
    expect(next.items.map((i) => [i.group, i.title.replace(/［.*］/, '')])).toEqual([
      ['DELIBERATION', '電子情報システムの導入等の申請（議会中継システム）'],
      ['CARRIED_OVER', '電子情報システムの導入等の申請（施設予約システム）'],
    ]);
  });
});

describe('Arakawa 情報セキュリティ委員会 (ARK-20–24)', () => {
  it('hears failures and audits: an audit needing improvement is reported; no quorum rule, temporary members allowed', async () => {
    const cio = await t.holder('arakawa', 'ark.kanri.director'); // セキュリティ委員長 (ARK-22-1)
    const secretary = await gw.signIn('arakawa', 'admin');
    // Tomorrow the audit is recorded, ten days after it was conducted; the committee sits a week later.
    const recordedOn = T.day(1);
    const heldOn = T.businessDaysAfter(recordedOn, 5);
    gw.setNow(T.at(recordedOn, '10:00'));
    try {
      const audit = await gw.gql(
        `mutation($i: InspectionInput!) { recordInspection(input: $i) { id } }`,
        {
          i: {
            kind: 'AUDIT',
            scope: '全庁の情報セキュリティポリシー遵守状況',
            conductedOn: T.plusDays(recordedOn, -10),
            result: 'NEEDS_IMPROVEMENT',
            summary: 'アクセスログの定期確認が未実施。',
          },
        },
        { token: cio.token },
      );
      expect(audit.errors, JSON.stringify(audit.errors)).toBeUndefined();
      const id = await committeeId('ark.committee.security', secretary);
      const m = await call(secretary, CREATE, { i: { committeeId: id, heldOn, place: '本庁舎5階 庁議室' } }, 'createMeeting');
      expect(m.title).toBe(meetingTitle(heldOn, '情報セキュリティ委員会'));
      expect(m.items.map((i) => [i.group, i.ruleIds[0]])).toEqual([
        ['REPORT', 'ARK-21-1-4'],
        ['REPORT', 'ARK-21-1-2'],
      ]);
      expect(m.items[1]!.figures).toMatchObject({ kind: 'audits', conducted: 1, needs_improvement: 1 });
      expect(m.attendees.filter((a) => a.role === 'member')).toHaveLength(14); // 別表第3
      const temp = await call(
        secretary,
        `mutation($m: ID!, $i: AttendeeInput!) { addAttendee(meetingId: $m, input: $i) { ${MEETING} } }`,
        { m: m.id, i: { role: 'TEMPORARY_MEMBER', title: '情報セキュリティアドバイザー', name: '外部 委員' } },
        'addAttendee',
      );
      await call(secretary, FREEZE, { m: m.id }, 'freezeAgenda');
      const held = await call(secretary, ATTEND, { m: m.id, p: [temp.attendees[0]!.id] }, 'recordAttendance');
      // ARK-24 sets no quorum: the meeting may proceed with those present, and the record says so.
      expect(held.quorum).toMatchObject({ members: 16, present: 1, met: true, ruleIds: ['ARK-24-1'] });
      expect(held.quorum.message.ja).toContain('定足数の定めはありません');
    } finally {
      gw.setNow(null);
    }
  });
});

describe('Minato 福祉総合システム定例報告会 (MNT-9)', () => {
  it('monthly: the standing business of MNT-9-1 with figures for the period, the contractor attends, substitutes need the chair’s approval', async () => {
    const chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    const staff1 = await gw.signIn('minato', 'staff1');
    const id = await committeeId('mnt.committee.monthly-report', chief.token);
    // Tomorrow a failure is reported that occurred the day before; the monthly meeting sits five days later.
    const today = T.day(1);
    const heldOn = T.plusDays(today, 5);
    const periodFrom = T.plusDays(heldOn, -30); // no earlier meeting: the 30 days before it
    gw.setNow(T.at(today, '10:00'));
    try {
      // A failure this month, reported by the 保健福祉課長 (MNT-22-1).
      const reported = await gw.gql(
        `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
        {
          i: {
            systemId: await t.systemId('mnt.welfare'),
            title: '帳票出力の遅延',
            description: '月次帳票の出力に30分以上かかる',
            occurredAt: T.iso(T.plusDays(today, -1), '09:10'),
            severity: 'MINOR',
            residentsAffected: false,
          },
        },
        { token: chief.token },
      );
      expect(reported.errors, JSON.stringify(reported.errors)).toBeUndefined();
      const m = await call(
        chief.token,
        CREATE,
        { i: { committeeId: id, heldOn, startTime: '15:00', endTime: '16:00', place: '本庁舎6階 保健福祉課会議室' } },
        'createMeeting',
      );
      expect(m.title).toBe(meetingTitle(heldOn, '福祉総合システム定例報告会'));
      expect(m.items.map((i) => [i.group, i.ruleIds[0]])).toEqual([
        ['REPORT', 'MNT-9-1-2'],
        ['REPORT', 'MNT-9-1-3'],
        ['REPORT', 'MNT-9-1-4'],
        ['OTHER', 'MNT-9-1-5'],
      ]);
      expect(m.items[0]!.figures).toMatchObject({ kind: 'operations', from: periodFrom, to: heldOn });
      // MNT-9-1-4: the failures of the period (and those still open), each with its 障害等対応連絡票.
      const failures = await t.q<{ number: string }>(
        `select i.number from incident i join system s on s.id = i.system_id where s.rulebook_id = 'MNT'
        and i.occurred_at < $1 and (i.occurred_at >= $2 or i.status in ('reported', 'recovering') or i.resolved_at >= $2) order by i.occurred_at`,
        [T.at(T.plusDays(heldOn, 1), '00:00'), T.at(periodFrom, '00:00')],
      );
      expect(failures.length).toBeGreaterThanOrEqual(1);
      const incidents = m.items[2]!;
      expect((incidents.figures!.incidents as { number: string }[]).map((i) => i.number)).toEqual(failures.map((f) => f.number));
      expect(incidents.documents.map((d) => d.title)).toEqual(expect.arrayContaining(failures.map((f) => expect.stringContaining(f.number))));
      expect(m.attendees.map((a) => a.role)).toEqual(['chair', 'member', 'member', 'contractor']);
      expect(m.attendees.find((a) => a.role === 'contractor')).toMatchObject({ name: '高田 雄一' });
      const member = m.attendees.find((a) => a.role === 'member')!;
      const add = `mutation($m: ID!, $i: AttendeeInput!) { addAttendee(meetingId: $m, input: $i) { ${MEETING} } }`;
      const unapproved = await gw.gql(
        add,
        { m: m.id, i: { role: 'SUBSTITUTE', title: '保健福祉課管理係主任', substituteForId: member.id } },
        { token: chief.token },
      );
      expect(JSON.stringify(unapproved.errors![0]!.extensions!.fieldErrors)).toContain('MNT-9-3');
      const withSub = await call(
        chief.token,
        add,
        { m: m.id, i: { role: 'SUBSTITUTE', title: '保健福祉課管理係主任', name: '代理 花子', substituteForId: member.id, approvedByChair: true } },
        'addAttendee',
      );
      const sub = withSub.attendees.find((a) => a.role === 'substitute')!;
      const draft = await gw.gql(ATTEND, { m: m.id, p: [sub.id] }, { token: chief.token });
      expect(errorCode(draft)).toBe('CONFLICT'); // the agenda is frozen first
      await call(chief.token, FREEZE, { m: m.id }, 'freezeAgenda');
      const held = await call(chief.token, ATTEND, { m: m.id, p: [withSub.attendees[0]!.id, sub.id] }, 'recordAttendance');
      // MNT-9 sets no quorum; the substitute stands in for the member.
      expect(held.quorum).toMatchObject({ members: 3, present: 2, met: true });
      expect(errorCode(await gw.gql(CREATE, { i: { committeeId: id, heldOn: T.plusDays(heldOn, 25), place: '会議室' } }, { token: staff1 }))).toBe('FORBIDDEN');
      // A meeting not yet held may be cancelled, with a reason; a held one may not.
      const extra = await call(chief.token, CREATE, { i: { committeeId: id, heldOn: T.plusDays(heldOn, 21), place: '会議室' } }, 'createMeeting');
      const CANCEL = `mutation($m: ID!, $r: String!) { cancelMeeting(meetingId: $m, reason: $r) { ${MEETING} } }`;
      expect(errorCode(await gw.gql(CANCEL, { m: extra.id, r: ' ' }, { token: chief.token }))).toBe('BAD_USER_INPUT');
      expect((await call(chief.token, CANCEL, { m: extra.id, r: '年末のため12月分は中止' }, 'cancelMeeting')).status).toBe('CANCELLED');
      expect(errorCode(await gw.gql(CANCEL, { m: m.id, r: '誤り' }, { token: chief.token }))).toBe('CONFLICT');
    } finally {
      gw.setNow(null);
    }
  });
});

describe('Minato 定例報告会: the period each meeting reports on', () => {
  it('runs from the day after the previous meeting to the meeting day, in Japan’s days: nothing twice, nothing from the next morning', async () => {
    const chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    const id = await committeeId('mnt.committee.monthly-report', chief.token);
    const first = T.plusDays(T.today, 70);
    const second = T.plusDays(first, 30);
    gw.setNow(T.at(T.plusDays(second, 2), '10:00'));
    try {
      const system = await t.systemId('mnt.welfare');
      const failure = async (title: string, day: string, at: string, resolvedAt: string) => {
        const r = await gw.gql<{ reportIncident: { id: string; number: string } }>(
          `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id number } }`,
          {
            i: {
              systemId: system,
              title,
              description: title,
              occurredAt: T.iso(day, at),
              detectedAt: T.iso(day, at),
              severity: 'MINOR',
              residentsAffected: false,
            },
          },
          { token: chief.token },
        );
        expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
        const done = await gw.gql(
          `mutation($id: ID!, $at: DateTimeISO) { resolveIncident(id: $id, input: { resolvedAt: $at }) { id } }`,
          { id: r.data!.reportIncident.id, at: T.iso(day, resolvedAt) },
          { token: chief.token },
        );
        expect(done.errors, JSON.stringify(done.errors)).toBeUndefined();
        return r.data!.reportIncident.number;
      };
      // On the first meeting's day; early on the day after it (23:30 UTC the day before); early on the day after the second.
      const onFirstDay = await failure('前回会議当日の障害', first, '10:00', '11:00');
      const dayAfterFirst = await failure('前回会議翌日早朝の障害', T.plusDays(first, 1), '08:30', '09:00');
      const dayAfterSecond = await failure('今回会議翌日早朝の障害', T.plusDays(second, 1), '08:00', '08:30');
      const reported = (m: Meeting) => (m.items.find((i) => i.ruleIds[0] === 'MNT-9-1-4')!.figures!.incidents as { number: string }[]).map((i) => i.number);
      const a = await call(chief.token, CREATE, { i: { committeeId: id, heldOn: first, place: '本庁舎6階 保健福祉課会議室' } }, 'createMeeting');
      expect(reported(a)).toContain(onFirstDay);
      expect(reported(a)).not.toContain(dayAfterFirst);
      const b = await call(chief.token, CREATE, { i: { committeeId: id, heldOn: second, place: '本庁舎6階 保健福祉課会議室' } }, 'createMeeting');
      expect(b.items[0]!.figures).toMatchObject({ from: T.plusDays(first, 1), to: second });
      expect(reported(b)).toContain(dayAfterFirst);
      expect(reported(b)).not.toContain(onFirstDay); // reported at the first meeting already
      expect(reported(b)).not.toContain(dayAfterSecond); // 08:00 in Japan the next day is not the meeting's day
    } finally {
      gw.setNow(null);
    }
  });
});

describe('Kawasaki 運用管理会議 (KWW-12): decision by circulation (持回り)', () => {
  it('completes when the last member signs; the staff meeting has no circulation', async () => {
    const secretary = await gw.signIn('kawasaki', 'admin');
    const id = await committeeId('kaw.committee.operations', secretary);
    const staffMeeting = await committeeId('kaw.committee.operations-staff', secretary);
    const heldOn = T.businessDay(1);
    expect(errorCode(await gw.gql(CREATE, { i: { committeeId: staffMeeting, heldOn, circulation: true } }, { token: secretary }))).toBe('BAD_USER_INPUT');
    let m = await call(secretary, CREATE, { i: { committeeId: id, heldOn, circulation: true } }, 'createMeeting');
    expect(m.mode).toBe('CIRCULATION');
    m = await call(
      secretary,
      `mutation($m: ID!, $i: AgendaItemInput!) { addAgendaItem(meetingId: $m, input: $i) { ${MEETING} } }`,
      {
        m: m.id,
        i: {
          title: '緊急セキュリティパッチの適用（本日夜間）',
          group: 'DELIBERATION',
          presenter: 'システム管理者',
          documents: ['適用計画書'],
          ruleIds: ['KWW-12-2'],
        },
      },
      'addAgendaItem',
    );
    const item = m.items.find((i) => i.source === 'FREE')!;
    const early = await gw.gql(SIGN, { i: { itemId: item.id, vote: 'AGREE' } }, { token: secretary });
    expect(errorCode(early)).toBe('CONFLICT'); // sign-offs open once the agenda is frozen
    m = await call(secretary, FREEZE, { m: m.id }, 'freezeAgenda');
    const outsider = await gw.gql(SIGN, { i: { itemId: item.id, vote: 'AGREE' } }, { token: await gw.signIn('kawasaki', 'staff1') });
    expect(errorCode(outsider)).toBe('FORBIDDEN');
    const memberKeys = (
      await t.q<{ key: string }>(`select p.key from committee c join position p on p.id = c.chair_position_id where c.key = 'kaw.committee.operations'
      union all select p.key from committee c join committee_member cm on cm.committee_id = c.id join position p on p.id = cm.position_id where c.key = 'kaw.committee.operations' and p.id <> c.chair_position_id`)
    ).map((r) => r.key);
    const distinctHolders = new Map<string, Person>();
    for (const key of memberKeys) {
      const p = await t.holder('kawasaki', key);
      distinctHolders.set(p.staffId, p);
    }
    const signers = [...distinctHolders.values()];
    expect(signers.length).toBeGreaterThanOrEqual(3);
    for (const [i, who] of signers.entries()) {
      // A member holding several member positions signs for each of them, one by one.
      let state = await load(secretary, m.id);
      while (state.items.find((x) => x.id === item.id)!.outcome === null) {
        const before = state.items.find((x) => x.id === item.id)!.signoffs.length;
        const seats = (
          await gw.gql<{ meeting: { items: { id: string; viewerSignablePositionIds: string[] }[] } }>(
            `query($id: ID!) { meeting(id: $id) { items { id viewerSignablePositionIds } } }`,
            { id: m.id },
            { token: who.token },
          )
        ).data!.meeting.items.find((x) => x.id === item.id)!.viewerSignablePositionIds;
        const r = await gw.gql<{ signCirculation: Meeting }>(SIGN, { i: { itemId: item.id, vote: 'AGREE', comment: '異議なし' } }, { token: who.token });
        if (errorCode(r) === 'CONFLICT') {
          expect(seats).toEqual([]); // this person has signed for every seat they hold, and was told so
          break;
        }
        expect(seats.length).toBeGreaterThan(0);
        expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
        state = r.data!.signCirculation;
        expect(state.items.find((x) => x.id === item.id)!.signoffs.length).toBe(before + 1);
      }
      const decided = state.items.find((x) => x.id === item.id)!.outcome;
      expect(decided, `after signer ${i + 1} of ${signers.length}`).toBe(i === signers.length - 1 ? 'APPROVED' : null);
    }
    const again = await gw.gql(SIGN, { i: { itemId: item.id, vote: 'DISAGREE' } }, { token: signers[0]!.token });
    expect(errorCode(again)).toBe('CONFLICT');
    const closed = await call(secretary, `mutation($m: ID!) { sendMinutes(meetingId: $m) { ${MEETING} } }`, { m: m.id }, 'sendMinutes');
    expect(closed.status).toBe('CLOSED');
  });
});

describe('Kitami 運用会議 (KTM-3-7, KTM-13-1-2)', () => {
  it('a major modification is proposed to the operations meeting and its decision moves the request to the 統括管理者', async () => {
    const manager = await t.holder('kitami', 'ktm.fukushi.kaigo.chief');
    const secretary = await gw.signIn('kitami', 'admin'); // 窓口課: the secretariat
    const r = await t.submit(manager, 'system_modification', 'ktm.counter', { summary: '転入手続の案内フローの全面改修', major: true, businessChange: true });
    const id = await committeeId('ktm.committee.one-stop', secretary);
    let m = await call(secretary, CREATE, { i: { committeeId: id, heldOn: T.businessDay(2), place: '北見市役所 会議室' } }, 'createMeeting');
    const item = m.items.find((i) => i.requestId === r.id)!;
    expect(item).toMatchObject({ group: 'DELIBERATION', ruleIds: ['KTM-13-1-2', 'KTM-3-7'], presenter: '介護福祉課長' });
    expect(m.items.at(-1)!.ruleIds).toEqual(['KTM-3-7']); // the standing operations report
    m = await call(secretary, FREEZE, { m: m.id }, 'freezeAgenda');
    m = await call(secretary, ATTEND, { m: m.id, p: m.attendees.map((a) => a.id) }, 'recordAttendance');
    await call(secretary, DECIDE, { i: { itemId: item.id, outcome: 'APPROVED' } }, 'recordDecision');
    const after = await t.load(manager, r.id);
    expect(t.step(after, 'operations_meeting')).toMatchObject({ status: 'DONE', decision: 'APPROVED' });
    expect(t.step(after, 'decide').status).toBe('OPEN');
  });
});
