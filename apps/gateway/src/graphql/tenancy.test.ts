import { createHash } from 'node:crypto';
import {
  getNamedType,
  isNonNullType,
  isListType,
  isObjectType,
  isScalarType,
  isEnumType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { testCalendar } from '@tsukasa/domain/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing/harness.ts';
import { buildGatewaySchema } from './schema.ts';

// Every query and mutation, called by another municipality's administrator (and its integrator
// token) with Arakawa's ids in every ID argument: nothing of Arakawa's may come back or change.

let gw: TestGateway;
let foreignIds: string[];
let arakawaNames: string[];
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  const ark = `(select id from municipality where code = 'arakawa')`;
  foreignIds = (
    await gw.admin.query(`
    (select id::text from system where municipality_id = ${ark} order by name limit 3) union all
    (select id::text from staff where municipality_id = ${ark} order by employee_number limit 3) union all
    (select id::text from information_asset where municipality_id = ${ark} order by name limit 3) union all
    (select id::text from account where municipality_id = ${ark} limit 2) union all
    (select id::text from access_grant where municipality_id = ${ark} limit 2) union all
    (select id::text from org_unit where municipality_id = ${ark} limit 2) union all
    (select id::text from position where municipality_id = ${ark} limit 2)`)
  ).rows.map((r) => r.id);
  arakawaNames = ['住民記録システム', '荒川', 'デジタル推進課'];
});
afterAll(() => gw.stop());

async function arakawaChecksum(): Promise<string> {
  const tables = [
    'system',
    'staff',
    'information_asset',
    'information_asset_owner',
    'account',
    'access_grant',
    'access_grant_approval',
    'system_using_org_unit',
    'api_token',
  ];
  const parts: string[] = [];
  for (const t of tables) {
    const r = await gw.admin.query(
      `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${t} x where municipality_id = (select id from municipality where code = 'arakawa')`,
    );
    parts.push(r.rows[0].h);
  }
  return createHash('sha256').update(parts.join()).digest('hex');
}

function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (!isObjectType(named) || depth > 2) return '{ __typename }';
  const fields = Object.values(named.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => `${f.name} ${selection(f.type, depth + 1)}`);
  return `{ ${fields.join(' ')} }`;
}

function args(field: GraphQLField<unknown, unknown>, id: string): string {
  const value = (t: GraphQLInputType): string => {
    const inner = isNonNullType(t) ? t.ofType : t;
    if (isListType(inner)) return `[${value(inner.ofType)}]`;
    const named = getNamedType(inner);
    if (named.name === 'ID') return JSON.stringify(id);
    if (named.name === 'Int') return '1';
    if (named.name === 'Boolean') return 'true';
    if (named.name === 'String') return '"x"';
    if (named.name === 'DateTimeISO') return JSON.stringify(testCalendar().iso(testCalendar().businessDay(1), '10:00'));
    if (isEnumType(named)) return named.getValues()[0]!.name;
    if ('getFields' in named) {
      const inputFields = Object.values((named as { getFields(): Record<string, { name: string; type: GraphQLInputType }> }).getFields());
      return `{ ${inputFields
        .filter((f) => isNonNullType(f.type) || f.name.endsWith('Id') || f.name === 'id')
        .map((f) => `${f.name}: ${value(f.type)}`)
        .join(', ')} }`;
    }
    return '"x"';
  };
  const list = field.args.map((a) => `${a.name}: ${value(a.type)}`);
  return list.length ? `(${list.join(', ')})` : '';
}

describe('another municipality’s data is unreachable through every operation', () => {
  it('queries and mutations with Arakawa ids return nothing of Arakawa and change nothing there', async () => {
    const schema = await buildGatewaySchema();
    const kawasaki = await gw.signIn('kawasaki');
    const token = (
      await gw.gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "x", scopes: ["registry:read", "registry:write", "access:read"] }) { token } }',
        {},
        { token: kawasaki },
      )
    ).data!.createApiToken.token;
    const before = await arakawaChecksum();
    let calls = 0;
    for (const [kind, root] of [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const) {
      for (const field of Object.values(root.getFields())) {
        if (['signIn', 'signOut'].includes(field.name)) continue;
        for (const id of foreignIds) {
          for (const bearer of [kawasaki, token]) {
            const r = await gw.gql(`${kind} { ${field.name}${args(field, id)} ${selection(field.type)} }`, {}, { token: bearer });
            calls++;
            const body = JSON.stringify(r.data ?? null);
            for (const foreign of [...foreignIds, ...arakawaNames]) expect(body, `${kind} ${field.name}(${id}) leaked ${foreign}`).not.toContain(foreign);
            expect(r.status, `${kind} ${field.name}`).toBeLessThan(500);
            for (const e of r.errors ?? []) expect(e.extensions?.code, `${kind} ${field.name}: ${e.message}`).not.toBe('INTERNAL');
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    expect(await arakawaChecksum()).toBe(before);
  }, 180_000);
});
