// Black-box: the product as an integrator sees it — HTTP, JSON, a bearer token. No internals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '../support/stack.ts';
import { testCalendar } from '@tsukasa/domain/testing';

let stack: Awaited<ReturnType<typeof startStack>>;
let url: string;

beforeAll(async () => {
  stack = await startStack();
  url = `${stack.url}/graphql`;
});
afterAll(() => stack.stop());

async function post(body: unknown, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })(),
  };
}

async function signIn(municipality: string) {
  const r = await post({ query: `mutation { signIn(municipality: "${municipality}", username: "admin", password: "demo-admin-pass") { token } }` });
  return r.json.data.signIn.token as string;
}

describe('the integrator contract', () => {
  it('signIn → systems → system → informationAssets, with the documented names', async () => {
    const token = await signIn('arakawa');
    const list = await post(
      {
        query:
          '{ systems(first: 5, filter: { text: "住民" }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name businessContent managingOrgUnit { name } } } } }',
      },
      token,
    );
    expect(list.status).toBe(200);
    const systems = list.json.data.systems;
    expect(systems.totalCount).toBeGreaterThanOrEqual(3);
    expect(systems.edges[0].node).toEqual(
      expect.objectContaining({ id: expect.any(String), name: expect.any(String), managingOrgUnit: { name: expect.any(String) } }),
    );
    const id = systems.edges.find((e: { node: { name: string } }) => e.node.name === '住民記録システム').node.id;
    const one = await post(
      { query: `{ system(id: "${id}") { id name businessContent managingOrgUnit { name } informationAssets { name owners { name } } } }` },
      token,
    );
    expect(one.json.data.system.informationAssets).toContainEqual({ name: '住民記録情報', owners: [{ name: '戸籍住民課長' }] });
    const assets = await post(
      {
        query: '{ informationAssets(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name owners { name } systems { name } } } } }',
      },
      token,
    );
    expect(assets.json.data.informationAssets.totalCount).toBeGreaterThan(0);
  });

  it('answers every municipality from its own data only', async () => {
    const totals: Record<string, number> = {};
    for (const m of ['minato', 'kawasaki', 'kitami', 'arakawa']) {
      const r = await post({ query: '{ systems(first: 200) { totalCount edges { node { name } } } }' }, await signIn(m));
      totals[m] = r.json.data.systems.totalCount;
    }
    expect(totals).toEqual({ minato: 1, kawasaki: 2, kitami: 1, arakawa: 117 });
  });
});

