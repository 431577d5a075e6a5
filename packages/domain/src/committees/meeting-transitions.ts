// What a committee meeting decides (SPEC §7): each change of a meeting — created, its agenda edited
// and frozen, attendance taken (the quorum, ARK-19-1), items decided at a sitting or by circulation
// (持回り, KWW-12-2), the minutes sent, or the meeting cancelled — is a pure function of the meeting's
// current state, the actor's facts and the clock. It returns the change allowed — with what to write
// and the audit event — or refused, with a typed code, a bilingual message and the rules it cites.
// The gateway loads the facts, calls the decision, persists and audits; the messages are here.
import { fiscalYearOf } from '../calendar/deadlines.ts';
import { fieldError, type FieldError, type Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import { parseRuleIdsInput } from '../rulebooks/rule-id-input.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { formatWarekiFiscalYear } from '../wareki.ts';
import { numberDocuments } from './agenda.ts';
import { AGENDA_GROUPS, type AgendaGroup, type CommitteeRules } from './committee-rules.ts';
import {
  circulationState,
  quorumOf,
  type AttendeeRole,
  type ItemOutcome,
  type MeetingMode,
  type MeetingStatus,
  type QuorumResult,
  type Vote,
} from './meetings.ts';

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

const forbidden = (message: Bilingual, ruleIds: RuleId[] = []): MeetingRefusal => ({ allowed: false, code: 'FORBIDDEN', message, ruleIds });
const conflict = (message: Bilingual, ruleIds: RuleId[] = []): MeetingRefusal => ({ allowed: false, code: 'CONFLICT', message, ruleIds });
const badInput = (fieldErrors: FieldError[]): MeetingRefusal => ({ allowed: false, code: 'BAD_USER_INPUT', fieldErrors });

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

function keeperRefusal(actor: MeetingActor | null, committee: CommitteeFacts): MeetingRefusal | null {
  if (keepsMeetings(actor, committee)) return null;
  return forbidden(
    {
      ja: `${committee.name}の会議を管理できるのは、委員長（座長）と庶務を担当する${committee.secretariatName}です。`,
      en: `Only the ${committee.nameEn}'s chair and its secretariat (${committee.secretariatName}) keep its meetings.`,
    },
    committee.ruleIds,
  );
}

// ---- common input checks ------------------------------------------------------------------------------

export const malformedMeetingId = (path: Path): FieldError => fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

function reasonErrors(reason: string, path: Path, required: Bilingual): FieldError[] {
  if (!reason) return [fieldError(path, 'REQUIRED', required.en, required.ja)];
  if (reason.length > 500) return [fieldError(path, 'TOO_LONG', 'At most 500 characters.', '理由は500文字以内で入力してください。')];
  return [];
}

// ---- creating a meeting ------------------------------------------------------------------------------

export interface MeetingDraft {
  heldOn: string;
  startTime?: string | null;
  endTime?: string | null;
  place?: string | null;
  circulation?: boolean | null;
}

export type MeetingCreation =
  | { allowed: true; fiscalYear: number; mode: MeetingMode; heldOn: string; startTime: string | null; endTime: string | null; place: string; status: 'draft' }
  | MeetingRefusal;

/** The chair or the secretariat calls a meeting: a date, a place (none for a circulation, KWW-12-2). */
export function decideMeetingCreation(committee: CommitteeFacts, rules: CommitteeRules, actor: MeetingActor | null, input: MeetingDraft): MeetingCreation {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  const errors: FieldError[] = [];
  if (!ISO_DATE.test(input.heldOn) || Number.isNaN(Date.parse(input.heldOn)))
    errors.push(fieldError(['input', 'heldOn'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '開催日をYYYY-MM-DDの形式で入力してください。'));
  for (const key of ['startTime', 'endTime'] as const) {
    const t = input[key];
    if (t && !HH_MM.test(t)) errors.push(fieldError(['input', key], 'INVALID_VALUE', 'Give the time as HH:MM.', '時刻をHH:MMの形式で入力してください。'));
  }
  if (input.startTime && input.endTime && HH_MM.test(input.startTime) && HH_MM.test(input.endTime) && input.endTime <= input.startTime) {
    errors.push(fieldError(['input', 'endTime'], 'INVALID_VALUE', 'The meeting ends after it starts.', '終了時刻は開始時刻より後にしてください。'));
  }
  const place = (input.place ?? '').trim();
  if (place.length > 200)
    errors.push(fieldError(['input', 'place'], 'TOO_LONG', 'The place is at most 200 characters.', '場所は200文字以内で入力してください。'));
  if (input.circulation && !rules.circulation.allowed) {
    errors.push(
      fieldError(
        ['input', 'circulation'],
        'INVALID_VALUE',
        `The ${committee.nameEn} has no provision for deciding by circulation.`,
        `${committee.name}には持回りによる決定の定めがありません。`,
        committee.ruleIds,
      ),
    );
  }
  if (!input.circulation && !place) errors.push(fieldError(['input', 'place'], 'REQUIRED', 'Give the place of the meeting.', '開催場所を入力してください。'));
  if (errors.length) return badInput(errors);
  return {
    allowed: true,
    fiscalYear: fiscalYearOf(input.heldOn),
    mode: input.circulation ? 'circulation' : 'meeting',
    heldOn: input.heldOn,
    startTime: input.startTime || null,
    endTime: input.endTime || null,
    place: input.circulation ? place || '持回り' : place,
    status: 'draft',
  };
}

/** The audit event of a meeting created with its number and the items first proposed (its cadence, ARK-19-1, MNT-9-2 …). */
export function meetingCreated(
  committee: CommitteeFacts,
  rules: CommitteeRules,
  m: Pick<MeetingFacts, 'id' | 'heldOn' | 'number' | 'mode'>,
  items: number,
): MeetingAudit {
  return {
    action: 'meeting.create',
    targetType: 'meeting',
    targetId: m.id,
    after: { committee: committee.key, heldOn: m.heldOn, number: m.number, mode: m.mode, items },
    ruleIds: [...rules.cadence.ruleIds, ...committee.ruleIds],
  };
}

/** What the expected attendance is made of: the holders of the member positions on the meeting date. */
export interface SeatHolder {
  positionId: string;
  positionName: string;
  staffId: string | null;
  staffName: string | null;
}

export type ExpectedAttendee = Omit<AttendeeFacts, 'id' | 'seq'>;

/** MNT-9-3-3: the maintenance contractors attend the monthly report meeting. */
export const contractorsAttend = (rules: CommitteeRules): boolean => rules.committeeKey === 'mnt.committee.monthly-report';

/** The secretariat position the actor calls the meeting in (they attend it as its secretary), if any. */
export function callerSecretariatSeat(actor: MeetingActor | null, committee: Pick<CommitteeFacts, 'secretariatPositionIds'>): string | null {
  return actor?.heldPositionIds.find((p) => committee.secretariatPositionIds.includes(p)) ?? null;
}

/**
 * Who is expected: the chair, the members (別表第2, 別表第3, MNT-9-3 …), for the monthly report meeting
 * the maintenance contractors (MNT-9-3-3), and the secretary calling the meeting when not among them.
 * `holders` come chair first; `secretary` is the caller's own secretariat position, if any.
 */
export function expectedAttendance(
  rules: CommitteeRules,
  committee: Pick<CommitteeFacts, 'secretariatName'>,
  holders: readonly SeatHolder[],
  contractors: readonly { contractorName: string; personName: string }[],
  secretary: { positionId: string; staffId: string; holder: SeatHolder | undefined } | null,
): ExpectedAttendee[] {
  const blank = { substituteForId: null, approvedByChair: false, present: null };
  const out: ExpectedAttendee[] = holders.map((h, i) => ({
    role: i === 0 ? 'chair' : 'member',
    positionId: h.positionId,
    staffId: h.staffId,
    title: h.positionName,
    name: h.staffName,
    ...blank,
  }));
  if (contractorsAttend(rules)) {
    for (const c of contractors)
      out.push({ role: 'contractor', positionId: null, staffId: null, title: `${c.contractorName}（保守業務受託者）`, name: c.personName, ...blank });
  }
  if (secretary && !out.some((a) => a.positionId === secretary.positionId)) {
    out.push({
      role: 'secretariat',
      positionId: secretary.positionId,
      staffId: secretary.staffId,
      title: secretary.holder?.positionName ?? committee.secretariatName,
      name: secretary.holder?.staffName ?? null,
      ...blank,
    });
  }
  return out;
}

// ---- the agenda -----------------------------------------------------------------------------------------

/** The agenda is edited until it is frozen: later changes go to the next meeting. */
export const AGENDA_FROZEN: Bilingual = {
  ja: '議題は締め切られています。追加・変更は次回の会議に回ります。',
  en: 'The agenda is frozen: changes go to the next meeting.',
};

function agendaRefusal(meeting: MeetingFacts, committee: CommitteeFacts, actor: MeetingActor | null): MeetingRefusal | null {
  return keeperRefusal(actor, committee) ?? (meeting.status !== 'draft' ? conflict(AGENDA_FROZEN) : null);
}

export type AgendaEdit = { allowed: true } | MeetingRefusal;

/** Proposing what the rulebook routes to the committee again: while the agenda is a draft. */
export function decideAgendaRefresh(meeting: MeetingFacts, committee: CommitteeFacts, actor: MeetingActor | null): AgendaEdit {
  return agendaRefusal(meeting, committee, actor) ?? { allowed: true };
}

/** The audit event of a refresh that added items (none when nothing was added). */
export function agendaRefreshed(meeting: MeetingFacts, committee: CommitteeFacts, added: number): MeetingAudit | null {
  return added ? { action: 'meeting.agenda.refresh', targetType: 'meeting', targetId: meeting.id, after: { added }, ruleIds: committee.ruleIds } : null;
}

export interface AgendaOrderLine {
  id: string;
  seq: number;
  documents: Paper[];
}

/** The live items in the order given, their 資料 renumbered. */
export function agendaOrder(items: readonly { id: string; documents: Paper[] }[]): AgendaOrderLine[] {
  return numberDocuments(items.map((i) => ({ id: i.id, documents: i.documents }))).map((n, i) => ({ id: n.id, seq: i + 1, documents: n.documents }));
}

export type AgendaReorder = { allowed: true; order: AgendaOrderLine[]; audit: MeetingAudit } | MeetingRefusal;

/** The secretary arranges the live items: each of them once. */
export function decideAgendaReorder(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  actor: MeetingActor | null,
  live: readonly Pick<AgendaItemFacts, 'id' | 'documents'>[],
  itemIds: readonly string[],
): AgendaReorder {
  const refused = agendaRefusal(meeting, committee, actor);
  if (refused) return refused;
  const same = itemIds.length === live.length && new Set(itemIds).size === itemIds.length && itemIds.every((id) => live.some((i) => i.id === id));
  if (!same)
    return badInput([
      fieldError(['itemIds'], 'INVALID_VALUE', 'List every item of the agenda exactly once.', '議題のすべての項目を一度ずつ指定してください。'),
    ]);
  const byId = new Map(live.map((i) => [i.id, i]));
  return {
    allowed: true,
    order: agendaOrder(itemIds.map((id) => byId.get(id)!)),
    audit: { action: 'meeting.agenda.reorder', targetType: 'meeting', targetId: meeting.id, after: { order: [...itemIds] }, ruleIds: committee.ruleIds },
  };
}

export interface FreeItemDraft {
  title: string;
  presenter?: string | null;
  group?: AgendaGroup | null;
  documents?: string[] | null;
  ruleIds?: string[] | null;
}

export interface NewFreeItem {
  id: string;
  seq: number;
  group: AgendaGroup;
  source: 'free';
  sourceRef: string;
  title: string;
  presenter: string | null;
  documents: Paper[];
  ruleIds: RuleId[];
}

export type AgendaAddition = { allowed: true; item: NewFreeItem; order: AgendaOrderLine[]; audit: MeetingAudit } | MeetingRefusal;

/** A free item (its rules cited by the secretary, each one the rulebooks have) goes to the end of its group. */
export function decideAgendaItemAddition(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  actor: MeetingActor | null,
  live: readonly Pick<AgendaItemFacts, 'id' | 'groupKey' | 'documents'>[],
  input: FreeItemDraft,
  newId: string,
): AgendaAddition {
  const refused = agendaRefusal(meeting, committee, actor);
  if (refused) return refused;
  const title = input.title.trim();
  const errors: FieldError[] = [];
  if (!title) errors.push(fieldError(['input', 'title'], 'REQUIRED', 'Give the item a title.', '議題名を入力してください。'));
  if (title.length > 300)
    errors.push(fieldError(['input', 'title'], 'TOO_LONG', 'Titles are at most 300 characters.', '議題名は300文字以内で入力してください。'));
  if ((input.presenter ?? '').length > 200)
    errors.push(fieldError(['input', 'presenter'], 'TOO_LONG', 'At most 200 characters.', '説明者は200文字以内で入力してください。'));
  if ((input.documents ?? []).some((d) => !d.trim() || d.length > 200))
    errors.push(
      fieldError(['input', 'documents'], 'INVALID_VALUE', 'Each paper has a title of at most 200 characters.', '資料名は1〜200文字で入力してください。'),
    );
  // The rules the item cites are the caller's text until parsed: one the rulebooks lack is refused.
  const cited = parseRuleIdsInput(input.ruleIds ?? [], ['input', 'ruleIds']);
  errors.push(...cited.errors);
  if (errors.length) return badInput(errors);
  const group = input.group ?? 'other';
  const arranged = [
    ...live.map((i) => ({ id: i.id, group: i.groupKey, documents: i.documents })),
    { id: newId, group, documents: (input.documents ?? []).map((t) => ({ label: '', title: t.trim() })) },
  ].sort((a, b) => AGENDA_GROUPS[a.group].order - AGENDA_GROUPS[b.group].order);
  const numbered = numberDocuments(arranged);
  const seqOf = (id: string) => numbered.findIndex((n) => n.id === id) + 1;
  const fresh = numbered.find((n) => n.id === newId)!;
  return {
    allowed: true,
    item: {
      id: newId,
      seq: seqOf(newId),
      group,
      source: 'free',
      sourceRef: `free:${newId}`,
      title,
      presenter: input.presenter?.trim() || null,
      documents: fresh.documents,
      ruleIds: cited.ruleIds,
    },
    order: numbered.filter((n) => n.id !== newId).map((n) => ({ id: n.id, seq: seqOf(n.id), documents: n.documents })),
    audit: { action: 'meeting.agenda.add', targetType: 'meeting_item', targetId: newId, after: { meeting: meeting.id, title }, ruleIds: committee.ruleIds },
  };
}

export type AgendaRemoval = { allowed: true; reason: string; removedAt: Date; audit: MeetingAudit } | MeetingRefusal;

/** An item is taken off the agenda with a reason, once; the rest are renumbered (agendaOrder). */
export function decideAgendaItemRemoval(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  actor: MeetingActor | null,
  item: AgendaItemFacts,
  reason: string,
  now: Date,
): AgendaRemoval {
  const refused = agendaRefusal(meeting, committee, actor);
  if (refused) return refused;
  if (item.removed) return conflict({ ja: 'この議題はすでに除かれています。', en: 'This item is already off the agenda.' });
  const why = reason.trim();
  const errors = reasonErrors(why, ['reason'], { ja: '議題から除く理由を入力してください。', en: 'Say why the item is taken off the agenda.' });
  if (errors.length) return badInput(errors);
  return {
    allowed: true,
    reason: why,
    removedAt: now,
    audit: {
      action: 'meeting.agenda.remove',
      targetType: 'meeting_item',
      targetId: item.id,
      after: { meeting: meeting.id, title: item.title, reason: why },
      ruleIds: committee.ruleIds,
    },
  };
}

export type AgendaFreeze = { allowed: true; status: 'frozen'; cutoffAt: Date; audit: MeetingAudit } | MeetingRefusal;

/** Freezes the agenda at a cut-off, now: what becomes ready later goes to the next meeting. */
export function decideAgendaFreeze(meeting: MeetingFacts, committee: CommitteeFacts, actor: MeetingActor | null, now: Date): AgendaFreeze {
  const refused = agendaRefusal(meeting, committee, actor);
  if (refused) return refused;
  return {
    allowed: true,
    status: 'frozen',
    cutoffAt: now,
    audit: { action: 'meeting.agenda.freeze', targetType: 'meeting', targetId: meeting.id, after: { cutoffAt: now.toISOString() }, ruleIds: committee.ruleIds },
  };
}

export type MeetingCancellation = { allowed: true; status: 'cancelled'; audit: MeetingAudit } | MeetingRefusal;

/** A meeting not yet held is cancelled with a reason; what was on its agenda is free for the next one. */
export function decideMeetingCancellation(meeting: MeetingFacts, committee: CommitteeFacts, actor: MeetingActor | null, reason: string): MeetingCancellation {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.status !== 'draft' && meeting.status !== 'frozen')
    return conflict({ ja: '開催前の会議だけ中止できます。', en: 'Only a meeting not yet held can be cancelled.' });
  const why = reason.trim();
  const errors = reasonErrors(why, ['reason'], { ja: '中止の理由を入力してください。', en: 'Say why the meeting is cancelled.' });
  if (errors.length) return badInput(errors);
  return {
    allowed: true,
    status: 'cancelled',
    audit: { action: 'meeting.cancel', targetType: 'meeting', targetId: meeting.id, after: { reason: why }, ruleIds: committee.ruleIds },
  };
}

// ---- attendance and quorum ----------------------------------------------------------------------------

export const MINUTES_CLOSED: Bilingual = { ja: 'この会議の会議録は確定しています。', en: 'The minutes of this meeting are closed.' };

export type ExtraAttendeeRole = 'temporary_member' | 'substitute' | 'invited';

export interface AttendeeDraft {
  role: ExtraAttendeeRole;
  title: string;
  name?: string | null;
  staffId?: string | null;
  substituteForId?: string | null;
  approvedByChair?: boolean | null;
}

export type AttendeeAddition =
  | { allowed: true; role: ExtraAttendeeRole; title: string; substituteForId: string | null; approvedByChair: boolean; seq: number; audit: MeetingAudit }
  | MeetingRefusal;

const ROLE_NAMES: Record<ExtraAttendeeRole, Bilingual> = {
  temporary_member: { ja: '臨時委員', en: 'temporary members' },
  substitute: { ja: '代理出席', en: 'substitutes' },
  invited: { ja: '委員以外の出席者', en: 'non-members attending' },
};

/**
 * Someone beyond the members attends, as the rulebook allows: a temporary member (ARK-17-2,
 * ARK-22-2), a substitute for a member — approved by the chair where MNT-9-3 asks it — or a
 * non-member the chair invites (ARK-19-2, ARK-24-2, MNT-9-3-4). `staffIdMalformed`: the staff id
 * given is not an id (checked before the staff member is looked up: attendeeStaffNotFound).
 */
export function decideAttendeeAddition(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  rules: CommitteeRules,
  actor: MeetingActor | null,
  attendees: readonly AttendeeFacts[],
  input: AttendeeDraft & { staffIdMalformed?: boolean },
): AttendeeAddition {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.status === 'closed' || meeting.status === 'cancelled') return conflict(MINUTES_CLOSED);
  const allowed = { temporary_member: rules.temporaryMembers, substitute: rules.substitutes, invited: rules.invited }[input.role];
  if (!allowed?.allowed)
    return badInput([
      fieldError(
        ['input', 'role'],
        'INVALID_VALUE',
        `The ${committee.nameEn}'s rules have no provision for this.`,
        `${committee.name}の規程には${ROLE_NAMES[input.role].ja}の定めがありません。`,
        committee.ruleIds,
      ),
    ]);
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (!title) errors.push(fieldError(['input', 'title'], 'REQUIRED', 'Give the title (職名) as it is printed.', '職名を入力してください。'));
  if (title.length > 200 || (input.name ?? '').length > 200)
    errors.push(fieldError(['input', 'title'], 'TOO_LONG', 'At most 200 characters.', '200文字以内で入力してください。'));
  let substituteFor: string | null = null;
  if (input.role === 'substitute') {
    const member = attendees.find((a) => a.id === input.substituteForId && (a.role === 'chair' || a.role === 'member'));
    if (!member)
      errors.push(
        fieldError(
          ['input', 'substituteForId'],
          'NOT_FOUND',
          'Name the member this person stands in for.',
          '代理する委員を選択してください。',
          rules.substitutes.ruleIds,
        ),
      );
    else if (attendees.some((a) => a.substituteForId === member.id))
      errors.push(fieldError(['input', 'substituteForId'], 'DUPLICATE', 'This member already has a substitute.', 'この委員にはすでに代理者がいます。'));
    else substituteFor = member.id;
    if (rules.substitutes.approvedByChair && !input.approvedByChair)
      errors.push(
        fieldError(
          ['input', 'approvedByChair'],
          'REQUIRED',
          'A substitute needs the chair’s approval (MNT-9-3).',
          '代理出席には招集者（保健福祉課長）の承認が必要です（MNT-9-3）。',
          rules.substitutes.ruleIds,
        ),
      );
  }
  if (input.staffIdMalformed) errors.push(fieldError(['input', 'staffId'], 'INVALID_VALUE', 'The staff id is malformed.', '職員IDが正しくありません。'));
  if (errors.length) return badInput(errors);
  return {
    allowed: true,
    role: input.role,
    title,
    substituteForId: substituteFor,
    approvedByChair: !!input.approvedByChair,
    seq: Math.max(0, ...attendees.map((a) => a.seq)) + 1,
    audit: {
      action: 'meeting.attendee.add',
      targetType: 'meeting',
      targetId: meeting.id,
      after: { role: input.role, title, substituteFor },
      ruleIds: allowed.ruleIds,
    },
  };
}

