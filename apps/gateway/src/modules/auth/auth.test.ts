import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type GqlResult, type TestGateway } from '../../testing/harness.ts';
import { FIRST_BACKOFF_SECONDS, FREE_SIGN_IN_FAILURES, MAX_BACKOFF_SECONDS } from './auth.service.ts';
import { tokenHash } from './tokens.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

const SIGN_IN =
  'mutation($m: String!, $u: String!, $p: String!) { signIn(municipality: $m, username: $u, password: $p) { token expiresAt viewer { username isRegistryAdmin municipality { code } } } }';

/** A sign-in sent from another loopback address: to the gateway, another client. */
function signInFrom(address: string, vars: { m: string; u: string; p: string }): Promise<GqlResult<{ signIn: { token: string } }>> {
  const body = JSON.stringify({ query: SIGN_IN, variables: vars });
  return new Promise((ok, fail) => {
    const req = httpRequest(
      `${gw.url}/graphql`,
      { method: 'POST', localAddress: address, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => ok({ status: res.statusCode!, headers: new Headers(), ...(JSON.parse(text) as object) }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** What a caller can tell from a refused sign-in. */
const refusal = (r: GqlResult) => {
  const e = r.errors?.[0];
  return {
    status: r.status,
    data: r.data ?? null,
    code: e?.extensions?.code,
    message: e?.message?.replace(/\d+/g, 'N'),
    messageJa: String(e?.extensions?.messageJa).replace(/\d+/g, 'N'),
    waits: typeof e?.extensions?.retryAfterSeconds,
  };
};

describe('sign-in', () => {
  it('signs in the demo administrator of each municipality and sets an HTTP-only session cookie', async () => {
    for (const m of ['minato', 'kawasaki', 'kitami', 'arakawa']) {
      const r = await gw.gql<{ signIn: { token: string; viewer: { username: string; isRegistryAdmin: boolean; municipality: { code: string } } } }>(SIGN_IN, {
        m,
        u: 'admin',
        p: 'demo-admin-pass',
      });
      expect(r.data!.signIn.viewer).toEqual({ username: 'admin', isRegistryAdmin: true, municipality: { code: m } });
      const cookie = r.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^tsukasa_session=tss_/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
    }
  });

  it('stores only the hash of the session token', async () => {
    const token = await gw.signIn('kitami');
    const rows = (await gw.admin.query('select token_hash from session')).rows.map((r) => r.token_hash);
    expect(rows).toContain(tokenHash(token));
    expect(rows).not.toContain(token);
  });

  it('gives the same answer for an unknown municipality, an unknown user and a wrong password', async () => {
    const answers = await Promise.all([
      gw.gql(SIGN_IN, { m: 'atlantis', u: 'admin', p: 'demo-admin-pass' }),
      gw.gql(SIGN_IN, { m: 'arakawa', u: 'nobody', p: 'demo-admin-pass' }),
      gw.gql(SIGN_IN, { m: 'arakawa', u: 'chief', p: 'wrong' }),
    ]);
    for (const a of answers) {
      expect(a.data).toBeNull();
      expect(a.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageJa: '自治体、ユーザー名またはパスワードが正しくありません。' });
    }
  });

  it('answers an unknown username exactly as an existing one, before and after the backoff starts', async () => {
    const from = '127.0.0.2';
    const answers: { known: ReturnType<typeof refusal>; unknown: ReturnType<typeof refusal> }[] = [];
    for (let i = 0; i < FREE_SIGN_IN_FAILURES + 2; i++) {
      const [known, unknown] = await Promise.all([
        signInFrom(from, { m: 'minato', u: 'staff1', p: `wrong-${i}` }),
        signInFrom(from, { m: 'minato', u: 'no-such-user', p: `wrong-${i}` }),
      ]);
      answers.push({ known: refusal(known), unknown: refusal(unknown) });
    }
    for (const a of answers) expect(a.unknown).toEqual(a.known);
    expect(answers.map((a) => a.known.code)).toEqual([...Array(FREE_SIGN_IN_FAILURES).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED']);
    // Even the right password waits, for a name that exists as for one that does not.
    const [right, rightUnknown] = await Promise.all([
      signInFrom(from, { m: 'minato', u: 'staff1', p: 'demo-admin-pass' }),
      signInFrom(from, { m: 'minato', u: 'no-such-user', p: 'demo-admin-pass' }),
    ]);
    expect(refusal(right)).toMatchObject({ code: 'RATE_LIMITED', waits: 'number' });
    expect(refusal(rightUnknown)).toEqual(refusal(right));
    expect(right.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(FIRST_BACKOFF_SECONDS);
  });

  it('lets nobody lock a colleague out: from another address the right password still signs in', async () => {
    const attacker = '127.0.0.3';
    for (const m of ['minato', 'kawasaki', 'kitami', 'arakawa']) {
      for (let i = 0; i < FREE_SIGN_IN_FAILURES + 3; i++) await signInFrom(attacker, { m, u: 'admin', p: `guess-${i}` });
      expect((await signInFrom(attacker, { m, u: 'admin', p: 'demo-admin-pass' })).errors![0]!.extensions!.code).toBe('RATE_LIMITED');
      // The administrator at their own desk (another address), and anyone on this test's address.
      const own = await signInFrom('127.0.0.4', { m, u: 'admin', p: 'demo-admin-pass' });
      expect(own.errors, m).toBeUndefined();
      expect(own.data!.signIn.token).toMatch(/^tss_/);
      await gw.signIn(m);
    }
  });

  it('makes an address wait longer after each further wrong password, and forgets after a sign-in', async () => {
    const from = '127.0.0.5';
    const vars = (p: string) => ({ m: 'kitami', u: 'chief', p });
    const unblock = () => gw.admin.query(`update sign_in_throttle set blocked_until = now() - interval '1 second' where client_address = $1`, [from]);
    const waitOf = async (r: Promise<GqlResult>) => (await r).errors![0]!.extensions!.retryAfterSeconds as number;
    for (let i = 0; i < FREE_SIGN_IN_FAILURES; i++) expect(refusal(await signInFrom(from, vars(`wrong-${i}`))).code).toBe('UNAUTHENTICATED');
    expect(await waitOf(signInFrom(from, vars('demo-admin-pass')))).toBeLessThanOrEqual(FIRST_BACKOFF_SECONDS);
    await unblock();
    expect(refusal(await signInFrom(from, vars('wrong-again'))).code).toBe('UNAUTHENTICATED');
    const doubled = await waitOf(signInFrom(from, vars('demo-admin-pass')));
    expect(doubled).toBeGreaterThan(FIRST_BACKOFF_SECONDS);
    expect(doubled).toBeLessThanOrEqual(2 * FIRST_BACKOFF_SECONDS);
    await unblock();
    expect((await signInFrom(from, vars('demo-admin-pass'))).errors).toBeUndefined();
    // The count started over: a typo after signing in costs nothing.
    expect(refusal(await signInFrom(from, vars('typo'))).code).toBe('UNAUTHENTICATED');
    expect((await signInFrom(from, vars('demo-admin-pass'))).errors).toBeUndefined();
  });

  it('says how long to wait in minutes once the wait is a minute or more, in both languages', async () => {
    const from = '127.0.0.7';
    const vars = (p: string) => ({ m: 'arakawa', u: 'chief', p });
    for (let i = 0; i <= FREE_SIGN_IN_FAILURES; i++) await signInFrom(from, vars(`wrong-${i}`));
    // The longest wait the backoff reaches.
    await gw.admin.query(`update sign_in_throttle set blocked_until = $2 where client_address = $1`, [
      from,
      new Date(gw.now().getTime() + MAX_BACKOFF_SECONDS * 1000),
    ]);
    const r = await signInFrom(from, vars('demo-admin-pass'));
    const minutes = MAX_BACKOFF_SECONDS / 60;
    expect(r.errors![0]!.message).toBe(`Too many attempts. Try again in ${minutes} minutes.`);
    expect(r.errors![0]!.extensions!.messageJa).toBe(`試行回数が多すぎます。${minutes}分後に再度お試しください。`);
  });

  it('keeps an audit trail of failed sign-ins, for known and unknown names alike, with the address', async () => {
    await signInFrom('127.0.0.6', { m: 'kawasaki', u: 'staff1', p: 'wrong' });
    await signInFrom('127.0.0.6', { m: 'kawasaki', u: 'ghost', p: 'wrong' });
    const events = (
      await gw.admin.query(
        `select e.actor_staff_id, e.target_id, s.username as target_username, e.after from audit_event e left join staff s on s.id::text = e.target_id
        where e.action = 'auth.sign_in_failed' and e.after->>'clientAddress' = '127.0.0.6' order by e.seq`,
      )
    ).rows;
    expect(events).toEqual([
      {
        actor_staff_id: null,
        target_id: expect.any(String),
        target_username: 'staff1',
        after: { username: 'staff1', clientAddress: '127.0.0.6', failures: 1 },
      },
      { actor_staff_id: null, target_id: null, target_username: null, after: { username: 'ghost', clientAddress: '127.0.0.6', failures: 1 } },
    ]);
  });

  it('authenticates the admin app by cookie, and signOut ends the session', async () => {
    const r = await gw.gql(SIGN_IN, { m: 'arakawa', u: 'chief', p: 'demo-admin-pass' });
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const me = await gw.gql<{ viewer: { username: string } }>('{ viewer { username } }', {}, { headers: { cookie } });
    expect(me.data!.viewer.username).toBe('chief');
    const out = await gw.gql<{ signOut: boolean }>('mutation { signOut }', {}, { headers: { cookie } });
    expect(out.data!.signOut).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/tsukasa_session=;/);
    const after = await gw.gql('{ viewer { username } }', {}, { headers: { cookie } });
    expect(after.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session 8 hours after sign-in on the gateway’s clock, wherever that clock stands', async () => {
    const cal = testCalendar();
    const viewer = (token: string) => gw.gql<{ viewer: { username: string } }>('{ viewer { username } }', {}, { token });
    try {
      for (const signedInAt of [cal.at(cal.day(40), '10:00'), cal.at(cal.day(-40), '10:00')]) {
        gw.setNow(signedInAt);
        const r = await gw.gql<{ signIn: { token: string; expiresAt: string } }>(SIGN_IN, { m: 'kitami', u: 'chief', p: 'demo-admin-pass' });
        const { token, expiresAt } = r.data!.signIn;
        expect(new Date(expiresAt).getTime()).toBe(signedInAt.getTime() + 8 * 3_600_000);
        const [row] = (await gw.admin.query('select created_at, expires_at from session where token_hash = $1', [tokenHash(token)])).rows;
        expect([row.created_at.getTime(), row.expires_at.getTime()]).toEqual([signedInAt.getTime(), signedInAt.getTime() + 8 * 3_600_000]);
        gw.setNow(new Date(signedInAt.getTime() + 8 * 3_600_000 - 60_000));
        expect((await viewer(token)).data!.viewer.username).toBe('chief');
        gw.setNow(new Date(signedInAt.getTime() + 8 * 3_600_000));
        expect((await viewer(token)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      }
    } finally {
      gw.setNow(null);
    }
  });

  it('refuses an expired session and a forged token', async () => {
    const token = await gw.signIn('kawasaki', 'chief');
    await gw.admin.query(`update session set expires_at = now() - interval '1 second' where token_hash = $1`, [tokenHash(token)]);
    const expired = await gw.gql('{ viewer { username } }', {}, { token });
    expect(expired.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const forged = await gw.gql('{ viewer { username } }', {}, { token: `tss_${'A'.repeat(43)}` });
    expect(forged.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('integrator API tokens', () => {
  it('are created by an administrator, shown once, scoped, and revocable', async () => {
    const admin = await gw.signIn('arakawa');
    const created = await gw.gql<{ createApiToken: { token: string; apiToken: { id: string; scopes: string[] } } }>(
      'mutation { createApiToken(input: { name: "統合連携サーバ", scopes: ["registry:read"] }) { token apiToken { id name scopes } } }',
      {},
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^tsa_/);
    const listed = await gw.gql<{ apiTokens: Record<string, unknown>[] }>('{ apiTokens { id name scopes createdAt revokedAt } }', {}, { token: admin });
    expect(listed.errors).toBeUndefined();
    expect(new Date(listed.data!.apiTokens[0]!.createdAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(listed.data)).not.toContain(token);
    const read = await gw.gql<{ systems: { totalCount: number } }>('{ systems(first: 1) { totalCount } }', {}, { token });
    expect(read.data!.systems.totalCount).toBe(117);
    const write = await gw.gql('mutation { retireSystem(id: "00000000-0000-4000-8000-000000000000", version: 1) { id } }', {}, { token });
    expect(write.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const tokensByToken = await gw.gql('{ apiTokens { id } }', {}, { token });
    expect(tokensByToken.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    await gw.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, { token: admin });
    const revoked = await gw.gql('{ systems(first: 1) { totalCount } }', {}, { token });
    expect(revoked.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown scopes with a field path', async () => {
    const admin = await gw.signIn('arakawa');
    const r = await gw.gql('mutation { createApiToken(input: { name: "x", scopes: ["registry:read", "root"] }) { token } }', {}, { token: admin });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input', 'scopes', 1] }] });
  });
});
