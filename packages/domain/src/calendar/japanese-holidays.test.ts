import { describe, it, expect } from 'vitest';
import { autumnalEquinoxDay, isJapaneseHoliday, japaneseHolidayName, japaneseHolidays, vernalEquinoxDay } from './japanese-holidays.ts';

const table = (year: number): string[] => japaneseHolidays(year).map((h) => `${h.date} ${h.name}`);

describe('japaneseHolidays', () => {
  it('2019: the accession, 国民の休日 on 4/30 and 5/2, 振替休日 and the enthronement ceremony', () => {
    expect(table(2019)).toEqual([
      '2019-01-01 元日',
      '2019-01-14 成人の日',
      '2019-02-11 建国記念の日',
      '2019-03-21 春分の日',
      '2019-04-29 昭和の日',
      '2019-04-30 国民の休日',
      '2019-05-01 天皇の即位の日',
      '2019-05-02 国民の休日',
      '2019-05-03 憲法記念日',
      '2019-05-04 みどりの日',
      '2019-05-05 こどもの日',
      '2019-05-06 振替休日',
      '2019-07-15 海の日',
      '2019-08-11 山の日',
      '2019-08-12 振替休日',
      '2019-09-16 敬老の日',
      '2019-09-23 秋分の日',
      '2019-10-14 体育の日',
      '2019-10-22 即位礼正殿の儀',
      '2019-11-03 文化の日',
      '2019-11-04 振替休日',
      '2019-11-23 勤労感謝の日',
    ]);
  });

  it('2019 has no 天皇誕生日; 12/23 until 2018, 2/23 from 2020', () => {
    expect(japaneseHolidayName('2018-12-23')).toBe('天皇誕生日');
    expect(japaneseHolidayName('2019-12-23')).toBeNull();
    expect(japaneseHolidayName('2019-02-23')).toBeNull();
    expect(japaneseHolidayName('2020-02-23')).toBe('天皇誕生日');
    expect(japaneseHolidays(2019).some((h) => h.name === '天皇誕生日')).toBe(false);
  });

  it('2020: holidays moved for the Olympics', () => {
    expect(table(2020)).toEqual([
      '2020-01-01 元日',
      '2020-01-13 成人の日',
      '2020-02-11 建国記念の日',
      '2020-02-23 天皇誕生日',
      '2020-02-24 振替休日',
      '2020-03-20 春分の日',
      '2020-04-29 昭和の日',
      '2020-05-03 憲法記念日',
      '2020-05-04 みどりの日',
      '2020-05-05 こどもの日',
      '2020-05-06 振替休日',
      '2020-07-23 海の日',
      '2020-07-24 スポーツの日',
      '2020-08-10 山の日',
      '2020-09-21 敬老の日',
      '2020-09-22 秋分の日',
      '2020-11-03 文化の日',
      '2020-11-23 勤労感謝の日',
    ]);
  });

  it('2021: holidays moved for the Olympics, 山の日 on a Sunday', () => {
    expect(table(2021)).toEqual([
      '2021-01-01 元日',
      '2021-01-11 成人の日',
      '2021-02-11 建国記念の日',
      '2021-02-23 天皇誕生日',
      '2021-03-20 春分の日',
      '2021-04-29 昭和の日',
      '2021-05-03 憲法記念日',
      '2021-05-04 みどりの日',
      '2021-05-05 こどもの日',
      '2021-07-22 海の日',
      '2021-07-23 スポーツの日',
      '2021-08-08 山の日',
      '2021-08-09 振替休日',
      '2021-09-20 敬老の日',
      '2021-09-23 秋分の日',
      '2021-11-03 文化の日',
      '2021-11-23 勤労感謝の日',
    ]);
    expect(japaneseHolidayName('2021-10-11')).toBeNull();
  });

  it('2024', () => {
    expect(table(2024)).toEqual([
      '2024-01-01 元日',
      '2024-01-08 成人の日',
      '2024-02-11 建国記念の日',
      '2024-02-12 振替休日',
      '2024-02-23 天皇誕生日',
      '2024-03-20 春分の日',
      '2024-04-29 昭和の日',
      '2024-05-03 憲法記念日',
      '2024-05-04 みどりの日',
      '2024-05-05 こどもの日',
      '2024-05-06 振替休日',
      '2024-07-15 海の日',
      '2024-08-11 山の日',
      '2024-08-12 振替休日',
      '2024-09-16 敬老の日',
      '2024-09-22 秋分の日',
      '2024-09-23 振替休日',
      '2024-10-14 スポーツの日',
      '2024-11-03 文化の日',
      '2024-11-04 振替休日',
      '2024-11-23 勤労感謝の日',
    ]);
  });

  it('2025', () => {
    expect(table(2025)).toEqual([
      '2025-01-01 元日',
      '2025-01-13 成人の日',
      '2025-02-11 建国記念の日',
      '2025-02-23 天皇誕生日',
      '2025-02-24 振替休日',
      '2025-03-20 春分の日',
      '2025-04-29 昭和の日',
      '2025-05-03 憲法記念日',
      '2025-05-04 みどりの日',
      '2025-05-05 こどもの日',
      '2025-05-06 振替休日',
      '2025-07-21 海の日',
      '2025-08-11 山の日',
      '2025-09-15 敬老の日',
      '2025-09-23 秋分の日',
      '2025-10-13 スポーツの日',
      '2025-11-03 文化の日',
      '2025-11-23 勤労感謝の日',
      '2025-11-24 振替休日',
    ]);
  });

  it('2026: 9/22 is 国民の休日 between 敬老の日 and 秋分の日', () => {
    expect(table(2026)).toEqual([
      '2026-01-01 元日',
      '2026-01-12 成人の日',
      '2026-02-11 建国記念の日',
      '2026-02-23 天皇誕生日',
      '2026-03-20 春分の日',
      '2026-04-29 昭和の日',
      '2026-05-03 憲法記念日',
      '2026-05-04 みどりの日',
      '2026-05-05 こどもの日',
      '2026-05-06 振替休日',
      '2026-07-20 海の日',
      '2026-08-11 山の日',
      '2026-09-21 敬老の日',
      '2026-09-22 国民の休日',
      '2026-09-23 秋分の日',
      '2026-10-12 スポーツの日',
      '2026-11-03 文化の日',
      '2026-11-23 勤労感謝の日',
    ]);
  });

  it.each([
    ['2025-02-24', '振替休日'],
    ['2025-05-06', '振替休日'],
    ['2025-09-15', '敬老の日'],
    ['2025-09-23', '秋分の日'],
    ['2025-11-24', '振替休日'],
    ['2026-09-22', '国民の休日'],
    ['2000-01-10', '成人の日'],
    ['1999-01-15', '成人の日'],
    ['1999-10-10', '体育の日'],
    ['2002-07-20', '海の日'],
    ['2003-07-21', '海の日'],
    ['2002-09-16', '振替休日'],
    ['2006-04-29', 'みどりの日'],
    ['2007-04-29', '昭和の日'],
    ['2008-05-06', '振替休日'],
    ['1988-04-29', '天皇誕生日'],
    ['1988-05-04', '国民の休日'],
    ['2006-05-04', '国民の休日'],
    ['1989-02-24', '昭和天皇の大喪の礼'],
    ['1973-04-30', '振替休日'],
    ['2016-08-11', '山の日'],
    ['1948-09-23', '秋分の日'],
  ])('%s is %s', (date, name) => {
    expect(japaneseHolidayName(date)).toBe(name);
    expect(isJapaneseHoliday(date)).toBe(true);
  });

  it.each(['2025-01-02', '2025-12-31', '2015-08-11', '2006-05-07', '1972-04-30', '1948-04-29', '2019-03-20', '2026-09-24'])('%s is not a holiday', (date) => {
    expect(japaneseHolidayName(date)).toBeNull();
    expect(isJapaneseHoliday(date)).toBe(false);
  });

  it('before 2007 a 振替休日 is only the next day, and 5/4 falling on a Sunday is no holiday', () => {
    // 2003-05-04 was a Sunday: neither 国民の休日 (Sundays excluded) nor 振替休日 (not a 国民の祝日).
    expect(japaneseHolidayName('2003-05-04')).toBeNull();
    expect(japaneseHolidayName('2003-05-05')).toBe('こどもの日');
    expect(japaneseHolidayName('2003-05-06')).toBeNull();
  });

  it('lists are sorted, unique and inside the year, every year 1948–2099', () => {
    for (let year = 1948; year <= 2099; year++) {
      const dates = japaneseHolidays(year).map((h) => h.date);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      if (year >= 2007) {
        // Every Sunday 国民の祝日 has its 振替休日 from 2007 on.
        expect(
          japaneseHolidays(year).every(
            (h) => new Date(`${h.date}T00:00:00Z`).getUTCDay() !== 0 || dates.some((d) => d > h.date && japaneseHolidayName(d) === '振替休日'),
          ),
        ).toBe(true);
      }
    }
  });

  it('rejects years it does not compute and malformed dates', () => {
    expect(() => japaneseHolidays(1947)).toThrow(RangeError);
    expect(() => japaneseHolidays(2100)).toThrow(RangeError);
    expect(() => japaneseHolidayName('2025-02-30')).toThrow(RangeError);
    expect(() => japaneseHolidayName('2025/01/01')).toThrow(RangeError);
  });
});

