// What the secretary's work on a meeting shares (SPEC §7): the facts the domain decides on, the
// actor, the meeting loaded (and locked) with its committee, refusals as API errors, and the audit
// event every change appends. The changes themselves live in meeting.service.ts (creation and
// agenda) and sitting.service.ts (attendance, decisions, circulation, minutes).
import { meetingRepo, type Db } from '@tsukasa/db';
import {
  chairsCommittee,
  committeeRules,
  keepsMeetings,
  malformedMeetingId,
  meetingTitle as titleOf,
  positionsAt,
  type AgendaItemFacts,
  type AttendeeFacts,
  type CommitteeFacts,
  type CommitteeRules,
  type MeetingActor,
  type MeetingAudit,
  type MeetingFacts,
  type MeetingRefusal,
} from '@tsukasa/domain';
import { auditFor } from '../../graphql/audit.ts';
import type { Context } from '../../graphql/context.ts';
import { AppError, badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';

export function rulesOrThrow(committee: meetingRepo.CommitteeRow): CommitteeRules {
  const rules = committeeRules(committee.key);
  if (!rules) throw new AppError('INTERNAL', `No rules for committee ${committee.key}.`);
  return rules;
}

// ---- the facts the domain decides on ---------------------------------------------------------------

export const committeeFacts = (c: meetingRepo.CommitteeRow, secretariatPositionIds: readonly string[]): CommitteeFacts => ({
  key: c.key,
  name: c.name,
  nameEn: c.name_en,
  chairPositionId: c.chair_position_id,
  secretariatName: c.secretariat_name,
  secretariatPositionIds,
  ruleIds: c.rule_ids,
});

export const meetingFacts = (m: meetingRepo.MeetingRow): MeetingFacts => ({ id: m.id, mode: m.mode, status: m.status, heldOn: m.held_on, number: m.number });

export const itemFacts = (i: meetingRepo.ItemRow): AgendaItemFacts => ({
  id: i.id,
  meetingId: i.meeting_id,
  title: i.title,
  groupKey: i.group_key,
  documents: i.documents,
  removed: !!i.removed_at,
  outcome: i.outcome,
  requestStepId: i.request_step_id,
  ruleIds: i.rule_ids,
});

export const attendeeFacts = (a: meetingRepo.AttendeeRow): AttendeeFacts => ({
  id: a.id,
  seq: a.seq,
  role: a.role,
  positionId: a.position_id,
  staffId: a.staff_id,
  title: a.title,
  name: a.name,
  substituteForId: a.substitute_for_id,
  approvedByChair: a.approved_by_chair,
  present: a.present,
});

export function meetingTitle(committee: meetingRepo.CommitteeRow, m: Pick<meetingRepo.MeetingRow, 'held_on' | 'number' | 'mode'>): string {
  return titleOf(committee, { heldOn: m.held_on, number: m.number, mode: m.mode });
}

/** The viewer as the actor of a meeting's change; null when not staff signed in as themselves. */
export async function actorOf(ctx: Context, db: Db): Promise<MeetingActor | null> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return null;
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  return {
    staffId: v.staffId,
    heldPositionIds: positionsAt(v.staffId, ctx.now(), facts.viewer.tenures),
    deputyPositionIds: facts.viewer.roles.filter((r) => r.via === 'deputy').map((r) => r.positionId),
  };
}

/** Who keeps a committee's papers (keepsMeetings): the secretariat's positions are read only when the viewer is not the chair. */
export async function maySecretary(ctx: Context, db: Db, committee: meetingRepo.CommitteeRow): Promise<boolean> {
  const actor = await actorOf(ctx, db);
  if (!actor) return false;
  if (chairsCommittee(actor, { chairPositionId: committee.chair_position_id })) return true;
  return keepsMeetings(actor, committeeFacts(committee, await meetingRepo.positionsInUnitTree(db, committee.secretariat_org_unit_id)));
}

/** The API error of a refused change. */
export function refusalError(r: MeetingRefusal): AppError {
  if (r.code === 'BAD_USER_INPUT') return badInput(r.fieldErrors);
  if (r.code === 'FORBIDDEN') return forbidden(r.message.en, r.ruleIds, r.message.ja);
  if (r.code === 'QUORUM_NOT_MET') return new AppError('QUORUM_NOT_MET', r.message.en, { messageJa: r.message.ja, ruleIds: r.ruleIds, quorum: r.quorum });
  return new AppError('CONFLICT', r.message.en, r.ruleIds.length ? { messageJa: r.message.ja, ruleIds: r.ruleIds } : { messageJa: r.message.ja });
}

/** The decision when allowed; its refusal thrown otherwise. */
export function allowedOrThrow<D extends { allowed: boolean }>(d: D | MeetingRefusal): Exclude<D, MeetingRefusal> {
  if (!d.allowed) throw refusalError(d as MeetingRefusal);
  return d as Exclude<D, MeetingRefusal>;
}

export const idOrThrow = (id: string, path: (string | number)[]) => {
  if (!isUuid(id)) throw badInput([malformedMeetingId(path)]);
};

/** The meeting (locked when it changes), its committee with the secretariat's positions, and the actor. */
export async function loadMeeting(ctx: Context, id: string, path: (string | number)[], opts: { lock?: boolean } = {}) {
  idOrThrow(id, path);
  const db = await ctx.db.em();
  const meeting = await meetingRepo.meetingById(db, id, opts);
  if (!meeting) throw notFound('Meeting', path);
  const committee = (await meetingRepo.committeeById(db, meeting.committee_id))!;
  return { db, meeting, committee };
}

export async function factsOf(ctx: Context, db: Db, committee: meetingRepo.CommitteeRow) {
  const [actor, secretariat] = await Promise.all([actorOf(ctx, db), meetingRepo.positionsInUnitTree(db, committee.secretariat_org_unit_id)]);
  return { actor, facts: committeeFacts(committee, secretariat), rules: rulesOrThrow(committee) };
}

/** The audit event of a meeting's change (on a meeting or one of its agenda items), as the domain described it. */
export const audit = (ctx: Context, db: Db, a: MeetingAudit) => auditFor(a.targetType)(ctx, db, a.action, a.targetId, null, a.after, a.ruleIds);
