import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authRepo, meetingRepo, requestRepo, toDate, toDateOrNull } from '@tsukasa/db';
import { AGENDA_GROUPS, ITEM_OUTCOMES, fieldError } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import { Rule } from '../../graphql/rules.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { toRequest } from '../requests/index.ts';
import { meetingDocument, renderMeetingFile } from './meeting-documents.ts';
import { maySecretary, meetingTitle, rulesOrThrow } from './meeting-support.ts';
import * as service from './meeting.service.ts';
import * as sitting from './sitting.service.ts';
import {
  AgendaGroupEnum,
  AgendaItem,
  AgendaItemInput,
  Attendee,
  AttendeeInput,
  CommitteeSeat,
  Committee,
  CreateMeetingInput,
  DocumentFormat,
  DocumentKind,
  ItemOutcomeEnum,
  MeetingFile,
  Meeting,
  NotProposedItem,
  Quorum,
  RecordDecisionInput,
  SignCirculationInput,
  Vote,
} from './meeting.types.ts';
import { ArgFormats } from '../../graphql/input-guard.ts';
import { graphqlObject } from '../../graphql/object.ts';

export function toCommittee(c: meetingRepo.CommitteeRow): Committee {
  const rules = rulesOrThrow(c);
  return graphqlObject(Committee, {
    id: c.id,
    key: c.key,
    rulebookId: c.rulebook_id,
    name: c.name,
    nameEn: c.name_en,
    secretariat: c.secretariat_name,
    ruleIds: c.rule_ids,
    chairPositionId: c.chair_position_id,
    memberPositionIds: c.member_position_ids,
    rules: {
      quorum: rules.quorum.kind,
      quorumText: rules.quorum.kind === 'majority' ? { ja: '委員の過半数の出席', en: 'More than half of the members present' } : rules.quorum.note,
      quorumRuleIds: rules.quorum.ruleIds,
      circulationAllowed: rules.circulation.allowed,
      substitutesAllowed: rules.substitutes.allowed,
      temporaryMembersAllowed: rules.temporaryMembers.allowed,
      invitedAllowed: rules.invited.allowed,
      cadence: rules.cadence.kind,
      cadenceRuleIds: rules.cadence.ruleIds,
    },
  });
}

export function toMeeting(committee: meetingRepo.CommitteeRow | null, m: meetingRepo.MeetingRow): Meeting {
  return graphqlObject(Meeting, {
    id: m.id,
    committeeId: m.committee_id,
    title: committee ? meetingTitle(committee, m) : '',
    fiscalYear: m.fiscal_year,
    number: m.number,
    mode: m.mode,
    heldOn: m.held_on,
    startTime: m.start_time,
    endTime: m.end_time,
    place: m.place,
    status: m.status,
    cutoffAt: toDateOrNull(m.cutoff_at),
    minutesSentAt: toDateOrNull(m.minutes_sent_at),
    version: m.version,
  });
}

/** Committee rows per request: a list of meetings asks for the same few committees again and again. */
const committeeRows = new WeakMap<Context, Map<string, Promise<meetingRepo.CommitteeRow | undefined>>>();
async function committeeRow(ctx: Context, id: string): Promise<meetingRepo.CommitteeRow> {
  let rows = committeeRows.get(ctx);
  if (!rows) committeeRows.set(ctx, (rows = new Map()));
  let row = rows.get(id);
  if (!row) rows.set(id, (row = ctx.db.em().then((db) => meetingRepo.committeeById(db, id))));
  return (await row)!;
}

