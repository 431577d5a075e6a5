import type { RuleId } from '@tsukasa/domain';
// Committees, meetings, agenda items, attendance and circulation sign-offs (SPEC §7).
import { exec, one, rows, type Db } from './sql.ts';

export interface CommitteeRow {
  id: string;
  key: string;
  rulebook_id: string;
  name: string;
  name_en: string;
  chair_position_id: string;
  secretariat_org_unit_id: string;
  secretariat_name: string;
  rule_ids: RuleId[];
  member_position_ids: string[];
}

const COMMITTEE_COLUMNS = `c.id, c.key, c.rulebook_id, c.name, c.name_en, c.chair_position_id, c.secretariat_org_unit_id, ou.name as secretariat_name, c.rule_ids,
  array(select m.position_id::text from committee_member m where m.committee_id = c.id order by m.sort_order) as member_position_ids`;

export async function committees(db: Db): Promise<CommitteeRow[]> {
  return rows(db, `select ${COMMITTEE_COLUMNS} from committee c join org_unit ou on ou.id = c.secretariat_org_unit_id order by c.rulebook_id, c.key`);
}

export async function committeeById(db: Db, id: string): Promise<CommitteeRow | undefined> {
  return one(db, `select ${COMMITTEE_COLUMNS} from committee c join org_unit ou on ou.id = c.secretariat_org_unit_id where c.id = $1`, [id]);
}

/** Positions in an org unit and every unit below it: the secretariat's staff (ARK-19-3). */
export async function positionsInUnitTree(db: Db, orgUnitId: string): Promise<string[]> {
  const r = await rows<{ id: string }>(db, `with recursive u as (select id from org_unit where id = $1 union all select o.id from org_unit o join u on o.parent_id = u.id)
    select p.id from position p where p.org_unit_id in (select id from u)`, [orgUnitId]);
  return r.map((x) => x.id);
}

export interface HolderRow { position_id: string; position_name: string; staff_id: string | null; staff_name: string | null }

/** Who holds each position on a date (a vacant position has no staff). */
export async function holdersOn(db: Db, positionIds: readonly string[], on: string): Promise<HolderRow[]> {
  return rows(db, `select p.id as position_id, p.name as position_name, h.staff_id, h.staff_name
      from unnest($1::uuid[]) with ordinality as x(id, n) join position p on p.id = x.id
      left join lateral (select t.staff_id, s.family_name || ' ' || s.given_name as staff_name from position_tenure t join staff s on s.id = t.staff_id
        where t.position_id = p.id and t.valid_from <= $2::date and (t.valid_to is null or t.valid_to > $2::date) order by t.valid_from desc limit 1) h on true
      order by x.n`, [positionIds, on]);
}

export interface MeetingRow {
  id: string;
  committee_id: string;
  fiscal_year: number;
  number: number;
  mode: 'meeting' | 'circulation';
  held_on: string;
  start_time: string | null;
  end_time: string | null;
  place: string;
  status: 'draft' | 'frozen' | 'held' | 'closed' | 'cancelled';
  cutoff_at: Date | string | null;
  created_by_id: string;
  created_at: Date | string;
  minutes_sent_at: Date | string | null;
  version: number;
}

const MEETING_COLUMNS = `m.id, m.committee_id, m.fiscal_year, m.number, m.mode, to_char(m.held_on, 'YYYY-MM-DD') as held_on, m.start_time, m.end_time, m.place, m.status,
  m.cutoff_at, m.created_by_id, m.created_at, m.minutes_sent_at, m.version`;

export async function meetings(db: Db, filter: { committeeId?: string | null; limit: number }): Promise<MeetingRow[]> {
  return rows(db, `select ${MEETING_COLUMNS} from meeting m where ($1::uuid is null or m.committee_id = $1) order by m.held_on desc, m.number desc limit $2`, [filter.committeeId ?? null, filter.limit]);
}

