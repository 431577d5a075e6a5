// Hardening of the GraphQL gateway: query limits checked before anything runs, no field
// suggestions, introspection only for registry administrators and API tokens, rate limits per
// token / session / anonymous address (with the sign-in lockout still in front of passwords), and
// the security headers of the admin app and the API. The measures answer ARK-26-1-1 (サービス不能攻撃
// among the threats to prepare for) and ARK-26-2-5 (アクセス制御 as a technical measure); the
// figures are ours (the regulations name none).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { getIntrospectionQuery, Kind, parse, print, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { isValidRuleId } from '@tsukasa/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createGateway } from '../app.ts';
import { ConfigError, readGatewayEnv } from '../config/env.ts';
import { jsonLogger } from '../http/logger.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../http/rate-limit.ts';
import { API_CONTENT_SECURITY_POLICY, inlineScriptHashes, securityHeaders } from '../http/security-headers.ts';
import { FREE_SIGN_IN_FAILURES } from '../modules/auth/auth.service.ts';
import { startTestGateway, type TestGateway } from '../testing/harness.ts';
import { formatError } from './error-format.ts';
import { DEFAULT_QUERY_LIMITS, MAX_VARIABLE_DEPTH, measureOperation, queryLimitRules, variableProblem, type QueryLimits } from './limits.ts';
import { buildGatewaySchema } from './schema.ts';

const L = DEFAULT_QUERY_LIMITS;
const ADMIN_GRAPHQL = fileURLToPath(new URL('../../../admin/src/lib/graphql/', import.meta.url));
/** Documents built per call, with the largest arguments the app passes (the dashboard asks 50 systems at once, maintenance/upcoming-stops.ts). */
const BUILDER_ARGS: Record<string, unknown[]> = {
  windowsOfSystemsQuery: [Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)],
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

/** graphql-js's rules and ours, as Apollo runs them; the codes of the errors. */
function check(source: string, limits: QueryLimits = L): { codes: unknown[]; messages: string[]; extensions: Record<string, unknown>[] } {
  const errors = validate(schema, parse(source), [...specifiedRules, ...queryLimitRules(limits)]);
  return { codes: errors.map((e) => e.extensions.code), messages: errors.map((e) => e.message), extensions: errors.map((e) => e.extensions) };
}

function figures(source: string, variables?: Record<string, unknown>) {
  const doc = parse(source);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, doc, op as never, L, variables);
}

const aliased = (n: number, field = 'viewer { username }') => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
/** A valid path that nests as deep as asked: org units down their parents. */
const deep = (levels: number) =>
  `{ systems(first: 1) { edges { node { managingOrgUnit { ${'parent { '.repeat(levels - 5)}name${' }'.repeat(levels - 5)} } } } } }`;

