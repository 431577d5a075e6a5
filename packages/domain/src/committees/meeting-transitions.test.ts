// A meeting's transitions: each allowed with what to write and its audit event, or refused with its
// code, its message in both languages and the rules it cites.
import { describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../calendar/deadlines.ts';
import { testCalendar } from '../testing/test-calendar.ts';
import { formatWarekiFiscalYear } from '../wareki.ts';
import { carriedCandidate, requestCandidate, standingCandidates } from './agenda-candidates.ts';
import { committeeRules } from './committee-rules.ts';
import {
  decideAgendaFreeze,
  decideAgendaItemAddition,
  decideAgendaItemRemoval,
  decideAgendaRefresh,
  decideAgendaReorder,
  decideMeetingCancellation,
  agendaOrder,
  agendaRefreshed,
} from './meeting-agenda.ts';
import { attendeeStaffNotFound, decideAttendance, decideAttendeeAddition } from './meeting-attendance.ts';
import { callerSecretariatSeat, contractorsAttend, decideMeetingCreation, expectedAttendance, meetingCreated } from './meeting-creation.ts';
import {
  actorSeats,
  circulationDecision,
  decideItemOutcome,
  decideSignoff,
  itemDecided,
  itemDecisionComment,
  requestNoLongerAwaiting,
  signoffInPersonOnly,
} from './meeting-decisions.ts';
import { decideMinutes, minutesNotice, minutesSent } from './meeting-minutes.ts';
import {
  keepsMeetings,
  meetingTitle,
  type AgendaItemFacts,
  type AttendeeFacts,
  type CommitteeFacts,
  type MeetingActor,
  type MeetingFacts,
  type MeetingRefusal,
} from './meeting-transitions.ts';

const cal = testCalendar();
const heldOn = cal.businessDay(10);
const now = cal.at(cal.today);

const steering = committeeRules('ark.committee.steering')!;
const monthly = committeeRules('mnt.committee.monthly-report')!;
const kww = committeeRules('kaw.committee.operations')!;

const committee: CommitteeFacts = {
  key: 'ark.committee.steering',
  name: '電子情報システム運営委員会',
  nameEn: 'IT Steering Committee',
  chairPositionId: 'p.chair',
  secretariatName: 'デジタル推進課',
  secretariatPositionIds: ['p.digital', 'p.digital.staff'],
  ruleIds: ['ARK-15-1', 'ARK-19-3'],
};
const kwwCommittee: CommitteeFacts = {
  ...committee,
  key: 'kaw.committee.operations',
  name: '福祉総合情報システム運用管理会議',
  nameEn: 'Welfare system operations meeting',
  ruleIds: ['KWW-12-1'],
};

const actor = (held: string[], deputy: string[] = []): MeetingActor => ({ staffId: 'me', heldPositionIds: held, deputyPositionIds: deputy });
const secretary = actor(['p.digital.staff']);
const outsider = actor(['p.koseki']);

const meeting = (status: MeetingFacts['status'], mode: MeetingFacts['mode'] = 'meeting'): MeetingFacts => ({ id: 'm', mode, status, heldOn, number: 3 });
const item = (over: Partial<AgendaItemFacts> = {}): AgendaItemFacts => ({
  id: 'i1',
  meetingId: 'm',
  title: '議会中継システムの導入',
  groupKey: 'deliberation',
  documents: [{ label: '', title: '申請書' }],
  removed: false,
  outcome: null,
  requestStepId: 'step',
  ruleIds: ['ARK-12-5'],
  ...over,
});
const attendee = (id: string, role: AttendeeFacts['role'], present: boolean | null, over: Partial<AttendeeFacts> = {}): AttendeeFacts => ({
  id,
  seq: Number(id.replace(/\D/g, '')) || 1,
  role,
  positionId: `p.${id}`,
  staffId: `s.${id}`,
  title: `職${id}`,
  name: null,
  substituteForId: null,
  approvedByChair: false,
  present,
  ...over,
});
/** Seven members: a chair and six. */
const seven = (present: number) => [
  attendee('a1', 'chair', present > 0),
  ...Array.from({ length: 6 }, (_, i) => attendee(`a${i + 2}`, 'member', i + 1 < present)),
];

const refusal = (d: { allowed: boolean }): MeetingRefusal => {
  expect(d.allowed).toBe(false);
  return d as MeetingRefusal;
};
const fieldCodes = (d: { allowed: boolean }) => {
  const r = refusal(d);
  return r.code === 'BAD_USER_INPUT' ? r.fieldErrors.map((e) => [e.path.join('.'), e.code, e.ruleIds ?? []]) : r.code;
};

describe('who keeps a committee’s meetings (ARK-19-3)', () => {
  it('the chair, the chair’s deputy and the secretariat’s staff; nobody else', () => {
    expect(keepsMeetings(actor(['p.chair']), committee)).toBe(true);
    expect(keepsMeetings(actor([], ['p.chair']), committee)).toBe(true);
    expect(keepsMeetings(secretary, committee)).toBe(true);
    expect(keepsMeetings(outsider, committee)).toBe(false);
    expect(keepsMeetings(null, committee)).toBe(false);
  });

  it('others are refused, naming the secretariat, citing the committee’s rules', () => {
    const r = refusal(decideAgendaFreeze(meeting('draft'), committee, outsider, now));
    expect(r).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['ARK-15-1', 'ARK-19-3'] });
    expect(r.code !== 'BAD_USER_INPUT' && r.message.ja).toContain('デジタル推進課');
    expect(decideMeetingCreation(committee, steering, null, { heldOn, place: '庁議室' })).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });
});

