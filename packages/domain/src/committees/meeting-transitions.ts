// What a committee meeting decides (SPEC §7): each change of a meeting — created, its agenda edited
// and frozen, attendance taken (the quorum, ARK-19-1), items decided at a sitting or by circulation
// (持回り, KWW-12-2), the minutes sent, or the meeting cancelled — is a pure function of the meeting's
// current state, the actor's facts and the clock. It returns the change allowed — with what to write
// and the audit event — or refused, with a typed code, a bilingual message and the rules it cites.
// The gateway loads the facts, calls the decision, persists and audits; the messages are here.
// This module holds what the changes share: the facts, the actor, the audit event, the refusal, the
// meeting's title and who keeps its papers. Each change is decided in its own module beside it:
// meeting-creation.ts, meeting-agenda.ts (and cancelling), meeting-attendance.ts, meeting-decisions.ts
// (at a sitting or by circulation) and meeting-minutes.ts.
import { fieldError, type FieldError, type Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { formatWarekiFiscalYear } from '../wareki.ts';
import type { AgendaGroup } from './committee-rules.ts';
import type { AttendeeRole, ItemOutcome, MeetingMode, MeetingStatus } from './meetings.ts';

/** A committee as its meetings see it: its names, its chair, its secretariat and the rules it sits under. */
export interface CommitteeFacts {
  key: string;
  name: string;
  nameEn: string;
  chairPositionId: string;
  secretariatName: string;
  /** Positions in the secretariat's unit and every unit below it (ARK-19-3). */
  secretariatPositionIds: readonly string[];
  ruleIds: RuleId[];
}

export interface MeetingFacts {
  id: string;
  mode: MeetingMode;
  status: MeetingStatus;
  heldOn: string;
  number: number;
}

export type Paper = { label: string; title: string };

export interface AgendaItemFacts {
  id: string;
  meetingId: string;
  title: string;
  groupKey: AgendaGroup;
  documents: Paper[];
  removed: boolean;
  outcome: ItemOutcome | null;
  requestStepId: string | null;
  ruleIds: RuleId[];
}

export interface AttendeeFacts {
  id: string;
  seq: number;
  role: AttendeeRole;
  positionId: string | null;
  staffId: string | null;
  title: string;
  name: string | null;
  substituteForId: string | null;
  approvedByChair: boolean;
  present: boolean | null;
}

/**
 * Who acts: a staff member signed in as themselves, with the positions they hold now and those
 * they deputise for (KTM-3-6, MNT-6-4). Null: the viewer is not staff in person.
 */
export interface MeetingActor {
  staffId: string;
  heldPositionIds: readonly string[];
  deputyPositionIds: readonly string[];
}

/** The audit event an allowed change appends. */
export interface MeetingAudit {
  action: string;
  targetType: 'meeting' | 'meeting_item';
  targetId: string;
  after: Record<string, unknown>;
  ruleIds: RuleId[];
}

/** Why a change is refused: not the actor's to make, in conflict with the meeting's state, bad input, or no quorum. */
export type MeetingRefusal =
  | { allowed: false; code: 'FORBIDDEN' | 'CONFLICT'; message: Bilingual; ruleIds: RuleId[] }
  | { allowed: false; code: 'BAD_USER_INPUT'; fieldErrors: FieldError[] }
  | { allowed: false; code: 'QUORUM_NOT_MET'; message: Bilingual; ruleIds: RuleId[]; quorum: { members: number; present: number; required: number } };

// ---- titles ------------------------------------------------------------------------------------------

/** 令和8年度第3回 電子情報システム運営委員会（持回り）. */
export function meetingTitle(committee: Pick<CommitteeFacts, 'name'>, m: Pick<MeetingFacts, 'heldOn' | 'number' | 'mode'>): string {
  return `${formatWarekiFiscalYear(m.heldOn)}第${m.number}回 ${committee.name}${m.mode === 'circulation' ? '（持回り）' : ''}`;
}

// ---- who keeps the papers ------------------------------------------------------------------------------

/** The chair, or the chair's deputy. */
export function chairsCommittee(actor: MeetingActor | null, committee: Pick<CommitteeFacts, 'chairPositionId'>): boolean {
  if (!actor) return false;
  return actor.heldPositionIds.includes(committee.chairPositionId) || actor.deputyPositionIds.includes(committee.chairPositionId);
}

/**
 * Who keeps a committee's papers: staff holding a position in the secretariat's unit or below it
 * (ARK-19-3, ARK-24-3 デジタル推進課), and the chair (or the chair's deputy).
 */
export function keepsMeetings(actor: MeetingActor | null, committee: Pick<CommitteeFacts, 'chairPositionId' | 'secretariatPositionIds'>): boolean {
  if (!actor) return false;
  return chairsCommittee(actor, committee) || actor.heldPositionIds.some((p) => committee.secretariatPositionIds.includes(p));
}

// ---- common input checks ------------------------------------------------------------------------------

export const malformedMeetingId = (path: Path): FieldError => fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。');
