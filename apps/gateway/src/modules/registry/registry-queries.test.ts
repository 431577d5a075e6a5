import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exec } from '@tsukasa/db';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { RequestDb } from '../../graphql/request-db.ts';
import { TenantPool } from '../../graphql/tenant-pool.ts';

let gw: TestGateway;
let token: string;
let integrator: string;
let tenants: TenantPool;
let arakawaId: string;

beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  token = await gw.signIn('arakawa');
  const created = await gw.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "registry reader", scopes: ["registry:read"] }) { token } }',
    {},
    { token },
  );
  integrator = created.data!.createApiToken.token;
  tenants = await TenantPool.open(gw.orm);
  arakawaId = (await gw.admin.query(`select id from tsukasa.municipality where code = 'arakawa'`)).rows[0].id;
});
afterAll(async () => {
  await tenants.end();
  await gw.stop();
});

const LIST = `query($first: Int, $after: String, $filter: SystemFilter, $sort: SystemSort) {
  systems(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name businessContent lifecycleStatus managingOrgUnit { name } } }
  }
}`;

type Page = {
  systems: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; name: string; businessContent: string; managingOrgUnit: { name: string } } }[];
  };
};

describe('systems (integrator contract)', () => {
  it('pages through every Arakawa system exactly once, in name order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const r: Awaited<ReturnType<typeof gw.gql<Page>>> = await gw.gql<Page>(LIST, { first: 50, after }, { token });
      expect(r.errors).toBeUndefined();
      total = r.data!.systems.totalCount;
      seen.push(...r.data!.systems.edges.map((e) => e.node.name));
      if (!r.data!.systems.pageInfo.hasNextPage) break;
      after = r.data!.systems.pageInfo.endCursor;
    }
    expect(total).toBe(117); // 荒川区 別表第1
    expect(seen).toHaveLength(117);
    expect(new Set(seen).size).toBe(117);
    expect([...seen]).toEqual([...seen].sort());
  });

  it('finds systems by free text over name and business content, in Japanese', async () => {
    const r = await gw.gql<Page>(LIST, { first: 20, filter: { text: '介護' } }, { token });
    const names = r.data!.systems.edges.map((e) => e.node.name);
    expect(names).toContain('介護保険システム');
    expect(r.data!.systems.totalCount).toBe(names.length);
    const byContent = await gw.gql<Page>(LIST, { first: 5, filter: { text: '印鑑・カード管理' } }, { token });
    expect(byContent.data!.systems.edges.map((e) => e.node.name)).toEqual(['住民記録システム']);
  });

  it('normalises width and treats LIKE wildcards literally', async () => {
    const wide = await gw.gql<Page>(LIST, { first: 5, filter: { text: 'ＲＰＡ' } }, { token });
    expect(wide.data!.systems.edges.map((e) => e.node.name)).toEqual(['RPAシステム']);
    const wildcard = await gw.gql<Page>(LIST, { first: 5, filter: { text: '%' } }, { token });
    expect(wildcard.data!.systems.totalCount).toBe(0);
  });

  it('filters by managing section and lifecycle status, and sorts by managing section', async () => {
    const units = await gw.gql<{ orgUnits: { id: string; name: string }[] }>('{ orgUnits { id name } }', {}, { token });
    const digital = units.data!.orgUnits.find((u) => u.name === 'デジタル推進課')!;
    const r = await gw.gql<Page>(LIST, { first: 100, filter: { managingOrgUnitId: digital.id, lifecycleStatus: ['IN_SERVICE'] } }, { token });
    expect(r.data!.systems.totalCount).toBe(36); // ARK-4-1: the first group of 別表第1
    expect(new Set(r.data!.systems.edges.map((e) => e.node.managingOrgUnit.name))).toEqual(new Set(['デジタル推進課']));
    const sorted = await gw.gql<Page>(LIST, { first: 117, sort: { field: 'MANAGING_ORG_UNIT', direction: 'DESC' } }, { token });
    const sections = sorted.data!.systems.edges.map((e) => e.node.managingOrgUnit.name);
    expect(sections).toEqual([...sections].sort().reverse());
  });

  it('refuses a malformed cursor, a cursor of another sort and an oversized page with BAD_USER_INPUT', async () => {
    const bad = await gw.gql(LIST, { first: 5, after: 'not-a-cursor' }, { token });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const first = await gw.gql<Page>(LIST, { first: 5 }, { token });
    const other = await gw.gql(LIST, { first: 5, after: first.data!.systems.pageInfo.endCursor, sort: { field: 'UPDATED_AT', direction: 'ASC' } }, { token });
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const huge = await gw.gql(LIST, { first: 100000 }, { token });
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['first'] }] });
  });
});

