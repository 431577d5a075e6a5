// Calendar dates as ISO strings (YYYY-MM-DD) and small arithmetic on them, done in UTC so that the
// host time zone never matters.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Year, month (1–12) and day of an ISO date; RangeError when it is not a real date. */
export function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`Invalid date: ${isoDate}`);
  }
  return { year, month, day };
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtcMs(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date n days later (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** The n-th given weekday of a month: nthWeekday(2025, 1, 2, 1) is the second Monday of January 2025. */
export function nthWeekday(year: number, month: number, n: number, weekday: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  return isoDate(year, month, day);
}

/** Last day of the month of an ISO date. */
export function lastDayOfMonth(year: number, month: number): string {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** Validates a month-day ("MM-DD", e.g. "12-31"); returns it as a comparable string. */
export function parseMonthDay(monthDay: string): string {
  const m = MONTH_DAY.exec(monthDay);
  const month = Number(m?.[1]);
  const day = Number(m?.[2]);
  // 2000 is a leap year, so 02-29 is accepted.
  if (!m || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2000, month, 0)).getUTCDate()) {
    throw new RangeError(`Not a month-day (MM-DD): ${monthDay}`);
  }
  return monthDay;
}

/**
 * Whether a date falls in an inclusive month-day range; a range whose start is after its end wraps
 * the year end ({ from: '12-29', to: '01-03' } covers 29 December to 3 January).
 */
export function inMonthDayRange(date: string, range: { from: string; to: string }): boolean {
  const md = date.slice(5);
  const from = parseMonthDay(range.from);
  const to = parseMonthDay(range.to);
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}
