// 実施記録: the duties done outside the software (duty-records.ts of the domain), the municipality's
// setting of how often each comes round, and the last audit that makes a policy review due (ARK-30-1).
import type { DutyKey, RuleId } from '@tsukasa/domain';
import { sql as raw, type InferResult } from 'kysely';
import { anyOf, first, run, tables, type Db, type Stored } from '../sql.ts';
import { isoDay, staffName, unitLabel } from './names.ts';

const settingRows = () => tables.selectFrom('duty_setting as s').select((eb) => ['s.duty_key', 's.months', isoDay(eb.ref('s.since')).as('since')]);

export type DutySettingRow = Stored<InferResult<ReturnType<typeof settingRows>>[number]>;

export async function dutySettings(db: Db): Promise<DutySettingRow[]> {
  return run(db, settingRows().orderBy('s.duty_key'));
}

const recordRows = () =>
  tables
    .selectFrom('duty_record as r')
    .select((eb) => [
      'r.id',
      'r.duty_key',
      'r.org_unit_id',
      unitLabel(eb.ref('r.org_unit_id')).as('org_unit_name'),
      isoDay(eb.ref('r.done_on')).as('done_on'),
      'r.note',
      'r.evidence',
      isoDay(eb.ref('r.next_due_on')).as('next_due_on'),
      'r.recorded_by_id',
      staffName(eb.ref('r.recorded_by_id')).as('recorded_by_name'),
      'r.on_behalf_of_id',
      staffName(eb.ref('r.on_behalf_of_id')).as('on_behalf_of_name'),
      'r.recorded_at',
      'r.rule_ids',
    ]);

/** A record of a duty done, with the names it is shown with. */
export type DutyRecordRow = Stored<InferResult<ReturnType<typeof recordRows>>[number]>;

/** The records, newest first; of some duties, of one section. */
export async function dutyRecords(db: Db, filter: { dutyKeys?: readonly DutyKey[] | null; orgUnitId?: string | null } = {}): Promise<DutyRecordRow[]> {
  return run(
    db,
    recordRows()
      .$if(filter.dutyKeys != null, (q) => q.where('r.duty_key', '=', anyOf(filter.dutyKeys!, 'text')))
      .$if(filter.orgUnitId != null, (q) => q.where('r.org_unit_id', '=', filter.orgUnitId!))
      .orderBy('r.done_on', 'desc')
      .orderBy('r.recorded_at', 'desc'),
  );
}

export async function dutyRecordById(db: Db, id: string): Promise<DutyRecordRow | undefined> {
  return first(db, recordRows().where('r.id', '=', id));
}

/** The last day each duty was done, per section (org_unit_id null: the whole municipality). */
export async function lastDutyDone(db: Db): Promise<{ duty_key: DutyKey; org_unit_id: string | null; last_done_on: string }[]> {
  return run(
    db,
    tables
      .selectFrom('duty_record as r')
      .select((eb) => ['r.duty_key', 'r.org_unit_id', raw<string>`to_char(max(${eb.ref('r.done_on')}), 'YYYY-MM-DD')`.as('last_done_on')])
      .groupBy(['r.duty_key', 'r.org_unit_id']),
  );
}

/** The day of the last ARK-29 audit or self-inspection (null: none yet). */
export async function lastArkAuditOn(db: Db): Promise<string | null> {
  const row = await first(
    db,
    tables
      .selectFrom('inspection as i')
      .select((eb) => raw<string | null>`to_char(max(${eb.ref('i.conducted_on')}), 'YYYY-MM-DD')`.as('on'))
      .where('i.rulebook_id', '=', 'ARK')
      .where('i.kind', 'in', ['audit', 'self_inspection']),
  );
  return row?.on ?? null;
}

export async function insertDutyRecord(
  db: Db,
  r: {
    id: string;
    municipalityId: string;
    dutyKey: DutyKey;
    orgUnitId: string | null;
    doneOn: string;
    note: string;
    evidence: string | null;
    nextDueOn: string | null;
    by: string;
    onBehalfOf: string | null;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('duty_record').values({
      id: r.id,
      municipality_id: r.municipalityId,
      duty_key: r.dutyKey,
      org_unit_id: r.orgUnitId,
      done_on: r.doneOn,
      note: r.note,
      evidence: r.evidence,
      next_due_on: r.nextDueOn,
      recorded_by_id: r.by,
      on_behalf_of_id: r.onBehalfOf,
      recorded_at: r.at,
      rule_ids: [...r.ruleIds],
    }),
  );
}
