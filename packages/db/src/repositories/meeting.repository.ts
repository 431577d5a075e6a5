import type { IncidentStatus, RuleId } from '@tsukasa/domain';
// Committees, meetings, agenda items, attendance and circulation sign-offs (SPEC §7).
import { sql as raw, type InferResult } from 'kysely';
import { anyOf, exec, first, one, rows, run, tables, type Db, type Stored } from './sql.ts';

type Paper = { label: string; title: string };

// ---- committees --------------------------------------------------------------------------------------

const COMMITTEE_COLUMN_LIST = [
  'c.id',
  'c.key',
  'c.rulebook_id',
  'c.name',
  'c.name_en',
  'c.chair_position_id',
  'c.secretariat_org_unit_id',
  'ou.name as secretariat_name',
  'c.rule_ids',
] as const;

const committeeQuery = () =>
  tables
    .selectFrom('committee as c')
    .innerJoin('org_unit as ou', 'ou.id', 'c.secretariat_org_unit_id')
    .select(COMMITTEE_COLUMN_LIST)
    .select((eb) =>
      raw<string[]>`array(${eb
        .selectFrom('committee_member as m')
        .select(raw<string>`m.position_id::text`.as('position_id'))
        .whereRef('m.committee_id', '=', 'c.id')
        .orderBy('m.sort_order')})`.as('member_position_ids'),
    );

/** A committee with its secretariat's name and its member positions in their order, typed from the entities. */
export type CommitteeRow = Stored<InferResult<ReturnType<typeof committeeQuery>>[number]>;

export async function committees(db: Db): Promise<CommitteeRow[]> {
  return run(db, committeeQuery().orderBy('c.rulebook_id').orderBy('c.key'));
}

export async function committeeById(db: Db, id: string): Promise<CommitteeRow | undefined> {
  return first(db, committeeQuery().where('c.id', '=', id));
}

/** Positions in an org unit and every unit below it: the secretariat's staff (ARK-19-3). */
export async function positionsInUnitTree(db: Db, orgUnitId: string): Promise<string[]> {
  const r = await run(
    db,
    tables
      .withRecursive('u(id)', (q) =>
        q
          .selectFrom('org_unit')
          .select('org_unit.id')
          .where('org_unit.id', '=', orgUnitId)
          .unionAll((u) => u.selectFrom('org_unit as o').innerJoin('u', 'o.parent_id', 'u.id').select('o.id')),
      )
      .selectFrom('position as p')
      .select('p.id')
      .where('p.org_unit_id', 'in', (eb) => eb.selectFrom('u').select('u.id')),
  );
  return r.map((x) => x.id);
}

/** The tenure in force on a date: begun on or before it, not ended by it. */
const tenureOn = (on: string) => raw<boolean>`t.valid_from <= ${on}::date and (t.valid_to is null or t.valid_to > ${on}::date)`;

const holdersQuery = (positionIds: readonly string[], on: string) =>
  tables
    .selectFrom(raw<{ id: string; n: number }>`unnest(${positionIds}::uuid[]) with ordinality`.as<'x'>(raw`x(id, n)`))
    .innerJoin('position as p', 'p.id', 'x.id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('position_tenure as t')
          .innerJoin('staff as s', 's.id', 't.staff_id')
          .select(['t.staff_id', raw<string>`s.family_name || ' ' || s.given_name`.as('staff_name')])
          .whereRef('t.position_id', '=', 'p.id')
          .where(tenureOn(on))
          .orderBy('t.valid_from', 'desc')
          .limit(1)
          .as('h'),
      (join) => join.onTrue(),
    )
    .select(['p.id as position_id', 'p.name as position_name', 'h.staff_id', 'h.staff_name'])
    .orderBy('x.n');

/** Who holds a position on a date (a vacant position has no staff). */
export type HolderRow = Stored<InferResult<ReturnType<typeof holdersQuery>>[number]>;