describe('equinox days', () => {
  it.each([
    [1948, 21, 23],
    [1960, 20, 23],
    [1979, 21, 24],
    [1980, 20, 23],
    [2000, 20, 23],
    [2012, 20, 22],
    [2019, 21, 23],
    [2020, 20, 22],
    [2023, 21, 23],
    [2024, 20, 22],
    [2025, 20, 23],
    [2026, 20, 23],
    [2027, 21, 23],
    [2028, 20, 22],
    [2030, 20, 23],
    [2044, 20, 22],
    [2092, 19, 22],
    [2099, 20, 23],
  ])('%i: 春分 3/%i, 秋分 9/%i', (year, spring, autumn) => {
    expect(vernalEquinoxDay(year)).toBe(spring);
    expect(autumnalEquinoxDay(year)).toBe(autumn);
    if (year > 1948) expect(japaneseHolidayName(`${year}-03-${spring}`)).toBe('春分の日');
    expect(japaneseHolidayName(`${year}-09-${autumn}`)).toBe('秋分の日');
  });

  it('春分の日 is 19–21 March and 秋分の日 22–24 September', () => {
    for (let year = 1948; year <= 2099; year++) {
      expect(vernalEquinoxDay(year)).toBeGreaterThanOrEqual(19);
      expect(vernalEquinoxDay(year)).toBeLessThanOrEqual(21);
      expect(autumnalEquinoxDay(year)).toBeGreaterThanOrEqual(22);
      expect(autumnalEquinoxDay(year)).toBeLessThanOrEqual(24);
    }
  });
});