export async function meetingById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<MeetingRow | undefined> {
  return one(db, `select ${MEETING_COLUMNS} from meeting m where m.id = $1${opts.lock ? ' for update' : ''}`, [id]);
}

export async function nextMeetingNumber(db: Db, municipalityId: string, committeeId: string, fiscalYear: number): Promise<number> {
  const r = await one<{ last: number }>(db, `insert into meeting_counter as c (municipality_id, committee_id, fiscal_year, last) values ($1, $2, $3, 1)
    on conflict (committee_id, fiscal_year, municipality_id) do update set last = c.last + 1 returning last`, [municipalityId, committeeId, fiscalYear]);
  return r!.last;
}

export async function insertMeeting(db: Db, m: { id: string; municipalityId: string; committeeId: string; fiscalYear: number; number: number; mode: string; heldOn: string; startTime: string | null; endTime: string | null; place: string; createdBy: string; now: Date }): Promise<void> {
  await exec(db, `insert into meeting (id, municipality_id, committee_id, fiscal_year, number, mode, held_on, start_time, end_time, place, status, created_by_id, created_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12)`,
  [m.id, m.municipalityId, m.committeeId, m.fiscalYear, m.number, m.mode, m.heldOn, m.startTime, m.endTime, m.place, m.createdBy, m.now]);
}

export async function setMeetingStatus(db: Db, id: string, status: MeetingRow['status'], extra: { cutoffAt?: Date; minutesSentAt?: Date } = {}): Promise<void> {
  await exec(db, `update meeting set status = $2, cutoff_at = coalesce($3, cutoff_at), minutes_sent_at = coalesce($4, minutes_sent_at), version = version + 1 where id = $1`,
    [id, status, extra.cutoffAt ?? null, extra.minutesSentAt ?? null]);
}

/** The held_on of the committee's latest meeting before a date (the period its reports cover starts there). */
export async function previousMeetingDate(db: Db, committeeId: string, before: string): Promise<string | null> {
  const r = await one<{ d: string | null }>(db, `select to_char(max(held_on), 'YYYY-MM-DD') as d from meeting where committee_id = $1 and held_on < $2::date and status <> 'cancelled'`, [committeeId, before]);
  return r?.d ?? null;
}

export interface ItemRow {
  id: string;
  meeting_id: string;
  seq: number;
  group_key: 'deliberation' | 'carried_over' | 'report' | 'other';
  source: 'request' | 'standing' | 'carried_over' | 'free';
  source_ref: string;
  request_id: string | null;
  request_step_id: string | null;
  carried_from_item_id: string | null;
  title: string;
  presenter: string | null;
  documents: { label: string; title: string }[];
  figures: Record<string, unknown> | null;
  rule_ids: RuleId[];
  removed_at: Date | string | null;
  removed_reason: string | null;
  outcome: 'approved' | 'approved_with_conditions' | 'rejected' | 'deferred' | null;
  conditions: string | null;
  dissent: string[];
  decision_note: string | null;
  decided_at: Date | string | null;
  decided_by_id: string | null;
}

const ITEM_COLUMNS = `i.id, i.meeting_id, i.seq, i.group_key, i.source, i.source_ref, i.request_id, i.request_step_id, i.carried_from_item_id, i.title, i.presenter,
  i.documents, i.figures, i.rule_ids, i.removed_at, i.removed_reason, i.outcome, i.conditions, i.dissent, i.decision_note, i.decided_at, i.decided_by_id`;

export async function itemsOfMeetings(db: Db, meetingIds: readonly string[]): Promise<ItemRow[]> {
  return rows(db, `select ${ITEM_COLUMNS} from meeting_item i where i.meeting_id = any($1::uuid[]) order by i.meeting_id, i.removed_at nulls first, i.seq`, [meetingIds]);
}

