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
  ruleIds: RuleId[];
  /**
   * Rules under which exceptions are made, cited instead of `ruleIds` when one applies: a maintenance
   * stop (KTM-15-2, MNT-15-2) or a temporary extension (KTM-15-1 ただし書き, MNT-15-2).
   */
  exceptionRuleIds?: { closed: RuleId[]; open: RuleId[] };
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

export type OpenState = { open: true; ruleIds: RuleId[] } | { open: false; code: ClosureCode; reason: Bilingual; ruleIds: RuleId[] };
