import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRole, findRule } from '../rulebooks/index.ts';
import type { RulebookId } from '../model/types.ts';
import { holdersAt, isOnDuty, localDateAt, positionsAt, rolesAt } from './role-resolution.ts';
import type { DeputationFact, RoleBindingFact, TenureFact } from './roles.types.ts';
import type { AbsenceFact } from './absences.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

// Kawasaki welfare (KWW-3-1): two システム総括者 split by scope, and the システム管理者 (KWW-4-1).
const kwwBindings: RoleBindingFact[] = [
  {
    rulebookId: 'KWW',
    roleKey: 'system_supervisor',
    positionId: 'kenko-somu-director',
    scopeKey: 'health-welfare',
    scopeLabel: '健康福祉局及び共通部分に関する業務',
    ruleIds: ['KWW-3-1'],
  },
  {
    rulebookId: 'KWW',
    roleKey: 'system_supervisor',
    positionId: 'kodomo-somu-director',
    scopeKey: 'children',
    scopeLabel: 'こども未来局に関する業務',
    ruleIds: ['KWW-3-1'],
  },
  { rulebookId: 'KWW', roleKey: 'system_administrator', positionId: 'kenko-system-chief', ruleIds: ['KWW-4-1', 'KWW-4-2'] },
];
// Minato (MNT-4, MNT-6-4): 保健福祉課長 and the システム総括担当者 who may act for them.
const mntBindings: RoleBindingFact[] = [
  { rulebookId: 'MNT', roleKey: 'welfare_section_chief', positionId: 'mnt-welfare-chief', ruleIds: ['MNT-4'] },
  { rulebookId: 'MNT', roleKey: 'system_coordinator', positionId: 'mnt-welfare-staff', ruleIds: ['MNT-6-1'] },
];
// Kitami (KTM-3): 統括管理者 = 市民環境部長, 副統括管理者 = 窓口課長 (acts for the former when absent, KTM-3-6).
const ktmBindings: RoleBindingFact[] = [
  { rulebookId: 'KTM', roleKey: 'general_manager', positionId: 'ktm-director', ruleIds: ['KTM-3-2'] },
  { rulebookId: 'KTM', roleKey: 'deputy_general_manager', positionId: 'ktm-madoguchi-chief', ruleIds: ['KTM-3-4'] },
];
const bindings = [...kwwBindings, ...mntBindings, ...ktmBindings];

// A personnel transfer on 2025-04-01: yamada moves from 健康福祉局総務部長 to こども未来局総務部長; sato takes his post.
const tenures: TenureFact[] = [
  { staffId: 'yamada', positionId: 'kenko-somu-director', from: '2023-04-01', to: '2025-04-01' },
  { staffId: 'yamada', positionId: 'kodomo-somu-director', from: '2025-04-01' },
  { staffId: 'sato', positionId: 'kenko-somu-director', from: '2025-04-01' },
  { staffId: 'suzuki', positionId: 'kodomo-somu-director', from: '2022-04-01', to: '2025-04-01' },
  { staffId: 'tanaka', positionId: 'kenko-system-chief', from: '2024-04-01' },
  { staffId: 'ito', positionId: 'mnt-welfare-chief', from: '2024-04-01', to: '2025-04-01' },
  { staffId: 'kato', positionId: 'mnt-welfare-chief', from: '2025-04-01' },
  { staffId: 'obata', positionId: 'mnt-welfare-staff', from: '2024-04-01' },
  { staffId: 'kimura', positionId: 'ktm-director', from: '2024-04-01' },
  { staffId: 'mori', positionId: 'ktm-madoguchi-chief', from: '2024-04-01' },
];
const deputations: DeputationFact[] = [
  // MNT-6-4: 保健福祉課長 lets the システム総括担当者 act for them, across the change of chief.
  {
    id: 'dep-mnt',
    deputyStaffId: 'obata',
    principalPositionId: 'mnt-welfare-chief',
    rulebookId: 'MNT',
    roleKeys: ['welfare_section_chief'],
    from: '2024-10-01',
    ruleIds: ['MNT-6-4'],
  },
  // KTM-3-6: 統括管理者 absent (事故) from 8 to 12 Dec 2025.
  {
    id: 'dep-ktm',
    deputyStaffId: 'mori',
    principalPositionId: 'ktm-director',
    rulebookId: 'KTM',
    roleKeys: [],
    from: '2025-12-08',
    to: '2025-12-13',
    ruleIds: ['KTM-3-6'],
  },
];
// KTM-3-6: the deputy acts only while the absence is declared, here for the same days.
const absences: AbsenceFact[] = [{ id: 'abs-ktm', positionId: 'ktm-director', from: '2025-12-08', to: '2025-12-12' }];
const facts = { tenures, bindings, deputations, absences };

