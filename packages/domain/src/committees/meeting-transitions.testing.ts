// What the tests of a meeting's transitions share: the clock, the committees and their rules, an actor,
// a meeting, its items and attendees, and the reading of a refusal.
import { expect } from 'vitest';
import { testCalendar } from '../testing/test-calendar.ts';
import { committeeRules } from './committee-rules.ts';
import type { AgendaItemFacts, AttendeeFacts, CommitteeFacts, MeetingActor, MeetingFacts, MeetingRefusal } from './meeting-transitions.ts';

export const cal = testCalendar();
export const heldOn = cal.businessDay(10);
export const now = cal.at(cal.today);

export const steering = committeeRules('ark.committee.steering')!;
export const monthly = committeeRules('mnt.committee.monthly-report')!;
export const kww = committeeRules('kaw.committee.operations')!;

export const committee: CommitteeFacts = {
  key: 'ark.committee.steering',
  name: '電子情報システム運営委員会',
  nameEn: 'IT Steering Committee',
  chairPositionId: 'p.chair',
  secretariatName: 'デジタル推進課',
  secretariatPositionIds: ['p.digital', 'p.digital.staff'],
  ruleIds: ['ARK-15-1', 'ARK-19-3'],
};
export const kwwCommittee: CommitteeFacts = {
  ...committee,
  key: 'kaw.committee.operations',
  name: '福祉総合情報システム運用管理会議',
  nameEn: 'Welfare system operations meeting',
  ruleIds: ['KWW-12-1'],
};

export const actor = (held: string[], deputy: string[] = []): MeetingActor => ({ staffId: 'me', heldPositionIds: held, deputyPositionIds: deputy });
export const secretary = actor(['p.digital.staff']);
export const outsider = actor(['p.koseki']);

export const meeting = (status: MeetingFacts['status'], mode: MeetingFacts['mode'] = 'meeting'): MeetingFacts => ({ id: 'm', mode, status, heldOn, number: 3 });
export const item = (over: Partial<AgendaItemFacts> = {}): AgendaItemFacts => ({
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
export const attendee = (id: string, role: AttendeeFacts['role'], present: boolean | null, over: Partial<AttendeeFacts> = {}): AttendeeFacts => ({
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
export const seven = (present: number) => [
  attendee('a1', 'chair', present > 0),
  ...Array.from({ length: 6 }, (_, i) => attendee(`a${i + 2}`, 'member', i + 1 < present)),
];

export const refusal = (d: { allowed: boolean }): MeetingRefusal => {
  expect(d.allowed).toBe(false);
  return d as MeetingRefusal;
};
export const fieldCodes = (d: { allowed: boolean }) => {
  const r = refusal(d);
  return r.code === 'BAD_USER_INPUT' ? r.fieldErrors.map((e) => [e.path.join('.'), e.code, e.ruleIds ?? []]) : r.code;
};
