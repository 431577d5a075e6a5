import { describe, expect, it } from 'vitest';
import { isValidRuleId } from '../rulebooks/index.ts';
import { assembleAgenda, compareRuleIds, type AgendaCandidate } from './agenda.ts';
import { standingFigures, type PeriodIncident } from './agenda-candidates.ts';
import { COMMITTEE_RULES, committeeRules } from './committee-rules.ts';
import { circulationState, FIRST_REPORT_DAYS, quorumOf, reportingPeriod, type AttendanceLine } from './meetings.ts';
import { testCalendar } from '../testing/test-calendar.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

const steering = committeeRules('ark.committee.steering')!;
const monthly = committeeRules('mnt.committee.monthly-report')!;
const kwwMeeting = committeeRules('kaw.committee.operations')!;

describe('committee rules', () => {
  it('cite rules that exist', () => {
    for (const c of COMMITTEE_RULES) {
      const ids = [
        ...c.quorum.ruleIds,
        ...c.circulation.ruleIds,
        ...c.substitutes.ruleIds,
        ...c.temporaryMembers.ruleIds,
        ...c.invited.ruleIds,
        ...c.cadence.ruleIds,
        ...c.remitRuleIds,
        ...c.standingItems.flatMap((s) => s.ruleIds),
      ];
      for (const id of ids) expect(isValidRuleId(id), `${c.committeeKey}: ${id}`).toBe(true);
    }
  });

  it('only the KWW operations meeting may decide by circulation (KWW-12-2)', () => {
    expect(COMMITTEE_RULES.filter((c) => c.circulation.allowed).map((c) => c.committeeKey)).toEqual(['kaw.committee.operations']);
  });

  it('KWW-12: the operations meeting sits when business arises and its staff meeting coordinates, neither with a quorum', () => {
    expect(kwwMeeting).toMatchObject({ quorum: { kind: 'none' }, cadence: { kind: 'as_needed', ruleIds: ['KWW-12-1'] }, remitRuleIds: ['KWW-12-1'] });
    const staffMeeting = committeeRules('kaw.committee.operations-staff')!;
    expect(staffMeeting.standingItems.map((s) => s.ruleIds)).toEqual([['KWW-12-3']]);
    expect(staffMeeting.remitRuleIds).toEqual(['KWW-12-3']);
  });

  it('MNT-9: the monthly report meeting hears operations, hardware, failures and other business', () => {
    expect(monthly.cadence.kind).toBe('monthly');
    expect(monthly.standingItems.map((s) => s.ruleIds[0])).toEqual(['MNT-9-1-2', 'MNT-9-1-3', 'MNT-9-1-4', 'MNT-9-1-5']);
  });
});

const line = (role: AttendanceLine['role'], present: boolean, approvedByChair?: boolean): AttendanceLine => ({ role, present, approvedByChair });

describe('quorum (ARK-19-1: more than half of the members)', () => {
  const seven = (present: number) => [line('chair', present > 0), ...Array.from({ length: 6 }, (_, i) => line('member', i + 1 < present))];
  it('4 of 7 is quorate, 3 of 7 is not', () => {
    expect(quorumOf(steering, seven(4))).toMatchObject({ members: 7, present: 4, required: 4, met: true, ruleIds: ['ARK-19-1'] });
    const q = quorumOf(steering, seven(3));
    expect(q).toMatchObject({ present: 3, required: 4, met: false });
    expect(q.message.ja).toContain('成立していません');
  });
  it('a temporary member counts as a member (ARK-17-2); invited non-members and the secretariat do not', () => {
    const q = quorumOf(steering, [...seven(3), line('temporary_member', true), line('invited', true), line('secretariat', true)]);
    expect(q).toMatchObject({ members: 8, present: 4, required: 5, met: false });
  });
  it('substitutes count only where the rulebook allows them, approved by the chair (MNT-9-3)', () => {
    expect(quorumOf(steering, [...seven(3), line('substitute', true, true)]).present).toBe(3);
    expect(quorumOf(monthly, [line('chair', true), line('member', false), line('substitute', true, true)]).present).toBe(2);
    expect(quorumOf(monthly, [line('chair', true), line('member', false), line('substitute', true, false)]).present).toBe(1);
  });
  it('a committee without a quorum rule always may decide, and says so', () => {
    const q = quorumOf(monthly, [line('chair', true), line('member', false), line('member', false)]);
    expect(q).toMatchObject({ met: true, required: 0 });
    expect(q.message.ja).toContain('定足数の定めはありません');
  });
});

