// The dates the product takes from its users. Outside them an input is refused (BAD_USER_INPUT
// with the field's path), wherever a date or an instant is accepted:
//
// - from 明治6年1月1日 = 1 January 1873, Japan's first day on the Gregorian calendar (和暦 dates
//   before it were lunisolar and are not modelled, wareki.ts);
// - to 31 December 2999: every date keeps a four-digit year through the arithmetic done on it
//   (fiscal years, retention periods, month ends, 和暦 years) and stays well inside PostgreSQL's
//   `date` and `timestamptz`. An open end is no end date (null), not a far-future one.
//
// Both ends are days in Japan time: an instant counts by the Japanese calendar day it falls on.
import { fieldError, type FieldError } from '../registry/field-error.ts';
import { parseIsoDate } from './iso-date.ts';

export const SUPPORTED_DATES = { from: '1873-01-01', to: '2999-12-31' } as const;

const JAPAN_OFFSET_MS = 9 * 3_600_000;
const FIRST_MS = Date.UTC(1873, 0, 1) - JAPAN_OFFSET_MS;
/** The first instant after the range. */
const AFTER_MS = Date.UTC(3000, 0, 1) - JAPAN_OFFSET_MS;

/** Whether an instant falls on a supported day (in Japan time). */
export function isSupportedInstant(at: Date): boolean {
  const t = at.getTime();
  return Number.isFinite(t) && t >= FIRST_MS && t < AFTER_MS;
}

/** Whether a string is a real calendar date as YYYY-MM-DD, whatever its year (2027-02-30 is not). */
export function isRealDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Whether a string is a real calendar date (YYYY-MM-DD) in the supported range. */
export function isSupportedDate(value: string): boolean {
  return isRealDate(value) && value >= SUPPORTED_DATES.from && value <= SUPPORTED_DATES.to;
}

/** Whether a string is a month (YYYY-MM) in the supported range. */
export function isSupportedMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && value >= SUPPORTED_DATES.from.slice(0, 7) && value <= SUPPORTED_DATES.to.slice(0, 7);
}

/** The refusal of a date, month or instant that is malformed or outside the range. */
export function unsupportedDateError(path: (string | number)[], kind: 'date' | 'month' | 'instant'): FieldError {
  const form = { date: ['a date as YYYY-MM-DD', '日付（YYYY-MM-DD）'], month: ['a month as YYYY-MM', '年月（YYYY-MM）'], instant: ['a date and time', '日時'] }[
    kind
  ];
  return fieldError(
    path,
    'INVALID_VALUE',
    `Give ${form[0]} from ${SUPPORTED_DATES.from} to ${SUPPORTED_DATES.to} (Japan time).`,
    `${form[1]}は1873年（明治6年）1月1日から2999年12月31日までの範囲で入力してください。`,
  );
}
