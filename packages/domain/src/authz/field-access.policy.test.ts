import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRole, findRule } from '../rulebooks/index.ts';
import type { RulebookId } from '../model/types.ts';
import type { HeldRole, TenureFact } from '../roles/roles.types.ts';
import { GRANT_RULE_IDS, NO_RIGHT_RULE_IDS, OWNER_RULE_IDS, decideFieldAccess, explainFieldAccess, roleFieldAccessTable } from './field-access.policy.ts';
import type { AssetFact, AssetKind, FieldAccessInput, GrantFact } from './authz.types.ts';

const AT = '2026-02-10T10:00:00+09:00';

const orgUnitOf: Record<string, string> = {
  'ark.digital.chief': 'ark.digital',
  'ark.koseki.chief': 'ark.koseki',
  'ark.zeimu.chief': 'ark.zeimu',
};
const positionOrgUnit = (positionId: string) => orgUnitOf[positionId];

const role = (rulebookId: RulebookId, roleKey: string, positionId: string, extra: Partial<HeldRole> = {}): HeldRole => ({
  rulebookId,
  roleKey,
  positionId,
  scopeKey: null,
  via: 'position',
  onBehalfOfStaffId: null,
  deputationId: null,
  ruleIds: [],
  ...extra,
});

const asset = (kind: AssetKind, rulebookIds: RulebookId[], ownerPositionIds: string[] = ['owner-post']): AssetFact => ({
  id: `asset-${kind}`,
  kind,
  confidentiality: '3B',
  ownerPositionIds,
  rulebookIds,
});

const grant = (assetId: string, g: Partial<GrantFact> = {}): GrantFact => ({
  id: 'g1',
  assetId,
  granteeStaffId: 'viewer',
  positionId: null,
  validFrom: '2026-01-01T00:00:00+09:00',
  validTo: null,
  suspendedAt: null,
  fields: null,
  approved: true,
  ...g,
});

const viewerTenures: TenureFact[] = [
  // The viewer moved from 介護保険課 to 国保年金課 on 2026-02-01 (人事異動).
  { staffId: 'viewer', positionId: 'kaigo-staff', from: '2024-04-01', to: '2026-02-01' },
  { staffId: 'viewer', positionId: 'kokuho-staff', from: '2026-02-01' },
];

function input(over: {
  kind?: AssetKind;
  rulebookIds?: RulebookId[];
  owners?: string[];
  roles?: HeldRole[];
  grants?: GrantFact[];
  tenures?: TenureFact[];
  field?: string;
  subject?: FieldAccessInput['subject'];
  at?: string;
}): FieldAccessInput {
  const a = asset(over.kind ?? 'business', over.rulebookIds ?? ['KTM'], over.owners);
  return {
    viewer: { staffId: 'viewer', roles: over.roles ?? [], tenures: over.tenures ?? viewerTenures, grants: over.grants ?? [] },
    asset: a,
    field: over.field ?? 'personalPhone',
    subject: over.subject ?? {},
    at: over.at ?? AT,
    positionOrgUnit,
  };
}

