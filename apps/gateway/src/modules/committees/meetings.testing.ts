// Shared by the committees' integration tests: the meeting as the API returns it, the mutations the
// stories repeat, and calls that expect no error.
import { expect } from 'vitest';
import { formatWarekiFiscalYear } from '@tsukasa/domain';
import type { TestGateway } from '../../testing/harness.ts';

/** The first meeting of a committee in a fiscal year is its 第1回 (numbering restarts each 1 April). */
export const meetingTitle = (heldOn: string, committee: string, number = 1) => `${formatWarekiFiscalYear(heldOn)}第${number}回 ${committee}`;

export const MEETING = `id title status mode heldOn place number fiscalYear
  items { id number group title presenter source documents { label title } ruleIds figures requestId outcome conditions dissent signoffs { positionTitle vote } }
  removedItems { id title removedReason }
  attendees { id role title name present substituteForId }
  quorum { members present required met message { ja en } ruleIds }
  notProposed { ref title reason { ja en } ruleIds }`;

export interface Item {
  id: string;
  number: number;
  group: string;
  title: string;
  presenter: string | null;
  source: string;
  documents: { label: string; title: string }[];
  ruleIds: string[];
  figures: Record<string, unknown> | null;
  requestId: string | null;
  outcome: string | null;
  conditions: string | null;
  dissent: string[];
  signoffs: { positionTitle: string; vote: string }[];
}
export interface Meeting {
  id: string;
  title: string;
  status: string;
  mode: string;
  heldOn: string;
  place: string;
  number: number;
  fiscalYear: number;
  items: Item[];
  removedItems: { id: string; title: string; removedReason: string }[];
  attendees: { id: string; role: string; title: string; name: string | null; present: boolean | null; substituteForId: string | null }[];
  quorum: { members: number; present: number; required: number; met: boolean; message: { ja: string; en: string }; ruleIds: string[] };
  notProposed: { ref: string; title: string; reason: { ja: string; en: string }; ruleIds: string[] }[];
}

export const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { ${MEETING} } }`;
const LOAD = `query($id: ID!) { meeting(id: $id) { ${MEETING} } }`;
export const ATTEND = `mutation($m: ID!, $p: [ID!]!) { recordAttendance(meetingId: $m, presentIds: $p) { ${MEETING} } }`;
export const DECIDE = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { ${MEETING} } }`;
export const FREEZE = `mutation($m: ID!) { freezeAgenda(meetingId: $m) { ${MEETING} } }`;
export const SIGN = `mutation($i: SignCirculationInput!) { signCirculation(input: $i) { ${MEETING} } }`;

/** Calls on one test gateway: a committee's id by its key, a meeting mutation or query that must succeed, a meeting loaded. */
export function meetingTools(gw: TestGateway) {
  async function committeeId(key: string, token: string): Promise<string> {
    const r = await gw.gql<{ committees: { id: string; key: string }[] }>('{ committees { id key } }', {}, { token });
    return r.data!.committees.find((c) => c.key === key)!.id;
  }

  async function call<K extends string>(token: string, query: string, variables: Record<string, unknown>, field: K): Promise<Meeting> {
    const r = await gw.gql<Record<K, Meeting>>(query, variables, { token });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data![field];
  }
  const load = (token: string, id: string) => call(token, LOAD, { id }, 'meeting');
  return { committeeId, call, load };
}

export type MeetingTools = ReturnType<typeof meetingTools>;