describe('creating a meeting', () => {
  it('the secretary calls a sitting at a place; numbered in its fiscal year; audited with its cadence (ARK-19-1)', () => {
    const d = decideMeetingCreation(committee, steering, secretary, { heldOn, startTime: '10:00', endTime: '11:00', place: ' 庁議室 ' });
    expect(d).toEqual({
      allowed: true,
      fiscalYear: fiscalYearOf(heldOn),
      mode: 'meeting',
      heldOn,
      startTime: '10:00',
      endTime: '11:00',
      place: '庁議室',
      status: 'draft',
    });
    expect(meetingCreated(committee, steering, { id: 'm', heldOn, number: 3, mode: 'meeting' }, 2)).toEqual({
      action: 'meeting.create',
      targetType: 'meeting',
      targetId: 'm',
      after: { committee: committee.key, heldOn, number: 3, mode: 'meeting', items: 2 },
      ruleIds: ['ARK-19-1', 'ARK-15-1', 'ARK-19-3'],
    });
  });

  it('refuses a malformed date and times, an end before the start, a sitting without a place', () => {
    expect(fieldCodes(decideMeetingCreation(committee, steering, secretary, { heldOn: 'tomorrow', startTime: '25:00', endTime: '9:00', place: '' }))).toEqual([
      ['input.heldOn', 'INVALID_VALUE', []],
      ['input.startTime', 'INVALID_VALUE', []],
      ['input.endTime', 'INVALID_VALUE', []],
      ['input.place', 'REQUIRED', []],
    ]);
    expect(fieldCodes(decideMeetingCreation(committee, steering, secretary, { heldOn, startTime: '11:00', endTime: '10:00', place: 'x'.repeat(201) }))).toEqual(
      [
        ['input.endTime', 'INVALID_VALUE', []],
        ['input.place', 'TOO_LONG', []],
      ],
    );
  });

  it('a circulation only where the rulebook provides for one (KWW-12-2); it needs no place', () => {
    expect(fieldCodes(decideMeetingCreation(committee, steering, secretary, { heldOn, circulation: true }))).toEqual([
      ['input.circulation', 'INVALID_VALUE', ['ARK-15-1', 'ARK-19-3']],
    ]);
    expect(decideMeetingCreation(kwwCommittee, kww, secretary, { heldOn, circulation: true })).toMatchObject({
      allowed: true,
      mode: 'circulation',
      place: '持回り',
    });
  });

  it('the title reads 令和n年度第n回 with （持回り） for a circulation', () => {
    expect(meetingTitle(committee, meeting('draft'))).toBe(`${formatWarekiFiscalYear(heldOn)}第3回 電子情報システム運営委員会`);
    expect(meetingTitle(kwwCommittee, meeting('draft', 'circulation'))).toMatch(/（持回り）$/);
  });

  it('the expected attendance: chair, members, the contractor at the monthly report meeting (MNT-9-3-3), the secretary', () => {
    const holders = [
      { positionId: 'p.chair', positionName: '保健福祉課長', staffId: 's1', staffName: '山田 太郎' },
      { positionId: 'p.m', positionName: '係長', staffId: null, staffName: null },
    ];
    const contractors = [{ contractorName: '保守株式会社', personName: '佐藤' }];
    const own = { positionId: 'p.digital.staff', staffId: 'me', holder: undefined };
    expect(expectedAttendance(monthly, committee, holders, contractors, own).map((a) => [a.role, a.title])).toEqual([
      ['chair', '保健福祉課長'],
      ['member', '係長'],
      ['contractor', '保守株式会社（保守業務受託者）'],
      ['secretariat', 'デジタル推進課'],
    ]);
    expect(expectedAttendance(steering, committee, holders, contractors, { ...own, positionId: 'p.m' }).map((a) => a.role)).toEqual(['chair', 'member']);
    expect([contractorsAttend(monthly), contractorsAttend(steering)]).toEqual([true, false]);
    expect([callerSecretariatSeat(secretary, committee), callerSecretariatSeat(outsider, committee), callerSecretariatSeat(null, committee)]).toEqual([
      'p.digital.staff',
      null,
      null,
    ]);
  });
});

