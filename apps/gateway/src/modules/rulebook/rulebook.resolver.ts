import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { coverageOf, coverageSummary, COVERAGE_COLUMNS, findRule, kindsCitingRule, parseRuleId, ruleIdsOf, type RulebookId } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { Rule } from '../../graphql/rules.ts';
import { toRulebook } from './rulebook.mappers.ts';
import { RuleCoverage, RuleCoverageSummary, RuleText, Rulebook } from './rulebook.types.ts';
import { authRepo } from '@tsukasa/db';
import { graphqlObject } from '../../graphql/object.ts';

@Resolver()
export class RulebookResolver {
  @Rule('registry:read')
  @Query(() => [Rulebook], { description: "The rulebooks of the viewer's municipality." })
  async rulebooks(@Ctx() ctx: Context): Promise<Rulebook[]> {
    const m = await authRepo.municipalityById(await ctx.db.em(), ctx.viewer!.municipalityId);
    return (m?.rulebook_ids ?? []).map(toRulebook).filter((b): b is Rulebook => b !== null);
  }

  @Rule('registry:read')
  @Query(() => RuleText, { nullable: true, description: 'The legal basis behind a rule ID such as ARK-12-2 (null when unknown).' })
  rule(@Arg('id', () => String) id: string): RuleText | null {
    // The caller's text, parsed: an ID the rulebooks lack has no text (null, as the schema says).
    const ruleId = parseRuleId(id);
    if (!ruleId) return null;
    const ref = findRule(ruleId);
    return graphqlObject(RuleText, {
      ruleId: ref.ruleId,
      rulebookId: ref.rulebookId,
      level: ref.level,
      articleNumber: ref.article.number,
      caption: ref.article.caption,
      text: ref.text,
    });
  }
}

/** The traceability matrix of a rulebook (規程対応表): computed in the domain, only when asked for. */
@Resolver(() => Rulebook)
export class RulebookCoverageResolver {
  @FieldResolver(() => [RuleCoverage], { description: 'Every article, paragraph and item in document order, with how the product stands to it.' })
  coverage(@Root() book: Rulebook): RuleCoverage[] {
    const id = book.id as RulebookId;
    return ruleIdsOf(id).map((ruleId) => {
      const ref = findRule(ruleId);
      const entry = coverageOf(ruleId);
      return graphqlObject(RuleCoverage, {
        ruleId,
        level: ref.level,
        articleNumber: ref.article.number,
        caption: ref.article.caption,
        captionEn: ref.article.captionEn,
        text: ref.text,
        class: entry.class,
        reason: entry.class === 'notSoftware' ? entry.reason : null,
        requestKinds: kindsCitingRule(id, ruleId).map((kind) => ({ key: kind.key, name: kind.name })),
      });
    });
  }

  @FieldResolver(() => RuleCoverageSummary, { description: 'The rules counted by class, and the share of behaviour rules executed or recorded.' })
  coverageSummary(@Root() book: Rulebook): RuleCoverageSummary {
    const summary = coverageSummary(ruleIdsOf(book.id as RulebookId));
    return graphqlObject(RuleCoverageSummary, {
      counts: COVERAGE_COLUMNS.map((c) => ({ class: c, count: summary.counts[c] })),
      behaviour: summary.behaviour,
      executedOrRecorded: summary.executedOrRecorded,
      executedOrRecordedPercent: summary.executedOrRecordedPercent,
    });
  }
}
