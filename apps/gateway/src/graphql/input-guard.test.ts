// The common check of the values an operation passes in (graphql/input-guard.ts), through the API.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SUPPORTED_DATES } from '@tsukasa/domain';
import { startTestGateway, type GqlResult, type TestGateway } from '../testing/harness.ts';

let gw: TestGateway;
let admin: string;
let staffId: string;
let systemId: string;
let assetId: string;
let committeeId: string;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  admin = await gw.signIn('kawasaki');
  const one = async (sql: string) => (await gw.admin.query(sql)).rows[0].id as string;
  const kawasaki = `(select id from municipality where code = 'kawasaki')`;
  staffId = await one(`select id from staff where municipality_id = ${kawasaki} and username = 'staff1'`);
  systemId = await one(`select id from system where municipality_id = ${kawasaki} order by name limit 1`);
  assetId = await one(`select id from information_asset where municipality_id = ${kawasaki} order by name limit 1`);
  committeeId = await one(`select id from committee where municipality_id = ${kawasaki} order by key limit 1`);
});
afterAll(() => gw.stop());

/** Today's instant moved to another year (no calendar date written into the test). */
function inYear(year: number): Date {
  const d = new Date();
  d.setUTCFullYear(year);
  return d;
}
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const dayBefore = (iso: string) => dayOf(new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000));
const dayAfter = (iso: string) => dayOf(new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000));

/** A database fingerprint: the rows of the tables a refused mutation here could have written, and the audit chains. */
async function state(): Promise<string> {
  const r = await gw.admin
    .query(`select (select count(*) from access_grant) as grants, (select count(*) from meeting) as meetings, (select count(*) from request) as requests,
    (select count(*) from notification) as notifications, (select string_agg(last_seq::text, ',' order by municipality_id) from audit_chain_head) as chains`);
  return JSON.stringify(r.rows[0]);
}

function expectRefused(r: GqlResult, path: (string | number)[]) {
  expect(r.data ?? null).toBeNull();
  expect(r.errors).toHaveLength(1);
  const e = r.errors![0]!;
  expect(e.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fieldErrors: [
      { path, code: 'INVALID_VALUE', message: expect.stringContaining(SUPPORTED_DATES.from), messageJa: expect.stringContaining('2999年12月31日') },
    ],
  });
  expect(e.message).toContain(path.join('.'));
}

const DECISION = 'query($s: ID!, $y: ID!, $at: DateTimeISO) { accessDecision(staffId: $s, systemId: $y, at: $at) { allowed at } }';