describe('the agenda, until it is frozen', () => {
  const live = [item({ id: 'a', documents: [{ label: '', title: '甲' }] }), item({ id: 'b', groupKey: 'report', documents: [{ label: '', title: '乙' }] })];

  it('is refreshed, reordered, added to and taken from while a draft; a frozen one is a CONFLICT', () => {
    expect(decideAgendaRefresh(meeting('draft'), committee, secretary)).toEqual({ allowed: true });
    expect(agendaRefreshed(meeting('draft'), committee, 0)).toBeNull();
    expect(agendaRefreshed(meeting('draft'), committee, 2)).toMatchObject({ action: 'meeting.agenda.refresh', after: { added: 2 } });
    for (const status of ['frozen', 'held', 'closed'] as const) {
      expect(decideAgendaRefresh(meeting(status), committee, secretary)).toMatchObject({ allowed: false, code: 'CONFLICT', ruleIds: [] });
      expect(decideAgendaReorder(meeting(status), committee, secretary, live, ['b', 'a'])).toMatchObject({ allowed: false, code: 'CONFLICT' });
    }
  });

  it('reorders every live item once, renumbering the papers', () => {
    const d = decideAgendaReorder(meeting('draft'), committee, secretary, live, ['b', 'a']);
    expect(d).toMatchObject({
      allowed: true,
      order: [
        { id: 'b', seq: 1 },
        { id: 'a', seq: 2 },
      ],
      audit: { action: 'meeting.agenda.reorder', after: { order: ['b', 'a'] }, ruleIds: ['ARK-15-1', 'ARK-19-3'] },
    });
    expect(d.allowed && d.order.map((o) => o.documents[0]!.label)).toEqual(['資料1', '資料2']);
    expect(fieldCodes(decideAgendaReorder(meeting('draft'), committee, secretary, live, ['a']))).toEqual([['itemIds', 'INVALID_VALUE', []]]);
    expect(fieldCodes(decideAgendaReorder(meeting('draft'), committee, secretary, live, ['a', 'a']))).toEqual([['itemIds', 'INVALID_VALUE', []]]);
  });

  it('a free item goes to the end of its group, citing rules the rulebooks have', () => {
    const d = decideAgendaItemAddition(
      meeting('draft'),
      committee,
      secretary,
      live,
      { title: ' 報告 ', group: 'deliberation', documents: ['資料甲'], ruleIds: ['ARK-19-1'] },
      'new',
    );
    expect(d).toMatchObject({
      allowed: true,
      item: { id: 'new', seq: 2, group: 'deliberation', source: 'free', sourceRef: 'free:new', title: '報告', ruleIds: ['ARK-19-1'] },
      order: [
        { id: 'a', seq: 1 },
        { id: 'b', seq: 3 },
      ],
      audit: { action: 'meeting.agenda.add', targetType: 'meeting_item', targetId: 'new', after: { meeting: 'm', title: '報告' } },
    });
    expect(
      fieldCodes(decideAgendaItemAddition(meeting('draft'), committee, secretary, live, { title: ' ', documents: [' '], ruleIds: ['ARK-99-9'] }, 'new')),
    ).toEqual([
      ['input.title', 'REQUIRED', []],
      ['input.documents', 'INVALID_VALUE', []],
      ['input.ruleIds.0', 'INVALID_VALUE', []],
    ]);
  });

  it('an item is taken off with a reason, once', () => {
    expect(decideAgendaItemRemoval(meeting('draft'), committee, secretary, item(), ' 取下げ ', now)).toMatchObject({
      allowed: true,
      reason: '取下げ',
      removedAt: now,
      audit: { action: 'meeting.agenda.remove', targetId: 'i1', after: { meeting: 'm', title: item().title, reason: '取下げ' } },
    });
    expect(decideAgendaItemRemoval(meeting('draft'), committee, secretary, item({ removed: true }), '取下げ', now)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
    });
    expect(fieldCodes(decideAgendaItemRemoval(meeting('draft'), committee, secretary, item(), ' ', now))).toEqual([['reason', 'REQUIRED', []]]);
    expect(fieldCodes(decideAgendaItemRemoval(meeting('draft'), committee, secretary, item(), 'x'.repeat(501), now))).toEqual([['reason', 'TOO_LONG', []]]);
    expect(agendaOrder(live).map((o) => o.seq)).toEqual([1, 2]);
  });

  it('is frozen at a cut-off, now', () => {
    expect(decideAgendaFreeze(meeting('draft'), committee, secretary, now)).toEqual({
      allowed: true,
      status: 'frozen',
      cutoffAt: now,
      audit: {
        action: 'meeting.agenda.freeze',
        targetType: 'meeting',
        targetId: 'm',
        after: { cutoffAt: now.toISOString() },
        ruleIds: ['ARK-15-1', 'ARK-19-3'],
      },
    });
  });

  it('a meeting not yet held is cancelled with a reason', () => {
    expect(decideMeetingCancellation(meeting('frozen'), committee, secretary, '延期')).toMatchObject({
      allowed: true,
      status: 'cancelled',
      audit: { action: 'meeting.cancel', after: { reason: '延期' } },
    });
    expect(decideMeetingCancellation(meeting('held'), committee, secretary, '延期')).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(fieldCodes(decideMeetingCancellation(meeting('draft'), committee, secretary, ''))).toEqual([['reason', 'REQUIRED', []]]);
  });
});

