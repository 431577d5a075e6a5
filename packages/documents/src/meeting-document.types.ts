// The content of a committee's printed papers: the agenda (次第) sent before a meeting and the
// minutes (会議録) after it. The gateway fills this from the database; the renderers turn it into
// Markdown, DOCX and PDF without knowing where it came from.

import type { AttendeeRole, ItemOutcome, RuleId } from '@tsukasa/domain';

// The committee vocabulary is the domain's (packages/domain/src/committees/meetings.ts).
export type { AttendeeRole, ItemOutcome };

export interface DocumentAttendee {
  /** Position title as printed, e.g. 管理部デジタル推進課長. */
  title: string;
  /** Person's name, e.g. 山田 太郎; null when the position is vacant or the name is not printed. */
  name: string | null;
  role: AttendeeRole;
  /** For a substitute (代理出席): the title of the member they stand in for. */
  substituteFor?: string | null;
  /** Minutes only: whether they were present. Agendas list the expected attendees. */
  present?: boolean;
}

export interface DocumentItem {
  /** 議題 number as printed: 1, 2, 3… */
  number: number;
  /** Group heading the item sits under, e.g. 審議事項, 報告事項, 継続審議事項, その他. */
  group: string;
  title: string;
  /** 説明者: who explains the item, e.g. 福祉推進課長. */
  presenter: string | null;
  /** 資料 references, e.g. { label: '資料1', title: '新規導入等申請書（R8-0012）' }. */
  documents: { label: string; title: string }[];
  /** Rule IDs the item is brought under, e.g. ['ARK-12-4', 'ARK-16-1-2']. */
  ruleIds: RuleId[];
  /** Minutes only. */
  decision?: {
    outcome: ItemOutcome;
    conditions?: string | null;
    /** Titles (or names) of members who dissented. */
    dissent?: string[];
    note?: string | null;
  } | null;
}

export interface MeetingDocument {
  kind: 'agenda' | 'minutes';
  municipalityName: string;
  /** e.g. 電子情報システム運営委員会 */
  committeeName: string;
  /** e.g. 令和8年度第3回 電子情報システム運営委員会 — the renderers add 次第 / 会議録. */
  meetingTitle: string;
  /** ISO date of the meeting, yyyy-mm-dd; printed in 和暦 with the Western date available. */
  date: string;
  /** 'HH:MM', local time; optional. */
  startTime?: string | null;
  endTime?: string | null;
  place: string;
  /** 'meeting' for a sitting, 'circulation' for a decision by circulation (持回り, KWW-12-2). */
  mode: 'meeting' | 'circulation';
  /** Rule IDs that allow the decision by circulation, printed after 持回りにより決定, e.g. ['KWW-12-2']. */
  circulationRuleIds?: RuleId[];
  attendees: DocumentAttendee[];
  /**
   * Printed labels of the attendee groups where the committee's rules name them differently, e.g.
   * { chair: '議長', member: '構成員' }; the defaults are 委員長, 委員, 臨時委員, 代理出席, 委員外出席者, 事務局, 受託事業者.
   */
  roleLabels?: Partial<Record<AttendeeRole, string>>;
  /** 庶務 / 事務局, e.g. 管理部デジタル推進課. */
  secretariat: string;
  items: DocumentItem[];
  /** Minutes only: the quorum as computed (ARK-19-1). */
  quorum?: { members: number; present: number; required: number; met: boolean; ruleIds: RuleId[] } | null;
  /** Rule IDs the committee sits under, printed in a footer line. */
  ruleIds: RuleId[];
  /** Free notes printed at the end (e.g. 次回開催予定). */
  notes?: string[];
}
