// What a sitting may do: the quorum before a decision (ARK-19-1), substitutes (MNT-9-3), and the
// decision by circulation (持回り, KWW-12-2).
import type { Bilingual } from '../requests/request.types.ts';
import { addDays } from '../calendar/iso-date.ts';
import type { CommitteeRules } from './committee-rules.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** A sitting (会議) or a decision by circulation (持回り, KWW-12-2). */
export const MEETING_MODE_VALUES = ['meeting', 'circulation'] as const;
export type MeetingMode = (typeof MEETING_MODE_VALUES)[number];

/** draft (agenda editable) → frozen (agenda fixed) → held (attendance taken) → closed (minutes sent); or cancelled. */
export const MEETING_STATUS_VALUES = ['draft', 'frozen', 'held', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUS_VALUES)[number];

export type AttendeeRole = 'chair' | 'member' | 'temporary_member' | 'substitute' | 'invited' | 'secretariat' | 'contractor';
export type ItemOutcome = 'approved' | 'approved_with_conditions' | 'rejected' | 'deferred';

export const ITEM_OUTCOMES: Record<ItemOutcome, Bilingual> = {
  approved: { ja: '承認', en: 'Approved' },
  approved_with_conditions: { ja: '条件付き承認', en: 'Approved with conditions' },
  rejected: { ja: '否認', en: 'Rejected' },
  deferred: { ja: '継続審議', en: 'Deferred' },
};

export interface AttendanceLine {
  role: AttendeeRole;
  present: boolean;
  /** For a substitute: whether the chair approved them (MNT-9-3). */
  approvedByChair?: boolean;
}

export interface QuorumResult {
  /** Members the committee has at the meeting date (chair, members, temporary members). */
  members: number;
  /** Members present, counting an allowed substitute for the member they stand in for. */
  present: number;
  /** Present members needed; 0 when the rulebook sets no quorum. */
  required: number;
  met: boolean;
  ruleIds: RuleId[];
  message: Bilingual;
}

const MEMBER_ROLES: AttendeeRole[] = ['chair', 'member', 'temporary_member'];

/** ARK-19-1: 過半数の委員が出席しなければ、会議を開くことができない. */
export function quorumOf(rules: CommitteeRules, attendance: AttendanceLine[]): QuorumResult {
  const members = attendance.filter((a) => MEMBER_ROLES.includes(a.role)).length;
  const substitutes = rules.substitutes.allowed
    ? attendance.filter((a) => a.role === 'substitute' && a.present && (!rules.substitutes.approvedByChair || a.approvedByChair)).length
    : 0;
  const present = Math.min(members, attendance.filter((a) => MEMBER_ROLES.includes(a.role) && a.present).length + substitutes);
  if (rules.quorum.kind === 'none') {
    return {
      members,
      present,
      required: 0,
      met: true,
      ruleIds: rules.quorum.ruleIds,
      message: {
        ja: `委員${members}名中${present}名出席（${rules.quorum.note.ja}）`,
        en: `${present} of ${members} members present (${rules.quorum.note.en})`,
      },
    };
  }
  const required = Math.floor(members / 2) + 1;
  const met = present >= required;
  return {
    members,
    present,
    required,
    met,
    ruleIds: rules.quorum.ruleIds,
    message: met
      ? {
          ja: `委員${members}名中${present}名出席（過半数${required}名）により会議は成立`,
          en: `${present} of ${members} members present (majority ${required}): the meeting is quorate`,
        }
      : {
          ja: `委員${members}名中${present}名出席（過半数${required}名に満たない）のため会議は成立していません`,
          en: `${present} of ${members} members present, fewer than the majority of ${required}: the meeting is not quorate`,
        },
  };
}

export type Vote = 'agree' | 'disagree';

export interface CirculationState {
  complete: boolean;
  /** Set once complete: approved when every member agreed, otherwise deferred to a sitting. */
  outcome: ItemOutcome | null;
  signed: number;
  required: number;
  missingPositionIds: string[];
  ruleIds: RuleId[];
}

/**
 * KWW-12-2 lets a circulation replace the sitting; it says nothing of a threshold. A circulated
 * decision is taken as a written resolution is: every member signs, and it passes only if all
 * agree. One disagreement sends the item to a sitting (deferred), where the majority rule applies.
 */
export function circulationState(rules: CommitteeRules, memberPositionIds: string[], signoffs: { positionId: string; vote: Vote }[]): CirculationState {
  const votes = new Map(signoffs.filter((s) => memberPositionIds.includes(s.positionId)).map((s) => [s.positionId, s.vote]));
  const missing = memberPositionIds.filter((p) => !votes.has(p));
  const complete = memberPositionIds.length > 0 && missing.length === 0;
  const outcome: ItemOutcome | null = complete ? ([...votes.values()].every((v) => v === 'agree') ? 'approved' : 'deferred') : null;
  return { complete, outcome, signed: votes.size, required: memberPositionIds.length, missingPositionIds: missing, ruleIds: rules.circulation.ruleIds };
}

/** The days a standing report covers, both inclusive (YYYY-MM-DD, Japan time). */
export interface ReportingPeriod {
  from: string;
  to: string;
}

/** Days a standing report looks back when the committee has not met before. */
export const FIRST_REPORT_DAYS = 30;

/**
 * The period the standing business of a meeting reports on (MNT-9-1's 運用状況, 障害及びその対応状況 …;
 * the same for ARK-21 and KWW-12): from the day after the committee's previous meeting to the day of
 * this one, so that nothing is reported twice or left out between two meetings; for a first meeting
 * from 30 days before it (MNT-9-2 meets monthly).
 */
export function reportingPeriod(heldOn: string, previousHeldOn: string | null): ReportingPeriod {
  const from = previousHeldOn === null ? addDays(heldOn, -FIRST_REPORT_DAYS) : addDays(previousHeldOn, 1);
  return { from, to: heldOn };
}
