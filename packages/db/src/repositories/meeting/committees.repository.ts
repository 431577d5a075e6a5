// Committees (SPEC §7): their members and secretariat, and who holds a position on a date.
import { sql as raw, type InferResult } from 'kysely';
import { first, run, tables, type Db, type Stored } from '../sql.ts';

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
