// The secretary's workflow of a meeting, as the meeting's status and agenda tell it:
// 議題の確認 → 議題の確定 → 出席の記録 → 決定の記録 → 会議録の送付 (a sitting), or
// 議題の確認 → 議題の確定 → 委員の署名 → 会議録の送付 (a decision by circulation, KWW-12-2).
import {
  AGENDA_GROUPS,
  DECIDED_GROUPS,
  MEMBER_ROLES,
  type AgendaGroup,
  type AgendaItem,
  type Attendee,
  type MeetingDetail,
} from '../graphql/committees.graphql.ts';
import type { Localized } from '../i18n/index.svelte.ts';

export type WorkflowStepKey = 'review' | 'freeze' | 'attendance' | 'decisions' | 'signoffs' | 'send';
export type WorkflowStepState = 'done' | 'current' | 'todo';

export interface WorkflowStep {
  key: WorkflowStepKey;
  state: WorkflowStepState;
}

interface MeetingState {
  status: string;
  mode: string;
  items: Pick<AgendaItem, 'group' | 'outcome'>[];
}

/** Items for decision (審議事項, 継続審議事項) still without a decision. */
export function undecidedItems<T extends Pick<AgendaItem, 'group' | 'outcome'>>(items: T[]): T[] {
  return items.filter((item) => DECIDED_GROUPS.includes(item.group) && !item.outcome);
}

export function isDecidedGroup(group: AgendaGroup): boolean {
  return DECIDED_GROUPS.includes(group);
}

/** The steps of the meeting's workflow, each done, current or still to come. */
export function workflowSteps(meeting: MeetingState): WorkflowStep[] {
  const keys: WorkflowStepKey[] =
    meeting.mode === 'CIRCULATION' ? ['review', 'freeze', 'signoffs', 'send'] : ['review', 'freeze', 'attendance', 'decisions', 'send'];
  const open = undecidedItems(meeting.items).length;
  let current: WorkflowStepKey | null;
  switch (meeting.status) {
    case 'DRAFT':
      current = 'review';
      break;
    case 'FROZEN':
      current = meeting.mode === 'CIRCULATION' ? (open > 0 ? 'signoffs' : 'send') : 'attendance';
      break;
    case 'HELD':
      current = open > 0 ? 'decisions' : 'send';
      break;
    default:
      // closed (minutes sent) or cancelled: nothing is left to do.
      current = null;
  }
  const at = current ? keys.indexOf(current) : keys.length;
  return keys.map((key, index) => ({ key, state: index < at ? 'done' : index === at ? 'current' : 'todo' }));
}

/** The agenda grouped as a 次第 prints it (審議事項, 継続審議事項, 報告事項, その他), empty groups left out. */
export function groupItems<T extends Pick<AgendaItem, 'group'>>(items: T[]): { group: AgendaGroup; items: T[] }[] {
  return AGENDA_GROUPS.map((group) => ({ group, items: items.filter((item) => item.group === group) })).filter((entry) => entry.items.length > 0);
}

/**
 * The agenda's order with one item moved up (-1) or down (+1) past its neighbour; null when the
 * neighbour is in another group (an item stays in its group: the groups print in a fixed order).
 */
export function movedOrder(items: Pick<AgendaItem, 'id' | 'group'>[], itemId: string, delta: -1 | 1): string[] | null {
  const index = items.findIndex((item) => item.id === itemId);
  const other = index + delta;
  if (index < 0 || other < 0 || other >= items.length) return null;
  if (items[other]!.group !== items[index]!.group) return null;
  const ids = items.map((item) => item.id);
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  return ids;
}

/** Attendees who count as members (chair, members, temporary members, substitutes). */
export function memberAttendees<T extends Pick<Attendee, 'role'>>(attendees: T[]): T[] {
  return attendees.filter((attendee) => MEMBER_ROLES.includes(attendee.role));
}

/** Papers typed one a line in the add-item form → their titles. */
export function documentLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The viewer keeps this meeting's record and it is still open (neither closed nor cancelled). */
export function keepsOpen(meeting: { viewerMayKeep: boolean; status: string }): boolean {
  return meeting.viewerMayKeep && meeting.status !== 'CLOSED' && meeting.status !== 'CANCELLED';
}

/** What a panel of the meeting page gets: the meeting, and how to reload after a change or a refusal. */
export interface MeetingPanelProps {
  meeting: MeetingDetail;
  /** Re-loads the page after a change, with the notice to show. */
  onChanged: (notice: Localized) => Promise<void>;
  /** Re-loads the page after a refusal that says the page is out of date. */
  onStale: () => Promise<void>;
}