describe('the agenda’s candidates', () => {
  it('a request brings its kind’s papers; a deferred free item is carried over; standing items report the period (MNT-9-1-2 …)', () => {
    const openedAt = now.toISOString();
    const r = requestCandidate({
      stepId: 's',
      openedAt,
      ruleIds: ['ARK-12-5'],
      number: 'R-1',
      kindKey: 'system_modification',
      filedOn: cal.today,
      content: { systemName: '議会中継' },
      systemName: null,
      presenter: null,
      deferredFrom: null,
      scheduledElsewhere: false,
    });
    expect(r).toMatchObject({ ref: 'request-step:s', source: 'request', documents: ['システム改修申請書（R-1）', '改修内容・費用・影響範囲に関する資料'] });
    expect(r.title).toContain('（議会中継）［R-1］');
    expect(
      carriedCandidate({ id: 'i', meetingId: 'm0', title: 't', presenter: null, documents: [{ title: 'p' }], ruleIds: [], decidedAt: openedAt }),
    ).toMatchObject({ ref: 'item:i', source: 'carried_over', deferredFrom: 'm0', documents: ['p'] });
    const standing = standingCandidates(monthly, { heldOn, createdAt: openedAt }, cal.today, [{ number: 'I-1', title: '停止' }]);
    expect(standing.map((s) => s.ruleIds[0])).toEqual(['MNT-9-1-2', 'MNT-9-1-3', 'MNT-9-1-4', 'MNT-9-1-5']);
    expect(standing[2]!.documents).toEqual(['障害等対応連絡票（I-1 停止）']);
    expect(standing[3]!.documents).toEqual([]);
  });
});