/** The staff member named as an attendee does not exist. */
export const attendeeStaffNotFound = (): MeetingRefusal =>
  badInput([fieldError(['input', 'staffId'], 'NOT_FOUND', 'Staff not found.', '職員が見つかりません。')]);

/** The quorum of a sitting from its attendance (ARK-19-1; the rulebook's note where it sets none). */
export function meetingQuorum(rules: CommitteeRules, attendees: readonly Pick<AttendeeFacts, 'role' | 'present' | 'approvedByChair'>[]): QuorumResult {
  return quorumOf(
    rules,
    attendees.map((a) => ({ role: a.role, present: !!a.present, approvedByChair: a.approvedByChair })),
  );
}

export type AttendanceRecord = { allowed: true; presentIds: string[]; status: 'held' | null; quorum: QuorumResult; audit: MeetingAudit } | MeetingRefusal;

/** Attendance (出席) is taken once the agenda is frozen: the meeting is held; the quorum is computed from it. */
export function decideAttendance(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  rules: CommitteeRules,
  actor: MeetingActor | null,
  attendees: readonly AttendeeFacts[],
  presentIds: readonly string[],
): AttendanceRecord {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.mode === 'circulation')
    return badInput([
      fieldError(['meetingId'], 'INVALID_VALUE', 'A decision by circulation has no attendance.', '持回りによる決定には出席の記録はありません。', ['KWW-12-2']),
    ]);
  if (meeting.status === 'closed' || meeting.status === 'cancelled') return conflict(MINUTES_CLOSED);
  if (meeting.status === 'draft') return conflict({ ja: '出席を記録する前に議題を確定してください。', en: 'Freeze the agenda before taking the attendance.' });
  if (presentIds.some((id) => !attendees.some((a) => a.id === id)))
    return badInput([fieldError(['presentIds'], 'NOT_FOUND', 'Mark attendees of this meeting only.', 'この会議の出席予定者から選択してください。')]);
  const q = meetingQuorum(
    rules,
    attendees.map((a) => ({ ...a, present: presentIds.includes(a.id) })),
  );
  return {
    allowed: true,
    presentIds: [...presentIds],
    status: meeting.status === 'held' ? null : 'held',
    quorum: q,
    audit: {
      action: 'meeting.attendance',
      targetType: 'meeting',
      targetId: meeting.id,
      after: { present: presentIds.length, quorum: { members: q.members, present: q.present, required: q.required, met: q.met } },
      ruleIds: q.ruleIds,
    },
  };
}

