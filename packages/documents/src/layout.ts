// The printed content of a meeting paper, worked out once and shared by the three renderers (Markdown,
// DOCX, PDF): every string a reader sees is built here, so the formats differ only in typography.

import { formatWareki } from '@tsukasa/domain';
import type { AttendeeRole, DocumentAttendee, DocumentItem, ItemOutcome, MeetingDocument } from './meeting-document.types.ts';

/** A label with one or more values: 日時, 場所, an attendee group, an item's 説明者 / 資料 lines. */
export interface LabeledLines {
  label: string;
  /** One a line on paper. */
  values: string[];
  /** How the values are joined where they share a line (Markdown); default 、. */
  separator?: string;
}

export interface ItemBlock {
  number: number;
  /** e.g. （１）新規導入等申請「福祉総合相談システム」の導入について */
  heading: string;
  title: string;
  details: LabeledLines[];
}

export interface GroupBlock {
  /** e.g. １　審議事項 */
  heading: string;
  group: string;
  items: ItemBlock[];
}

export interface PaperLayout {
  title: string;
  /** 日時 / 決定日, 場所 / 方法. */
  fields: LabeledLines[];
  /** 出席者, or 構成員 / 回答者 for a decision by circulation. */
  attendanceHeading: string;
  attendance: LabeledLines[];
  /** Minutes only: 欠席者 / 未回答者 (members only). */
  absence: LabeledLines | null;
  /** Minutes only: the 定足数 line. */
  quorum: LabeledLines | null;
  agendaHeading: string;
  groups: GroupBlock[];
  notesHeading: string;
  notes: string[];
  /** Municipality, committee, secretariat and the committee's rule IDs. */
  footer: string;
}

export const KIND_SUFFIX = { agenda: '次第', minutes: '会議録' } as const;

const DEFAULT_ROLE_LABELS: Record<AttendeeRole, string> = {
  chair: '委員長',
  member: '委員',
  temporary_member: '臨時委員',
  substitute: '代理出席',
  invited: '委員外出席者',
  contractor: '受託事業者',
  secretariat: '事務局',
};

/** Order of the attendee groups on the paper. */
const ROLE_ORDER: readonly AttendeeRole[] = ['chair', 'member', 'temporary_member', 'substitute', 'invited', 'contractor', 'secretariat'];
const MEMBER_ROLES: ReadonlySet<AttendeeRole> = new Set(['chair', 'member', 'temporary_member']);

export const OUTCOME_LABELS: Record<ItemOutcome, string> = {
  approved: '承認',
  approved_with_conditions: '条件付き承認',
  rejected: '否認',
  deferred: '継続審議',
};

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^(\d{1,2}):(\d{2})$/;

/** 12 → １２ (digits as printed in headings). */
export function toFullWidthDigits(n: number | string): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

/** Japanese weekday of an ISO date: 2026-12-10 → 木. */
export function weekdayOf(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return WEEKDAYS[day] ?? '';
}

/** 'HH:MM' → 午前10時00分 / 午後2時30分 (noon is 午後0時, midnight 午前0時, as in official documents). */
export function formatJapaneseTime(hhmm: string): string {
  const m = HH_MM.exec(hhmm.trim());
  if (!m) return hhmm;
  const hour = Number(m[1]);
  const minute = m[2] ?? '00';
  if (hour > 23 || Number(minute) > 59) return hhmm;
  return `${hour < 12 ? '午前' : '午後'}${hour % 12}時${minute}分`;
}

export function formatTimeRange(start: string | null | undefined, end: string | null | undefined): string {
  if (start && end) return `${formatJapaneseTime(start)}〜${formatJapaneseTime(end)}`;
  if (start) return `${formatJapaneseTime(start)}から`;
  if (end) return `${formatJapaneseTime(end)}まで`;
  return '';
}

/**
 * The date line split in two: ['令和8年12月10日（木）午前10時00分〜午前11時30分', '（2026年12月10日）']. On paper
 * the Western date goes on a line of its own, so a long line never breaks inside it.
 */
export function meetingDateLines(doc: Pick<MeetingDocument, 'date' | 'startTime' | 'endTime'>): [string, string] {
  const wareki = formatWareki(doc.date);
  const withWestern = formatWareki(doc.date, { withWestern: true });
  // formatWareki appends the Western date in parentheses; the weekday and the time go between the two.
  const western = withWestern.startsWith(wareki) ? withWestern.slice(wareki.length) : '';
  return [`${wareki}（${weekdayOf(doc.date)}）${formatTimeRange(doc.startTime, doc.endTime)}`, western];
}

/**
 * 令和8年12月10日（木）午前10時00分〜午前11時30分　（2026年12月10日）; the full-width space keeps （木） and the
 * Western date from running together when there is no time.
 */
export function formatMeetingDate(doc: Pick<MeetingDocument, 'date' | 'startTime' | 'endTime'>): string {
  return meetingDateLines(doc).filter(Boolean).join('　');
}

export function documentTitle(doc: MeetingDocument): string {
  return `${doc.meetingTitle.trim()} ${KIND_SUFFIX[doc.kind]}`;
}

export function documentFileName(doc: MeetingDocument, ext: 'md' | 'docx' | 'pdf'): string {
  const date = ISO_DATE.test(doc.date) ? doc.date : doc.date.replace(/[^0-9A-Za-z-]+/g, '') || 'undated';
  return `${doc.kind}-${date}.${ext}`;
}

function joinIds(ids: readonly string[]): string {
  return ids.join('、');
}

function roleLabel(doc: MeetingDocument, role: AttendeeRole): string {
  return doc.roleLabels?.[role] ?? DEFAULT_ROLE_LABELS[role];
}

