// Committees through the API, one story for each further committee type: a security committee
// without a quorum rule, the Minato monthly report with its standing business and the period its
// figures cover, decisions by circulation in Kawasaki, and the Kitami operations meeting moving a
// request. The Arakawa steering committee's full story is in meetings.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type RequestTools } from '../requests/requests.testing.ts';
import { ATTEND, CREATE, DECIDE, FREEZE, MEETING, SIGN, meetingTitle, meetingTools, type Meeting, type MeetingTools } from './meetings.testing.ts';

let gw: TestGateway;
let t: RequestTools;
let committeeId: MeetingTools['committeeId'];
let call: MeetingTools['call'];
let load: MeetingTools['load'];
/** Every date of these stories is counted from the day the tests run, in Japan time. */
const T = testCalendar();
beforeAll(async () => {
  // The stories run over weeks of the gateway's clock: sessions last through them.
  gw = await startTestGateway(inject('pgAdminUrl'), { sessionTtlHours: 24 * 120 });
  t = requestTools(gw);
  ({ committeeId, call, load } = meetingTools(gw));
});
afterAll(() => gw.stop());

describe('Arakawa 情報セキュリティ委員会 (ARK-20–24)', () => {
  it('hears failures and audits: an audit needing improvement is reported; no quorum rule, temporary members allowed (ARK-22-2)', async () => {
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
      expect(m.title).toBe(meetingTitle(heldOn, '情報セキュリティ委員会')); // the committee ARK-20-1 sets up
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
      // The chair, the 管理係長 (MNT-9-3-1) and the システム総括担当者 (MNT-9-3-2) as members, and the contractor (MNT-9-3-3).
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
      // The 保健福祉課長 holds the meeting (MNT-4-1-12); a member of staff may not call one.
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
    expect(t.step(after, 'operations_meeting')).toMatchObject({ status: 'DONE', decision: 'APPROVED', meetingId: m.id });
    expect(t.step(after, 'decide').status).toBe('OPEN');
  });
});