/** Who holds each position on a date, in the order given. */
export async function holdersOn(db: Db, positionIds: readonly string[], on: string): Promise<HolderRow[]> {
  return run(db, holdersQuery(positionIds, on));
}

// ---- meetings ------------------------------------------------------------------------------------------

const MEETING_COLUMN_LIST = [
  'm.id',
  'm.committee_id',
  'm.fiscal_year',
  'm.number',
  'm.mode',
  'm.start_time',
  'm.end_time',
  'm.place',
  'm.status',
  'm.cutoff_at',
  'm.created_by_id',
  'm.created_at',
  'm.minutes_sent_at',
  'm.version',
] as const;

const heldOnText = raw<string>`to_char(m.held_on, 'YYYY-MM-DD')`.as('held_on');

const meetingQuery = () => tables.selectFrom('meeting as m').select(MEETING_COLUMN_LIST).select(heldOnText);

/** A meeting as the repositories read it, its date as YYYY-MM-DD, typed from the entity. */
export type MeetingRow = Stored<InferResult<ReturnType<typeof meetingQuery>>[number]>;

export async function meetings(db: Db, filter: { committeeId?: string | null; limit: number }): Promise<MeetingRow[]> {
  return run(
    db,
    meetingQuery()
      .$if(Boolean(filter.committeeId), (q) => q.where('m.committee_id', '=', filter.committeeId!))
      .orderBy('m.held_on', 'desc')
      .orderBy('m.number', 'desc')
      .limit(filter.limit),
  );
}