describe('decideFieldAccess', () => {
  const businessId = 'asset-business';
  it.each([
    // [case, input, reason, ruleIds]
    ['own contact details (SELF)', input({ kind: 'staff_contacts', rulebookIds: ['KWW'], subject: { staffId: 'viewer' } }), 'SELF', []],
    ["someone else's contact details", input({ kind: 'staff_contacts', rulebookIds: ['KWW'], subject: { staffId: 'other' } }), 'NO_RIGHT', ['KWW-5-2']],
    ['SELF only for staff contacts', input({ kind: 'business', rulebookIds: ['KWO'], subject: { staffId: 'viewer' } }), 'NO_RIGHT', ['KWO-8-1']],
    ['owner by position (KWW-5-2)', input({ rulebookIds: ['KWW'], owners: ['kokuho-staff'] }), 'OWNER', ['KWW-5-2']],
    ['owner by position (KWO-3-2)', input({ rulebookIds: ['KWO'], owners: ['kokuho-staff'] }), 'OWNER', ['KWO-3-2']],
    ['owner by position (ARK-14-1)', input({ rulebookIds: ['ARK'], owners: ['kokuho-staff'] }), 'OWNER', ['ARK-14-1']],
    ['owner by position (MNT-19-1)', input({ rulebookIds: ['MNT'], owners: ['kokuho-staff'] }), 'OWNER', ['MNT-19-1']],
    ['owner by position (KTM-4-3-2)', input({ rulebookIds: ['KTM'], owners: ['kokuho-staff'] }), 'OWNER', ['KTM-4-3-2']],
    ['owner of two rulebooks cites both', input({ rulebookIds: ['KWW', 'KWO'], owners: ['kokuho-staff'] }), 'OWNER', ['KWW-5-2', 'KWO-3-2']],
    ['no longer the owner after the transfer', input({ rulebookIds: ['KWW'], owners: ['kaigo-staff'] }), 'NO_RIGHT', ['KWW-5-2']],
    [
      'owner as a deputy (MNT-6-4)',
      input({
        rulebookIds: ['MNT'],
        owners: ['mnt-chief'],
        roles: [
          role('MNT', 'welfare_section_chief', 'mnt-chief', { via: 'deputy', onBehalfOfStaffId: 'kato', deputationId: 'd1', ruleIds: ['MNT-4', 'MNT-6-4'] }),
        ],
      }),
      'OWNER',
      ['MNT-19-1', 'MNT-4', 'MNT-6-4'],
    ],
    ['security: 統括管理者 (KTM-3-3-3)', input({ kind: 'system_security', roles: [role('KTM', 'general_manager', 'ktm-director')] }), 'ROLE', ['KTM-3-3-3']],
    ['security: 副統括管理者 (KTM-3-6)', input({ kind: 'system_security', roles: [role('KTM', 'deputy_general_manager', 'ktm-chief')] }), 'ROLE', ['KTM-3-6']],
    [
      'security: a KWW role does not count on a KTM asset',
      input({ kind: 'system_security', roles: [role('KWW', 'system_supervisor', 'x')] }),
      'NO_RIGHT',
      ['KTM-9-2'],
    ],
    [
      "security: a role of the system's rulebook counts",
      input({ kind: 'system_security', rulebookIds: [], roles: [role('KWW', 'system_supervisor', 'x')], subject: { systemRulebookId: 'KWW' } }),
      'ROLE',
      ['KWW-3-2-3'],
    ],
    [
      'security: デジタル推進課長 for a system the digital section manages (ARK-4-1)',
      input({
        kind: 'system_security',
        rulebookIds: ['ARK'],
        roles: [role('ARK', 'digital_section_chief', 'ark.digital.chief')],
        subject: { systemManagingOrgUnitId: 'ark.digital' },
      }),
      'ROLE',
      ['ARK-4-1'],
    ],
    [
      'security: デジタル推進課長 for a system another section manages',
      input({
        kind: 'system_security',
        rulebookIds: ['ARK'],
        roles: [role('ARK', 'digital_section_chief', 'ark.digital.chief')],
        subject: { systemManagingOrgUnitId: 'ark.zeimu' },
      }),
      'NO_RIGHT',
      ['ARK-14-1'],
    ],
    [
      'security: システム管理課長 of the managing section (ARK-4-2)',
      input({
        kind: 'system_security',
        rulebookIds: ['ARK'],
        roles: [role('ARK', 'system_managing_chief', 'ark.zeimu.chief')],
        subject: { systemManagingOrgUnitId: 'ark.zeimu' },
      }),
      'ROLE',
      ['ARK-4-2'],
    ],
    [
      'security: システム管理課長 of another section',
      input({
        kind: 'system_security',
        rulebookIds: ['ARK'],
        roles: [role('ARK', 'system_managing_chief', 'ark.koseki.chief')],
        subject: { systemManagingOrgUnitId: 'ark.zeimu' },
      }),
      'NO_RIGHT',
      ['ARK-14-1'],
    ],
    [
      'security: 情報統括責任者 for every system (ARK-3-2)',
      input({ kind: 'system_security', rulebookIds: ['ARK'], roles: [role('ARK', 'information_controller', 'ark.kanri.director')] }),
      'ROLE',
      ['ARK-3-2'],
    ],
    [
      'security: 保健福祉課長 (MNT-20-1, MNT-22-1)',
      input({ kind: 'system_security', rulebookIds: ['MNT'], roles: [role('MNT', 'welfare_section_chief', 'mnt-chief')] }),
      'ROLE',
      ['MNT-20-1', 'MNT-22-1'],
    ],
    [
      'security: 保健福祉課長 through the システム総括担当者 deputy (MNT-6-4)',
      input({
        kind: 'system_security',
        rulebookIds: ['MNT'],
        roles: [role('MNT', 'welfare_section_chief', 'mnt-chief', { via: 'deputy', onBehalfOfStaffId: 'kato', ruleIds: ['MNT-4', 'MNT-6-4'] })],
      }),
      'ROLE',
      ['MNT-20-1', 'MNT-22-1', 'MNT-4', 'MNT-6-4'],
    ],
    [
      'security: 情報管理責任者, who acts on a breach of the ward’s information assets (ARK-3の2-3)',
      input({ kind: 'system_security', rulebookIds: ['ARK'], roles: [role('ARK', 'information_manager', 'x')] }),
      'ROLE',
      ['ARK-3の2-3'],
    ],
    [
      'emergency: 情報管理責任者 (KWW-9-1)',
      input({ kind: 'emergency_contacts', rulebookIds: ['KWW'], roles: [role('KWW', 'information_owner', 'x')] }),
      'ROLE',
      ['KWW-9-1'],
    ],
    [
      'emergency: システム管理責任者 (KWO-10-1)',
      input({ kind: 'emergency_contacts', rulebookIds: ['KWO'], roles: [role('KWO', 'system_manager', 'x')] }),
      'ROLE',
      ['KWO-10-1'],
    ],
    [
      'emergency: 情報資産管理責任者 has no role access',
      input({ kind: 'emergency_contacts', rulebookIds: ['KWO'], roles: [role('KWO', 'asset_manager', 'x')] }),
      'NO_RIGHT',
      ['KWO-8-1'],
    ],
    [
      'contractor contacts: システム管理責任者 (KWO-2-3)',
      input({ kind: 'contractor_contacts', rulebookIds: ['KWO'], roles: [role('KWO', 'system_manager', 'x')] }),
      'ROLE',
      ['KWO-2-3'],
    ],
    [
      'staff contacts: no role access even for 統括管理者',
      input({ kind: 'staff_contacts', roles: [role('KTM', 'general_manager', 'x')], subject: { staffId: 'other' } }),
      'NO_RIGHT',
      ['KTM-9-2'],
    ],
    ['business: no role access (KTM-9-2)', input({ roles: [role('KTM', 'general_manager', 'x')] }), 'NO_RIGHT', ['KTM-9-2']],
    ['approved grant valid now (KTM-9-2)', input({ grants: [grant(businessId)] }), 'GRANT', ['KTM-9-2']],
    ['grant on a KWW asset (KWW-5-2)', input({ rulebookIds: ['KWW'], grants: [grant(businessId)] }), 'GRANT', ['KWW-5-2']],
    ['grant on an MNT asset (MNT-19-3)', input({ rulebookIds: ['MNT'], grants: [grant(businessId)] }), 'GRANT', ['MNT-19-3']],
    ['grant for the position now held', input({ grants: [grant(businessId, { positionId: 'kokuho-staff' })] }), 'GRANT', ['KTM-9-2']],
    ['grant listing the field', input({ grants: [grant(businessId, { fields: ['personalPhone', 'address'] })] }), 'GRANT', ['KTM-9-2']],
    ['grant suspended only later', input({ grants: [grant(businessId, { suspendedAt: '2026-02-11T00:00:00+09:00' })] }), 'GRANT', ['KTM-9-2']],
    ['grant pending approval', input({ grants: [grant(businessId, { approved: false })] }), 'GRANT_PENDING_APPROVAL', ['KTM-9-2']],
    ['grant not yet valid', input({ grants: [grant(businessId, { validFrom: '2026-03-01T00:00:00+09:00' })] }), 'GRANT_NOT_YET_VALID', ['KTM-9-2']],
    ['grant expired yesterday', input({ grants: [grant(businessId, { validTo: '2026-02-09T10:00:00+09:00' })] }), 'GRANT_EXPIRED', ['KTM-9-2']],
    ['grant expiring exactly now', input({ grants: [grant(businessId, { validTo: AT })] }), 'GRANT_EXPIRED', ['KTM-9-2']],
    ['grant suspended', input({ grants: [grant(businessId, { suspendedAt: '2026-02-01T09:00:00+09:00' })] }), 'GRANT_SUSPENDED', ['KTM-9-2']],
    [
      'grant for the position left on transfer (KTM-11)',
      input({ grants: [grant(businessId, { positionId: 'kaigo-staff' })] }),
      'GRANT_OUTSIDE_DUTY',
      ['KTM-9-2', 'KTM-11'],
    ],
    [
      'grant for the position left on transfer, KWW asset',
      input({ rulebookIds: ['KWW'], grants: [grant(businessId, { positionId: 'kaigo-staff' })] }),
      'GRANT_OUTSIDE_DUTY',
      ['KWW-5-2'],
    ],
    ['grant for other fields', input({ grants: [grant(businessId, { fields: ['address'] })] }), 'GRANT_OTHER_FIELDS', ['KTM-9-2']],
    ['grant for another asset is no grant', input({ grants: [grant('asset-other')] }), 'NO_RIGHT', ['KTM-9-2']],
    ['grant of someone else is no grant', input({ grants: [grant(businessId, { granteeStaffId: 'other' })] }), 'NO_RIGHT', ['KTM-9-2']],
    ['no right at all (KWO-8-1)', input({ rulebookIds: ['KWO'] }), 'NO_RIGHT', ['KWO-8-1']],
  ] as const)('%s → %s', (_name, inp, reason, ruleIds) => {
    const d = decideFieldAccess(inp);
    expect(d.reason).toBe(reason);
    expect(d.allowed).toBe(['SELF', 'OWNER', 'ROLE', 'GRANT'].includes(reason));
    expect(d.ruleIds).toEqual(ruleIds);
    expect(d.message.en.length).toBeGreaterThan(0);
    expect(d.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('prefers SELF over OWNER over ROLE over GRANT', () => {
    const everything = (kind: AssetKind, subjectStaff: string, owners: string[], roles: HeldRole[]) =>
      decideFieldAccess(input({ kind, owners, roles, grants: [grant(`asset-${kind}`)], subject: { staffId: subjectStaff } })).reason;
    const gm = [role('KTM', 'general_manager', 'x')];
    expect(everything('staff_contacts', 'viewer', ['kokuho-staff'], gm)).toBe('SELF');
    expect(everything('system_security', 'viewer', ['kokuho-staff'], gm)).toBe('OWNER');
    expect(everything('system_security', 'viewer', ['nobody'], gm)).toBe('ROLE');
    expect(everything('system_security', 'viewer', ['nobody'], [])).toBe('GRANT');
  });

  it('names the grant or role that allowed it, and the principal of a deputy', () => {
    expect(decideFieldAccess(input({ grants: [grant('asset-business', { id: 'g-42' })] })).grantId).toBe('g-42');
    const d = decideFieldAccess(
      input({
        kind: 'system_security',
        roles: [role('KTM', 'general_manager', 'ktm-director', { via: 'deputy', onBehalfOfStaffId: 'kimura', ruleIds: ['KTM-3-6'] })],
      }),
    );
    expect(d).toMatchObject({ reason: 'ROLE', role: { rulebookId: 'KTM', roleKey: 'general_manager' }, onBehalfOfStaffId: 'kimura' });
    expect(d.ruleIds).toEqual(['KTM-3-3-3', 'KTM-3-6']);
  });

  it('explains the failing grant closest to working', () => {
    const grants = [
      grant('asset-business', { id: 'old', validFrom: '2025-01-01T00:00:00+09:00', validTo: '2025-04-01T00:00:00+09:00', approved: false }),
      grant('asset-business', { id: 'pending', validFrom: '2026-02-01T00:00:00+09:00', approved: false }),
      grant('asset-business', { id: 'expired', validFrom: '2025-04-01T00:00:00+09:00', validTo: '2026-02-09T00:00:00+09:00' }),
    ];
    // Both 'pending' and 'expired' have one defect; the later one is explained.
    const d = decideFieldAccess(input({ grants }));
    expect(d).toMatchObject({ allowed: false, reason: 'GRANT_PENDING_APPROVAL', grantId: 'pending' });
    expect(d.message.ja).toContain('承認待ち');
  });

  it('one working grant among failing ones is enough', () => {
    const grants = [grant('asset-business', { id: 'bad', approved: false }), grant('asset-business', { id: 'good' })];
    expect(decideFieldAccess(input({ grants }))).toMatchObject({ allowed: true, reason: 'GRANT', grantId: 'good' });
  });

  it('says in Japanese what is missing', () => {
    expect(decideFieldAccess(input({ rulebookIds: ['KWW'] })).message.ja).toContain('この情報資産の情報管理責任者の承認を得た閲覧権限がありません');
    expect(decideFieldAccess(input({ rulebookIds: ['KWO'] })).message.ja).toContain('情報資産管理責任者の承認を得た閲覧権限がありません');
    expect(decideFieldAccess(input({ grants: [grant('asset-business', { validTo: '2026-02-09T10:00:00+09:00' })] })).message.ja).toContain(
      '令和8年2月9日 10時00分に終了しました',
    );
    expect(decideFieldAccess(input({ grants: [grant('asset-business', { positionId: 'kaigo-staff' })] })).message.ja).toContain('現在その職に就いていません');
  });

  it('refuses an unreadable instant', () => {
    expect(() => decideFieldAccess(input({ at: 'now' }))).toThrow(RangeError);
  });

  it('an unreadable grant date counts against the grant', () => {
    expect(decideFieldAccess(input({ grants: [grant('asset-business', { validTo: 'someday' })] })).reason).toBe('GRANT_EXPIRED');
  });
});

describe('explainFieldAccess', () => {
  it('lists every rule checked with pass/fail, and the same decision', () => {
    const inp = input({
      kind: 'system_security',
      rulebookIds: ['ARK'],
      roles: [role('ARK', 'system_managing_chief', 'ark.koseki.chief')],
      subject: { systemManagingOrgUnitId: 'ark.zeimu' },
      grants: [grant('asset-system_security', { id: 'g-exp', validTo: '2026-02-09T10:00:00+09:00', suspendedAt: '2026-02-05T00:00:00+09:00' })],
    });
    const { decision, checks } = explainFieldAccess(inp);
    expect(decision).toEqual(decideFieldAccess(inp));
    expect(decision.reason).toBe('GRANT_EXPIRED');
    expect(checks.map((c) => [c.kind, c.passed, c.role?.roleKey ?? c.grantId ?? null])).toEqual([
      ['OWNER', false, null],
      ['ROLE', false, 'information_controller'],
      ['ROLE', false, 'information_manager'],
      ['ROLE', false, 'digital_section_chief'],
      ['ROLE', false, 'system_managing_chief'],
      ['GRANT', false, 'g-exp'],
    ]);
    const managing = checks.find((c) => c.role?.roleKey === 'system_managing_chief');
    expect(managing?.message.ja).toContain('このシステムを管理する課の職ではありません');
    expect(checks.at(-1)?.defects).toEqual(['GRANT_EXPIRED', 'GRANT_SUSPENDED']);
  });

  it('for staff contacts checks SELF and says roles give no access', () => {
    const { checks } = explainFieldAccess(input({ kind: 'staff_contacts', rulebookIds: ['KTM'], subject: { staffId: 'other' } }));
    expect(checks.map((c) => [c.kind, c.passed])).toEqual([
      ['SELF', false],
      ['OWNER', false],
      ['ROLE', false],
      ['GRANT', false],
    ]);
    expect(checks.find((c) => c.kind === 'ROLE')?.ruleIds).toEqual(['KTM-9-2']);
    expect(checks.find((c) => c.kind === 'GRANT')?.message.ja).toContain('管理者の承認を得た閲覧権限がありません');
  });
});

describe('rule data', () => {
  it('every role of the access table exists in its rulebook, and every cited rule ID resolves', () => {
    for (const e of roleFieldAccessTable) {
      expect(findRole(e.rulebookId, e.roleKey), `${e.rulebookId} ${e.roleKey}`).toBeDefined();
      for (const id of e.ruleIds) expect(findRule(id), id).toBeDefined();
    }
    for (const table of [OWNER_RULE_IDS, GRANT_RULE_IDS, NO_RIGHT_RULE_IDS]) {
      for (const [book, ids] of Object.entries(table)) for (const id of ids) expect(id.startsWith(`${book}-`) && findRule(id) !== undefined, id).toBe(true);
    }
    expect(findRule('KTM-11')).toBeDefined();
  });

  it.each(roleFieldAccessTable.map((e) => [e.kind, e.rulebookId, e.roleKey, e] as const))('%s: %s %s is allowed through its role', (kind, book, key, entry) => {
    const inp = input({ kind, rulebookIds: [book], roles: [role(book, key, 'ark.digital.chief')], subject: { systemManagingOrgUnitId: 'ark.digital' } });
    expect(decideFieldAccess(inp)).toMatchObject({ allowed: true, reason: 'ROLE', ruleIds: entry.ruleIds });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: the decision against an independent reading of SPEC §5.
// ---------------------------------------------------------------------------------------------
const BOOKS: RulebookId[] = ['MNT', 'KWW', 'KWO', 'KTM', 'ARK'];
const KINDS: AssetKind[] = ['business', 'staff_contacts', 'contractor_contacts', 'system_security', 'emergency_contacts'];
const POSTS = ['p1', 'p2', 'p3'];
const UNITS: Record<string, string> = { p1: 'u1', p2: 'u2', p3: 'u1' };
const ROLE_KEYS = [...new Set(roleFieldAccessTable.map((e) => `${e.rulebookId}:${e.roleKey}`)), 'KTM:system_user', 'KWO:asset_manager'];
const BASE = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const hourIso = (h: number) => new Date(BASE + h * HOUR).toISOString();
const dayIso = (d: number) => new Date(BASE + d * 24 * HOUR).toISOString().slice(0, 10);

const heldRoleArb = fc
  .record({ key: fc.constantFrom(...ROLE_KEYS), positionId: fc.constantFrom(...POSTS), deputy: fc.boolean() })
  .map(({ key, positionId, deputy }) => {
    const [book, roleKey] = key.split(':') as [RulebookId, string];
    return role(book, roleKey, positionId, deputy ? { via: 'deputy', onBehalfOfStaffId: 'someone', deputationId: 'd' } : {});
  });
const tenureArb = fc
  .record({ positionId: fc.constantFrom(...POSTS), from: fc.integer({ min: 0, max: 20 }), len: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }) })
  .map(({ positionId, from, len }): TenureFact => ({ staffId: 'viewer', positionId, from: dayIso(from), to: len === null ? null : dayIso(from + len) }));
const grantArb = fc
  .record({
    id: fc.constantFrom('g1', 'g2', 'g3'),
    assetId: fc.constantFrom('asset', 'other-asset'),
    positionId: fc.option(fc.constantFrom(...POSTS), { nil: null }),
    from: fc.integer({ min: 0, max: 20 * 24 }),
    len: fc.option(fc.integer({ min: 1, max: 20 * 24 }), { nil: null }),
    suspendAfter: fc.option(fc.integer({ min: 0, max: 20 * 24 }), { nil: null }),
    fields: fc.option(fc.subarray(['phone', 'address', 'network']), { nil: null }),
    approved: fc.boolean(),
  })
  .map((g): GrantFact => ({
    id: g.id,
    assetId: g.assetId,
    granteeStaffId: 'viewer',
    positionId: g.positionId,
    validFrom: hourIso(g.from),
    validTo: g.len === null ? null : hourIso(g.from + g.len),
    suspendedAt: g.suspendAfter === null ? null : hourIso(g.from + g.suspendAfter),
    fields: g.fields,
    approved: g.approved,
  }));
const inputArb = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    books: fc.subarray(BOOKS),
    systemBook: fc.option(fc.constantFrom(...BOOKS), { nil: null }),
    owners: fc.subarray(POSTS),
    roles: fc.array(heldRoleArb, { maxLength: 3 }),
    tenures: fc.array(tenureArb, { maxLength: 3 }),
    grants: fc.array(grantArb, { maxLength: 3 }),
    field: fc.constantFrom('phone', 'address', 'network'),
    subjectStaff: fc.option(fc.constantFrom('viewer', 'other'), { nil: undefined }),
    unit: fc.option(fc.constantFrom('u1', 'u2'), { nil: undefined }),
    hour: fc.integer({ min: 0, max: 22 * 24 }),
  })
  .map((r): FieldAccessInput => ({
    viewer: { staffId: 'viewer', roles: r.roles, tenures: r.tenures, grants: r.grants },
    asset: { id: 'asset', kind: r.kind, confidentiality: '3A', ownerPositionIds: r.owners, rulebookIds: r.books },
    field: r.field,
    subject: { staffId: r.subjectStaff, systemManagingOrgUnitId: r.unit, systemRulebookId: r.systemBook },
    at: hourIso(r.hour),
    positionOrgUnit: (p) => UNITS[p],
    timeZone: 'UTC',
  }));

/** SPEC §5 read independently: the four ways to see a protected field. */
function expectedAllowed(i: FieldAccessInput): boolean {
  const at = Date.parse(i.at);
  const date = i.at.slice(0, 10); // UTC, as the inputs use timeZone UTC
  const holds = (p: string) => i.viewer.tenures.some((t) => t.positionId === p && t.from <= date && (t.to == null || date < t.to));
  const self = i.asset.kind === 'staff_contacts' && i.subject.staffId === i.viewer.staffId;
  const owner = i.asset.ownerPositionIds.some((p) => holds(p) || i.viewer.roles.some((r) => r.via === 'deputy' && r.positionId === p));
  const books = new Set<string>([...i.asset.rulebookIds, ...(i.subject.systemRulebookId ? [i.subject.systemRulebookId] : [])]);
  const byRole = i.viewer.roles.some((r) =>
    roleFieldAccessTable.some(
      (e) =>
        e.kind === i.asset.kind &&
        books.has(e.rulebookId) &&
        e.rulebookId === r.rulebookId &&
        e.roleKey === r.roleKey &&
        (!e.managingUnitOnly || (i.subject.systemManagingOrgUnitId !== undefined && UNITS[r.positionId] === i.subject.systemManagingOrgUnitId)),
    ),
  );
  const byGrant = i.viewer.grants.some(
    (g) =>
      g.assetId === i.asset.id &&
      g.approved &&
      Date.parse(g.validFrom) <= at &&
      (g.validTo === null || at < Date.parse(g.validTo)) &&
      (g.suspendedAt === null || at < Date.parse(g.suspendedAt)) &&
      (g.fields === null || g.fields.includes(i.field)) &&
      (g.positionId === null || holds(g.positionId)),
  );
  return self || owner || byRole || byGrant;
}

describe('decideFieldAccess properties', () => {
  it('allowed ⇔ SELF, OWNER, ROLE or GRANT holds', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const d = decideFieldAccess(i);
        expect(d.allowed).toBe(expectedAllowed(i));
        expect(['SELF', 'OWNER', 'ROLE', 'GRANT'].includes(d.reason)).toBe(d.allowed);
        // Denied with a grant on record: the reason is about a grant; without one, NO_RIGHT.
        if (!d.allowed) expect(d.reason === 'NO_RIGHT').toBe(!i.viewer.grants.some((g) => g.assetId === i.asset.id));
        expect(explainFieldAccess(i).decision).toEqual(d);
      }),
      { numRuns: 500 },
    );
  });

  it('an owner always sees', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...POSTS), (i, post) => {
        const owned = {
          ...i,
          asset: { ...i.asset, ownerPositionIds: [post] },
          viewer: { ...i.viewer, tenures: [{ staffId: 'viewer', positionId: post, from: '2025-01-01' }] },
        };
        expect(decideFieldAccess(owned).allowed).toBe(true);
      }),
    );
  });

  it('a grant valid at t is not valid at its validTo, and suspension after t does not matter at t', () => {
    fc.assert(
      fc.property(inputArb, grantArb, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (i, g0, len, later) => {
        const base = { ...i, asset: { ...i.asset, kind: 'business' as const, ownerPositionIds: [] }, subject: {} };
        const g: GrantFact = {
          ...g0,
          assetId: 'asset',
          approved: true,
          positionId: null,
          fields: null,
          suspendedAt: null,
          validTo: hourIso((Date.parse(g0.validFrom) - BASE) / HOUR + len),
        };
        const at = new Date(Date.parse(g.validFrom) + (len - 1) * HOUR).toISOString();
        const withGrant = (grant: GrantFact, when: string) => decideFieldAccess({ ...base, at: when, viewer: { ...base.viewer, roles: [], grants: [grant] } });
        expect(withGrant(g, at)).toMatchObject({ allowed: true, reason: 'GRANT' });
        expect(withGrant(g, g.validTo ?? '')).toMatchObject({ allowed: false, reason: 'GRANT_EXPIRED' });
        const suspendedLater = { ...g, suspendedAt: new Date(Date.parse(at) + later * 60_000).toISOString() };
        expect(withGrant(suspendedLater, at)).toMatchObject({ allowed: true, reason: 'GRANT' });
        expect(withGrant(suspendedLater, suspendedLater.suspendedAt)).toMatchObject({ allowed: false });
      }),
    );
  });
});
