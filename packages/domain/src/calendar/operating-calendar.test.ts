import { describe, it, expect } from 'vitest';
import { findRule } from '../rulebooks/index.ts';
import type { OpenState, OperatingCalendar, OperatingException } from './calendar.types.ts';
import { isOpenAt, localParts, noticeIsTimely, rulebookCalendar, windowConflicts, zonedInstant } from './operating-calendar.ts';

const ktm = rulebookCalendar('KTM');
const mnt = rulebookCalendar('MNT');
const kwo = rulebookCalendar('KWO');

function summary(state: OpenState): string {
  return state.open ? 'open' : state.code;
}

describe('localParts', () => {
  it.each([
    ['2026-01-01T10:00:00+09:00', 'Asia/Tokyo', { date: '2026-01-01', time: '10:00', weekday: 4 }],
    ['2025-12-31T15:00:00Z', 'Asia/Tokyo', { date: '2026-01-01', time: '00:00', weekday: 4 }],
    ['2025-12-31T14:59:59Z', 'Asia/Tokyo', { date: '2025-12-31', time: '23:59', weekday: 3 }],
    ['2026-07-01T03:30:00Z', 'Europe/Berlin', { date: '2026-07-01', time: '05:30', weekday: 3 }],
  ])('%s in %s', (instant, tz, expected) => {
    expect(localParts(instant, tz)).toEqual(expected);
    expect(localParts(new Date(instant), tz)).toEqual(expected);
  });

  it('refuses a string without offset, which would be read in the host time zone', () => {
    expect(() => localParts('2026-01-01T10:00', 'Asia/Tokyo')).toThrow(RangeError);
    expect(() => localParts('not a date Z', 'Asia/Tokyo')).toThrow(RangeError);
  });

  it('zonedInstant is its inverse, with 24:00 as the next midnight', () => {
    expect(zonedInstant('2026-11-20', '21:00', 'Asia/Tokyo').toISOString()).toBe('2026-11-20T12:00:00.000Z');
    expect(zonedInstant('2026-11-20', '24:00', 'Asia/Tokyo').toISOString()).toBe('2026-11-20T15:00:00.000Z');
    expect(zonedInstant('2026-07-01', '05:30', 'Europe/Berlin').toISOString()).toBe('2026-07-01T03:30:00.000Z');
    expect(zonedInstant('2026-01-15', '05:30', 'Europe/Berlin').toISOString()).toBe('2026-01-15T04:30:00.000Z');
  });
});

