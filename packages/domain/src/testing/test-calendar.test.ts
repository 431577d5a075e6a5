import { describe, expect, it } from 'vitest';
import { isBusinessDay } from '../calendar/deadlines.ts';
import { weekdayOf as weekdayOfDate } from '../calendar/iso-date.ts';
import { isJapaneseHoliday } from '../calendar/japanese-holidays.ts';
import { settableClock } from '../clock.ts';
import { TestCalendar } from './test-calendar.ts';

const year = new Date().getUTCFullYear() + 1;
/** An instant in Japan time next year, built from the running year (tests hold on any date). */
const jst = (month: number, day: number, hour = 10) => new Date(Date.UTC(year, month - 1, day, hour - 9));

describe('dates for tests, derived from the clock', () => {
  it('reads today in Japan time, not UTC', () => {
    // 08:30 JST on 1 April is still 31 March in UTC.
    const t = new TestCalendar(jst(4, 1, 8));
    expect(t.today.slice(5)).toBe('04-01');
    expect(t.fiscalYear).toBe(year);
    expect(new TestCalendar(jst(3, 31, 23)).fiscalYear).toBe(year - 1);
    expect(t.fiscalYearAfterNext).toBe(year + 2);
  });

  it('finds business days past weekends, national holidays and the year-end closure', () => {
    const t = new TestCalendar(jst(12, 30));
    const next = t.businessDay(1);
    expect(next > `${year + 1}-01-03`).toBe(true);
    expect(isBusinessDay(next)).toBe(true);
    for (let n = 1; n <= 60; n++) expect(isBusinessDay(new TestCalendar(jst(1, 1)).businessDay(n))).toBe(true);
  });

  it('finds the next weekday, month-day and holiday Monday on or after a date', () => {
    const t = new TestCalendar(jst(6, 15));
    for (let w = 0; w < 7; w++) {
      const d = t.nextWeekday(w);
      expect(weekdayOfDate(d)).toBe(w);
      expect(t.daysBetween(t.today, d)).toBeGreaterThanOrEqual(1);
      expect(t.daysBetween(t.today, d)).toBeLessThanOrEqual(7);
    }
    expect(t.nextMonthDay('12-31')).toBe(`${year}-12-31`);
    expect(t.nextMonthDay('01-04')).toBe(`${year + 1}-01-04`);
    expect(t.nextMonthDay('02-29') >= `${year + 1}-02-29`).toBe(true);
    expect(t.lastMonthDay('06-15')).toBe(t.today);
    expect(t.lastMonthDay('09-15')).toBe(`${year - 1}-09-15`);
    expect(t.lastMonthDay('01-10')).toBe(`${year}-01-10`);
    const monday = t.nextHolidayMonday();
    expect(weekdayOfDate(monday)).toBe(1);
    expect(isJapaneseHoliday(monday)).toBe(true);
  });

  it('moves a date by whole years, 29 February to 28 February in a common year', () => {
    const t = new TestCalendar(jst(6, 15));
    expect(t.yearsAfter(t.today, 1)).toBe(`${year + 1}-06-15`);
    expect(t.yearsAfter(t.today, -2)).toBe(`${year - 2}-06-15`);
    const leapDay = t.nextMonthDay('02-29');
    const leapYear = Number(leapDay.slice(0, 4));
    expect(t.yearsAfter(leapDay, 1)).toBe(`${leapYear + 1}-02-28`);
    expect(t.yearsAfter(leapDay, 4)).toBe(`${leapYear + 4}-02-29`);
    expect(t.yearsAfter(`${leapYear - 1}-02-28`, 1)).toBe(`${leapYear}-02-28`);
  });

  it('gives month boundaries and Japan-time instants', () => {
    const t = new TestCalendar(jst(1, 31));
    expect(t.monthStart(1)).toBe(`${year}-02-01`);
    expect(t.monthEnd(-1)).toBe(`${year - 1}-12-31`);
    expect(t.at(t.today, '00:00').toISOString()).toBe(`${year}-01-30T15:00:00.000Z`);
    expect(t.iso(t.today, '10:00')).toBe(`${year}-01-31T10:00:00+09:00`);
  });

  it('a settable clock stays where a test puts it, and moves when told', () => {
    const clock = settableClock();
    const before = Date.now();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    const at = jst(8, 31, 23);
    clock.set(at);
    expect(clock.now()).toEqual(at);
    clock.advance(2 * 3_600_000);
    expect(new TestCalendar(clock.now()).today.slice(5)).toBe('09-01');
    clock.set(null);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
  });
});
