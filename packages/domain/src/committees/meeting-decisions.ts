// Decisions (SPEC §7): an item decided at a quorate sitting (ARK-19-1), moving the linked request's
// committee step (ARK-12-5), or by circulation (持回り, KWW-12-2), each member signing in their seat.
import { fieldError, type FieldError } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { CommitteeRules } from './committee-rules.ts';
import { circulationState, type AttendeeRole, type ItemOutcome, type Vote } from './meetings.ts';
import { meetingQuorum } from './meeting-attendance.ts';
import { badInput, conflict, forbidden, keeperRefusal } from './meeting-refusals.ts';
import {
  meetingTitle,
  type AgendaItemFacts,
  type AttendeeFacts,
  type CommitteeFacts,
  type MeetingActor,
  type MeetingAudit,
  type MeetingFacts,
  type MeetingRefusal,
} from './meeting-transitions.ts';

export interface ItemDecisionDraft {
  outcome: ItemOutcome;
  conditions?: string | null;
  dissentIds?: string[] | null;
  note?: string | null;
}

/** What is written on an item decided. */
export interface ItemDecisionRecord {
  outcome: ItemOutcome;
  conditions: string | null;
  dissent: string[];
  note: string | null;
  at: Date;
}

/** How an outcome moves the linked request's committee step (ARK-12-5): deferring leaves it open. */
export const STEP_DECISION: Record<ItemOutcome, 'approved' | 'rejected' | null> = {
  approved: 'approved',
  approved_with_conditions: 'approved',
  rejected: 'rejected',
  deferred: null,
};

export const ITEM_DECIDED: Bilingual = { ja: 'この議題はすでに決定されています。', en: 'This item has already been decided.' };

/** The item was decided meanwhile (a concurrent decision). */
export const itemAlreadyDecided = (): MeetingRefusal => conflict(ITEM_DECIDED);

/** The linked request no longer awaits the committee. */
export const requestNoLongerAwaiting = (): MeetingRefusal =>
  conflict({
    ja: 'この申請は委員会の決定を待っていません（取下げ又は決定済み）。',
    en: 'The request is no longer awaiting the committee (withdrawn or decided).',
  });

export type ItemDecision = { allowed: true; record: ItemDecisionRecord; stepDecision: 'approved' | 'rejected' | null } | MeetingRefusal;

const VOTING_ROLES: AttendeeRole[] = ['chair', 'member', 'temporary_member', 'substitute'];

/**
 * An item of a held sitting is decided once, and only when the sitting is quorate (ARK-19-1): with
 * the conditions of a conditional approval and the dissent of members present.
 */
export function decideItemOutcome(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  rules: CommitteeRules,
  actor: MeetingActor | null,
  item: AgendaItemFacts,
  attendees: readonly AttendeeFacts[],
  input: ItemDecisionDraft,
  now: Date,
): ItemDecision {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.mode === 'circulation')
    return badInput([
      fieldError(
        ['input', 'itemId'],
        'INVALID_VALUE',
        'A circulated item is decided by the members’ sign-offs.',
        '持回りの議題は委員の署名により決定されます。',
        ['KWW-12-2'],
      ),
    ]);
  if (meeting.status !== 'held') return conflict({ ja: '決定を記録する前に出席を記録してください。', en: 'Take the attendance before recording decisions.' });
  if (item.removed) return conflict({ ja: 'この議題は除かれています。', en: 'This item is off the agenda.' });
  if (item.outcome) return conflict(ITEM_DECIDED);
  const q = meetingQuorum(rules, attendees);
  if (!q.met) {
    return {
      allowed: false,
      code: 'QUORUM_NOT_MET',
      ruleIds: q.ruleIds,
      quorum: { members: q.members, present: q.present, required: q.required },
      message: {
        ja: `${q.message.ja}。決定を記録できません（${q.ruleIds.join('、')}）。`,
        en: `${q.message.en}; no decision can be recorded (${q.ruleIds.join(', ')}).`,
      },
    };
  }
  const conditions = input.conditions?.trim() || null;
  const errors: FieldError[] = [];
  if (input.outcome === 'approved_with_conditions' && !conditions)
    errors.push(fieldError(['input', 'conditions'], 'REQUIRED', 'State the conditions of the approval.', '承認の条件を入力してください。'));
  if ((conditions ?? '').length > 2000)
    errors.push(fieldError(['input', 'conditions'], 'TOO_LONG', 'At most 2000 characters.', '条件は2000文字以内で入力してください。'));
  if ((input.note ?? '').length > 2000)
    errors.push(fieldError(['input', 'note'], 'TOO_LONG', 'At most 2000 characters.', '備考は2000文字以内で入力してください。'));
  const dissenters = (input.dissentIds ?? []).map((id) => attendees.find((a) => a.id === id && a.present && VOTING_ROLES.includes(a.role)));
  if (dissenters.some((d) => !d))
    errors.push(
      fieldError(['input', 'dissentIds'], 'INVALID_VALUE', 'Dissent is recorded for members present only.', '反対意見は出席した委員についてのみ記録できます。'),
    );
  if (errors.length) return badInput(errors);
  const dissent = dissenters.map((d) => `${d!.title}${d!.name ? `（${d!.name}）` : ''}`);
  return {
    allowed: true,
    record: { outcome: input.outcome, conditions, dissent, note: input.note?.trim() || null, at: now },
    stepDecision: STEP_DECISION[input.outcome],
  };
}

