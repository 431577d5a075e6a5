// The product computes Japan's national holidays itself (japanese-holidays.ts: the 祝日法 rules, the
// equinoxes, 振替休日 and 国民の休日), so that a machine with no network and no data update still
// knows them for any year. Here every year the community-maintained list covers (1970–2050) is
// checked against it, day by day and name by name: a rule or a special year gone wrong shows here.
import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, it } from 'vitest';
import { japaneseHolidays } from './japanese-holidays.ts';

const reference = Object.values(holidayJp.holidays) as { date: string; name: string }[];
const years = [...new Set(reference.map((h) => Number(h.date.slice(0, 4))))].sort((a, b) => a - b);

describe('national holidays against @holiday-jp/holiday_jp', () => {
  it('covers the years 1970 to 2050', () => {
    expect(years[0]).toBe(1970);
    expect(years.at(-1)).toBe(2050);
  });

  it.each(years)('%i: the same days', (year) => {
    const ours = japaneseHolidays(year).map((h) => h.date);
    const theirs = reference.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);
    expect(ours).toEqual(theirs);
  });

  it('gives each day the same name, as the law names it', () => {
    const names = new Map(years.flatMap((y) => japaneseHolidays(y)).map((h) => [h.date, h.name]));
    // The list's conventions where the law says otherwise: a substitute holiday is named after the
    // holiday it replaces (元日 振替休日; 祝日法第3条第2項 calls it 振替休日), and a day between two
    // holidays is 休日 (第3条第3項: 国民の休日).
    const lawName = (name: string) => name.replace(/^.+ 振替休日$/, '振替休日').replace(/^休日$/, '国民の休日');
    // Days of their own laws, which the product names in full; and 2019's 体育の日 (スポーツの日 from 2020).
    const namedInFull: Record<string, [ours: string, theirs: string]> = {
      '1989-02-24': ['昭和天皇の大喪の礼', '大喪の礼'],
      '1993-06-09': ['皇太子徳仁親王の結婚の儀', '結婚の儀'],
      '2019-05-01': ['天皇の即位の日', '休日（祝日扱い）'],
      '2019-10-14': ['体育の日', '体育の日（スポーツの日）'],
      '2019-10-22': ['即位礼正殿の儀', '休日（祝日扱い）'],
    };
    const differing = reference.filter((h) => names.get(h.date) !== lawName(h.name)).map((h) => [h.date, [names.get(h.date), h.name]] as const);
    expect(Object.fromEntries(differing)).toEqual(namedInFull);
  });
});
