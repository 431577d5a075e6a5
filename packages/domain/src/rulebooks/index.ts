// The five rulebooks and lookups by rule ID (PREFIX-article[-paragraph[-item]]).
import type { RulebookId } from '../model/types.ts';
import { arkRulebook } from './arakawa-ark.rulebook.ts';
import { kwoRulebook } from './kawasaki-kwo.rulebook.ts';
import { kwwRulebook } from './kawasaki-kww.rulebook.ts';
import { ktmRulebook } from './kitami-ktm.rulebook.ts';
import { mntRulebook } from './minato-mnt.rulebook.ts';
import type { Article, Paragraph, RoleDefinition, RuleId, Rulebook } from './rulebook.types.ts';

export type * from './rulebook.types.ts';
export { ruleIdSet, ruleIdsWithin } from './rule-id-set.ts';
export { arkRulebook, kwoRulebook, kwwRulebook, ktmRulebook, mntRulebook };

export const rulebooks: Record<RulebookId, Rulebook> = {
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
  item?: { ruleId: RuleId; text: string };
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

/** The rule (article, paragraph or item) with this ID, or undefined when the rulebooks have none. */
export function findRule(ruleId: RuleId): RuleRef | undefined {
  return index.get(ruleId);
}

/** The article a rule ID belongs to: findArticle('ARK-12-2') is 第12条 of ARK. */
export function findArticle(ruleId: RuleId): Article | undefined {
  return index.get(ruleId)?.article;
}

/** True when the ID is well formed and names an article, paragraph or item that exists. */
export function isValidRuleId(ruleId: string): boolean {
  return RULE_ID_PATTERN.test(ruleId) && index.has(ruleId);
}

/** Every rule ID of a rulebook in document order (article, then its paragraphs and items). */
export function ruleIdsOf(rulebookId: RulebookId): RuleId[] {
  return [...(idsByRulebook.get(rulebookId) ?? [])];
}

/** The rulebook a rule ID belongs to, by its prefix. */
export function rulebookOf(ruleId: RuleId): Rulebook | undefined {
  const prefix = RULE_ID_PATTERN.exec(ruleId)?.[1] as RulebookId | undefined;
  return prefix ? rulebooks[prefix] : undefined;
}

/** A role of a rulebook by its key. */
export function findRole(rulebookId: RulebookId, key: string): RoleDefinition | undefined {
  return rulebooks[rulebookId].roles.find((r) => r.key === key);
}