// ---- decisions ------------------------------------------------------------------------------------------

export interface ItemDecisionDraft {
  outcome: ItemOutcome;
  conditions?: string | null;
  dissentIds?: string[] | null;
  note?: string | null;
}

/** What is written on an item decided. */
export interface ItemDecisionRecord {
  outcome: ItemOutcome;
  conditions: string | null;
  dissent: string[];
  note: string | null;
  at: Date;
}

/** How an outcome moves the linked request's committee step (ARK-12-5): deferring leaves it open. */
export const STEP_DECISION: Record<ItemOutcome, 'approved' | 'rejected' | null> = {
  approved: 'approved',
  approved_with_conditions: 'approved',
  rejected: 'rejected',
  deferred: null,
};

export const ITEM_DECIDED: Bilingual = { ja: 'この議題はすでに決定されています。', en: 'This item has already been decided.' };

/** The item was decided meanwhile (a concurrent decision). */
export const itemAlreadyDecided = (): MeetingRefusal => conflict(ITEM_DECIDED);

/** The linked request no longer awaits the committee. */
export const requestNoLongerAwaiting = (): MeetingRefusal =>
  conflict({
    ja: 'この申請は委員会の決定を待っていません（取下げ又は決定済み）。',
    en: 'The request is no longer awaiting the committee (withdrawn or decided).',
  });