export async function itemById(db: Db, id: string): Promise<ItemRow | undefined> {
  return one(db, `select ${ITEM_COLUMNS} from meeting_item i where i.id = $1`, [id]);
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
  documents: { label: string; title: string }[];
  figures: Record<string, unknown> | null;
  ruleIds: readonly RuleId[];
}

export async function insertItems(db: Db, municipalityId: string, meetingId: string, items: NewItem[]): Promise<void> {
  if (items.length === 0) return;
  await exec(db, `insert into meeting_item (id, municipality_id, meeting_id, seq, group_key, source, source_ref, request_id, request_step_id, carried_from_item_id, title, presenter, documents, figures, rule_ids)
    select x.id, $1, $2, x.seq, x.group_key, x.source, x.source_ref, x.request_id, x.request_step_id, x.carried_from_item_id, x.title, x.presenter, x.documents, x.figures, x.rule_ids
      from jsonb_to_recordset($3::jsonb) as x(id uuid, seq int, group_key text, source text, source_ref text, request_id uuid, request_step_id uuid, carried_from_item_id uuid,
        title text, presenter text, documents jsonb, figures jsonb, rule_ids text[])`,
  [municipalityId, meetingId, JSON.stringify(items.map((i) => ({
    id: i.id, seq: i.seq, group_key: i.group, source: i.source, source_ref: i.sourceRef, request_id: i.requestId, request_step_id: i.requestStepId, carried_from_item_id: i.carriedFromItemId,
    title: i.title, presenter: i.presenter, documents: i.documents, figures: i.figures, rule_ids: i.ruleIds,
  })))]);
}

/** Sets the order (and 資料 numbers) of a meeting's live items in one statement. */
export async function reorderItems(db: Db, order: { id: string; seq: number; documents: { label: string; title: string }[] }[]): Promise<void> {
  await exec(db, `update meeting_item i set seq = x.seq, documents = x.documents from jsonb_to_recordset($1::jsonb) as x(id uuid, seq int, documents jsonb) where i.id = x.id`, [JSON.stringify(order)]);
}

export async function removeItem(db: Db, id: string, reason: string, at: Date): Promise<void> {
  await exec(db, `update meeting_item set removed_at = $2, removed_reason = $3 where id = $1`, [id, at, reason]);
}

/** Records an item's decision once: false when it already has one. */
export async function decideItemIfOpen(db: Db, id: string, d: { outcome: string; conditions: string | null; dissent: string[]; note: string | null; by: string; at: Date }): Promise<boolean> {
  const r = await rows(db, `update meeting_item set outcome = $2, conditions = $3, dissent = $4, decision_note = $5, decided_by_id = $6, decided_at = $7
    where id = $1 and outcome is null and removed_at is null returning id`, [id, d.outcome, d.conditions, JSON.stringify(d.dissent), d.note, d.by, d.at]);
  return r.length === 1;
}

export interface CandidateStepRow {
  step_id: string;
  opened_at: Date | string;
  rule_ids: RuleId[];
  request_id: string;
  number: string;
  kind_key: string;
  filed_on: string;
  content: Record<string, unknown>;
  system_name: string | null;
  presenter: string | null;
  deferred_from: string | null;
  scheduled_elsewhere: boolean;
}

/**
 * Requests awaiting the committee: their committee step is open in the current round. With the
 * meeting each was last deferred at, and whether another meeting not yet held already has it.
 */
