// Route invariants as pure decisions, used by the gateway when a step is decided:
// who may decide a step, which steps are open, and the request's outcome.
import type { ActorRule, Bilingual, ComputedStep, StepKind } from './request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { committeeDecidesRefusal } from './committee-steps.ts';

export type DecisionOutcome = 'approved' | 'rejected' | 'returned';

/** A decision taken on a step of the current round (after a return, a new round starts empty). */
export interface StepDecision {
  stepId: string;
  outcome: DecisionOutcome;
}

/** Steps are identified by key, and by subject for per-owner / per-section copies. */
export function stepIdOf(step: Pick<ComputedStep, 'key' | 'subjectId'>): string {
  return step.subjectId ? `${step.key}:${step.subjectId}` : step.key;
}

/** The outcomes a step admits: work and checks are done or returned for correction, never "rejected". */
export function allowedOutcomes(kind: StepKind): DecisionOutcome[] {
  switch (kind) {
    case 'approve':
    case 'consent':
      return ['approved', 'rejected', 'returned'];
    case 'perform':
    case 'confirm':
      return ['approved', 'returned'];
    case 'inform':
      return [];
  }
}

/**
 * Whether an actor rule names the requester's own side: the requester, the chief of their section, or
 * the owner of their own assets. A step's flags are not stored with it, its actor rule is: every kind
 * puts `requesterMayDecide` on exactly the deciding steps whose actor is the requester's side
 * (KWW-6-1-1, KWW-7-1-1, MNT-14-4), so a stored step recovers the flag from its actor.
 */
export function actorIsRequesterSide(actor: ActorRule): boolean {
  return actor.kind === 'requester' || actor.kind === 'requester_section_chief' || (actor.kind === 'asset_owners' && actor.which === 'requester_own');
}

export type MayDecideReason = 'ALLOWED' | 'COMMITTEE_DECIDES' | 'INFORM_TAKES_NO_DECISION' | 'REQUESTER_MAY_NOT_DECIDE' | 'AUTHOR_MAY_NOT_CONFIRM';

export interface MayDecide {
  allowed: boolean;
  reason: MayDecideReason;
  message: Bilingual;
  ruleIds: RuleId[];
}

/** KWO-8-1-2 ア: an update is checked by someone other than whoever made it (四つの目). */
const FOUR_EYES: RuleId[] = ['KWO-8-1-2'];

/**
 * Whether a staff member may take a decision on a step (acting in person or as a deputy: pass the
 * person who clicks). The caller has already resolved that they hold the step's actor rule.
 * - a committee's step is never decided by one person: its meeting decides (committee-steps.ts);
 * - an approve / consent / confirm step is never decided by the requester, unless the rulebook puts
 *   the decision on the requester's side (`requesterMayDecide`: KWW-6-1-1, KWW-7-1-1, MNT-14-4);
 * - a confirm step is never taken by the author of the work it confirms (KWO-8-1-2).
 */
export function mayDecide(input: { step: ComputedStep; deciderStaffId: string; requesterStaffId: string; authorOfUpdateStaffId?: string | null }): MayDecide {
  const { step, deciderStaffId, requesterStaffId, authorOfUpdateStaffId } = input;
  const byCommittee = committeeDecidesRefusal(step);
  if (byCommittee) return { allowed: false, reason: 'COMMITTEE_DECIDES', message: byCommittee.message, ruleIds: byCommittee.ruleIds };
  if (step.kind === 'inform') {
    return {
      allowed: false,
      reason: 'INFORM_TAKES_NO_DECISION',
      message: { ja: '報告・通知の手順には判断がありません。', en: 'An inform step completes without a decision.' },
      ruleIds: step.ruleIds,
    };
  }
  if (step.kind === 'confirm' && authorOfUpdateStaffId && authorOfUpdateStaffId === deciderStaffId) {
    return {
      allowed: false,
      reason: 'AUTHOR_MAY_NOT_CONFIRM',
      message: { ja: '作業を行った本人は、その確認を行うことができません。', en: 'The author of the work may not confirm it.' },
      ruleIds: FOUR_EYES,
    };
  }
  const decides = step.kind === 'approve' || step.kind === 'consent' || step.kind === 'confirm';
  if (decides && deciderStaffId === requesterStaffId && !step.requesterMayDecide) {
    return {
      allowed: false,
      reason: 'REQUESTER_MAY_NOT_DECIDE',
      message: {
        ja: '申請者本人は、この申請を承認・同意・確認することができません。',
        en: 'The requester may not approve, consent to or confirm their own request.',
      },
      ruleIds: step.ruleIds,
    };
  }
  return { allowed: true, reason: 'ALLOWED', message: { ja: '判断できます。', en: 'May decide.' }, ruleIds: step.ruleIds };
}

