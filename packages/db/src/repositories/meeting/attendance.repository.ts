// Who attends a meeting (SPEC §7), in which role, and whether present.
import { sql as raw, type InferResult } from 'kysely';
import { anyOf, exec, run, tables, type Db, type Stored } from '../sql.ts';

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
