import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';

let gw: TestGateway;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  for (const u of ['admin', 'chief', 'staff1', 'cio']) tokens[u] = await gw.signIn('arakawa', u);
});
afterAll(() => gw.stop());

type Err = { path?: (string | number)[]; extensions?: Record<string, unknown> };
const idOf = async (username: string) =>
  (await gw.admin.query(`select s.id from staff s join municipality m on m.id = s.municipality_id where m.code = 'arakawa' and s.username = $1`, [username]))
    .rows[0].id as string;
const systemId = async (key: string) => (await gw.admin.query('select id from system where key = $1', [key])).rows[0].id as string;
const readsOf = async (targetId: string) =>
  (await gw.admin.query(`select actor_staff_id, fields, rule_ids from audit_event where action = 'read' and target_id = $1 order by seq`, [targetId])).rows;

describe('staff personal contact details (職員の個人連絡先)', () => {
  it('shows people their own number, hides others’ with FORBIDDEN_FIELD and answers the rest', async () => {
    const me = await idOf('staff1');
    const other = await idOf('chief');
    const r = await gw.gql<{ me: { displayName: string; personalPhone: string | null }; other: { displayName: string; personalPhone: string | null } }>(
      'query($a: ID!, $b: ID!) { me: staffMember(id: $a) { displayName personalPhone } other: staffMember(id: $b) { displayName personalPhone } }',
      { a: me, b: other },
      { token: tokens.staff1 },
    );
    expect(r.data!.me.personalPhone).toMatch(/^090-/);
    expect(r.data!.other.displayName).toBeTruthy();
    expect(r.data!.other.personalPhone).toBeNull();
    const err = r.errors!.find((e: Err) => e.path?.[0] === 'other')!;
    expect(err.path).toEqual(['other', 'personalPhone']);
    expect(err.extensions).toMatchObject({ code: 'FORBIDDEN_FIELD', fieldPath: ['other', 'personalPhone'], reason: 'NO_RIGHT' });
    expect(err.extensions!.messageJa).toBeTruthy();
    expect(r.errors).toHaveLength(1);
  });

  it('shows them to the owner of the asset (職員課長) and audits each read', async () => {
    const hr = (
      await gw.admin.query(
        `select s.id, s.username from staff s join position_tenure t on t.staff_id = s.id and t.valid_to is null join position p on p.id = t.position_id where p.name = '職員課長'`,
      )
    ).rows[0];
    await gw.admin.query(`update staff set username = 'hr' where id = $1`, [hr.id]);
    await gw.admin.query(
      `update staff set password_hash = (select password_hash from staff where username = 'admin' and municipality_id = (select id from municipality where code = 'arakawa')) where id = $1`,
      [hr.id],
    );
    const token = await gw.signIn('arakawa', 'hr');
    const subject = await idOf('staff1');
    const r = await gw.gql<{ staffMember: { personalPhone: string } }>(
      'query($id: ID!) { staffMember(id: $id) { personalPhone } }',
      { id: subject },
      { token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.staffMember.personalPhone).toMatch(/^090-/);
    const reads = await readsOf(subject);
    expect(reads.at(-1)).toMatchObject({ actor_staff_id: hr.id, fields: ['personalPhone'], rule_ids: ['ARK-14-1'] });
  });

  it('filters nothing out of the staff list itself: counts do not depend on protected fields', async () => {
    const q = '{ staff(first: 200) { totalCount edges { node { id personalPhone } } } }';
    const a = await gw.gql<{ staff: { totalCount: number; edges: unknown[] } }>(q, {}, { token: tokens.staff1 });
    const b = await gw.gql<{ staff: { totalCount: number; edges: unknown[] } }>(q, {}, { token: tokens.cio });
    expect(a.data!.staff.totalCount).toBe(b.data!.staff.totalCount);
    expect(a.errors!.every((e: Err) => e.extensions?.code === 'FORBIDDEN_FIELD')).toBe(true);
    expect(a.errors!.length).toBe(a.data!.staff.totalCount - 1); // all but their own
  });
});

describe('security-sensitive system fields', () => {
  const Q = 'query($id: ID!) { system(id: $id) { name networkDescription vulnerabilityNotes } }';

  it('shows them to the chief of the managing digital section (ARK-4-1) and to a grant holder, not to others', async () => {
    const id = await systemId('ark.sys.resident-record');
    const chief = await gw.gql<{ system: { networkDescription: string } }>(Q, { id }, { token: tokens.chief });
    expect(chief.errors).toBeUndefined();
    expect(chief.data!.system.networkDescription).toContain('VLAN');
    const admin = await gw.gql<{ system: { networkDescription: string } }>(Q, { id }, { token: tokens.admin });
    expect(admin.data!.system.networkDescription).toContain('VLAN'); // ark.grant.security
    const staff = await gw.gql<{ system: { name: string; networkDescription: null } }>(Q, { id }, { token: tokens.staff1 });
    expect(staff.data!.system).toEqual({ name: '住民記録システム', networkDescription: null, vulnerabilityNotes: null });
    expect(staff.errors!.map((e: Err) => e.path!.join('.')).sort()).toEqual(['system.networkDescription', 'system.vulnerabilityNotes']);
  });

  it('never gives protected fields to API tokens', async () => {
    const created = await gw.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "統合連携", scopes: ["registry:read"] }) { token } }',
      {},
      { token: tokens.admin },
    );
    const id = await systemId('ark.sys.resident-record');
    const r = await gw.gql(Q, { id }, { token: created.data!.createApiToken.token });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN_FIELD', reason: 'NO_RIGHT' });
  });
});

