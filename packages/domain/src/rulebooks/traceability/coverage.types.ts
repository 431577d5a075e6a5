// How the product stands to each rule of the rulebooks: the traceability matrix, as data. Read by
// `npm run rules:coverage`, which adds where each rule is cited in code and in tests.
import type { RulebookId } from '../../model/types.ts';
import type { RuleIdOf } from '../rule-id.ts';

/**
 * - executed: the product decides by it (refuses, allows or derives something by the rule);
 * - recorded: a register of the product records that it was done, by whom and when;
 * - judgement: a person decides; the product records the decision and who took it;
 * - notSoftware: prescribes nothing this product can act on (with the reason);
 * - definition: defines terms or appoints nothing but words;
 * - purpose: the purpose (趣旨・目的) of the regulation;
 * - gap: prescribes behaviour the product does not act on yet.
 */
export const RULE_CLASSES = ['executed', 'recorded', 'judgement', 'notSoftware', 'definition', 'purpose', 'gap'] as const;
export type RuleClass = (typeof RULE_CLASSES)[number];

/** Classes that prescribe behaviour (definition and purpose do not). */
export const BEHAVIOUR_CLASSES: readonly RuleClass[] = ['executed', 'recorded', 'judgement', 'notSoftware', 'gap'];

export type RuleCoverage =
  | { readonly class: Exclude<RuleClass, 'notSoftware'> }
  /** One line of English: why no software acts on it. */
  | { readonly class: 'notSoftware'; readonly reason: string }
  /** An article or paragraph whose paragraphs or items are each classified: it is counted through them. */
  | { readonly class: 'byParts' };

/** One entry for every article, paragraph and item of a rulebook: a missing or unknown ID fails to compile. */
export type RulebookCoverage<B extends RulebookId> = { readonly [Id in RuleIdOf<B>]: RuleCoverage };

export const executed = { class: 'executed' } as const satisfies RuleCoverage;
export const recorded = { class: 'recorded' } as const satisfies RuleCoverage;
export const judgement = { class: 'judgement' } as const satisfies RuleCoverage;
export const definition = { class: 'definition' } as const satisfies RuleCoverage;
export const purpose = { class: 'purpose' } as const satisfies RuleCoverage;
export const gap = { class: 'gap' } as const satisfies RuleCoverage;
export const byParts = { class: 'byParts' } as const satisfies RuleCoverage;
export const notSoftware = (reason: string): RuleCoverage => ({ class: 'notSoftware', reason });
