// The type of a rule ID, read from the rulebook data: every article, paragraph and item the five
// rulebook files transcribe, and nothing else. Citing a rule the rulebooks lack is a compile error;
// there is no list to regenerate — amending a rulebook file amends the type.
import type { RulebookId } from '../model/types.ts';
import type { arkRulebook } from './arakawa-ark.rulebook.ts';
import type { kwoRulebook } from './kawasaki-kwo.rulebook.ts';
import type { kwwRulebook } from './kawasaki-kww.rulebook.ts';
import type { ktmRulebook } from './kitami-ktm.rulebook.ts';
import type { mntRulebook } from './minato-mnt.rulebook.ts';

type ArticleOf<B> = B extends { readonly articles: readonly (infer A)[] } ? A : never;
type ParagraphOf<A> = A extends { readonly paragraphs: readonly (infer P)[] } ? P : never;
type ItemOf<P> = P extends { readonly items: readonly (infer I)[] } ? I : never;
type IdOf<T> = T extends { readonly ruleId: infer Id extends string } ? Id : never;

/** The IDs of one rulebook's articles, paragraphs and items. */
type IdsOfRulebook<B> = IdOf<ArticleOf<B>> | IdOf<ParagraphOf<ArticleOf<B>>> | IdOf<ItemOf<ParagraphOf<ArticleOf<B>>>>;

/**
 * `PREFIX-article[-paragraph[-item]]` of a rule the rulebooks have, e.g. ARK-12-2, KWW-6-2, MNT-11,
 * ARK-26-2-2. A branch article keeps its の: 第3条の2 → ARK-3の2, its second paragraph → ARK-3の2-2.
 * An unnumbered first paragraph is paragraph 1 (ARK-12-1), also in single-paragraph articles.
 *
 * Text from outside becomes a RuleId only through a parser that refuses what the rulebooks lack:
 * `parseRuleId` (a query's argument), `parseRuleIdsInput` (API input, with field errors) and
 * `parseStoredRuleIds` (what the database hands back).
 */
export type RuleId =
  | IdsOfRulebook<typeof mntRulebook>
  | IdsOfRulebook<typeof kwwRulebook>
  | IdsOfRulebook<typeof kwoRulebook>
  | IdsOfRulebook<typeof ktmRulebook>
  | IdsOfRulebook<typeof arkRulebook>;

/** The rule IDs of one rulebook: RuleIdOf<'KWO'> is 'KWO-1' | 'KWO-1-1' | … */
export type RuleIdOf<B extends RulebookId> = Extract<RuleId, `${B}-${string}`>;
