// A step a rulebook gives to a committee is the committee's: it is decided only by recording the
// decision of a meeting of that committee that had it on its agenda and could decide (its quorum,
// ARK-19-1), or by circulation (持回り) where the committee's rules allow it (KWW-12-2) — never by
// one person, the chair included. The route marks such a step by its actor (`committee`); the
// rules that give the decision to the committee are the step's own (ARK-12-4 and ARK-16-1 運営委員会,
// KTM-13-1-2 and KTM-3-7 運用会議).
import { committeeRules } from '../committees/committee-rules.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import type { Bilingual, ComputedStep } from './request.types.ts';

/** The key of the committee whose step this is, or null when a person (or the contractor) acts on it. */
export function stepCommitteeKey(step: Pick<ComputedStep, 'actor'>): string | null {
  return step.actor.kind === 'committee' ? step.actor.committeeKey : null;
}

/** Whether a step is decided only by its committee's meeting (or circulation). */
export const decidedByCommittee = (step: Pick<ComputedStep, 'actor'>): boolean => stepCommitteeKey(step) !== null;

/** The refusal of a person's decision on a committee's step. */
export interface CommitteeDecidesRefusal {
  allowed: false;
  code: 'COMMITTEE_DECIDES';
  message: Bilingual;
  /** The rules that give the decision to the committee. */
  ruleIds: RuleId[];
  committeeKey: string;
}

const COMMITTEE: Bilingual = { ja: '委員会', en: 'committee' };

/**
 * A decision on a committee's step asked of one person (decideStep) is refused for everybody: the
 * committee decides at its meeting, or by circulation where its rules allow it. `committeeName`:
 * the committee as the municipality names it. Null for a step a person decides.
 */
export function committeeDecidesRefusal(step: Pick<ComputedStep, 'actor' | 'ruleIds'>, committeeName: Bilingual = COMMITTEE): CommitteeDecidesRefusal | null {
  const committeeKey = stepCommitteeKey(step);
  if (!committeeKey) return null;
  const circulation = committeeRules(committeeKey)?.circulation.allowed ?? false;
  return {
    allowed: false,
    code: 'COMMITTEE_DECIDES',
    message: {
      ja: `この手順は${committeeName.ja}が会議${circulation ? '（又は持回り）' : ''}で決定します。個人が判断することはできません。会議の議題として、その決定を記録してください。`,
      en: `This step is decided by the ${committeeName.en} at its meeting${circulation ? ' (or by circulation)' : ''}, not by one person: record the meeting's decision on its agenda item.`,
    },
    ruleIds: step.ruleIds,
    committeeKey,
  };
}
