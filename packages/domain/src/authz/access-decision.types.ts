import type { Bilingual } from '../bilingual.ts';
import type { RulebookId } from '../model/types.ts';
import type { TenureFact } from '../roles/roles.types.ts';
import type { OperatingCalendar } from '../calendar/calendar.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** A staff member's right to use a system with an authority profile (操作権限). */
export interface AccountFact {
  id: string;
  staffId: string;
  systemId: string;
  authorityProfile: string;
  validFrom: string; // ISO instant
  /** MNT-11: the end date declared when it was granted (exclusive); null = none declared. */
  validTo: string | null;
  /** KTM-11: valid only while the holder holds this position (the duty); null = not tied to a duty. */
  dutyPositionId: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  /** The rules the suspension was made under, by its ground (suspensionRuleIds); null or absent: the rulebook's default. */
  suspensionRuleIds?: readonly RuleId[] | null;
  endedAt: string | null;
  /** KTM-12-1: what the account is used for; null = none recorded. */
  purpose?: string | null;
  /** ARK-10-1: when the chief of a using section approved its holder as an operator; null = not approved. */
  operatorApprovedAt?: string | null;
}

export type AccessDenialCode =
  | 'NO_ACCOUNT'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'ENDED'
  | 'DUTY_ENDED'
  | 'SUSPENDED'
  | 'OPERATOR_NOT_APPROVED'
  | 'SYSTEM_NOT_IN_SERVICE'
  | 'CLOSED_DAY'
  | 'OUTSIDE_OPERATING_HOURS'
  | 'MAINTENANCE';

export interface AccessReason {
  code: AccessDenialCode;
  message: Bilingual;
  ruleIds: RuleId[];
}

export interface AccessDecisionInput {
  /** The staff member's account on the system, if any (the most recent one). */
  account: AccountFact | null;
  tenures: TenureFact[];
  system: { id: string; lifecycleStatus: string; rulebookId: RulebookId | null };
  calendar: OperatingCalendar;
  at: string; // ISO instant
}

export interface AccessDecision {
  allowed: boolean;
  /** The authority profile granted when allowed. */
  authority: string | null;
  /** Every reason it is refused (all of them, not only the first), each with its legal basis. */
  reasons: AccessReason[];
  /** Union of the rule IDs behind the decision (allowed: the basis of the account). */
  ruleIds: RuleId[];
  /** KTM-12-1: the purpose of use recorded on the account the decision relied on (null: none, or no account). */
  purpose: string | null;
}
