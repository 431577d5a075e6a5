// The secretary's work at and after the sitting (SPEC §7): attendance is taken, the quorum checked
// (ARK-19-1), decisions recorded — moving the linked requests (ARK-12-5) — or taken by circulation
// (KWW-12-2); the minutes are sent. Every change is decided in the domain
// (committees/meeting-transitions.ts): this service loads the facts, persists what was decided and
// appends its audit event.
import { randomUUID } from 'node:crypto';
import { accessRepo, meetingRepo, requestRepo, type Db } from '@tsukasa/db';
import {
  actorSeats,
  attendeeStaffNotFound,
  circulationDecision,
  decideAttendance,
  decideAttendeeAddition,
  decideItemOutcome,
  decideMinutes,
  decideSignoff,
  itemAlreadyDecided,
  itemDecided,
  itemDecisionComment,
  meetingQuorum,
  minutesNotice,
  minutesSent,
  requestNoLongerAwaiting,
  signoffInPersonOnly,
  STEP_DECISION,
  type AttendeeDraft,
  type CommitteeFacts,
  type ItemDecisionDraft,
  type ItemDecisionRecord,
  type Vote,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { notFound } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { decideCommitteeStep } from '../requests/index.ts';
import {
  actorOf,
  allowedOrThrow,
  attendeeFacts,
  audit,
  committeeFacts,
  factsOf,
  idOrThrow,
  itemFacts,
  loadMeeting,
  meetingFacts,
  refusalError,
  rulesOrThrow,
} from './meeting-support.ts';

export type { AttendeeDraft as AttendeeInput, ItemDecisionDraft };

// ---- attendance and quorum ---------------------------------------------------------------------

const attendeesOf = async (db: Db, meetingId: string) => (await meetingRepo.attendeesOfMeetings(db, [meetingId])).map(attendeeFacts);

export async function addAttendee(ctx: Context, meetingId: string, input: AttendeeDraft) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const { actor, facts, rules } = await factsOf(ctx, db, committee);
  const list = await attendeesOf(db, meeting.id);
  const d = allowedOrThrow(
    decideAttendeeAddition(meetingFacts(meeting), facts, rules, actor, list, { ...input, staffIdMalformed: !!input.staffId && !isUuid(input.staffId) }),
  );
  const staff = input.staffId ? (await accessRepo.staffByIds(db, [input.staffId]))[0] : undefined;
  if (input.staffId && !staff) throw refusalError(attendeeStaffNotFound());
  await meetingRepo.insertAttendees(db, ctx.viewer!.municipalityId, meeting.id, [
    {
      id: randomUUID(),
      seq: d.seq,
      role: d.role,
      position_id: null,
      staff_id: staff?.id ?? null,
      title: d.title,
      name: input.name?.trim() || (staff ? `${staff.family_name} ${staff.given_name}` : null),
      substitute_for_id: d.substituteForId,
      approved_by_chair: d.approvedByChair,
      present: null,
    },
  ]);
  await audit(ctx, db, d.audit);
  return meeting;
}

export async function quorumOfMeeting(db: Db, committee: meetingRepo.CommitteeRow, meetingId: string) {
  return meetingQuorum(rulesOrThrow(committee), await attendeesOf(db, meetingId));
}

/** Takes attendance (出席): the meeting is held; the quorum is computed from it. */
export async function recordAttendance(ctx: Context, meetingId: string, presentIds: string[]) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const { actor, facts, rules } = await factsOf(ctx, db, committee);
  const d = allowedOrThrow(decideAttendance(meetingFacts(meeting), facts, rules, actor, await attendeesOf(db, meeting.id), presentIds));
  await meetingRepo.setPresence(db, meeting.id, d.presentIds);
  if (d.status) await meetingRepo.setMeetingStatus(db, meeting.id, d.status);
  await audit(ctx, db, d.audit);
  return (await meetingRepo.meetingById(db, meeting.id))!;
}

// ---- decisions -----------------------------------------------------------------------------------

export interface DecisionInput extends ItemDecisionDraft {
  itemId: string;
}

/** Records an item's decision at a quorate sitting, once; moves the linked request's committee step. */
export async function recordDecision(ctx: Context, input: DecisionInput) {
  idOrThrow(input.itemId, ['input', 'itemId']);
  const db = await ctx.db.em();
  const peek = await meetingRepo.itemById(db, input.itemId);
  if (!peek) throw notFound('Agenda item', ['input', 'itemId']);
  const { meeting, committee } = await loadMeeting(ctx, peek.meeting_id, ['input', 'itemId'], { lock: true });
  const { actor, facts, rules } = await factsOf(ctx, db, committee);
  const item = (await meetingRepo.itemById(db, input.itemId))!;
  const d = allowedOrThrow(decideItemOutcome(meetingFacts(meeting), facts, rules, actor, itemFacts(item), await attendeesOf(db, meeting.id), input, ctx.now()));
  return decideItem(ctx, db, facts, meeting, item, d.record);
}

