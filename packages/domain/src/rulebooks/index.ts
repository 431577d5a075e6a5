// The five rulebooks and lookups by rule ID (PREFIX-article[-paragraph[-item]]).
import type { RulebookId } from '../model/types.ts';
import { arkRulebook } from './arakawa-ark.rulebook.ts';
import { kwoRulebook } from './kawasaki-kwo.rulebook.ts';
import { kwwRulebook } from './kawasaki-kww.rulebook.ts';
import { ktmRulebook } from './kitami-ktm.rulebook.ts';
import { mntRulebook } from './minato-mnt.rulebook.ts';
import type { Article, Item, Paragraph, RoleDefinition, RuleId, Rulebook } from './rulebook.types.ts';

export type * from './rulebook.types.ts';
export { ruleIdSet, ruleIdsWithin } from './rule-id-set.ts';
export { arkRulebook, kwoRulebook, kwwRulebook, ktmRulebook, mntRulebook };

// Typed as Rulebook, the record also checks that every rule a role cites is one the rulebooks have.
export const rulebooks: Readonly<Record<RulebookId, Rulebook>> = {
  MNT: mntRulebook,
  KWW: kwwRulebook,
  KWO: kwoRulebook,
  KTM: ktmRulebook,
  ARK: arkRulebook,
};

export const rulebookIds: readonly RulebookId[] = ['MNT', 'KWW', 'KWO', 'KTM', 'ARK'];

/** Shape of a rule ID: prefix, article (optionally a branch article such as 3の2), paragraph, item. */
export const RULE_ID_PATTERN = /^(MNT|KWW|KWO|KTM|ARK)-([1-9][0-9]*(?:の[1-9][0-9]*)?)(?:-([1-9][0-9]*)(?:-([1-9][0-9]*))?)?$/;

export type RuleLevel = 'article' | 'paragraph' | 'item';

/** A resolved rule: where it sits and its Japanese text. */
export interface RuleRef {
  ruleId: RuleId;
  rulebookId: RulebookId;
  level: RuleLevel;
  article: Article;
  paragraph?: Paragraph;
  item?: Item;
  /** The text of the rule: the item, the paragraph (items included) or the whole article. */
  text: string;
}

/** Article text as printed: paragraphs in order, the second and later prefixed by their number. */
function articleText(article: Article): string {
  return article.paragraphs.map((p, i) => (i === 0 ? p.text : `${i + 1} ${p.text}`)).join('\n');
}

const index = new Map<RuleId, RuleRef>();
const idsByRulebook = new Map<RulebookId, RuleId[]>();

for (const id of rulebookIds) {
  const book = rulebooks[id];
  const ids: RuleId[] = [];
  const add = (ref: RuleRef): void => {
    if (index.has(ref.ruleId)) throw new Error(`duplicate rule ID ${ref.ruleId}`);
    index.set(ref.ruleId, ref);
    ids.push(ref.ruleId);
  };
  for (const article of book.articles) {
    add({ ruleId: article.ruleId, rulebookId: id, level: 'article', article, text: articleText(article) });
    for (const paragraph of article.paragraphs) {
      add({ ruleId: paragraph.ruleId, rulebookId: id, level: 'paragraph', article, paragraph, text: paragraph.text });
      for (const item of paragraph.items ?? []) {
        add({ ruleId: item.ruleId, rulebookId: id, level: 'item', article, paragraph, item, text: item.text });
      }
    }
  }
  idsByRulebook.set(id, ids);
}

/** The rule (article, paragraph or item) with this ID: a RuleId always names one. */
export function findRule(ruleId: RuleId): RuleRef {
  const ref = index.get(ruleId);
  if (!ref) throw new Error(`rule ${ruleId} is not in the rulebooks`);
  return ref;
}

/** The article a rule ID belongs to: findArticle('ARK-12-2') is 第12条 of ARK. */
export function findArticle(ruleId: RuleId): Article {
  return findRule(ruleId).article;
}

/** True when the text is well formed and names an article, paragraph or item that exists. */
export function isValidRuleId(text: string): text is RuleId {
  return RULE_ID_PATTERN.test(text) && index.has(text as RuleId);
}

/**
 * Text from outside (API input, a query's argument) as a rule ID: the RuleId it names, or null when
 * it names no rule the rulebooks have.
 */
export function parseRuleId(text: string): RuleId | null {
  return isValidRuleId(text) ? text : null;
}

/** A rule ID read back from the database names no rule the rulebooks have. */
export class UnknownStoredRuleIdError extends Error {
  constructor(
    readonly ruleId: string,
    readonly where: string,
  ) {
    super(`${where} cites ${JSON.stringify(ruleId)}, which is not a rule of the rulebooks`);
    this.name = 'UnknownStoredRuleIdError';
  }
}

/**
 * Rule IDs the product stored, read back as RuleIds. The product writes only RuleIds, so an unknown
 * one means the rulebooks changed under stored data (an amendment that drops a rule needs a
 * migration of the rows citing it): the read fails, naming the ID, rather than cite a rule that is
 * not there.
 */
export function parseStoredRuleIds(texts: readonly string[], where: string): RuleId[] {
  for (const text of texts) if (!isValidRuleId(text)) throw new UnknownStoredRuleIdError(text, where);
  return texts as RuleId[];
}

/** Every rule ID of a rulebook in document order (article, then its paragraphs and items). */
export function ruleIdsOf(rulebookId: RulebookId): RuleId[] {
  return [...(idsByRulebook.get(rulebookId) ?? [])];
}

/** The rulebook a rule ID belongs to, by its prefix. */
export function rulebookOf(ruleId: RuleId): Rulebook {
  return rulebooks[findRule(ruleId).rulebookId];
}

/** A role of a rulebook by its key. */
export function findRole(rulebookId: RulebookId, key: string): RoleDefinition | undefined {
  return rulebooks[rulebookId].roles.find((r) => r.key === key);
}
