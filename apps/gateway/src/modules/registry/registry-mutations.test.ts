import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';

let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  admin = await gw.signIn('arakawa');
});
afterAll(() => gw.stop());

const UPDATE = `mutation($input: UpdateSystemInput!) { updateSystem(input: $input) { id name businessContent version lifecycleStatus } }`;

async function systemNamed(name: string, token = admin) {
  const r = await gw.gql<{ systems: { edges: { node: { id: string; version: number; name: string } }[] } }>(
    'query($t: String) { systems(first: 1, filter: { text: $t }) { edges { node { id version name } } } }',
    { t: name },
    { token },
  );
  return r.data!.systems.edges[0]!.node;
}

async function snapshot(id: string) {
  const row = (await gw.admin.query('select name, business_content, version, lifecycle_status from system where id = $1', [id])).rows[0];
  const audits = (await gw.admin.query(`select count(*)::int as n from audit_event where target_id = $1`, [id])).rows[0].n as number;
  return { row, audits };
}

describe('editing a system', () => {
  it('saves a valid edit, bumps the version and audits who, when, before and after', async () => {
    const s = await systemNamed('税務システム');
    const r = await gw.gql<{ updateSystem: { version: number; businessContent: string } }>(
      UPDATE,
      { input: { id: s.id, version: s.version, businessContent: '税務事務（住民税・固定資産税）' } },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateSystem).toMatchObject({ version: s.version + 1, businessContent: '税務事務（住民税・固定資産税）' });
    const audit = (await gw.admin.query(`select * from audit_event where target_id = $1 and action = 'system.update'`, [s.id])).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ businessContent: '税務事務', version: s.version });
    expect(audit[0].after).toMatchObject({ businessContent: '税務事務（住民税・固定資産税）', version: s.version + 1 });
    const actor = (await gw.admin.query(`select username from staff where id = $1`, [audit[0].actor_staff_id])).rows[0];
    expect(actor.username).toBe('admin');
    expect(audit[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an edit based on a stale version with STALE_VERSION and changes nothing', async () => {
    const s = await systemNamed('選挙システム');
    await gw.gql(UPDATE, { input: { id: s.id, version: s.version, name: '選挙システム（改）' } }, { token: admin });
    const before = await snapshot(s.id);
    const stale = await gw.gql(UPDATE, { input: { id: s.id, version: s.version, name: '選挙システム（古い版からの変更）' } }, { token: admin });
    expect(stale.data).toBeNull();
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'STALE_VERSION', currentVersion: s.version + 1 });
    expect(stale.errors![0]!.extensions!.messageJa).toContain('他の利用者');
    expect(await snapshot(s.id)).toEqual(before);
  });

  it('refuses bad input with field paths in both languages, and changes nothing', async () => {
    const s = await systemNamed('文書管理システム');
    const before = await snapshot(s.id);
    const r = await gw.gql(
      UPDATE,
      { input: { id: s.id, version: s.version, name: '', businessContent: 'x'.repeat(2001), managingOrgUnitId: 'not-a-uuid' } },
      { token: admin },
    );
    expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const fieldErrors = r.errors![0]!.extensions!.fieldErrors as { path: string[]; code: string; messageJa: string }[];
    expect(fieldErrors.map((e) => [e.path.join('.'), e.code])).toEqual([
      ['input.name', 'REQUIRED'],
      ['input.businessContent', 'TOO_LONG'],
      ['input.managingOrgUnitId', 'INVALID_VALUE'],
    ]);
    expect(fieldErrors[0]!.messageJa).toBe('システム名を入力してください。');
    expect(await snapshot(s.id)).toEqual(before);
  });

  it('lets exactly one of many simultaneous edits of the same version through', async () => {
    const s = await systemNamed('図書館システム');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => gw.gql(UPDATE, { input: { id: s.id, version: s.version, businessContent: `図書館事務 ${i}` } }, { token: admin })),
    );
    const ok = results.filter((r) => !r.errors);
    const stale = results.filter((r) => r.errors?.[0]?.extensions?.code === 'STALE_VERSION');
    expect(ok).toHaveLength(1);
    expect(stale).toHaveLength(11);
    const { row, audits } = await snapshot(s.id);
    expect(row.version).toBe(s.version + 1);
    expect(audits).toBe(1);
  });

  it('is refused to staff who are not registry administrators, with nothing changed', async () => {
    const staff = await gw.signIn('arakawa', 'staff1');
    const s = await systemNamed('戸籍システム', staff);
    const before = await snapshot(s.id);
    const r = await gw.gql(UPDATE, { input: { id: s.id, version: s.version, name: '改名' } }, { token: staff });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await snapshot(s.id)).toEqual(before);
  });
});

