// The hostile requests: one generator per category, each case drawn from its own seeded random
// source (random.ts), so `HOSTILE_SEED` and a case number reproduce it exactly. Every case must be
// refused — or, for a read of another municipality's ids, answered with nothing of theirs.
import { isNonNullType, type GraphQLSchema } from 'graphql';
import { badId, caseRng, hostileString, INJECTIONS, megabyte, uuid, type Rng } from './random.ts';
import { deepSelection, holdsId, hostileText, operation, rootFields, selection, valueOf, wrongValueOf, type Field } from './schema-walk.ts';

export interface World {
  schema: GraphQLSchema;
  /** Bearer credentials of the callers. */
  callers: {
    /** Kawasaki's registry administrator (a session) and its integrator token with every scope. */
    kawasakiAdmin: string;
    kawasakiToken: string;
    /** Minato's section chief; Arakawa's ordinary staff member. */
    minatoChief: string;
    arakawaStaff: string;
  };
  /** Credentials that were real once: a revoked token, an expired session, a signed-out session. */
  stale: string[];
  /** Arakawa's rows (every tenant table with ids) and the names only Arakawa has. */
  foreign: { ids: { table: string; id: string }[]; names: string[] };
  /** One of Kawasaki's own systems (a forged credential must not retire it). */
  kawasakiSystemId: string;
}

export interface HostileCase {
  index: number;
  category: string;
  name: string;
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** 'refused': a typed error, no data. 'refusedOrEmpty': that, or data holding nothing of another municipality's. */
  expect: 'refused' | 'refusedOrEmpty';
  /** Ids that must not come back in `data`. */
  foreignIds?: string[];
}

type Draft = Omit<HostileCase, 'index' | 'category'>;
type Generator = (r: Rng, w: World, n: number) => Draft;

const JSON_TYPE = { 'content-type': 'application/json' };
const auth = (bearer?: string): Record<string, string> => (bearer ? { authorization: `Bearer ${bearer}` } : {});
const post = (name: string, body: unknown, bearer?: string, extra: Record<string, string> = {}): Draft => ({
  name,
  method: 'POST',
  path: '/graphql',
  headers: { ...JSON_TYPE, ...auth(bearer), ...extra },
  body: typeof body === 'string' ? body : JSON.stringify(body),
  expect: 'refused',
});

/** A request that would change something if it ran (an API token would be created). */
const CREATE_TOKEN = 'mutation { createApiToken(input: { name: "hostile", scopes: ["registry:read"] }) { token } }';
const PROTECTED = ['{ viewer { username } }', '{ systems(first: 5) { totalCount } }', '{ auditEvents(first: 5) { totalCount } }', CREATE_TOKEN];

const anyCaller = (r: Rng, w: World): string | undefined =>
  r.pick([undefined, w.callers.kawasakiAdmin, w.callers.kawasakiToken, w.callers.minatoChief, w.callers.arakawaStaff]);
const signedIn = (r: Rng, w: World): string => r.pick([w.callers.kawasakiAdmin, w.callers.kawasakiToken, w.callers.minatoChief]);

const mutationsOf = (w: World) => rootFields(w.schema, 'mutation').filter((f) => !['signIn', 'signOut'].includes(f.name));
const queriesWithIds = (w: World) => rootFields(w.schema, 'query').filter((f) => f.args.some((a) => holdsId(a.type)));