export async function meetingById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<MeetingRow | undefined> {
  return first(
    db,
    meetingQuery()
      .where('m.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate()),
  );
}

/** The next number of a committee's fiscal year, gapless under concurrency (the counter row is locked by the upsert). */
export async function nextMeetingNumber(db: Db, municipalityId: string, committeeId: string, fiscalYear: number): Promise<number> {
  const r = await first(
    db,
    tables
      .insertInto('meeting_counter')
      .values({ municipality_id: municipalityId, committee_id: committeeId, fiscal_year: fiscalYear, last: 1 })
      .onConflict((oc) =>
        oc.columns(['committee_id', 'fiscal_year', 'municipality_id']).doUpdateSet((eb) => ({ last: eb(eb.ref('meeting_counter.last'), '+', 1) })),
      )
      .returning('last'),
  );
  return r!.last;
}

export async function insertMeeting(
  db: Db,
  m: {
    id: string;
    municipalityId: string;
    committeeId: string;
    fiscalYear: number;
    number: number;
    mode: MeetingRow['mode'];
    heldOn: string;
    startTime: string | null;
    endTime: string | null;
    place: string;
    createdBy: string;
    now: Date;
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('meeting').values({
      id: m.id,
      municipality_id: m.municipalityId,
      committee_id: m.committeeId,
      fiscal_year: m.fiscalYear,
      number: m.number,
      mode: m.mode,
      held_on: m.heldOn,
      start_time: m.startTime,
      end_time: m.endTime,
      place: m.place,
      status: 'draft',
      created_by_id: m.createdBy,
      created_at: m.now,
    }),
  );
}

export async function setMeetingStatus(db: Db, id: string, status: MeetingRow['status'], extra: { cutoffAt?: Date; minutesSentAt?: Date } = {}): Promise<void> {
  await run(
    db,
    tables
      .updateTable('meeting as m')
      .set((eb) => ({
        status,
        cutoff_at: eb.fn.coalesce(raw<Date | null>`${extra.cutoffAt ?? null}::timestamptz`, 'm.cutoff_at'),
        minutes_sent_at: eb.fn.coalesce(raw<Date | null>`${extra.minutesSentAt ?? null}::timestamptz`, 'm.minutes_sent_at'),
        version: eb(eb.ref('m.version'), '+', 1),
      }))
      .where('m.id', '=', id),
  );
}

/** The held_on of the committee's latest meeting before a date (the period its reports cover starts there). */
export async function previousMeetingDate(db: Db, committeeId: string, before: string): Promise<string | null> {
  const r = await first(
    db,
    tables
      .selectFrom('meeting as m')
      .select(raw<string | null>`to_char(max(m.held_on), 'YYYY-MM-DD')`.as('d'))
      .where('m.committee_id', '=', committeeId)
      .where('m.held_on', '<', raw<string>`${before}::date`)
      .where('m.status', '<>', 'cancelled'),
  );
  return r?.d ?? null;
}

// ---- agenda items ---------------------------------------------------------------------------------------

const ITEM_COLUMN_LIST = [
  'i.id',
  'i.meeting_id',
  'i.seq',
  'i.group_key',
  'i.source',
  'i.source_ref',
  'i.request_id',
  'i.request_step_id',
  'i.carried_from_item_id',
  'i.title',
  'i.presenter',
  'i.documents',
  'i.figures',
  'i.rule_ids',
  'i.removed_at',
  'i.removed_reason',
  'i.outcome',
  'i.conditions',
  'i.dissent',
  'i.decision_note',
  'i.decided_at',
  'i.decided_by_id',
] as const;

const itemQuery = () => tables.selectFrom('meeting_item as i').select(ITEM_COLUMN_LIST).$narrowType<{ documents: Paper[]; dissent: string[] }>();

/** An agenda item with its papers (資料) and its decision, typed from the entity. */
export type ItemRow = Stored<InferResult<ReturnType<typeof itemQuery>>[number]>;

export async function itemsOfMeetings(db: Db, meetingIds: readonly string[]): Promise<ItemRow[]> {
  return run(
    db,
    itemQuery()
      .where('i.meeting_id', '=', anyOf(meetingIds, 'uuid'))
      .orderBy('i.meeting_id')
      .orderBy('i.removed_at', (o) => o.asc().nullsFirst())
      .orderBy('i.seq'),
  );
}

export async function itemById(db: Db, id: string): Promise<ItemRow | undefined> {
  return first(db, itemQuery().where('i.id', '=', id));
}

export interface NewItem {
  id: string;
  seq: number;
  group: string;
  source: string;
  sourceRef: string;
  requestId: string | null;
  requestStepId: string | null;
  carriedFromItemId: string | null;
  title: string;
  presenter: string | null;
  documents: Paper[];
  figures: Record<string, unknown> | null;
  ruleIds: readonly RuleId[];
}

export async function insertItems(db: Db, municipalityId: string, meetingId: string, items: NewItem[]): Promise<void> {
  if (items.length === 0) return;
  await exec(
    db,
    `insert into meeting_item (id, municipality_id, meeting_id, seq, group_key, source, source_ref, request_id, request_step_id, carried_from_item_id, title, presenter, documents, figures, rule_ids)
    select x.id, $1, $2, x.seq, x.group_key, x.source, x.source_ref, x.request_id, x.request_step_id, x.carried_from_item_id, x.title, x.presenter, x.documents, x.figures, x.rule_ids
      from jsonb_to_recordset($3::jsonb) as x(id uuid, seq int, group_key text, source text, source_ref text, request_id uuid, request_step_id uuid, carried_from_item_id uuid,
        title text, presenter text, documents jsonb, figures jsonb, rule_ids text[])`,
    [
      municipalityId,
      meetingId,
      JSON.stringify(
        items.map((i) => ({
          id: i.id,
          seq: i.seq,
          group_key: i.group,
          source: i.source,
          source_ref: i.sourceRef,
          request_id: i.requestId,
          request_step_id: i.requestStepId,
          carried_from_item_id: i.carriedFromItemId,
          title: i.title,
          presenter: i.presenter,
          documents: i.documents,
          figures: i.figures,
          rule_ids: i.ruleIds,
        })),
      ),
    ],
  );
}

/** Sets the order (and 資料 numbers) of a meeting's live items in one statement. */
export async function reorderItems(db: Db, order: { id: string; seq: number; documents: Paper[] }[]): Promise<void> {
  await exec(
    db,
    `update meeting_item i set seq = x.seq, documents = x.documents from jsonb_to_recordset($1::jsonb) as x(id uuid, seq int, documents jsonb) where i.id = x.id`,
    [JSON.stringify(order)],
  );
}

export async function removeItem(db: Db, id: string, reason: string, at: Date): Promise<void> {
  await run(db, tables.updateTable('meeting_item').set({ removed_at: at, removed_reason: reason }).where('id', '=', id));
}

/** Records an item's decision once: false when it already has one. */
export async function decideItemIfOpen(
  db: Db,
  id: string,
  d: { outcome: NonNullable<ItemRow['outcome']>; conditions: string | null; dissent: string[]; note: string | null; by: string; at: Date },
): Promise<boolean> {
  const r = await run(
    db,
    tables
      .updateTable('meeting_item')
      .set({
        outcome: d.outcome,
        conditions: d.conditions,
        dissent: raw<unknown[]>`${JSON.stringify(d.dissent)}::jsonb`,
        decision_note: d.note,
        decided_by_id: d.by,
        decided_at: d.at,
      })
      .where('id', '=', id)
      .where('outcome', 'is', null)
      .where('removed_at', 'is', null)
      .returning('id'),
  );
  return r.length === 1;
}

const openStepsQuery = (committeeId: string, exceptMeetingId: string) =>
  tables
    .selectFrom('request_step as s')
    .innerJoin('request as r', (join) => join.onRef('r.id', '=', 's.request_id').onRef('r.round', '=', 's.round').on('r.status', '=', 'in_progress'))
    .leftJoin('system as sys', 'sys.id', 'r.system_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('position_tenure as t')
          .innerJoin('position as p', 'p.id', 't.position_id')
          .select('p.name')
          .whereRef('t.staff_id', '=', 'r.requester_id')
          .where(raw<boolean>`t.valid_from <= r.filed_at::date and (t.valid_to is null or t.valid_to > r.filed_at::date)`)
          .orderBy(raw`(p.kind = 'head')`, 'desc')
          .orderBy('p.sort_order')
          .limit(1)
          .as('pres'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      's.id as step_id',
      's.opened_at',
      's.rule_ids',
      'r.id as request_id',
      'r.number',
      'r.kind_key',
      raw<string>`to_char(r.filed_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`.as('filed_on'),
      'r.content',
      'sys.name as system_name',
      'pres.name as presenter',
      eb
        .selectFrom('meeting_item as i')
        .select(raw<string>`i.meeting_id::text`.as('meeting_id'))
        .whereRef('i.request_step_id', '=', 's.id')
        .where('i.outcome', '=', 'deferred')
        .orderBy('i.decided_at', 'desc')
        .limit(1)
        .as('deferred_from'),
      eb
        .exists(
          eb
            .selectFrom('meeting_item as i')
            .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
            .select(raw`1`.as('one'))
            .whereRef('i.request_step_id', '=', 's.id')
            .where('i.removed_at', 'is', null)
            .where('i.outcome', 'is', null)
            .where('m.id', '<>', exceptMeetingId)
            .where('m.status', 'in', ['draft', 'frozen', 'held']),
        )
        .as('scheduled_elsewhere'),
    ])
    // An open step has opened.
    .$narrowType<{ opened_at: Date; content: Record<string, unknown>; deferred_from: string | null; scheduled_elsewhere: boolean }>()
    .where('s.status', '=', 'open')
    .where('s.actor_committee_id', '=', committeeId);

/** A request awaiting the committee, as an agenda candidate is built from it. */
export type CandidateStepRow = Stored<InferResult<ReturnType<typeof openStepsQuery>>[number]>;

/**
 * Requests awaiting the committee: their committee step is open in the current round. With the
 * meeting each was last deferred at, and whether another meeting not yet held already has it.
 */
export async function openCommitteeSteps(db: Db, committeeId: string, exceptMeetingId: string): Promise<CandidateStepRow[]> {
  return run(db, openStepsQuery(committeeId, exceptMeetingId));
}

/** Free items deferred at an earlier meeting of the committee and not carried to a later one yet. */
export async function deferredFreeItems(db: Db, committeeId: string, exceptMeetingId: string): Promise<(ItemRow & { meeting_held_on: string })[]> {
  return run(
    db,
    itemQuery()
      .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
      .select(raw<string>`to_char(m.held_on, 'YYYY-MM-DD')`.as('meeting_held_on'))
      .where('m.committee_id', '=', committeeId)
      .where('m.id', '<>', exceptMeetingId)
      .where('i.outcome', '=', 'deferred')
      .where('i.request_step_id', 'is', null)
      .where('i.removed_at', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('meeting_item as later')
              .select(raw`1`.as('one'))
              .whereRef('later.carried_from_item_id', '=', 'i.id')
              .where('later.removed_at', 'is', null),
          ),
        ),
      ),
  );
}