describe('data items of an asset at 機密性3 and above', () => {
  const Q = '{ informationAssets(first: 50) { edges { node { name classification { confidentiality } dataItems { name basicResidentItem } } } } }';
  type R = { informationAssets: { edges: { node: { name: string; dataItems: { name: string }[] | null } }[] } };

  it('shows them through an approved grant valid now, and refuses once it has expired (GRANT_EXPIRED)', async () => {
    const r = await gw.gql<R>(Q, {}, { token: tokens.staff1 });
    const resident = r.data!.informationAssets.edges.find((e) => e.node.name === '住民記録情報')!.node;
    expect(resident.dataItems!.map((d) => d.name)).toContain('氏名');
    // The day after the grant's last day, whenever the demo was loaded.
    const { valid_to } = (await gw.admin.query<{ valid_to: Date }>(`select valid_to from access_grant where purpose = '住民記録事務（転入届の審査）'`))
      .rows[0]!;
    gw.setNow(new Date(valid_to.getTime() + 24 * 3_600_000));
    try {
      // Sessions end on the same clock: signed in again on that day.
      const later = await gw.gql<R>(Q, {}, { token: await gw.signIn('arakawa', 'staff1') });
      expect(
        later.errors?.filter((e) => e.extensions?.code !== 'FORBIDDEN_FIELD'),
        JSON.stringify(later.errors),
      ).toEqual([]);
      expect(later.data!.informationAssets.edges.find((e) => e.node.name === '住民記録情報')!.node.dataItems).toBeNull();
      const err = later.errors!.find((e: Err) => e.extensions?.reason === 'GRANT_EXPIRED');
      expect(err?.extensions?.ruleIds).toEqual(['ARK-14-1']);
    } finally {
      gw.setNow(null);
    }
  });

  it('answers through aliases and fragments exactly as through the plain field', async () => {
    const r = await gw.gql<{ a: { edges: { node: { x: unknown; y: unknown } }[] } }>(
      'fragment D on InformationAsset { y: dataItems { name } } { a: informationAssets(first: 50) { edges { node { x: dataItems { name } ...D } } } }',
      {},
      { token: tokens.chief },
    );
    for (const e of r.data!.a.edges) expect(e.node.x).toEqual(e.node.y);
  });
});

