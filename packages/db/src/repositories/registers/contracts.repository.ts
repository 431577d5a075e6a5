// Contract clauses (ARK-6-1): the checklist of clauses as checked for each system's contract.
import type { RuleId } from '@tsukasa/domain';
import type { InferResult } from 'kysely';
import { anyOf, run, tables, type Db, type Stored } from '../sql.ts';
import { staffName } from './names.ts';

const contractClauseChecks = () =>
  tables
    .selectFrom('contract_clause_check as c')
    .select((eb) => ['c.system_id', 'c.clause_rule_id', 'c.checked', 'c.note', staffName(eb.ref('c.recorded_by_id')).as('recorded_by_name'), 'c.recorded_at']);

/** A clause of the ARK-6-1 checklist as checked for a system's contract. */
export type ContractCheckRow = Stored<InferResult<ReturnType<typeof contractClauseChecks>>[number]>;

export async function contractChecks(db: Db, systemIds: readonly string[]): Promise<ContractCheckRow[]> {
  return run(db, contractClauseChecks().where('c.system_id', '=', anyOf(systemIds, 'uuid')));
}

export async function upsertContractCheck(
  db: Db,
  c: { municipalityId: string; systemId: string; clause: RuleId; checked: boolean; note: string | null; by: string; at: Date },
): Promise<void> {
  await run(
    db,
    tables
      .insertInto('contract_clause_check')
      .values({
        system_id: c.systemId,
        clause_rule_id: c.clause,
        municipality_id: c.municipalityId,
        checked: c.checked,
        note: c.note,
        recorded_by_id: c.by,
        recorded_at: c.at,
      })
      .onConflict((oc) =>
        oc.columns(['system_id', 'clause_rule_id', 'municipality_id']).doUpdateSet((eb) => ({
          checked: eb.ref('excluded.checked'),
          note: eb.ref('excluded.note'),
          recorded_by_id: eb.ref('excluded.recorded_by_id'),
          recorded_at: eb.ref('excluded.recorded_at'),
        })),
      ),
  );
}