describe('system and information assets', () => {
  it('returns one system with everything linked to it', async () => {
    const list = await gw.gql<Page>(LIST, { first: 1, filter: { text: '住民記録システム' } }, { token });
    const id = list.data!.systems.edges[0]!.node.id;
    const r = await gw.gql<{
      system: {
        id: string;
        name: string;
        managingOrgUnit: { name: string; path: string };
        rulebook: { id: string };
        informationAssets: { name: string; owners: { name: string }[] }[];
      };
    }>(
      `query($id: ID!) { system(id: $id) { id name businessContent createdAt updatedAt managingOrgUnit { name path } rulebook { id } informationAssets { name owners { name } } } }`,
      { id },
      { token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.system).toMatchObject({
      name: '住民記録システム',
      managingOrgUnit: { name: 'デジタル推進課', path: '管理部 / デジタル推進課' },
      rulebook: { id: 'ARK' },
    });
    expect(r.data!.system.informationAssets.map((a) => a.name)).toContain('住民記録情報');
  });

  it('lists information assets with every owner, named by position (KWW 別表: 介護保険 has four)', async () => {
    const kawasaki = await gw.signIn('kawasaki');
    const r = await gw.gql<{
      informationAssets: { totalCount: number; edges: { node: { name: string; kind: string; owners: { name: string }[]; systems: { name: string }[] } }[] };
    }>(
      '{ informationAssets(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind owners { name } systems { name } } } } }',
      {},
      { token: kawasaki },
    );
    // 30 rows of the KWW 別表 + the KWO asset, and the four assets holding the API's protected fields.
    expect(r.data!.informationAssets.edges.filter((e) => e.node.kind === 'business')).toHaveLength(31);
    expect(r.data!.informationAssets.totalCount).toBe(35);
    const kaigo = r.data!.informationAssets.edges.find((e) => e.node.name === '介護保険業務に関する情報資産')!.node;
    expect(kaigo.owners).toHaveLength(4);
    expect(kaigo.owners.map((o) => o.name)).toContain('介護保険課長');
    expect(kaigo.systems.map((s) => s.name)).toEqual(['福祉総合情報システム']);
  });

  it('answers null for an unknown or malformed id', async () => {
    const r = await gw.gql<{ a: null; b: null }>('{ a: system(id: "00000000-0000-4000-8000-000000000000") { id } b: system(id: "x") { id } }', {}, { token });
    expect(r.data).toEqual({ a: null, b: null });
  });

  it('serves the rulebook text behind a rule ID', async () => {
    const r = await gw.gql<{ rule: { text: string; articleNumber: string } }>('{ rule(id: "ARK-12-2") { text articleNumber } }', {}, { token });
    expect(r.data!.rule.articleNumber).toBe('第12条');
    expect(r.data!.rule.text).toContain('毎年8月末日まで');
    // An ID the rulebooks lack has no text: KWO article 8 has one paragraph.
    const unknown = await gw.gql<{ rule: null }>('{ rule(id: "KWO-8-2") { text } }', {}, { token });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.rule).toBeNull();
  });
});

describe('no N+1', () => {
  const LINKED = `query($first: Int) { systems(first: $first) { totalCount edges { node { id name managingOrgUnit { name path } usingOrgUnits { name path }
    rulebook { id } informationAssets { name classification { confidentiality } owners { name orgUnit { name } } systems { name } } } } } }`;

  it('loads a 100-system list with its linked data in a constant number of statements', async () => {
    const small = await gw.countStatements(() => gw.gql(LINKED, { first: 10 }, { token }));
    const large = await gw.countStatements(() => gw.gql(LINKED, { first: 100 }, { token }));
    expect((large.result as { errors?: unknown }).errors).toBeUndefined();
    // Bounded by the depth of the query, never by the number of rows: session, begin, tenant,
    // page, count, org units per depth, using sections, assets, owners, positions, systems, commit.
    expect(large.statements.length).toBeLessThanOrEqual(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(17);
  });

  it('reads a system with its unit, assets and owners in one statement, without a transaction, for an API token', async () => {
    const id = (await gw.gql<{ systems: { edges: { node: { id: string } }[] } }>('{ systems(first: 1) { edges { node { id } } } }', {}, { token: integrator }))
      .data!.systems.edges[0]!.node.id;
    const BY_ID = 'query($id: ID!) { system(id: $id) { name managingOrgUnit { name } informationAssets { name owners { name } } } }';
    for (let i = 0; i < 3; i++) await gw.gql(BY_ID, { id }, { token: integrator }); // the pooled connections learn the tenant
    const { result, statements } = await gw.countStatements(() =>
      gw.gql<{ system: { informationAssets: { owners: unknown[] }[] } }>(BY_ID, { id }, { token: integrator }),
    );
    expect(result.data!.system.informationAssets.some((a) => a.owners.length > 0)).toBe(true);
    // Who the token is: remembered. The tenant: the connection's already, or set once. Then the
    // system with its managing unit, its assets and their owners — no BEGIN, no COMMIT.
    const data = statements.filter((s) => !s.includes('app.municipality_id'));
    expect(statements.length - data.length).toBeLessThanOrEqual(1);
    expect(data).toHaveLength(1);
    expect(data.every((s) => /^\s*select\b/i.test(s))).toBe(true);
  });

  it('runs an API token’s query read-only: a statement that would write is refused, not committed', async () => {
    const db = new RequestDb(tenants, arakawaId);
    db.readStatementByStatement();
    await expect(exec(await db.em(), `update system set name = name || '!' where municipality_id = $1`, [arakawaId])).rejects.toThrow(/read-only request/);
    await db.finish(true);
    expect((await gw.admin.query(`select count(*)::int as n from tsukasa.system where name like '%!'`)).rows[0].n).toBe(0);
  });
});