describe('emergency contact networks (lists are filtered)', () => {
  const Q = '{ contactNetworks { name missingDecider members { duty canDecide phone } } }';
  it('lists only the networks the viewer may see, and flags one without a decider', async () => {
    const staff = await gw.gql<{ contactNetworks: unknown[] }>(Q, {}, { token: tokens.staff1 });
    expect(staff.data!.contactNetworks).toEqual([]);
    expect(staff.errors).toBeUndefined();
    // デジタル推進課長 owns the municipality's emergency-contacts asset: every network.
    const chief = await gw.gql<{ contactNetworks: { name: string; missingDecider: boolean }[] }>(Q, {}, { token: tokens.chief });
    expect(chief.data!.contactNetworks.map((n) => [n.name, n.missingDecider])).toEqual([
      ['住民記録システム緊急時連絡網', false],
      ['税務システム緊急時連絡網', true], // names nobody who can decide
    ]);
    // 税務システム is managed by デジタル推進課 (別表第1, first group), not by 税務課: its chief sees no network.
    const asUser = async (code: string, position: string, username: string) => {
      const holder = (
        await gw.admin.query(
          `select t.staff_id from position_tenure t join position p on p.id = t.position_id
        where p.name = $1 and t.valid_to is null and p.municipality_id = (select id from municipality where code = $2)`,
          [position, code],
        )
      ).rows[0].staff_id;
      await gw.admin.query(
        `update staff set username = $2, password_hash = (select password_hash from staff where username = 'chief' and municipality_id = (select id from municipality where code = $3)) where id = $1`,
        [holder, username, code],
      );
      return gw.signIn(code, username);
    };
    const tax = await gw.gql<{ contactNetworks: { name: string }[] }>(Q, {}, { token: await asUser('arakawa', '税務課長', 'taxchief') });
    expect(tax.data!.contactNetworks).toEqual([]);
    // Kitami's 統括管理者 (市民環境部長) does not own the asset but keeps the network by rule (KTM-14-1).
    const director = await gw.gql<{ contactNetworks: { name: string; members: { canDecide: boolean; phone: string }[] }[] }>(
      Q,
      {},
      { token: await asUser('kitami', '市民環境部長', 'director') },
    );
    expect(director.data!.contactNetworks.map((n) => n.name)).toEqual(['窓口支援システム緊急連絡体制']);
    expect(director.data!.contactNetworks[0]!.members.some((m) => m.canDecide)).toBe(true);
    const read = (await gw.admin.query(`select rule_ids from audit_event where action = 'read' and target_type = 'contact_network' order by id desc limit 1`))
      .rows[0];
    expect(read.rule_ids).toContain('KTM-14-1');
  });
});

describe('the audit write guards the data', () => {
  it('returns no protected data when its read cannot be audited', async () => {
    const subject = await idOf('staff1');
    await gw.admin.query('revoke insert on audit_event from tsukasa_app');
    try {
      const r = await gw.gql<{ staffMember: unknown }>('query($id: ID!) { staffMember(id: $id) { personalPhone } }', { id: subject }, { token: tokens.staff1 });
      expect(r.data ?? null).toBeNull();
      expect(JSON.stringify(r)).not.toMatch(/090-/);
      expect(r.errors![0]!.extensions!.code).toBe('INTERNAL');
    } finally {
      await gw.admin.query('grant insert on audit_event to tsukasa_app');
    }
  });
});

describe('roles over time and deputies', () => {
  it('resolves a deputy acting for the role holder, naming both (MNT-6-4)', async () => {
    const minato = await gw.signIn('minato');
    const me = await gw.gql<{ viewer: { staffId: string } }>('{ viewer { staffId } }', {}, { token: minato });
    const r = await gw.gql<{ staffMember: { roles: { roleKey: string; via: string; onBehalfOfStaffId: string | null; ruleIds: string[] }[] } }>(
      'query($id: ID!) { staffMember(id: $id) { roles { roleKey roleName via onBehalfOfStaffId ruleIds } tenures { from to position { name } } } }',
      { id: me.data!.viewer.staffId },
      { token: minato },
    );
    const deputy = r.data!.staffMember.roles.find((x) => x.via === 'DEPUTY')!;
    expect(deputy).toMatchObject({ roleKey: 'welfare_section_chief' });
    expect(deputy.onBehalfOfStaffId).toBeTruthy();
    expect(deputy.ruleIds).toContain('MNT-6-4');
  });
});
