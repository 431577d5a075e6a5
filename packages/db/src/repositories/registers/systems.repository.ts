// The systems the registers are kept for, with their using sections, and the names of sections.
import { sql as raw, type InferResult } from 'kysely';
import { anyOf, run, tables, type Db, type Stored } from '../sql.ts';
import { unitLabel } from './names.ts';

const systems = () =>
  tables
    .selectFrom('system as s')
    .leftJoin('contractor as c', 'c.id', 's.contractor_id')
    .select((eb) => [
      's.id',
      's.name',
      's.rulebook_id',
      's.management_type',
      's.managing_org_unit_id',
      's.lifecycle_status',
      's.contractor_id',
      'c.name as contractor_name',
      raw<string[]>`array(${eb
        .selectFrom('system_using_org_unit as u')
        .select((u) => u.cast<string>('u.org_unit_id', 'text').as('org_unit_id'))
        .whereRef('u.system_id', '=', 's.id')
        .orderBy('u.sort_order')})`.as('using_org_unit_ids'),
    ]);

/** A system with its using sections, typed from the entities. */
export type SystemFactRow = Stored<InferResult<ReturnType<typeof systems>>[number]>;

/** Systems (of a rulebook, or by id) with their using sections: what the due lists are computed from. */
export async function systemFacts(db: Db, filter: { rulebookId?: string | null; ids?: readonly string[] | null }): Promise<SystemFactRow[]> {
  return run(
    db,
    systems()
      .$if(filter.rulebookId != null, (q) => q.where('s.rulebook_id', '=', filter.rulebookId!))
      .$if(filter.ids != null, (q) => q.where('s.id', '=', anyOf(filter.ids!, 'uuid')))
      .orderBy('s.name')
      .orderBy('s.id'),
  );
}

export async function orgUnitLabels(db: Db, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return run(
    db,
    tables
      .selectFrom('org_unit as u')
      .select((eb) => ['u.id', unitLabel(eb.ref('u.id')).as('label')])
      .where('u.id', '=', anyOf(ids, 'uuid')),
  );
}
