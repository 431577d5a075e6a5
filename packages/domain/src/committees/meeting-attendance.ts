// Attendance and the quorum (SPEC §7, ARK-19-1): who attends beyond the members, and the attendance
// taken once the agenda is frozen, which holds the meeting and gives its quorum.
import { fieldError, type FieldError } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { CommitteeRules } from './committee-rules.ts';
import { quorumOf, type QuorumResult } from './meetings.ts';
import { badInput, conflict, keeperRefusal } from './meeting-refusals.ts';
import type { AttendeeFacts, CommitteeFacts, MeetingActor, MeetingAudit, MeetingFacts, MeetingRefusal } from './meeting-transitions.ts';

export const MINUTES_CLOSED: Bilingual = { ja: 'この会議の会議録は確定しています。', en: 'The minutes of this meeting are closed.' };

export type ExtraAttendeeRole = 'temporary_member' | 'substitute' | 'invited';

export interface AttendeeDraft {
  role: ExtraAttendeeRole;
  title: string;
  name?: string | null;
  staffId?: string | null;
  substituteForId?: string | null;
  approvedByChair?: boolean | null;
}

export type AttendeeAddition =
  | { allowed: true; role: ExtraAttendeeRole; title: string; substituteForId: string | null; approvedByChair: boolean; seq: number; audit: MeetingAudit }
  | MeetingRefusal;

const ROLE_NAMES: Record<ExtraAttendeeRole, Bilingual> = {
  temporary_member: { ja: '臨時委員', en: 'temporary members' },
  substitute: { ja: '代理出席', en: 'substitutes' },
  invited: { ja: '委員以外の出席者', en: 'non-members attending' },
};

/**
 * Someone beyond the members attends, as the rulebook allows: a temporary member (ARK-17-2,
 * ARK-22-2), a substitute for a member — approved by the chair where MNT-9-3 asks it — or a
 * non-member the chair invites (ARK-19-2, ARK-24-2, MNT-9-3-4). `staffIdMalformed`: the staff id
 * given is not an id (checked before the staff member is looked up: attendeeStaffNotFound).
 */
export function decideAttendeeAddition(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  rules: CommitteeRules,
  actor: MeetingActor | null,
  attendees: readonly AttendeeFacts[],
  input: AttendeeDraft & { staffIdMalformed?: boolean },
): AttendeeAddition {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.status === 'closed' || meeting.status === 'cancelled') return conflict(MINUTES_CLOSED);
  const allowed = { temporary_member: rules.temporaryMembers, substitute: rules.substitutes, invited: rules.invited }[input.role];
  if (!allowed?.allowed)
    return badInput([
      fieldError(
        ['input', 'role'],
        'INVALID_VALUE',
        `The ${committee.nameEn}'s rules have no provision for this.`,
        `${committee.name}の規程には${ROLE_NAMES[input.role].ja}の定めがありません。`,
        committee.ruleIds,
      ),
    ]);
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (!title) errors.push(fieldError(['input', 'title'], 'REQUIRED', 'Give the title (職名) as it is printed.', '職名を入力してください。'));
  if (title.length > 200 || (input.name ?? '').length > 200)
    errors.push(fieldError(['input', 'title'], 'TOO_LONG', 'At most 200 characters.', '200文字以内で入力してください。'));
  let substituteFor: string | null = null;
  if (input.role === 'substitute') {
    const member = attendees.find((a) => a.id === input.substituteForId && (a.role === 'chair' || a.role === 'member'));
    if (!member)
      errors.push(
        fieldError(
          ['input', 'substituteForId'],
          'NOT_FOUND',
          'Name the member this person stands in for.',
          '代理する委員を選択してください。',
          rules.substitutes.ruleIds,
        ),
      );
    else if (attendees.some((a) => a.substituteForId === member.id))
      errors.push(fieldError(['input', 'substituteForId'], 'DUPLICATE', 'This member already has a substitute.', 'この委員にはすでに代理者がいます。'));
    else substituteFor = member.id;
    if (rules.substitutes.approvedByChair && !input.approvedByChair)
      errors.push(
        fieldError(
          ['input', 'approvedByChair'],
          'REQUIRED',
          'A substitute needs the chair’s approval (MNT-9-3).',
          '代理出席には招集者（保健福祉課長）の承認が必要です（MNT-9-3）。',
          rules.substitutes.ruleIds,
        ),
      );
  }
  if (input.staffIdMalformed) errors.push(fieldError(['input', 'staffId'], 'INVALID_VALUE', 'The staff id is malformed.', '職員IDが正しくありません。'));
  if (errors.length) return badInput(errors);
  return {
    allowed: true,
    role: input.role,
    title,
    substituteForId: substituteFor,
    approvedByChair: !!input.approvedByChair,
    seq: Math.max(0, ...attendees.map((a) => a.seq)) + 1,
    audit: {
      action: 'meeting.attendee.add',
      targetType: 'meeting',
      targetId: meeting.id,
      after: { role: input.role, title, substituteFor },
      ruleIds: allowed.ruleIds,
    },
  };
}

/** The staff member named as an attendee does not exist. */
export const attendeeStaffNotFound = (): MeetingRefusal =>
  badInput([fieldError(['input', 'staffId'], 'NOT_FOUND', 'Staff not found.', '職員が見つかりません。')]);

/** The quorum of a sitting from its attendance (ARK-19-1; the rulebook's note where it sets none). */
export function meetingQuorum(rules: CommitteeRules, attendees: readonly Pick<AttendeeFacts, 'role' | 'present' | 'approvedByChair'>[]): QuorumResult {
  return quorumOf(
    rules,
    attendees.map((a) => ({ role: a.role, present: !!a.present, approvedByChair: a.approvedByChair })),
  );
}

export type AttendanceRecord = { allowed: true; presentIds: string[]; status: 'held' | null; quorum: QuorumResult; audit: MeetingAudit } | MeetingRefusal;

/** Attendance (出席) is taken once the agenda is frozen: the meeting is held; the quorum is computed from it. */
export function decideAttendance(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  rules: CommitteeRules,
  actor: MeetingActor | null,
  attendees: readonly AttendeeFacts[],
  presentIds: readonly string[],
): AttendanceRecord {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.mode === 'circulation')
    return badInput([
      fieldError(['meetingId'], 'INVALID_VALUE', 'A decision by circulation has no attendance.', '持回りによる決定には出席の記録はありません。', ['KWW-12-2']),
    ]);
  if (meeting.status === 'closed' || meeting.status === 'cancelled') return conflict(MINUTES_CLOSED);
  if (meeting.status === 'draft') return conflict({ ja: '出席を記録する前に議題を確定してください。', en: 'Freeze the agenda before taking the attendance.' });
  if (presentIds.some((id) => !attendees.some((a) => a.id === id)))
    return badInput([fieldError(['presentIds'], 'NOT_FOUND', 'Mark attendees of this meeting only.', 'この会議の出席予定者から選択してください。')]);
  const q = meetingQuorum(
    rules,
    attendees.map((a) => ({ ...a, present: presentIds.includes(a.id) })),
  );
  return {
    allowed: true,
    presentIds: [...presentIds],
    status: meeting.status === 'held' ? null : 'held',
    quorum: q,
    audit: {
      action: 'meeting.attendance',
      targetType: 'meeting',
      targetId: meeting.id,
      after: { present: presentIds.length, quorum: { members: q.members, present: q.present, required: q.required, met: q.met } },
      ruleIds: q.ruleIds,
    },
  };
}
