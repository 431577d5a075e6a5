import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { findRule } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { Rule } from '../../graphql/rules.ts';
import { toRulebook } from './rulebook.mappers.ts';
import { RuleText, Rulebook } from './rulebook.types.ts';
import { authRepo } from '@tsukasa/db';

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
    const ref = findRule(id);
    if (!ref) return null;
    return Object.assign(new RuleText(), {
      ruleId: ref.ruleId,
      rulebookId: ref.rulebookId,
      level: ref.level,
      articleNumber: ref.article.number,
      caption: ref.article.caption,
      text: ref.text,
    });
  }
}