const brief = (roles: ReturnType<typeof rolesAt>) =>
  roles.map(
    (r) => `${r.rulebookId}:${r.roleKey}@${r.positionId}${r.scopeKey ? `[${r.scopeKey}]` : ''}/${r.via}${r.onBehalfOfStaffId ? `>${r.onBehalfOfStaffId}` : ''}`,
  );

describe('localDateAt', () => {
  it.each([
    ['2025-03-31T14:59:59Z', '2025-03-31'],
    ['2025-03-31T15:00:00Z', '2025-04-01'], // midnight in Tokyo
    ['2025-04-01T00:00:00+09:00', '2025-04-01'],
    ['2025-04-01', '2025-04-01'],
  ])('%s is %s in Tokyo', (at, date) => {
    expect(localDateAt(at, 'Asia/Tokyo')).toBe(date);
  });
  it('refuses an unreadable instant', () => {
    expect(() => localDateAt('yesterday')).toThrow(RangeError);
  });
});

describe('holdersAt / positionsAt / isOnDuty', () => {
  it.each([
    // [position, at, holders]
    ['kenko-somu-director', '2025-03-31T23:59:00+09:00', ['yamada']],
    ['kenko-somu-director', '2025-04-01T00:00:00+09:00', ['sato']],
    // 2025-03-31T15:00Z is already 1 April in Tokyo: the transfer has happened.
    ['kenko-somu-director', '2025-03-31T15:00:00Z', ['sato']],
    ['kodomo-somu-director', '2025-03-31T12:00:00+09:00', ['suzuki']],
    ['kodomo-somu-director', '2025-04-01T12:00:00+09:00', ['yamada']],
    ['kenko-somu-director', '2023-03-31T12:00:00+09:00', []],
  ])('holders of %s at %s', (positionId, at, expected) => {
    expect(holdersAt(positionId, at, tenures)).toEqual(expected);
  });

  it.each([
    ['yamada', '2025-03-31T12:00:00+09:00', ['kenko-somu-director']],
    ['yamada', '2025-04-01T12:00:00+09:00', ['kodomo-somu-director']],
    ['suzuki', '2025-04-01T12:00:00+09:00', []],
  ])('positions of %s at %s', (staffId, at, expected) => {
    expect(positionsAt(staffId, at, tenures)).toEqual(expected);
  });

  it.each([
    ['yamada', 'kenko-somu-director', '2025-03-31T12:00:00+09:00', true],
    ['yamada', 'kenko-somu-director', '2025-04-01T12:00:00+09:00', false],
    ['yamada', null, '2025-04-01T12:00:00+09:00', true],
    ['suzuki', null, '2025-04-01T12:00:00+09:00', false],
    ['nobody', null, '2025-04-01T12:00:00+09:00', false],
  ] as const)('isOnDuty(%s, %s, %s) = %s', (staffId, positionId, at, expected) => {
    expect(isOnDuty(staffId, positionId, at, tenures)).toBe(expected);
  });

  it('reads dates in the given time zone', () => {
    // 2025-03-31T20:00Z is 31 March in UTC but 1 April in Tokyo.
    expect(holdersAt('kenko-somu-director', '2025-03-31T20:00:00Z', tenures, 'UTC')).toEqual(['yamada']);
    expect(holdersAt('kenko-somu-director', '2025-03-31T20:00:00Z', tenures, 'Asia/Tokyo')).toEqual(['sato']);
  });
});

