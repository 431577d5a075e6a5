import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from './auth.service.ts';
import { tokenHash } from './tokens.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

const SIGN_IN = 'mutation($m: String!, $u: String!, $p: String!) { signIn(municipality: $m, username: $u, password: $p) { token expiresAt viewer { username isRegistryAdmin municipality { code } } } }';

describe('sign-in', () => {
  it('signs in the demo administrator of each municipality and sets an HTTP-only session cookie', async () => {
    for (const m of ['minato', 'kawasaki', 'kitami', 'arakawa']) {
      const r = await gw.gql<{ signIn: { token: string; viewer: { username: string; isRegistryAdmin: boolean; municipality: { code: string } } } }>(SIGN_IN, { m, u: 'admin', p: 'demo-admin-pass' });
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

  it(`locks an account after ${LOCK_AFTER_FAILURES} wrong passwords, even for the right one`, async () => {
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await gw.gql(SIGN_IN, { m: 'minato', u: 'staff1', p: `wrong-${i}` });
    const r = await gw.gql(SIGN_IN, { m: 'minato', u: 'staff1', p: 'demo-admin-pass' });
    expect(r.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    expect(r.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    // The wait is said in minutes, in both languages.
    expect(r.errors![0]!.message).toBe(`Too many attempts. Try again in ${LOCK_MINUTES} minutes.`);
    expect(r.errors![0]!.extensions!.messageJa).toBe(`試行回数が多すぎます。${LOCK_MINUTES}分後に再度お試しください。`);
    const failures = (await gw.admin.query(`select count(*)::int as n from audit_event where action = 'auth.sign_in_failed'`)).rows[0].n;
    expect(failures).toBeGreaterThanOrEqual(LOCK_AFTER_FAILURES);
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
      'mutation { createApiToken(input: { name: "統合連携サーバ", scopes: ["registry:read"] }) { token apiToken { id name scopes } } }', {}, { token: admin });
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
