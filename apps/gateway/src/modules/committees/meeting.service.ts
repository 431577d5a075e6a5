// The secretary's work before a meeting sits (SPEC §7): a meeting is created and its agenda
// proposed from the business the rulebook routes to the committee; the agenda is edited and frozen,
// or the meeting cancelled. Every change is decided in the domain (committees/meeting-transitions.ts):
// this service loads the facts, persists what was decided and appends its audit event.
import { randomUUID } from 'node:crypto';
import { meetingRepo, rows, toDate, type Db } from '@tsukasa/db';
import {
  AGENDA_GROUPS,
  agendaOrder,
  agendaRefreshed,
  assembleAgenda,
  carriedCandidate,
  callerSecretariatSeat,
  contractorsAttend,
  decideAgendaFreeze,
  decideAgendaItemAddition,
  decideAgendaItemRemoval,
  decideAgendaRefresh,
  decideAgendaReorder,
  decideMeetingCancellation,
  decideMeetingCreation,
  expectedAttendance,
  meetingCreated,
  numberDocuments,
  reportingPeriod,
  requestCandidate,
  standingCandidates,
  standingFigures,
  type AgendaCandidate,
  type CommitteeFacts,
  type CommitteeRules,
  type FreeItemDraft,
  type MeetingActor,
  type MeetingDraft,
  type NotProposed,
  type StandingFigureFacts,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { notFound } from '../../graphql/errors.ts';
import { allowedOrThrow, audit, factsOf, idOrThrow, itemFacts, loadMeeting, meetingFacts, rulesOrThrow } from './meeting-support.ts';

export type { FreeItemDraft as FreeItemInput };

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
