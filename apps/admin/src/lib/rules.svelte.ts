import { query } from './graphql/client.ts';
import { RuleTextQuery, type RuleText } from './graphql/people.graphql.ts';

// Rule texts (根拠条文) are asked for once per session, the first time a chip is hovered or
// focused; the regulations do not change while the app is open.
const texts = $state<Record<string, RuleText | null>>({});
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- deliberately not reactive: only de-duplicates requests in flight
const pending = new Set<string>();

export function ruleText(id: string): RuleText | null | undefined {
  return id in texts ? texts[id] : undefined;
}

export function loadRule(id: string): void {
  if (id in texts || pending.has(id)) return;
  pending.add(id);
  query(RuleTextQuery, { id }, { requestPolicy: 'cache-first' })
    .then(({ rule }) => {
      texts[id] = rule;
    })
    .catch(() => {
      texts[id] = null;
    })
    .finally(() => pending.delete(id));
}
