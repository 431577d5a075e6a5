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
  const r = await gw.admin.query(`select (select count(*) from access_grant) as grants, (select count(*) from meeting) as meetings, (select count(*) from request) as requests,
    (select count(*) from notification) as notifications, (select string_agg(last_seq::text, ',' order by municipality_id) from audit_chain_head) as chains`);
  return JSON.stringify(r.rows[0]);
}

function expectRefused(r: GqlResult, path: (string | number)[]) {
  expect(r.data ?? null).toBeNull();
  expect(r.errors).toHaveLength(1);
  const e = r.errors![0]!;
  expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path, code: 'INVALID_VALUE', message: expect.stringContaining(SUPPORTED_DATES.from), messageJa: expect.stringContaining('2999年12月31日') }] });
  expect(e.message).toContain(path.join('.'));
}

const DECISION = 'query($s: ID!, $y: ID!, $at: DateTimeISO) { accessDecision(staffId: $s, systemId: $y, at: $at) { allowed at } }';

describe('dates outside the supported range', () => {
  it('are refused as BAD_USER_INPUT naming the argument, for the access decision (as a variable and written in the query)', async () => {
    for (const at of [inYear(1), inYear(9999), new Date(`${dayBefore(SUPPORTED_DATES.from)}T23:59:59+09:00`), new Date(`${dayAfter(SUPPORTED_DATES.to)}T00:00:00+09:00`)]) {
      const asVariable = await gw.gql(DECISION, { s: staffId, y: systemId, at: at.toISOString() }, { token: admin });
      expect(asVariable.status, at.toISOString()).toBe(400);
      expectRefused(asVariable, ['at']);
      expectRefused(await gw.gql(`{ accessDecision(staffId: "${staffId}", systemId: "${systemId}", at: "${at.toISOString()}") { allowed } }`, {}, { token: admin }), ['at']);
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
    const grant = await gw.gql('mutation($i: RequestGrantInput!) { requestGrant(input: $i) { id } }', {
      i: { assetId, granteeId: staffId, validFrom: inYear(1).toISOString(), purpose: '確認' },
    }, { token: admin });
    expectRefused(grant, ['input', 'validFrom']);
    const grantEnd = await gw.gql('mutation($i: RequestGrantInput!) { requestGrant(input: $i) { id } }', {
      i: { assetId, granteeId: staffId, validFrom: new Date().toISOString(), validTo: inYear(9999).toISOString(), purpose: '確認' },
    }, { token: admin });
    expectRefused(grantEnd, ['input', 'validTo']);
    const meeting = await gw.gql('mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', { i: { committeeId, heldOn: dayOf(inYear(9999)) } }, { token: admin });
    expectRefused(meeting, ['input', 'heldOn']);
    expect(await state()).toBe(before);
  });

  it('are refused in the arguments of queries and of nested fields, with the path to them', async () => {
    expectRefused(await gw.gql('query($d: String) { operationsDue(at: $d) { at } }', { d: dayOf(inYear(1)) }, { token: admin }), ['at']);
    expectRefused(await gw.gql('query($m: String) { processingPlans(month: $m) { id } }', { m: dayOf(inYear(9999)).slice(0, 7) }, { token: admin }), ['month']);
    expectRefused(await gw.gql('query($id: ID!, $at: DateTimeISO) { staffMember(id: $id) { id positions(at: $at) { id } } }', { id: staffId, at: inYear(1).toISOString() }, { token: admin }), ['positions', 'at']);
    expectRefused(await gw.gql('query($on: String) { committees { id members(on: $on) { title } } }', { on: dayOf(inYear(9999)) }, { token: admin }), ['members', 'on']);
  });

  it('are refused in the dates of a request form, changing nothing', async () => {
    const before = await state();
    const r = await gw.gql('mutation($i: RequestInput!) { submitRequest(input: $i) { id } }', {
      i: { kindKey: 'user_addition', systemId, content: { staffId, authorityProfile: '照会', validFrom: dayOf(inYear(1)), reason: '配属' } },
    }, { token: admin });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(r.errors![0]!.extensions!.fieldErrors).toContainEqual(expect.objectContaining({ path: ['content', 'validFrom'], messageJa: expect.stringContaining('2999年12月31日') }));
    expect(await state()).toBe(before);
  });
});