describe('the query limits, as validation rules against the real schema', () => {
  it('pass every document of the admin app (apps/admin/src/lib/graphql)', async () => {
    const files = (await readdir(ADMIN_GRAPHQL)).filter((f) => f.endsWith('.ts'));
    const documents: [string, DocumentNode][] = [];
    for (const file of files) {
      if (!file.endsWith('.graphql.ts')) {
        // Documents live in *.graphql.ts only; the client, loaders and types hold none.
        expect(await readFile(join(ADMIN_GRAPHQL, file), 'utf8'), file).not.toMatch(/\bgql\s*(<[^`]*>)?`/);
        continue;
      }
      const mod = (await import(join(ADMIN_GRAPHQL, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (value && typeof value === 'object' && (value as { kind?: unknown }).kind === Kind.DOCUMENT)
          documents.push([`${file} ${name}`, value as DocumentNode]);
        else if (typeof value === 'function' && /(Query|Mutation)$/.test(name)) {
          expect(BUILDER_ARGS, `${file} ${name} builds documents: list the largest arguments the app passes in BUILDER_ARGS`).toHaveProperty(name);
          documents.push([`${file} ${name}(…)`, (value as (...a: unknown[]) => DocumentNode)(...BUILDER_ARGS[name]!)]);
        }
      }
    }
    expect(documents.length).toBeGreaterThan(80);
    const operations = documents.filter(([, d]) => d.definitions.some((x) => x.kind === Kind.OPERATION_DEFINITION));
    expect(operations.length).toBeGreaterThan(70);
    for (const [name, doc] of operations) {
      // As sent over the wire: printed, then parsed by the gateway.
      const errors = validate(schema, parse(print(doc)), [...specifiedRules, ...queryLimitRules(L)]);
      expect(
        errors.map((e) => e.message),
        name,
      ).toEqual([]);
    }
  });

  it('pass the standard introspection query that codegen tools send', () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(check(query).codes).toEqual([]);
    expect(figures(query).introspection).toBe(true);
  });

  it(`refuse a query nested deeper than ${L.maxDepth} levels (QUERY_TOO_DEEP)`, () => {
    expect(figures(deep(L.maxDepth)).depth).toBe(L.maxDepth);
    expect(check(deep(L.maxDepth)).codes).toEqual([]);
    const r = check(deep(L.maxDepth + 1));
    expect(r.codes).toEqual(['QUERY_TOO_DEEP']);
    expect(r.extensions[0]).toMatchObject({ limit: L.maxDepth, actual: L.maxDepth + 1, messageJa: expect.stringContaining('階層が深すぎます') });
  });

  it(`refuse more than ${L.maxAliases} aliases (TOO_MANY_ALIASES) and more than ${L.maxRootFields} root fields (TOO_MANY_FIELDS)`, () => {
    expect(check(aliased(L.maxAliases)).codes).toEqual([]);
    expect(check(aliased(L.maxAliases + 1)).codes).toEqual(expect.arrayContaining(['TOO_MANY_ALIASES', 'TOO_MANY_FIELDS']));
    expect(check(aliased(30), { ...L, maxRootFields: 20 }).codes).toEqual(['TOO_MANY_FIELDS']);
    // Aliases below the root count too.
    expect(check(`{ viewer { ${Array.from({ length: L.maxAliases + 1 }, (_, i) => `u${i}: username`).join(' ')} } }`).codes).toEqual(['TOO_MANY_ALIASES']);
  });

  it('count a connection’s page size once, lists without one at the default size, and refuse an estimate over the maximum (QUERY_TOO_COSTLY)', () => {
    // systems 1 + totalCount 1 + edges (1 + 100 × (node 1 + id 1 + name 1))
    expect(figures('{ systems(first: 100) { totalCount edges { node { id name } } } }').cost).toBe(1 + 1 + 1 + 100 * 3);
    // The schema's default page (20) and the default size of a list without one (10).
    expect(figures('{ systems { edges { node { usingOrgUnits { name } } } } }').cost).toBe(1 + 1 + 20 * (1 + 1 + 10 * 1));
    // A variable counts at its value, else at its default, else at the schema's default; while
    // validating the document alone (no variables yet), at 1.
    const byVariable = 'query($n: Int = 3) { systems(first: $n) { edges { node { id } } } }';
    expect(figures(byVariable, { n: 7 }).cost).toBe(1 + 1 + 7 * 2);
    expect(figures(byVariable, {}).cost).toBe(1 + 1 + 3 * 2);
    expect(figures(byVariable.replace(' = 3', ''), {}).cost).toBe(1 + 1 + 20 * 2);
    expect(figures(byVariable).cost).toBe(1 + 1 + 1 * 2);
    // Past the largest page a field serves, the field's own refusal applies (a field error on `first`).
    expect(figures('{ systems(first: 100000) { edges { node { id } } } }').cost).toBe(1 + 1 + L.maxPageSize * 2);
    const nested = '{ systems(first: 200) { edges { node { informationAssets { systems { informationAssets { owners { name } } } } } } } }';
    const r = check(nested);
    expect(r.codes).toEqual(['QUERY_TOO_COSTLY']);
    expect(r.extensions[0]).toMatchObject({ limit: L.maxCost, actual: figures(nested).cost, messageJa: expect.stringContaining('推定取得件数') });
    expect(check(nested.replace('first: 200', 'first: 2')).codes).toEqual([]);
  });

  it(`refuse more than ${L.maxTokens} tokens, more than ${L.maxDocumentBytes} bytes and more than ${L.maxDirectives} directives (QUERY_TOO_LARGE, TOO_MANY_DIRECTIVES)`, () => {
    expect(check(`{ viewer { ${'username '.repeat(L.maxTokens)} } }`).codes).toContain('QUERY_TOO_LARGE');
    expect(check(`{ viewer { username } } # ${'x'.repeat(L.maxDocumentBytes)}`).codes).toEqual(['QUERY_TOO_LARGE']);
    const directives = (n: number) => `query($t: Boolean!) { viewer { ${Array.from({ length: n }, () => 'username @include(if: $t)').join(' ')} } }`;
    expect(check(directives(L.maxDirectives)).codes).toEqual([]);
    expect(check(directives(L.maxDirectives + 1)).codes).toEqual(['TOO_MANY_DIRECTIVES']);
  });

  it('measure a fragment bomb in linear time and refuse it; a fragment cycle neither hangs nor passes', () => {
    const levels = 40; // 2^40 fields once expanded
    const frags = Array.from({ length: levels }, (_, i) => `fragment F${i} on OrgUnit { parent { ...F${i + 1} } parent { ...F${i + 1} } }`).join('\n');
    const bomb = `{ orgUnits { ...F0 } }\n${frags}\nfragment F${levels} on OrgUnit { name }`;
    const started = performance.now();
    const r = check(bomb);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.codes).toEqual(expect.arrayContaining(['QUERY_TOO_DEEP', 'TOO_MANY_FIELDS', 'QUERY_TOO_COSTLY']));
    // The same at the root: root fields are counted once per fragment, not once per spread.
    const rootFrags = Array.from({ length: levels }, (_, i) => `fragment R${i} on Query { ...R${i + 1} ...R${i + 1} }`).join('\n');
    const rootStarted = performance.now();
    expect(check(`{ ...R0 }\n${rootFrags}\nfragment R${levels} on Query { viewer { username } }`).codes).toEqual(
      expect.arrayContaining(['TOO_MANY_FIELDS', 'QUERY_TOO_COSTLY']),
    );
    expect(performance.now() - rootStarted).toBeLessThan(2000);
    const cycle = check('{ orgUnits { ...A } } fragment A on OrgUnit { parent { ...B } } fragment B on OrgUnit { parent { ...A } }');
    expect(cycle.messages.join(' ')).toMatch(/Cannot spread fragment "A" within itself/);
  });
});

describe('no suggestions for anyone', () => {
  it('takes "Did you mean …?" out of every message the API sends', () => {
    const f = (message: string, code: string) => formatError({ message, extensions: { code } }, undefined, { requestId: 'r', log: () => undefined });
    expect(f('Cannot query field "systms" on type "Query". Did you mean "systems"?', 'GRAPHQL_VALIDATION_FAILED').message).toBe(
      'Cannot query field "systms" on type "Query".',
    );
    expect(
      f(
        'Variable "$s" got invalid value "NAM" at "s.field"; Value "NAM" does not exist in "SystemSortField" enum. Did you mean the enum value "NAME"?',
        'BAD_USER_INPUT',
      ).message,
    ).toBe('Variable "$s" got invalid value "NAM" at "s.field"; Value "NAM" does not exist in "SystemSortField" enum.');
  });
});

describe('over HTTP', () => {
  let gw: TestGateway;
  let admin: string;
  let staff: string;
  let token: string;
  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'));
    admin = await gw.signIn('arakawa');
    staff = await gw.signIn('arakawa', 'staff1');
    token = (
      await gw.gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "codegen", scopes: ["registry:read"] }) { token } }',
        {},
        { token: admin },
      )
    ).data!.createApiToken.token;
  });
  afterAll(() => gw.stop());

  async function post(body: string, bearer?: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
      body,
    });
    return {
      status: res.status,
      headers: res.headers,
      body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] },
    };
  }

  it('refuses over-limit queries with HTTP 400 and a typed, bilingual error before reading anything', async () => {
    const nested = '{ systems(first: 200) { edges { node { informationAssets { systems { informationAssets { owners { name } } } } } } } }';
    for (const [query, code] of [
      [deep(L.maxDepth + 1), 'QUERY_TOO_DEEP'],
      [aliased(L.maxAliases + 1, '__typename'), 'TOO_MANY_ALIASES'],
      [nested, 'QUERY_TOO_COSTLY'],
    ] as const) {
      const anonymous = await gw.countStatements(() => gw.gql(query));
      expect(anonymous.result.status, code).toBe(400);
      expect(
        anonymous.result.errors!.map((e) => e.extensions!.code),
        code,
      ).toContain(code);
      expect(anonymous.statements, code).toEqual([]);
      const signedIn = await gw.countStatements(() => gw.gql(query, {}, { token: admin }));
      expect(signedIn.result.errors![0]!.extensions).toMatchObject({
        code,
        messageJa: expect.any(String),
        limit: expect.any(Number),
        actual: expect.any(Number),
      });
      // Only the session is looked up; no transaction begins.
      expect(
        signedIn.statements.filter((s) => !/resolve_session/.test(s)),
        code,
      ).toEqual([]);
    }
  });

  it('counts the page sizes passed as variables, before execution', async () => {
    const q = 'query($n: Int) { systems(first: $n) { edges { node { informationAssets { systems { informationAssets { owners { name } } } } } } } }';
    const big = await gw.countStatements(() => gw.gql(q, { n: 200 }, { token: admin }));
    expect(big.result.status).toBe(400);
    expect(big.result.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: L.maxCost });
    expect(big.statements.filter((s) => !/resolve_session/.test(s))).toEqual([]);
    const small = await gw.gql<{ systems: { edges: unknown[] } }>(q, { n: 2 }, { token: admin });
    expect(small.errors).toBeUndefined();
    expect(small.data!.systems.edges).toHaveLength(2);
  });

  it('refuses a document over the token limit while parsing and one over the size limit before parsing (QUERY_TOO_LARGE)', async () => {
    const tokens = await post(JSON.stringify({ query: `{ viewer { ${'username '.repeat(L.maxTokens + 1)} } }` }), admin);
    expect(tokens.status).toBe(400);
    expect(tokens.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', limit: L.maxTokens, messageJa: expect.stringContaining('トークン') });
    const bytes = await post(JSON.stringify({ query: `{ viewer { username } } # ${'x'.repeat(L.maxDocumentBytes)}` }), admin);
    expect(bytes.status).toBe(400);
    expect(bytes.body.errors![0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_LARGE',
      limit: L.maxDocumentBytes,
      messageJa: expect.stringContaining('バイト'),
    });
  });

  it('refuses batched arrays of operations (BATCH_NOT_ALLOWED), running none of them', async () => {
    const before = (await gw.admin.query('select count(*)::int as n from api_token')).rows[0].n;
    const create = { query: 'mutation { createApiToken(input: { name: "batched", scopes: ["registry:read"] }) { token } }' };
    const r = await post(JSON.stringify([create, create]), admin);
    expect(r.status).toBe(400);
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'BATCH_NOT_ALLOWED', messageJa: expect.stringContaining('1つ') });
    expect((await post('[]', admin)).body.errors![0]!.extensions.code).toBe('BATCH_NOT_ALLOWED');
    expect((await gw.admin.query('select count(*)::int as n from api_token')).rows[0].n).toBe(before);
  });

  it('refuses the NUL character (which PostgreSQL cannot store) in variables, JSON keys and literals with BAD_USER_INPUT, not a server error', async () => {
    // Found by the hostile suite (test/api/hostile.test.ts): an idempotency key with U+0000 reached the database.
    const submit = 'mutation($i: RequestInput!, $k: String) { submitRequest(input: $i, idempotencyKey: $k) { id } }';
    const key = await gw.gql(submit, { i: { kindKey: 'user_addition', content: {} }, k: 'retry-\u0000-1' }, { token: admin });
    expect(key.status).toBe(400);
    expect(key.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['k'], code: 'INVALID_VALUE', messageJa: expect.stringContaining('NUL') }],
    });
    const jsonKey = await gw.gql(submit, { i: { kindKey: 'user_addition', content: { 'reason\u0000': 'x' } } }, { token: admin });
    expect(jsonKey.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['i', 'content', 'reason\u0000'] }] });
    const literal = await gw.gql('{ rule(id: "ARK-\\u0000") { text } }', {}, { token: admin });
    expect(literal.status).toBe(400);
    expect(literal.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(variableProblem({ a: ['ok', { b: '住民記録' }] })).toBeUndefined();
  });

  it(`refuses variables nested more than ${MAX_VARIABLE_DEPTH} levels deep (serialising them would overflow the stack), walking them in linear time`, async () => {
    const object = `${'{"a":'.repeat(100_000)}"x"${'}'.repeat(100_000)}`;
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: `{"query":"mutation($i: RequestInput!) { submitRequest(input: $i) { id } }","variables":{"i":{"kindKey":"user_addition","content":${object}}}}`,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['i', 'content', 'a'], messageJa: expect.stringContaining('入れ子') }],
    });
    let nested: unknown = 'x';
    for (let i = 0; i < 100_000; i++) nested = [nested];
    const started = performance.now();
    expect(variableProblem({ deep: nested })).toMatchObject({ kind: 'depth' });
    expect(performance.now() - started).toBeLessThan(500);
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_VARIABLE_DEPTH; i++) ok = [ok];
    expect(variableProblem({ ok })).toBeUndefined();
  });

  it('suggests no field, type or enum value, even to administrators', async () => {
    const field = await gw.gql('{ systms { totalCount } }', {}, { token: admin });
    expect(field.errors![0]!.message).toBe('Cannot query field "systms" on type "Query".');
    const value = await gw.gql('{ systems(first: 1, filter: { lifecycleStatus: [IN_SERVIC] }) { totalCount } }', {}, { token: admin });
    const variable = await gw.gql(
      'query($s: SystemSort) { systems(first: 1, sort: $s) { totalCount } }',
      { s: { field: 'NAM', direction: 'ASC' } },
      { token: admin },
    );
    for (const r of [field, value, variable]) {
      expect(r.status).toBe(400);
      expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean/i);
    }
  });

  it('answers introspection to registry administrators and API tokens only; anonymous callers and ordinary staff get FORBIDDEN', async () => {
    const query = getIntrospectionQuery();
    const byAdmin = await gw.gql<{ __schema: { types: unknown[] } }>(query, {}, { token: admin });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.__schema.types.length).toBeGreaterThan(100);
    const byToken = await gw.gql<{ __type: { name: string } }>('{ __type(name: "System") { name fields { name } } }', {}, { token });
    expect(byToken.data!.__type.name).toBe('System');
    for (const [who, bearer] of [
      ['anonymous', undefined],
      ['staff1', staff],
    ] as const) {
      for (const q of [query, '{ __type(name: "System") { name } }', 'query { ...F } fragment F on Query { __schema { queryType { name } } }']) {
        const r = await gw.gql(q, {}, { token: bearer });
        expect(r.status, who).toBe(403);
        expect(r.data ?? null, who).toBeNull();
        expect(r.errors![0]!.extensions, who).toMatchObject({ code: 'FORBIDDEN', messageJa: expect.stringContaining('イントロスペクション') });
      }
    }
    // __typename is not introspection: the admin app's cache asks it everywhere.
    expect((await gw.gql<{ __typename: string }>('{ __typename }')).data!.__typename).toBe('Query');
  });

  it('serves the admin app under a CSP that allows its one inline script by hash, and the API under one that allows nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tsukasa-admin-'));
    const inline = '\n  { __sveltekit_x = { base: "" }; import("/_app/immutable/entry/start.js"); }\n';
    await writeFile(
      join(dir, '200.html'),
      `<!doctype html><html><head><script src="/_app/x.js"></script></head><body><script>${inline}</script></body></html>`,
    );
    const withApp = await startTestGateway(inject('pgAdminUrl'), { adminBuildDir: dir });
    try {
      const page = await fetch(`${withApp.url}/systems`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy')!;
      const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'))!;
      expect(inlineScriptHashes(await page.text())).toHaveLength(1);
      expect(scriptSrc).toBe(`script-src 'self' ${inlineScriptHashes(`<script>${inline}</script>`)[0]}`);
      expect(scriptSrc).not.toContain('unsafe');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('permissions-policy')).toContain('camera=()');
      expect(page.headers.get('strict-transport-security')).toBeNull(); // no HTTPS here
      const api = await fetch(`${withApp.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      expect(api.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
      expect(api.headers.get('cache-control')).toBe('no-store');
      expect(api.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await withApp.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent when the gateway runs behind HTTPS (secure cookies on), and only then', async () => {
    for (const https of [true, false]) {
      const app = express()
        .use(securityHeaders({ https }))
        .get('/', (_req, res) => void res.send('ok'));
      const server = createServer(app);
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      const port = (server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.headers.get('strict-transport-security')).toBe(https ? 'max-age=31536000; includeSubDomains' : null);
      await new Promise((ok) => server.close(ok));
    }
  });
});

describe('rate limits', () => {
  // One a minute with a burst of 8: nothing refills while the tests run.
  let gw: TestGateway;
  let session: string;
  let token: string;
  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'), { rateLimit: { perMinute: 1, burst: 8 } });
    session = await gw.signIn('kitami'); // anonymous requests so far: 1
    token = (
      await gw.gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "sync", scopes: ["registry:read"] }) { token } }',
        {},
        { token: session },
      )
    ).data!.createApiToken.token;
  });
  afterAll(() => gw.stop());

  const SIGN_IN = 'mutation($m: String!, $u: String!, $p: String!) { signIn(municipality: $m, username: $u, password: $p) { token } }';

  it(`still throttle an address's sign-ins under a name after ${FREE_SIGN_IN_FAILURES} wrong passwords (in front of the password check)`, async () => {
    for (let i = 0; i < FREE_SIGN_IN_FAILURES; i++) {
      const r = await gw.gql(SIGN_IN, { m: 'kitami', u: 'staff1', p: `wrong-${i}` });
      expect(r.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const locked = await gw.gql(SIGN_IN, { m: 'kitami', u: 'staff1', p: 'demo-admin-pass' });
    expect(locked.status).toBe(200);
    expect(locked.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });

  it('answer HTTP 429 with Retry-After and RATE_LIMITED once an anonymous address has spent its burst, changing nothing', async () => {
    const count = async () =>
      (await gw.admin.query('select (select count(*) from session) + (select count(*) from audit_event) + (select count(*) from sign_in_throttle) as n'))
        .rows[0].n as string;
    // 7 of the address's 8 are spent (a sign-in and the six above): one more passes, then 429.
    const last = await gw.gql(SIGN_IN, { m: 'kitami', u: 'nobody', p: 'x' });
    expect(last.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const before = await count();
    const refused = await gw.gql(SIGN_IN, { m: 'kitami', u: 'chief', p: 'demo-admin-pass' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: Number(refused.headers.get('retry-after')),
      messageJa: expect.stringContaining('リクエストが多すぎます'),
    });
    expect(refused.data ?? null).toBeNull();
    expect(await count()).toBe(before);
  });

  it('keep one bucket per session and one per API token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await gw.gql('{ viewer { username } }', {}, { token: session })).status);
    // The session had spent 1 (createApiToken): 7 more pass, then 429.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 429, 429, 429]);
    // The token is another caller: its own burst is whole.
    for (let i = 0; i < 8; i++) expect((await gw.gql('{ systems(first: 1) { totalCount } }', {}, { token })).status).toBe(200);
    expect((await gw.gql('{ systems(first: 1) { totalCount } }', {}, { token })).status).toBe(429);
  });

  it('count in the database, so that another replica refuses a caller that spent its burst on this one', async () => {
    const rows = (await gw.admin.query<{ key: string; points: number }>('select key, points from rate_limit order by key')).rows;
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ key: expect.stringMatching(/^graphql:session:/), points: expect.any(Number) })]));
    // A second gateway on the same database, with its own memory: the session is refused at once.
    const replica = await createGateway({
      orm: gw.orm,
      log: jsonLogger(true),
      sessionTtlHours: 8,
      secureCookies: false,
      rateLimit: { perMinute: 1, burst: 8 },
    });
    const server = createServer(replica.app);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const port = (server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
        body: JSON.stringify({ query: '{ viewer { username } }' }),
      });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
      await replica.stop();
    }
  });
});

