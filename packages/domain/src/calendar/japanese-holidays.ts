// National holidays of Japan (国民の祝日に関する法律, in force from 1948-07-20), computed for 1948–2099:
// 国民の祝日 with their historical changes, the one-off holidays set by special laws (treated as 国民の祝日),
// 振替休日 (art. 3-2) and 国民の休日 (art. 3-3).
//
// 春分の日 and 秋分の日 are fixed each February by the Cabinet from the National Astronomical Observatory's
// almanac; here they come from the usual approximation formula (two parameter sets: 1900–1979 and
// 1980–2099; its int() truncates towards zero, which matters for the negative term before 1983).
//
// Computed rather than taken from a holiday list such as @holiday-jp/holiday_jp: that list's data
// ends in 2050 and the product plans retention periods and deadlines further out (dates up to 2999,
// supported-dates.ts), and the domain package has no runtime dependency. The list is the test's
// reference instead (japanese-holidays.reference.test.ts checks every year it covers, 1970–2050).
import { addDays, isoDate, nthWeekday, parseIsoDate, weekdayOf } from './iso-date.ts';

export interface JapaneseHoliday {
  /** ISO date. */
  date: string;
  /** Japanese name: 元日, 振替休日, 国民の休日 … */
  name: string;
  nameEn: string;
}

export const HOLIDAY_YEAR_MIN = 1948;
export const HOLIDAY_YEAR_MAX = 2099;

/** The Act on National Holidays took effect on 1948-07-20; nothing before is a holiday under it. */
const ACT_IN_FORCE = '1948-07-20';
/** 振替休日 exists from 1973-04-12 (amendment of 1973). */
const SUBSTITUTE_FROM = '1973-04-12';
/** 国民の休日 exists from 1985-12-27 (amendment of 1985). */
const CITIZENS_HOLIDAY_FROM = '1985-12-27';
/** The 2005 amendment (in force 2007-01-01): 振替休日 moves to the next non-holiday, 5/4 becomes みどりの日. */
const AMENDMENT_2007 = '2007-01-01';

const SUBSTITUTE = { name: '振替休日', nameEn: 'Substitute holiday' } as const;
const CITIZENS = { name: '国民の休日', nameEn: "Citizens' holiday" } as const;

/** One-off holidays set by special laws; they count as 国民の祝日 for 振替休日 and 国民の休日. */
const ONE_OFF: readonly JapaneseHoliday[] = [
  { date: '1959-04-10', name: '皇太子明仁親王の結婚の儀', nameEn: 'Wedding of Crown Prince Akihito' },
  { date: '1989-02-24', name: '昭和天皇の大喪の礼', nameEn: 'Funeral of Emperor Showa' },
  { date: '1990-11-12', name: '即位礼正殿の儀', nameEn: 'Enthronement ceremony' },
  { date: '1993-06-09', name: '皇太子徳仁親王の結婚の儀', nameEn: 'Wedding of Crown Prince Naruhito' },
  { date: '2019-05-01', name: '天皇の即位の日', nameEn: "Emperor's accession day" },
  { date: '2019-10-22', name: '即位礼正殿の儀', nameEn: 'Enthronement ceremony' },
];

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < HOLIDAY_YEAR_MIN || year > HOLIDAY_YEAR_MAX) {
    throw new RangeError(`Japanese holidays are computed for ${HOLIDAY_YEAR_MIN}–${HOLIDAY_YEAR_MAX}, not ${year}`);
  }
}

/** Day of March of 春分の日 (vernal equinox day), by the standard approximation formula. */
export function vernalEquinoxDay(year: number): number {
  assertYear(year);
  const y = year - 1980;
  return year < 1980 ? Math.floor(20.8357 + 0.242194 * y - Math.trunc((year - 1983) / 4)) : Math.floor(20.8431 + 0.242194 * y - Math.floor(y / 4));
}

/** Day of September of 秋分の日 (autumnal equinox day), by the standard approximation formula. */
export function autumnalEquinoxDay(year: number): number {
  assertYear(year);
  const y = year - 1980;
  return year < 1980 ? Math.floor(23.2588 + 0.242194 * y - Math.trunc((year - 1983) / 4)) : Math.floor(23.2488 + 0.242194 * y - Math.floor(y / 4));
}