async function decideItem(ctx: Context, db: Db, committee: CommitteeFacts, meeting: meetingRepo.MeetingRow, item: meetingRepo.ItemRow, d: ItemDecisionRecord) {
  const { at, ...decision } = d;
  const done = await meetingRepo.decideItemIfOpen(db, item.id, { ...decision, by: ctx.viewer!.staffId, at });
  if (!done) throw refusalError(itemAlreadyDecided());
  let requestStatus: string | null = null;
  const stepDecision = STEP_DECISION[d.outcome];
  if (item.request_step_id && stepDecision) {
    const comment = itemDecisionComment(committee, meetingFacts(meeting), d);
    const request = await decideCommitteeStep(ctx, db, item.request_step_id, stepDecision, comment, {
      meetingId: meeting.id,
      itemId: item.id,
      outcome: d.outcome,
      conditions: d.conditions,
      dissent: d.dissent,
    });
    if (!request) throw refusalError(requestNoLongerAwaiting());
    requestStatus = request.status;
  }
  await audit(ctx, db, itemDecided(committee, meetingFacts(meeting), itemFacts(item), decision, requestStatus));
}

// ---- circulation (持回り, KWW-12-2) --------------------------------------------------------------

/** The member seats of a meeting the viewer sits in now: held, or deputised for (KTM-3-6, MNT-6-4). */
export async function viewerSeats(ctx: Context, db: Db, attendees: meetingRepo.AttendeeRow[]): Promise<string[]> {
  return actorSeats(await actorOf(ctx, db), attendees.map(attendeeFacts));
}

/** Frozen circulation items are signed by each member; the last required sign-off decides. */
export async function signCirculation(ctx: Context, input: { itemId: string; vote: Vote; comment?: string | null }) {
  idOrThrow(input.itemId, ['input', 'itemId']);
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw refusalError(signoffInPersonOnly());
  const db = await ctx.db.em();
  const peek = await meetingRepo.itemById(db, input.itemId);
  if (!peek) throw notFound('Agenda item', ['input', 'itemId']);
  const { meeting, committee } = await loadMeeting(ctx, peek.meeting_id, ['input', 'itemId'], { lock: true });
  const rules = rulesOrThrow(committee);
  const item = (await meetingRepo.itemById(db, input.itemId))!;
  const actor = await actorOf(ctx, db);
  const attendees = await attendeesOf(db, meeting.id);
  const signed = await meetingRepo.signoffsOfItems(db, [item.id]);
  const d = allowedOrThrow(
    decideSignoff(
      meetingFacts(meeting),
      rules,
      actor,
      itemFacts(item),
      attendees,
      signed.map((s) => s.position_id),
      input,
      ctx.now(),
    ),
  );
  await meetingRepo.insertSignoff(db, v.municipalityId, {
    itemId: item.id,
    positionId: d.positionId,
    staffId: v.staffId,
    vote: d.vote,
    comment: d.comment,
    at: d.at,
  });
  await audit(ctx, db, d.audit);
  const signoffs = (await meetingRepo.signoffsOfItems(db, [item.id])).map((s) => ({ positionId: s.position_id, vote: s.vote }));
  const decided = circulationDecision(rules, attendees, signoffs, ctx.now());
  if (decided) await decideItem(ctx, db, committeeFacts(committee, []), meeting, item, decided);
  return meeting;
}

// ---- minutes ---------------------------------------------------------------------------------------

/** Sends the minutes: every item for decision is decided; attendees are told; the meeting closes. */
export async function sendMinutes(ctx: Context, meetingId: string) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const { actor, facts } = await factsOf(ctx, db, committee);
  const d = allowedOrThrow(decideMinutes(meetingFacts(meeting), facts, actor, (await meetingRepo.itemsOfMeetings(db, [meeting.id])).map(itemFacts), ctx.now()));
  await meetingRepo.setMeetingStatus(db, meeting.id, d.status, { minutesSentAt: d.minutesSentAt });
  const attendees = await meetingRepo.attendeesOfMeetings(db, [meeting.id]);
  const staffIds = [...new Set(attendees.flatMap((a) => (a.staff_id ? [a.staff_id] : [])))];
  const people = await accessRepo.staffByIds(db, staffIds);
  const notice = minutesNotice(facts, meetingFacts(meeting));
  await accessRepo.insertNotifications(
    db,
    ctx.viewer!.municipalityId,
    people.map((p) => ({
      recipientId: p.id,
      kind: notice.kind,
      ...notice.notification,
      targetType: 'meeting',
      targetId: meeting.id,
      ruleIds: committee.rule_ids,
    })),
  );
  await requestRepo.queueMail(
    db,
    ctx.viewer!.municipalityId,
    people.map((p) => ({ recipientId: p.id, to: p.email, ...notice.mail })),
  );
  await audit(ctx, db, minutesSent(facts, meetingFacts(meeting), people.length, d.items));
  return (await meetingRepo.meetingById(db, meeting.id))!;
}