describe('attendance and the quorum (ARK-19-1)', () => {
  it('is taken once the agenda is frozen: the meeting is held, the quorum computed', () => {
    const list = seven(0);
    const d = decideAttendance(meeting('frozen'), committee, steering, secretary, list, ['a1', 'a2', 'a3', 'a4']);
    expect(d).toMatchObject({ allowed: true, status: 'held', quorum: { members: 7, present: 4, required: 4, met: true } });
    expect(d.allowed && d.audit).toEqual({
      action: 'meeting.attendance',
      targetType: 'meeting',
      targetId: 'm',
      after: { present: 4, quorum: { members: 7, present: 4, required: 4, met: true } },
      ruleIds: ['ARK-19-1'],
    });
    expect(decideAttendance(meeting('held'), committee, steering, secretary, list, ['a1'])).toMatchObject({
      allowed: true,
      status: null,
      quorum: { met: false },
    });
  });

  it('is refused before the freeze, after the minutes, for a circulation (KWW-12-2) and for people not expected', () => {
    expect(decideAttendance(meeting('draft'), committee, steering, secretary, seven(0), [])).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(decideAttendance(meeting('closed'), committee, steering, secretary, seven(0), [])).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(fieldCodes(decideAttendance(meeting('frozen', 'circulation'), kwwCommittee, kww, secretary, seven(0), []))).toEqual([
      ['meetingId', 'INVALID_VALUE', ['KWW-12-2']],
    ]);
    expect(fieldCodes(decideAttendance(meeting('frozen'), committee, steering, secretary, seven(0), ['nobody']))).toEqual([['presentIds', 'NOT_FOUND', []]]);
  });

  it('temporary members (ARK-17-2) and invited non-members (ARK-19-2) attend the steering committee; substitutes do not', () => {
    expect(
      decideAttendeeAddition(meeting('frozen'), committee, steering, secretary, seven(0), { role: 'temporary_member', title: ' 臨時委員 ' }),
    ).toMatchObject({
      allowed: true,
      title: '臨時委員',
      seq: 8,
      audit: { action: 'meeting.attendee.add', after: { role: 'temporary_member', title: '臨時委員', substituteFor: null }, ruleIds: ['ARK-17-2'] },
    });
    expect(decideAttendeeAddition(meeting('frozen'), committee, steering, secretary, seven(0), { role: 'invited', title: '参考人' })).toMatchObject({
      allowed: true,
      audit: { ruleIds: ['ARK-19-2'] },
    });
    expect(fieldCodes(decideAttendeeAddition(meeting('frozen'), committee, steering, secretary, seven(0), { role: 'substitute', title: '代理' }))).toEqual([
      ['input.role', 'INVALID_VALUE', ['ARK-15-1', 'ARK-19-3']],
    ]);
    expect(decideAttendeeAddition(meeting('closed'), committee, steering, secretary, seven(0), { role: 'invited', title: '参考人' })).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
    });
  });

  it('a substitute stands in for one member, approved by the chair (MNT-9-3)', () => {
    const list = [attendee('a1', 'chair', null), attendee('a2', 'member', null), attendee('a3', 'substitute', null, { substituteForId: 'a2' })];
    expect(
      decideAttendeeAddition(meeting('frozen'), committee, monthly, secretary, list, {
        role: 'substitute',
        title: '補佐',
        substituteForId: 'a1',
        approvedByChair: true,
      }),
    ).toMatchObject({
      allowed: true,
      substituteForId: 'a1',
      approvedByChair: true,
      audit: { ruleIds: ['MNT-9-3'] },
    });
    expect(
      fieldCodes(decideAttendeeAddition(meeting('frozen'), committee, monthly, secretary, list, { role: 'substitute', title: '', substituteForId: 'a2' })),
    ).toEqual([
      ['input.title', 'REQUIRED', []],
      ['input.substituteForId', 'DUPLICATE', []],
      ['input.approvedByChair', 'REQUIRED', ['MNT-9-3']],
    ]);
    expect(
      fieldCodes(
        decideAttendeeAddition(meeting('frozen'), committee, monthly, secretary, list, {
          role: 'substitute',
          title: '補佐',
          substituteForId: 'x',
          approvedByChair: true,
          staffIdMalformed: true,
        }),
      ),
    ).toEqual([
      ['input.substituteForId', 'NOT_FOUND', ['MNT-9-3']],
      ['input.staffId', 'INVALID_VALUE', []],
    ]);
    expect(fieldCodes({ ...attendeeStaffNotFound() })).toEqual([['input.staffId', 'NOT_FOUND', []]]);
  });
});