export async function openCommitteeSteps(db: Db, committeeId: string, exceptMeetingId: string): Promise<CandidateStepRow[]> {
  return rows(db, `select s.id as step_id, s.opened_at, s.rule_ids, r.id as request_id, r.number, r.kind_key, to_char(r.filed_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as filed_on,
      r.content, sys.name as system_name, pres.name as presenter,
      (select i.meeting_id::text from meeting_item i where i.request_step_id = s.id and i.outcome = 'deferred' order by i.decided_at desc limit 1) as deferred_from,
      exists (select 1 from meeting_item i join meeting m on m.id = i.meeting_id where i.request_step_id = s.id and i.removed_at is null and i.outcome is null
        and m.id <> $2 and m.status in ('draft', 'frozen', 'held')) as scheduled_elsewhere
    from request_step s join request r on r.id = s.request_id and r.round = s.round and r.status = 'in_progress'
    left join system sys on sys.id = r.system_id
    left join lateral (select p.name from position_tenure t join position p on p.id = t.position_id
      where t.staff_id = r.requester_id and t.valid_from <= r.filed_at::date and (t.valid_to is null or t.valid_to > r.filed_at::date) order by (p.kind = 'head') desc, p.sort_order limit 1) pres on true
    where s.status = 'open' and s.actor_committee_id = $1`, [committeeId, exceptMeetingId]);
}

/** Free items deferred at an earlier meeting of the committee and not carried to a later one yet. */
export async function deferredFreeItems(db: Db, committeeId: string, exceptMeetingId: string): Promise<(ItemRow & { meeting_held_on: string })[]> {
  return rows(db, `select ${ITEM_COLUMNS}, to_char(m.held_on, 'YYYY-MM-DD') as meeting_held_on from meeting_item i join meeting m on m.id = i.meeting_id
    where m.committee_id = $1 and m.id <> $2 and i.outcome = 'deferred' and i.request_step_id is null and i.removed_at is null
      and not exists (select 1 from meeting_item later where later.carried_from_item_id = i.id and later.removed_at is null)`, [committeeId, exceptMeetingId]);
}

/** Requests of a rulebook filed, decided and still in progress over a period (MNT-9-1-2 運用状況). */
/**
 * The instant a day (a YYYY-MM-DD parameter) begins in Japan, and the instant the day after it begins:
 * periods of days are Japan's days whatever the database server's time zone.
 */
const JST_DAY_START = (param: string) => `(${param}::date::timestamp at time zone 'Asia/Tokyo')`;
const JST_DAY_AFTER = (param: string) => `((${param}::date + 1)::timestamp at time zone 'Asia/Tokyo')`;

export async function requestFigures(db: Db, rulebookId: string, from: string, to: string): Promise<{ filed: number; decided: number; in_progress: number }> {
  return (await one(db, `select count(*) filter (where filed_at >= ${JST_DAY_START('$2')} and filed_at < ${JST_DAY_AFTER('$3')})::int as filed,
      count(*) filter (where decided_at >= ${JST_DAY_START('$2')} and decided_at < ${JST_DAY_AFTER('$3')})::int as decided,
      count(*) filter (where status = 'in_progress')::int as in_progress
    from request where rulebook_id = $1`, [rulebookId, from, to]))!;
}

/**
 * Incidents of the rulebook's systems that occurred or were open in a period, for the standing
 * report on failures and the response to them (MNT-9-1-4, ARK-21-1-4, KWW-12-1).
 */
export async function incidentsInPeriod(db: Db, rulebookId: string, from: string, to: string): Promise<{ number: string; title: string; status: string; system_name: string; occurred_on: string }[]> {
  return rows(db, `select i.number, i.title, i.status, s.name as system_name, to_char(i.occurred_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as occurred_on
    from incident i join system s on s.id = i.system_id
    where s.rulebook_id = $1 and i.occurred_at < ${JST_DAY_AFTER('$3')} and (i.occurred_at >= ${JST_DAY_START('$2')} or i.status in ('reported', 'recovering') or i.resolved_at >= ${JST_DAY_START('$2')})
    order by i.occurred_at`, [rulebookId, from, to]);
}