export type ItemDecision = { allowed: true; record: ItemDecisionRecord; stepDecision: 'approved' | 'rejected' | null } | MeetingRefusal;

const VOTING_ROLES: AttendeeRole[] = ['chair', 'member', 'temporary_member', 'substitute'];

/**
 * An item of a held sitting is decided once, and only when the sitting is quorate (ARK-19-1): with
 * the conditions of a conditional approval and the dissent of members present.
 */
export function decideItemOutcome(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  rules: CommitteeRules,
  actor: MeetingActor | null,
  item: AgendaItemFacts,
  attendees: readonly AttendeeFacts[],
  input: ItemDecisionDraft,
  now: Date,
): ItemDecision {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.mode === 'circulation')
    return badInput([
      fieldError(
        ['input', 'itemId'],
        'INVALID_VALUE',
        'A circulated item is decided by the members’ sign-offs.',
        '持回りの議題は委員の署名により決定されます。',
        ['KWW-12-2'],
      ),
    ]);
  if (meeting.status !== 'held') return conflict({ ja: '決定を記録する前に出席を記録してください。', en: 'Take the attendance before recording decisions.' });
  if (item.removed) return conflict({ ja: 'この議題は除かれています。', en: 'This item is off the agenda.' });
  if (item.outcome) return conflict(ITEM_DECIDED);
  const q = meetingQuorum(rules, attendees);
  if (!q.met) {
    return {
      allowed: false,
      code: 'QUORUM_NOT_MET',
      ruleIds: q.ruleIds,
      quorum: { members: q.members, present: q.present, required: q.required },
      message: {
        ja: `${q.message.ja}。決定を記録できません（${q.ruleIds.join('、')}）。`,
        en: `${q.message.en}; no decision can be recorded (${q.ruleIds.join(', ')}).`,
      },
    };
  }
  const conditions = input.conditions?.trim() || null;
  const errors: FieldError[] = [];
  if (input.outcome === 'approved_with_conditions' && !conditions)
    errors.push(fieldError(['input', 'conditions'], 'REQUIRED', 'State the conditions of the approval.', '承認の条件を入力してください。'));
  if ((conditions ?? '').length > 2000)
    errors.push(fieldError(['input', 'conditions'], 'TOO_LONG', 'At most 2000 characters.', '条件は2000文字以内で入力してください。'));
  if ((input.note ?? '').length > 2000)
    errors.push(fieldError(['input', 'note'], 'TOO_LONG', 'At most 2000 characters.', '備考は2000文字以内で入力してください。'));
  const dissenters = (input.dissentIds ?? []).map((id) => attendees.find((a) => a.id === id && a.present && VOTING_ROLES.includes(a.role)));
  if (dissenters.some((d) => !d))
    errors.push(
      fieldError(['input', 'dissentIds'], 'INVALID_VALUE', 'Dissent is recorded for members present only.', '反対意見は出席した委員についてのみ記録できます。'),
    );
  if (errors.length) return badInput(errors);
  const dissent = dissenters.map((d) => `${d!.title}${d!.name ? `（${d!.name}）` : ''}`);
  return {
    allowed: true,
    record: { outcome: input.outcome, conditions, dissent, note: input.note?.trim() || null, at: now },
    stepDecision: STEP_DECISION[input.outcome],
  };
}