describe('decisions at a sitting', () => {
  const held = meeting('held');

  it('a quorate sitting decides an item once, with conditions and the dissent of members present', () => {
    const list = seven(4);
    const d = decideItemOutcome(
      held,
      committee,
      steering,
      secretary,
      item(),
      list,
      { outcome: 'approved_with_conditions', conditions: ' 予算の範囲内 ', dissentIds: ['a2'] },
      now,
    );
    expect(d).toEqual({
      allowed: true,
      record: { outcome: 'approved_with_conditions', conditions: '予算の範囲内', dissent: ['職a2'], note: null, at: now },
      stepDecision: 'approved',
    });
    expect(decideItemOutcome(held, committee, steering, secretary, item(), list, { outcome: 'deferred' }, now)).toMatchObject({
      allowed: true,
      stepDecision: null,
    });
    expect(decideItemOutcome(held, committee, steering, secretary, item(), list, { outcome: 'rejected' }, now)).toMatchObject({
      allowed: true,
      stepDecision: 'rejected',
    });
  });

  it('ARK-19-1: fewer than the majority present records nothing (QUORUM_NOT_MET)', () => {
    const r = refusal(decideItemOutcome(held, committee, steering, secretary, item(), seven(3), { outcome: 'approved' }, now));
    expect(r).toMatchObject({ code: 'QUORUM_NOT_MET', ruleIds: ['ARK-19-1'], quorum: { members: 7, present: 3, required: 4 } });
    expect(r.code === 'QUORUM_NOT_MET' && r.message.ja).toContain('過半数4名に満たない');
  });

  it('is refused before the attendance, for a removed or decided item, for a circulation (KWW-12-2), with bad input', () => {
    expect(decideItemOutcome(meeting('frozen'), committee, steering, secretary, item(), seven(4), { outcome: 'approved' }, now)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
    });
    expect(decideItemOutcome(held, committee, steering, secretary, item({ removed: true }), seven(4), { outcome: 'approved' }, now)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
    });
    expect(decideItemOutcome(held, committee, steering, secretary, item({ outcome: 'approved' }), seven(4), { outcome: 'approved' }, now)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
    });
    expect(
      fieldCodes(decideItemOutcome(meeting('frozen', 'circulation'), kwwCommittee, kww, secretary, item(), seven(4), { outcome: 'approved' }, now)),
    ).toEqual([['input.itemId', 'INVALID_VALUE', ['KWW-12-2']]]);
    expect(
      fieldCodes(
        decideItemOutcome(
          held,
          committee,
          steering,
          secretary,
          item(),
          seven(4),
          { outcome: 'approved_with_conditions', note: 'x'.repeat(2001), dissentIds: ['a7'] },
          now,
        ),
      ),
    ).toEqual([
      ['input.conditions', 'REQUIRED', []],
      ['input.note', 'TOO_LONG', []],
      ['input.dissentIds', 'INVALID_VALUE', []],
    ]);
    expect(decideItemOutcome(held, committee, steering, outsider, item(), seven(4), { outcome: 'approved' }, now)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
  });

  it('moves the request’s step with a comment naming the meeting (ARK-12-5), and is audited citing the item’s rules', () => {
    const d = { outcome: 'approved_with_conditions' as const, conditions: '条件', dissent: ['職a2'], note: null };
    expect(itemDecisionComment(committee, held, d)).toBe(`${meetingTitle(committee, held)}において条件付き承認（条件: 条件）。反対: 職a2`);
    expect(itemDecided(committee, held, item(), d, 'approved')).toEqual({
      action: 'meeting.item.approved_with_conditions',
      targetType: 'meeting_item',
      targetId: 'i1',
      after: { meeting: 'm', title: item().title, ...d, requestStatus: 'approved' },
      ruleIds: ['ARK-12-5', 'ARK-15-1', 'ARK-19-3'],
    });
    expect(requestNoLongerAwaiting()).toMatchObject({ allowed: false, code: 'CONFLICT', ruleIds: [] });
  });
});