/** Requests of a rulebook filed, decided and still in progress over a period (MNT-9-1-2 運用状況). */
/**
 * The instant a day (a YYYY-MM-DD parameter) begins in Japan, and the instant the day after it begins:
 * periods of days are Japan's days whatever the database server's time zone.
 */
const JST_DAY_START = (param: string) => `(${param}::date::timestamp at time zone 'Asia/Tokyo')`;
const JST_DAY_AFTER = (param: string) => `((${param}::date + 1)::timestamp at time zone 'Asia/Tokyo')`;

export async function requestFigures(db: Db, rulebookId: string, from: string, to: string): Promise<{ filed: number; decided: number; in_progress: number }> {
  return (await one(
    db,
    `select count(*) filter (where filed_at >= ${JST_DAY_START('$2')} and filed_at < ${JST_DAY_AFTER('$3')})::int as filed,
      count(*) filter (where decided_at >= ${JST_DAY_START('$2')} and decided_at < ${JST_DAY_AFTER('$3')})::int as decided,
      count(*) filter (where status = 'in_progress')::int as in_progress
    from request where rulebook_id = $1`,
    [rulebookId, from, to],
  ))!;
}

/**
 * Incidents of the rulebook's systems that occurred or were open in a period, for the standing
 * report on failures and the response to them (MNT-9-1-4, ARK-21-1-4, KWW-12-1).
 */
