// May staff member X use system Y now? The integrators' question (SPEC §6): the answer lists every
// reason it is refused — the account, the system, the operating calendar — each with its legal basis.
import type { RulebookId } from '../model/types.ts';
import { isOpenAt } from '../calendar/index.ts';
import { isOnDuty } from '../roles/role-resolution.ts';
import { formatWarekiDateTime } from '../wareki.ts';
import type { AccessDecision, AccessDecisionInput, AccessReason } from './access-decision.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** Who grants the right to operate a system, by rulebook: the basis of every account. */
export const ACCOUNT_RULE_IDS: Record<RulebookId, RuleId[]> = {
  MNT: ['MNT-10-2'],
  KTM: ['KTM-10-3'],
  KWO: ['KWO-6'],
  KWW: ['KWW-8-3'],
  ARK: ['ARK-10'],
};

/** Removal of a user (MNT-11-2) or release of the operating right (KTM-10-1). */
const ENDED_RULE_IDS: Partial<Record<RulebookId, RuleId[]>> = { MNT: ['MNT-11-2'], KTM: ['KTM-10-1'] };
/** MNT-11-1: the end date declared when use was applied for. */
const EXPIRED_RULE_IDS: Partial<Record<RulebookId, RuleId[]>> = { MNT: ['MNT-11-1'] };
/** KTM-11: the right lasts as long as its holder does the duty. */
const DUTY_RULE_IDS: Partial<Record<RulebookId, RuleId[]>> = { KTM: ['KTM-11'] };
/**
 * A suspension cites the rules of its ground as recorded with it (KTM-10-4 on a privacy-law breach,
 * KTM-10-1 and KTM-10-3 for an ordinary revocation, MNT-16); one recorded without is cited by its
 * rulebook's rule of suspension, in Kitami an ordinary revocation.
 */
const SUSPENDED_RULE_IDS: Partial<Record<RulebookId, RuleId[]>> = { MNT: ['MNT-16'], KTM: ['KTM-10-1', 'KTM-10-3'] };

/** ARK-10-1: only those the chief of a using section approved may operate the system. */
const OPERATOR_APPROVAL_RULE_IDS: Partial<Record<RulebookId, RuleId[]>> = { ARK: ['ARK-10-1'] };

/** Lifecycle states in which a system is used: a system under change stays in use while it is modified. */
const USABLE_LIFECYCLES: readonly string[] = ['in_service', 'under_change'];

function ms(instant: string): number {
  return Date.parse(instant);
}

function basisOf(rulebookId: RulebookId | null): RuleId[] {
  return rulebookId ? [...ACCOUNT_RULE_IDS[rulebookId]] : [];
}

/** The rule of a rulebook for a reason, or the basis of the account when the rulebook has none. */
function ruleIdsOf(table: Partial<Record<RulebookId, RuleId[]>>, rulebookId: RulebookId | null): RuleId[] {
  if (!rulebookId) return [];
  return [...(table[rulebookId] ?? ACCOUNT_RULE_IDS[rulebookId])];
}

