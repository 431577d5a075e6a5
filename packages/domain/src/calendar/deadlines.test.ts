import { describe, it, expect } from 'vitest';
import { findRule } from '../rulebooks/index.ts';
import { testCalendar } from '../testing/test-calendar.ts';
import { formatWarekiFiscalYear } from '../wareki.ts';
import {
  addBusinessDays,
  arkApplicationDeadline,
  businessDayOnOrAfter,
  endOfMonth,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  isArkApplicationOnTime,
  isBusinessDay,
  MUNICIPAL_CLOSED_DAYS,
  type BusinessDayOptions,
} from './deadlines.ts';

const municipal: BusinessDayOptions = { closedOnNationalHolidays: true, closedPeriods: [{ from: '12-29', to: '01-03' }] };

describe('isBusinessDay (閉庁日: weekends, national holidays, 12/29–1/3)', () => {
  it.each<[string, boolean]>([
    ['2026-11-20', true], // Friday
    ['2026-11-21', false], // Saturday
    ['2026-11-22', false], // Sunday
    ['2026-11-23', false], // 勤労感謝の日
    ['2026-09-22', false], // 国民の休日
    ['2026-12-28', true],
    ['2026-12-29', false],
    ['2026-12-31', false],
    ['2027-01-01', false],
    ['2027-01-04', true],
    ['2026-01-02', false],
    ['2026-05-01', true],
    ['2026-05-06', false], // 振替休日
  ])('%s → %s', (date, expected) => {
    expect(isBusinessDay(date, municipal)).toBe(expected);
    expect(isBusinessDay(date)).toBe(expected);
  });

  it('follows the options: national holidays need not close', () => {
    expect(isBusinessDay('2026-11-23', { closedOnNationalHolidays: false, closedPeriods: [] })).toBe(true);
    expect(isBusinessDay('2026-11-22', { closedOnNationalHolidays: false, closedPeriods: [], closedWeekdays: [] })).toBe(true);
  });
});

