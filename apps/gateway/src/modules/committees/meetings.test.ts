// One meeting of the Arakawa 電子情報システム運営委員会 through the API, from start to end: a realistic
// backlog, the agenda the system proposes from it, the secretary's edits, quorum, decisions that
// move requests, the papers and the minutes, and the next meeting. The other committee types are in
// committee-types.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearOf, formatWareki } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type Req, type RequestTools } from '../requests/requests.testing.ts';
import { ATTEND, CREATE, DECIDE, FREEZE, MEETING, meetingTitle, meetingTools, type Meeting, type MeetingTools } from './meetings.testing.ts';

let gw: TestGateway;
let t: RequestTools;
let committeeId: MeetingTools['committeeId'];
let call: MeetingTools['call'];
let load: MeetingTools['load'];
/** Every date of these stories is counted from the day the tests run, in Japan time. */
const T = testCalendar();
/** The nth business day from today (distinct n, distinct days). */
const workday = (n: number) => T.businessDaysAfter(T.today, n);
beforeAll(async () => {
  // The stories run over weeks of the gateway's clock: sessions last through them.
  gw = await startTestGateway(inject('pgAdminUrl'), { sessionTtlHours: 24 * 120 });
  t = requestTools(gw);
  ({ committeeId, call, load } = meetingTools(gw));
});
afterAll(() => gw.stop());

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
    // The request's history names the meeting whose minutes took the decision.
    expect(t.step(approved, 'steering_committee')).toMatchObject({ decision: 'APPROVED', meetingId: meeting.id });
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