function uniq<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function accountReasons(input: AccessDecisionInput, at: number): AccessReason[] {
  const { account, system } = input;
  const book = system.rulebookId;
  const jaTime = (instant: string) => {
    try {
      return formatWarekiDateTime(instant, { timeZone: input.calendar.timeZone });
    } catch {
      return instant;
    }
  };
  if (account === null || account.systemId !== system.id) {
    return [
      {
        code: 'NO_ACCOUNT',
        message: { en: 'The staff member has no account on this system.', ja: 'このシステムの利用者として登録されていません。' },
        ruleIds: basisOf(book),
      },
    ];
  }
  const reasons: AccessReason[] = [];
  // The comparisons are negated so that an unreadable instant on the account counts against it.
  if (account.endedAt !== null && !(at < ms(account.endedAt))) {
    reasons.push({
      code: 'ENDED',
      message: { en: `The account was ended at ${account.endedAt}.`, ja: `利用者登録は${jaTime(account.endedAt)}に削除されています。` },
      ruleIds: ruleIdsOf(ENDED_RULE_IDS, book),
    });
  }
  if (!(ms(account.validFrom) <= at)) {
    reasons.push({
      code: 'NOT_YET_VALID',
      message: { en: `The account is valid only from ${account.validFrom}.`, ja: `利用者登録の有効期間は${jaTime(account.validFrom)}からです。` },
      ruleIds: basisOf(book),
    });
  }
  if (account.validTo !== null && !(at < ms(account.validTo))) {
    reasons.push({
      code: 'EXPIRED',
      message: {
        en: `The account expired at ${account.validTo}, the end date declared when use was applied for.`,
        ja: `申請時に届け出た使用期限（${jaTime(account.validTo)}）を過ぎています。`,
      },
      ruleIds: ruleIdsOf(EXPIRED_RULE_IDS, book),
    });
  }
  if (account.dutyPositionId !== null && !isOnDuty(account.staffId, account.dutyPositionId, input.at, input.tenures, input.calendar.timeZone)) {
    reasons.push({
      code: 'DUTY_ENDED',
      message: {
        en: `The account was given for the duty of position ${account.dutyPositionId}, which the staff member no longer holds.`,
        ja: `操作権限は職（${account.dutyPositionId}）の事務に従事する期間に限り有効ですが、現在その職に就いていません。`,
      },
      ruleIds: ruleIdsOf(DUTY_RULE_IDS, book),
    });
  }
  if (account.suspendedAt !== null && !(at < ms(account.suspendedAt))) {
    const why = account.suspensionReason ? `: ${account.suspensionReason}` : '';
    const whyJa = account.suspensionReason ? `（理由：${account.suspensionReason}）` : '';
    reasons.push({
      code: 'SUSPENDED',
      message: {
        en: `Use of the system has been suspended since ${account.suspendedAt}${why}.`,
        ja: `${jaTime(account.suspendedAt)}からシステムの使用が停止されています${whyJa}。`,
      },
      ruleIds: account.suspensionRuleIds?.length ? [...account.suspensionRuleIds] : ruleIdsOf(SUSPENDED_RULE_IDS, book),
    });
  }
  const approval = book ? OPERATOR_APPROVAL_RULE_IDS[book] : undefined;
  if (approval && !(account.operatorApprovedAt != null && ms(account.operatorApprovedAt) <= at)) {
    reasons.push({
      code: 'OPERATOR_NOT_APPROVED',
      message: {
        en: 'The chief of a section using the system has not approved the staff member as an operator.',
        ja: 'このシステムを利用する課の長による操作の承認を受けていません。',
      },
      ruleIds: [...approval],
    });
  }
  return reasons;
}

function systemReasons(input: AccessDecisionInput): AccessReason[] {
  const status = input.system.lifecycleStatus;
  if (USABLE_LIFECYCLES.includes(status)) return [];
  return [
    {
      code: 'SYSTEM_NOT_IN_SERVICE',
      message: { en: `The system is not in service (${status}).`, ja: `このシステムは稼働していません（${lifecycleJa[status] ?? status}）。` },
      ruleIds: [],
    },
  ];
}

const lifecycleJa: Record<string, string> = { proposed: '導入予定', retiring: '廃止予定', retired: '廃止' };

function calendarReasons(input: AccessDecisionInput): AccessReason[] {
  const state = isOpenAt(input.calendar, input.at);
  if (state.open) return [];
  return [{ code: state.code, message: state.reason, ruleIds: [...state.ruleIds] }];
}

/**
 * May the account's holder use the system at the instant? Refusals list every reason that applies,
 * in this order: the account (NO_ACCOUNT, ENDED, NOT_YET_VALID, EXPIRED, DUTY_ENDED, SUSPENDED,
 * OPERATOR_NOT_APPROVED on a system whose rulebook asks for an operator's approval), the
 * system (SYSTEM_NOT_IN_SERVICE), then the operating calendar (CLOSED_DAY, OUTSIDE_OPERATING_HOURS,
 * MAINTENANCE).
 */
export function decideSystemAccess(input: AccessDecisionInput): AccessDecision {
  const at = ms(input.at);
  if (Number.isNaN(at)) throw new RangeError(`Invalid instant: ${input.at}`);
  const reasons = [...accountReasons(input, at), ...systemReasons(input), ...calendarReasons(input)];
  const { account } = input;
  // KTM-12-1: the decision states the purpose of use it relied on, the one recorded on the account.
  const purpose = account !== null && account.systemId === input.system.id ? (account.purpose ?? null) : null;
  if (reasons.length > 0 || account === null) {
    return { allowed: false, authority: null, reasons, ruleIds: uniq(reasons.flatMap((r) => r.ruleIds)), purpose };
  }
  return { allowed: true, authority: account.authorityProfile, reasons: [], ruleIds: basisOf(input.system.rulebookId), purpose };
}
