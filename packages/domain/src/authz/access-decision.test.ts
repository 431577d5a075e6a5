import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOpenAt, rulebookCalendar } from '../calendar/index.ts';
import type { OperatingCalendar } from '../calendar/calendar.types.ts';
import type { RulebookId } from '../model/types.ts';
import { findRule } from '../rulebooks/index.ts';
import type { TenureFact } from '../roles/roles.types.ts';
import { ACCOUNT_RULE_IDS, decideSystemAccess } from './access-decision.ts';
import type { AccessDecisionInput, AccessDenialCode, AccountFact } from './access-decision.types.ts';

/** Open all day, every day, citing nothing: isolates the account and system reasons. */
const alwaysOpen: OperatingCalendar = {
  timeZone: 'Asia/Tokyo',
  weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  closedPeriods: [],
  closedOnNationalHolidays: false,
  exceptions: [],
  ruleIds: [],
};

// A Wednesday in January, inside every calendar's hours.
const AT = '2026-01-14T10:00:00+09:00';

const tenures: TenureFact[] = [
  // 人事異動 on 2026-01-05: from 窓口課 to 税務課.
  { staffId: 'kimura', positionId: 'madoguchi-staff', from: '2024-04-01', to: '2026-01-05' },
  { staffId: 'kimura', positionId: 'zeimu-staff', from: '2026-01-05' },
];

const baseAccount: AccountFact = {
  id: 'acc-1',
  staffId: 'kimura',
  systemId: 'sys',
  authorityProfile: '窓口業務（照会・更新）',
  validFrom: '2025-04-01T00:00:00+09:00',
  validTo: null,
  dutyPositionId: null,
  suspendedAt: null,
  suspensionReason: null,
  endedAt: null,
};

// Approved as an operator (ARK-10-1) from the day the account begins, unless a case says otherwise.
const account = (a: Partial<AccountFact> = {}): AccountFact => ({ ...baseAccount, operatorApprovedAt: baseAccount.validFrom, ...a });

function input(
  over: { account?: AccountFact | null; book?: RulebookId | null; status?: string; calendar?: OperatingCalendar; at?: string } = {},
): AccessDecisionInput {
  return {
    account: over.account === undefined ? account() : over.account,
    tenures,
    system: { id: 'sys', lifecycleStatus: over.status ?? 'in_service', rulebookId: over.book === undefined ? 'KTM' : over.book },
    calendar: over.calendar ?? alwaysOpen,
    at: over.at ?? AT,
  };
}

const codesOf = (i: AccessDecisionInput) => decideSystemAccess(i).reasons.map((r) => [r.code, r.ruleIds]);

