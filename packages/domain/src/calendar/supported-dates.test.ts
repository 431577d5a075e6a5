import { describe, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from './iso-date.ts';
import { isSupportedDate, isSupportedInstant, isSupportedMonth, SUPPORTED_DATES, unsupportedDateError } from './supported-dates.ts';

const day = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
/** This instant in another year (no calendar date written into the test). */
const inYear = (year: number) => {
  const d = new Date();
  d.setUTCFullYear(year);
  return d;
};

describe('the dates the product accepts', () => {
  it('runs from the first to the last day of the range, both included, by the Japanese calendar day', () => {
    const { from, to } = SUPPORTED_DATES;
    expect([isSupportedDate(from), isSupportedDate(to), isSupportedDate(shift(from, -1)), isSupportedDate(shift(to, 1))]).toEqual([true, true, false, false]);
    expect(isSupportedInstant(new Date(`${from}T00:00:00+09:00`))).toBe(true);
    expect(isSupportedInstant(new Date(Date.parse(`${from}T00:00:00+09:00`) - 1))).toBe(false);
    expect(isSupportedInstant(new Date(`${to}T23:59:59.999+09:00`))).toBe(true);
    expect(isSupportedInstant(new Date(`${shift(to, 1)}T00:00:00+09:00`))).toBe(false);
    expect([isSupportedInstant(inYear(1)), isSupportedInstant(inYear(9999)), isSupportedInstant(new Date(NaN)), isSupportedInstant(new Date())]).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect([
      isSupportedMonth(from.slice(0, 7)),
      isSupportedMonth(to.slice(0, 7)),
      isSupportedMonth(shift(from, -1).slice(0, 7)),
      isSupportedMonth(shift(to, 1).slice(0, 7)),
    ]).toEqual([true, true, false, false]);
  });

  it('refuses what is not a real date, and says so in both languages with the path', () => {
    const thisYear = new Date().getUTCFullYear();
    expect(isSupportedDate(`${thisYear}-02-30`)).toBe(false);
    expect(isSupportedDate(`${thisYear}-1-1`)).toBe(false);
    expect(isSupportedMonth(`${thisYear}-13`)).toBe(false);
    expect(unsupportedDateError(['input', 'heldOn'], 'date')).toMatchObject({
      path: ['input', 'heldOn'],
      code: 'INVALID_VALUE',
      message: { en: expect.stringContaining(SUPPORTED_DATES.to), ja: expect.stringContaining('明治6年') },
    });
  });

  it('reads years before 100 as themselves (a real date, outside the range)', () => {
    const early = isoDate(1, 1 + new Date().getUTCMonth(), 1);
    expect(() => parseIsoDate(early)).not.toThrow();
    expect(isSupportedDate(early)).toBe(false);
  });
});
