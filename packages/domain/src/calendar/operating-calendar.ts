// Whether a system may be used at an instant (SPEC §6), and where a planned change window collides with
// operating hours. Local dates and times come from Intl.DateTimeFormat in the calendar's time zone.
import type { Bilingual } from '../bilingual.ts';
import type { RulebookId } from '../model/types.ts';
import { DEFAULT_TIME_ZONE } from '../wareki.ts';
import type { DailyHours, HoursSetting, OpenState, OperatingCalendar, OperatingException } from './calendar.types.ts';
import { addDays, daysBetween, inMonthDayRange, parseIsoDate, weekdayOf } from './iso-date.ts';
import { japaneseHoliday } from './japanese-holidays.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 00:00–23:59 */
  time: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const HH_MM = /^(\d{2}):(\d{2})$/;
/** An instant must say where it is: Z or an offset such as +09:00. */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds of an instant; a string needs an explicit offset or Z so the host's zone never matters. */
function toMs(instant: string | Date): number {
  if (typeof instant === 'string' && !HAS_ZONE.test(instant.trim())) {
    throw new RangeError(`An instant needs a time zone offset or Z: ${instant}`);
  }
  const ms = (typeof instant === 'string' ? new Date(instant.trim()) : instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

function fields(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? NaN,
    month: parts['month'] ?? NaN,
    day: parts['day'] ?? NaN,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Calendar date, wall-clock time and weekday of an instant in a time zone. */
export function localParts(instant: string | Date, timeZone: string): LocalParts {
  const f = fields(toMs(instant), timeZone);
  const date = `${String(f.year).padStart(4, '0')}-${pad(f.month)}-${pad(f.day)}`;
  return { date, time: `${pad(f.hour)}:${pad(f.minute)}`, weekday: weekdayOf(date) };
}

/** Minutes since midnight of "HH:MM" (00:00–24:00). */
function minutesOf(time: string): number {
  const m = HH_MM.exec(time);
  const minutes = Number(m?.[1]) * 60 + Number(m?.[2]);
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  return minutes;
}

/** The instant at which the wall clock in a time zone shows a date and time ("24:00" = next midnight). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const minutes = minutesOf(time);
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  const offsetAt = (ms: number): number => {
    const f = fields(ms, timeZone);
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - Math.floor(ms / 1000) * 1000;
  };
  const first = wall - offsetAt(wall);
  const offset = offsetAt(first);
  return new Date(wall - offset);
}

/** "08:00" → "8:00", as Japanese notices write times. */
function shortTime(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}

function hoursText(hours: DailyHours[], separator: string): string {
  return hours.map((h) => `${shortTime(h.start)}${separator}${shortTime(h.end)}`).join(', ');
}

function citeJa(ruleIds: RuleId[]): string {
  return ruleIds.length ? `（${ruleIds.join('、')}）` : '';
}

function citeEn(ruleIds: RuleId[]): string {
  return ruleIds.length ? ` (${ruleIds.join(', ')})` : '';
}

/** What a closure of the regular hours cites: the rules setting them, or else the municipality's setting. */
function basisJa(calendar: OperatingCalendar): string {
  const setting = calendar.hoursSetting;
  if (!setting) return citeJa(calendar.ruleIds);
  return `（${setting.label.ja}${setting.note ? `。${setting.note.ja}` : ''}）`;
}

function basisEn(calendar: OperatingCalendar): string {
  const setting = calendar.hoursSetting;
  if (!setting) return citeEn(calendar.ruleIds);
  return ` (${setting.label.en}${setting.note ? `; ${setting.note.en}` : ''})`;
}

/** The setting a closure of the regular hours applies, if the hours are a setting. */
function settingOf(calendar: OperatingCalendar): { setting: Bilingual } | Record<string, never> {
  return calendar.hoursSetting ? { setting: { ...calendar.hoursSetting.label } } : {};
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS_JA = ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'];
const WEEKDAYS_EN = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

function monthDayJa(md: string): string {
  return `${Number(md.slice(0, 2))}月${Number(md.slice(3))}日`;
}

function monthDayEn(md: string): string {
  return `${Number(md.slice(3))} ${MONTHS_EN[Number(md.slice(0, 2)) - 1] ?? md}`;
}

type Closure = { code: 'CLOSED_DAY'; reason: Bilingual };

/** Why a whole local date is closed (closed period, national holiday, weekday without hours), or null. */
function dayClosure(calendar: OperatingCalendar, date: string): Closure | null {
  for (const period of calendar.closedPeriods) {
    if (inMonthDayRange(date, period)) {
      return {
        code: 'CLOSED_DAY',
        reason: {
          en: `Not in operation from ${monthDayEn(period.from)} to ${monthDayEn(period.to)}${basisEn(calendar)}`,
          ja: `${monthDayJa(period.from)}から${monthDayJa(period.to)}までは運用しません${basisJa(calendar)}`,
        },
      };
    }
  }
  if (calendar.closedOnNationalHolidays) {
    const holiday = japaneseHoliday(date);
    if (holiday) {
      return {
        code: 'CLOSED_DAY',
        reason: {
          en: `Not in operation on national holidays (${holiday.nameEn}, ${holiday.name})${basisEn(calendar)}`,
          ja: `祝日・休日（${holiday.name}）は運用しません${basisJa(calendar)}`,
        },
      };
    }
  }
  const weekday = weekdayOf(date);
  if ((calendar.weekly[weekday] ?? []).length === 0) {
    return {
      code: 'CLOSED_DAY',
      reason: { en: `Not in operation on ${WEEKDAYS_EN[weekday]}${basisEn(calendar)}`, ja: `${WEEKDAYS_JA[weekday]}は運用しません${basisJa(calendar)}` },
    };
  }
  return null;
}

function exceptionAt(calendar: OperatingCalendar, ms: number, kind: 'closed' | 'open'): OperatingException | undefined {
  return calendar.exceptions.find((e) => e.kind === kind && toMs(e.from) <= ms && ms < toMs(e.to));
}

/**
 * Whether the system is open at an instant, and if not why. Order: exceptions (a maintenance stop wins
 * over an extension that overlaps it), closed periods, national holidays, weekday without hours, then the
 * day's hours ([start, end), "24:00" = end of the day).
 */
export function isOpenAt(calendar: OperatingCalendar, at: string | Date): OpenState {
  const ms = toMs(at);
  const stop = exceptionAt(calendar, ms, 'closed');
  if (stop) {
    const ids = calendar.exceptionRuleIds?.closed ?? calendar.ruleIds;
    return {
      open: false,
      code: 'MAINTENANCE',
      reason: { en: `Stopped: ${stop.reasonEn ?? stop.reason}${citeEn(ids)}`, ja: `${stop.reason}のため停止しています${citeJa(ids)}` },
      ruleIds: [...ids],
    };
  }
  if (exceptionAt(calendar, ms, 'open')) {
    return { open: true, ruleIds: [...(calendar.exceptionRuleIds?.open ?? calendar.ruleIds)] };
  }

  const local = localParts(new Date(ms), calendar.timeZone);
  const closure = dayClosure(calendar, local.date);
  if (closure) return { open: false, ...closure, ruleIds: [...calendar.ruleIds], ...settingOf(calendar) };

  const hours = calendar.weekly[local.weekday] ?? [];
  const now = minutesOf(local.time);
  if (hours.some((h) => minutesOf(h.start) <= now && now < minutesOf(h.end))) {
    return { open: true, ruleIds: [...calendar.ruleIds] };
  }
  return {
    open: false,
    code: 'OUTSIDE_OPERATING_HOURS',
    reason: {
      en: `Outside operating hours (${hoursText(hours, '–')})${basisEn(calendar)}`,
      ja: `運用時間（${hoursText(hours, '〜')}）外です${basisJa(calendar)}`,
    },
    ruleIds: [...calendar.ruleIds],
    ...settingOf(calendar),
  };
}

type Interval = [number, number];

function normalize(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function subtract(intervals: Interval[], cuts: Interval[]): Interval[] {
  let rest = intervals;
  for (const [c0, c1] of cuts) {
    rest = rest.flatMap(([a, b]): Interval[] => {
      if (c1 <= a || b <= c0) return [[a, b]];
      const parts: Interval[] = [];
      if (a < c0) parts.push([a, c0]);
      if (c1 < b) parts.push([c1, b]);
      return parts;
    });
  }
  return rest;
}

/** Open intervals (instants, ms) that meet [fromMs, toMs), exceptions applied as in isOpenAt. */
function openIntervals(calendar: OperatingCalendar, fromMs: number, toMs_: number): Interval[] {
  const tz = calendar.timeZone;
  const regular: Interval[] = [];
  const last = localParts(new Date(toMs_), tz).date;
  for (let date = addDays(localParts(new Date(fromMs), tz).date, -1); date <= last; date = addDays(date, 1)) {
    if (dayClosure(calendar, date)) continue;
    for (const h of calendar.weekly[weekdayOf(date)] ?? []) {
      regular.push([zonedInstant(date, h.start, tz).getTime(), zonedInstant(date, h.end, tz).getTime()]);
    }
  }
  const span = (e: OperatingException): Interval => [toMs(e.from), toMs(e.to)];
  const extended = normalize([...regular, ...calendar.exceptions.filter((e) => e.kind === 'open').map(span)]);
  const open = subtract(extended, calendar.exceptions.filter((e) => e.kind === 'closed').map(span));
  return normalize(open.map(([a, b]): Interval => [Math.max(a, fromMs), Math.min(b, toMs_)]));
}

export interface WindowConflicts {
  insideOperatingHours: boolean;
  /** Parts of the window during which the system is open, as ISO instants (UTC). */
  overlaps: { from: string; to: string }[];
}

/**
 * The parts of a planned maintenance or change window [from, to) that fall inside operating hours, so
 * that the planner can be warned (the using sections would lose the system while they may use it).
 */
export function windowConflicts(calendar: OperatingCalendar, window: { from: string; to: string }): WindowConflicts {
  const from = toMs(window.from);
  const to = toMs(window.to);
  if (to < from) throw new RangeError(`Window ends before it starts: ${window.from} – ${window.to}`);
  const overlaps = openIntervals(calendar, from, to).map(([a, b]) => ({
    from: new Date(a).toISOString(),
    to: new Date(b).toISOString(),
  }));
  return { insideOperatingHours: overlaps.length > 0, overlaps };
}

/**
 * Whether an exception was announced at least `minimumDays` calendar days (in the time zone) before the
 * day it starts, and before it starts. MNT-15-2 and KTM-15-2 require advance notice; how many days is a
 * municipality setting. No announcement → false.
 */
export function noticeIsTimely(exception: OperatingException, minimumDays: number, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  if (!exception.announcedAt) return false;
  const announced = toMs(exception.announcedAt);
  const start = toMs(exception.from);
  if (announced > start) return false;
  const days = daysBetween(localParts(new Date(announced), timeZone).date, localParts(new Date(start), timeZone).date);
  return days >= minimumDays;
}

const everyDay = (start: string, end: string): DailyHours[][] => Array.from({ length: 7 }, () => [{ start, end }]);

/** Kawasaki's business hours for the ward office terminals: a setting, since KWO-7-1 names 業務時間 without setting them. */
const KWO_BUSINESS_HOURS: HoursSetting = {
  label: { ja: '川崎市の業務時間の設定', en: 'Kawasaki’s business-hours setting' },
  note: { ja: '業務時間以外の端末の使用は禁止（KWO-7-1）', en: 'the terminals are not used outside business hours (KWO-7-1)' },
};

/** No operating hours in the regulation (KWW, ARK): the municipality operates the system all day. */
const ALL_DAY_SETTING: HoursSetting = {
  label: { ja: '市の設定（規程に運用時間の定めなし）', en: 'The municipality’s setting (the regulation sets no operating hours)' },
};

const copySetting = (s: HoursSetting): HoursSetting => ({ label: { ...s.label }, ...(s.note ? { note: { ...s.note } } : {}) });

/** The default operating calendar a rulebook sets, with the given temporary changes. */
export function rulebookCalendar(rulebookId: RulebookId, exceptions: OperatingException[] = []): OperatingCalendar {
  const base = { timeZone: DEFAULT_TIME_ZONE, exceptions: exceptions.map((e) => ({ ...e })) };
  switch (rulebookId) {
    case 'MNT':
      // MNT-15-1: すべての日の午前5時00分から翌日午前0時00分まで; MNT-15-2: temporary changes, notified in advance.
      return {
        ...base,
        weekly: everyDay('05:00', '24:00'),
        closedPeriods: [],
        closedOnNationalHolidays: false,
        ruleIds: ['MNT-15-1'],
        exceptionRuleIds: { closed: ['MNT-15-2'], open: ['MNT-15-2'] },
      };
    case 'KTM':
      // KTM-15-1: 12月31日から1月3日までの期間を除き、午前8時から午後9時まで. National holidays are not excluded:
      // the rule names only the year-end period. Changes by the 統括管理者 (ただし書き); stops by KTM-15-2.
      return {
        ...base,
        weekly: everyDay('08:00', '21:00'),
        closedPeriods: [{ from: '12-31', to: '01-03' }],
        closedOnNationalHolidays: false,
        ruleIds: ['KTM-15-1'],
        exceptionRuleIds: { closed: ['KTM-15-2'], open: ['KTM-15-1'] },
      };
    case 'KWO': {
      // KWO-7-1 forbids using the ward office terminals outside 業務時間 without setting them: the hours
      // are Kawasaki's setting (weekdays 8:30–17:15, closed on national holidays and 12/29–1/3), shown
      // and cited as such; the article is cited only for what it says.
      const day = [{ start: '08:30', end: '17:15' }];
      return {
        ...base,
        weekly: [[], day, day, day, day, day, []].map((d) => d.map((h) => ({ ...h }))),
        closedPeriods: [{ from: '12-29', to: '01-03' }],
        closedOnNationalHolidays: true,
        ruleIds: [],
        hoursSetting: copySetting(KWO_BUSINESS_HOURS),
      };
    }
    case 'KWW':
    case 'ARK':
      // The regulation sets no operating hours: open all day, every day, as the municipality's setting.
      return {
        ...base,
        weekly: everyDay('00:00', '24:00'),
        closedPeriods: [],
        closedOnNationalHolidays: false,
        ruleIds: [],
        hoursSetting: copySetting(ALL_DAY_SETTING),
      };
  }
}