/** 総務企画部長　西川 達也; a substitute: 総務係長　佐藤 花子（総務企画部総務企画課長代理）. */
export function formatAttendee(a: DocumentAttendee): string {
  const person = a.name ? `${a.title}　${a.name}` : a.title;
  return a.role === 'substitute' && a.substituteFor ? `${person}（${a.substituteFor}代理）` : person;
}

function attendeeGroups(doc: MeetingDocument, attendees: readonly DocumentAttendee[]): LabeledLines[] {
  return ROLE_ORDER.flatMap((role) => {
    const values = attendees.filter((a) => a.role === role).map(formatAttendee);
    return values.length > 0 ? [{ label: roleLabel(doc, role), values }] : [];
  });
}

/**
 * Members recorded as absent. A member whose place was taken by a substitute who was present is not
 * listed: the 代理出席 line already accounts for the seat.
 */
function absentMembers(doc: MeetingDocument): DocumentAttendee[] {
  const substituted = new Set(doc.attendees.filter((a) => a.role === 'substitute' && a.present !== false && a.substituteFor).map((a) => a.substituteFor));
  return doc.attendees.filter((a) => MEMBER_ROLES.has(a.role) && a.present === false && !substituted.has(a.title));
}

function quorumLine(doc: MeetingDocument): LabeledLines | null {
  const q = doc.quorum;
  if (doc.kind !== 'minutes' || !q) return null;
  const members = roleLabel(doc, 'member');
  const threshold = q.required === Math.floor(q.members / 2) + 1 ? `過半数${q.required}名` : `定足数${q.required}名`;
  const rules = q.ruleIds.length > 0 ? `（${joinIds(q.ruleIds)}）` : '';
  const text =
    doc.mode === 'circulation'
      ? `${members}${q.members}名中${q.present}名回答（${threshold}）により決定は${q.met ? '成立' : '不成立'}${rules}`
      : `${members}${q.members}名中${q.present}名出席（${threshold}）により会議は${q.met ? '成立' : '不成立'}${rules}`;
  return { label: '定足数', values: [text] };
}

export function formatOutcome(decision: NonNullable<DocumentItem['decision']>): string {
  const label = OUTCOME_LABELS[decision.outcome];
  return decision.outcome === 'approved_with_conditions' && decision.conditions ? `${label}（条件：${decision.conditions}）` : label;
}

function itemDetails(doc: MeetingDocument, item: DocumentItem): LabeledLines[] {
  const details: LabeledLines[] = [];
  if (item.presenter) details.push({ label: '説明者', values: [item.presenter] });
  if (item.documents.length > 0) {
    details.push({ label: '資料', values: item.documents.map((d) => (d.title ? `${d.label}　${d.title}` : d.label)) });
  }
  if (item.ruleIds.length > 0) details.push({ label: '根拠', values: [joinIds(item.ruleIds)] });
  const decision = doc.kind === 'minutes' ? item.decision : null;
  if (decision) {
    details.push({ label: '結果', values: [formatOutcome(decision)] });
    if (decision.dissent && decision.dissent.length > 0) details.push({ label: '反対意見', values: [decision.dissent.join('、')] });
    if (decision.note) details.push({ label: '備考', values: [decision.note] });
  }
  return details;
}

/** Items by group, the groups in the order of their first item. */
function groupItems(doc: MeetingDocument): GroupBlock[] {
  const groups: GroupBlock[] = [];
  const sorted = [...doc.items].sort((a, b) => a.number - b.number);
  for (const item of sorted) {
    let group = groups.find((g) => g.group === item.group);
    if (!group) {
      group = { heading: `${toFullWidthDigits(groups.length + 1)}　${item.group}`, group: item.group, items: [] };
      groups.push(group);
    }
    group.items.push({
      number: item.number,
      heading: `（${toFullWidthDigits(item.number)}）${item.title}`,
      title: item.title,
      details: itemDetails(doc, item),
    });
  }
  return groups;
}

export function buildLayout(doc: MeetingDocument): PaperLayout {
  const circulation = doc.mode === 'circulation';
  const minutes = doc.kind === 'minutes';
  const fields: LabeledLines[] = [
    { label: circulation ? (minutes ? '決定日' : '日付') : '日時', values: meetingDateLines(doc).filter(Boolean), separator: '　' },
  ];
  if (circulation) {
    const rules = doc.circulationRuleIds && doc.circulationRuleIds.length > 0 ? `（${joinIds(doc.circulationRuleIds)}）` : '';
    fields.push({ label: '方法', values: [`持回りにより${minutes ? '決定' : '審議'}${rules}`] });
  } else {
    fields.push({ label: '場所', values: [doc.place] });
  }

  const present = minutes ? doc.attendees.filter((a) => a.present !== false) : doc.attendees;
  const absent = minutes ? absentMembers(doc) : [];

  const footerParts = [`${doc.municipalityName} ${doc.committeeName}`, `事務局：${doc.secretariat}`];
  if (doc.ruleIds.length > 0) footerParts.push(`根拠：${joinIds(doc.ruleIds)}`);

  return {
    title: documentTitle(doc),
    fields,
    attendanceHeading: circulation ? (minutes ? '回答者' : '構成員') : '出席者',
    attendance: attendeeGroups(doc, present),
    absence: minutes && absent.length > 0 ? { label: circulation ? '未回答者' : '欠席者', values: absent.map(formatAttendee) } : null,
    quorum: quorumLine(doc),
    agendaHeading: '議題',
    groups: groupItems(doc),
    notesHeading: '備考',
    notes: doc.notes ?? [],
    footer: footerParts.join('　'),
  };
}
