// The traceability matrix: for every rule of the five rulebooks, how the product stands to it
// (coverage.types.ts). `npm run rules:coverage` adds where each rule is cited and writes docs/rule-coverage.md.
import type { RulebookId } from '../../model/types.ts';
import type { RuleId } from '../rule-id.ts';
import { arkCoverage } from './ark.coverage.ts';
import type { RuleCoverage, RulebookCoverage } from './coverage.types.ts';
import { ktmCoverage } from './ktm.coverage.ts';
import { kwoCoverage } from './kwo.coverage.ts';
import { kwwCoverage } from './kww.coverage.ts';
import { mntCoverage } from './mnt.coverage.ts';

export { BEHAVIOUR_CLASSES, RULE_CLASSES } from './coverage.types.ts';
export type { RuleClass, RuleCoverage, RulebookCoverage } from './coverage.types.ts';

export const ruleCoverage: { readonly [B in RulebookId]: RulebookCoverage<B> } = {
  MNT: mntCoverage,
  KWW: kwwCoverage,
  KWO: kwoCoverage,
  KTM: ktmCoverage,
  ARK: arkCoverage,
};

/** How the product stands to a rule. */
export function coverageOf(ruleId: RuleId): RuleCoverage {
  const book = ruleCoverage[ruleId.slice(0, ruleId.indexOf('-')) as RulebookId] as Readonly<Record<string, RuleCoverage>>;
  const entry = book[ruleId];
  if (!entry) throw new Error(`rule ${ruleId} has no coverage entry`);
  return entry;
}