/** The comment the linked request's committee step is decided with. */
export function itemDecisionComment(
  committee: Pick<CommitteeFacts, 'name'>,
  meeting: Pick<MeetingFacts, 'heldOn' | 'number' | 'mode'>,
  d: Pick<ItemDecisionRecord, 'outcome' | 'conditions' | 'dissent'>,
): string {
  const label = { approved: '承認', approved_with_conditions: '条件付き承認', rejected: '否認', deferred: '継続審議' }[d.outcome];
  return `${meetingTitle(committee, meeting)}において${label}${d.conditions ? `（条件: ${d.conditions}）` : ''}${d.dissent.length ? `。反対: ${d.dissent.join('、')}` : ''}`;
}

/** The audit event of an item decided, citing the item's rules and the committee's. */
export function itemDecided(
  committee: CommitteeFacts,
  meeting: Pick<MeetingFacts, 'id'>,
  item: AgendaItemFacts,
  d: Omit<ItemDecisionRecord, 'at'>,
  requestStatus: string | null,
): MeetingAudit {
  return {
    action: `meeting.item.${d.outcome}`,
    targetType: 'meeting_item',
    targetId: item.id,
    after: { meeting: meeting.id, title: item.title, ...d, requestStatus },
    ruleIds: [...item.ruleIds, ...committee.ruleIds],
  };
}

// ---- circulation (持回り, KWW-12-2) ----------------------------------------------------------------------

/** The member seats of a meeting: its chair and members by position. */
export const memberSeats = (attendees: readonly Pick<AttendeeFacts, 'role' | 'positionId'>[]): string[] =>
  attendees.filter((a) => (a.role === 'chair' || a.role === 'member') && a.positionId).map((a) => a.positionId!);

/** The member seats the actor sits in now: held, or deputised for (KTM-3-6, MNT-6-4). */
export function actorSeats(actor: MeetingActor | null, attendees: readonly Pick<AttendeeFacts, 'role' | 'positionId'>[]): string[] {
  if (!actor) return [];
  const members = memberSeats(attendees);
  return [...new Set([...actor.heldPositionIds, ...actor.deputyPositionIds])].filter((p) => members.includes(p));
}

export interface SignoffDraft {
  vote: Vote;
  comment?: string | null;
}

export type CirculationSignoff = { allowed: true; positionId: string; vote: Vote; comment: string | null; at: Date; audit: MeetingAudit } | MeetingRefusal;

/** Members sign in person: a viewer who is not staff signed in as themselves does not sign. */
export const signoffInPersonOnly = (): MeetingRefusal => forbidden({ ja: '署名は委員本人が行います。', en: 'Members sign in person.' });

/**
 * A frozen circulation's items are signed by each member (KWW-12-2), once per seat: the first of
 * the actor's seats not yet signed. `signedPositionIds`: the seats that signed the item already.
 */
export function decideSignoff(
  meeting: MeetingFacts,
  rules: CommitteeRules,
  actor: MeetingActor | null,
  item: AgendaItemFacts,
  attendees: readonly AttendeeFacts[],
  signedPositionIds: readonly string[],
  input: SignoffDraft,
  now: Date,
): CirculationSignoff {
  if (!actor) return signoffInPersonOnly();
  if (meeting.mode !== 'circulation')
    return badInput([fieldError(['input', 'itemId'], 'INVALID_VALUE', 'This item is decided at a sitting.', 'この議題は会議で決定されます。')]);
  if (meeting.status !== 'frozen')
    return conflict({
      ja: '署名は議題の確定後、会議録の送付までの間に行います。',
      en: 'Sign-offs open once the agenda is frozen and close when the minutes are sent.',
    });
  if (item.removed || item.outcome) return conflict(ITEM_DECIDED);
  if ((input.comment ?? '').length > 2000)
    return badInput([fieldError(['input', 'comment'], 'TOO_LONG', 'At most 2000 characters.', 'コメントは2000文字以内で入力してください。')]);
  const mine = actorSeats(actor, attendees);
  const position = mine.find((p) => !signedPositionIds.includes(p));
  if (mine.length === 0)
    return forbidden({ ja: '持回りの決定に署名できるのは委員だけです。', en: 'Only the members sign a circulated decision.' }, rules.circulation.ruleIds);
  if (!position) return conflict({ ja: 'この議題にはすでに署名しています。', en: 'You have already signed this item.' });
  return {
    allowed: true,
    positionId: position,
    vote: input.vote,
    comment: input.comment?.trim() || null,
    at: now,
    audit: {
      action: `meeting.circulation.${input.vote}`,
      targetType: 'meeting_item',
      targetId: item.id,
      after: { meeting: meeting.id, position, comment: input.comment ?? null },
      ruleIds: rules.circulation.ruleIds,
    },
  };
}

/**
 * The decision a circulation comes to once every member has signed (circulationState): approved
 * when all agree, else deferred to a sitting; the dissenting seats named by title. Null while open.
 */
export function circulationDecision(
  rules: CommitteeRules,
  attendees: readonly AttendeeFacts[],
  signoffs: readonly { positionId: string; vote: Vote }[],
  now: Date,
): ItemDecisionRecord | null {
  const state = circulationState(
    rules,
    memberSeats(attendees),
    signoffs.map((s) => ({ positionId: s.positionId, vote: s.vote })),
  );
  if (!state.complete || !state.outcome) return null;
  const dissent = signoffs.filter((s) => s.vote === 'disagree').map((s) => attendees.find((a) => a.positionId === s.positionId)?.title ?? s.positionId);
  return { outcome: state.outcome, conditions: null, dissent, note: `持回りにより決定（署名${state.signed}名／${state.required}名）`, at: now };
}
