// Calling a meeting (SPEC §7): the chair or the secretariat sets its date, times and place — none for
// a circulation (KWW-12-2) — and who is expected to attend it.
import { fiscalYearOf } from '../calendar/deadlines.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import type { CommitteeRules } from './committee-rules.ts';
import type { MeetingMode } from './meetings.ts';
import { badInput, keeperRefusal } from './meeting-refusals.ts';
import type { AttendeeFacts, CommitteeFacts, MeetingActor, MeetingAudit, MeetingFacts, MeetingRefusal } from './meeting-transitions.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

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