describe('decision by circulation (KWW-12-2)', () => {
  const circulation = meeting('frozen', 'circulation');
  const members = [attendee('a1', 'chair', null), attendee('a2', 'member', null), attendee('a3', 'secretariat', null)];
  const member = actor(['p.a2']);

  it('each member signs once, in their seat (held or deputised for)', () => {
    expect(actorSeats(actor([], ['p.a1']), members)).toEqual(['p.a1']);
    expect(actorSeats(actor(['p.a3']), members)).toEqual([]);
    expect(decideSignoff(circulation, kww, member, item(), members, [], { vote: 'agree', comment: ' 異議なし ' }, now)).toEqual({
      allowed: true,
      positionId: 'p.a2',
      vote: 'agree',
      comment: '異議なし',
      at: now,
      audit: {
        action: 'meeting.circulation.agree',
        targetType: 'meeting_item',
        targetId: 'i1',
        after: { meeting: 'm', position: 'p.a2', comment: ' 異議なし ' },
        ruleIds: ['KWW-12-2'],
      },
    });
    expect(decideSignoff(circulation, kww, member, item(), members, ['p.a2'], { vote: 'agree' }, now)).toMatchObject({ allowed: false, code: 'CONFLICT' });
  });

  it('non-members, viewers not in person, sittings, drafts and decided items are refused', () => {
    expect(decideSignoff(circulation, kww, actor(['p.a3']), item(), members, [], { vote: 'agree' }, now)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      ruleIds: ['KWW-12-2'],
    });
    expect(decideSignoff(circulation, kww, null, item(), members, [], { vote: 'agree' }, now)).toEqual(signoffInPersonOnly());
    expect(fieldCodes(decideSignoff(meeting('frozen'), kww, member, item(), members, [], { vote: 'agree' }, now))).toEqual([
      ['input.itemId', 'INVALID_VALUE', []],
    ]);
    expect(decideSignoff(meeting('draft', 'circulation'), kww, member, item(), members, [], { vote: 'agree' }, now)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
    });
    expect(decideSignoff(circulation, kww, member, item({ outcome: 'approved' }), members, [], { vote: 'agree' }, now)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
    });
    expect(fieldCodes(decideSignoff(circulation, kww, member, item(), members, [], { vote: 'agree', comment: 'x'.repeat(2001) }, now))).toEqual([
      ['input.comment', 'TOO_LONG', []],
    ]);
  });

  it('the last sign-off decides: approved when all agree, else deferred with the dissent named', () => {
    expect(circulationDecision(kww, members, [{ positionId: 'p.a1', vote: 'agree' }], now)).toBeNull();
    expect(
      circulationDecision(
        kww,
        members,
        [
          { positionId: 'p.a1', vote: 'agree' },
          { positionId: 'p.a2', vote: 'agree' },
        ],
        now,
      ),
    ).toEqual({
      outcome: 'approved',
      conditions: null,
      dissent: [],
      note: '持回りにより決定（署名2名／2名）',
      at: now,
    });
    expect(
      circulationDecision(
        kww,
        members,
        [
          { positionId: 'p.a1', vote: 'agree' },
          { positionId: 'p.a2', vote: 'disagree' },
        ],
        now,
      ),
    ).toMatchObject({ outcome: 'deferred', dissent: ['職a2'] });
  });
});

describe('the minutes', () => {
  const items = [item({ outcome: 'approved' }), item({ id: 'i2', groupKey: 'report' }), item({ id: 'i3', removed: true })];

  it('are sent once every item for decision is decided; the meeting closes', () => {
    expect(decideMinutes(meeting('held'), committee, secretary, items, now)).toEqual({ allowed: true, status: 'closed', minutesSentAt: now, items: 2 });
    expect(decideMinutes(meeting('frozen', 'circulation'), kwwCommittee, secretary, items, now)).toMatchObject({ allowed: true });
    expect(minutesSent(committee, meeting('held'), 5, 2)).toEqual({
      action: 'meeting.minutes.send',
      targetType: 'meeting',
      targetId: 'm',
      after: { recipients: 5, items: 2 },
      ruleIds: ['ARK-15-1', 'ARK-19-3'],
    });
    const notice = minutesNotice(committee, meeting('held'));
    expect(notice.mail.subject).toBe(`【司】${meetingTitle(committee, meeting('held'))} 会議録`);
  });

  it('are refused while an item for decision is open, before the attendance or the freeze, and twice', () => {
    const r = refusal(decideMinutes(meeting('held'), committee, secretary, [item(), item({ id: 'i4', groupKey: 'carried_over' })], now));
    expect(r.code !== 'BAD_USER_INPUT' && r.message.ja).toContain('残り2件');
    expect(decideMinutes(meeting('frozen'), committee, secretary, items, now)).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(decideMinutes(meeting('draft', 'circulation'), kwwCommittee, secretary, items, now)).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(decideMinutes(meeting('closed'), committee, secretary, items, now)).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(decideMinutes(meeting('held'), committee, outsider, items, now)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });
});