export async function incidentsInPeriod(
  db: Db,
  rulebookId: string,
  from: string,
  to: string,
): Promise<{ number: string; title: string; status: IncidentStatus; system_name: string; occurred_on: string }[]> {
  return rows(
    db,
    `select i.number, i.title, i.status, s.name as system_name, to_char(i.occurred_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as occurred_on
    from incident i join system s on s.id = i.system_id
    where s.rulebook_id = $1 and i.occurred_at < ${JST_DAY_AFTER('$3')} and (i.occurred_at >= ${JST_DAY_START('$2')} or i.status in ('reported', 'recovering') or i.resolved_at >= ${JST_DAY_START('$2')})
    order by i.occurred_at`,
    [rulebookId, from, to],
  );
}

/** Audits and self-inspections of the period and the findings still open (ARK-21-1-2, ARK-29). */
export async function auditFigures(
  db: Db,
  rulebookId: string,
  from: string,
  to: string,
): Promise<{ conducted: number; needs_improvement: number; open_findings: number; overdue_findings: number }> {
  return (await one(
    db,
    `select
      (select count(*)::int from inspection where rulebook_id = $1 and kind in ('audit', 'self_inspection') and conducted_on between $2::date and $3::date) as conducted,
      (select count(*)::int from inspection where rulebook_id = $1 and kind in ('audit', 'self_inspection') and conducted_on between $2::date and $3::date and result = 'needs_improvement') as needs_improvement,
      (select count(*)::int from finding where rulebook_id = $1 and status <> 'closed') as open_findings,
      (select count(*)::int from finding where rulebook_id = $1 and status = 'open' and due_on < $3::date) as overdue_findings`,
    [rulebookId, from, to],
  ))!;
}

