// Who records what in the registers (SPEC §6): each entry is a duty the rulebook gives a
// role, for the sections that role answers for. Registry administrators keep the registers too
// (they transcribe what was done on paper); everyone else is refused, citing the rule.
import { findRole } from '../rulebooks/index.ts';
import type { RulebookId } from '../model/types.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { HeldRole } from '../roles/roles.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/**
 * A role that carries a register duty, and for which sections:
 * - any: wherever the rulebook applies (the 保健福祉課長 keeps all of the system's documents);
 * - managing_unit: systems managed by the role holder's own section (ARK-4, ARK-5-1, ARK-6-1);
 * - own_unit: the role holder's own section or using place (ARK-8-1, ARK-11-1, KWO-5-2, KWO-5-3).
 */
export interface RegisterDutyRule {
  rulebookId: RulebookId;
  roleKey: string;
  where: 'any' | 'managing_unit' | 'own_unit';
  ruleIds: RuleId[];
}

export type RegisterDuty = 'processing_plan' | 'processing_plan_return' | 'contract_clause' | 'audit' | 'self_inspection' | 'check_sheet' | 'form_ledger';

const ark = (roleKey: string, where: RegisterDutyRule['where'], ruleIds: RuleId[]): RegisterDutyRule => ({ rulebookId: 'ARK', roleKey, where, ruleIds });
const kwo = (roleKey: string, where: RegisterDutyRule['where'], ruleIds: RuleId[]): RegisterDutyRule => ({ rulebookId: 'KWO', roleKey, where, ruleIds });

export const REGISTER_DUTIES: Record<RegisterDuty, readonly RegisterDutyRule[]> = {
  // ARK-8-1, ARK-8-3, ARK-8-5: the chief of the using section reports, sends and checks for their section.
  processing_plan: [ark('using_section_chief', 'own_unit', ['ARK-8-1'])],
  // ARK-8-4: デジタル推進課長 returns the input data.
  processing_plan_return: [ark('digital_section_chief', 'any', ['ARK-8-4'])],
  // ARK-6-1: the chief managing the system concludes its outsourcing contract.
  contract_clause: [ark('digital_section_chief', 'managing_unit', ['ARK-6-1']), ark('system_managing_chief', 'managing_unit', ['ARK-6-1'])],
  // ARK-29-1: audits are the セキュリティ委員会's; its chair and its 庶務 (ARK-24-3) record them.
  audit: [ark('security_committee_chair', 'any', ['ARK-29-1']), ark('committee_secretariat', 'any', ['ARK-29-1', 'ARK-24-3'])],
  // ARK-29-2: デジタル推進課長, each システム管理課長 and each using section chief inspect their own section.
  self_inspection: [
    ark('digital_section_chief', 'own_unit', ['ARK-29-2']),
    ark('system_managing_chief', 'own_unit', ['ARK-29-2']),
    ark('using_section_chief', 'own_unit', ['ARK-29-2']),
  ],
  // KWO-5-3, KWO-5-2: the システム利用責任者 of the using place.
  check_sheet: [kwo('system_usage_manager', 'own_unit', ['KWO-5-3'])],
  form_ledger: [kwo('system_usage_manager', 'own_unit', ['KWO-5-2'])],
};

export type RegisterDecision =
  | { allowed: true; via: 'role'; role: HeldRole; ruleIds: RuleId[]; onBehalfOfStaffId: string | null }
  | { allowed: true; via: 'registry_admin'; role: null; ruleIds: RuleId[]; onBehalfOfStaffId: null }
  | { allowed: false; ruleIds: RuleId[]; message: Bilingual };

export interface RegisterTarget {
  /** The section that manages the system concerned (managing_unit duties). */
  managingOrgUnitId?: string | null;
  /** The section or using place the record is about (own_unit duties). */
  orgUnitId?: string | null;
}

/**
 * Whether the viewer may make a register entry: by a role the viewer holds now (as its holder or
 * its deputy), for the section concerned; else as a registry administrator; else refused, citing the
 * rules and naming who may.
 */
export function decideRegisterDuty(
  rules: readonly RegisterDutyRule[],
  roles: readonly HeldRole[],
  target: RegisterTarget,
  positionOrgUnit: (positionId: string) => string | undefined,
  registryAdmin: boolean,
): RegisterDecision {
  for (const rule of rules) {
    for (const role of roles) {
      if (role.rulebookId !== rule.rulebookId || role.roleKey !== rule.roleKey) continue;
      const unit = positionOrgUnit(role.positionId);
      if (rule.where === 'managing_unit' && (!unit || unit !== target.managingOrgUnitId)) continue;
      if (rule.where === 'own_unit' && (!unit || unit !== target.orgUnitId)) continue;
      // A deputy acts on the duty and on what makes them the deputy (MNT-6-4, KWW-4-1 …).
      if (role.via === 'deputy')
        return { allowed: true, via: 'role', role, ruleIds: [...new Set([...rule.ruleIds, ...role.ruleIds])], onBehalfOfStaffId: role.onBehalfOfStaffId };
      return { allowed: true, via: 'role', role, ruleIds: rule.ruleIds, onBehalfOfStaffId: null };
    }
  }
  const ruleIds = [...new Set(rules.flatMap((r) => r.ruleIds))];
  if (registryAdmin) return { allowed: true, via: 'registry_admin', role: null, ruleIds, onBehalfOfStaffId: null };
  return { allowed: false, ruleIds, message: dutyHolders(rules) };
}

const WHERE: Record<RegisterDutyRule['where'], Bilingual> = {
  any: { ja: '', en: '' },
  managing_unit: { ja: '（自らが管理するシステムについて）', en: ' (for the systems their section manages)' },
  own_unit: { ja: '（自らの課・利用場所について）', en: ' (for their own section or using place)' },
};

/** "Only …, and registry administrators, may record this." in both languages, from the rulebook's role names. */
export function dutyHolders(rules: readonly RegisterDutyRule[]): Bilingual {
  const names = rules.map((r) => {
    const role = findRole(r.rulebookId, r.roleKey);
    return { ja: `${role?.name ?? r.roleKey}${WHERE[r.where].ja}`, en: `the ${role?.nameEn ?? r.roleKey}${WHERE[r.where].en}` };
  });
  const ids = [...new Set(rules.flatMap((r) => r.ruleIds))].join(', ');
  return {
    ja: `この記録を行えるのは、${names.map((n) => n.ja).join('、')}及び台帳管理者です（${ids.replaceAll(', ', '、')}）。`,
    en: `Only ${names.map((n) => n.en).join(', ')} and registry administrators may record this (${ids}).`,
  };
}
