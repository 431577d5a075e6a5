import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';

// MNT-18 (第7号様式): a section's licence count changes only within the licences purchased; the
// totals are the registry's, whatever a client sends, and two approvals at once cannot both fit.

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

async function signInHolder(positionKey: string, username: string) {
  const holder = (
    await gw.admin.query(`select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.key = $1 and t.valid_to is null`, [
      positionKey,
    ])
  ).rows[0].staff_id;
  await gw.admin.query(
    `update staff set username = coalesce(username, $2), password_hash = (select password_hash from staff where username = 'admin' and municipality_id = (select id from municipality where code = 'minato')) where id = $1`,
    [holder, username],
  );
  return gw.signIn('minato', (await gw.admin.query('select username from staff where id = $1', [holder])).rows[0].username);
}

const SUBMIT = `mutation($i: RequestInput!) { submitRequest(input: $i) { id status steps { id kind status } } }`;
const DECIDE = `mutation($i: DecideStepInput!) { decideStep(input: $i) { id status steps { id kind status } } }`;
type R = { id: string; status: string; steps: { id: string; kind: string; status: string }[] };

async function walk(request: R, token: string) {
  let r = request;
  for (let i = 0; i < 5 && r.status === 'IN_PROGRESS'; i++) {
    const open = r.steps.find((s) => s.status === 'OPEN')!;
    const res = await gw.gql<{ decideStep: R }>(DECIDE, { i: { stepId: open.id, decision: open.kind === 'PERFORM' ? 'PERFORMED' : 'APPROVED' } }, { token });
    if (res.errors) return res;
    r = res.data!.decideStep;
  }
  return { data: { decideStep: r } };
}

describe('licence count change (MNT-18)', () => {
  it('uses the registry’s totals, refuses a count beyond the purchased licences, and applies one within them', async () => {
    const system = (await gw.admin.query(`select id from system where key = 'mnt.welfare'`)).rows[0].id;
    const unit = (await gw.admin.query(`select org_unit_id from position where key = 'mnt.azabu.kumin.chief'`)).rows[0].org_unit_id;
    const chief = await signInHolder('mnt.azabu.kumin.chief', 'azabu');
    const welfare = await signInHolder('mnt.hoken.fukushi.chief', 'chief');
    const lic = await gw.gql<{ system: { licences: { purchasedTotal: number; allocatedTotal: number } } }>(
      'query($id: ID!) { system(id: $id) { licences { purchasedTotal allocatedTotal allocations { orgUnitId count } } } }',
      { id: system },
      { token: welfare },
    );
    expect(lic.data!.system.licences).toMatchObject({ purchasedTotal: 200, allocatedTotal: 188 });
    const current = (await gw.admin.query(`select count from licence_allocation where system_id = $1 and org_unit_id = $2`, [system, unit])).rows[0]
      .count as number;
    // A client claiming a larger purchase changes nothing: 200 - (188 - current) is the most this section may hold.
    const tooMany = 200 - (188 - current) + 1;
    const refused = await gw.gql(
      SUBMIT,
      {
        i: {
          kindKey: 'licence_count_change',
          systemId: system,
          content: { section: unit, newCount: tooMany, reason: '増員', purchasedTotal: 10_000, otherSectionsTotal: 0 },
        },
      },
      { token: chief },
    );
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['content', 'newCount'], ruleIds: ['MNT-18-1'] }] });
    const filed = await gw.gql<{ submitRequest: R }>(
      SUBMIT,
      { i: { kindKey: 'licence_count_change', systemId: system, content: { section: unit, newCount: current + 3, reason: '増員' } } },
      { token: chief },
    );
    expect(filed.errors, JSON.stringify(filed.errors)).toBeUndefined();
    const done = await walk(filed.data!.submitRequest, welfare);
    expect((done as { data: { decideStep: R } }).data.decideStep.status).toBe('APPROVED');
    expect((await gw.admin.query(`select count from licence_allocation where system_id = $1 and org_unit_id = $2`, [system, unit])).rows[0].count).toBe(
      current + 3,
    );
  });

  it('lets only one of two changes that would together exceed the purchase through at approval', async () => {
    const system = (await gw.admin.query(`select id from system where key = 'mnt.welfare'`)).rows[0].id;
    const a = (await gw.admin.query(`select org_unit_id from position where key = 'mnt.takanawa.kumin.chief'`)).rows[0].org_unit_id;
    const b = (await gw.admin.query(`select org_unit_id from position where key = 'mnt.shibaura.kumin.chief'`)).rows[0].org_unit_id;
    const free = 200 - (await gw.admin.query(`select sum(count)::int as n from licence_allocation where system_id = $1`, [system])).rows[0].n;
    const take = async (positionKey: string, username: string, unit: string) => {
      const count = (await gw.admin.query(`select count from licence_allocation where system_id = $1 and org_unit_id = $2`, [system, unit])).rows[0]
        .count as number;
      const token = await signInHolder(positionKey, username);
      return gw.gql<{ submitRequest: R }>(
        SUBMIT,
        { i: { kindKey: 'licence_count_change', systemId: system, content: { section: unit, newCount: count + free, reason: '増員' } } },
        { token },
      );
    };
    // Each alone fits; both cannot.
    const first = await take('mnt.takanawa.kumin.chief', 'takanawa', a);
    const second = await take('mnt.shibaura.kumin.chief', 'shibaura', b);
    expect(first.errors ?? second.errors).toBeUndefined();
    const welfare = await gw.signIn('minato', 'chief');
    const results = await Promise.all([walk(first.data!.submitRequest, welfare), walk(second.data!.submitRequest, welfare)]);
    const codes = results.map((r) => ('errors' in r ? (r.errors?.[0]?.extensions?.code ?? null) : null));
    expect(codes.filter((c) => c !== null)).toEqual(['CONFLICT']);
    expect((await gw.admin.query(`select sum(count)::int as n from licence_allocation where system_id = $1`, [system])).rows[0].n).toBe(200);
  });

  it('shows the licence use of each system for the dashboard: purchased, held by section, free', async () => {
    const token = await gw.signIn('minato', 'staff1');
    const r = await gw.gql<{
      licenceUse: {
        systemName: string;
        purchasedTotal: number;
        allocatedTotal: number;
        free: number;
        sections: { orgUnitName: string; count: number }[];
        ruleIds: string[];
      }[];
    }>('{ licenceUse { systemName purchasedTotal allocatedTotal free sections { orgUnitName count } ruleIds } }', {}, { token });
    expect(r.errors).toBeUndefined();
    const [welfare] = r.data!.licenceUse;
    const truth = (
      await gw.admin.query(
        `select sum(a.count)::int as n, count(*)::int as sections from licence_allocation a join system s on s.id = a.system_id where s.key = 'mnt.welfare'`,
      )
    ).rows[0];
    expect(welfare).toMatchObject({ systemName: '福祉総合システム', purchasedTotal: 200, allocatedTotal: truth.n, free: 200 - truth.n, ruleIds: ['MNT-18-1'] });
    expect(welfare!.sections).toHaveLength(truth.sections);
    expect(welfare!.sections.map((x) => x.count)).toEqual([...welfare!.sections.map((x) => x.count)].sort((a, b) => b - a));
    // Another municipality sees only its own.
    const other = await gw.gql<{ licenceUse: unknown[] }>('{ licenceUse { systemName } }', {}, { token: await gw.signIn('arakawa', 'staff1') });
    expect(other.data!.licenceUse).toEqual([]);
  });
});
