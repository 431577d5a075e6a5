// ARK-6-1: a contract outsourcing the work of a system states the contractor's duties on ten
// matters. The checklist is read from the rulebook itself, so its text is the regulation's.
import { findRule } from '../rulebooks/index.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { fieldError } from '../registry/field-error.ts';
import { REGISTER_DUTIES } from './registers.ts';
import { badEntry, registerDuty, type RegisterActor, type RegisterAudit, type RegisterRefusal } from './register-decision.ts';

export const CONTRACT_CLAUSE_RULE_ID = 'ARK-6-1';

const EN: Partial<Record<RuleId, string>> = {
  'ARK-6-1-1': 'Confidentiality of the data',
  'ARK-6-1-2': 'No use of the data beyond the purpose of the contract',
  'ARK-6-1-3': 'Handover, custody, disposal and return of the data',
  'ARK-6-1-4': 'Limits on copying the data',
  'ARK-6-1-5': 'Prohibition or limitation of subcontracting',
  'ARK-6-1-6': 'Duty to accept the ward’s on-site inspections and investigations of data handling',
  'ARK-6-1-7': 'Duty to report incidents',
  'ARK-6-1-8':
    'Prevention of taking out, interception, alteration and erasure of data and programs, and of damage to equipment and media, by unauthorised access, viruses and the like',
  'ARK-6-1-9': 'Ownership of what the outsourced processing produces',
  'ARK-6-1-10': 'Other matters needed to protect the data',
};

export interface ContractClause {
  ruleId: RuleId;
  /** (1) … (10) of ARK-6-1. */
  number: number;
  text: string;
  textEn: string;
}

export const CONTRACT_CLAUSES: readonly ContractClause[] = (findRule(CONTRACT_CLAUSE_RULE_ID)?.paragraph?.items ?? []).map((item, i) => ({
  ruleId: item.ruleId,
  number: i + 1,
  text: item.text,
  textEn: EN[item.ruleId] ?? item.ruleId,
}));

/** ARK-6-1 binds the contracts of ARK systems whose work is outsourced (a contractor is registered). */
export function contractClausesApply(system: { rulebookId: string | null; contractorId: string | null }): boolean {
  return system.rulebookId === 'ARK' && system.contractorId !== null;
}

/** The clauses a system's contract is not (yet) recorded as stating, in the order of ARK-6-1. */
export function missingContractClauses(checked: readonly { ruleId: RuleId; checked: boolean }[]): string[] {
  const yes = new Set(checked.filter((c) => c.checked).map((c) => c.ruleId));
  return CONTRACT_CLAUSES.filter((c) => !yes.has(c.ruleId)).map((c) => c.ruleId);
}

export interface ContractClauseEntry {
  system: { id: string; rulebookId: string | null; contractorId: string | null; managingOrgUnitId: string };
  /** The rule ID of the item (ARK-6-1-1 … ARK-6-1-10), as given. */
  clause: string;
  checked: boolean;
  note?: string | null;
}

export type ContractClauseDecision = { allowed: true; clause: ContractClause; note: string | null; audit: RegisterAudit } | RegisterRefusal;

/** ARK-6-1: the chief managing an outsourced ARK system records whether its contract states an item. */
export function decideContractClause(e: ContractClauseEntry, actor: RegisterActor | null): ContractClauseDecision {
  if (!contractClausesApply(e.system)) {
    return badEntry([
      fieldError(
        ['systemId'],
        'INVALID_VALUE',
        'ARK-6-1 binds the contracts of outsourced Arakawa systems: this system has no contractor under it.',
        'ARK-6-1は受託事業者に委託している荒川区の電子情報システムの契約に適用されます。このシステムは対象外です。',
        [CONTRACT_CLAUSE_RULE_ID],
      ),
    ]);
  }
  const clause = CONTRACT_CLAUSES.find((c) => c.ruleId === e.clause);
  if (!clause)
    return badEntry([
      fieldError(['clause'], 'INVALID_VALUE', 'Name an item of ARK-6-1 (ARK-6-1-1 … ARK-6-1-10).', 'ARK-6-1の号（ARK-6-1-1〜ARK-6-1-10）を指定してください。', [
        CONTRACT_CLAUSE_RULE_ID,
      ]),
    ]);
  const duty = registerDuty(actor, REGISTER_DUTIES.contract_clause, { managingOrgUnitId: e.system.managingOrgUnitId });
  if (!duty.allowed) return duty;
  const note = e.note?.trim() || null;
  if ((note ?? '').length > 1000) return badEntry([fieldError(['note'], 'TOO_LONG', 'At most 1000 characters.', '備考は1000文字以内で入力してください。')]);
  return {
    allowed: true,
    clause,
    note,
    audit: {
      action: 'contract_clause.set',
      after: { clause: clause.ruleId, checked: e.checked, note, via: duty.via },
      ruleIds: [clause.ruleId, ...duty.ruleIds],
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
    },
  };
}
