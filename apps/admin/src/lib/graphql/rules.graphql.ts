import { graphql, type ResultOf } from './graphql.ts';

/** The rule traceability matrix (規程対応表) of the municipality's rulebooks: counts by class, and every rule. */
export const RuleCoverageQuery = graphql(`
  query RuleCoverage {
    rulebooks {
      id
      title
      titleEn
      coverageSummary {
        counts {
          class
          count
        }
        behaviour
        executedOrRecorded
        executedOrRecordedPercent
      }
      coverage {
        ruleId
        level
        articleNumber
        caption
        captionEn
        text
        class
        reason
        requestKinds {
          key
          name {
            ja
            en
          }
        }
      }
    }
  }
`);

export type CoverageRulebook = ResultOf<typeof RuleCoverageQuery>['rulebooks'][number];
export type RuleCoverageRow = CoverageRulebook['coverage'][number];