/** 国民の祝日 of a year (article 2 of the Act as amended over time, plus the one-off holidays). */
function statutoryHolidays(year: number): JapaneseHoliday[] {
  const list: JapaneseHoliday[] = [];
  const add = (date: string, name: string, nameEn: string): void => {
    list.push({ date, name, nameEn });
  };
  const d = (month: number, day: number): string => isoDate(year, month, day);
  const monday = (month: number, n: number): string => nthWeekday(year, month, n, 1);

  add(d(1, 1), '元日', "New Year's Day");
  add(year < 2000 ? d(1, 15) : monday(1, 2), '成人の日', 'Coming of Age Day');
  if (year >= 1967) add(d(2, 11), '建国記念の日', 'National Foundation Day');
  if (year >= 2020) add(d(2, 23), '天皇誕生日', "Emperor's Birthday");
  add(d(3, vernalEquinoxDay(year)), '春分の日', 'Vernal Equinox Day');
  if (year <= 1988) add(d(4, 29), '天皇誕生日', "Emperor's Birthday");
  else if (year <= 2006) add(d(4, 29), 'みどりの日', 'Greenery Day');
  else add(d(4, 29), '昭和の日', 'Showa Day');
  add(d(5, 3), '憲法記念日', 'Constitution Memorial Day');
  if (year >= 2007) add(d(5, 4), 'みどりの日', 'Greenery Day');
  add(d(5, 5), 'こどもの日', "Children's Day");

  // 海の日, 山の日 and スポーツの日 moved for the Tokyo Olympics (special measures act, 2020 and 2021).
  const marineDay: Record<number, string> = { 2020: d(7, 23), 2021: d(7, 22) };
  if (year >= 1996) add(marineDay[year] ?? (year <= 2002 ? d(7, 20) : monday(7, 3)), '海の日', 'Marine Day');
  const mountainDay: Record<number, string> = { 2020: d(8, 10), 2021: d(8, 8) };
  if (year >= 2016) add(mountainDay[year] ?? d(8, 11), '山の日', 'Mountain Day');
  if (year >= 1966) add(year <= 2002 ? d(9, 15) : monday(9, 3), '敬老の日', 'Respect for the Aged Day');
  add(d(9, autumnalEquinoxDay(year)), '秋分の日', 'Autumnal Equinox Day');
  if (year >= 1966 && year <= 2019) {
    add(year <= 1999 ? d(10, 10) : monday(10, 2), '体育の日', 'Health and Sports Day');
  }
  const sportsDay: Record<number, string> = { 2020: d(7, 24), 2021: d(7, 23) };
  if (year >= 2020) add(sportsDay[year] ?? monday(10, 2), 'スポーツの日', 'Sports Day');
  add(d(11, 3), '文化の日', 'Culture Day');
  add(d(11, 23), '勤労感謝の日', 'Labour Thanksgiving Day');
  if (year >= 1989 && year <= 2018) add(d(12, 23), '天皇誕生日', "Emperor's Birthday");

  for (const h of ONE_OFF) if (h.date.startsWith(`${year}-`)) list.push(h);
  return list.filter((h) => h.date >= ACT_IN_FORCE);
}

const cache = new Map<number, readonly JapaneseHoliday[]>();

function holidaysOf(year: number): readonly JapaneseHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  assertYear(year);

  const byDate = new Map<string, JapaneseHoliday>();
  for (const h of statutoryHolidays(year)) byDate.set(h.date, h);
  const statutory = new Set(byDate.keys());

  // 振替休日: a 国民の祝日 on a Sunday makes the next day a holiday; from 2007 the next day that is not
  // itself a 国民の祝日 (e.g. 2025-05-04 Sunday → 5/6, since 5/5 is こどもの日).
  for (const date of [...statutory].sort()) {
    if (date < SUBSTITUTE_FROM || weekdayOf(date) !== 0) continue;
    let next = addDays(date, 1);
    if (date >= AMENDMENT_2007) {
      while (statutory.has(next)) next = addDays(next, 1);
    } else if (statutory.has(next)) {
      continue;
    }
    if (next.startsWith(`${year}-`)) byDate.set(next, { date: next, ...SUBSTITUTE });
  }

  // 国民の休日: a day that is not a 国民の祝日 but whose previous and next days are; until 2006 not on a
  // Sunday nor on a 振替休日.
  for (const date of statutory) {
    const between = addDays(date, 1);
    if (between < CITIZENS_HOLIDAY_FROM || statutory.has(between) || !statutory.has(addDays(between, 1))) continue;
    if (between < AMENDMENT_2007 && (weekdayOf(between) === 0 || byDate.has(between))) continue;
    if (!byDate.has(between)) byDate.set(between, { date: between, ...CITIZENS });
  }

  const sorted = Object.freeze([...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)));
  cache.set(year, sorted);
  return sorted;
}

/** National holidays of a year (1948–2099), sorted by date. */
export function japaneseHolidays(year: number): JapaneseHoliday[] {
  return holidaysOf(year).map((h) => ({ ...h }));
}

/** Name of the holiday on an ISO date, or null when it is not one. RangeError outside 1948–2099. */
export function japaneseHolidayName(date: string): string | null {
  return japaneseHoliday(date)?.name ?? null;
}

/** The holiday on an ISO date, or null. */
export function japaneseHoliday(date: string): JapaneseHoliday | null {
  const { year } = parseIsoDate(date);
  const h = holidaysOf(year).find((x) => x.date === date);
  return h ? { ...h } : null;
}

export function isJapaneseHoliday(date: string): boolean {
  return japaneseHoliday(date) !== null;
}