describe('circulation (持回り, KWW-12-2)', () => {
  const members = ['p1', 'p2', 'p3'];
  it('completes when the last member signs, approved when all agree', () => {
    expect(
      circulationState(kwwMeeting, members, [
        { positionId: 'p1', vote: 'agree' },
        { positionId: 'p2', vote: 'agree' },
      ]),
    ).toMatchObject({ complete: false, outcome: null, signed: 2, missingPositionIds: ['p3'] });
    expect(
      circulationState(
        kwwMeeting,
        members,
        members.map((p) => ({ positionId: p, vote: 'agree' as const })),
      ),
    ).toMatchObject({ complete: true, outcome: 'approved', ruleIds: ['KWW-12-2'] });
  });
  it('one disagreement sends the item to a sitting; signatures of non-members do not count', () => {
    expect(
      circulationState(kwwMeeting, members, [
        { positionId: 'p1', vote: 'agree' },
        { positionId: 'p2', vote: 'disagree' },
        { positionId: 'p3', vote: 'agree' },
      ]).outcome,
    ).toBe('deferred');
    expect(circulationState(kwwMeeting, members, [{ positionId: 'x', vote: 'agree' }]).signed).toBe(0);
  });
});

describe('agenda assembly', () => {
  const req = (ref: string, ruleIds: RuleId[], readyAt: string, extra: Partial<AgendaCandidate> = {}): AgendaCandidate => ({
    ref,
    source: 'request',
    title: ref,
    presenter: '福祉推進課長',
    documents: [`申請書（${ref}）`],
    ruleIds,
    readyAt,
    ...extra,
  });
  it('orders by group, then rule, then when the item became ready; numbers the papers in that order', () => {
    const { items, notProposed } = assembleAgenda(steering, { cutoffAt: '2026-11-20T00:00:00Z' }, [
      req('change-b', ['ARK-12-4', 'ARK-16-1-3'], '2026-10-01T00:00:00Z'),
      req('intro-late-ready', ['ARK-12-4', 'ARK-16-1-2'], '2026-10-05T00:00:00Z'),
      req('intro-early', ['ARK-12-4', 'ARK-16-1-2'], '2026-09-01T00:00:00Z'),
      req('deferred', ['ARK-12-4', 'ARK-16-1-2'], '2026-08-01T00:00:00Z', { deferredFrom: 'meeting-1' }),
      { ref: 'item:free', source: 'free', title: '次回日程', presenter: null, documents: [], ruleIds: [], readyAt: '2026-11-01T00:00:00Z' },
    ]);
    expect(notProposed).toEqual([]);
    expect(items.map((i) => [i.group, i.ref])).toEqual([
      ['deliberation', 'intro-early'],
      ['deliberation', 'intro-late-ready'],
      ['deliberation', 'change-b'],
      ['carried_over', 'deferred'],
      ['other', 'item:free'],
    ]);
    expect(items.map((i) => i.documents.map((d) => d.label).join())).toEqual(['資料1', '資料2', '資料3', '資料4', '']);
  });
  it('leaves out what became ready after the cut-off and what another meeting already has', () => {
    const { items, notProposed } = assembleAgenda(steering, { cutoffAt: '2026-11-20T00:00:00Z' }, [
      req('after', ['ARK-16-1-2'], '2026-11-20T00:00:01Z'),
      req('elsewhere', ['ARK-16-1-2'], '2026-11-01T00:00:00Z', { scheduledElsewhere: true }),
    ]);
    expect(items).toEqual([]);
    expect(notProposed.map((n) => [n.ref, n.reason.en])).toEqual([
      ['after', 'Ready after the agenda cut-off: goes to the next meeting'],
      ['elsewhere', 'Already on the agenda of another meeting'],
    ]);
  });
  it('ARK-12-2: an application for FY2027 received after 31 August 2026 is not proposed unless urgent', () => {
    const app = (ref: string, filedOn: string, urgent: boolean) =>
      req(ref, ['ARK-12-4', 'ARK-16-1-2'], '2026-10-01T00:00:00Z', {
        request: { number: ref, kindKey: 'new_system_introduction', filedOn, targetFiscalYear: 2027, urgent },
      });
    const { items, notProposed } = assembleAgenda(steering, { cutoffAt: '2026-11-20T00:00:00Z' }, [
      app('on-time', '2026-08-31', false),
      app('late', '2026-09-01', false),
      app('urgent', '2026-09-10', true),
    ]);
    expect(items.map((i) => i.ref)).toEqual(['on-time', 'urgent']);
    expect(notProposed).toMatchObject([{ ref: 'late', ruleIds: ['ARK-12-2'] }]);
  });
  it('MNT-9-1: standing items in the order of the rule, before the other business', () => {
    const standing = monthly.standingItems.map((s): AgendaCandidate => ({
      ref: `standing:${s.key}`,
      source: 'standing',
      title: s.title.ja,
      presenter: null,
      documents: [],
      ruleIds: s.ruleIds,
      readyAt: '2026-11-01T00:00:00Z',
    }));
    const { items } = assembleAgenda(monthly, { cutoffAt: '2026-11-20T00:00:00Z' }, [...standing].reverse());
    expect(items.map((i) => i.ruleIds[0])).toEqual(['MNT-9-1-2', 'MNT-9-1-3', 'MNT-9-1-4', 'MNT-9-1-5']);
    expect(items.at(-1)!.group).toBe('other');
  });
  it('compares rule IDs naturally', () => {
    expect(['ARK-6-1-10', 'ARK-3の2', 'ARK-12-4', 'ARK-6-1-2', 'ARK-3'].sort(compareRuleIds)).toEqual([
      'ARK-3',
      'ARK-3の2',
      'ARK-6-1-2',
      'ARK-6-1-10',
      'ARK-12-4',
    ]);
  });
});