describe('dates outside the supported range', () => {
  it('are refused as BAD_USER_INPUT naming the argument, for the access decision (as a variable and written in the query)', async () => {
    for (const at of [
      inYear(1),
      inYear(9999),
      new Date(`${dayBefore(SUPPORTED_DATES.from)}T23:59:59+09:00`),
      new Date(`${dayAfter(SUPPORTED_DATES.to)}T00:00:00+09:00`),
    ]) {
      const asVariable = await gw.gql(DECISION, { s: staffId, y: systemId, at: at.toISOString() }, { token: admin });
      expect(asVariable.status, at.toISOString()).toBe(400);
      expectRefused(asVariable, ['at']);
      expectRefused(
        await gw.gql(`{ accessDecision(staffId: "${staffId}", systemId: "${systemId}", at: "${at.toISOString()}") { allowed } }`, {}, { token: admin }),
        ['at'],
      );
    }
  });

  it('are answered up to both ends of the range, in Japan time', async () => {
    for (const at of [`${SUPPORTED_DATES.from}T00:00:00+09:00`, `${SUPPORTED_DATES.to}T23:59:59+09:00`]) {
      const r = await gw.gql<{ accessDecision: { allowed: boolean } }>(DECISION, { s: staffId, y: systemId, at }, { token: admin });
      expect(r.errors, at).toBeUndefined();
      expect(typeof r.data!.accessDecision.allowed).toBe('boolean');
    }
  });

  it('are refused in input fields of mutations, as date-times and as YYYY-MM-DD text, changing nothing', async () => {
    const before = await state();
    const grant = await gw.gql(
      'mutation($i: RequestGrantInput!) { requestGrant(input: $i) { id } }',
      {
        i: { assetId, granteeId: staffId, validFrom: inYear(1).toISOString(), purpose: '確認' },
      },
      { token: admin },
    );
    expectRefused(grant, ['input', 'validFrom']);
    const grantEnd = await gw.gql(
      'mutation($i: RequestGrantInput!) { requestGrant(input: $i) { id } }',
      {
        i: { assetId, granteeId: staffId, validFrom: new Date().toISOString(), validTo: inYear(9999).toISOString(), purpose: '確認' },
      },
      { token: admin },
    );
    expectRefused(grantEnd, ['input', 'validTo']);
    const meeting = await gw.gql(
      'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
      { i: { committeeId, heldOn: dayOf(inYear(9999)) } },
      { token: admin },
    );
    expectRefused(meeting, ['input', 'heldOn']);
    expect(await state()).toBe(before);
  });

  it('are refused in the arguments of queries and of nested fields, with the path to them', async () => {
    expectRefused(await gw.gql('query($d: String) { operationsDue(at: $d) { at } }', { d: dayOf(inYear(1)) }, { token: admin }), ['at']);
    expectRefused(await gw.gql('query($m: String) { processingPlans(month: $m) { id } }', { m: dayOf(inYear(9999)).slice(0, 7) }, { token: admin }), ['month']);
    expectRefused(
      await gw.gql(
        'query($id: ID!, $at: DateTimeISO) { staffMember(id: $id) { id positions(at: $at) { id } } }',
        { id: staffId, at: inYear(1).toISOString() },
        { token: admin },
      ),
      ['positions', 'at'],
    );
    expectRefused(await gw.gql('query($on: String) { committees { id members(on: $on) { title } } }', { on: dayOf(inYear(9999)) }, { token: admin }), [
      'members',
      'on',
    ]);
  });

  it('are refused in the dates of a request form, changing nothing', async () => {
    const before = await state();
    const r = await gw.gql(
      'mutation($i: RequestInput!) { submitRequest(input: $i) { id } }',
      {
        i: { kindKey: 'user_addition', systemId, content: { staffId, authorityProfile: '照会', validFrom: dayOf(inYear(1)), reason: '配属' } },
      },
      { token: admin },
    );
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(r.errors![0]!.extensions!.fieldErrors).toContainEqual(
      expect.objectContaining({ path: ['content', 'validFrom'], messageJa: expect.stringContaining('2999年12月31日') }),
    );
    expect(await state()).toBe(before);
  });
});

