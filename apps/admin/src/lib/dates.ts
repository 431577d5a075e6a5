// Dates are shown as the municipality writes them: 和暦 (令和7年4月1日) in Japan time,
// with the Western date always available beside it.
export const TIME_ZONE = 'Asia/Tokyo';

const warekiFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TIME_ZONE,
});

const westernJaFormat = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: TIME_ZONE,
});

const westernEnFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: TIME_ZONE,
});

const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});

/** The date of an ISO string or a Date; null when it is not a date. */
export function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 令和7年4月1日 */
export function formatWareki(value: string | Date): string {
  const date = toDate(value);
  return date ? warekiFormat.format(date) : '';
}

/** 2025/04/01 (ja) — the ISO-like Western date Japanese offices use. */
export function formatWesternJa(value: string | Date): string {
  const date = toDate(value);
  return date ? westernJaFormat.format(date) : '';
}

/** 1 Apr 2025 (en) */
export function formatWesternEn(value: string | Date): string {
  const date = toDate(value);
  return date ? westernEnFormat.format(date) : '';
}

/** 2025/04/01 09:30 in Japan time, for tooltips that need the exact moment. */
export function formatDateTime(value: string | Date): string {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : '';
}

/**
 * Every date the app shows has both calendars: the leading one (和暦 in Japanese, the Western
 * date in English — or the Western date when a page is asked for it) and the other one beside it.
 */
export type Calendar = 'wareki' | 'western';

export interface DateLabels {
  /** The date (and time) in the leading calendar. */
  primary: string;
  /** The same day in the other calendar, shown beside the primary one. */
  secondary: string;
  /** The exact moment in Japan time, for the tooltip. */
  exact: string;
}

/** Which calendar leads: 和暦 in Japanese, the Western date in English, unless one is asked for. */
export function leadingCalendar(lang: 'ja' | 'en', lead?: Calendar): Calendar {
  return lead ?? (lang === 'ja' ? 'wareki' : 'western');
}

function dayIn(calendar: Calendar, date: Date, lang: 'ja' | 'en'): string {
  if (calendar === 'wareki') return warekiFormat.format(date);
  return lang === 'ja' ? westernJaFormat.format(date) : westernEnFormat.format(date);
}

/** A day: 令和7年4月1日 beside 2025/04/01 (ja); 1 Apr 2025 beside 令和7年4月1日 (en). */
export function dateLabels(value: string | Date, lang: 'ja' | 'en', lead?: Calendar): DateLabels {
  const date = toDate(value);
  if (!date) return { primary: '', secondary: '', exact: '' };
  const first = leadingCalendar(lang, lead);
  const other: Calendar = first === 'wareki' ? 'western' : 'wareki';
  return { primary: dayIn(first, date, lang), secondary: dayIn(other, date, lang), exact: `${dateTimeFormat.format(date)} JST` };
}

/** The secondary date as it stands beside the primary one: （2025/04/01） or (令和7年4月1日). */
export function beside(secondary: string, lang: 'ja' | 'en'): string {
  if (!secondary) return '';
  return lang === 'ja' ? `（${secondary}）` : ` (${secondary})`;
}

/** YYYYMMDD of today in Japan, for file names such as systems-20250401.csv. */
export function compactToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: TIME_ZONE,
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

const timeFormat = new Intl.DateTimeFormat('ja-JP', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});

/**
 * An instant: the day in the leading calendar with the time (令和8年11月21日 20:54:57), the same day
 * in the other calendar beside it (2026/11/21).
 */
export function dateTimeLabels(value: string | Date, lang: 'ja' | 'en', lead?: Calendar): DateLabels {
  const date = toDate(value);
  if (!date) return { primary: '', secondary: '', exact: '' };
  const labels = dateLabels(date, lang, lead);
  const time = timeFormat.format(date);
  return { ...labels, primary: lang === 'en' && leadingCalendar(lang, lead) === 'western' ? `${labels.primary}, ${time}` : `${labels.primary} ${time}` };
}

/** The value of an <input type="datetime-local"> (read as Japan time) → ISO instant, or null. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}+09:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The value of an <input type="date"> (a day in Japan) → the ISO instant of its start. */
export function dateInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00+09:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An instant → the value of an <input type="datetime-local"> in Japan time. */
export function isoToLocalInput(value: string | Date): string {
  const date = toDate(value);
  if (!date) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
