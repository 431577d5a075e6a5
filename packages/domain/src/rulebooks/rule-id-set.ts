import type { RuleId } from './rule-id.ts';

/**
 * A list of rule IDs is a set: each ID once, in the order it was first cited. Every list the
 * product writes — audit events, decisions and refusals, route steps and notes, API answers —
 * goes through here, so lists joined from several sources (a committee's rules and the rules of
 * its cadence, say) never cite a rule twice. The lists are of RuleIds; the audit log, which reads its
 * events' citations back as the text they recorded, says so: `ruleIdSet<string>(…)`.
 */
export function ruleIdSet<Id extends string = RuleId>(...lists: readonly (Iterable<NoInfer<Id>> | null | undefined)[]): Id[] {
  const seen = new Set<Id>();
  for (const list of lists) {
    if (!list) continue;
    for (const id of list) seen.add(id);
  }
  return [...seen];
}

/**
 * The rule IDs that belong to these rulebooks (by their prefix: ARK-12-2 is ARK's), each once. A
 * municipality sees only the rules of its own rulebooks, though a request kind, say, cites the rules
 * of every rulebook that defines it.
 */
export function ruleIdsWithin<Id extends string = RuleId>(ruleIds: Iterable<NoInfer<Id>> | null | undefined, rulebookIds: Iterable<string>): Id[] {
  const books = new Set(rulebookIds);
  return ruleIdSet<Id>(ruleIds).filter((id) => books.has(id.slice(0, id.indexOf('-'))));
}