export const CATEGORIES: Record<string, Generator> = {
  'malformed JSON': (r) => {
    const valid = JSON.stringify({ query: '{ viewer { username } }' });
    const body = r.pick([
      () => valid.slice(0, r.int(0, valid.length - 1)),
      () => hostileString(r, 300),
      () => valid.replace('}"', '}",'),
      () => valid.replaceAll('"', "'"),
      () => `${valid}${r.pick(['}', ']', 'x', '{}', '\u0000'])}`,
      () => '['.repeat(r.int(1, 20_000)) + ']'.repeat(r.int(0, 3)),
      () => '{"a":'.repeat(r.int(1, 5_000)) + '1' + '}'.repeat(r.int(0, 5_000)),
      () => r.pick(['', 'null', 'true', '0', '"query"', 'NaN', 'undefined', '{', '}', '\ufeff{}', '{"query": "\\ud800"}']),
      () =>
        r.pick([
          '{"query": null}',
          '{"query": {}}',
          '{"query": ["{ viewer { username } }"]}',
          '{"query": 1e999}',
          '{"query": "{ viewer { username } }", "variables": []}',
        ]),
      () =>
        JSON.stringify({
          query: '{ viewer { username } }',
          variables: JSON.parse('{"__proto__": {"polluted": true}}'),
          operationName: r.pick([null, 1, [], {}]),
        }),
      () =>
        JSON.stringify({
          query: '{ viewer { username } }',
          extensions: { persistedQuery: { version: r.pick([1, 2, 'x']), sha256Hash: hostileString(r, 64) } },
        }),
    ])();
    // Anonymous: were the body understood, the query would still be refused (UNAUTHENTICATED).
    return post('malformed or odd JSON body', body);
  },

  'wrong content type': (r, w) => {
    const type = r.pick([
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/graphql',
      'application/xml',
      'text/html',
      'application/vnd.api+json',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'image/png',
    ]);
    const d = post(`content type ${type}`, { query: CREATE_TOKEN }, w.callers.kawasakiAdmin);
    d.headers['content-type'] = type;
    if (r.chance(0.2)) {
      delete d.headers['content-type'];
      d.name = 'no content type';
    }
    if (r.chance(0.15)) {
      d.headers['content-type'] = 'application/json';
      d.headers['content-encoding'] = r.pick(['gzip', 'deflate', 'br', 'compress', 'x-unknown']);
      d.name = `content encoding ${d.headers['content-encoding']} of a plain body`;
    }
    return d;
  },

  'wrong HTTP method': (r, w) => {
    const method = r.pick(['GET', 'PUT', 'DELETE', 'PATCH']);
    if (method !== 'GET') return { ...post(`${method} of a mutation`, { query: CREATE_TOKEN }, w.callers.kawasakiAdmin), method };
    const variant = r.int(0, 3);
    const search = [
      `?query=${encodeURIComponent(CREATE_TOKEN)}`,
      `?query=${encodeURIComponent('{ viewer { username } }')}&variables=${encodeURIComponent('{not json')}`,
      `?query=${encodeURIComponent(deepSelection(r.int(13, 200)))}`,
      `?query=${encodeURIComponent('{ viewer { username } }')}`,
    ][variant]!;
    // With the preflight header CSRF prevention lets a GET through; a mutation by GET is still refused.
    const headers = variant === 3 ? { ...auth(w.callers.kawasakiAdmin) } : { ...auth(w.callers.kawasakiAdmin), 'apollo-require-preflight': 'true' };
    return {
      name: ['GET of a mutation', 'GET with malformed variables', 'GET of a deep query', 'GET without the preflight header (CSRF)'][variant]!,
      method: 'GET',
      path: `/graphql${search}`,
      headers,
      expect: 'refused',
    };
  },

  'wrong types and enum values in variables': (r, w) => {
    const kind = r.pick(['query', 'mutation'] as const);
    const candidates = rootFields(w.schema, kind).filter((f) => f.args.length > 0 && f.name !== 'signIn');
    const field = r.pick(candidates);
    const wrong = r.int(0, field.args.length - 1);
    const { query, variables } = operation(kind, field, (a, i) => (i === wrong ? wrongValueOf(a.type, r) : valueOf(a.type, r, { id: () => uuid(r) })));
    return post(`${kind} ${field.name}: ${field.args[wrong]!.name} of a wrong type`, { query, variables }, signedIn(r, w));
  },

  'huge strings': (r, w) => {
    const variant = r.int(0, 5);
    if (variant === 0) {
      const field = r.pick(mutationsOf(w).filter((f) => f.args.some((a) => String(a.type).replace('!', '') === 'String')));
      const { query, variables } = operation('mutation', field, (a) =>
        String(a.type).replace('!', '') === 'String' ? megabyte(r) : valueOf(a.type, r, { id: () => badId(r), string: () => megabyte(r) }),
      );
      return post(`mutation ${field.name} with 1 MB strings`, { query, variables }, w.callers.kawasakiAdmin);
    }
    if (variant === 1)
      return post(
        '1 MB string literal in the document',
        { query: `{ systems(first: 1, filter: { text: "${'x'.repeat(1_048_577)}" }) { totalCount } }` },
        w.callers.kawasakiAdmin,
      );
    if (variant === 2) {
      const which = r.pick(['m', 'u', 'p']);
      const vars: Record<string, string> = { m: 'kawasaki', u: 'admin', p: 'wrong' };
      vars[which] = megabyte(r);
      return post(`signIn with a 1 MB ${which}`, {
        query: 'mutation($m: String!, $u: String!, $p: String!) { signIn(municipality: $m, username: $u, password: $p) { token } }',
        variables: vars,
      });
    }
    if (variant === 3)
      return post(
        '1 MB search text',
        { query: 'query($t: String) { systems(first: 5, filter: { text: $t }) { totalCount } }', variables: { t: megabyte(r) } },
        w.callers.kawasakiAdmin,
      );
    if (variant === 4)
      return post('a body over the 6 MB limit', { query: CREATE_TOKEN, variables: { x: 'x'.repeat(6 * 1024 * 1024 + 10) } }, w.callers.kawasakiAdmin);
    return post('1 MB operation name', { query: '{ viewer { username } }', operationName: megabyte(r) }, w.callers.kawasakiAdmin);
  },

  'deep queries': (r, w) => {
    const variant = r.int(0, 4);
    const caller = anyCaller(r, w);
    if (variant === 0) {
      const levels = r.pick([13, 14, 20, r.int(13, 400), r.int(400, 3000)]);
      return post(`a query ${levels} levels deep`, { query: deepSelection(levels) }, caller);
    }
    if (variant === 1) {
      const n = r.int(12, 80);
      const frags = Array.from({ length: n }, (_, i) => `fragment F${i} on OrgUnit { name parent { ...F${i + 1} } }`).join(' ');
      return post(`${n} fragments nested in a chain`, { query: `{ orgUnits { ...F0 } } ${frags} fragment F${n} on OrgUnit { name }` }, caller);
    }
    if (variant === 2) {
      const levels = r.pick([r.int(50, 3000), r.int(10_000, 100_000)]);
      if (r.chance(0.5)) {
        // Built as text: JSON.stringify itself would overflow the stack.
        const list = `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;
        return post(
          `a list variable nested ${levels} deep`,
          `{"query":"mutation($k: [ID!]!, $m: ID!) { reorderAgenda(itemIds: $k, meetingId: $m) { id } }","variables":{"m":"${uuid(r)}","k":${list}}}`,
          caller,
        );
      }
      const object = `${'{"a":'.repeat(levels)}"x"${'}'.repeat(levels)}`;
      return post(
        `a JSON object variable nested ${levels} deep`,
        `{"query":"mutation($i: RequestInput!) { submitRequest(input: $i) { id } }","variables":{"i":{"kindKey":"user_addition","content":${object}}}}`,
        caller,
      );
    }
    if (variant === 3) {
      const n = r.int(20, 1500);
      return post(`unknown fields nested ${n} deep`, { query: `{ ${'a { '.repeat(n)}b${' }'.repeat(n)} }` }, caller);
    }
    const first = r.int(50, 200);
    return post(
      `systems(first: ${first}) through assets and back, four lists deep`,
      {
        query: `{ systems(first: ${first}) { edges { node { informationAssets { systems { informationAssets { owners { name } systems { name } } } } } } } }`,
      },
      caller,
    );
  },

  'wide queries': (r, w) => {
    const variant = r.int(0, 3);
    const caller = anyCaller(r, w);
    if (variant === 0) {
      const n = r.int(2001, 8000);
      return post(`${n} fields in one selection`, { query: `{ viewer { ${'username '.repeat(n)}} }` }, caller);
    }
    if (variant === 1) {
      const n = r.int(41, 400);
      return post(
        `a 50-field fragment spread ${n} times`,
        { query: `{ viewer { ${'...V '.repeat(n)}} } fragment V on Viewer { ${'username '.repeat(50)}}` },
        caller,
      );
    }
    if (variant === 2) {
      const levels = r.int(12, 60);
      const frags = Array.from({ length: levels }, (_, i) => `fragment F${i} on OrgUnit { parent { ...F${i + 1} } parent { ...F${i + 1} } }`).join('\n');
      return post(
        `a fragment bomb of ${levels} doubling levels`,
        { query: `{ orgUnits { ...F0 } }\n${frags}\nfragment F${levels} on OrgUnit { name }` },
        caller,
      );
    }
    // Every root query without required arguments at once, anonymously: each is refused.
    const fields = rootFields(w.schema, 'query').filter((f) => f.args.every((a) => !isNonNullType(a.type)));
    return post(`${fields.length} root queries at once, signed out`, { query: `{ ${fields.map((f) => `${f.name} ${selection(f.type, false)}`).join(' ')} }` });
  },

  'alias floods': (r, w) => {
    const n = r.pick([101, 150, r.int(101, 1000), r.int(1000, 5000)]);
    const target = r.pick([
      ['viewer { username }', 'query'],
      ['systems(first: 200) { totalCount edges { node { name } } }', 'query'],
      ['createApiToken(input: { name: "hostile", scopes: ["registry:read"] }) { token }', 'mutation'],
    ] as const);
    if (r.chance(0.3))
      return post(
        `${n} aliases inside one field`,
        { query: `{ viewer { ${Array.from({ length: n }, (_, i) => `u${i}: username`).join(' ')} } }` },
        w.callers.kawasakiAdmin,
      );
    return post(
      `${n} aliases of ${target[0].split('(')[0]!.split(' ')[0]}`,
      { query: `${target[1]} { ${Array.from({ length: n }, (_, i) => `a${i}: ${target[0]}`).join(' ')} }` },
      w.callers.kawasakiAdmin,
    );
  },

  'batched arrays': (r, w) => {
    const n = r.int(0, 30);
    const ops = Array.from({ length: n }, () =>
      r.pick<unknown>([{ query: CREATE_TOKEN }, { query: '{ viewer { username } }' }, { query: 'mutation { signOut }' }, null, 1, [], 'x']),
    );
    return post(`a batch of ${n}`, r.chance(0.1) ? [ops] : ops, w.callers.kawasakiAdmin);
  },

  'fragment cycles': (r, w) => {
    const k = r.int(1, 8);
    const names = Array.from({ length: k }, (_, i) => `C${i}`);
    const frags = names.map((n, i) => `fragment ${n} on OrgUnit { name parent { ...${names[(i + 1) % k]} } }`).join(' ');
    const variant = r.int(0, 3);
    const query = [
      `{ orgUnits { ...C0 } } ${frags}`,
      `{ orgUnits { ...C0 } } ${frags} fragment Unused on OrgUnit { name }`,
      `{ orgUnits { ...Missing } }`,
      `{ orgUnits { ...W } } fragment W on System { name }`,
    ][variant]!;
    return post(
      ['a fragment cycle', 'a cycle and an unused fragment', 'a spread of an unknown fragment', 'a fragment on the wrong type'][variant]! + ` (${k})`,
      { query },
      r.pick([undefined, w.callers.kawasakiAdmin]),
    );
  },

  'unknown operations': (r, w) => {
    const caller = r.pick([undefined, w.callers.kawasakiAdmin]);
    const variants: [string, unknown][] = [
      [
        'an operation name not in the document',
        { query: 'query A { viewer { username } }', operationName: r.pick(['B', '', hostileString(r, 20), '__proto__']) },
      ],
      ['two anonymous operations', { query: '{ viewer { username } } { systems(first: 1) { totalCount } }' }],
      [
        'two operations and no name',
        { query: `query A { viewer { username } } mutation B { createApiToken(input: { name: "x", scopes: ["registry:read"] }) { token } }` },
      ],
      ['a subscription', { query: r.pick(['subscription { viewer { username } }', 'subscription S { systems(first: 1) { totalCount } }']) }],
      ['fragments only', { query: 'fragment F on Viewer { username }' }],
      ['type definitions', { query: r.pick(['type X { a: Int }', 'schema { query: Query }', 'extend type Query { x: Int }', 'directive @x on FIELD']) }],
      ['a misspelt operation type', { query: `${r.pick(['mutatoin', 'Query', 'QUERY', 'subscribe'])} { viewer { username } }` }],
      ['an unknown root field', { query: `${r.pick(['query', 'mutation'])} { ${r.pick(['dropDatabase', 'exec', '__proto__', 'users', 'deleteSystem'])} }` }],
      ['an unknown variable type', { query: 'query Q($v: Unknown) { viewer { username } }', variables: { v: 1 } }],
      ['an undefined variable', { query: '{ systems(first: $n) { totalCount } }', variables: { n: 1 } }],
      ['an unknown directive', { query: `{ viewer { username @${r.pick(['skipp', 'defer', 'stream', 'exec(cmd: "ls")'])} } }` }],
    ];
    const [name, body] = r.pick(variants);
    return post(name, body, caller);
  },

  'cross-tenant ids': (r, w, n) => {
    const fields = queriesWithIds(w);
    const field = fields[n % fields.length]!;
    const ids: string[] = [];
    const foreignId = () => {
      const id = r.pick(w.foreign.ids).id;
      ids.push(id);
      return id;
    };
    const { query, variables } = operation('query', field, (a) => valueOf(a.type, r, { id: foreignId }));
    const caller = r.pick([w.callers.kawasakiAdmin, w.callers.kawasakiToken, w.callers.minatoChief]);
    return { ...post(`query ${field.name} with Arakawa's ids`, { query, variables }, caller), expect: 'refusedOrEmpty', foreignIds: ids };
  },

  'stale and forged credentials': (r, w) => {
    const real = r.pick([w.callers.kawasakiAdmin, w.callers.kawasakiToken]);
    const flip = (t: string) => {
      const i = r.int(4, t.length - 1);
      return t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
    };
    const [name, credential] = r.pick<[string, () => string]>([
      [
        'a random session token',
        () => `tss_${Array.from({ length: 43 }, () => r.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'])).join('')}`,
      ],
      [
        'a random API token',
        () => `tsa_${Array.from({ length: 43 }, () => r.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'])).join('')}`,
      ],
      ['a truncated token', () => real.slice(0, r.int(1, real.length - 1))],
      ['a token with one character changed', () => flip(real)],
      ['a token with a character appended', () => `${real}A`],
      ['a revoked, expired or signed-out credential', () => r.pick(w.stale)],
      ['an injection as a token', () => r.pick(INJECTIONS).replace(/[\u0000-\u001f\u007f]/g, '')],
      ['an 8 KB token', () => 'tss_' + 'A'.repeat(8000)],
      [
        'a session token in the API token prefix, and the reverse',
        () => r.pick([`tsa_${w.callers.kawasakiAdmin.slice(4)}`, `tss_${w.callers.kawasakiToken.slice(4)}`]),
      ],
    ]);
    const token = credential();
    const query = r.pick([...PROTECTED, `mutation { retireSystem(id: "${w.kawasakiSystemId}", version: 1) { id } }`]);
    const how = r.int(0, 3);
    const headers: Record<string, string> =
      how === 0
        ? { authorization: `Bearer ${token}` }
        : how === 1
          ? { cookie: `tsukasa_session=${encodeURIComponent(token)}` }
          : how === 2
            ? { authorization: `Basic ${Buffer.from(`admin:${token}`).toString('base64')}` }
            : { authorization: `bearer ${token}` };
    return post(`${name} (${['bearer', 'cookie', 'basic', 'lower-case bearer'][how]})`, { query }, undefined, headers);
  },

  'invalid ids on every mutation': (r, w, n) => {
    const mutations = mutationsOf(w);
    const field: Field = mutations[n % mutations.length]!;
    const caller = r.pick<string | undefined>([
      w.callers.kawasakiAdmin,
      w.callers.kawasakiAdmin,
      w.callers.kawasakiToken,
      w.callers.minatoChief,
      w.callers.arakawaStaff,
      undefined,
    ]);
    // Arakawa's own staff get malformed and unknown ids; the others Arakawa's real ones too.
    const id = () => (caller !== w.callers.arakawaStaff && r.chance(0.5) ? r.pick(w.foreign.ids).id : badId(r));
    const strings = r.chance(0.5) ? { string: () => hostileText(r) } : {};
    const { query, variables } = operation('mutation', field, (a) => valueOf(a.type, r, { id, ...strings }), false);
    return post(`mutation ${field.name} with invalid ids`, { query, variables }, caller);
  },
};

export const CATEGORY_NAMES = Object.keys(CATEGORIES);

/** Case `index` of the run: categories in turn, then the category's own round (mutations, queries in turn). */
export function hostileCase(seed: number, index: number, world: World): HostileCase {
  const category = CATEGORY_NAMES[index % CATEGORY_NAMES.length]!;
  const draft = CATEGORIES[category]!(caseRng(seed, index), world, Math.floor(index / CATEGORY_NAMES.length));
  return { index, category, ...draft };
}