const idOrThrow = (id: string, path: string[]) => {
  if (!isUuid(id)) throw badInput([fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。')]);
};

async function meetingOut(ctx: Context, m: meetingRepo.MeetingRow): Promise<Meeting> {
  const db = await ctx.db.em();
  return toMeeting((await meetingRepo.committeeById(db, m.committee_id)) ?? null, (await meetingRepo.meetingById(db, m.id))!);
}

@Resolver(() => Committee)
export class CommitteeResolver {
  @Rule('committees:read')
  @Query(() => [Committee], { description: 'The committees the municipality’s rulebooks set up.' })
  async committees(@Ctx() ctx: Context): Promise<Committee[]> {
    return (await meetingRepo.committees(await ctx.db.em())).map(toCommittee);
  }

  @Rule('committees:read')
  @Query(() => Committee, { nullable: true })
  async committee(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Committee | null> {
    idOrThrow(id, ['id']);
    const c = await meetingRepo.committeeById(await ctx.db.em(), id);
    return c ? toCommittee(c) : null;
  }

  @FieldResolver(() => CommitteeSeat, { description: 'The chair (委員長, 座長 …) on the date (default today).' })
  @ArgFormats({ on: 'date' })
  async chair(@Root() c: Committee, @Ctx() ctx: Context, @Arg('on', () => String, { nullable: true }) on: string | null): Promise<CommitteeSeat> {
    return (await seats(ctx, [c.chairPositionId], on))[0]!;
  }

  @FieldResolver(() => [CommitteeSeat], { description: 'Members resolved from their positions on the date (default today).' })
  @ArgFormats({ on: 'date' })
  async members(@Root() c: Committee, @Ctx() ctx: Context, @Arg('on', () => String, { nullable: true }) on: string | null): Promise<CommitteeSeat[]> {
    return seats(
      ctx,
      c.memberPositionIds.filter((p) => p !== c.chairPositionId),
      on,
    );
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer keeps this committee’s meetings (its chair or secretariat).' })
  async viewerMayKeep(@Root() c: Committee, @Ctx() ctx: Context): Promise<boolean> {
    const db = await ctx.db.em();
    return maySecretary(ctx, db, await committeeRow(ctx, c.id));
  }

  @FieldResolver(() => [Meeting])
  async meetings(@Root() c: Committee, @Ctx() ctx: Context, @Arg('limit', () => Int, { nullable: true }) limit: number | null): Promise<Meeting[]> {
    const db = await ctx.db.em();
    const row = await committeeRow(ctx, c.id);
    return (await meetingRepo.meetings(db, { committeeId: c.id, limit: Math.min(Math.max(limit ?? 50, 1), 200) })).map((m) => toMeeting(row, m));
  }
}

async function seats(ctx: Context, positionIds: string[], on: string | null): Promise<CommitteeSeat[]> {
  if (on && !/^\d{4}-\d{2}-\d{2}$/.test(on))
    throw badInput([fieldError(['on'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '日付をYYYY-MM-DDの形式で入力してください。')]);
  const date = on ?? ctx.now().toISOString().slice(0, 10);
  return (await meetingRepo.holdersOn(await ctx.db.em(), positionIds, date)).map((h) => ({
    positionId: h.position_id,
    title: h.position_name,
    staffId: h.staff_id,
    name: h.staff_name,
  }));
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Rule('committees:read')
  @Query(() => [Meeting], { description: 'Meetings, latest first; of one committee when given.' })
  async meetings(
    @Ctx() ctx: Context,
    @Arg('committeeId', () => ID, { nullable: true }) committeeId: string | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
  ): Promise<Meeting[]> {
    if (committeeId) idOrThrow(committeeId, ['committeeId']);
    const db = await ctx.db.em();
    const committees = new Map((await meetingRepo.committees(db)).map((c) => [c.id, c]));
    return (await meetingRepo.meetings(db, { committeeId, limit: Math.min(Math.max(limit ?? 50, 1), 200) })).map((m) =>
      toMeeting(committees.get(m.committee_id) ?? null, m),
    );
  }

  @Rule('committees:read')
  @Query(() => Meeting, { nullable: true })
  async meeting(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Meeting | null> {
    idOrThrow(id, ['id']);
    const m = await meetingRepo.meetingById(await ctx.db.em(), id);
    return m ? meetingOut(ctx, m) : null;
  }

  @FieldResolver(() => Committee)
  async committee(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Committee> {
    return toCommittee(await committeeRow(ctx, m.committeeId));
  }

  @FieldResolver(() => [AgendaItem], { description: 'The agenda in order (items taken off are in removedItems).' })
  async items(@Root() m: Meeting, @Ctx() ctx: Context): Promise<AgendaItem[]> {
    return (await (m.agenda ??= agendaItems(ctx, m.id))).filter((i) => !i.removedAt);
  }

  @FieldResolver(() => [AgendaItem], { description: 'Items taken off the agenda, with the reason.' })
  async removedItems(@Root() m: Meeting, @Ctx() ctx: Context): Promise<AgendaItem[]> {
    return (await (m.agenda ??= agendaItems(ctx, m.id))).filter((i) => i.removedAt);
  }

  @FieldResolver(() => [Attendee])
  async attendees(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Attendee[]> {
    return (await meetingRepo.attendeesOfMeetings(await ctx.db.em(), [m.id])).map((a) => ({
      id: a.id,
      role: a.role,
      title: a.title,
      name: a.name,
      staffId: a.staff_id,
      positionId: a.position_id,
      substituteForId: a.substitute_for_id,
      approvedByChair: a.approved_by_chair,
      present: a.present,
    }));
  }

  @FieldResolver(() => Quorum, { description: 'The quorum from the attendance taken (ARK-19-1).' })
  async quorum(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Quorum> {
    const db = await ctx.db.em();
    return sitting.quorumOfMeeting(db, await committeeRow(ctx, m.committeeId), m.id);
  }

  @FieldResolver(() => [NotProposedItem], {
    description: 'Pending business the rulebook routes here that is not proposed, and why (late under ARK-12-2, after the cut-off, on another agenda).',
  })
  async notProposed(@Root() m: Meeting, @Ctx() ctx: Context): Promise<NotProposedItem[]> {
    return service.notProposed(ctx, m.id);
  }

  @FieldResolver(() => Boolean)
  async viewerMayKeep(@Root() m: Meeting, @Ctx() ctx: Context): Promise<boolean> {
    const db = await ctx.db.em();
    return maySecretary(ctx, db, await committeeRow(ctx, m.committeeId));
  }

  @FieldResolver(() => MeetingFile, { description: 'The agenda (次第) or minutes (会議録) as PDF, DOCX or Markdown.' })
  async document(
    @Root() m: Meeting,
    @Ctx() ctx: Context,
    @Arg('kind', () => DocumentKind) kind: DocumentKind,
    @Arg('format', () => DocumentFormat) format: DocumentFormat,
  ): Promise<MeetingFile> {
    const db = await ctx.db.em();
    const municipality = (await authRepo.municipalityById(db, ctx.viewer!.municipalityId))!;
    const row = (await meetingRepo.meetingById(db, m.id))!;
    return renderMeetingFile(await meetingDocument(db, municipality.name, row, kind), format);
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Creates a meeting; its agenda is proposed from the business the rulebook routes to the committee.' })
  async createMeeting(@Ctx() ctx: Context, @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput): Promise<Meeting> {
    return meetingOut(ctx, await service.createMeeting(ctx, input));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Adds to a draft agenda what has become ready since it was proposed.' })
  async refreshAgenda(@Ctx() ctx: Context, @Arg('meetingId', () => ID) meetingId: string): Promise<Meeting> {
    return meetingOut(ctx, await service.refreshAgenda(ctx, meetingId));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Sets the order of the agenda: every item, once. 資料 are renumbered.' })
  async reorderAgenda(@Ctx() ctx: Context, @Arg('meetingId', () => ID) meetingId: string, @Arg('itemIds', () => [ID]) itemIds: string[]): Promise<Meeting> {
    return meetingOut(ctx, await service.reorderAgenda(ctx, meetingId, itemIds));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Adds a free item to a draft agenda.' })
  async addAgendaItem(
    @Ctx() ctx: Context,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('input', () => AgendaItemInput) input: AgendaItemInput,
  ): Promise<Meeting> {
    return meetingOut(ctx, await service.addAgendaItem(ctx, meetingId, { ...input, group: (input.group ?? null) as AgendaGroupEnum | null }));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Takes an item off a draft agenda, with the reason.' })
  @ArgFormats({ reason: 'multiline' })
  async removeAgendaItem(@Ctx() ctx: Context, @Arg('itemId', () => ID) itemId: string, @Arg('reason', () => String) reason: string): Promise<Meeting> {
    return meetingOut(ctx, await service.removeAgendaItem(ctx, itemId, reason));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Freezes the agenda at a cut-off: later business goes to the next meeting.' })
  async freezeAgenda(@Ctx() ctx: Context, @Arg('meetingId', () => ID) meetingId: string): Promise<Meeting> {
    return meetingOut(ctx, await service.freezeAgenda(ctx, meetingId));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Cancels a meeting not yet held, with the reason; its business goes to the next meeting.' })
  @ArgFormats({ reason: 'multiline' })
  async cancelMeeting(@Ctx() ctx: Context, @Arg('meetingId', () => ID) meetingId: string, @Arg('reason', () => String) reason: string): Promise<Meeting> {
    return meetingOut(ctx, await service.cancelMeeting(ctx, meetingId, reason));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Adds a temporary member (ARK-17-2), a substitute (MNT-9-3) or an invited non-member (ARK-19-2).' })
  async addAttendee(
    @Ctx() ctx: Context,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('input', () => AttendeeInput) input: AttendeeInput,
  ): Promise<Meeting> {
    return meetingOut(ctx, await sitting.addAttendee(ctx, meetingId, input));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Takes the attendance: the attendees present. The quorum follows from it.' })
  async recordAttendance(
    @Ctx() ctx: Context,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('presentIds', () => [ID]) presentIds: string[],
  ): Promise<Meeting> {
    return meetingOut(ctx, await sitting.recordAttendance(ctx, meetingId, presentIds));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, {
    description:
      'Records an item’s decision (QUORUM_NOT_MET without a quorum); a decision on a request moves its committee step and notifies the applicant (ARK-12-5).',
  })
  async recordDecision(@Ctx() ctx: Context, @Arg('input', () => RecordDecisionInput) input: RecordDecisionInput): Promise<Meeting> {
    const db = await ctx.db.em();
    await sitting.recordDecision(ctx, { ...input, outcome: input.outcome as unknown as import('@tsukasa/domain').ItemOutcome });
    const item = (await meetingRepo.itemById(db, input.itemId))!;
    return meetingOut(ctx, (await meetingRepo.meetingById(db, item.meeting_id))!);
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'A member signs a circulated item (持回り, KWW-12-2); the last required sign-off decides it.' })
  async signCirculation(@Ctx() ctx: Context, @Arg('input', () => SignCirculationInput) input: SignCirculationInput): Promise<Meeting> {
    return meetingOut(ctx, await sitting.signCirculation(ctx, { ...input, vote: input.vote as unknown as 'agree' | 'disagree' }));
  }

  @Rule('committees:manage')
  @Mutation(() => Meeting, { description: 'Sends the minutes to the attendees and closes the meeting.' })
  async sendMinutes(@Ctx() ctx: Context, @Arg('meetingId', () => ID) meetingId: string): Promise<Meeting> {
    return meetingOut(ctx, await sitting.sendMinutes(ctx, meetingId));
  }
}

async function agendaItems(ctx: Context, meetingId: string): Promise<AgendaItem[]> {
  const db = await ctx.db.em();
  const items = await meetingRepo.itemsOfMeetings(db, [meetingId]);
  const [requests, signoffs] = await Promise.all([
    requestRepo.requestsByIds(
      db,
      items.flatMap((i) => (i.request_id ? [i.request_id] : [])),
    ),
    meetingRepo.signoffsOfItems(
      db,
      items.map((i) => i.id),
    ),
  ]);
  const staff = new Map(
    (await ctx.loaders.staff.loadMany(signoffs.map((s) => s.staff_id))).flatMap((s) => (s && !(s instanceof Error) ? [[s.id, s] as const] : [])),
  );
  const positions = new Map(
    (await ctx.loaders.position.loadMany(signoffs.map((s) => s.position_id))).flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p] as const] : [])),
  );
  const byId = new Map(requests.map((r) => [r.id, r]));
  const meeting = (await meetingRepo.meetingById(db, meetingId))!;
  const seats =
    meeting.mode === 'circulation' && meeting.status === 'frozen'
      ? await sitting.viewerSeats(ctx, db, await meetingRepo.attendeesOfMeetings(db, [meetingId]))
      : [];
  let n = 0;
  return items.map((i) =>
    graphqlObject(AgendaItem, {
      id: i.id,
      number: i.removed_at ? 0 : ++n,
      group: i.group_key as AgendaGroupEnum,
      groupLabel: AGENDA_GROUPS[i.group_key],
      source: i.source,
      title: i.title,
      presenter: i.presenter,
      documents: i.documents,
      ruleIds: i.rule_ids,
      figures: i.figures,
      requestId: i.request_id,
      request: i.request_id && byId.get(i.request_id) ? toRequest(byId.get(i.request_id)!) : null,
      removedAt: toDateOrNull(i.removed_at),
      removedReason: i.removed_reason,
      outcome: (i.outcome as ItemOutcomeEnum | null) ?? null,
      outcomeLabel: i.outcome ? ITEM_OUTCOMES[i.outcome] : null,
      conditions: i.conditions,
      dissent: i.dissent,
      note: i.decision_note,
      decidedAt: toDateOrNull(i.decided_at),
      viewerSignablePositionIds: i.outcome || i.removed_at ? [] : seats.filter((p) => !signoffs.some((s) => s.item_id === i.id && s.position_id === p)),
      signoffs: signoffs
        .filter((s) => s.item_id === i.id)
        .map((s) => {
          const who = staff.get(s.staff_id);
          return {
            positionId: s.position_id,
            positionTitle: positions.get(s.position_id)?.name ?? null,
            staffName: who ? `${who.family_name} ${who.given_name}` : '',
            vote: s.vote as Vote,
            comment: s.comment,
            signedAt: toDate(s.signed_at),
          };
        }),
    }),
  );
}

export const committeeResolvers = [CommitteeResolver, MeetingResolver] as const;
