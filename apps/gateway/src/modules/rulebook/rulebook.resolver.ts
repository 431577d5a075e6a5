import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { findRule, parseRuleId } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { Rule } from '../../graphql/rules.ts';
import { toRulebook } from './rulebook.mappers.ts';
import { RuleText, Rulebook } from './rulebook.types.ts';
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