describe('text with control or invisible formatting characters', () => {
  /** Every table a refused call below could have written, row by row, and the audit chains. */
  async function everything(): Promise<string> {
    const r = await gw.admin
      .query(`select (select md5(string_agg(t::text, '|' order by t::text)) from system t) as systems, (select md5(string_agg(t::text, '|' order by t::text)) from account t) as accounts,
      (select count(*) from access_grant) as grants, (select count(*) from incident) as incidents, (select count(*) from api_token) as tokens, (select count(*) from request) as requests,
      (select string_agg(last_seq::text, ',' order by municipality_id) from audit_chain_head) as chains`);
    return JSON.stringify(r.rows[0]);
  }
  const refusal = (r: GqlResult) => ({
    status: r.status,
    data: r.data ?? null,
    code: r.errors?.[0]?.extensions?.code,
    paths: (r.errors?.[0]?.extensions?.fieldErrors as { path: unknown[] }[] | undefined)?.map((e) => e.path),
  });

  it('are refused in every mutation, at one shared check, naming the field — and change nothing', async () => {
    const orgUnitId = (
      await gw.admin.query(`select id from org_unit where municipality_id = (select id from municipality where code = 'kawasaki') order by name limit 1`)
    ).rows[0].id as string;
    const account = (
      await gw.admin.query(
        `select id, version from account where system_id in (select id from system where municipality_id = (select id from municipality where code = 'kawasaki')) and ended_at is null order by id limit 1`,
      )
    ).rows[0] as { id: string; version: number };
    const before = await everything();
    const cases: [string, Record<string, unknown>, (string | number)[]][] = [
      // Displays as "abcexe.png".
      [
        'mutation($i: CreateSystemInput!) { createSystem(input: $i) { id } }',
        { i: { name: 'abc\u202Egnp.exe', businessContent: '業務', managementType: 'DIGITAL_SECTION', managingOrgUnitId: orgUnitId } },
        ['input', 'name'],
      ],
      [
        'mutation($i: CreateSystemInput!) { createSystem(input: $i) { id } }',
        { i: { name: '新システム', businessContent: '業務\u2067内容\u2069', managementType: 'DIGITAL_SECTION', managingOrgUnitId: orgUnitId } },
        ['input', 'businessContent'],
      ],
      [
        'mutation($i: RequestGrantInput!) { requestGrant(input: $i) { id } }',
        { i: { assetId, granteeId: staffId, validFrom: new Date().toISOString(), purpose: '確認\u200Bのため' } },
        ['input', 'purpose'],
      ],
      [
        'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }',
        { i: { systemId, title: '回線\n障害', description: '通信断', occurredAt: new Date().toISOString(), severity: 'MINOR', residentsAffected: false } },
        ['input', 'title'],
      ],
      [
        'mutation($id: ID!, $v: Int!, $r: String!) { suspendAccount(id: $id, version: $v, reason: $r) { id } }',
        { id: account.id, v: account.version, r: '異動\u0007' },
        ['reason'],
      ],
      [
        'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }',
        { i: { name: '連携\uFEFF', scopes: ['registry:read'] } },
        ['input', 'name'],
      ],
      [
        'mutation($i: RequestInput!) { submitRequest(input: $i) { id } }',
        { i: { kindKey: 'user_addition', systemId, content: { staffId, authorityProfile: '照会', reason: '\u202Bاسم\u202C' } } },
        ['input', 'content', 'reason'],
      ],
      [
        'mutation($i: RequestInput!) { submitRequest(input: $i) { id } }',
        { i: { kindKey: 'user_addition', systemId, content: { ['reason\u0085']: 'x' } } },
        ['input', 'content', 'reason\u0085'],
      ],
    ];
    for (const [query, variables, path] of cases) {
      const r = await gw.gql(query, variables, { token: admin });
      expect(refusal(r), `${query} ${JSON.stringify(variables)}`).toEqual({ status: 400, data: null, code: 'BAD_USER_INPUT', paths: [path] });
      expect(r.errors![0]!.extensions!.messageJa).toMatch(/使用できません|入力できません/);
    }
    expect(await everything()).toBe(before);
  });

  it('are refused in queries too, and inline in the document', async () => {
    expect(
      refusal(await gw.gql('query($f: SystemFilter) { systems(first: 1, filter: $f) { totalCount } }', { f: { text: '\u202E' } }, { token: admin })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', paths: [['filter', 'text']] });
    expect(refusal(await gw.gql('{ systems(first: 1, filter: { text: "a\\u2066b" }) { totalCount } }', {}, { token: admin }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      paths: [['filter', 'text']],
    });
  });

  it('keep line breaks and tabs where text runs over several lines, and 外字, 異体字 and emoji everywhere', async () => {
    const r = await gw.gql<{ reportIncident: { id: string; title: string; description: string } }>(
      'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id title description } }',
      {
        i: {
          systemId,
          title: '葛\u{E0100}飾 回線障害 🙂',
          description: '一行目\n\t二行目\r\n三行目',
          occurredAt: new Date().toISOString(),
          severity: 'MINOR',
          residentsAffected: false,
        },
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.reportIncident).toMatchObject({ title: '葛\u{E0100}飾 回線障害 🙂', description: '一行目\n\t二行目\r\n三行目' });
  });

  it('do not apply to a password, which is only ever compared', async () => {
    const r = await gw.gql('mutation($p: String!) { signIn(municipality: "kawasaki", username: "chief", password: $p) { token } }', { p: 'pass\u202Eword' });
    expect(r.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('are refused in an imported CSV, which may start with a byte-order mark', async () => {
    const csv = (await gw.gql<{ systemsCsv: string }>('{ systemsCsv }', {}, { token: admin })).data!.systemsCsv;
    const body = csv.replace(/^\uFEFF/, '');
    const dry = (text: string) =>
      gw.gql<{ importSystemsCsv: { errors: number; rows: { errors: string[] }[] } }>(
        'mutation($c: String!) { importSystemsCsv(csv: $c, dryRun: true) { errors rows { errors } } }',
        { c: text },
        { token: admin },
      );
    const clean = await dry(`\uFEFF${body}`);
    expect(clean.errors).toBeUndefined();
    expect(clean.data!.importSystemsCsv.errors).toBe(0);
    const [header, first, ...rest] = body.split('\n');
    const tampered = await dry([header, first!.replace(/^([^,]*,)"?([^,"]+)/, '$1$2\u202Eexe.png'), ...rest].join('\n'));
    expect(refusal(tampered)).toEqual({ status: 400, data: null, code: 'BAD_USER_INPUT', paths: [['csv']] });
  });
});
