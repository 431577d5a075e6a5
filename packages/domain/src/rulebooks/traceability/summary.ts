// How far the product goes with a set of rules: how many rules each class holds, and the share of the
// rules that prescribe behaviour which the product executes or records.
import type { RuleId } from '../rule-id.ts';
import { BEHAVIOUR_CLASSES, RULE_CLASSES, type RuleClass } from './coverage.types.ts';
import { coverageOf } from './index.ts';

/** A class of the traceability matrix, or byParts for a rule counted through its paragraphs or items. */
export type CoverageColumn = RuleClass | 'byParts';
export const COVERAGE_COLUMNS: readonly CoverageColumn[] = [...RULE_CLASSES, 'byParts'];

export interface CoverageSummary {
  /** How many of the rules each class holds (every class present, zero where none). */
  readonly counts: Readonly<Record<CoverageColumn, number>>;
  /** The rules that prescribe behaviour (BEHAVIOUR_CLASSES). */
  readonly behaviour: number;
  readonly executedOrRecorded: number;
  /** executedOrRecorded as a percentage of behaviour, to one decimal; null when no rule prescribes behaviour. */
  readonly executedOrRecordedPercent: number | null;
}

/** Counts rules by class (each ID once) and the percentage of behaviour rules the product executes or records. */
export function coverageSummary(ruleIds: Iterable<RuleId>): CoverageSummary {
  const counts = Object.fromEntries(COVERAGE_COLUMNS.map((c) => [c, 0])) as Record<CoverageColumn, number>;
  for (const id of new Set(ruleIds)) counts[coverageOf(id).class] += 1;
  const behaviour = BEHAVIOUR_CLASSES.reduce((n, c) => n + counts[c], 0);
  const executedOrRecorded = counts.executed + counts.recorded;
  return {
    counts,
    behaviour,
    executedOrRecorded,
    executedOrRecordedPercent: behaviour === 0 ? null : Math.round((1000 * executedOrRecorded) / behaviour) / 10,
  };
}
