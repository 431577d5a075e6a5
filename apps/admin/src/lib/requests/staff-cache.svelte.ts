import { query } from '../graphql/client.ts';
import { StaffBriefQuery, type StaffBrief } from '../graphql/people.graphql.ts';

// Names of the people a request's content names by id, asked for once per session.
const briefs = $state<Record<string, StaffBrief | null>>({});
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- deliberately not reactive: only de-duplicates requests in flight
const pending = new Set<string>();

export function staffBrief(id: string): StaffBrief | null | undefined {
  return id in briefs ? briefs[id] : undefined;
}

export function rememberStaff(staff: StaffBrief): void {
  briefs[staff.id] = staff;
}

export function loadStaff(id: string): void {
  if (!id || id in briefs || pending.has(id)) return;
  pending.add(id);
  query(StaffBriefQuery, { id }, { requestPolicy: 'cache-first' })
    .then(({ staffMember }) => {
      briefs[id] = staffMember;
    })
    .catch(() => {
      briefs[id] = null;
    })
    .finally(() => pending.delete(id));
}
