// Dates for tests, derived from the test's clock in Japan time: "the next business day at 10:00",
// "the fiscal year after next", "the next 31 December". A test written with these holds on any day
// it runs; a literal date in a test is a failure waiting for its day.
import { addBusinessDays, businessDayOnOrAfter, fiscalYearOf, isBusinessDay, MUNICIPAL_CLOSED_DAYS, type BusinessDayOptions } from '../calendar/deadlines.ts';
import { addDays, daysBetween, isoDate, parseIsoDate, weekdayOf } from '../calendar/iso-date.ts';
import { isJapaneseHoliday } from '../calendar/japanese-holidays.ts';
import { localParts, zonedInstant } from '../calendar/operating-calendar.ts';

export const TEST_TIME_ZONE = 'Asia/Tokyo';

/** Calendar arithmetic anchored on one instant (the test's "now"), in Japan time. */
export class TestCalendar {
  /** Today in Japan at the anchor (YYYY-MM-DD). */
  readonly today: string;

  constructor(readonly now: Date = new Date()) {
    this.today = localParts(now, TEST_TIME_ZONE).date;
  }

  /** The date `n` days after today (n < 0: before). */
  day(n: number): string {
    return addDays(this.today, n);
  }

  /** The date `n` days after `date`. */
  plusDays(date: string, n: number): string {
    return addDays(date, n);
  }

  /** Days from `a` to `b` (b − a). */
  daysBetween(a: string, b: string): number {
    return daysBetween(a, b);
  }

  /** The instant a Japanese wall clock shows `time` on `date`. */
  at(date: string, time = '10:00'): Date {
    return zonedInstant(date, time, TEST_TIME_ZONE);
  }

  /** The same instant as an ISO string with the Japan offset, as a user types it: 2027-01-05T10:00:00+09:00. */
  iso(date: string, time = '10:00'): string {
    const normalized = time.length === 5 ? `${time}:00` : time;
    return `${date}T${normalized}+09:00`;
  }

  /** The instant `hours` (may be fractional or negative) after the anchor. */
  hoursFromNow(hours: number): Date {
    return new Date(this.now.getTime() + hours * 3_600_000);
  }

  /** The first business day (weekday, no national holiday, not 29 Dec–3 Jan) at least `n` days after today. */
  businessDay(n = 1, opts: BusinessDayOptions = MUNICIPAL_CLOSED_DAYS): string {
    return businessDayOnOrAfter(this.day(n), opts);
  }

  /** The `n`th business day after `date` (the date itself not counted). */
  businessDaysAfter(date: string, n: number, opts: BusinessDayOptions = MUNICIPAL_CLOSED_DAYS): string {
    return addBusinessDays(date, n, opts);
  }

  isBusinessDay(date: string, opts: BusinessDayOptions = MUNICIPAL_CLOSED_DAYS): boolean {
    return isBusinessDay(date, opts);
  }

  /** The first date on or after `from` (default: tomorrow) that falls on `weekday` (0 = Sunday … 6 = Saturday). */
  nextWeekday(weekday: number, from: string = this.day(1)): string {
    return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
  }

  /** The first date on or after `from` (default: tomorrow) with this month and day ("12-31"). */
  nextMonthDay(monthDay: string, from: string = this.day(1)): string {
    const [month, day] = monthDay.split('-').map(Number) as [number, number];
    const { year } = parseIsoDate(from);
    for (let y = year; ; y++) {
      if (month === 2 && day === 29 && !isLeapYear(y)) continue;
      const candidate = isoDate(y, month, day);
      if (candidate >= from) return candidate;
    }
  }

  /** The last date on or before `until` (default: today) with this month and day ("09-15"). */
  lastMonthDay(monthDay: string, until: string = this.today): string {
    const next = this.nextMonthDay(monthDay, until);
    if (next === until) return until;
    const [month, day] = monthDay.split('-').map(Number) as [number, number];
    for (let y = parseIsoDate(until).year; ; y--) {
      if (month === 2 && day === 29 && !isLeapYear(y)) continue;
      const candidate = isoDate(y, month, day);
      if (candidate <= until) return candidate;
    }
  }

  /** The first Monday on or after `from` (default: tomorrow) that is a national holiday (振替休日 and ハッピーマンデー included). */
  nextHolidayMonday(from: string = this.day(1)): string {
    for (let d = this.nextWeekday(1, from); ; d = addDays(d, 7)) if (isJapaneseHoliday(d)) return d;
  }

  /** The same day `n` years after `date` (n < 0: before); 29 February becomes 28 February in a common year. */
  yearsAfter(date: string, n: number): string {
    const { year, month, day } = parseIsoDate(date);
    const y = year + n;
    return isoDate(y, month, month === 2 && day === 29 && !isLeapYear(y) ? 28 : day);
  }

  /** First day of the month `n` months after this one. */
  monthStart(n = 0): string {
    const { year, month } = parseIsoDate(this.today);
    const index = year * 12 + (month - 1) + n;
    return isoDate(Math.floor(index / 12), (index % 12) + 1, 1);
  }

  /** Last day of the month `n` months after this one. */
  monthEnd(n = 0): string {
    return addDays(this.monthStart(n + 1), -1);
  }

  /** 年度 (April–March) of today, as the year it starts in. */
  get fiscalYear(): number {
    return fiscalYearOf(this.today);
  }

  /** The fiscal year after next: an ARK-12 application for it is on time until 31 August of next year. */
  get fiscalYearAfterNext(): number {
    return this.fiscalYear + 2;
  }
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The calendar of a test that runs now (or at a given instant). */
export function testCalendar(now: Date = new Date()): TestCalendar {
  return new TestCalendar(now);
}
