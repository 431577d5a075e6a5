// An `after` that is not a cursor of the list asked is refused alike by every list — those whose
// cursor is an encoded position, a sequence number (the audit log, the account feed) or an id (a
// system's accounts): BAD_USER_INPUT with one field error on `after` in the domain's words, and
// nothing changes.
import { cursorInvalid } from '@tsukasa/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type GqlResult, type TestGateway } from '../testing/harness.ts';

let gw: TestGateway;
let admin: string;
let integrator: string;
let systemId: string;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  admin = await gw.signIn('kitami');
  const token = await gw.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "ログイン認証システム", scopes: ["access:read"] }) { token } }',
    {},
    { token: admin },
  );
  integrator = token.data!.createApiToken.token;
  systemId = (await gw.admin.query(`select id from system where key = 'ktm.counter'`)).rows[0].id as string;
});
afterAll(() => gw.stop());

/** Not a cursor; a cursor of one part (no list's); a negative number. */
const NOT_CURSORS = ['not-a-cursor', Buffer.from(JSON.stringify(['x'])).toString('base64url'), '-1'];

const LISTS: { name: string; query: string; variables?: () => Record<string, unknown>; token?: () => string }[] = [
  { name: 'requests', query: 'query($a: String) { requests(first: 5, after: $a) { __typename } }' },
  { name: 'systems', query: 'query($a: String) { systems(first: 5, after: $a) { __typename } }' },
  { name: 'informationAssets', query: 'query($a: String) { informationAssets(first: 5, after: $a) { __typename } }' },
  { name: 'staff', query: 'query($a: String) { staff(first: 5, after: $a) { __typename } }' },
  { name: 'auditEvents', query: 'query($a: String) { auditEvents(first: 5, after: $a) { __typename } }' },
  { name: 'accounts', query: 'query($a: String, $y: ID!) { accounts(systemId: $y, first: 5, after: $a) { __typename } }', variables: () => ({ y: systemId }) },
  {
    name: 'accountsFeed',
    query: 'query($a: String, $y: ID!) { accountsFeed(systemId: $y, first: 5, after: $a) { __typename } }',
    variables: () => ({ y: systemId }),
    token: () => integrator,
  },
];

const changes = async () =>
  (await gw.admin.query(`select (select count(*) from audit_event) as events, (select count(*) from notification) as notices`)).rows[0];

describe('an after that is not a cursor of the list', () => {
  it.each(LISTS)('$name: refused on `after` with the one cursor message, and nothing changes', async (list) => {
    const token = list.token?.() ?? admin;
    const ok = await gw.gql(list.query, { a: null, ...list.variables?.() }, { token });
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    const before = await changes();
    for (const a of NOT_CURSORS) {
      const r: GqlResult = await gw.gql(list.query, { a, ...list.variables?.() }, { token });
      expect(r.data ?? null, a).toBeNull();
      expect(r.errors, a).toHaveLength(1);
      expect(r.errors![0]!.extensions!['code'], a).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!['fieldErrors'], a).toEqual([
        { path: ['after'], code: 'INVALID_VALUE', message: cursorInvalid().message.en, messageJa: cursorInvalid().message.ja },
      ]);
    }
    expect(await changes()).toEqual(before);
  });
});
