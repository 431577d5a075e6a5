// Property: for thousands of generated worlds, every protected value the API returns — by id, in
// lists, nested, under aliases and in fragments — is present exactly when the pure decision
// function (packages/domain decideFieldAccess) allows it, and absent with FORBIDDEN_FIELD otherwise.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  decideFieldAccess,
  rolesAt,
  type AssetFact,
  type DeputationFact,
  type FieldSubject,
  type GrantFact,
  type RoleBindingFact,
  type RulebookId,
  type TenureFact,
} from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);
/** Noon in Tokyo today: the worlds are generated around the day the test runs. */
const T = testCalendar();
const BASE = T.at(T.today, '12:00').getTime();
const DAY = 86_400_000;
const day = (offset: number) => new Date(BASE + offset * DAY).toISOString().slice(0, 10);

const ROLES: Record<'MNT' | 'KTM' | 'KWW', string[]> = {
  MNT: ['welfare_section_chief', 'using_section_chief'],
  KTM: ['general_manager', 'deputy_general_manager', 'manager'],
  KWW: ['system_supervisor', 'system_administrator', 'information_owner', 'usage_manager'],
};

const world = fc
  .record({
    rulebook: fc.constantFrom<'MNT' | 'KTM' | 'KWW'>('MNT', 'KTM', 'KWW'),
    staffCount: fc.integer({ min: 2, max: 5 }),
    tenures: fc.array(
      fc.record({
        staff: fc.nat(4),
        position: fc.nat(3),
        from: fc.integer({ min: -400, max: 10 }),
        length: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
      }),
      { maxLength: 7 },
    ),
    bindings: fc.array(fc.record({ position: fc.nat(3), role: fc.nat(3) }), { maxLength: 4 }),
    deputation: fc.option(
      fc.record({
        deputy: fc.nat(4),
        principal: fc.nat(3),
        from: fc.integer({ min: -30, max: 5 }),
        length: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
      }),
      { nil: null },
    ),
    owners: fc.record({ staff_contacts: fc.nat(3), system_security: fc.nat(3), business: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 2 }) }),
    businessConfidentiality: fc.constantFrom('3A', '3B', '2'),
    managingUnit: fc.nat(1),
    grants: fc.array(
      fc.record({
        asset: fc.constantFrom<'staff_contacts' | 'system_security' | 'business'>('staff_contacts', 'system_security', 'business'),
        grantee: fc.nat(4),
        position: fc.option(fc.nat(3), { nil: null }),
        fromHours: fc.integer({ min: -2000, max: 200 }),
        lengthHours: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: null }),
        suspendHours: fc.option(fc.integer({ min: -1000, max: 500 }), { nil: null }),
        fields: fc.option(fc.subarray(['personalPhone', 'networkDescription', 'vulnerabilityNotes', 'dataItems'], { minLength: 1 }), { nil: null }),
        approvedAll: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    viewer: fc.nat(4),
    subject: fc.nat(4),
    instantHours: fc.integer({ min: -48, max: 48 }),
  })
  .map((w) => ({ ...w, viewer: w.viewer % w.staffCount, subject: w.subject % w.staffCount }));

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

