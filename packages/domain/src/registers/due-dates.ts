// Due dates of the registers (SPEC §6): months (ARK-8 月間処理予定), quarters of the
// fiscal year (KWO-5-3 点検シート), retention periods (KWO-9-4 保存期間). ISO dates only; 和暦 is the
// admin app's business.
import { endOfMonth, fiscalYearEnd, fiscalYearOf } from '../calendar/deadlines.ts';
import { isoDate, lastDayOfMonth, parseIsoDate } from '../calendar/iso-date.ts';
import { isSupportedDate, isSupportedMonth } from '../calendar/supported-dates.ts';
import type { Bilingual } from '../requests/request.types.ts';

/**
 * Whether a string is a real calendar date as YYYY-MM-DD (2027-02-30 is not) in the range the
 * product accepts (calendar/supported-dates.ts).
 */
export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && isSupportedDate(value);
}

/**
 * Where an obligation with a due date stands on a day:
 * upcoming (not yet asked for), due (asked for, due date not passed), overdue (due date passed, not
 * done), done (on time), done_late (after the due date).
 */
export type DueState = 'upcoming' | 'due' | 'overdue' | 'done' | 'done_late';

export const DUE_STATES: Record<DueState, Bilingual> = {
  upcoming: { ja: '期間前', en: 'Not yet due' },
  due: { ja: '期限内（未了）', en: 'Due' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  done: { ja: '完了', en: 'Done' },
  done_late: { ja: '完了（期限後）', en: 'Done late' },
};

/**
 * The state of an obligation that opens on `opensOn` and is due on `dueOn` (both inclusive), on
 * `today`, given the day it was done (null: not done). A deadline is the day itself: the rules here
 * say 毎月末まで and 年4回 and do not move a due date off a closed day.
 */
export function dueState(o: { opensOn: string; dueOn: string; doneOn: string | null }, today: string): DueState {
  parseIsoDate(today);
  if (o.doneOn) return o.doneOn <= o.dueOn ? 'done' : 'done_late';
  if (today < o.opensOn) return 'upcoming';
  return today <= o.dueOn ? 'due' : 'overdue';
}

// ---- months (ARK-8-1) -----------------------------------------------------------------------------

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month as YYYY-MM in the range the product accepts. */
export function isMonth(value: string): boolean {
  return isSupportedMonth(value);
}

function parseMonth(month: string): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The month (YYYY-MM) of a date. */
export function monthOf(date: string): string {
  parseIsoDate(date);
  return date.slice(0, 7);
}

/** The month n months later (n may be negative): addMonths('2026-12', 1) is 2027-01. */
export function addMonths(month: string, n: number): string {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function firstDayOf(month: string): string {
  const { year, month: m } = parseMonth(month);
  return isoDate(year, m, 1);
}

export function lastDayOf(month: string): string {
  const { year, month: m } = parseMonth(month);
  return lastDayOfMonth(year, m);
}

/**
 * ARK-8-1: 毎月末までに、その翌月の…月間処理予定を報告. The plan for a month is due on the last day
 * of the month before it (the plan for 2027-03 is due 2027-02-28) and is asked for from the first
 * day of that month.
 */
export function processingPlanWindow(month: string): { opensOn: string; dueOn: string } {
  const previous = addMonths(month, -1);
  return { opensOn: firstDayOf(previous), dueOn: lastDayOf(previous) };
}

// ---- quarters of the fiscal year (KWO-5-3) -----------------------------------------------------------

export type FiscalQuarter = 1 | 2 | 3 | 4;

export interface QuarterPeriod {
  fiscalYear: number;
  quarter: FiscalQuarter;
  /** First and last day of the quarter; the last day is the due date. */
  from: string;
  to: string;
  label: Bilingual;
}

const QUARTER_START_MONTH: Record<FiscalQuarter, number> = { 1: 4, 2: 7, 3: 10, 4: 1 };
const QUARTER_LABEL: Record<FiscalQuarter, Bilingual> = {
  1: { ja: '第1四半期（4月〜6月）', en: 'Q1 (April–June)' },
  2: { ja: '第2四半期（7月〜9月）', en: 'Q2 (July–September)' },
  3: { ja: '第3四半期（10月〜12月）', en: 'Q3 (October–December)' },
  4: { ja: '第4四半期（1月〜3月）', en: 'Q4 (January–March)' },
};

/** A quarter of a fiscal year (年度, April–March): Q4 of fiscal year 2026 is January–March 2027. */
export function fiscalQuarter(fiscalYear: number, quarter: FiscalQuarter): QuarterPeriod {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`Not a fiscal year: ${fiscalYear}`);
  if (![1, 2, 3, 4].includes(quarter)) throw new RangeError(`Not a quarter: ${quarter}`);
  const year = quarter === 4 ? fiscalYear + 1 : fiscalYear;
  const startMonth = QUARTER_START_MONTH[quarter];
  return { fiscalYear, quarter, from: isoDate(year, startMonth, 1), to: endOfMonth(isoDate(year, startMonth + 2, 1)), label: QUARTER_LABEL[quarter] };
}

/** The four quarters of a fiscal year, in order. */
export function fiscalQuarters(fiscalYear: number): QuarterPeriod[] {
  return ([1, 2, 3, 4] as const).map((q) => fiscalQuarter(fiscalYear, q));
}

/** The fiscal quarter a date falls in: 2027-02-10 is Q4 of fiscal year 2026. */
export function fiscalQuarterOf(date: string): QuarterPeriod {
  const fy = fiscalYearOf(date);
  return fiscalQuarters(fy).find((q) => q.from <= date && date <= q.to)!;
}

/** The quarter a date falls in and the `count - 1` quarters before it, oldest first: a rolling year for count 4. */
export function recentQuarters(date: string, count: number): QuarterPeriod[] {
  const current = fiscalQuarterOf(date);
  const index = current.fiscalYear * 4 + (current.quarter - 1);
  return Array.from({ length: count }, (_, i) => index - (count - 1) + i).map((n) => fiscalQuarter(Math.floor(n / 4), ((n % 4) + 1) as FiscalQuarter));
}

// ---- retention periods (KWO-9-4) ----------------------------------------------------------------------

/**
 * The last day a record must be kept. KWO-9-4 takes the period (保存期間) from the city's document
 * classification table; it is counted, as municipal document rules count it, from 1 April of the
 * fiscal year after the one the record was made in (翌年度4月1日起算). A form made on 2026-05-10 with a
 * 1-year period is kept until 2028-03-31. `years` null is 常用 (kept while in use): no end.
 */
export function retentionEndOn(createdOn: string, years: number | null): string | null {
  parseIsoDate(createdOn);
  if (years === null) return null;
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`Not a retention period in years: ${years}`);
  return fiscalYearEnd(fiscalYearOf(createdOn) + years);
}