describe('isOpenAt with the rulebook calendars', () => {
  it.each<[string, OperatingCalendar, string, string, string[]]>([
    // Kitami: 8:00–21:00 except 12/31–1/3 (KTM-15-1), national holidays not excluded.
    ['Kitami on New Year’s Day', ktm, '2026-01-01T10:00+09:00', 'CLOSED_DAY', ['KTM-15-1']],
    ['Kitami on 31 December', ktm, '2025-12-31T12:00+09:00', 'CLOSED_DAY', ['KTM-15-1']],
    ['Kitami on 3 January', ktm, '2026-01-03T12:00+09:00', 'CLOSED_DAY', ['KTM-15-1']],
    ['Kitami on 4 January', ktm, '2026-01-04T12:00+09:00', 'open', ['KTM-15-1']],
    ['Kitami on 30 December', ktm, '2025-12-30T12:00+09:00', 'open', ['KTM-15-1']],
    ['Kitami after 21:00', ktm, '2026-11-20T21:30+09:00', 'OUTSIDE_OPERATING_HOURS', ['KTM-15-1']],
    ['Kitami at 20:59', ktm, '2026-11-20T20:59+09:00', 'open', ['KTM-15-1']],
    ['Kitami at 08:00', ktm, '2026-11-20T08:00+09:00', 'open', ['KTM-15-1']],
    ['Kitami at 21:00', ktm, '2026-11-20T21:00+09:00', 'OUTSIDE_OPERATING_HOURS', ['KTM-15-1']],
    ['Kitami at 07:59', ktm, '2026-11-20T07:59+09:00', 'OUTSIDE_OPERATING_HOURS', ['KTM-15-1']],
    ['Kitami on a national holiday (文化の日)', ktm, '2026-11-03T10:00+09:00', 'open', ['KTM-15-1']],
    ['Kitami on a Sunday', ktm, '2026-11-22T10:00+09:00', 'open', ['KTM-15-1']],
    // Minato: 5:00 to midnight every day (MNT-15-1).
    ['Minato at 05:00', mnt, '2026-11-20T05:00+09:00', 'open', ['MNT-15-1']],
    ['Minato at 23:59', mnt, '2026-11-20T23:59+09:00', 'open', ['MNT-15-1']],
    ['Minato at 04:59', mnt, '2026-11-20T04:59+09:00', 'OUTSIDE_OPERATING_HOURS', ['MNT-15-1']],
    ['Minato at 00:00', mnt, '2026-11-21T00:00+09:00', 'OUTSIDE_OPERATING_HOURS', ['MNT-15-1']],
    ['Minato on New Year’s Day at 10:00', mnt, '2026-01-01T10:00+09:00', 'open', ['MNT-15-1']],
    // The same instants given in UTC: 20:00Z is 05:00 the next day in Tokyo, 19:59Z is 04:59.
    ['Minato at 20:00 UTC (05:00 JST)', mnt, '2026-11-19T20:00:00Z', 'open', ['MNT-15-1']],
    ['Minato at 19:59 UTC (04:59 JST)', mnt, '2026-11-19T19:59:00Z', 'OUTSIDE_OPERATING_HOURS', ['MNT-15-1']],
    ['Minato at 14:59 UTC (23:59 JST)', mnt, '2026-11-20T14:59:00Z', 'open', ['MNT-15-1']],
    ['Minato at 15:00 UTC (00:00 JST)', mnt, '2026-11-20T15:00:00Z', 'OUTSIDE_OPERATING_HOURS', ['MNT-15-1']],
    // Kawasaki ward office terminals: business hours only. KWO-7-1 sets no hours: they are Kawasaki's setting, and no rule sets them.
    ['Kawasaki on a national holiday (勤労感謝の日, Monday)', kwo, '2026-11-23T10:00+09:00', 'CLOSED_DAY', []],
    ['Kawasaki on 国民の休日', kwo, '2026-09-22T10:00+09:00', 'CLOSED_DAY', []],
    ['Kawasaki on a Saturday', kwo, '2026-11-21T10:00+09:00', 'CLOSED_DAY', []],
    ['Kawasaki on 29 December (weekday)', kwo, '2026-12-29T10:00+09:00', 'CLOSED_DAY', []],
    ['Kawasaki at 17:15', kwo, '2026-11-20T17:15+09:00', 'OUTSIDE_OPERATING_HOURS', []],
    ['Kawasaki at 17:14', kwo, '2026-11-20T17:14+09:00', 'open', []],
    ['Kawasaki at 08:30 on a weekday', kwo, '2026-11-20T08:30+09:00', 'open', []],
    ['Kawasaki at 08:29', kwo, '2026-11-20T08:29+09:00', 'OUTSIDE_OPERATING_HOURS', []],
    // No hours in the regulation.
    ['KWW at 03:00 on New Year’s Day', rulebookCalendar('KWW'), '2026-01-01T03:00+09:00', 'open', []],
    ['ARK at 00:00 on a Sunday', rulebookCalendar('ARK'), '2026-11-22T00:00+09:00', 'open', []],
  ])('%s', (_label, calendar, at, expected, ruleIds) => {
    const state = isOpenAt(calendar, at);
    expect(summary(state)).toBe(expected);
    expect(state.ruleIds).toEqual(ruleIds);
  });

  it('explains in English and Japanese', () => {
    expect(isOpenAt(ktm, '2026-01-01T10:00+09:00')).toEqual({
      open: false,
      code: 'CLOSED_DAY',
      reason: { en: 'Not in operation from 31 December to 3 January (KTM-15-1)', ja: '12月31日から1月3日までは運用しません（KTM-15-1）' },
      ruleIds: ['KTM-15-1'],
    });
    expect(isOpenAt(ktm, '2026-11-20T21:30+09:00')).toEqual({
      open: false,
      code: 'OUTSIDE_OPERATING_HOURS',
      reason: { en: 'Outside operating hours (8:00–21:00) (KTM-15-1)', ja: '運用時間（8:00〜21:00）外です（KTM-15-1）' },
      ruleIds: ['KTM-15-1'],
    });
    expect(isOpenAt(mnt, '2026-11-21T00:00+09:00')).toMatchObject({ reason: { ja: '運用時間（5:00〜24:00）外です（MNT-15-1）' } });
    // Kawasaki's hours are its setting: the refusal names the setting, and cites KWO-7-1 only for what it says.
    const setting = { ja: '川崎市の業務時間の設定', en: 'Kawasaki’s business-hours setting' };
    expect(isOpenAt(kwo, '2026-11-23T10:00+09:00')).toEqual({
      open: false,
      code: 'CLOSED_DAY',
      reason: {
        en: 'Not in operation on national holidays (Labour Thanksgiving Day, 勤労感謝の日) (Kawasaki’s business-hours setting; the terminals are not used outside business hours (KWO-7-1))',
        ja: '祝日・休日（勤労感謝の日）は運用しません（川崎市の業務時間の設定。業務時間以外の端末の使用は禁止（KWO-7-1））',
      },
      ruleIds: [],
      setting,
    });
    expect(isOpenAt(kwo, '2026-11-21T10:00+09:00')).toMatchObject({
      reason: { ja: '土曜日は運用しません（川崎市の業務時間の設定。業務時間以外の端末の使用は禁止（KWO-7-1））' },
      setting,
    });
    expect(isOpenAt(kwo, '2026-11-20T17:15+09:00')).toMatchObject({
      code: 'OUTSIDE_OPERATING_HOURS',
      reason: { ja: expect.stringContaining('運用時間（8:30〜17:15）外です（川崎市の業務時間の設定') },
      setting,
    });
    // Hours a rule sets name no setting.
    expect(isOpenAt(ktm, '2026-11-20T21:30+09:00')).not.toHaveProperty('setting');
  });

  it('a closed exception stops an otherwise open hour (MAINTENANCE), an open one extends the hours', () => {
    const stop: OperatingException = {
      from: '2026-11-20T18:00+09:00',
      to: '2026-11-20T20:00+09:00',
      kind: 'closed',
      reason: '定期保守作業',
      reasonEn: 'scheduled maintenance',
      announcedAt: '2026-11-06T10:00+09:00',
    };
    const extension: OperatingException = {
      from: '2026-11-20T19:00+09:00',
      to: '2026-11-20T23:00+09:00',
      kind: 'open',
      reason: '確定申告期間の延長運用',
    };
    const calendar = rulebookCalendar('KTM', [stop, extension]);
    expect(isOpenAt(calendar, '2026-11-20T17:59+09:00')).toEqual({ open: true, ruleIds: ['KTM-15-1'] });
    expect(isOpenAt(calendar, '2026-11-20T18:00+09:00')).toEqual({
      open: false,
      code: 'MAINTENANCE',
      reason: { en: 'Stopped: scheduled maintenance (KTM-15-2)', ja: '定期保守作業のため停止しています（KTM-15-2）' },
      ruleIds: ['KTM-15-2'],
    });
    // The stop wins where it overlaps the extension; after it the extension keeps the system open.
    expect(summary(isOpenAt(calendar, '2026-11-20T19:30+09:00'))).toBe('MAINTENANCE');
    expect(isOpenAt(calendar, '2026-11-20T20:00+09:00')).toEqual({ open: true, ruleIds: ['KTM-15-1'] });
    expect(isOpenAt(calendar, '2026-11-20T22:30+09:00')).toEqual({ open: true, ruleIds: ['KTM-15-1'] });
    expect(summary(isOpenAt(calendar, '2026-11-20T23:00+09:00'))).toBe('OUTSIDE_OPERATING_HOURS');
    // An exception also opens a closed day.
    const newYear = rulebookCalendar('KTM', [{ from: '2026-01-02T09:00+09:00', to: '2026-01-02T12:00+09:00', kind: 'open', reason: '臨時窓口' }]);
    expect(summary(isOpenAt(newYear, '2026-01-02T10:00+09:00'))).toBe('open');
    expect(summary(isOpenAt(newYear, '2026-01-02T13:00+09:00'))).toBe('CLOSED_DAY');
    // Minato: both kinds of temporary change come under MNT-15-2.
    const minato = rulebookCalendar('MNT', [{ ...stop, kind: 'closed' }]);
    expect(isOpenAt(minato, '2026-11-20T19:00+09:00')).toMatchObject({ code: 'MAINTENANCE', ruleIds: ['MNT-15-2'] });
  });

  it('closed periods may wrap the year end or not', () => {
    const calendar: OperatingCalendar = {
      ...rulebookCalendar('ARK'),
      closedPeriods: [{ from: '08-13', to: '08-15' }],
      ruleIds: [],
    };
    delete calendar.hoursSetting; // a calendar citing nothing at all
    expect(isOpenAt(calendar, '2026-08-14T12:00+09:00')).toMatchObject({ code: 'CLOSED_DAY', reason: { ja: '8月13日から8月15日までは運用しません' } });
    expect(summary(isOpenAt(calendar, '2026-08-16T12:00+09:00'))).toBe('open');
    expect(summary(isOpenAt(calendar, '2026-12-31T12:00+09:00'))).toBe('open');
  });

  it('reads the wall clock in the calendar’s time zone', () => {
    const berlin: OperatingCalendar = { ...rulebookCalendar('KTM'), timeZone: 'Europe/Berlin' };
    expect(summary(isOpenAt(berlin, '2026-11-20T08:30+01:00'))).toBe('open');
    expect(summary(isOpenAt(berlin, '2026-11-20T08:30+09:00'))).toBe('OUTSIDE_OPERATING_HOURS');
  });
});

