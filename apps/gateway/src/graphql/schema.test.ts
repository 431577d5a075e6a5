import { readFile } from 'node:fs/promises';
import { isNonNullType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing/harness.ts';
import { ruledOperations } from './rules.ts';
import { buildGatewaySchema, printGatewaySchema } from './schema.ts';

describe('the schema', () => {
  it('matches the committed apps/gateway/schema.graphql (run `npm run schema:emit -w @tsukasa/gateway` after a change)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(await printGatewaySchema()).toBe(committed);
  });

  it('declares an authorization rule for every query and mutation', async () => {
    const schema = await buildGatewaySchema();
    const roots = [schema.getQueryType()!, schema.getMutationType()!];
    const unruled = roots.flatMap((t) =>
      Object.keys(t.getFields())
        .filter((f) => !ruledOperations.has(f))
        .map((f) => `${t.name}.${f}`),
    );
    expect(unruled).toEqual([]);
    expect(ruledOperations.get('signIn')).toBe('public');
  });
});

describe('deny by default', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'));
  });
  afterAll(() => gw.stop());

  /** A syntactically valid call of a root field with placeholder arguments. */
  function call(kind: 'query' | 'mutation', name: string, field: GraphQLField<unknown, unknown>): string {
    const placeholder = (type: GraphQLInputType): string => {
      const t = isNonNullType(type) ? type.ofType : type;
      const n = String(t);
      if (n.startsWith('[')) return '[]';
      if (n === 'Int') return '1';
      if (n === 'Boolean') return 'true';
      if (n === 'ID' || n === 'String') return '"x"';
      return '{}';
    };
    const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${placeholder(a.type)}`);
    const named = String(field.type).replace(/[[\]!]/g, '');
    const scalar = ['String', 'Boolean', 'Int', 'ID'].includes(named);
    return `${kind} { ${name}${args.length ? `(${args.join(', ')})` : ''}${scalar ? '' : ' { __typename }'} }`;
  }

  it('answers UNAUTHENTICATED to every operation but signIn when nobody is signed in', async () => {
    const schema = await buildGatewaySchema();
    for (const [kind, type] of [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const) {
      for (const [name, field] of Object.entries(type.getFields())) {
        if (name === 'signIn') continue;
        const r = await gw.gql(call(kind, name, field));
        const codes = (r.errors ?? []).map((e) => e.extensions?.code);
        // Input objects with required fields fail validation first (BAD_USER_INPUT): also a refusal, with no data.
        expect(codes.length, `${kind} ${name}`).toBeGreaterThan(0);
        expect(['UNAUTHENTICATED', 'BAD_USER_INPUT'], `${kind} ${name}: ${JSON.stringify(r.errors)}`).toContain(codes[0]);
        expect(r.data?.[name] ?? null, `${kind} ${name}`).toBeNull();
      }
    }
  });
});
