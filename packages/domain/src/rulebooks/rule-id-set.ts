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
