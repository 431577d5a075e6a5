import { loadQuery } from '#lib/graphql/load.ts';
import { RULE_CLASSES, type RuleClass } from '#lib/graphql/enums.ts';
import { RuleCoverageQuery } from '#lib/graphql/rules.graphql.ts';
import type { PageLoad } from './$types';

/** `/rules?book=<rulebook id>&class=<RuleClass>`: the rules of one rulebook or all, of one class or all. */
export const load: PageLoad = async (event) => {
  const { rulebooks } = await loadQuery(event, RuleCoverageQuery, {}, 'cache-first');
  const book = event.url.searchParams.get('book') ?? '';
  const cls = event.url.searchParams.get('class') ?? '';
  return {
    rulebooks,
    book: rulebooks.some((b) => b.id === book) ? book : '',
    ruleClass: (RULE_CLASSES as readonly string[]).includes(cls) ? (cls as RuleClass) : '',
  };
};
