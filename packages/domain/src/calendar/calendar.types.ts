import type { Bilingual } from '../bilingual.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
/** Opening hours of one weekday: [start, end) in local time, "HH:MM"; end may be "24:00". */
export interface DailyHours {
  start: string;
  end: string;
}

/**
 * When a system may be used (SPEC §6): weekly hours in the municipality's time zone, days it is
 * closed (e.g. KTM-15-1: 12/31–1/3), whether Japanese national holidays close it, plus temporary
 * changes and maintenance stops announced in advance (MNT-15-2, KTM-15-2).
 */
export interface OperatingCalendar {
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday; an empty list = closed that weekday. */
  weekly: DailyHours[][];
  /** Closed month-day ranges, inclusive, possibly wrapping the year end: { from: '12-31', to: '01-03' }. */
  closedPeriods: { from: string; to: string }[];
  closedOnNationalHolidays: boolean;
  /** Temporary changes: [from, to) instants during which the system is closed (maintenance) or open (extended hours). */
  exceptions: OperatingException[];
  /** The rules that set these hours (MNT-15-1, KTM-15-1); empty when no rule sets them (see `hoursSetting`). */
  ruleIds: RuleId[];
  /**
   * Hours no rule sets are the municipality's setting: named here, so that the calendar shows them
   * as such and a refusal says which setting refused. Absent when `ruleIds` set the hours.
   */
  hoursSetting?: HoursSetting;
  /**
   * Rules under which exceptions are made, cited instead of `ruleIds` when one applies: a maintenance
   * stop (KTM-15-2, MNT-15-2) or a temporary extension (KTM-15-1 ただし書き, MNT-15-2).
   */
  exceptionRuleIds?: { closed: RuleId[]; open: RuleId[] };
}

/** A municipality's setting of the hours a rulebook leaves open. */
export interface HoursSetting {
  /** Which setting, e.g. 川崎市の業務時間の設定. */
  label: Bilingual;
  /** What the rulebook does say about these hours, with its rule (KWO-7-1: no use outside 業務時間), if anything. */
  note?: Bilingual;
}

/** A temporary change of the operating hours: [from, to) instants. */
export interface OperatingException {
  from: string;
  to: string;
  kind: 'closed' | 'open';
  /** Japanese reason as announced, e.g. 定期保守作業. */
  reason: string;
  /** English reason, when given. */
  reasonEn?: string;
  /** When the using sections were notified (MNT-15-2, KTM-15-2). */
  announcedAt?: string | null;
}

/** Why a system is closed at an instant: a closed day, outside its operating hours, or a maintenance stop. */
export const CLOSURE_CODE_VALUES = ['CLOSED_DAY', 'OUTSIDE_OPERATING_HOURS', 'MAINTENANCE'] as const;
export type ClosureCode = (typeof CLOSURE_CODE_VALUES)[number];

export type OpenState =
  | { open: true; ruleIds: RuleId[] }
  /** `setting`: the municipality setting that closed it, when no rule sets the hours. */
  | { open: false; code: ClosureCode; reason: Bilingual; ruleIds: RuleId[]; setting?: Bilingual };
