// Maintenance and dashboard screens: periods (a maintenance window, a stop's lost hours), durations and the
// yearly closed days, in 和暦 first with the Western rendering beside it, in Japan time.
import { formatWareki, TIME_ZONE, toDate } from '../dates.ts';
import type { Lang } from '../i18n/index.svelte.ts';

const warekiMonthDay = new Intl.DateTimeFormat('ja-JP', { month: 'long', day: 'numeric', timeZone: TIME_ZONE });
const westernJa = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE });
const westernEn = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: TIME_ZONE });
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
const weekdayJa = new Intl.DateTimeFormat('ja-JP', { weekday: 'short', timeZone: TIME_ZONE });
const weekdayEn = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: TIME_ZONE });

/**
 * A period [from, to) in both calendars: 令和8年11月22日（日） 10:00〜12:00 and 2026/11/22 10:00–12:00;
 * the end's date is written only when it falls on another day.
 */
export function periodLabels(from: string | Date, to: string | Date, lang: Lang): { primary: string; secondary: string } {
  const start = toDate(from);
  const end = toDate(to);
  if (!start || !end) return { primary: '', secondary: '' };
  const sameDay = westernJa.format(start) === westernJa.format(end);
  const wareki = `${formatWareki(start)}（${weekdayJa.format(start)}） ${clock.format(start)}〜${
    sameDay ? '' : `${warekiMonthDay.format(end)}（${weekdayJa.format(end)}） `
  }${clock.format(end)}`;
  const westernJaText = `${westernJa.format(start)} ${clock.format(start)}–${sameDay ? '' : `${westernJa.format(end)} `}${clock.format(end)}`;
  const westernEnText = `${weekdayEn.format(start)} ${westernEn.format(start)}, ${clock.format(start)} – ${
    sameDay ? '' : `${weekdayEn.format(end)} ${westernEn.format(end)}, `
  }${clock.format(end)}`;
  return lang === 'ja' ? { primary: wareki, secondary: westernJaText } : { primary: westernEnText, secondary: wareki };
}

/** The parts of a duration for the i18n templates: minutes, hours and minutes, or days and hours. */
export function durationParts(fromMs: number, toMs: number): { unit: 'minutes' | 'hours' | 'days'; d: number; h: number; m: number } {
  const minutes = Math.max(0, Math.floor((toMs - fromMs) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return { unit: d > 0 ? 'days' : h > 0 ? 'hours' : 'minutes', d, h, m };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A yearly day MM-DD (a closed period's bound): 12月31日 / 31 Dec. */
export function monthDayLabel(value: string, lang: Lang): string {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return lang === 'ja' ? `${month}月${day}日` : `${day} ${MONTHS_EN[month - 1] ?? match[1]}`;
}

/** Today in Japan as YYYY-MM-DD (meetings are held on local days). */
export function todayInJapan(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