/** The comment the linked request's committee step is decided with. */
export function itemDecisionComment(
  committee: Pick<CommitteeFacts, 'name'>,
  meeting: Pick<MeetingFacts, 'heldOn' | 'number' | 'mode'>,
  d: Pick<ItemDecisionRecord, 'outcome' | 'conditions' | 'dissent'>,
): string {
  const label = { approved: '承認', approved_with_conditions: '条件付き承認', rejected: '否認', deferred: '継続審議' }[d.outcome];
  return `${meetingTitle(committee, meeting)}において${label}${d.conditions ? `（条件: ${d.conditions}）` : ''}${d.dissent.length ? `。反対: ${d.dissent.join('、')}` : ''}`;
}

/** The audit event of an item decided, citing the item's rules and the committee's. */
export function itemDecided(
  committee: CommitteeFacts,
  meeting: Pick<MeetingFacts, 'id'>,
  item: AgendaItemFacts,
  d: Omit<ItemDecisionRecord, 'at'>,
  requestStatus: string | null,
): MeetingAudit {
  return {
    action: `meeting.item.${d.outcome}`,
    targetType: 'meeting_item',
    targetId: item.id,
    after: { meeting: meeting.id, title: item.title, ...d, requestStatus },
    ruleIds: [...item.ruleIds, ...committee.ruleIds],
  };
}

