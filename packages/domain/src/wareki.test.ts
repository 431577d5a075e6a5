import { describe, it, expect } from 'vitest';
import { formatWareki, formatWarekiDateTime, formatWarekiFiscalYear, parseWareki, toJapaneseFiscalYear, warekiYear } from './wareki.ts';

describe('formatWareki', () => {
  it('formats a date in the current era', () => {
    expect(formatWareki('2025-04-01')).toBe('令和7年4月1日');
    expect(formatWareki('2025-04-01', { withWestern: true })).toBe('令和7年4月1日（2025年4月1日）');
  });

  it('switches eras on their first day and writes the first year as 元年', () => {
    expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatWareki('1989-01-08')).toBe('平成元年1月8日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-05-01', { kanjiGannen: false })).toBe('令和1年5月1日');
    expect(formatWareki('1926-12-24')).toBe('大正15年12月24日');
    expect(formatWareki('1926-12-25')).toBe('昭和元年12月25日');
    expect(formatWareki('1912-07-29')).toBe('明治45年7月29日');
    expect(formatWareki('1912-07-30')).toBe('大正元年7月30日');
    expect(formatWareki('1868-10-23')).toBe('明治元年10月23日');
    expect(() => formatWareki('1868-10-22')).toThrow(RangeError);
  });

  it('reads instants in Asia/Tokyo unless told otherwise', () => {
    expect(formatWareki(new Date('2025-03-31T15:00:00Z'))).toBe('令和7年4月1日');
    expect(formatWareki('2025-03-31T15:00:00Z')).toBe('令和7年4月1日');
    expect(formatWareki(new Date('2025-03-31T14:59:59Z'))).toBe('令和7年3月31日');
    expect(formatWareki(new Date('2025-03-31T15:00:00Z'), { timeZone: 'UTC' })).toBe('令和7年3月31日');
    expect(formatWareki(new Date('2019-04-30T15:00:00Z'))).toBe('令和元年5月1日');
  });

  it('rejects invalid dates', () => {
    expect(() => formatWareki('2025-02-30')).toThrow(RangeError);
    expect(() => formatWareki('not a date')).toThrow(RangeError);
    expect(() => formatWareki(new Date(NaN))).toThrow(RangeError);
  });
});

describe('formatWarekiDateTime', () => {
  it('adds hours and minutes in the same time zone', () => {
    expect(formatWarekiDateTime(new Date('2025-04-01T00:05:00Z'))).toBe('令和7年4月1日 09時05分');
    expect(formatWarekiDateTime(new Date('2025-03-31T15:00:00Z'))).toBe('令和7年4月1日 00時00分');
    expect(formatWarekiDateTime(new Date('2025-04-01T14:59:00Z'), { withWestern: true })).toBe('令和7年4月1日（2025年4月1日） 23時59分');
  });
});

describe('parseWareki', () => {
  it('returns the ISO date', () => {
    expect(parseWareki('令和7年4月1日')).toBe('2025-04-01');
    expect(parseWareki('令和元年5月1日')).toBe('2019-05-01');
    expect(parseWareki('平成元年1月8日')).toBe('1989-01-08');
    expect(parseWareki('昭和64年1月7日')).toBe('1989-01-07');
    expect(parseWareki('令和１年５月１日')).toBe('2019-05-01');
    expect(parseWareki(' 平成 31 年 4 月 30 日 ')).toBe('2019-04-30');
  });

  it('round-trips with formatWareki', () => {
    for (const iso of ['1868-10-23', '1912-07-30', '1926-12-25', '1989-01-07', '2000-02-29', '2019-05-01', '2031-12-31']) {
      expect(parseWareki(formatWareki(iso))).toBe(iso);
    }
  });

  it('rejects dates outside their era or that do not exist', () => {
    expect(() => parseWareki('平成31年5月1日')).toThrow(RangeError);
    expect(() => parseWareki('令和元年4月30日')).toThrow(RangeError);
    expect(() => parseWareki('昭和64年1月8日')).toThrow(RangeError);
    expect(() => parseWareki('令和7年2月29日')).toThrow(RangeError);
    expect(() => parseWareki('令和0年1月1日')).toThrow(RangeError);
    expect(() => parseWareki('2025年4月1日')).toThrow(RangeError);
  });
});

describe('fiscal year and era year', () => {
  it('counts 年度 from April to March', () => {
    expect(toJapaneseFiscalYear('2026-03-31')).toBe(2025);
    expect(toJapaneseFiscalYear('2026-04-01')).toBe(2026);
    expect(toJapaneseFiscalYear(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
    expect(toJapaneseFiscalYear(new Date('2026-03-31T15:00:00Z'), { timeZone: 'UTC' })).toBe(2025);
  });

  it('writes 年度 in 和暦', () => {
    expect(formatWarekiFiscalYear('2025-04-01')).toBe('令和7年度');
    expect(formatWarekiFiscalYear('2026-03-31')).toBe('令和7年度');
    expect(formatWarekiFiscalYear('2019-04-15')).toBe('平成31年度');
    expect(formatWarekiFiscalYear('2019-06-01')).toBe('令和元年度');
    expect(formatWarekiFiscalYear('2020-02-01')).toBe('令和元年度');
    expect(formatWarekiFiscalYear('1989-01-10')).toBe('昭和63年度');
    expect(formatWarekiFiscalYear('1989-04-01')).toBe('平成元年度');
  });

  it('gives the era and the era year', () => {
    expect(warekiYear('2025-04-01')).toEqual({ era: '令和', year: 7 });
    expect(warekiYear('2019-04-30')).toEqual({ era: '平成', year: 31 });
    expect(warekiYear('2019-05-01')).toEqual({ era: '令和', year: 1 });
    expect(warekiYear(new Date('2018-12-31T15:00:00Z'))).toEqual({ era: '平成', year: 31 });
  });
});
