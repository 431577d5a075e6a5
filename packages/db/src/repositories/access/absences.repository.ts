// Declared absences of a position's holder (KTM-3-6): the deputy acts for the holder on these days only.
import { expressionBuilder, sql, type InferResult } from 'kysely';
import type { Database } from '../../entities/kysely.types.ts';
import { anyOf, first, nowOf, run, tables, type Db, type Stored } from '../sql.ts';

const absenceColumns = expressionBuilder<Database & { x: Database['absence'] }, 'x'>();

const absences = () =>
  tables
    .selectFrom('absence as x')
    .select([
      'x.id',
      'x.position_id',
      'x.absent_staff_id',
      absenceColumns.fn<string>('to_char', ['x.valid_from', sql.lit('YYYY-MM-DD')]).as('valid_from'),
      absenceColumns.fn<string>('to_char', ['x.valid_to', sql.lit('YYYY-MM-DD')]).as('valid_to'),
      'x.reason',
      'x.declared_by_id',
      'x.on_behalf_of_id',
      'x.declared_at',
    ]);

export type AbsenceRow = Stored<InferResult<ReturnType<typeof absences>>[number]>;

/** The declared absences of these positions' holders, latest first. */
export async function absencesOfPositions(db: Db, positionIds: readonly string[]): Promise<AbsenceRow[]> {
  if (positionIds.length === 0) return [];
  return run(db, absences().where('x.position_id', '=', anyOf(positionIds, 'uuid')).orderBy('x.valid_from', 'desc').orderBy('x.declared_at', 'desc'));
}

export async function absenceById(db: Db, id: string): Promise<AbsenceRow | undefined> {
  return first(db, absences().where('x.id', '=', id));
}

export async function insertAbsence(
  db: Db,
  a: {
    municipalityId: string;
    positionId: string;
    absentStaffId: string | null;
    validFrom: string;
    validTo: string;
    reason: string;
    declaredById: string;
    onBehalfOfId: string | null;
  },
): Promise<string> {
  const row = await first(
    db,
    tables
      .insertInto('absence')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: a.municipalityId,
        position_id: a.positionId,
        absent_staff_id: a.absentStaffId,
        valid_from: a.validFrom,
        valid_to: a.validTo,
        reason: a.reason,
        declared_by_id: a.declaredById,
        on_behalf_of_id: a.onBehalfOfId,
        declared_at: nowOf(db),
      }))
      .returning('id'),
  );
  return row!.id;
}