/** The representative of each contractor maintaining a system under the rulebook (MNT-9-3-3). */
export async function contractorRepresentatives(db: Db, rulebookId: string): Promise<{ contractor_name: string; person_name: string }[]> {
  return run(
    db,
    tables
      .selectFrom('system as s')
      .innerJoin('contractor as c', 'c.id', 's.contractor_id')
      .innerJoin('contractor_person as cp', 'cp.contractor_id', 'c.id')
      .distinctOn('c.id')
      .select(['c.name as contractor_name', 'cp.name as person_name'])
      .where('s.rulebook_id', '=', rulebookId)
      .orderBy('c.id')
      .orderBy(raw`(cp.key like '%representative%')`, 'desc')
      .orderBy('cp.key'),
  );
}

const ATTENDEE_COLUMN_LIST = [
  'id',
  'meeting_id',
  'seq',
  'role',
  'position_id',
  'staff_id',
  'title',
  'name',
  'substitute_for_id',
  'approved_by_chair',
  'present',
] as const;

const attendeeQuery = () => tables.selectFrom('meeting_attendee').select(ATTENDEE_COLUMN_LIST);

/** Who attends a meeting, in which role, and whether present, typed from the entity. */
export type AttendeeRow = Stored<InferResult<ReturnType<typeof attendeeQuery>>[number]>;

export async function attendeesOfMeetings(db: Db, meetingIds: readonly string[]): Promise<AttendeeRow[]> {
  return run(db, attendeeQuery().where('meeting_id', '=', anyOf(meetingIds, 'uuid')).orderBy('meeting_id').orderBy('seq'));
}

export async function insertAttendees(db: Db, municipalityId: string, meetingId: string, list: Omit<AttendeeRow, 'meeting_id'>[]): Promise<void> {
  if (list.length === 0) return;
  await exec(
    db,
    `insert into meeting_attendee (id, municipality_id, meeting_id, seq, role, position_id, staff_id, title, name, substitute_for_id, approved_by_chair, present)
    select x.id, $1, $2, x.seq, x.role, x.position_id, x.staff_id, x.title, x.name, x.substitute_for_id, x.approved_by_chair, x.present
      from jsonb_to_recordset($3::jsonb) as x(id uuid, seq int, role text, position_id uuid, staff_id uuid, title text, name text, substitute_for_id uuid, approved_by_chair boolean, present boolean)`,
    [municipalityId, meetingId, JSON.stringify(list)],
  );
}

export async function setPresence(db: Db, meetingId: string, presentIds: readonly string[]): Promise<void> {
  await run(
    db,
    tables
      .updateTable('meeting_attendee')
      .set({ present: raw<boolean>`(id = ${anyOf(presentIds, 'uuid')})` })
      .where('meeting_id', '=', meetingId),
  );
}

const signoffQuery = () => tables.selectFrom('meeting_signoff').select(['item_id', 'position_id', 'staff_id', 'vote', 'comment', 'signed_at']);

/** A member's sign-off of a circulated item. */
export type SignoffRow = Stored<InferResult<ReturnType<typeof signoffQuery>>[number]>;

export async function signoffsOfItems(db: Db, itemIds: readonly string[]): Promise<SignoffRow[]> {
  return run(db, signoffQuery().where('item_id', '=', anyOf(itemIds, 'uuid')).orderBy('signed_at'));
}

/** One sign-off per member position and item: false when that position has already signed. */
export async function insertSignoff(
  db: Db,
  municipalityId: string,
  s: { itemId: string; positionId: string; staffId: string; vote: SignoffRow['vote']; comment: string | null; at: Date },
): Promise<boolean> {
  const r = await run(
    db,
    tables
      .insertInto('meeting_signoff')
      .values({
        item_id: s.itemId,
        position_id: s.positionId,
        municipality_id: municipalityId,
        staff_id: s.staffId,
        vote: s.vote,
        comment: s.comment,
        signed_at: s.at,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('item_id'),
  );
  return r.length === 1;
}
