// Meetings of committees (SPEC §7): their numbering, creation and status.
import { sql as raw, type InferResult } from 'kysely';
import { first, run, tables, type Db, type Stored } from '../sql.ts';

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