/** Loads a world as its own municipality; returns the ids and facts the oracle needs. */
async function load(w: World) {
  const mid = randomUUID();
  const code = `w${randomBytes(5).toString('hex')}`;
  const units = [randomUUID(), randomUUID()];
  const positions: string[] = [0, 1, 2, 3].map(() => randomUUID());
  const positionUnit = (p: number) => units[p % 2]!;
  const staff: string[] = Array.from({ length: w.staffCount }, () => randomUUID());
  const system = randomUUID();
  const assets = { staff_contacts: randomUUID(), system_security: randomUUID(), business: randomUUID() };
  const at = new Date(BASE + w.instantHours * 3_600_000);
  const q = (sql: string, params: unknown[]) => gw.admin.query(sql, params);
  await q('begin', []);
  await q(
    `insert into municipality (id, code, name, name_en, prefecture, time_zone, classification_scale, rulebook_ids, created_at) values ($1, $2, $2, $2, '東京都', 'Asia/Tokyo', 'guideline_2024', $3, now())`,
    [mid, code, [w.rulebook]],
  );
  await q(`insert into audit_chain_head (municipality_id, last_seq, last_hash) values ($1, 0, $2)`, [mid, '0'.repeat(64)]);
  await q(
    `insert into org_unit (id, municipality_id, key, name, name_en, level, sort_order) select u, $1, u::text, '課', 'Section', 'section', 0 from unnest($2::uuid[]) u`,
    [mid, units],
  );
  await q(
    `insert into position (id, municipality_id, key, org_unit_id, title, name, kind, sort_order)
           select p.id, $1, p.id::text, p.unit, '課長', '職' || p.ord, 'head', 0 from unnest($2::uuid[], $3::uuid[]) with ordinality as p(id, unit, ord)`,
    [mid, positions, positions.map((_, i) => positionUnit(i))],
  );
  await q(
    `insert into staff (id, municipality_id, family_name, given_name, family_name_kana, given_name_kana, employee_number, email, extension, personal_phone, registry_admin, failed_sign_ins, created_at)
           select s, $1, '職員', s::text, 'ショクイン', 'イ', 'E', 'e@example.jp', '1', '090-0000-0000', false, 0, now() from unnest($2::uuid[]) s`,
    [mid, staff],
  );
  const tenures: TenureFact[] = w.tenures
    .filter((t) => t.staff < w.staffCount)
    .map((t) => ({ staffId: staff[t.staff]!, positionId: positions[t.position]!, from: day(t.from), to: t.length === null ? null : day(t.from + t.length) }));
  for (const t of tenures)
    await q(`insert into position_tenure (id, municipality_id, staff_id, position_id, valid_from, valid_to) values (gen_random_uuid(), $1, $2, $3, $4, $5)`, [
      mid,
      t.staffId,
      t.positionId,
      t.from,
      t.to,
    ]);
  const roleKeys = ROLES[w.rulebook];
  const bindings: RoleBindingFact[] = w.bindings.map((b) => ({
    rulebookId: w.rulebook,
    roleKey: roleKeys[b.role % roleKeys.length]!,
    positionId: positions[b.position]!,
    scopeKey: null,
    scopeLabel: null,
    ruleIds: [],
  }));
  for (const b of bindings)
    await q(`insert into role_binding (id, municipality_id, rulebook_id, role_key, position_id, rule_ids) values (gen_random_uuid(), $1, $2, $3, $4, '{}')`, [
      mid,
      b.rulebookId,
      b.roleKey,
      b.positionId,
    ]);
  const deputations: DeputationFact[] = [];
  if (w.deputation && w.deputation.deputy < w.staffCount) {
    const d = {
      id: randomUUID(),
      deputyStaffId: staff[w.deputation.deputy]!,
      principalPositionId: positions[w.deputation.principal]!,
      rulebookId: w.rulebook as RulebookId,
      roleKeys: [],
      from: day(w.deputation.from),
      to: w.deputation.length === null ? null : day(w.deputation.from + w.deputation.length),
      ruleIds: [],
    };
    deputations.push(d);
    await q(
      `insert into deputation (id, municipality_id, deputy_staff_id, principal_position_id, rulebook_id, role_keys, valid_from, valid_to, rule_ids, created_at) values ($1, $2, $3, $4, $5, '{}', $6, $7, '{}', now())`,
      [d.id, mid, d.deputyStaffId, d.principalPositionId, d.rulebookId, d.from, d.to],
    );
  }
  await q(
    `insert into system (id, municipality_id, name, business_content, managing_org_unit_id, management_type, lifecycle_status, rulebook_id, network_description, vulnerability_notes, version, created_at, updated_at)
           values ($1, $2, 'S', 'B', $3, 'system_section', 'in_service', $4, 'net', 'vuln', 1, now(), now())`,
    [system, mid, units[w.managingUnit], w.rulebook],
  );
  const assetFacts: Record<keyof typeof assets, AssetFact> = {
    staff_contacts: {
      id: assets.staff_contacts,
      kind: 'staff_contacts',
      confidentiality: '3B',
      ownerPositionIds: [positions[w.owners.staff_contacts]!],
      rulebookIds: [w.rulebook],
    },
    system_security: {
      id: assets.system_security,
      kind: 'system_security',
      confidentiality: '3A',
      ownerPositionIds: [positions[w.owners.system_security]!],
      rulebookIds: [w.rulebook],
    },
    business: {
      id: assets.business,
      kind: 'business',
      confidentiality: w.businessConfidentiality,
      ownerPositionIds: w.owners.business.map((o) => positions[o]!),
      rulebookIds: [w.rulebook],
    },
  };
  for (const a of Object.values(assetFacts)) {
    await q(
      `insert into information_asset (id, municipality_id, name, business, kind, confidentiality, integrity, availability, rule_ids, version, created_at, updated_at) values ($1, $2, $3, 'B', $4, $5, '2', '2', '{}', 1, now(), now())`,
      [a.id, mid, a.kind, a.kind, a.confidentiality],
    );
    await q(
      `insert into information_asset_owner (asset_id, position_id, municipality_id, sort_order) select $1, o.id, $2, o.ord from unnest($3::uuid[]) with ordinality as o(id, ord)`,
      [a.id, mid, a.ownerPositionIds],
    );
    await q(`insert into information_asset_system (asset_id, system_id, municipality_id) values ($1, $2, $3)`, [a.id, system, mid]);
  }
  await q(`insert into data_item (id, municipality_id, asset_id, name, personal, sort_order) values (gen_random_uuid(), $1, $2, '氏名', true, 0)`, [
    mid,
    assets.business,
  ]);
  const grants: GrantFact[] = [];
  for (const g of w.grants.filter((x) => x.grantee < w.staffCount)) {
    const asset = assetFacts[g.asset];
    const from = new Date(BASE + g.fromHours * 3_600_000);
    const fact: GrantFact = {
      id: randomUUID(),
      assetId: asset.id,
      granteeStaffId: staff[g.grantee]!,
      positionId: g.position === null ? null : positions[g.position]!,
      validFrom: from.toISOString(),
      validTo: g.lengthHours === null ? null : new Date(from.getTime() + g.lengthHours * 3_600_000).toISOString(),
      suspendedAt: g.suspendHours === null ? null : new Date(BASE + g.suspendHours * 3_600_000).toISOString(),
      fields: g.fields,
      approved: g.approvedAll,
    };
    grants.push(fact);
    await q(
      `insert into access_grant (id, municipality_id, asset_id, grantee_id, position_id, valid_from, valid_to, suspended_at, fields, purpose, requested_by_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'p', $4, now())`,
      [fact.id, mid, fact.assetId, fact.granteeStaffId, fact.positionId, fact.validFrom, fact.validTo, fact.suspendedAt, fact.fields],
    );
    const approvers = g.approvedAll ? asset.ownerPositionIds : asset.ownerPositionIds.slice(0, asset.ownerPositionIds.length - 1);
    for (const o of approvers)
      await q(`insert into access_grant_approval (grant_id, owner_position_id, municipality_id, approved_by_id, approved_at) values ($1, $2, $3, $4, now())`, [
        fact.id,
        o,
        mid,
        staff[0],
      ]);
    if (!g.approvedAll && approvers.length === asset.ownerPositionIds.length) fact.approved = true;
  }
  const token = `tss_${randomBytes(32).toString('base64url')}`;
  // A session signed in at the world's instant (sessions end on the gateway's clock, which is set to it).
  await q(
    `insert into session (id, municipality_id, staff_id, token_hash, created_at, expires_at, last_seen_at) values (gen_random_uuid(), $1, $2, $3, $4, $4::timestamptz + interval '1 hour', $4)`,
    [mid, staff[w.viewer], createHash('sha256').update(token).digest('hex'), at],
  );
  await q('commit', []);

  const viewerId = staff[w.viewer]!;
  const facts = {
    viewer: {
      staffId: viewerId,
      roles: rolesAt(viewerId, at, { tenures, bindings, deputations }),
      tenures,
      grants: grants.filter((g) => g.granteeStaffId === viewerId),
    },
    positionOrgUnit: (p: string) => positionUnit(positions.indexOf(p)),
  };
  const allowed = (kind: keyof typeof assets, field: string, subject: FieldSubject) =>
    decideFieldAccess({ viewer: facts.viewer, asset: assetFacts[kind], field, subject, at: at.toISOString(), positionOrgUnit: facts.positionOrgUnit }).allowed;
  // Data items of any asset at 機密性3+ are protected by that asset; below, they are open.
  const itemsShown = (assetId: string) => {
    const kind = (Object.keys(assets) as (keyof typeof assets)[]).find((k) => assets[k] === assetId)!;
    return assetFacts[kind].confidentiality.startsWith('3') ? allowed(kind, 'dataItems', {}) : true;
  };
  return {
    token,
    at,
    staff,
    system,
    assets,
    w,
    allowed,
    itemsShown,
    systemSubject: { systemManagingOrgUnitId: units[w.managingUnit], systemRulebookId: w.rulebook },
  };
}