export interface StageState {
  /** The stage waiting for decisions; null when the route is complete or halted. */
  stage: number | null;
  /** Undecided steps of that stage. */
  open: ComputedStep[];
  /** Inform steps of every stage opened so far: they complete on opening. */
  informed: ComputedStep[];
  /** A step was rejected or returned: nothing opens until the requester resubmits. */
  halted: boolean;
  /** Every stage is complete. */
  complete: boolean;
}

function firstDecisionById(decisions: StepDecision[]): Map<string, DecisionOutcome> {
  const m = new Map<string, DecisionOutcome>();
  for (const d of decisions) if (!m.has(d.stepId)) m.set(d.stepId, d.outcome); // decisions are final: the first counts
  return m;
}

/** Which steps are open: a stage opens when every step of the previous stage is done positively. */
export function nextStages(steps: ComputedStep[], decisions: StepDecision[]): StageState {
  const decided = firstDecisionById(decisions);
  const stages = [...new Set(steps.map((s) => s.stage))].sort((a, b) => a - b);
  const informed: ComputedStep[] = [];
  for (const stage of stages) {
    const inStage = steps.filter((s) => s.stage === stage);
    informed.push(...inStage.filter((s) => s.kind === 'inform'));
    const deciding = inStage.filter((s) => s.kind !== 'inform');
    const outcomes = deciding.map((s) => decided.get(stepIdOf(s)));
    if (outcomes.some((o) => o === 'rejected' || o === 'returned')) return { stage: null, open: [], informed, halted: true, complete: false };
    const open = deciding.filter((_, i) => outcomes[i] === undefined);
    if (open.length > 0) return { stage, open, informed, halted: false, complete: false };
  }
  return { stage: null, open: [], informed, halted: false, complete: true };
}

export type RequestOutcome = 'pending' | 'approved' | 'rejected' | 'returned';

export interface FinalOutcome {
  outcome: RequestOutcome;
  /** The step whose decision ended the round (rejected / returned). */
  stepId?: string;
  ruleIds: RuleId[];
}

/**
 * The request's outcome from its steps and the decisions of the current round, in the order taken:
 * rejected as soon as an approve/consent step rejects; returned when a step returns it for correction
 * (the requester may resubmit and the route restarts from stage 1 with no decisions); approved when
 * every approve/consent/confirm/perform step is done positively; otherwise pending.
 */
export function finalOutcome(steps: ComputedStep[], decisions: StepDecision[]): FinalOutcome {
  const byId = new Map(steps.map((s) => [stepIdOf(s), s]));
  const seen = new Set<string>();
  for (const d of decisions) {
    const step = byId.get(d.stepId);
    if (!step || step.kind === 'inform' || seen.has(d.stepId)) continue; // decisions are final: the first counts
    seen.add(d.stepId);
    if (d.outcome === 'rejected' && (step.kind === 'approve' || step.kind === 'consent'))
      return { outcome: 'rejected', stepId: d.stepId, ruleIds: step.ruleIds };
    // Work and checks are not "rejected": a defect sends the request back for correction (MNT-14-6).
    if (d.outcome === 'returned' || d.outcome === 'rejected') return { outcome: 'returned', stepId: d.stepId, ruleIds: step.ruleIds };
  }
  const state = nextStages(steps, decisions);
  return state.complete ? { outcome: 'approved', ruleIds: [] } : { outcome: 'pending', ruleIds: [] };
}