// ---- circulation (持回り, KWW-12-2) ----------------------------------------------------------------------

/** The member seats of a meeting: its chair and members by position. */
export const memberSeats = (attendees: readonly Pick<AttendeeFacts, 'role' | 'positionId'>[]): string[] =>
  attendees.filter((a) => (a.role === 'chair' || a.role === 'member') && a.positionId).map((a) => a.positionId!);

/** The member seats the actor sits in now: held, or deputised for (KTM-3-6, MNT-6-4). */
export function actorSeats(actor: MeetingActor | null, attendees: readonly Pick<AttendeeFacts, 'role' | 'positionId'>[]): string[] {
  if (!actor) return [];
  const members = memberSeats(attendees);
  return [...new Set([...actor.heldPositionIds, ...actor.deputyPositionIds])].filter((p) => members.includes(p));
}

export interface SignoffDraft {
  vote: Vote;
  comment?: string | null;
}

export type CirculationSignoff = { allowed: true; positionId: string; vote: Vote; comment: string | null; at: Date; audit: MeetingAudit } | MeetingRefusal;

/** Members sign in person: a viewer who is not staff signed in as themselves does not sign. */
export const signoffInPersonOnly = (): MeetingRefusal => forbidden({ ja: '署名は委員本人が行います。', en: 'Members sign in person.' });

