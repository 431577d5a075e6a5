import type { RulebookId } from '../model/types.ts';
import type { HeldRole } from '../roles/roles.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** A rulebook role that may perform an administrative duty, with its legal basis. */
export interface DutyRule {
  rulebookId: RulebookId;
  roleKey: string;
  ruleIds: RuleId[];
  /** ARK-4: only for systems managed by the role holder's own section. */
  managingUnitOnly?: boolean;
  /**
   * A deputy's own role, which never carries the duty by itself: its holder acts only through a
   * deputation in force (KTM-3-6: while the 統括管理者 is absent, as declared). Cited when refusing.
   */
  deputyOnly?: boolean;
}

/** Who creates, suspends, reinstates and ends the accounts of a system. */
export const accountAdministrators: readonly DutyRule[] = [
  { rulebookId: 'MNT', roleKey: 'welfare_section_chief', ruleIds: ['MNT-4-1-3', 'MNT-4-1-4', 'MNT-16'] },
  { rulebookId: 'KTM', roleKey: 'general_manager', ruleIds: ['KTM-10-3', 'KTM-10-4'] },
  { rulebookId: 'KTM', roleKey: 'deputy_general_manager', ruleIds: ['KTM-3-6'], deputyOnly: true },
  { rulebookId: 'KWW', roleKey: 'system_administrator', ruleIds: ['KWW-4-1'] },
  { rulebookId: 'KWW', roleKey: 'system_supervisor', ruleIds: ['KWW-3-2-1'] },
  { rulebookId: 'KWO', roleKey: 'system_manager', ruleIds: ['KWO-4'] },
  { rulebookId: 'ARK', roleKey: 'digital_section_chief', ruleIds: ['ARK-4-1'], managingUnitOnly: true },
  { rulebookId: 'ARK', roleKey: 'system_managing_chief', ruleIds: ['ARK-4-2'], managingUnitOnly: true },
];

/** Who monitors the audit log of personal-information lookups (MNT-19-3 and its equivalents). */
export const auditReaders: readonly DutyRule[] = [
  { rulebookId: 'MNT', roleKey: 'welfare_section_chief', ruleIds: ['MNT-4-1-7', 'MNT-19-3'] },
  { rulebookId: 'ARK', roleKey: 'information_controller', ruleIds: ['ARK-3-2'] },
  { rulebookId: 'ARK', roleKey: 'information_manager', ruleIds: ['ARK-3の2-1'] },
  { rulebookId: 'KWW', roleKey: 'system_supervisor', ruleIds: ['KWW-3-2-3'] },
  { rulebookId: 'KWW', roleKey: 'system_administrator', ruleIds: ['KWW-4-1'] },
  { rulebookId: 'KWO', roleKey: 'asset_manager', ruleIds: ['KWO-3-1'] },
  { rulebookId: 'KTM', roleKey: 'general_manager', ruleIds: ['KTM-3-3-3'] },
];

export interface DutyDecision {
  allowed: boolean;
  ruleIds: RuleId[];
  /** The role that allowed it; for a deputy, whom they acted for. */
  role: HeldRole | null;
  onBehalfOfStaffId: string | null;
  /** Refused because the viewer is the deputy and no absence of the principal is declared (KTM-3-6). */
  deputyNotActing?: boolean;
}

/**
 * Whether the viewer's roles carry a duty for a system governed by `rulebookId` (null: any of the
 * municipality's rulebooks), managed by `managingOrgUnitId`.
 */
export function decideDuty(
  table: readonly DutyRule[],
  roles: readonly HeldRole[],
  target: { rulebookId: string | null; managingOrgUnitId?: string | null },
  positionOrgUnit: (positionId: string) => string | undefined,
): DutyDecision {
  for (const rule of table) {
    if (target.rulebookId && rule.rulebookId !== target.rulebookId) continue;
    if (rule.deputyOnly) continue;
    for (const role of roles) {
      if (role.rulebookId !== rule.rulebookId || role.roleKey !== rule.roleKey) continue;
      if (rule.managingUnitOnly && target.managingOrgUnitId && positionOrgUnit(role.positionId) !== target.managingOrgUnitId) continue;
      return {
        allowed: true,
        ruleIds: [...new Set([...rule.ruleIds, ...role.ruleIds])],
        role,
        onBehalfOfStaffId: role.via === 'deputy' ? role.onBehalfOfStaffId : null,
      };
    }
  }
  const waitingDeputy = table.find(
    (r) =>
      r.deputyOnly && (!target.rulebookId || r.rulebookId === target.rulebookId) && roles.some((x) => x.rulebookId === r.rulebookId && x.roleKey === r.roleKey),
  );
  return {
    allowed: false,
    ruleIds: [...new Set(table.filter((r) => !target.rulebookId || r.rulebookId === target.rulebookId).flatMap((r) => r.ruleIds))],
    role: null,
    onBehalfOfStaffId: null,
    ...(waitingDeputy ? { deputyNotActing: true } : {}),
  };
}
