// The minutes (SPEC §7): sent once every item for decision is decided, which closes the meeting; what
// the attendees are told, and the audit event.
import { conflict, keeperRefusal } from './meeting-refusals.ts';
import {
  meetingTitle,
  type AgendaItemFacts,
  type CommitteeFacts,
  type MeetingActor,
  type MeetingAudit,
  type MeetingFacts,
  type MeetingRefusal,
} from './meeting-transitions.ts';

export type MinutesSending = { allowed: true; status: 'closed'; minutesSentAt: Date; items: number } | MeetingRefusal;

/** The minutes are sent once every item for decision is decided (at a sitting held, or by circulation); the meeting closes. */
export function decideMinutes(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  actor: MeetingActor | null,
  items: readonly AgendaItemFacts[],
  now: Date,
): MinutesSending {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.status === 'closed') return conflict({ ja: '会議録はすでに送付されています。', en: 'The minutes have already been sent.' });
  if (meeting.mode === 'meeting' && meeting.status !== 'held') return conflict({ ja: '先に出席を記録してください。', en: 'Take the attendance first.' });
  if (meeting.mode === 'circulation' && meeting.status !== 'frozen')
    return conflict({ ja: '議題を確定し、署名を集めてください。', en: 'Freeze the agenda and collect the sign-offs first.' });
  const live = items.filter((i) => !i.removed);
  const open = live.filter((i) => (i.groupKey === 'deliberation' || i.groupKey === 'carried_over') && !i.outcome);
  if (open.length)
    return conflict({
      ja: `審議事項のすべてに決定を記録してください（残り${open.length}件）。`,
      en: `Record a decision for every item for decision first (${open.length} left).`,
    });
  return { allowed: true, status: 'closed', minutesSentAt: now, items: live.length };
}

/** What the attendees are told of the minutes sent (in the app, and by mail). */
export function minutesNotice(committee: Pick<CommitteeFacts, 'name'>, meeting: Pick<MeetingFacts, 'heldOn' | 'number' | 'mode'>) {
  const title = meetingTitle(committee, meeting);
  return {
    kind: 'meeting.minutes',
    notification: { subject: `${title} 会議録`, body: `${title}の会議録が確定しました。管理画面の「会議」から確認できます。` },
    mail: { subject: `【司】${title} 会議録`, body: `${title}の会議録が確定しました。\n\n管理画面の「会議」から会議録（PDF・Word）を確認できます。` },
  };
}

/** The audit event of the minutes sent. */
export function minutesSent(committee: CommitteeFacts, meeting: Pick<MeetingFacts, 'id'>, recipients: number, items: number): MeetingAudit {
  return { action: 'meeting.minutes.send', targetType: 'meeting', targetId: meeting.id, after: { recipients, items }, ruleIds: committee.ruleIds };
}
