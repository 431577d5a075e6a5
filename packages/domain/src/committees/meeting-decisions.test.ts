// A meeting's transitions once its agenda is frozen: attendance and the quorum, decisions at a sitting
// or by circulation, and the minutes — each allowed with what to write and its audit event, or refused
// with its code, its message in both languages and the rules it cites.
import { describe, expect, it } from 'vitest';
import { attendeeStaffNotFound, decideAttendance, decideAttendeeAddition } from './meeting-attendance.ts';
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
import { committeeRules } from './committee-rules.ts';
import { meetingTitle } from './meeting-transitions.ts';
import {
  actor,
  attendee,
  committee,
  fieldCodes,
  item,
  kww,
  kwwCommittee,
  meeting,
  monthly,
  now,
  outsider,
  refusal,
  secretary,
  seven,
  steering,
} from './meeting-transitions.testing.ts';

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

  it('the other committees that provide for them take invited non-members (MNT-9-3-4, ARK-24-2, KWW-12-4) and temporary members (ARK-22-2)', () => {
    const security = committeeRules('ark.committee.security')!;
    const staffMeeting = committeeRules('kaw.committee.operations-staff')!;
    const invited = { role: 'invited', title: '参考人' } as const;
    expect(decideAttendeeAddition(meeting('frozen'), committee, monthly, secretary, seven(0), invited)).toMatchObject({
      allowed: true,
      audit: { ruleIds: ['MNT-9-3-4'] },
    });
    expect(decideAttendeeAddition(meeting('frozen'), committee, security, secretary, seven(0), invited)).toMatchObject({
      allowed: true,
      audit: { ruleIds: ['ARK-24-2'] },
    });
    expect(decideAttendeeAddition(meeting('frozen'), committee, staffMeeting, secretary, seven(0), invited)).toMatchObject({
      allowed: true,
      audit: { ruleIds: ['KWW-12-4'] },
    });
    expect(decideAttendeeAddition(meeting('frozen'), committee, security, secretary, seven(0), { role: 'temporary_member', title: '臨時委員' })).toMatchObject({
      allowed: true,
      audit: { ruleIds: ['ARK-22-2'] },
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