describe('rolesAt', () => {
  it.each([
    // KWW-3-1: each 総務部長 holds システム総括者 for their own scope.
    ['sato', '2025-06-01T10:00:00+09:00', ['KWW:system_supervisor@kenko-somu-director[health-welfare]/position']],
    ['yamada', '2025-06-01T10:00:00+09:00', ['KWW:system_supervisor@kodomo-somu-director[children]/position']],
    // Before the transfer yamada held the health-welfare scope, suzuki the children's one.
    ['yamada', '2025-03-31T10:00:00+09:00', ['KWW:system_supervisor@kenko-somu-director[health-welfare]/position']],
    ['suzuki', '2025-03-31T10:00:00+09:00', ['KWW:system_supervisor@kodomo-somu-director[children]/position']],
    // After leaving the post, suzuki holds no role.
    ['suzuki', '2025-06-01T10:00:00+09:00', []],
    ['tanaka', '2025-06-01T10:00:00+09:00', ['KWW:system_administrator@kenko-system-chief/position']],
    // MNT-6-4: the システム総括担当者 acts for the 保健福祉課長 of the day.
    ['obata', '2024-09-30T10:00:00+09:00', ['MNT:system_coordinator@mnt-welfare-staff/position']],
    ['obata', '2025-03-31T10:00:00+09:00', ['MNT:system_coordinator@mnt-welfare-staff/position', 'MNT:welfare_section_chief@mnt-welfare-chief/deputy>ito']],
    ['obata', '2025-04-01T10:00:00+09:00', ['MNT:system_coordinator@mnt-welfare-staff/position', 'MNT:welfare_section_chief@mnt-welfare-chief/deputy>kato']],
    // KTM-3-6: the 副統括管理者 acts for the 統括管理者 only while the deputation lasts.
    ['mori', '2025-12-07T10:00:00+09:00', ['KTM:deputy_general_manager@ktm-madoguchi-chief/position']],
    ['mori', '2025-12-08T10:00:00+09:00', ['KTM:deputy_general_manager@ktm-madoguchi-chief/position', 'KTM:general_manager@ktm-director/deputy>kimura']],
    ['mori', '2025-12-12T23:59:00+09:00', ['KTM:deputy_general_manager@ktm-madoguchi-chief/position', 'KTM:general_manager@ktm-director/deputy>kimura']],
    ['mori', '2025-12-13T00:00:00+09:00', ['KTM:deputy_general_manager@ktm-madoguchi-chief/position']],
    ['kimura', '2025-12-10T10:00:00+09:00', ['KTM:general_manager@ktm-director/position']],
    ['nobody', '2025-12-10T10:00:00+09:00', []],
  ])('%s at %s', (staffId, at, expected) => {
    expect(brief(rolesAt(staffId, at, facts))).toEqual(expected);
  });

  it('a scope-split role keeps its scope key and label', () => {
    const [role] = rolesAt('yamada', '2025-06-01T10:00:00+09:00', facts);
    expect(role).toEqual({
      rulebookId: 'KWW',
      roleKey: 'system_supervisor',
      positionId: 'kodomo-somu-director',
      scopeKey: 'children',
      scopeLabel: 'こども未来局に関する業務',
      via: 'position',
      onBehalfOfStaffId: null,
      deputationId: null,
      ruleIds: ['KWW-3-1'],
    });
  });

  it('KTM-3-6: outside a declared absence the deputy does not act for the 統括管理者', () => {
    const during = `${absences[0]!.from}T10:00:00+09:00`;
    const mine = (f: typeof facts) => brief(rolesAt('mori', during, f)).filter((r) => r.includes('/deputy'));
    expect(mine(facts)).toEqual(['KTM:general_manager@ktm-director/deputy>kimura']);
    expect(mine({ ...facts, absences: [] })).toEqual([]);
    // An absence of another position does not count.
    expect(mine({ ...facts, absences: [{ ...absences[0]!, positionId: 'ktm-madoguchi-chief' }] })).toEqual([]);
    // A deputation under another rule (MNT-6-4) needs no absence.
    expect(brief(rolesAt('obata', during, { ...facts, absences: [] })).some((r) => r.includes('/deputy'))).toBe(true);
  });

  it('a deputy role cites the binding and the deputation (MNT-6-4)', () => {
    const deputy = rolesAt('obata', '2025-04-01T10:00:00+09:00', facts).find((r) => r.via === 'deputy');
    expect(deputy).toMatchObject({ deputationId: 'dep-mnt', onBehalfOfStaffId: 'kato', ruleIds: ['MNT-4', 'MNT-6-4'] });
  });

  it('a deputy acts for nobody when the principal position is vacant', () => {
    const vacant = tenures.filter((t) => t.positionId !== 'ktm-director');
    const deputy = rolesAt('mori', '2025-12-10T10:00:00+09:00', { ...facts, tenures: vacant }).find((r) => r.via === 'deputy');
    expect(deputy).toMatchObject({ roleKey: 'general_manager', onBehalfOfStaffId: null, ruleIds: ['KTM-3-2', 'KTM-3-6'] });
  });

  it('a deputation limited to some roles gives only those, and only of its rulebook', () => {
    const extra: RoleBindingFact[] = [
      ...bindings,
      // A second MNT role and a KWW role on the same position: the MNT deputation covers neither.
      { rulebookId: 'MNT', roleKey: 'using_section_chief', positionId: 'mnt-welfare-chief', ruleIds: ['MNT-5'] },
      { rulebookId: 'KWW', roleKey: 'usage_manager', positionId: 'mnt-welfare-chief', ruleIds: ['KWW-8-1'] },
    ];
    const roles = rolesAt('obata', '2025-04-01T10:00:00+09:00', { ...facts, bindings: extra });
    expect(brief(roles).filter((r) => r.includes('/deputy'))).toEqual(['MNT:welfare_section_chief@mnt-welfare-chief/deputy>kato']);
  });

  it('personnel transfer: the role moves with the position, not with the person', () => {
    const before = '2025-03-31T17:00:00+09:00';
    const after = '2025-04-01T09:00:00+09:00';
    const supervisorScope = (staffId: string, at: string) =>
      rolesAt(staffId, at, facts)
        .filter((r) => r.roleKey === 'system_supervisor')
        .map((r) => r.scopeKey);
    expect(supervisorScope('yamada', before)).toEqual(['health-welfare']);
    expect(supervisorScope('yamada', after)).toEqual(['children']);
    expect(supervisorScope('sato', before)).toEqual([]);
    expect(supervisorScope('sato', after)).toEqual(['health-welfare']);
    expect(supervisorScope('suzuki', after)).toEqual([]);
  });

  it('every role and rule ID of the fixtures resolves in the rulebooks', () => {
    for (const b of bindings) {
      expect(findRole(b.rulebookId, b.roleKey), b.roleKey).toBeDefined();
      for (const id of b.ruleIds) expect(findRule(id), id).toBeDefined();
    }
    for (const d of deputations) for (const id of d.ruleIds) expect(findRule(id), id).toBeDefined();
  });
});

