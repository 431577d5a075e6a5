// The secretary's work (SPEC §7): a meeting is created and its agenda proposed from the business
// the rulebook routes to the committee; the agenda is edited and frozen; attendance is taken, the
// quorum checked (ARK-19-1), decisions recorded — moving the linked requests (ARK-12-5) — or taken
// by circulation (KWW-12-2); the minutes are sent. Every change is decided in the domain
// (committees/meeting-transitions.ts): this service loads the facts, persists what was decided and
// appends its audit event.
import { randomUUID } from 'node:crypto';
import { accessRepo, auditRepo, meetingRepo, requestRepo, rows, toDate, type Db } from '@tsukasa/db';
import {
  AGENDA_GROUPS,
  agendaOrder,
  agendaRefreshed,
  assembleAgenda,
  attendeeStaffNotFound,
  carriedCandidate,
  callerSecretariatSeat,
  chairsCommittee,
  circulationDecision,
  committeeRules,
  contractorsAttend,
  decideAgendaFreeze,
  decideAgendaItemAddition,
  decideAgendaItemRemoval,
  decideAgendaRefresh,
  decideAgendaReorder,
  decideAttendance,
  decideAttendeeAddition,
  decideItemOutcome,
  decideMeetingCancellation,
  decideMeetingCreation,
  decideMinutes,
  decideSignoff,
  expectedAttendance,
  actorSeats,
  itemAlreadyDecided,
  itemDecided,
  itemDecisionComment,
  keepsMeetings,
  malformedMeetingId,
  meetingCreated,
  meetingQuorum,
  meetingTitle as titleOf,
  minutesNotice,
  minutesSent,
  numberDocuments,
  positionsAt,
  reportingPeriod,
  requestCandidate,
  requestNoLongerAwaiting,
  signoffInPersonOnly,
  STEP_DECISION,
  standingCandidates,
  standingFigures,
  type AgendaCandidate,
  type AgendaItemFacts,
  type AttendeeDraft,
  type AttendeeFacts,
  type CommitteeFacts,
  type CommitteeRules,
  type FreeItemDraft,
  type ItemDecisionDraft,
  type ItemDecisionRecord,
  type MeetingActor,
  type MeetingAudit,
  type MeetingDraft,
  type MeetingFacts,
  type MeetingRefusal,
  type NotProposed,
  type StandingFigureFacts,
  type Vote,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { AppError, badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import { decideCommitteeStep } from '../requests/index.ts';

export type { AttendeeDraft as AttendeeInput, FreeItemDraft as FreeItemInput, ItemDecisionDraft };

export function rulesOrThrow(committee: meetingRepo.CommitteeRow): CommitteeRules {
  const rules = committeeRules(committee.key);
  if (!rules) throw new AppError('INTERNAL', `No rules for committee ${committee.key}.`);
  return rules;
}

// ---- the facts the domain decides on ---------------------------------------------------------------

const committeeFacts = (c: meetingRepo.CommitteeRow, secretariatPositionIds: readonly string[]): CommitteeFacts => ({
  key: c.key,
  name: c.name,
  nameEn: c.name_en,
  chairPositionId: c.chair_position_id,
  secretariatName: c.secretariat_name,
  secretariatPositionIds,
  ruleIds: c.rule_ids,
});

const meetingFacts = (m: meetingRepo.MeetingRow): MeetingFacts => ({ id: m.id, mode: m.mode, status: m.status, heldOn: m.held_on, number: m.number });

const itemFacts = (i: meetingRepo.ItemRow): AgendaItemFacts => ({
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

const attendeeFacts = (a: meetingRepo.AttendeeRow): AttendeeFacts => ({
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
async function actorOf(ctx: Context, db: Db): Promise<MeetingActor | null> {
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
function refusalError(r: MeetingRefusal): AppError {
  if (r.code === 'BAD_USER_INPUT') return badInput(r.fieldErrors);
  if (r.code === 'FORBIDDEN') return forbidden(r.message.en, r.ruleIds, r.message.ja);
  if (r.code === 'QUORUM_NOT_MET') return new AppError('QUORUM_NOT_MET', r.message.en, { messageJa: r.message.ja, ruleIds: r.ruleIds, quorum: r.quorum });
  return new AppError('CONFLICT', r.message.en, r.ruleIds.length ? { messageJa: r.message.ja, ruleIds: r.ruleIds } : { messageJa: r.message.ja });
}

/** The decision when allowed; its refusal thrown otherwise. */
function allowedOrThrow<D extends { allowed: boolean }>(d: D | MeetingRefusal): Exclude<D, MeetingRefusal> {
  if (!d.allowed) throw refusalError(d as MeetingRefusal);
  return d as Exclude<D, MeetingRefusal>;
}

const idOrThrow = (id: string, path: (string | number)[]) => {
  if (!isUuid(id)) throw badInput([malformedMeetingId(path)]);
};

/** The meeting (locked when it changes), its committee with the secretariat's positions, and the actor. */
async function loadMeeting(ctx: Context, id: string, path: (string | number)[], opts: { lock?: boolean } = {}) {
  idOrThrow(id, path);
  const db = await ctx.db.em();
  const meeting = await meetingRepo.meetingById(db, id, opts);
  if (!meeting) throw notFound('Meeting', path);
  const committee = (await meetingRepo.committeeById(db, meeting.committee_id))!;
  return { db, meeting, committee };
}

async function factsOf(ctx: Context, db: Db, committee: meetingRepo.CommitteeRow) {
  const [actor, secretariat] = await Promise.all([actorOf(ctx, db), meetingRepo.positionsInUnitTree(db, committee.secretariat_org_unit_id)]);
  return { actor, facts: committeeFacts(committee, secretariat), rules: rulesOrThrow(committee) };
}

const audit = (ctx: Context, db: Db, a: MeetingAudit) =>
  auditRepo.appendAuditEvents(db, ctx.viewer!.municipalityId, [
    {
      actorStaffId: ctx.viewer!.staffId,
      action: a.action,
      targetType: a.targetType,
      targetId: a.targetId,
      after: a.after,
      ruleIds: a.ruleIds,
      requestId: ctx.requestId,
    },
  ]);

// ---- creating a meeting ----------------------------------------------------------------------

export interface CreateMeetingInput extends MeetingDraft {
  committeeId: string;
}

export async function createMeeting(ctx: Context, input: CreateMeetingInput) {
  idOrThrow(input.committeeId, ['input', 'committeeId']);
  const db = await ctx.db.em();
  const committee = await meetingRepo.committeeById(db, input.committeeId);
  if (!committee) throw notFound('Committee', ['input', 'committeeId']);
  const { actor, facts, rules } = await factsOf(ctx, db, committee);
  const d = allowedOrThrow(decideMeetingCreation(facts, rules, actor, input));
  const number = await meetingRepo.nextMeetingNumber(db, ctx.viewer!.municipalityId, committee.id, d.fiscalYear);
  const id = randomUUID();
  await meetingRepo.insertMeeting(db, {
    id,
    municipalityId: ctx.viewer!.municipalityId,
    committeeId: committee.id,
    fiscalYear: d.fiscalYear,
    number,
    mode: d.mode,
    heldOn: d.heldOn,
    startTime: d.startTime,
    endTime: d.endTime,
    place: d.place,
    createdBy: ctx.viewer!.staffId,
    now: ctx.now(),
  });
  await meetingRepo.insertAttendees(db, ctx.viewer!.municipalityId, id, await expectedAttendees(db, committee, facts, rules, actor!, d.heldOn));
  const meeting = (await meetingRepo.meetingById(db, id))!;
  const added = await proposeInto(ctx, db, committee, rules, meeting, []);
  await audit(ctx, db, meetingCreated(facts, rules, meetingFacts(meeting), added));
  return meeting;
}

/** Members resolve from their positions at the meeting date (別表第2, 別表第3, MNT-9-3 …). */
async function expectedAttendees(
  db: Db,
  committee: meetingRepo.CommitteeRow,
  facts: CommitteeFacts,
  rules: CommitteeRules,
  actor: MeetingActor,
  heldOn: string,
): Promise<Omit<meetingRepo.AttendeeRow, 'meeting_id'>[]> {
  const memberIds = committee.member_position_ids.filter((p) => p !== committee.chair_position_id);
  const holders = await meetingRepo.holdersOn(db, [committee.chair_position_id, ...memberIds], heldOn);
  const contractors = contractorsAttend(rules) ? await meetingRepo.contractorRepresentatives(db, rules.rulebookId) : [];
  const own = callerSecretariatSeat(actor, facts);
  const seatOf = (h: meetingRepo.HolderRow) => ({ positionId: h.position_id, positionName: h.position_name, staffId: h.staff_id, staffName: h.staff_name });
  const [ownHolder] = own && !holders.some((h) => h.position_id === own) ? await meetingRepo.holdersOn(db, [own], heldOn) : [];
  const expected = expectedAttendance(
    rules,
    facts,
    holders.map(seatOf),
    contractors.map((c) => ({ contractorName: c.contractor_name, personName: c.person_name })),
    own ? { positionId: own, staffId: actor.staffId, holder: ownHolder ? seatOf(ownHolder) : undefined } : null,
  );
  return expected.map((a, i) => ({
    id: randomUUID(),
    seq: i + 1,
    role: a.role,
    position_id: a.positionId,
    staff_id: a.staffId,
    title: a.title,
    name: a.name,
    substitute_for_id: a.substituteForId,
    approved_by_chair: a.approvedByChair,
    present: a.present,
  }));
}

// ---- agenda assembly ---------------------------------------------------------------------------

/** Everything the rulebook routes to this committee, as candidates for the meeting's agenda. */
export async function candidatesFor(
  db: Db,
  committee: meetingRepo.CommitteeRow,
  rules: CommitteeRules,
  meeting: meetingRepo.MeetingRow,
): Promise<AgendaCandidate[]> {
  const [steps, carried, previous] = await Promise.all([
    meetingRepo.openCommitteeSteps(db, committee.id, meeting.id),
    meetingRepo.deferredFreeItems(db, committee.id, meeting.id),
    meetingRepo.previousMeetingDate(db, committee.id, meeting.held_on),
  ]);
  const out: AgendaCandidate[] = steps.map((s) =>
    requestCandidate({
      stepId: s.step_id,
      openedAt: toDate(s.opened_at).toISOString(),
      ruleIds: s.rule_ids,
      number: s.number,
      kindKey: s.kind_key,
      filedOn: s.filed_on,
      content: s.content,
      systemName: s.system_name,
      presenter: s.presenter,
      deferredFrom: s.deferred_from,
      scheduledElsewhere: s.scheduled_elsewhere,
    }),
  );
  for (const i of carried) {
    out.push(
      carriedCandidate({
        id: i.id,
        meetingId: i.meeting_id,
        title: i.title,
        presenter: i.presenter,
        documents: i.documents,
        ruleIds: i.rule_ids,
        decidedAt: toDate(i.decided_at!).toISOString(),
      }),
    );
  }
  const { from } = reportingPeriod(meeting.held_on, previous);
  const incidents = rules.standingItems.some((s) => s.figures === 'incidents')
    ? await meetingRepo.incidentsInPeriod(db, committee.rulebook_id, from, meeting.held_on)
    : [];
  out.push(...standingCandidates(rules, { heldOn: meeting.held_on, createdAt: toDate(meeting.created_at).toISOString() }, from, incidents));
  return out;
}

/** Figures a standing item reports for the period since the last meeting (MNT-9-1-2 …): counted here, made up by the domain. */
async function figuresFor(
  db: Db,
  committee: meetingRepo.CommitteeRow,
  rules: CommitteeRules,
  meeting: meetingRepo.MeetingRow,
  key: string,
): Promise<Record<string, unknown> | null> {
  const s = rules.standingItems.find((x) => x.key === key);
  if (!s?.figures) return null;
  const period = reportingPeriod(meeting.held_on, await meetingRepo.previousMeetingDate(db, committee.id, meeting.held_on));
  const { from, to } = period;
  const book = committee.rulebook_id;
  const facts: StandingFigureFacts =
    s.figures === 'operations'
      ? { kind: 'operations', requests: await meetingRepo.requestFigures(db, book, from, to) }
      : s.figures === 'incidents'
        ? {
            kind: 'incidents',
            incidents: (await meetingRepo.incidentsInPeriod(db, book, from, to)).map((i) => ({
              number: i.number,
              title: i.title,
              systemName: i.system_name,
              status: i.status,
              occurredOn: i.occurred_on,
            })),
          }
        : s.figures === 'audits'
          ? { kind: 'audits', audits: await meetingRepo.auditFigures(db, book, from, to) }
          : { kind: 'hardware' };
  return standingFigures(period, facts);
}

/** Adds the proposed items not yet on the agenda (nor removed from it); returns how many. */
async function proposeInto(
  ctx: Context,
  db: Db,
  committee: meetingRepo.CommitteeRow,
  rules: CommitteeRules,
  meeting: meetingRepo.MeetingRow,
  existing: meetingRepo.ItemRow[],
): Promise<number> {
  const cutoffAt = (meeting.cutoff_at ? toDate(meeting.cutoff_at) : ctx.now()).toISOString();
  const { items } = assembleAgenda(rules, { cutoffAt }, await candidatesFor(db, committee, rules, meeting));
  const known = new Set(existing.map((i) => i.source_ref));
  const fresh = items.filter((i) => !known.has(i.ref));
  if (fresh.length === 0) return 0;
  const live = existing.filter((i) => !i.removed_at);
  // New proposals join their group in the assembled order, after what the secretary already arranged there.
  const merged = [
    ...live.map((i) => ({ kind: 'old' as const, group: i.group_key, row: i })),
    ...fresh.map((p) => ({ kind: 'new' as const, group: p.group, p })),
  ].sort((a, b) => AGENDA_GROUPS[a.group].order - AGENDA_GROUPS[b.group].order);
  const newRows: meetingRepo.NewItem[] = [];
  const order: { id: string; seq: number; documents: { label: string; title: string }[] }[] = [];
  const numbered = numberDocuments(merged.map((m) => ({ ...m, documents: m.kind === 'old' ? m.row.documents : m.p.documents })));
  for (const [i, m] of numbered.entries()) {
    if (m.kind === 'old') order.push({ id: m.row.id, seq: i + 1, documents: m.documents });
    else {
      const ref = m.p.ref;
      const stepId = ref.startsWith('request-step:') ? ref.slice('request-step:'.length) : null;
      newRows.push({
        id: randomUUID(),
        seq: i + 1,
        group: m.group,
        source: m.p.source,
        sourceRef: ref,
        requestId: null,
        requestStepId: stepId,
        carriedFromItemId: ref.startsWith('item:') ? ref.slice('item:'.length) : null,
        title: m.p.title,
        presenter: m.p.presenter,
        documents: m.documents,
        figures: ref.startsWith('standing:') ? await figuresFor(db, committee, rules, meeting, ref.slice('standing:'.length)) : null,
        ruleIds: m.p.ruleIds,
      });
    }
  }
  if (newRows.some((r) => r.requestStepId)) {
    const steps = await rows<{ id: string; request_id: string }>(db, 'select id, request_id from request_step where id = any($1::uuid[])', [
      newRows.flatMap((r) => (r.requestStepId ? [r.requestStepId] : [])),
    ]);
    const byStep = new Map(steps.map((s) => [s.id, s.request_id]));
    for (const r of newRows) if (r.requestStepId) r.requestId = byStep.get(r.requestStepId) ?? null;
  }
  await meetingRepo.reorderItems(db, order);
  await meetingRepo.insertItems(db, ctx.viewer!.municipalityId, meeting.id, newRows);
  return newRows.length;
}

/** What the rulebook would bring before this meeting but is not on its agenda, and why. */
export async function notProposed(ctx: Context, meetingId: string): Promise<NotProposed[]> {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['id']);
  const rules = rulesOrThrow(committee);
  const cutoffAt = (meeting.cutoff_at ? toDate(meeting.cutoff_at) : ctx.now()).toISOString();
  return assembleAgenda(rules, { cutoffAt }, await candidatesFor(db, committee, rules, meeting)).notProposed;
}

const liveItems = async (db: Db, meetingId: string) => (await meetingRepo.itemsOfMeetings(db, [meetingId])).filter((i) => !i.removed_at);

export async function refreshAgenda(ctx: Context, meetingId: string) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const { actor, facts, rules } = await factsOf(ctx, db, committee);
  allowedOrThrow(decideAgendaRefresh(meetingFacts(meeting), facts, actor));
  const added = await proposeInto(ctx, db, committee, rules, meeting, await meetingRepo.itemsOfMeetings(db, [meeting.id]));
  const event = agendaRefreshed(meetingFacts(meeting), facts, added);
  if (event) await audit(ctx, db, event);
  return meeting;
}

export async function reorderAgenda(ctx: Context, meetingId: string, itemIds: string[]) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const { actor, facts } = await factsOf(ctx, db, committee);
  const live = (await liveItems(db, meeting.id)).map(itemFacts);
  const d = allowedOrThrow(decideAgendaReorder(meetingFacts(meeting), facts, actor, live, itemIds));
  await meetingRepo.reorderItems(db, d.order);
  await audit(ctx, db, d.audit);
  return meeting;
}

export async function addAgendaItem(ctx: Context, meetingId: string, input: FreeItemDraft) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const { actor, facts } = await factsOf(ctx, db, committee);
  const live = (await liveItems(db, meeting.id)).map(itemFacts);
  const d = allowedOrThrow(decideAgendaItemAddition(meetingFacts(meeting), facts, actor, live, input, randomUUID()));
  await meetingRepo.reorderItems(db, d.order);
  await meetingRepo.insertItems(db, ctx.viewer!.municipalityId, meeting.id, [
    { ...d.item, requestId: null, requestStepId: null, carriedFromItemId: null, figures: null },
  ]);
  await audit(ctx, db, d.audit);
  return meeting;
}

export async function removeAgendaItem(ctx: Context, itemId: string, reason: string) {
  idOrThrow(itemId, ['itemId']);
  const db = await ctx.db.em();
  const item = await meetingRepo.itemById(db, itemId);
  if (!item) throw notFound('Agenda item', ['itemId']);
  const { meeting, committee } = await loadMeeting(ctx, item.meeting_id, ['itemId'], { lock: true });
  const { actor, facts } = await factsOf(ctx, db, committee);
  const d = allowedOrThrow(decideAgendaItemRemoval(meetingFacts(meeting), facts, actor, itemFacts(item), reason, ctx.now()));
  await meetingRepo.removeItem(db, item.id, d.reason, d.removedAt);
  await meetingRepo.reorderItems(db, agendaOrder((await liveItems(db, meeting.id)).map(itemFacts)));
  await audit(ctx, db, d.audit);
  return meeting;
}

/** Freezes the agenda at a cut-off: what becomes ready later goes to the next meeting. */
export async function freezeAgenda(ctx: Context, meetingId: string) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const { actor, facts } = await factsOf(ctx, db, committee);
  const d = allowedOrThrow(decideAgendaFreeze(meetingFacts(meeting), facts, actor, ctx.now()));
  await meetingRepo.setMeetingStatus(db, meeting.id, d.status, { cutoffAt: d.cutoffAt });
  await audit(ctx, db, d.audit);
  return (await meetingRepo.meetingById(db, meeting.id))!;
}

/** Cancels a meeting not yet held; what was on its agenda is free for the next one. */
export async function cancelMeeting(ctx: Context, meetingId: string, reason: string) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const { actor, facts } = await factsOf(ctx, db, committee);
  const d = allowedOrThrow(decideMeetingCancellation(meetingFacts(meeting), facts, actor, reason));
  await meetingRepo.setMeetingStatus(db, meeting.id, d.status);
  await audit(ctx, db, d.audit);
  return (await meetingRepo.meetingById(db, meeting.id))!;
}

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