describe('committees for integrators', () => {
  it('a committees:read token reads committees, meetings and the printable agenda, and may not keep them', async () => {
    const admin = await signIn('arakawa');
    const created = await post({ query: 'mutation { createApiToken(input: { name: "会議録システム連携", scopes: ["committees:read"] }) { token } }' }, admin);
    const token = created.json.data.createApiToken.token as string;
    const committees = await post(
      { query: '{ committees { id key name rules { quorum quorumRuleIds circulationAllowed } chair { title } members { title } } }' },
      token,
    );
    const steering = committees.json.data.committees.find((c: { key: string }) => c.key === 'ark.committee.steering');
    expect(steering).toMatchObject({
      name: '電子情報システム運営委員会',
      rules: { quorum: 'MAJORITY', quorumRuleIds: ['ARK-19-1'], circulationAllowed: false },
      chair: { title: '管理部長' },
    });
    expect(steering.members).toHaveLength(6);
    const heldOn = testCalendar().businessDay(14);
    const meeting = await post(
      { query: `mutation { createMeeting(input: { committeeId: "${steering.id}", heldOn: "${heldOn}", place: "庁議室" }) { id } }` },
      admin,
    );
    const id = meeting.json.data.createMeeting.id as string;
    const doc = await post({ query: `{ meeting(id: "${id}") { title document(kind: AGENDA, format: MARKDOWN) { fileName mimeType text } } }` }, token);
    expect(doc.json.data.meeting.document).toMatchObject({ fileName: `agenda-${heldOn}.md`, mimeType: 'text/markdown; charset=utf-8' });
    expect(doc.json.data.meeting.document.text).toContain('電子情報システム運営委員会');
    const write = await post({ query: `mutation { freezeAgenda(meetingId: "${id}") { id } }` }, token);
    expect(write.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const registry = await post({ query: '{ systems(first: 1) { totalCount } }' }, token);
    expect(registry.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('procedures for a resident (KTM-7)', () => {
  it('the README query: a registry:read token asks which procedures a family moving in needs', async () => {
    const admin = await signIn('kitami');
    const token = (await post({ query: 'mutation { createApiToken(input: { name: "総合窓口連携", scopes: ["registry:read"] }) { token } }' }, admin)).json.data
      .createApiToken.token as string;
    const r = await post(
      {
        query: `query { proceduresFor(situation: { events: [MOVING_IN], members: [
        { age: 41, head: true, nationalHealthInsurance: true }, { age: 9 }, { age: 12 }, { age: 70, longTermCareCertified: true } ] }) {
      order reasons { ja } ruleIds definition { name overview handlingSection { name } outputForms { name } } } }`,
      },
      token,
    );
    expect(r.json.errors).toBeUndefined();
    const names = r.json.data.proceduresFor.map((p: { definition: { name: string } }) => p.definition.name);
    expect(names[0]).toBe('転入届');
    expect(names).toEqual(expect.arrayContaining(['児童手当の認定請求']));
    expect(r.json.data.proceduresFor.map((p: { order: number }) => p.order)).toEqual(names.map((_: string, i: number) => i + 1));
    // Another municipality has no such procedures.
    const other = await post({ query: '{ proceduresFor(situation: { events: [MOVING_IN], members: [{ age: 30 }] }) { order } }' }, await signIn('minato'));
    expect(other.json.data.proceduresFor).toEqual([]);
  });
});

describe('bad input', () => {
  it('gets a typed error, no stack trace, and a 4xx or a GraphQL error — never a 5xx', async () => {
    const token = await signIn('kitami');
    const cases: [string, unknown][] = [
      ['malformed JSON', '{"query": "{ systems { totalCount } "'],
      ['unknown field', { query: '{ systems(first: 1) { nope } }' }],
      ['wrong argument type', { query: '{ systems(first: "ten") { totalCount } }' }],
      ['wrong variable type', { query: 'query($f: Int) { systems(first: $f) { totalCount } }', variables: { f: 'x' } }],
      ['bad enum', { query: '{ systems(first: 1, filter: { lifecycleStatus: [DELETED] }) { totalCount } }' }],
      ['huge search text', { query: 'query($t: String) { systems(first: 1, filter: { text: $t }) { totalCount } }', variables: { t: '検'.repeat(10_000) } }],
      ['negative page', { query: '{ systems(first: -1) { totalCount } }' }],
    ];
    for (const [name, body] of cases) {
      const r = await post(body, token);
      expect(r.status, name).toBeLessThan(500);
      expect(r.text, name).not.toMatch(/at .+\.(ts|js):\d+/);
      const code = r.json?.errors?.[0]?.extensions?.code;
      expect(['BAD_USER_INPUT', 'BAD_REQUEST'], `${name}: ${r.text.slice(0, 200)}`).toContain(code ?? (r.status === 400 ? 'BAD_REQUEST' : 'none'));
    }
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const res = await fetch(`${url}?query=${encodeURIComponent('{ viewer { username } }')}`, { headers: {} });
    expect(res.status).toBe(400);
  });
});

describe('CSV round trip', () => {
  it('exports the registry and re-imports it as unchanged', async () => {
    const token = await signIn('arakawa');
    const csv = (await post({ query: '{ systemsCsv }' }, token)).json.data.systemsCsv as string;
    expect(csv.split('\r\n')[0]).toBe('ID,システム名,業務内容,管理に係る所管,管理区分,状態,利用課,版');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(118);
    const dry = await post(
      { query: 'mutation($c: String!) { importSystemsCsv(csv: $c, dryRun: true) { created updated unchanged errors } }', variables: { c: `\uFEFF${csv}` } },
      token,
    );
    expect(dry.json.data.importSystemsCsv).toEqual({ created: 0, updated: 0, unchanged: 117, errors: 0 });
  });

  it('applies a valid import and refuses one with any bad row, changing nothing', async () => {
    const token = await signIn('minato');
    const csv = (await post({ query: '{ systemsCsv }' }, token)).json.data.systemsCsv as string;
    const [header, row] = csv.split('\r\n');
    const changed = row!.replace('福祉総合システム', '福祉総合システム（第2期）');
    const bad = `,新システム,業務,存在しない課,デジタル推進課管理,稼働中,,`;
    const refused = await post(
      {
        query: 'mutation($c: String!) { importSystemsCsv(csv: $c, dryRun: false) { applied errors rows { line action errors } } }',
        variables: { c: [header, changed, bad].join('\r\n') },
      },
      token,
    );
    expect(refused.json.data.importSystemsCsv.applied).toBe(false);
    expect(refused.json.data.importSystemsCsv.rows[1]).toMatchObject({ line: 3, action: 'ERROR' });
    const still = await post({ query: '{ systems(first: 5) { edges { node { name } } } }' }, token);
    expect(still.json.data.systems.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['福祉総合システム']);
    const applied = await post(
      {
        query: 'mutation($c: String!) { importSystemsCsv(csv: $c, dryRun: false) { applied updated rows { action changes { field before after } } } }',
        variables: { c: [header, changed].join('\r\n') },
      },
      token,
    );
    expect(applied.json.data.importSystemsCsv).toMatchObject({ applied: true, updated: 1 });
    expect(applied.json.data.importSystemsCsv.rows[0].changes).toEqual([
      { field: 'システム名', before: '福祉総合システム', after: '福祉総合システム（第2期）' },
    ]);
  });
});