describe('windowConflicts', () => {
  it('finds the part of a 20:00–23:00 window inside Kitami’s hours (20:00–21:00)', () => {
    expect(windowConflicts(ktm, { from: '2026-11-20T20:00+09:00', to: '2026-11-20T23:00+09:00' })).toEqual({
      insideOperatingHours: true,
      overlaps: [{ from: '2026-11-20T11:00:00.000Z', to: '2026-11-20T12:00:00.000Z' }],
    });
  });

  it.each<[string, OperatingCalendar, string, string, [string, string][]]>([
    ['Kitami at night', ktm, '2026-11-20T21:00+09:00', '2026-11-21T08:00+09:00', []],
    [
      'Kitami over the year end',
      ktm,
      '2025-12-30T20:00+09:00',
      '2026-01-04T09:00+09:00',
      [
        ['2025-12-30T20:00+09:00', '2025-12-30T21:00+09:00'],
        ['2026-01-04T08:00+09:00', '2026-01-04T09:00+09:00'],
      ],
    ],
    [
      'Minato across midnight',
      mnt,
      '2026-11-20T23:00+09:00',
      '2026-11-21T06:00+09:00',
      [
        ['2026-11-20T23:00+09:00', '2026-11-21T00:00+09:00'],
        ['2026-11-21T05:00+09:00', '2026-11-21T06:00+09:00'],
      ],
    ],
    ['Minato inside its night stop', mnt, '2026-11-21T00:00+09:00', '2026-11-21T05:00+09:00', []],
    [
      'Kawasaki over a weekend',
      kwo,
      '2026-11-20T17:00+09:00',
      '2026-11-24T09:00+09:00',
      [
        ['2026-11-20T17:00+09:00', '2026-11-20T17:15+09:00'],
        ['2026-11-24T08:30+09:00', '2026-11-24T09:00+09:00'],
      ],
    ],
    [
      'KWW all day: days join into one overlap',
      rulebookCalendar('KWW'),
      '2026-11-20T22:00+09:00',
      '2026-11-22T02:00+09:00',
      [['2026-11-20T22:00+09:00', '2026-11-22T02:00+09:00']],
    ],
  ])('%s', (_label, calendar, from, to, expected) => {
    const result = windowConflicts(calendar, { from, to });
    const iso = (s: string): string => new Date(s).toISOString();
    expect(result.overlaps).toEqual(expected.map(([a, b]) => ({ from: iso(a), to: iso(b) })));
    expect(result.insideOperatingHours).toBe(expected.length > 0);
  });

  it('applies exceptions as isOpenAt does', () => {
    const calendar = rulebookCalendar('KTM', [
      { from: '2026-11-20T20:30+09:00', to: '2026-11-20T22:00+09:00', kind: 'closed', reason: '別作業' },
      { from: '2026-11-20T21:00+09:00', to: '2026-11-20T22:30+09:00', kind: 'open', reason: '延長運用' },
    ]);
    expect(windowConflicts(calendar, { from: '2026-11-20T20:00+09:00', to: '2026-11-20T23:00+09:00' }).overlaps).toEqual([
      { from: '2026-11-20T11:00:00.000Z', to: '2026-11-20T11:30:00.000Z' },
      { from: '2026-11-20T13:00:00.000Z', to: '2026-11-20T13:30:00.000Z' },
    ]);
  });

  it('agrees with isOpenAt minute by minute', () => {
    for (const calendar of [ktm, mnt, kwo]) {
      const from = Date.parse('2026-12-28T00:00+09:00');
      const to = Date.parse('2027-01-05T00:00+09:00');
      const overlaps = windowConflicts(calendar, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }).overlaps.map(
        (o) => [Date.parse(o.from), Date.parse(o.to)] as const,
      );
      for (let t = from; t < to; t += 15 * 60_000) {
        const inside = overlaps.some(([a, b]) => a <= t && t < b);
        expect(inside).toBe(isOpenAt(calendar, new Date(t)).open);
      }
    }
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => windowConflicts(ktm, { from: '2026-11-20T23:00+09:00', to: '2026-11-20T20:00+09:00' })).toThrow(RangeError);
  });
});

