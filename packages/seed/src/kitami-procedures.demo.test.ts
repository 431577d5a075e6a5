import { describe, expect, it } from 'vitest';
import { procedureReviewStatus } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { KITAMI_DEMO_PROCEDURES, demoReviewedOn } from './kitami-procedures.demo.ts';

describe('the demo procedure definitions’ reviews (KTM-5-1-1) follow the day the demo is loaded', () => {
  const cal = testCalendar();
  // Every day of the next two years, and the turns of the year and of the fiscal year, in Japan time.
  const days = Array.from({ length: 2 * 366 }, (_, n) => cal.day(n));
  const instants = [cal.now, ...days.map((d) => cal.at(d, '00:00')), ...days.map((d) => cal.at(d, '23:59'))];

  it('one definition is due for review, the others were reviewed this fiscal year, whatever the day', () => {
    for (const asOf of instants) {
      const today = testCalendar(asOf).today;
      const due = KITAMI_DEMO_PROCEDURES.filter((p) => procedureReviewStatus(demoReviewedOn(p.reviewed, asOf), today).reviewDue).map((p) => p.name);
      expect(due, today).toEqual(['犬の登録事項変更']);
      for (const p of KITAMI_DEMO_PROCEDURES) expect(demoReviewedOn(p.reviewed, asOf) <= today, `${p.name} on ${today}`).toBe(true);
    }
  });

  it('this fiscal year means its first day; over a year ago, a year and a half before the month', () => {
    const asOf = cal.at(cal.nextMonthDay('03-31'), '23:59');
    expect(demoReviewedOn('this_fiscal_year', asOf)).toBe(cal.lastMonthDay('04-01', cal.nextMonthDay('03-31')));
    expect(demoReviewedOn('this_fiscal_year', new Date(asOf.getTime() + 60_000))).toBe(cal.plusDays(cal.nextMonthDay('03-31'), 1));
    const monthStart = cal.monthStart(0);
    expect(demoReviewedOn('over_a_year_ago', cal.at(cal.today, '12:00'))).toBe(cal.monthStart(-18));
    expect(demoReviewedOn('over_a_year_ago', cal.at(monthStart, '00:00'))).toBe(cal.monthStart(-18));
  });
});
