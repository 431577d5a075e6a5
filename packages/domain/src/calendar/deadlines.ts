// Business days, fiscal years and deadlines as a Japanese municipality counts them.
import { toJapaneseFiscalYear } from '../wareki.ts';
import { addDays, inMonthDayRange, isoDate, lastDayOfMonth, parseIsoDate, weekdayOf } from './iso-date.ts';
import { isJapaneseHoliday } from './japanese-holidays.ts';

export interface BusinessDayOptions {
  closedOnNationalHolidays: boolean;
  /** Closed month-day ranges, inclusive, possibly wrapping the year end. */
  closedPeriods: { from: string; to: string }[];
  /** Closed weekdays, 0 = Sunday … 6 = Saturday; default Saturday and Sunday. */
  closedWeekdays?: number[];
}

/**
 * The usual 閉庁日 of a Japanese municipality (地方自治法第4条の2): Saturdays, Sundays, national holidays
 * and 29 December to 3 January.
 */
export const MUNICIPAL_CLOSED_DAYS: Readonly<BusinessDayOptions> = Object.freeze({
  closedOnNationalHolidays: true,
  closedPeriods: [{ from: '12-29', to: '01-03' }],
  closedWeekdays: [0, 6],
});

export function isBusinessDay(date: string, opts: BusinessDayOptions = MUNICIPAL_CLOSED_DAYS): boolean {
  parseIsoDate(date);
  if ((opts.closedWeekdays ?? [0, 6]).includes(weekdayOf(date))) return false;
  if (opts.closedPeriods.some((p) => inMonthDayRange(date, p))) return false;
  return !(opts.closedOnNationalHolidays && isJapaneseHoliday(date));
}

/**
 * The date n business days after (n < 0: before) a date, the date itself not counted:
 * addBusinessDays('2025-12-26', 1) is 2026-01-05. n = 0 returns the date unchanged.
 */
export function addBusinessDays(date: string, n: number, opts: BusinessDayOptions = MUNICIPAL_CLOSED_DAYS): string {
  parseIsoDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be a whole number: ${n}`);
  if ((opts.closedWeekdays ?? [0, 6]).length >= 7) throw new RangeError('Every weekday is closed');
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(n); left > 0;) {
    current = addDays(current, step);
    if (isBusinessDay(current, opts)) left--;
  }
  return current;
}

/**
 * The date itself when it is a business day, else the next one: a deadline that falls on a day the
 * office is closed moves to the following business day (地方自治法第4条の2第4項 for statutory deadlines).
 */
export function businessDayOnOrAfter(date: string, opts: BusinessDayOptions = MUNICIPAL_CLOSED_DAYS): string {
  return isBusinessDay(date, opts) ? date : addBusinessDays(date, 1, opts);
}

/** Last day of the month of a date: 2024-02-10 → 2024-02-29. */
export function endOfMonth(date: string): string {
  const { year, month } = parseIsoDate(date);
  return lastDayOfMonth(year, month);
}

/** 年度 (April–March) as the year it starts in: 2026-03-31 → 2025. */
export function fiscalYearOf(date: string): number {
  parseIsoDate(date);
  return toJapaneseFiscalYear(date);
}

/** First day of a fiscal year: 2026 → 2026-04-01. */
export function fiscalYearStart(fiscalYear: number): string {
  return isoDate(fiscalYear, 4, 1);
}

/** Last day of a fiscal year: 2026 → 2027-03-31. */
export function fiscalYearEnd(fiscalYear: number): string {
  return isoDate(fiscalYear + 1, 3, 31);
}

/**
 * ARK-12-2: applications for introducing or changing a system planned for the next fiscal year and later
 * are due by 31 August each year. The last deadline for a fiscal year is 31 August of the calendar year
 * before it starts: fiscal year 2027 (令和9年度) → 2026-08-31. The rule says 8月末日 and does not move it
 * off a closed day.
 */
export function arkApplicationDeadline(forFiscalYear: number): string {
  if (!Number.isInteger(forFiscalYear)) throw new RangeError(`Not a fiscal year: ${forFiscalYear}`);
  return isoDate(forFiscalYear - 1, 8, 31);
}

/**
 * Whether an application filed on a date meets ARK-12-2 for a target fiscal year. `urgent` covers the
 * proviso (法令改正等緊急に行う必要があると認められるとき), to which the deadline does not apply.
 */
export function isArkApplicationOnTime(filedOn: string, targetFiscalYear: number, opts: { urgent?: boolean } = {}): boolean {
  parseIsoDate(filedOn);
  if (opts.urgent) return true;
  return filedOn <= arkApplicationDeadline(targetFiscalYear);
}