describe('noticeIsTimely', () => {
  const stop = (announcedAt: string | null | undefined): OperatingException => ({
    from: '2026-11-20T18:00+09:00',
    to: '2026-11-20T20:00+09:00',
    kind: 'closed',
    reason: '定期保守作業',
    announcedAt,
  });

  it.each<[string | null | undefined, number, boolean]>([
    ['2026-11-13T23:00+09:00', 7, true],
    ['2026-11-13T09:00+09:00', 7, true],
    ['2026-11-14T09:00+09:00', 7, false],
    ['2026-11-13T14:30:00Z', 7, true], // 23:30 JST on the 13th
    ['2026-11-13T15:30:00Z', 7, false], // 00:30 JST on the 14th
    ['2026-11-20T17:00+09:00', 0, true],
    ['2026-11-20T19:00+09:00', 0, false],
    [null, 0, false],
    [undefined, 1, false],
  ])('announced %s, %i days required → %s', (announcedAt, days, expected) => {
    expect(noticeIsTimely(stop(announcedAt), days)).toBe(expected);
  });
});

describe('rulebookCalendar', () => {
  it('cites only rule IDs that exist', () => {
    for (const id of ['MNT', 'KWW', 'KWO', 'KTM', 'ARK'] as const) {
      const calendar = rulebookCalendar(id);
      for (const ruleId of [...calendar.ruleIds, ...(calendar.exceptionRuleIds?.closed ?? []), ...(calendar.exceptionRuleIds?.open ?? [])]) {
        expect(findRule(ruleId), ruleId).toBeDefined();
      }
    }
    for (const ruleId of ['MNT-15-1', 'MNT-15-2', 'KTM-15-1', 'KTM-15-2', 'KWO-7-1'] as const) expect(findRule(ruleId), ruleId).toBeDefined();
  });

  it('Kitami and Minato hours as the regulations write them', () => {
    expect(findRule('KTM-15-1')?.text).toContain('12月31日から1月3日までの期間を除き、午前8時から午後9時まで');
    expect(findRule('MNT-15-1')?.text).toContain('すべての日の午前5時00分から翌日午前0時00分まで');
    expect(ktm.weekly).toEqual(Array.from({ length: 7 }, () => [{ start: '08:00', end: '21:00' }]));
    expect(ktm.closedPeriods).toEqual([{ from: '12-31', to: '01-03' }]);
    expect(ktm.closedOnNationalHolidays).toBe(false);
    expect(mnt.weekly).toEqual(Array.from({ length: 7 }, () => [{ start: '05:00', end: '24:00' }]));
    expect(kwo.weekly[0]).toEqual([]);
    expect(kwo.weekly[6]).toEqual([]);
    expect(kwo.closedOnNationalHolidays).toBe(true);
  });

  it('hours a rulebook sets cite it; hours it leaves open are the municipality’s setting (KWO-7-1 names 業務時間 without setting them)', () => {
    expect(findRule('KWO-7-1')?.text).toContain('業務時間以外に区役所システム端末を使用してはならない');
    expect(findRule('KWO-7-1')?.text).not.toMatch(/\d+時/);
    expect([mnt.hoursSetting, ktm.hoursSetting]).toEqual([undefined, undefined]);
    expect(kwo).toMatchObject({ ruleIds: [], hoursSetting: { label: { ja: '川崎市の業務時間の設定' } } });
    for (const id of ['KWW', 'ARK'] as const) {
      expect(rulebookCalendar(id)).toMatchObject({ ruleIds: [], hoursSetting: { label: { ja: '市の設定（規程に運用時間の定めなし）' } } });
    }
  });

  it('returns fresh objects', () => {
    const a = rulebookCalendar('KWO');
    a.weekly[1]?.push({ start: '18:00', end: '20:00' });
    expect(rulebookCalendar('KWO').weekly[1]).toEqual([{ start: '08:30', end: '17:15' }]);
  });
});
