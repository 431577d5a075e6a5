// Designations (指定, KWO-6) and the org walks they and grants need: the heads above a section,
// whether someone currently belongs to a section.
import type { RuleId } from '@tsukasa/domain';
import { sql, type InferResult } from 'kysely';
import { first, nowOf, run, tables, type Db, type Stored } from './sql.ts';

/**
 * Who holds the head positions of an org unit and of the units above it on a day (YYYY-MM-DD, the
 * service's today from the request's clock — never the database server's date), nearest first.
 */
export async function headsAbove(db: Db, orgUnitId: string, on: string): Promise<{ staff_id: string; position_id: string; depth: number }[]> {
  const day = sql<string>`${on}::date`;
  return run(
    db,
    tables
      .withRecursive('up(id, parent_id, depth)', (qb) =>
        qb
          .selectFrom('org_unit')
          .select(['id', 'parent_id', sql.lit<number>(0).as('depth')])
          .where('id', '=', orgUnitId)
          .unionAll(
            qb
              .selectFrom('org_unit as o')
              .innerJoin('up', 'o.id', 'up.parent_id')
              .select((eb) => ['o.id', 'o.parent_id', eb(eb.ref('up.depth'), '+', sql.lit<number>(1)).as('depth')]),
          ),
      )
      .selectFrom('up')
      .innerJoin('position as p', (join) => join.onRef('p.org_unit_id', '=', 'up.id').on('p.kind', '=', sql.lit('head')))
      .innerJoin('position_tenure as t', (join) =>
        join
          .onRef('t.position_id', '=', 'p.id')
          .on('t.valid_from', '<=', day)
          .on((eb) => eb.or([eb('t.valid_to', 'is', null), eb('t.valid_to', '>', day)])),
      )
      .select(['t.staff_id', 'p.id as position_id', 'up.depth'])
      .orderBy('up.depth'),
  );
}

// ---- designations (KWO-6) -------------------------------------------------------------------

const DESIGNATION_COLUMNS = [
  'id',
  'asset_id',
  'staff_id',
  'designated_by_id',
  'org_unit_id',
  'outside_supervision',
  'permitted_by_id',
  'permitted_at',
  'valid_from',
  'valid_to',
  'revoked_at',
  'rule_ids',
] as const;

const designations = () => tables.selectFrom('designation').select(DESIGNATION_COLUMNS);

export type DesignationRow = Stored<InferResult<ReturnType<typeof designations>>[number]>;

export async function listDesignations(db: Db, assetId: string | null): Promise<DesignationRow[]> {
  return run(
    db,
    designations()
      .$if(assetId != null, (q) => q.where('asset_id', '=', assetId!))
      .orderBy('created_at')
      .orderBy('id'),
  );
}

export async function designationById(db: Db, id: string): Promise<DesignationRow | undefined> {
  return first(db, designations().where('id', '=', id));
}

export async function insertDesignation(
  db: Db,
  d: {
    municipalityId: string;
    assetId: string;
    staffId: string;
    designatedBy: string;
    orgUnitId: string;
    outsideSupervision: boolean;
    validFrom: Date;
    validTo: Date | null;
    ruleIds: readonly RuleId[];
  },
): Promise<DesignationRow> {
  const row = await first(
    db,
    tables
      .insertInto('designation')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: d.municipalityId,
        asset_id: d.assetId,
        staff_id: d.staffId,
        designated_by_id: d.designatedBy,
        org_unit_id: d.orgUnitId,
        outside_supervision: d.outsideSupervision,
        valid_from: d.validFrom,
        valid_to: d.validTo,
        rule_ids: [...d.ruleIds],
        created_at: nowOf(db),
      }))
      .returning(DESIGNATION_COLUMNS),
  );
  return row!;
}

export async function updateDesignation(
  db: Db,
  id: string,
  patch: { permitted_by_id?: string; permitted_at?: Date; revoked_at?: Date },
): Promise<DesignationRow | undefined> {
  return first(db, tables.updateTable('designation').set(patch).where('id', '=', id).returning(DESIGNATION_COLUMNS));
}

/**
 * Whether a staff member holds a position in an org unit or any unit below it on a day (YYYY-MM-DD,
 * the service's today; supervision, KWO-6).
 */
export async function isMemberOn(db: Db, staffId: string, orgUnitId: string, on: string): Promise<boolean> {
  const day = sql<string>`${on}::date`;
  const r = await first(
    db,
    tables.selectNoFrom((eb) =>
      eb
        .exists(
          eb
            .selectFrom('position_tenure as t')
            .innerJoin('position as p', 'p.id', 't.position_id')
            .select(sql.lit(1).as('one'))
            .where('t.staff_id', '=', staffId)
            .where('p.org_unit_id', 'in', orgUnitSubtree(orgUnitId))
            .where('t.valid_from', '<=', day)
            .where((w) => w.or([w('t.valid_to', 'is', null), w('t.valid_to', '>', day)])),
        )
        .$castTo<boolean>()
        .as('member'),
    ),
  );
  return r?.member ?? false;
}

/** An org unit and every unit below it. */
export function orgUnitSubtree(orgUnitId: string) {
  return tables
    .withRecursive('sub(id)', (db) =>
      db
        .selectNoFrom((eb) => eb.cast<string>(eb.val(orgUnitId), 'uuid').as('id'))
        .unionAll(db.selectFrom('org_unit as o').innerJoin('sub', 'o.parent_id', 'sub.id').select('o.id')),
    )
    .selectFrom('sub')
    .select('sub.id');
}
