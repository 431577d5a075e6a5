// A meeting's agenda (SPEC §7): its items and their papers, and the candidates for it — requests awaiting
// the committee and free items deferred at an earlier meeting.
import type { RuleId } from '@tsukasa/domain';
import { sql as raw, type InferResult } from 'kysely';
import { anyOf, exec, first, run, tables, type Db, type Stored } from '../sql.ts';

type Paper = { label: string; title: string };

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
