// The refusals the meeting transitions share: not the actor's to make, in conflict with the meeting's
// state, bad input, and the refusal of an actor who does not keep the committee's meetings (ARK-19-3).
// For the transition modules only: the committees' index does not re-export them.
import type { FieldError } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { keepsMeetings, type CommitteeFacts, type MeetingActor, type MeetingRefusal } from './meeting-transitions.ts';

export const forbidden = (message: Bilingual, ruleIds: RuleId[] = []): MeetingRefusal => ({ allowed: false, code: 'FORBIDDEN', message, ruleIds });
export const conflict = (message: Bilingual, ruleIds: RuleId[] = []): MeetingRefusal => ({ allowed: false, code: 'CONFLICT', message, ruleIds });
export const badInput = (fieldErrors: FieldError[]): MeetingRefusal => ({ allowed: false, code: 'BAD_USER_INPUT', fieldErrors });

export function keeperRefusal(actor: MeetingActor | null, committee: CommitteeFacts): MeetingRefusal | null {
  if (keepsMeetings(actor, committee)) return null;
  return forbidden(
    {
      ja: `${committee.name}の会議を管理できるのは、委員長（座長）と庶務を担当する${committee.secretariatName}です。`,
      en: `Only the ${committee.nameEn}'s chair and its secretariat (${committee.secretariatName}) keep its meetings.`,
    },
    committee.ruleIds,
  );
}