// Properties over random tenures, bindings and deputations on a small universe of people and posts.
const STAFF = ['s1', 's2', 's3', 's4'];
const POSITIONS = ['p1', 'p2', 'p3'];
const day = fc.integer({ min: 0, max: 40 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
const period = fc.tuple(day, fc.option(day, { nil: null })).map(([a, b]) => (b !== null && b < a ? { from: b, to: a } : { from: a, to: b }));
const tenureArb = fc
  .record({ staffId: fc.constantFrom(...STAFF), positionId: fc.constantFrom(...POSITIONS), p: period })
  .map(({ p, ...t }): TenureFact => ({ ...t, ...p }));
const rulebookArb = fc.constantFrom<RulebookId>('MNT', 'KTM');
const bindingArb = fc.record({
  rulebookId: rulebookArb,
  roleKey: fc.constantFrom('r1', 'r2'),
  positionId: fc.constantFrom(...POSITIONS),
  scopeKey: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  ruleIds: fc.constant<RuleId[]>(['MNT-4']),
});
const deputationArb = fc
  .record({
    id: fc.constantFrom('d1', 'd2', 'd3'),
    deputyStaffId: fc.constantFrom(...STAFF),
    principalPositionId: fc.constantFrom(...POSITIONS),
    rulebookId: rulebookArb,
    roleKeys: fc.subarray(['r1', 'r2']),
    p: period,
    ruleIds: fc.constant<RuleId[]>(['MNT-6-4']),
  })
  .map(({ p, ...d }): DeputationFact => ({ ...d, ...p }));
const instant = fc.integer({ min: 0, max: 42 * 24 - 1 }).map((h) => new Date(Date.UTC(2024, 11, 31, h)).toISOString());

describe('rolesAt properties', () => {
  it('never returns a role of a position the staff member neither holds nor deputises that day', () => {
    fc.assert(
      fc.property(
        fc.array(tenureArb, { maxLength: 8 }),
        fc.array(bindingArb, { maxLength: 6 }),
        // Deputation ids are unique, as in the database.
        fc.uniqueArray(deputationArb, { maxLength: 3, selector: (d) => d.id }),
        fc.constantFrom(...STAFF),
        instant,
        (ts, bs, ds, staffId, at) => {
          const date = localDateAt(at);
          const within = (p: { from: string; to?: string | null }) => p.from <= date && (p.to == null || date < p.to);
          for (const r of rolesAt(staffId, at, { tenures: ts, bindings: bs, deputations: ds })) {
            // The role is bound to that position in the rulebook data.
            expect(bs.some((b) => b.positionId === r.positionId && b.roleKey === r.roleKey && b.rulebookId === r.rulebookId)).toBe(true);
            if (r.via === 'position') {
              expect(ts.some((t) => t.staffId === staffId && t.positionId === r.positionId && within(t))).toBe(true);
            } else {
              const d = ds.find((x) => x.id === r.deputationId && x.deputyStaffId === staffId && x.principalPositionId === r.positionId && within(x));
              expect(d).toBeDefined();
              expect(d && (d.roleKeys.length === 0 || d.roleKeys.includes(r.roleKey))).toBe(true);
              expect(d?.rulebookId).toBe(r.rulebookId);
              // The principal is someone who holds the position that day, or nobody.
              if (r.onBehalfOfStaffId !== null) {
                expect(ts.some((t) => t.staffId === r.onBehalfOfStaffId && t.positionId === r.positionId && within(t))).toBe(true);
              } else {
                expect(ts.some((t) => t.staffId !== staffId && t.positionId === r.positionId && within(t))).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  });

  it('every binding of every position held that day yields exactly one position role', () => {
    fc.assert(
      fc.property(fc.array(tenureArb, { maxLength: 8 }), fc.array(bindingArb, { maxLength: 6 }), fc.constantFrom(...STAFF), instant, (ts, bs, staffId, at) => {
        const held = positionsAt(staffId, at, ts);
        const expected = bs.filter((b) => held.includes(b.positionId)).length;
        expect(rolesAt(staffId, at, { tenures: ts, bindings: bs, deputations: [] }).filter((r) => r.via === 'position')).toHaveLength(expected);
      }),
    );
  });

  it('holdersAt and positionsAt agree with each other', () => {
    fc.assert(
      fc.property(fc.array(tenureArb, { maxLength: 10 }), instant, (ts, at) => {
        for (const s of STAFF) {
          for (const p of POSITIONS) {
            expect(holdersAt(p, at, ts).includes(s)).toBe(positionsAt(s, at, ts).includes(p));
            expect(isOnDuty(s, p, at, ts)).toBe(positionsAt(s, at, ts).includes(p));
          }
        }
      }),
    );
  });
});