const QUERY = `query($subject: ID!, $system: ID!, $asset: ID!) {
  byId: staffMember(id: $subject) { personalPhone }
  aliased: staffMember(id: $subject) { p1: personalPhone p2: personalPhone }
  list: staff(first: 50) { totalCount edges { node { id personalPhone } } }
  ...Frag
  sys: system(id: $system) { networkDescription n2: networkDescription vulnerabilityNotes }
  systems(first: 10) { edges { node { id networkDescription } } }
  one: informationAsset(id: $asset) { dataItems { name } }
  assets: informationAssets(first: 10) { edges { node { id dataItems { name } } } }
  nested: system(id: $system) { informationAssets { id dataItems { name } } }
}
fragment Frag on Query { frag: staffMember(id: $subject) { ... on Staff { personalPhone } } }`;

describe('field-level authorization agrees with the pure decision function', () => {
  it(`in ${RUNS} generated worlds, through every path`, async () => {
    let denied = 0;
    let allowed = 0;
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const L = await load(w);
        gw.setNow(L.at);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the response is walked by path below
        const r = await gw.gql<Record<string, any>>(QUERY, { subject: L.staff[w.subject], system: L.system, asset: L.assets.business }, { token: L.token });
        gw.setNow(null);
        const errors = new Set(
          (r.errors ?? []).map((e) => {
            expect(e.extensions?.code, JSON.stringify(e)).toBe('FORBIDDEN_FIELD');
            return (e.path ?? []).join('.');
          }),
        );
        const d = r.data!;
        let hiddenHere = 0;
        const check = (value: unknown, expected: boolean, path: string) => {
          expect(value !== null, `${path} (expected ${expected ? 'shown' : 'hidden'})`).toBe(expected);
          expect(errors.has(path), `${path}: FORBIDDEN_FIELD error`).toBe(!expected);
          if (expected) {
            allowed++;
          } else {
            denied++;
            hiddenHere++;
          }
        };
        const phoneOf = (i: number) => L.allowed('staff_contacts', 'personalPhone', { staffId: L.staff[i] });
        check(d.byId.personalPhone, phoneOf(w.subject), 'byId.personalPhone');
        check(d.aliased.p1, phoneOf(w.subject), 'aliased.p1');
        check(d.aliased.p2, phoneOf(w.subject), 'aliased.p2');
        check(d.frag.personalPhone, phoneOf(w.subject), 'frag.personalPhone');
        // Lists: every row is listed (staff are not protected), the count does not change.
        expect(d.list.totalCount).toBe(w.staffCount);
        d.list.edges.forEach((e: { node: { id: string; personalPhone: string | null } }, i: number) =>
          check(e.node.personalPhone, phoneOf(L.staff.indexOf(e.node.id)), `list.edges.${i}.node.personalPhone`),
        );
        const security = (f: string) => L.allowed('system_security', f, L.systemSubject);
        check(d.sys.networkDescription, security('networkDescription'), 'sys.networkDescription');
        check(d.sys.n2, security('networkDescription'), 'sys.n2');
        check(d.sys.vulnerabilityNotes, security('vulnerabilityNotes'), 'sys.vulnerabilityNotes');
        check(d.systems.edges[0].node.networkDescription, security('networkDescription'), 'systems.edges.0.node.networkDescription');
        // Data items: by id, in the list and nested under the system, for every asset.
        check(d.one.dataItems, L.itemsShown(L.assets.business), 'one.dataItems');
        expect(d.assets.edges).toHaveLength(3);
        d.assets.edges.forEach((e: { node: { id: string; dataItems: unknown } }, i: number) =>
          check(e.node.dataItems, L.itemsShown(e.node.id), `assets.edges.${i}.node.dataItems`),
        );
        expect(d.nested.informationAssets).toHaveLength(3);
        d.nested.informationAssets.forEach((a: { id: string; dataItems: unknown }, i: number) =>
          check(a.dataItems, L.itemsShown(a.id), `nested.informationAssets.${i}.dataItems`),
        );
        // One error per hidden value, and none anywhere else.
        expect(r.errors?.length ?? 0).toBe(hiddenHere);
        expect(errors.size).toBe(hiddenHere);
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261121), endOnFailure: true },
    );
    // The generator must exercise both outcomes richly, or the property proves little.
    expect(allowed).toBeGreaterThan(RUNS);
    expect(denied).toBeGreaterThan(RUNS);
    console.log(`field-access property: ${RUNS} worlds, ${allowed} values shown, ${denied} hidden, zero mismatches`);
  }, 600_000);
});