/** Audits and self-inspections of the period and the findings still open (ARK-21-1-2, ARK-29). */
export async function auditFigures(db: Db, rulebookId: string, from: string, to: string): Promise<{ conducted: number; needs_improvement: number; open_findings: number; overdue_findings: number }> {
  return (await one(db, `select
      (select count(*)::int from inspection where rulebook_id = $1 and kind in ('audit', 'self_inspection') and conducted_on between $2::date and $3::date) as conducted,
      (select count(*)::int from inspection where rulebook_id = $1 and kind in ('audit', 'self_inspection') and conducted_on between $2::date and $3::date and result = 'needs_improvement') as needs_improvement,
      (select count(*)::int from finding where rulebook_id = $1 and status <> 'closed') as open_findings,
      (select count(*)::int from finding where rulebook_id = $1 and status = 'open' and due_on < $3::date) as overdue_findings`, [rulebookId, from, to]))!;
}

/** The representative of each contractor maintaining a system under the rulebook (MNT-9-3-3). */
export async function contractorRepresentatives(db: Db, rulebookId: string): Promise<{ contractor_name: string; person_name: string }[]> {
  return rows(db, `select distinct on (c.id) c.name as contractor_name, cp.name as person_name from system s join contractor c on c.id = s.contractor_id
    join contractor_person cp on cp.contractor_id = c.id where s.rulebook_id = $1 order by c.id, (cp.key like '%representative%') desc, cp.key`, [rulebookId]);
}

export interface AttendeeRow {
  id: string;
  meeting_id: string;
  seq: number;
  role: 'chair' | 'member' | 'temporary_member' | 'substitute' | 'invited' | 'secretariat' | 'contractor';
  position_id: string | null;
  staff_id: string | null;
  title: string;
  name: string | null;
  substitute_for_id: string | null;
  approved_by_chair: boolean;
  present: boolean | null;
}

export async function attendeesOfMeetings(db: Db, meetingIds: readonly string[]): Promise<AttendeeRow[]> {
  return rows(db, `select id, meeting_id, seq, role, position_id, staff_id, title, name, substitute_for_id, approved_by_chair, present from meeting_attendee
    where meeting_id = any($1::uuid[]) order by meeting_id, seq`, [meetingIds]);
}

export async function insertAttendees(db: Db, municipalityId: string, meetingId: string, list: Omit<AttendeeRow, 'meeting_id'>[]): Promise<void> {
  if (list.length === 0) return;
  await exec(db, `insert into meeting_attendee (id, municipality_id, meeting_id, seq, role, position_id, staff_id, title, name, substitute_for_id, approved_by_chair, present)
    select x.id, $1, $2, x.seq, x.role, x.position_id, x.staff_id, x.title, x.name, x.substitute_for_id, x.approved_by_chair, x.present
      from jsonb_to_recordset($3::jsonb) as x(id uuid, seq int, role text, position_id uuid, staff_id uuid, title text, name text, substitute_for_id uuid, approved_by_chair boolean, present boolean)`,
  [municipalityId, meetingId, JSON.stringify(list)]);
}

export async function setPresence(db: Db, meetingId: string, presentIds: readonly string[]): Promise<void> {
  await exec(db, `update meeting_attendee set present = (id = any($2::uuid[])) where meeting_id = $1`, [meetingId, presentIds]);
}

export async function signoffsOfItems(db: Db, itemIds: readonly string[]): Promise<{ item_id: string; position_id: string; staff_id: string; vote: 'agree' | 'disagree'; comment: string | null; signed_at: Date | string }[]> {
  return rows(db, `select item_id, position_id, staff_id, vote, comment, signed_at from meeting_signoff where item_id = any($1::uuid[]) order by signed_at`, [itemIds]);
}

/** One sign-off per member position and item: false when that position has already signed. */
export async function insertSignoff(db: Db, municipalityId: string, s: { itemId: string; positionId: string; staffId: string; vote: string; comment: string | null; at: Date }): Promise<boolean> {
  const r = await rows(db, `insert into meeting_signoff (item_id, position_id, municipality_id, staff_id, vote, comment, signed_at) values ($1, $2, $3, $4, $5, $6, $7)
    on conflict do nothing returning item_id`, [s.itemId, s.positionId, municipalityId, s.staffId, s.vote, s.comment, s.at]);
  return r.length === 1;
}
