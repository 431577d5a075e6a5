/**
 * A list of rule IDs is a set: each ID once, in the order it was first cited. Every list the
 * product writes — audit events, decisions and refusals, route steps and notes, API answers —
 * goes through here, so lists joined from several sources (a committee's rules and the rules of
 * its cadence, say) never cite a rule twice.
 */
export function ruleIdSet(...lists: readonly (Iterable<string> | null | undefined)[]): string[] {
  const seen = new Set<string>();
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
export function ruleIdsWithin(ruleIds: Iterable<string> | null | undefined, rulebookIds: Iterable<string>): string[] {
  const books = new Set(rulebookIds);
  return ruleIdSet(ruleIds).filter((id) => books.has(id.slice(0, id.indexOf('-'))));
}
