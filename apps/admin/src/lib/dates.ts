// Dates are shown as the municipality writes them: 和暦 (令和7年4月1日) in Japan time,
// with the Western date always available beside it.
const TIME_ZONE = 'Asia/Tokyo';

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

function toDate(value: string | Date): Date | null {
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

/** The two renderings of a date in the order the language reads them. */
export function dateLabels(
  value: string | Date,
  lang: 'ja' | 'en',
): { primary: string; secondary: string } {
  const wareki = formatWareki(value);
  return lang === 'ja'
    ? { primary: wareki, secondary: formatWesternJa(value) }
    : { primary: formatWesternEn(value), secondary: wareki };
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

const warekiDateTimeFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: TIME_ZONE,
});

const westernDateTimeEnFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: TIME_ZONE,
});

const westernDateTimeJaFormat = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: TIME_ZONE,
});

/** The two renderings of an instant (令和8年11月21日 20:54:57 / 2026/11/21 20:54:57). */
export function dateTimeLabels(
  value: string | Date,
  lang: 'ja' | 'en',
): { primary: string; secondary: string } {
  const date = toDate(value);
  if (!date) return { primary: '', secondary: '' };
  const wareki = warekiDateTimeFormat.format(date);
  return lang === 'ja'
    ? { primary: wareki, secondary: westernDateTimeJaFormat.format(date) }
    : { primary: westernDateTimeEnFormat.format(date), secondary: wareki };
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