describe('addBusinessDays', () => {
  it.each<[string, number, string]>([
    // Year end: 12/29–1/3 closed, then a weekend.
    ['2025-12-26', 1, '2026-01-05'],
    ['2025-12-26', 2, '2026-01-06'],
    ['2026-01-05', -1, '2025-12-26'],
    ['2026-12-28', 1, '2027-01-04'],
    ['2026-12-25', 2, '2027-01-04'],
    // Golden Week 2026: 4/29 昭和の日, 5/3–5/5, 5/6 振替休日.
    ['2026-04-28', 1, '2026-04-30'],
    ['2026-04-28', 3, '2026-05-07'],
    ['2026-05-01', 1, '2026-05-07'],
    ['2026-05-07', -1, '2026-05-01'],
    // Golden Week 2025: 5/3 (Sat) – 5/6 振替休日.
    ['2025-05-02', 1, '2025-05-07'],
    ['2025-05-02', 0, '2025-05-02'],
    // Silver week 2026: 9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日.
    ['2026-09-18', 1, '2026-09-24'],
    ['2026-11-20', 10, '2026-12-07'],
  ])('%s + %i business days = %s', (date, n, expected) => {
    expect(addBusinessDays(date, n, municipal)).toBe(expected);
    expect(addBusinessDays(date, n)).toBe(expected);
  });

  it('counts only the closed days the options name', () => {
    expect(addBusinessDays('2026-11-20', 1, { closedOnNationalHolidays: false, closedPeriods: [] })).toBe('2026-11-23');
    expect(addBusinessDays('2025-12-30', 1, { closedOnNationalHolidays: true, closedPeriods: [{ from: '12-31', to: '01-03' }] })).toBe('2026-01-05');
  });

  it('rejects bad input', () => {
    expect(() => addBusinessDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-02-03', 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-02-03', 1, { ...MUNICIPAL_CLOSED_DAYS, closedWeekdays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
  });

  it('businessDayOnOrAfter moves a deadline off a closed day', () => {
    expect(businessDayOnOrAfter('2026-11-20')).toBe('2026-11-20');
    expect(businessDayOnOrAfter('2026-11-21')).toBe('2026-11-24');
    expect(businessDayOnOrAfter('2026-12-31')).toBe('2027-01-04');
  });
});

describe('months and fiscal years', () => {
  it.each<[string, string]>([
    ['2024-02-10', '2024-02-29'],
    ['2025-02-01', '2025-02-28'],
    ['2100-02-01', '2100-02-28'],
    ['2026-04-30', '2026-04-30'],
    ['2026-12-15', '2026-12-31'],
  ])('endOfMonth(%s) = %s', (date, expected) => {
    expect(endOfMonth(date)).toBe(expected);
  });

  it.each<[string, number]>([
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2026-12-31', 2026],
    ['2027-01-01', 2026],
  ])('fiscalYearOf(%s) = %i', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it('fiscal year bounds', () => {
    expect(fiscalYearStart(2026)).toBe('2026-04-01');
    expect(fiscalYearEnd(2026)).toBe('2027-03-31');
    expect(fiscalYearOf(fiscalYearStart(2026))).toBe(2026);
    expect(fiscalYearOf(fiscalYearEnd(2026))).toBe(2026);
  });
});

describe('ARK-12-2: applications due by 31 August for the next fiscal year and later', () => {
  it('cites an existing rule that says 8月末日', () => {
    expect(findRule('ARK-12-2')?.text).toContain('毎年8月末日までに');
  });

  it('fiscal year 2027 (令和9年度) → 2026-08-31', () => {
    expect(formatWarekiFiscalYear(fiscalYearStart(2027))).toBe('令和9年度');
    expect(arkApplicationDeadline(2027)).toBe('2026-08-31');
    expect(arkApplicationDeadline(2026)).toBe('2025-08-31');
  });

  it.each<[string, number, boolean]>([
    ['2026-08-31', 2027, true],
    ['2026-04-01', 2027, true],
    ['2026-09-01', 2027, false],
    ['2026-09-01', 2028, true],
    ['2027-05-10', 2027, false],
  ])('filed %s for fiscal year %i → %s', (filedOn, fy, expected) => {
    expect(isArkApplicationOnTime(filedOn, fy)).toBe(expected);
  });

  it('the proviso (urgent, e.g. a change of law) lifts the deadline', () => {
    expect(isArkApplicationOnTime('2027-05-10', 2027, { urgent: true })).toBe(true);
  });
});

describe('ARK-12-2 from the clock: an application for the fiscal year after next', () => {
  const cal = testCalendar();
  const target = cal.fiscalYearAfterNext;
  // The 31 August after the next fiscal year begins: the last one before the target fiscal year.
  const deadline = cal.nextMonthDay('08-31', cal.nextMonthDay('04-01'));
  const dayAfter = cal.plusDays(deadline, 1);

  it('is due on 31 August of the next fiscal year', () => {
    expect(arkApplicationDeadline(target)).toBe(deadline);
    expect(fiscalYearOf(deadline)).toBe(cal.fiscalYear + 1);
    expect(fiscalYearStart(target) > deadline).toBe(true);
  });

  it('filed today or on 31 August itself it is on time; on 1 September it is late, unless urgent', () => {
    expect(isArkApplicationOnTime(cal.today, target)).toBe(true);
    expect(isArkApplicationOnTime(deadline, target)).toBe(true);
    expect(dayAfter.slice(5)).toBe('09-01');
    expect(isArkApplicationOnTime(dayAfter, target)).toBe(false);
    expect(isArkApplicationOnTime(dayAfter, target, { urgent: true })).toBe(true);
    // Filed that 1 September, it is on time for the fiscal year after.
    expect(isArkApplicationOnTime(dayAfter, target + 1)).toBe(true);
  });
});
