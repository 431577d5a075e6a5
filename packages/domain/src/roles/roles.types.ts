import type { RulebookId } from '../model/types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** A staff member holding a position from `from` (inclusive) to `to` (exclusive), ISO dates. */
export interface TenureFact {
  staffId: string;
  positionId: string;
  from: string;
  to?: string | null;
}

/** A rulebook role bound to a position (KWW-3-1: possibly split by scope). */
export interface RoleBindingFact {
  rulebookId: RulebookId;
  roleKey: string;
  positionId: string;
  scopeKey?: string | null;
  scopeLabel?: string | null;
  ruleIds: RuleId[];
}

/**
 * A deputy acting on behalf of a role holder: MNT-6-4 (システム総括担当者 for 保健福祉課長),
 * MNT-7-3 (システム使用課担当者 for システム使用課長), KTM-3-6 (副統括管理者 for 統括管理者 when absent),
 * KWW-4-1 (システム管理者 for システム総括者). The deputy acts for whoever holds `principalPositionId`.
 */
export interface DeputationFact {
  id: string;
  deputyStaffId: string;
  principalPositionId: string;
  rulebookId: RulebookId;
  /** The role(s) of the principal's position the deputy may exercise; empty = all of them. */
  roleKeys: string[];
  from: string;
  to?: string | null;
  ruleIds: RuleId[];
}

/** A role a staff member holds at an instant, and how. */
export interface HeldRole {
  rulebookId: RulebookId;
  roleKey: string;
  positionId: string;
  scopeKey: string | null;
  /** Label of the scope (KWW-3-1: 健康福祉局及び共通部分に関する業務), when the binding has one. */
  scopeLabel?: string | null;
  via: 'position' | 'deputy';
  /** For a deputy: the staff member who holds the principal position at that instant (may be null if vacant). */
  onBehalfOfStaffId: string | null;
  deputationId: string | null;
  ruleIds: RuleId[];
}