describe('creating, retiring and linking', () => {
  it('creates a system with using sections, then retires it; both audited', async () => {
    const units = (await gw.gql<{ orgUnits: { id: string; name: string }[] }>('{ orgUnits { id name } }', {}, { token: admin })).data!.orgUnits;
    const digital = units.find((u) => u.name === 'デジタル推進課')!;
    const kosekiJumin = units.find((u) => u.name === '戸籍住民課')!;
    const created = await gw.gql<{ createSystem: { id: string; version: number; usingOrgUnits: { name: string }[]; rulebook: { id: string } } }>(
      `mutation($input: CreateSystemInput!) { createSystem(input: $input) { id version lifecycleStatus usingOrgUnits { name } rulebook { id } } }`,
      {
        input: {
          name: '窓口予約システム',
          businessContent: '窓口の来庁予約',
          managingOrgUnitId: digital.id,
          managementType: 'DIGITAL_SECTION',
          usingOrgUnitIds: [kosekiJumin.id, digital.id, kosekiJumin.id],
        },
      },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createSystem.usingOrgUnits.map((u) => u.name)).toEqual(['戸籍住民課', 'デジタル推進課']);
    expect(created.data!.createSystem.rulebook.id).toBe('ARK');
    const id = created.data!.createSystem.id;
    const retired = await gw.gql<{ retireSystem: { lifecycleStatus: string } }>(
      'mutation($id: ID!, $v: Int!) { retireSystem(id: $id, version: $v) { lifecycleStatus } }',
      { id, v: 1 },
      { token: admin },
    );
    expect(retired.data!.retireSystem.lifecycleStatus).toBe('RETIRED');
    const actions = (await gw.admin.query('select action from audit_event where target_id = $1 order by seq', [id])).rows.map((r) => r.action);
    expect(actions).toEqual(['system.create', 'system.retire']);
  });

  it('refuses a managing section of another municipality as not found', async () => {
    const kawasaki = await gw.signIn('kawasaki');
    const foreign = (await gw.gql<{ orgUnits: { id: string }[] }>('{ orgUnits { id } }', {}, { token: kawasaki })).data!.orgUnits[0]!.id;
    const before = (await gw.admin.query('select count(*)::int as n from system')).rows[0].n;
    const r = await gw.gql(
      `mutation($input: CreateSystemInput!) { createSystem(input: $input) { id } }`,
      { input: { name: 'x', businessContent: 'y', managingOrgUnitId: foreign, managementType: 'SYSTEM_SECTION' } },
      { token: admin },
    );
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input', 'managingOrgUnitId'], code: 'NOT_FOUND' }] });
    expect((await gw.admin.query('select count(*)::int as n from system')).rows[0].n).toBe(before);
  });

  it('sets a classification on the municipality scale and assigns several owners', async () => {
    const kawasaki = await gw.signIn('kawasaki');
    const assets = (
      await gw.gql<{ informationAssets: { edges: { node: { id: string; name: string; version: number; owners: { positionId: string }[] } }[] } }>(
        '{ informationAssets(first: 100) { edges { node { id name version owners { positionId } } } } }',
        {},
        { token: kawasaki },
      )
    ).data!.informationAssets.edges.map((e) => e.node);
    const asset = assets.find((a) => a.name === '生活保護に関する情報資産')!;
    const bad = await gw.gql(
      `mutation($i: SetClassificationInput!) { setInformationAssetClassification(input: $i) { version } }`,
      { i: { informationAssetId: asset.id, version: asset.version, confidentiality: '4', integrity: '2', availability: '2' } },
      { token: kawasaki },
    );
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['input', 'confidentiality'], ruleIds: ['ARK-26-2-2'] }],
    });
    const good = await gw.gql<{ setInformationAssetClassification: { version: number; classification: { confidentiality: string } } }>(
      `mutation($i: SetClassificationInput!) { setInformationAssetClassification(input: $i) { version classification { confidentiality } } }`,
      { i: { informationAssetId: asset.id, version: asset.version, confidentiality: '3B', integrity: '2', availability: '2' } },
      { token: kawasaki },
    );
    expect(good.data!.setInformationAssetClassification.classification.confidentiality).toBe('3B');
    const other = assets.find((a) => a.name === '介護保険業務に関する情報資産')!;
    const owners = [...asset.owners.map((o) => o.positionId), other.owners[0]!.positionId];
    const assigned = await gw.gql<{ assignInformationAssetOwners: { owners: { positionId: string }[] } }>(
      `mutation($i: AssignOwnersInput!) { assignInformationAssetOwners(input: $i) { owners { positionId name } } }`,
      { i: { informationAssetId: asset.id, version: good.data!.setInformationAssetClassification.version, ownerPositionIds: owners } },
      { token: kawasaki },
    );
    expect(assigned.data!.assignInformationAssetOwners.owners.map((o) => o.positionId)).toEqual(owners);
  });
});

describe('municipalities are isolated', () => {
  it("never shows or changes another municipality's systems", async () => {
    const ark = await systemNamed('住民記録システム');
    const kawasaki = await gw.signIn('kawasaki');
    const read = await gw.gql<{ system: null }>('query($id: ID!) { system(id: $id) { id name } }', { id: ark.id }, { token: kawasaki });
    expect(read.data!.system).toBeNull();
    const list = await gw.gql<{ systems: { totalCount: number; edges: { node: { name: string } }[] } }>(
      '{ systems(first: 200, filter: { text: "住民記録" }) { totalCount edges { node { name } } } }',
      {},
      { token: kawasaki },
    );
    expect(list.data!.systems.totalCount).toBe(0);
    const before = await snapshot(ark.id);
    const write = await gw.gql(UPDATE, { input: { id: ark.id, version: ark.version, name: '乗っ取り' } }, { token: kawasaki });
    expect(write.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await snapshot(ark.id)).toEqual(before);
  });
});