/**
 * A frozen circulation's items are signed by each member (KWW-12-2), once per seat: the first of
 * the actor's seats not yet signed. `signedPositionIds`: the seats that signed the item already.
 */
export function decideSignoff(
  meeting: MeetingFacts,
  rules: CommitteeRules,
  actor: MeetingActor | null,
  item: AgendaItemFacts,
  attendees: readonly AttendeeFacts[],
  signedPositionIds: readonly string[],
  input: SignoffDraft,
  now: Date,
): CirculationSignoff {
  if (!actor) return signoffInPersonOnly();
  if (meeting.mode !== 'circulation')
    return badInput([fieldError(['input', 'itemId'], 'INVALID_VALUE', 'This item is decided at a sitting.', 'この議題は会議で決定されます。')]);
  if (meeting.status !== 'frozen')
    return conflict({
      ja: '署名は議題の確定後、会議録の送付までの間に行います。',
      en: 'Sign-offs open once the agenda is frozen and close when the minutes are sent.',
    });
  if (item.removed || item.outcome) return conflict(ITEM_DECIDED);
  if ((input.comment ?? '').length > 2000)
    return badInput([fieldError(['input', 'comment'], 'TOO_LONG', 'At most 2000 characters.', 'コメントは2000文字以内で入力してください。')]);
  const mine = actorSeats(actor, attendees);
  const position = mine.find((p) => !signedPositionIds.includes(p));
  if (mine.length === 0)
    return forbidden({ ja: '持回りの決定に署名できるのは委員だけです。', en: 'Only the members sign a circulated decision.' }, rules.circulation.ruleIds);
  if (!position) return conflict({ ja: 'この議題にはすでに署名しています。', en: 'You have already signed this item.' });
  return {
    allowed: true,
    positionId: position,
    vote: input.vote,
    comment: input.comment?.trim() || null,
    at: now,
    audit: {
      action: `meeting.circulation.${input.vote}`,
      targetType: 'meeting_item',
      targetId: item.id,
      after: { meeting: meeting.id, position, comment: input.comment ?? null },
      ruleIds: rules.circulation.ruleIds,
    },
  };
}

