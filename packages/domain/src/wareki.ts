// 和暦 (Japanese era calendar): formatting and parsing of dates as 令和7年4月1日, and 年度 (fiscal year, April–March).
// Dates are calendar dates in a time zone (Asia/Tokyo unless told otherwise). Era years are counted on the
// Gregorian calendar (the lunisolar dates before 明治6年 are not modelled).

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

export interface Era {
  name: EraName;
  nameEn: string;
  /** First day of the era, ISO date. */
  start: string;
}

/** Eras from the oldest to the newest. */
export const ERAS: readonly Era[] = [
  { name: '明治', nameEn: 'Meiji', start: '1868-10-23' },
  { name: '大正', nameEn: 'Taisho', start: '1912-07-30' },
  { name: '昭和', nameEn: 'Showa', start: '1926-12-25' },
  { name: '平成', nameEn: 'Heisei', start: '1989-01-08' },
  { name: '令和', nameEn: 'Reiwa', start: '2019-05-01' },
];

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

export interface WarekiOptions {
  /** IANA time zone the instant is read in; default Asia/Tokyo. */
  timeZone?: string;
  /** Append the Western date: 令和7年4月1日（2025年4月1日）. */
  withWestern?: boolean;
  /** Write the first year of an era as 元年 (default true); false gives 令和1年. */
  kanjiGannen?: boolean;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

interface CalendarDateTime extends CalendarDate {
  hour: number;
  minute: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function isValidCalendarDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Calendar date and time of an instant in a time zone. A date-only string (YYYY-MM-DD) is already a
 * calendar date and is taken as is (midnight), whatever the time zone.
 */
function toCalendar(date: Date | string, timeZone: string): CalendarDateTime {
  if (typeof date === 'string') {
    const m = DATE_ONLY.exec(date.trim());
    if (m) {
      const cd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      if (!isValidCalendarDate(cd)) throw new RangeError(`Invalid date: ${date}`);
      return { ...cd, hour: 0, minute: 0 };
    }
  }
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid date: ${String(date)}`);
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(d)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? NaN,
    month: parts['month'] ?? NaN,
    day: parts['day'] ?? NaN,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
  };
}

function isoOf({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function eraIndexOf(cd: CalendarDate): number {
  const iso = isoOf(cd);
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i];
    if (era && iso >= era.start) return i;
  }
  throw new RangeError(`Date before the Meiji era (${ERAS[0]?.start}): ${iso}`);
}

function startYear(era: Era): number {
  return Number(era.start.slice(0, 4));
}

function eraAt(cd: CalendarDate): Era {
  const era = ERAS[eraIndexOf(cd)];
  if (!era) throw new RangeError(`No era for ${isoOf(cd)}`);
  return era;
}

function yearLabel(year: number, kanjiGannen: boolean): string {
  return year === 1 && kanjiGannen ? '元' : String(year);
}

/** Era and era year of a date: 2025-04-01 → { era: '令和', year: 7 }. */
export function warekiYear(date: Date | string, opts: { timeZone?: string } = {}): { era: EraName; year: number } {
  const cd = toCalendar(date, opts.timeZone ?? DEFAULT_TIME_ZONE);
  const era = eraAt(cd);
  return { era: era.name, year: cd.year - startYear(era) + 1 };
}

/** 令和7年4月1日; with withWestern 令和7年4月1日（2025年4月1日）; the first year of an era is 元年. */
export function formatWareki(date: Date | string, opts: WarekiOptions = {}): string {
  const cd = toCalendar(date, opts.timeZone ?? DEFAULT_TIME_ZONE);
  return formatCalendarDate(cd, opts);
}

function formatCalendarDate(cd: CalendarDate, opts: WarekiOptions): string {
  const era = eraAt(cd);
  const year = cd.year - startYear(era) + 1;
  const text = `${era.name}${yearLabel(year, opts.kanjiGannen ?? true)}年${cd.month}月${cd.day}日`;
  return opts.withWestern ? `${text}（${cd.year}年${cd.month}月${cd.day}日）` : text;
}

/** 令和7年4月1日 09時05分 (the time in the same time zone as the date). */
export function formatWarekiDateTime(date: Date | string, opts: WarekiOptions = {}): string {
  const cdt = toCalendar(date, opts.timeZone ?? DEFAULT_TIME_ZONE);
  const hh = String(cdt.hour).padStart(2, '0');
  const mm = String(cdt.minute).padStart(2, '0');
  return `${formatCalendarDate(cdt, opts)} ${hh}時${mm}分`;
}

const FULL_WIDTH_DIGITS = /[０-９]/g;
const WAREKI_PATTERN = /^(明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * ISO date (YYYY-MM-DD) of a 和暦 date such as 令和7年4月1日 or 令和元年5月1日 (full-width digits accepted).
 * Throws RangeError when the text is not a 和暦 date, the date does not exist, or lies outside its era
 * (平成31年5月1日 is already 令和).
 */
export function parseWareki(text: string): string {
  const normalized = text.trim().replace(FULL_WIDTH_DIGITS, (c) => String(c.charCodeAt(0) - 0xff10));
  const m = WAREKI_PATTERN.exec(normalized);
  if (!m) throw new RangeError(`Not a wareki date: ${text}`);
  const eraIdx = ERAS.findIndex((e) => e.name === m[1]);
  const era = ERAS[eraIdx];
  if (!era) throw new RangeError(`Unknown era: ${text}`);
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  if (eraYear < 1) throw new RangeError(`Invalid era year: ${text}`);
  const cd = { year: startYear(era) + eraYear - 1, month: Number(m[3]), day: Number(m[4]) };
  if (!isValidCalendarDate(cd)) throw new RangeError(`Invalid date: ${text}`);
  const iso = isoOf(cd);
  const next = ERAS[eraIdx + 1];
  if (iso < era.start || (next && iso >= next.start)) {
    throw new RangeError(`${text} is outside the ${era.name} era`);
  }
  return iso;
}

/** 年度 (fiscal year, April to March) as the Western year it starts in: 2026-03-31 → 2025. */
export function toJapaneseFiscalYear(date: Date | string, opts: { timeZone?: string } = {}): number {
  const cd = toCalendar(date, opts.timeZone ?? DEFAULT_TIME_ZONE);
  return cd.month >= 4 ? cd.year : cd.year - 1;
}

/**
 * 年度 in 和暦: 2025-04-01 → 令和7年度. The era is the one in force on the date, unless that era began
 * after the fiscal year started in a later calendar year (1989-01-10 → 昭和63年度); so 2019-06-01 → 令和元年度
 * and 2019-04-15 → 平成31年度, as documents of the time wrote it.
 */
export function formatWarekiFiscalYear(date: Date | string, opts: Omit<WarekiOptions, 'withWestern'> = {}): string {
  const cd = toCalendar(date, opts.timeZone ?? DEFAULT_TIME_ZONE);
  const fy = cd.month >= 4 ? cd.year : cd.year - 1;
  let era = eraAt(cd);
  if (startYear(era) > fy) era = eraAt({ year: fy, month: 4, day: 1 });
  const year = fy - startYear(era) + 1;
  return `${era.name}${yearLabel(year, opts.kanjiGannen ?? true)}年度`;
}
