// The ARK-6-1 contract clauses of outsourced systems: whether each is stated is recorded by the
// managing chief (decideContractClause).
import { registersRepo, type Db } from '@tsukasa/db';
import { contractClausesApply, decideContractClause, missingContractClauses } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { actorOf, allowedOrThrow, audit, systemOrThrow } from './register-support.ts';

export interface ChecklistOut {
  system: registersRepo.SystemFactRow;
  applies: boolean;
  checks: registersRepo.ContractCheckRow[];
  missing: string[];
}

function checklistOf(system: registersRepo.SystemFactRow, checks: registersRepo.ContractCheckRow[]): ChecklistOut {
  const applies = contractClausesApply({ rulebookId: system.rulebook_id, contractorId: system.contractor_id });
  const mine = checks.filter((c) => c.system_id === system.id);
  return { system, applies, checks: mine, missing: applies ? missingContractClauses(mine.map((c) => ({ ruleId: c.clause_rule_id, checked: c.checked }))) : [] };
}

export async function contractClauses(ctx: Context, systemId: string): Promise<ChecklistOut> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, systemId, ['systemId']);
  return checklistOf(system, await registersRepo.contractChecks(db, [system.id]));
}

/** ARK-6-1: the managing chief records whether the contract states an item. */
export async function setContractClause(
  ctx: Context,
  input: { systemId: string; clause: string; checked: boolean; note?: string | null },
): Promise<ChecklistOut> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['systemId']);
  const d = allowedOrThrow(
    decideContractClause(
      {
        system: { id: system.id, rulebookId: system.rulebook_id, contractorId: system.contractor_id, managingOrgUnitId: system.managing_org_unit_id },
        clause: input.clause,
        checked: input.checked,
        note: input.note,
      },
      await actorOf(ctx, db),
    ),
  );
  await registersRepo.upsertContractCheck(db, {
    municipalityId: ctx.viewer!.municipalityId,
    systemId: system.id,
    clause: d.clause.ruleId,
    checked: input.checked,
    note: d.note,
    by: ctx.viewer!.staffId,
    at: ctx.now(),
  });
  await audit(ctx, db, 'system', system.id, d.audit);
  return checklistOf(system, await registersRepo.contractChecks(db, [system.id]));
}

/** Outsourced ARK systems in use whose contract is not recorded as stating every item. */
export async function systemsMissingClauses(db: Db): Promise<ChecklistOut[]> {
  const systems = (await registersRepo.systemFacts(db, { rulebookId: 'ARK' })).filter((s) => s.contractor_id && s.lifecycle_status !== 'retired');
  if (systems.length === 0) return [];
  const checks = await registersRepo.contractChecks(
    db,
    systems.map((s) => s.id),
  );
  return systems.map((s) => checklistOf(s, checks)).filter((c) => c.applies && c.missing.length > 0);
}