/**
 * The decision a circulation comes to once every member has signed (circulationState): approved
 * when all agree, else deferred to a sitting; the dissenting seats named by title. Null while open.
 */
export function circulationDecision(
  rules: CommitteeRules,
  attendees: readonly AttendeeFacts[],
  signoffs: readonly { positionId: string; vote: Vote }[],
  now: Date,
): ItemDecisionRecord | null {
  const state = circulationState(
    rules,
    memberSeats(attendees),
    signoffs.map((s) => ({ positionId: s.positionId, vote: s.vote })),
  );
  if (!state.complete || !state.outcome) return null;
  const dissent = signoffs.filter((s) => s.vote === 'disagree').map((s) => attendees.find((a) => a.positionId === s.positionId)?.title ?? s.positionId);
  return { outcome: state.outcome, conditions: null, dissent, note: `持回りにより決定（署名${state.signed}名／${state.required}名）`, at: now };
}

// ---- minutes ---------------------------------------------------------------------------------------------

export type MinutesSending = { allowed: true; status: 'closed'; minutesSentAt: Date; items: number } | MeetingRefusal;

/** The minutes are sent once every item for decision is decided (at a sitting held, or by circulation); the meeting closes. */
export function decideMinutes(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  actor: MeetingActor | null,
  items: readonly AgendaItemFacts[],
  now: Date,
): MinutesSending {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.status === 'closed') return conflict({ ja: '会議録はすでに送付されています。', en: 'The minutes have already been sent.' });
  if (meeting.mode === 'meeting' && meeting.status !== 'held') return conflict({ ja: '先に出席を記録してください。', en: 'Take the attendance first.' });
  if (meeting.mode === 'circulation' && meeting.status !== 'frozen')
    return conflict({ ja: '議題を確定し、署名を集めてください。', en: 'Freeze the agenda and collect the sign-offs first.' });
  const live = items.filter((i) => !i.removed);
  const open = live.filter((i) => (i.groupKey === 'deliberation' || i.groupKey === 'carried_over') && !i.outcome);
  if (open.length)
    return conflict({
      ja: `審議事項のすべてに決定を記録してください（残り${open.length}件）。`,
      en: `Record a decision for every item for decision first (${open.length} left).`,
    });
  return { allowed: true, status: 'closed', minutesSentAt: now, items: live.length };
}

/** What the attendees are told of the minutes sent (in the app, and by mail). */
export function minutesNotice(committee: Pick<CommitteeFacts, 'name'>, meeting: Pick<MeetingFacts, 'heldOn' | 'number' | 'mode'>) {
  const title = meetingTitle(committee, meeting);
  return {
    kind: 'meeting.minutes',
    notification: { subject: `${title} 会議録`, body: `${title}の会議録が確定しました。管理画面の「会議」から確認できます。` },
    mail: { subject: `【司】${title} 会議録`, body: `${title}の会議録が確定しました。\n\n管理画面の「会議」から会議録（PDF・Word）を確認できます。` },
  };
}

/** The audit event of the minutes sent. */
export function minutesSent(committee: CommitteeFacts, meeting: Pick<MeetingFacts, 'id'>, recipients: number, items: number): MeetingAudit {
  return { action: 'meeting.minutes.send', targetType: 'meeting', targetId: meeting.id, after: { recipients, items }, ruleIds: committee.ruleIds };
}