describe('decideSystemAccess', () => {
  it('allows a valid account, with its authority and the basis of the account', () => {
    expect(decideSystemAccess(input({ calendar: rulebookCalendar('KTM') }))).toEqual({
      allowed: true,
      authority: '窓口業務（照会・更新）',
      reasons: [],
      ruleIds: ['KTM-10-3'],
      purpose: null,
    });
  });

  it('states the purpose of use recorded on the account it relied on (KTM-12-1)', () => {
    const allowed = decideSystemAccess(input({ account: account({ purpose: '転入届の受付事務' }) }));
    expect(allowed).toMatchObject({ allowed: true, purpose: '転入届の受付事務' });
    const refused = decideSystemAccess(input({ account: account({ purpose: '研修', suspendedAt: baseAccount.validFrom }) }));
    expect(refused).toMatchObject({ allowed: false, purpose: '研修' });
    expect(decideSystemAccess(input({ account: null })).purpose).toBeNull();
    expect(decideSystemAccess(input({ account: account({ systemId: 'other', purpose: '研修' }) })).purpose).toBeNull();
  });

  it('an Arakawa operator approved by the chief of a using section may operate (ARK-10-1)', () => {
    expect(decideSystemAccess(input({ book: 'ARK' }))).toMatchObject({ allowed: true, ruleIds: ['ARK-10'] });
  });

  it('an Arakawa account without the approval of a using section chief is refused, citing ARK-10-1', () => {
    const d = decideSystemAccess(input({ book: 'ARK', account: account({ operatorApprovedAt: null }) }));
    expect(d).toMatchObject({ allowed: false, authority: null, ruleIds: ['ARK-10-1'] });
    expect(d.reasons).toEqual([
      {
        code: 'OPERATOR_NOT_APPROVED',
        message: {
          en: 'The chief of a section using the system has not approved the staff member as an operator.',
          ja: 'このシステムを利用する課の長による操作の承認を受けていません。',
        },
        ruleIds: ['ARK-10-1'],
      },
    ]);
    // An approval given only after the instant asked does not count then (ARK-10-1).
    const later = new Date(Date.parse(AT) + 3_600_000).toISOString();
    expect(codesOf(input({ book: 'ARK', account: account({ operatorApprovedAt: later }) }))).toEqual([['OPERATOR_NOT_APPROVED', ['ARK-10-1']]]);
    // Other rulebooks ask for no such approval.
    expect(decideSystemAccess(input({ book: 'KTM', account: account({ operatorApprovedAt: null }) })).allowed).toBe(true);
  });

  it.each([
    ['MNT', ['MNT-10-2']],
    ['KTM', ['KTM-10-3']],
    ['KWO', ['KWO-6']],
    ['KWW', ['KWW-8-3']],
    ['ARK', ['ARK-10']],
    [null, []],
  ] as const)('allowed on a %s system cites %j', (book, ruleIds) => {
    expect(decideSystemAccess(input({ book })).ruleIds).toEqual(ruleIds);
  });

  it.each([
    ['MNT', 'MNT-10-2'],
    ['KTM', 'KTM-10-3'],
    ['KWO', 'KWO-6'],
    ['KWW', 'KWW-8-3'],
    ['ARK', 'ARK-10'],
  ] as const)('no account on a %s system → NO_ACCOUNT citing %s', (book, ruleId) => {
    expect(codesOf(input({ account: null, book }))).toEqual([['NO_ACCOUNT', [ruleId]]]);
  });

  it.each([
    // [case, account, book, reasons]
    ['an account on another system', account({ systemId: 'other' }), 'MNT', [['NO_ACCOUNT', ['MNT-10-2']]]],
    ['ended (MNT-11-2)', account({ endedAt: '2026-01-10T00:00:00+09:00' }), 'MNT', [['ENDED', ['MNT-11-2']]]],
    ['ended (KTM-10-1)', account({ endedAt: '2026-01-10T00:00:00+09:00' }), 'KTM', [['ENDED', ['KTM-10-1']]]],
    ['ended on a KWW system cites the basis', account({ endedAt: '2026-01-10T00:00:00+09:00' }), 'KWW', [['ENDED', ['KWW-8-3']]]],
    ['ending only later', account({ endedAt: '2026-01-20T00:00:00+09:00' }), 'KTM', []],
    ['not yet valid', account({ validFrom: '2026-02-01T00:00:00+09:00' }), 'KTM', [['NOT_YET_VALID', ['KTM-10-3']]]],
    ['past the declared end date (MNT-11-1)', account({ validTo: '2026-01-01T00:00:00+09:00' }), 'MNT', [['EXPIRED', ['MNT-11-1']]]],
    ['exactly at the declared end date', account({ validTo: AT }), 'MNT', [['EXPIRED', ['MNT-11-1']]]],
    ['before the declared end date', account({ validTo: '2026-03-31T00:00:00+09:00' }), 'MNT', []],
    ['duty left on transfer (KTM-11)', account({ dutyPositionId: 'madoguchi-staff' }), 'KTM', [['DUTY_ENDED', ['KTM-11']]]],
    ['duty still held', account({ dutyPositionId: 'zeimu-staff' }), 'KTM', []],
    ['suspended (MNT-16)', account({ suspendedAt: '2026-01-13T09:00:00+09:00', suspensionReason: '不適切な照会' }), 'MNT', [['SUSPENDED', ['MNT-16']]]],
    ['suspended (KTM-10-4)', account({ suspendedAt: '2026-01-13T09:00:00+09:00', suspensionRuleIds: ['KTM-10-4'] }), 'KTM', [['SUSPENDED', ['KTM-10-4']]]],
    // An ordinary revocation is the section head's, registered by the 統括管理者: not the privacy-law paragraph.
    [
      'suspended on an ordinary revocation (KTM-10-1, KTM-10-3)',
      account({ suspendedAt: AT, suspensionRuleIds: ['KTM-10-1', 'KTM-10-3'] }),
      'KTM',
      [['SUSPENDED', ['KTM-10-1', 'KTM-10-3']]],
    ],
    ['suspended with no ground recorded: an ordinary revocation', account({ suspendedAt: AT }), 'KTM', [['SUSPENDED', ['KTM-10-1', 'KTM-10-3']]]],
    ['suspended only later', account({ suspendedAt: '2026-01-15T09:00:00+09:00' }), 'KTM', []],
    [
      'expired AND suspended report both',
      account({ validTo: '2026-01-01T00:00:00+09:00', suspendedAt: '2025-12-20T09:00:00+09:00' }),
      'MNT',
      [
        ['EXPIRED', ['MNT-11-1']],
        ['SUSPENDED', ['MNT-16']],
      ],
    ],
    [
      'every account reason at once, in order',
      account({
        endedAt: '2026-01-10T00:00:00+09:00',
        validFrom: '2026-02-01T00:00:00+09:00',
        validTo: '2026-01-01T00:00:00+09:00',
        dutyPositionId: 'madoguchi-staff',
        suspendedAt: '2026-01-01T00:00:00+09:00',
        suspensionRuleIds: ['KTM-10-4'],
      }),
      'KTM',
      [
        ['ENDED', ['KTM-10-1']],
        ['NOT_YET_VALID', ['KTM-10-3']],
        ['EXPIRED', ['KTM-10-3']],
        ['DUTY_ENDED', ['KTM-11']],
        ['SUSPENDED', ['KTM-10-4']],
      ],
    ],
  ] as const)('%s', (_name, acc, book, expected) => {
    expect(codesOf(input({ account: acc, book }))).toEqual(expected);
  });

  it.each([
    ['in_service', []],
    ['under_change', []],
    ['proposed', [['SYSTEM_NOT_IN_SERVICE', []]]],
    ['retiring', [['SYSTEM_NOT_IN_SERVICE', []]]],
    ['retired', [['SYSTEM_NOT_IN_SERVICE', []]]],
  ] as const)('system %s', (status, expected) => {
    expect(codesOf(input({ status }))).toEqual(expected);
  });

  it.each([
    // Kitami (KTM-15-1): 08:00–21:00 except 31 Dec – 3 Jan.
    ['KTM', '2026-01-01T10:00:00+09:00', [['CLOSED_DAY', ['KTM-15-1']]]],
    ['KTM', '2025-12-31T10:00:00+09:00', [['CLOSED_DAY', ['KTM-15-1']]]],
    ['KTM', '2026-01-04T10:00:00+09:00', []],
    ['KTM', '2026-01-14T21:30:00+09:00', [['OUTSIDE_OPERATING_HOURS', ['KTM-15-1']]]],
    ['KTM', '2026-01-14T07:59:00+09:00', [['OUTSIDE_OPERATING_HOURS', ['KTM-15-1']]]],
    ['KTM', '2026-01-14T20:59:00+09:00', []],
    // Minato (MNT-15-1): 05:00 to midnight every day.
    ['MNT', '2026-01-14T04:30:00+09:00', [['OUTSIDE_OPERATING_HOURS', ['MNT-15-1']]]],
    ['MNT', '2026-01-01T23:59:00+09:00', []],
    // Kawasaki ward offices: business hours only, by Kawasaki's setting (KWO-7-1 sets no hours).
    ['KWO', '2026-01-14T18:00:00+09:00', [['OUTSIDE_OPERATING_HOURS', []]]],
    ['KWO', '2026-01-17T10:00:00+09:00', [['CLOSED_DAY', []]]],
  ] as const)('%s calendar at %s', (book, at, expected) => {
    expect(codesOf(input({ book, calendar: rulebookCalendar(book), at }))).toEqual(expected);
  });

  it("the Kitami user on New Year's Day and at 21:30 is told why, in Japanese too", () => {
    const closed = decideSystemAccess(input({ calendar: rulebookCalendar('KTM'), at: '2026-01-01T10:00:00+09:00' }));
    expect(closed).toMatchObject({ allowed: false, authority: null, ruleIds: ['KTM-15-1'] });
    expect(closed.reasons[0]?.message.ja).toContain('12月31日から1月3日までは運用しません');
    const late = decideSystemAccess(input({ calendar: rulebookCalendar('KTM'), at: '2026-01-14T21:30:00+09:00' }));
    expect(late.reasons[0]).toMatchObject({ code: 'OUTSIDE_OPERATING_HOURS', ruleIds: ['KTM-15-1'] });
    expect(late.reasons[0]?.message.ja).toContain('運用時間');
  });

  it('a maintenance stop announced in advance (KTM-15-2)', () => {
    const calendar = rulebookCalendar('KTM', [{ from: '2026-01-14T09:00:00+09:00', to: '2026-01-14T12:00:00+09:00', kind: 'closed', reason: '定期保守' }]);
    expect(codesOf(input({ calendar }))).toEqual([['MAINTENANCE', ['KTM-15-2']]]);
  });

  it('reports account, system and calendar reasons together, in that order', () => {
    const d = decideSystemAccess(input({ account: null, status: 'retired', calendar: rulebookCalendar('KTM'), at: '2026-01-02T22:00:00+09:00' }));
    expect(d.reasons.map((r) => r.code)).toEqual(['NO_ACCOUNT', 'SYSTEM_NOT_IN_SERVICE', 'CLOSED_DAY']);
    expect(d.ruleIds).toEqual(['KTM-10-3', 'KTM-15-1']);
  });

  it('messages say what is wrong in both languages', () => {
    const d = decideSystemAccess(
      input({
        book: 'MNT',
        account: account({ validTo: '2026-01-01T00:00:00+09:00', suspendedAt: '2025-12-20T09:00:00+09:00', suspensionReason: '目的外利用の疑い' }),
      }),
    );
    expect(d.reasons.map((r) => r.message.ja)).toEqual([
      '申請時に届け出た使用期限（令和8年1月1日 00時00分）を過ぎています。',
      '令和7年12月20日 09時00分からシステムの使用が停止されています（理由：目的外利用の疑い）。',
    ]);
    expect(d.reasons[1]?.message.en).toContain('目的外利用の疑い');
  });

  it('refuses an unreadable instant', () => {
    expect(() => decideSystemAccess(input({ at: 'soon' }))).toThrow(RangeError);
  });

  it('every rule ID it cites resolves', () => {
    for (const ids of Object.values(ACCOUNT_RULE_IDS)) for (const id of ids) expect(findRule(id), id).toBeDefined();
    for (const id of ['MNT-11-2', 'KTM-10-1', 'MNT-11-1', 'KTM-11', 'MNT-16', 'KTM-10-4', 'MNT-15-1', 'KTM-15-1', 'KWO-7-1'] as const)
      expect(findRule(id), id).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Property: every applicable reason, in order, and allowed exactly when there is none.
// ---------------------------------------------------------------------------------------------
const ORDER: AccessDenialCode[] = [
  'NO_ACCOUNT',
  'ENDED',
  'NOT_YET_VALID',
  'EXPIRED',
  'DUTY_ENDED',
  'SUSPENDED',
  'OPERATOR_NOT_APPROVED',
  'SYSTEM_NOT_IN_SERVICE',
  'CLOSED_DAY',
  'OUTSIDE_OPERATING_HOURS',
  'MAINTENANCE',
];
const BASE = Date.parse('2025-12-25T00:00:00+09:00');
const HOUR = 3_600_000;
const iso = (h: number) => new Date(BASE + h * HOUR).toISOString();
const hourArb = fc.integer({ min: 0, max: 20 * 24 });
const optHour = fc.option(hourArb, { nil: null });

const inputArb = fc
  .record({
    hasAccount: fc.boolean(),
    sameSystem: fc.boolean(),
    validFrom: hourArb,
    validTo: optHour,
    endedAt: optHour,
    suspendedAt: optHour,
    approvedAt: optHour,
    duty: fc.option(fc.constantFrom('madoguchi-staff', 'zeimu-staff'), { nil: null }),
    book: fc.constantFrom<RulebookId | null>('MNT', 'KTM', 'KWO', 'KWW', 'ARK', null),
    status: fc.constantFrom('proposed', 'in_service', 'under_change', 'retiring', 'retired'),
    calendarBook: fc.constantFrom<RulebookId>('MNT', 'KTM', 'KWO', 'ARK'),
    at: hourArb,
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map((r): AccessDecisionInput => ({
    account: r.hasAccount
      ? account({
          systemId: r.sameSystem ? 'sys' : 'other',
          validFrom: iso(r.validFrom),
          validTo: r.validTo === null ? null : iso(r.validTo),
          endedAt: r.endedAt === null ? null : iso(r.endedAt),
          suspendedAt: r.suspendedAt === null ? null : iso(r.suspendedAt),
          operatorApprovedAt: r.approvedAt === null ? null : iso(r.approvedAt),
          dutyPositionId: r.duty,
        })
      : null,
    tenures,
    system: { id: 'sys', lifecycleStatus: r.status, rulebookId: r.book },
    calendar: rulebookCalendar(r.calendarBook),
    at: new Date(BASE + r.at * HOUR + r.minute * 60_000).toISOString(),
  }));

function expectedCodes(i: AccessDecisionInput): AccessDenialCode[] {
  const at = Date.parse(i.at);
  const codes: AccessDenialCode[] = [];
  const a = i.account;
  if (a === null || a.systemId !== i.system.id) codes.push('NO_ACCOUNT');
  else {
    if (a.endedAt !== null && Date.parse(a.endedAt) <= at) codes.push('ENDED');
    if (at < Date.parse(a.validFrom)) codes.push('NOT_YET_VALID');
    if (a.validTo !== null && Date.parse(a.validTo) <= at) codes.push('EXPIRED');
    if (a.dutyPositionId !== null) {
      // Tenure dates are read in Tokyo: the transfer happens at 2026-01-05T00:00+09:00.
      const moved = at >= Date.parse('2026-01-05T00:00:00+09:00');
      if (a.dutyPositionId === (moved ? 'madoguchi-staff' : 'zeimu-staff')) codes.push('DUTY_ENDED');
    }
    if (a.suspendedAt !== null && Date.parse(a.suspendedAt) <= at) codes.push('SUSPENDED');
    const approved = a.operatorApprovedAt != null && Date.parse(a.operatorApprovedAt) <= at;
    if (i.system.rulebookId === 'ARK' && !approved) codes.push('OPERATOR_NOT_APPROVED');
  }
  if (!['in_service', 'under_change'].includes(i.system.lifecycleStatus)) codes.push('SYSTEM_NOT_IN_SERVICE');
  const state = isOpenAt(i.calendar, i.at);
  if (!state.open) codes.push(state.code);
  return codes;
}

describe('decideSystemAccess properties', () => {
  it('reports exactly the applicable reasons, in order; allowed exactly when there are none', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const d = decideSystemAccess(i);
        const codes = d.reasons.map((r) => r.code);
        expect(codes).toEqual(expectedCodes(i));
        expect([...codes].sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y))).toEqual(codes);
        expect(d.allowed).toBe(codes.length === 0);
        expect(d.authority).toBe(d.allowed ? (i.account?.authorityProfile ?? null) : null);
        if (d.allowed) expect(d.ruleIds).toEqual(i.system.rulebookId ? ACCOUNT_RULE_IDS[i.system.rulebookId] : []);
        else expect(new Set(d.ruleIds)).toEqual(new Set(d.reasons.flatMap((r) => r.ruleIds)));
        for (const r of d.reasons) {
          expect(r.message.en.length).toBeGreaterThan(0);
          expect(r.message.ja.length).toBeGreaterThan(0);
          for (const id of r.ruleIds) expect(findRule(id), id).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('an account valid at t is not valid at its validTo', () => {
    fc.assert(
      fc.property(hourArb, fc.integer({ min: 1, max: 24 * 30 }), (from, len) => {
        const acc = account({ validFrom: iso(from), validTo: iso(from + len) });
        expect(decideSystemAccess(input({ account: acc, at: iso(from + len - 1) })).allowed).toBe(true);
        expect(decideSystemAccess(input({ account: acc, at: iso(from + len) })).reasons.map((r) => r.code)).toEqual(['EXPIRED']);
      }),
    );
  });
});