describe('RateLimiter (a token bucket per key)', () => {
  it('allows the burst, then the sustained rate, and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    now += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    now += 60_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0, 1]);
    const slow = new RateLimiter({ perMinute: 6, burst: 1 }, () => now);
    expect([slow.take('x'), slow.take('x')]).toEqual([0, 10]);
  });

  it('is off at 0 per minute, and forgets idle keys', () => {
    const off = new RateLimiter({ perMinute: 0, burst: 1 });
    for (let i = 0; i < 1000; i++) expect(off.take('k')).toBe(0);
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 600, burst: 5 }, () => now);
    for (let i = 0; i < 10_001; i++) limiter.take(`k${i}`);
    now += 60_000;
    limiter.take('last');
    expect(limiter.size).toBeLessThan(10);
  });
});

describe('configuration', () => {
  it('reads the rate limit and the query limits from the environment, with defaults and validation', () => {
    const env = readGatewayEnv({}, '/tmp');
    expect(env.rateLimit).toEqual(DEFAULT_RATE_LIMIT);
    expect(env.queryLimits).toEqual(DEFAULT_QUERY_LIMITS);
    const set = readGatewayEnv(
      {
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_BURST: '5',
        GRAPHQL_MAX_DEPTH: '9',
        GRAPHQL_MAX_COST: '1000',
        GRAPHQL_MAX_ALIASES: '10',
        GRAPHQL_MAX_TOKENS: '900',
      },
      '/tmp',
    );
    expect(set.rateLimit).toEqual({ perMinute: 0, burst: 5 });
    expect(set.queryLimits).toMatchObject({ maxDepth: 9, maxCost: 1000, maxAliases: 10, maxTokens: 900 });
    for (const bad of [
      { RATE_LIMIT_PER_MINUTE: '-1' },
      { RATE_LIMIT_PER_MINUTE: 'lots' },
      { RATE_LIMIT_BURST: '0' },
      { GRAPHQL_MAX_DEPTH: '1' },
      { GRAPHQL_MAX_COST: '1.5' },
    ]) {
      expect(() => readGatewayEnv(bad, '/tmp'), JSON.stringify(bad)).toThrow(ConfigError);
    }
  });

  it('cites rule IDs that exist', () => {
    for (const id of ['ARK-26-1-1', 'ARK-26-2-5']) expect(isValidRuleId(id), id).toBe(true);
  });
});