describe('the period a standing report covers (MNT-9-1, MNT-9-2 monthly)', () => {
  const T = testCalendar();
  it('runs from the day after the previous meeting to this one: consecutive meetings leave no day out and none twice', () => {
    for (let n = 0; n < 400; n += 7) {
      const previous = T.day(n);
      const heldOn = T.plusDays(previous, 28 + (n % 5));
      const period = reportingPeriod(heldOn, previous);
      expect(period).toEqual({ from: T.plusDays(previous, 1), to: heldOn });
      const next = reportingPeriod(T.plusDays(heldOn, 30), heldOn);
      expect(T.daysBetween(period.to, next.from)).toBe(1);
    }
  });

  it('looks back 30 days for a committee that has not met, across month, year and fiscal-year ends', () => {
    for (const heldOn of [T.nextMonthDay('03-01'), T.nextMonthDay('01-15'), T.nextMonthDay('04-01'), T.nextMonthDay('03-31')]) {
      const period = reportingPeriod(heldOn, null);
      expect(period.to).toBe(heldOn);
      expect(T.daysBetween(period.from, heldOn)).toBe(FIRST_REPORT_DAYS);
    }
  });
});

describe('the figures a standing item reports for its period (MNT-9-1-2 …)', () => {
  const T = testCalendar();
  const period = reportingPeriod(T.day(0), T.day(-28));
  const incident = (number: string, occurredOn: string, status: PeriodIncident['status']): PeriodIncident => ({
    number,
    title: `障害${number}`,
    systemName: '住民記録',
    status,
    occurredOn,
  });

  it('counts the failures that occurred in the period and those still open, and lists each (MNT-9-1-4)', () => {
    // One open since before the period, one resolved in it, one still recovering.
    const list = [incident('I-1', T.day(-40), 'reported'), incident('I-2', T.day(-10), 'resolved'), incident('I-3', T.day(-1), 'recovering')];
    expect(standingFigures(period, { kind: 'incidents', incidents: list })).toEqual({
      kind: 'incidents',
      from: period.from,
      to: period.to,
      occurred: 2,
      open: 2,
      incidents: list.map((i) => ({ number: i.number, title: i.title, system: '住民記録', status: i.status, occurredOn: i.occurredOn })),
    });
    expect(standingFigures(period, { kind: 'incidents', incidents: [] })).toMatchObject({ occurred: 0, open: 0, incidents: [] });
  });

  it('reports the requests and the audits of the period as counted, and hardware from the contractor’s papers', () => {
    expect(standingFigures(period, { kind: 'operations', requests: { filed: 3, decided: 2, in_progress: 5 } })).toEqual({
      kind: 'operations',
      from: period.from,
      to: period.to,
      filed: 3,
      decided: 2,
      in_progress: 5,
    });
    expect(standingFigures(period, { kind: 'audits', audits: { conducted: 1, needs_improvement: 1, open_findings: 2, overdue_findings: 0 } })).toEqual({
      kind: 'audits',
      from: period.from,
      to: period.to,
      conducted: 1,
      needs_improvement: 1,
      open_findings: 2,
      overdue_findings: 0,
    });
    expect(standingFigures(period, { kind: 'hardware' })).toEqual({ kind: 'hardware', from: period.from, to: period.to, recorded: 0 });
  });
});
