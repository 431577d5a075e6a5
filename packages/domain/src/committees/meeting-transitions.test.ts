// A meeting's transitions until it sits: who keeps its papers, calling it, and its agenda until it is
// frozen — each allowed with what to write and its audit event, or refused with its code, its message
// in both languages and the rules it cites.
import { describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../calendar/deadlines.ts';
import { formatWarekiFiscalYear } from '../wareki.ts';
import { carriedCandidate, requestCandidate, standingCandidates } from './agenda-candidates.ts';
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
import { callerSecretariatSeat, contractorsAttend, decideMeetingCreation, expectedAttendance, meetingCreated } from './meeting-creation.ts';
import { keepsMeetings, meetingTitle } from './meeting-transitions.ts';
import {
  actor,
  cal,
  committee,
  fieldCodes,
  heldOn,
  item,
  kww,
  kwwCommittee,
  meeting,
  monthly,
  now,
  outsider,
  refusal,
  secretary,
  steering,
} from './meeting-transitions.testing.ts';

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
